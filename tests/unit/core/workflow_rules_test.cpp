// The pure rules of the collection workflow: stages, promises, arrangements,
// authority, repayment capacity, document types.
#include <gtest/gtest.h>

#include "core/arrangement.hpp"
#include "core/authority.hpp"
#include "core/case_hold.hpp"
#include "core/case_stage.hpp"
#include "core/contact_outcome.hpp"
#include "core/document_type.hpp"
#include "core/promise.hpp"

namespace arrears {
namespace {

Money Cny(std::int64_t fen) { return Money(fen, Currency::kCNY); }
Date D(const char* text) { return *Date::Parse(text); }

TEST(CaseStage, FollowsTheWorkflowAndSaysWhatIsAllowed) {
  EXPECT_TRUE(CheckStageMove(CaseStage::kNew, CaseStage::kReminding));
  EXPECT_TRUE(CheckStageMove(CaseStage::kArrangement, CaseStage::kNegotiating));  // a plan failed
  EXPECT_TRUE(CheckStageMove(CaseStage::kLegal, CaseStage::kNegotiating));       // back from legal
  EXPECT_TRUE(CheckStageMove(CaseStage::kEscalated, CaseStage::kClosed));        // any open stage closes
  EXPECT_TRUE(CheckStageMove(CaseStage::kClosed, CaseStage::kNew));              // reopened
  const Status skip = CheckStageMove(CaseStage::kNew, CaseStage::kLegal);
  ASSERT_FALSE(skip);
  EXPECT_EQ(skip.error().message, "a new case cannot move to legal (allowed: reminding, negotiating, follow_up, escalated, closed)");
  EXPECT_FALSE(CheckStageMove(CaseStage::kClosed, CaseStage::kReminding));
  EXPECT_FALSE(CheckStageMove(CaseStage::kReminding, CaseStage::kReminding));
  for (const char* name : {"new", "reminding", "negotiating", "arrangement", "follow_up", "escalated", "legal", "closed"}) {
    EXPECT_EQ(CaseStageName(*ParseCaseStage(name)), name);
  }
  EXPECT_FALSE(ParseCaseStage("open"));
}

TEST(CaseHold, NamesRoundTripAndSomeStopContact) {
  EXPECT_EQ(HoldKindName(*ParseHoldKind("plan_in_force")), "plan_in_force");
  EXPECT_TRUE(StopsContact(HoldKind::kDeceased));
  EXPECT_TRUE(StopsContact(HoldKind::kCeaseContact));
  EXPECT_FALSE(StopsContact(HoldKind::kHardship));
  EXPECT_FALSE(ParseHoldKind("paused"));
}

TEST(ContactOutcome, ConversationsAreTheOnesWithTheDebtor) {
  EXPECT_TRUE(IsDebtorConversation(*ParseContactOutcome("promise")));
  EXPECT_FALSE(IsDebtorConversation(*ParseContactOutcome("third_party")));
  EXPECT_FALSE(IsConnected(*ParseContactOutcome("no_answer")));
  EXPECT_TRUE(IsConnected(*ParseContactOutcome("voicemail")));
  EXPECT_EQ(DelinquencyReasonName(*ParseDelinquencyReason("job_loss")), "job_loss");
}

TEST(Promise, KeptPartlyKeptOrBrokenAfterTheGrace) {
  const PromiseTerms promise{Cny(100'000), D("2026-11-01"), D("2026-11-10")};
  const PromiseRules rules{3, 100};  // 3 days' grace, 1.00 short still counts
  const std::vector<Received> none;
  EXPECT_EQ(EvaluatePromise(promise, none, D("2026-11-12"), rules).status, PromiseStatus::kOpen);
  EXPECT_EQ(EvaluatePromise(promise, none, D("2026-11-14"), rules).status, PromiseStatus::kBroken);
  const std::vector<Received> almost = {{D("2026-11-05"), Cny(60'000)}, {D("2026-11-12"), Cny(39'900)}};
  const PromiseOutcome kept = EvaluatePromise(promise, almost, D("2026-11-12"), rules);
  EXPECT_EQ(kept.status, PromiseStatus::kKept);
  EXPECT_EQ(kept.paid, Cny(99'900));
  // Before the promise and after the grace do not count.
  const std::vector<Received> outside = {{D("2026-10-31"), Cny(100'000)}, {D("2026-11-05"), Cny(30'000)},
                                         {D("2026-11-14"), Cny(70'000)}};
  const PromiseOutcome partly = EvaluatePromise(promise, outside, D("2026-11-20"), rules);
  EXPECT_EQ(partly.status, PromiseStatus::kPartlyKept);
  EXPECT_EQ(partly.paid, Cny(30'000));
  // A reversal takes a payment back.
  const std::vector<Received> reversed = {{D("2026-11-05"), Cny(100'000)}, {D("2026-11-06"), Cny(-100'000)}};
  EXPECT_EQ(EvaluatePromise(promise, reversed, D("2026-11-20"), rules).status, PromiseStatus::kBroken);
}

TEST(Promise, PolicyLimitsANewPromise) {
  const PromisePolicy policy{10'000, 100'000, 30, 1};  // at least 100.00 and 10% of the overdue, 30 days, one open
  const Money overdue = Cny(500'000);
  EXPECT_TRUE(CheckNewPromise({Cny(50'000), D("2026-11-28"), D("2026-12-05")}, overdue, 0, policy));
  const Status past = CheckNewPromise({Cny(50'000), D("2026-11-28"), D("2026-11-27")}, overdue, 0, policy);
  ASSERT_FALSE(past);
  EXPECT_EQ(past.error().field, "date");
  EXPECT_NE(past.error().message.find("in the past"), std::string::npos);
  EXPECT_FALSE(CheckNewPromise({Cny(50'000), D("2026-11-28"), D("2026-12-29")}, overdue, 0, policy));
  const Status small = CheckNewPromise({Cny(49'999), D("2026-11-28"), D("2026-12-05")}, overdue, 0, policy);
  ASSERT_FALSE(small);
  EXPECT_EQ(small.error().message, "a promise must be at least 500.00 CNY");
  EXPECT_FALSE(CheckNewPromise({Cny(50'000), D("2026-11-28"), D("2026-12-05")}, overdue, 1, policy));
  // The floor never exceeds what is overdue.
  EXPECT_TRUE(CheckNewPromise({Cny(5'000), D("2026-11-28"), D("2026-12-05")}, Cny(5'000), 0, policy));
}

Balance Overdue() {
  Balance balance(Currency::kCNY);
  balance.AddOverdue(Component::kPrincipal, Cny(1'000'000));
  balance.AddOverdue(Component::kInterest, Cny(50'000));
  balance.AddOverdue(Component::kPenaltyInterest, Cny(12'345));
  balance.AddOverdue(Component::kLateFee, Cny(5'000));
  return balance;
}

TEST(Arrangement, AnInstallmentPlanSplitsTheOverdueExactly) {
  ArrangementTerms terms;
  terms.periods = 12;
  terms.first_due = D("2026-12-15");
  const auto plan = PlanArrangement(terms, Overdue(), 60, 90);
  ASSERT_TRUE(plan) << plan.error().message;
  ASSERT_EQ(plan->installments.size(), 12U);
  Money sum = Cny(0);
  for (const auto& installment : plan->installments) sum += installment.amount;
  EXPECT_EQ(sum, Cny(1'067'345));
  EXPECT_EQ(plan->installments[1].due, D("2027-01-15"));
  terms.periods = 61;
  const auto too_long = PlanArrangement(terms, Overdue(), 60, 90);
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error().field, "periods");
  EXPECT_EQ(too_long.error().message, "a plan has 1 to 60 monthly installments under policy, not 61");
}

TEST(Arrangement, ASettlementWaivesSharesOfComponents) {
  ArrangementTerms terms;
  terms.kind = ArrangementKind::kSettlement;
  terms.first_due = D("2026-12-01");
  terms.waiver_ppm[static_cast<std::size_t>(Component::kPenaltyInterest)] = *ParseShare("100%", "waive");
  terms.waiver_ppm[static_cast<std::size_t>(Component::kInterest)] = *ParseShare("50%", "waive");
  const auto plan = PlanArrangement(terms, Overdue(), 60, 90);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->waived_total, Cny(37'345));
  EXPECT_EQ(plan->to_pay, Cny(1'030'000));
  ASSERT_EQ(plan->installments.size(), 1U);
  EXPECT_EQ(plan->installments[0].amount, Cny(1'030'000));
  // Only settlements waive.
  terms.kind = ArrangementKind::kInstallment;
  EXPECT_FALSE(PlanArrangement(terms, Overdue(), 60, 90));
}

TEST(Arrangement, SharesAreZeroToAHundredPercent) {
  EXPECT_EQ(*ParseShare("12.5%", "waive"), 125'000);
  EXPECT_EQ(*ParseShare("0.25", "waive"), 250'000);
  const auto above = ParseShare("120%", "waive");
  ASSERT_FALSE(above);
  EXPECT_EQ(above.error().message, "share '120%' must be between 0% and 100%");
  EXPECT_FALSE(ParseShare("-5%", "waive"));
  EXPECT_FALSE(ParseShare("half", "waive"));
  EXPECT_EQ(FormatShare(125'000), "12.5%");
}

TEST(Authority, NamesEachWayTheTermsGoBeyondIt) {
  AuthorityLimit limit;
  limit.max_periods = 12;
  limit.max_deferral_days = 30;
  limit.max_waiver_ppm[static_cast<std::size_t>(Component::kPenaltyInterest)] = 500'000;
  ArrangementTerms terms;
  terms.periods = 12;
  EXPECT_TRUE(BeyondAuthority(terms, limit).empty());
  terms.periods = 24;
  terms.waiver_ppm[static_cast<std::size_t>(Component::kPenaltyInterest)] = 1'000'000;
  const auto beyond = BeyondAuthority(terms, limit);
  ASSERT_EQ(beyond.size(), 2U);
  EXPECT_EQ(beyond[0], "24 installments, authority allows 12");
  EXPECT_EQ(beyond[1], "a waiver of 100% of penalty_interest, authority allows 50%");
}

TEST(RepaymentCapacity, HalfOfWhatIsLeftAndNeverNegative) {
  EXPECT_EQ(RepaymentCapacity({Cny(800'000), Cny(450'000), Cny(150'000)}), Cny(100'000));
  EXPECT_EQ(RepaymentCapacity({Cny(300'000), Cny(450'000), Cny(0)}), Cny(0));
}

TEST(DocumentType, ToldByContentNotName) {
  EXPECT_EQ(SniffDocumentType("%PDF-1.7\n..."), DocumentType::kPdf);
  EXPECT_EQ(SniffDocumentType(std::string_view("\x89PNG\r\n\x1A\n\0\0", 10)), DocumentType::kPng);
  EXPECT_EQ(SniffDocumentType("\xFF\xD8\xFF\xE0JFIF"), DocumentType::kJpeg);
  EXPECT_FALSE(SniffDocumentType("MZ\x90\x00 an executable"));
  EXPECT_EQ(DocumentMediaType(*ParseDocumentType("jpg")), "image/jpeg");
}

}  // namespace
}  // namespace arrears
