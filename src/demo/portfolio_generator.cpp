#include "demo/portfolio_generator.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

#include "core/accrual.hpp"
#include "core/bucket.hpp"
#include "core/schedule.hpp"
#include "core/waterfall.hpp"
#include "demo/chinese_identity.hpp"
#include "demo/random.hpp"

namespace arrears::demo {

namespace {

constexpr Currency kCny = Currency::kCNY;
Money Cny(std::int64_t fen) { return Money(fen, kCny); }
Money Yuan(double yuan, std::int64_t step_yuan) {
  const auto steps = static_cast<std::int64_t>(yuan / static_cast<double>(step_yuan) + 0.5);
  return Cny(std::max<std::int64_t>(steps, 1) * step_yuan * 100);
}

std::string Ref(char prefix, std::int64_t number, int width) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%c%0*lld", prefix, width, static_cast<long long>(number));
  return buffer;
}

// Days past due by bucket: most accounts early-stage (M1), a long tail.
// Weights for M0 (current), M1 .. M6, and M6+ (181-720 days).
constexpr double kBucketWeights[] = {0.10, 0.45, 0.16, 0.10, 0.06, 0.04, 0.03, 0.06};
constexpr int kBucketLow[] = {0, 1, 31, 61, 91, 121, 151, 181};
constexpr int kBucketHigh[] = {0, 30, 60, 90, 120, 150, 180, 720};

int DrawDaysPastDue(Random& random, bool first_account) {
  // A customer's further accounts are current more often than the one that brought them into collection.
  const std::size_t bucket = (!first_account && random.Chance(0.6)) ? 0 : random.Weighted(kBucketWeights);
  return static_cast<int>(random.Between(kBucketLow[bucket], kBucketHigh[bucket]));
}

// The oldest unpaid due date for `dpd` > 0 days past due, or the next due
// date after as-of for a current account; always on day 1-28 so that monthly
// due dates stay on one day of the month.
Date DueDateFor(Random& random, Date as_of, int dpd) {
  if (dpd > 0) {
    const Date due = as_of.AddDays(-dpd);
    return due.day() > 28 ? due.AddDays(28 - due.day()) : due;
  }
  const Date due = as_of.AddDays(random.Between(1, 27));
  return due.day() > 28 ? due.AddDays(due.DaysInMonth() - due.day() + 1) : due;
}

std::string PaidAt(Random& random, Date day) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d+08:00", day.ToString().c_str(),
                static_cast<int>(random.Between(8, 21)), static_cast<int>(random.Between(0, 59)),
                static_cast<int>(random.Between(0, 59)));
  return buffer;
}

constexpr std::string_view kChannels[] = {"auto_debit", "bank_transfer", "alipay", "wechat_pay", "debit_card", "counter"};
constexpr double kChannelWeights[] = {0.35, 0.25, 0.15, 0.15, 0.08, 0.02};
constexpr std::string_view kEmployers[] = {"", "", "个体经营", "自由职业", "某科技有限公司", "某贸易有限公司",
                                           "某制造有限公司", "某餐饮管理有限公司", "某物流有限公司", "某建筑工程有限公司",
                                           "某医院", "某学校", "某商贸中心"};

class Generator {
 public:
  Generator(const GeneratorOptions& options, PortfolioSink& sink) : options_(options), sink_(sink) {}

  GeneratorTotals Run() {
    for (std::int64_t i = 0; i < options_.customers; ++i) Customer(i);
    return totals_;
  }

 private:
  void Customer(std::int64_t index) {
    Random random(options_.seed, static_cast<std::uint64_t>(index));
    const Region& region = PickRegion(random);
    const bool male = random.Chance(0.56);
    customer_.customer_ref = Ref('C', index + 1, 9);
    customer_.name = ChineseName(random, male);
    customer_.birth_date = options_.as_of.AddDays(-random.Between(20 * 365 + 5, 65 * 365));
    customer_.id_type = "resident_id";
    customer_.id_number = ResidentId(random, region, customer_.birth_date, male);
    customer_.gender = male ? "male" : "female";
    customer_.jurisdiction = "CN";
    customer_.time_zone = "Asia/Shanghai";
    customer_.language = "zh-CN";
    customer_.province = std::string(region.province);
    customer_.city = std::string(region.city);
    customer_.address = customer_.province + (region.city == region.province ? "" : std::string(region.city)) +
                        std::string(region.district) + StreetAddress(random);
    customer_.employer = std::string(random.Pick(kEmployers));
    sink_.Customer(customer_);
    ++totals_.customers;
    Contacts(random, index, male);
    const int accounts = static_cast<int>(random.Weighted(std::array{0.75, 0.20, 0.05})) + 1;
    for (int k = 0; k < accounts; ++k) {
      if (random.Chance(0.55)) {
        Card(random, region, k == 0);
      } else {
        Loan(random, region, k == 0);
      }
    }
  }

  void Contact(std::string_view kind, std::string value, std::string_view relation, std::string name, bool primary,
               std::string_view status, std::string_view source) {
    contact_.contact_ref = Ref('P', ++contact_serial_, 10);
    contact_.customer_ref = customer_.customer_ref;
    contact_.kind = kind;
    contact_.value = std::move(value);
    contact_.relation = relation;
    contact_.contact_name = std::move(name);
    contact_.is_primary = primary;
    contact_.status = status;
    contact_.source = source;
    sink_.Contact(contact_);
    ++totals_.contacts;
  }

  void Contacts(Random& random, std::int64_t index, bool male) {
    const std::string_view status = random.Chance(0.85) ? "verified" : (random.Chance(0.5) ? "unverified" : "invalid");
    Contact("mobile", MobileNumber(random), "self", "", true, status, "application");
    if (random.Chance(0.2)) Contact("mobile", MobileNumber(random), "self", "", false, "unverified", "core_system");
    if (random.Chance(0.5)) {
      char email[48];
      std::snprintf(email, sizeof email, "debtor%lld.%02d@example.com", static_cast<long long>(index + 1),
                    static_cast<int>(random.Below(100)));
      Contact("email", email, "self", "", true, "unverified", "application");
    }
    if (random.Chance(0.85)) Contact("address", customer_.address, "self", "", true, "unverified", "application");
    if (!customer_.employer.empty() && random.Chance(0.4)) {
      char phone[24];
      std::snprintf(phone, sizeof phone, "0%02d-%08llu", static_cast<int>(random.Between(10, 99)),
                    static_cast<unsigned long long>(random.Between(20'000'000, 89'999'999)));
      Contact("landline", phone, "employer", customer_.employer, false, "unverified", "application");
    }
    // Emergency contacts given on the application: only to locate the debtor, never told of the debt.
    const int emergency = static_cast<int>(random.Weighted(std::array{0.2, 0.5, 0.3}));
    static constexpr std::string_view kRelations[] = {"spouse", "parent", "sibling", "friend", "colleague"};
    for (int k = 0; k < emergency; ++k) {
      const std::string_view relation = random.Pick(kRelations);
      const bool contact_male = relation == "spouse" ? !male : random.Chance(0.5);
      Contact("mobile", MobileNumber(random), relation, ChineseName(random, contact_male), false, "unverified",
              "application");
    }
  }

  void StartAccount(const Region& region, std::string_view type) {
    account_ = AccountRecord{};
    account_.account_ref = Ref('A', ++account_serial_, 10);
    account_.customer_ref = customer_.customer_ref;
    account_.product_type = type;
    account_.balance_date = options_.as_of;
    account_.region = std::string(region.province);
    account_.status = "active";
  }

  void FinishAccount() {
    if (account_.days_past_due > 180 && account_.days_past_due % 3 == 0) account_.status = "charged_off";
    sink_.Account(account_);
    ++totals_.accounts;
    if (account_.days_past_due > 0) ++totals_.delinquent_accounts;
  }

  void Pay(Random& random, Date day, Money amount, int installment) {
    payment_.payment_ref = Ref('R', ++payment_serial_, 11);
    payment_.account_ref = account_.account_ref;
    payment_.customer_ref = customer_.customer_ref;
    payment_.paid_at = PaidAt(random, day);
    payment_.value_date = day;
    payment_.amount = amount;
    payment_.channel = kChannels[random.Weighted(kChannelWeights)];
    payment_.kind = "payment";
    payment_.installment_number = installment;
    sink_.Payment(payment_);
    ++totals_.payments;
  }

  void Loan(Random& random, const Region& region, bool first_account) {
    StartAccount(region, "loan");
    static constexpr int kTerms[] = {12, 24, 36};
    const int term = kTerms[random.Weighted(std::array{0.35, 0.35, 0.30})];
    const bool annuity = random.Chance(0.7);
    account_.product_code = "CL-" + std::to_string(term);
    account_.term_months = term;
    account_.repayment_method = annuity ? "annuity" : "equal-principal";
    account_.original_principal = Yuan(std::clamp(random.LogNormal(30'000, 0.8), 2'000.0, 500'000.0), 100);
    account_.interest_rate = Rate(random.Between(72, 240) * 1'000'000, RatePeriod::kAnnual);  // 7.2%-24.0%
    account_.day_count = "ACT/360";
    account_.penalty_uplift = Rate(500'000'000, RatePeriod::kFlat);
    account_.grace_days = random.Chance(0.5) ? 3 : 0;

    const Date oldest = DueDateFor(random, options_.as_of, DrawDaysPastDue(random, first_account));
    const int dpd = static_cast<int>(std::max<std::int64_t>(0, DaysBetween(oldest, options_.as_of)));
    const int elapsed_before_oldest = static_cast<int>(random.Between(dpd > 0 ? 0 : 1, term / 2));
    const Date first_due = oldest.AddMonths(-elapsed_before_oldest);
    account_.first_due_date = first_due;
    account_.due_day = first_due.day();
    account_.opened_on = first_due.AddMonths(-1);

    ScheduleTerms terms{*account_.original_principal, term, first_due,
                        annuity ? RepaymentMethod::kAnnuity : RepaymentMethod::kEqualPrincipal, account_.interest_rate};
    const Schedule schedule = *BuildSchedule(terms);
    const Rate penalty_rate = RaiseRate(account_.interest_rate, account_.penalty_uplift);
    std::vector<DueItem> oldest_items;
    for (const SchedulePeriod& period : schedule.periods) {
      if (period.number <= elapsed_before_oldest) {
        if (period.number > elapsed_before_oldest - 3) Pay(random, period.due.AddDays(-random.Between(0, 2)), period.payment, 0);
        continue;
      }
      if (period.due >= options_.as_of) {
        account_.principal_not_due += period.principal;
        continue;
      }
      // Overdue installment: its principal bears penalty interest and its interest compound interest.
      const Date from = period.due;
      account_.principal_overdue += period.principal;
      account_.interest_overdue += period.interest;
      account_.penalty_interest += SimpleInterest(period.principal, penalty_rate, DayCountConvention::kActual360, from, options_.as_of);
      account_.compound_interest += SimpleInterest(period.interest, penalty_rate, DayCountConvention::kActual360, from, options_.as_of);
      if (period.number == elapsed_before_oldest + 1) {
        oldest_items = {{AccountId{account_serial_}, period.number, period.due, Component::kInterest, period.interest},
                        {AccountId{account_serial_}, period.number, period.due, Component::kPrincipal, period.principal}};
      }
    }
    // A quarter of the delinquent debtors paid part of the oldest installment.
    if (!oldest_items.empty() && random.Chance(0.25)) {
      const Money owed = oldest_items[0].amount + oldest_items[1].amount;
      const Money part = owed.MultiplyRatio(random.Between(10, 90), 100, RoundingMode::kDown);
      if (part.IsPositive()) {
        const PaymentAllocation allocation = AllocatePayment(part, oldest_items, Waterfall{});
        for (const AllocationLine& line : allocation.lines) {
          (oldest_items[line.item].component == Component::kInterest ? account_.interest_overdue
                                                                     : account_.principal_overdue) -= line.amount;
        }
        Pay(random, options_.as_of.AddDays(-random.Between(1, std::max(1, dpd))), part, elapsed_before_oldest + 1);
      }
    }
    account_.days_past_due = account_.principal_overdue.IsPositive() || account_.interest_overdue.IsPositive() ? dpd : 0;
    if (account_.days_past_due > 0 && account_.days_past_due <= account_.grace_days) account_.days_past_due = 0;
    if (account_.days_past_due > 0 || dpd > 0) account_.oldest_unpaid_due_date = oldest;
    account_.minimum_due = account_.principal_overdue + account_.interest_overdue;
    FinishAccount();
  }

  void Card(Random& random, const Region& region, bool first_account) {
    StartAccount(region, "card");
    static constexpr std::string_view kCodes[] = {"CC-STD", "CC-GOLD", "CC-PLAT"};
    const std::size_t tier = random.Weighted(std::array{0.6, 0.3, 0.1});
    account_.product_code = kCodes[tier];
    account_.repayment_method = "revolving";
    account_.credit_limit = Yuan(std::clamp(random.LogNormal(15'000.0 * static_cast<double>(tier + 1), 0.6), 3'000.0, 300'000.0), 1000);
    account_.interest_rate = Rate(500'000, RatePeriod::kDaily);  // 万分之五
    account_.grace_days = 3;
    account_.opened_on = options_.as_of.AddDays(-random.Between(400, 3650));

    const Date oldest = DueDateFor(random, options_.as_of, DrawDaysPastDue(random, first_account));
    const int dpd = static_cast<int>(std::max<std::int64_t>(0, DaysBetween(oldest, options_.as_of)));
    account_.due_day = oldest.day();
    account_.statement_day = (oldest.day() + 7) % 28 + 1;  // about 20 days before the due date
    const Money balance = account_.credit_limit->MultiplyRatio(random.Between(30, 100), 100, RoundingMode::kDown);
    const Money minimum = balance.MultiplyRatio(1, 10, RoundingMode::kHalfUp);
    // Payments of the last two cycles before the delinquency (or before now).
    for (int k = 2; k >= 1; --k) Pay(random, oldest.AddMonths(-k).AddDays(-random.Between(0, 3)), minimum, 0);
    if (dpd == 0) {
      account_.principal_not_due = balance;
      account_.minimum_due = minimum;
      account_.days_past_due = 0;
      FinishAccount();
      return;
    }
    // Missed cycles: each due date from the oldest up to as-of.
    int missed = 0;
    while (oldest.AddMonths(missed) < options_.as_of) ++missed;
    const Money unpaid_minimums = Min(balance, minimum * missed);
    account_.principal_overdue = unpaid_minimums;
    account_.principal_not_due = balance - unpaid_minimums;
    // Full-amount interest on the whole balance from the statement before the oldest due date.
    account_.interest_overdue = SimpleInterest(balance, account_.interest_rate, DayCountConvention::kActual365Fixed,
                                               oldest.AddDays(-20), options_.as_of);
    account_.late_fee = minimum.MultiplyRatio(5, 100, RoundingMode::kHalfEven) * missed;
    if (random.Chance(0.3)) account_.other_fee = Cny(random.Between(1, 6) * 5000);  // annual fee etc.
    account_.minimum_due = unpaid_minimums + account_.interest_overdue + account_.late_fee + account_.other_fee;
    account_.oldest_unpaid_due_date = oldest;
    account_.days_past_due = dpd <= account_.grace_days ? 0 : dpd;
    if (random.Chance(0.25)) {
      const Money part = minimum.MultiplyRatio(random.Between(10, 90), 100, RoundingMode::kDown);
      if (part.IsPositive() && part < account_.principal_overdue) {
        account_.principal_overdue -= part;
        account_.minimum_due -= part;
        Pay(random, options_.as_of.AddDays(-random.Between(1, dpd)), part, 0);
      }
    }
    FinishAccount();
  }

  const GeneratorOptions& options_;
  PortfolioSink& sink_;
  GeneratorTotals totals_;
  CustomerRecord customer_;
  ContactRecord contact_;
  AccountRecord account_;
  PaymentRecord payment_;
  std::int64_t contact_serial_ = 0;
  std::int64_t account_serial_ = 0;
  std::int64_t payment_serial_ = 0;
};

}  // namespace

GeneratorTotals GeneratePortfolio(const GeneratorOptions& options, PortfolioSink& sink) {
  return Generator(options, sink).Run();
}

}  // namespace arrears::demo
