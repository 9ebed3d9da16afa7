#include "core/arrangement.hpp"

#include <array>
#include <string>

#include "core/decimal.hpp"
#include "core/rounding.hpp"
#include "core/schedule.hpp"

namespace arrears {

namespace {
constexpr std::array<std::string_view, 3> kKinds = {"installment", "deferral", "settlement"};
}

std::string_view ArrangementKindName(ArrangementKind kind) { return kKinds[static_cast<std::size_t>(kind)]; }

std::optional<ArrangementKind> ParseArrangementKind(std::string_view name) {
  for (std::size_t i = 0; i < kKinds.size(); ++i) {
    if (kKinds[i] == name) return static_cast<ArrangementKind>(i);
  }
  return std::nullopt;
}

Result<std::int64_t> ParseShare(std::string_view text, std::string_view field) {
  const bool percent = text.ends_with('%');
  const std::string_view number = percent ? text.substr(0, text.size() - 1) : text;
  // Parts per million: 4 decimals of a percentage, 6 of a fraction.
  auto value = ParseScaledDecimal(number, percent ? 4 : 6, std::string(field));
  if (!value) return Fail(InvalidArgument(value.error().message, std::string(field)));
  if (*value < 0 || *value > kWholeShare) {
    return Fail("share '" + std::string(text) + "' must be between 0% and 100%", std::string(field));
  }
  return *value;
}

std::string FormatShare(std::int64_t ppm) { return FormatScaledDecimalTrimmed(ppm, 4) + "%"; }

Result<ArrangementPlan> PlanArrangement(const ArrangementTerms& terms, const Balance& balance, int max_periods,
                                        int max_deferral_days) {
  ArrangementPlan plan;
  const Currency currency = balance.currency();
  plan.owed = balance.TotalOverdue();
  if (plan.owed.minor_units() <= 0) return Fail(Error{ErrorCode::kConflict, "nothing is overdue", "kind"});
  std::int64_t waived = 0;
  for (Component component : kAllComponents) {
    const auto index = static_cast<std::size_t>(component);
    const std::int64_t share = terms.waiver_ppm[index];
    if (share < 0 || share > kWholeShare) {
      return Fail("the waiver of " + std::string(ComponentName(component)) + " must be between 0% and 100%", "waive");
    }
    const Int128 product = static_cast<Int128>(balance.Overdue(component).minor_units()) * share;
    plan.waived[index] = DivideRounded(product, kWholeShare, RoundingMode::kHalfEven);
    waived += plan.waived[index];
  }
  if (waived > 0 && terms.kind != ArrangementKind::kSettlement) {
    return Fail("only a settlement waives; use --kind settlement", "waive");
  }
  plan.waived_total = Money(waived, currency);
  plan.to_pay = plan.owed - plan.waived_total;
  switch (terms.kind) {
    case ArrangementKind::kInstallment: {
      if (terms.periods < 1 || terms.periods > max_periods) {
        return Fail(Error{ErrorCode::kOutOfRange,
                          "a plan has 1 to " + std::to_string(max_periods) + " monthly installments under policy, not " +
                              std::to_string(terms.periods),
                          "periods"});
      }
      ScheduleTerms schedule_terms;
      schedule_terms.principal = plan.to_pay;
      schedule_terms.periods = terms.periods;
      schedule_terms.first_due = terms.first_due;
      schedule_terms.method = RepaymentMethod::kEqualPrincipal;
      auto schedule = BuildSchedule(schedule_terms);
      if (!schedule) return Fail(schedule.error());
      for (const SchedulePeriod& period : schedule->periods) {
        plan.installments.push_back({period.number, period.due, period.payment});
      }
      break;
    }
    case ArrangementKind::kDeferral:
      if (terms.deferral_days < 1 || terms.deferral_days > max_deferral_days) {
        return Fail(Error{ErrorCode::kOutOfRange,
                          "a deferral is 1 to " + std::to_string(max_deferral_days) + " days under policy, not " +
                              std::to_string(terms.deferral_days),
                          "deferral_days"});
      }
      plan.installments.push_back({1, terms.first_due.AddDays(terms.deferral_days), plan.to_pay});
      break;
    case ArrangementKind::kSettlement:
      plan.installments.push_back({1, terms.first_due, plan.to_pay});
      break;
  }
  return plan;
}

Money RepaymentCapacity(const FinancialSituation& situation, std::int64_t share_ppm) {
  const Money left = situation.income - situation.expenses - situation.other_debt_payments;
  if (left.minor_units() <= 0) return Money(0, situation.income.currency());
  const Int128 product = static_cast<Int128>(left.minor_units()) * share_ppm;
  return Money(DivideRounded(product, kWholeShare, RoundingMode::kDown),
               situation.income.currency());
}

}  // namespace arrears
