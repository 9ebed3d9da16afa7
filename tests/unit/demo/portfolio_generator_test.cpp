#include "demo/portfolio_generator.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "core/bucket.hpp"
#include "demo/chinese_identity.hpp"
#include "demo/csv_writer.hpp"

namespace arrears::demo {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

// Keeps every record for inspection.
class Collect final : public PortfolioSink {
 public:
  void Customer(const CustomerRecord& r) override { customers.push_back(r); }
  void Contact(const ContactRecord& r) override { contacts.push_back(r); }
  void Account(const AccountRecord& r) override { accounts.push_back(r); }
  void Payment(const PaymentRecord& r) override { payments.push_back(r); }
  std::vector<CustomerRecord> customers;
  std::vector<ContactRecord> contacts;
  std::vector<AccountRecord> accounts;
  std::vector<PaymentRecord> payments;
};

std::string Csv(const GeneratorOptions& options) {
  std::ostringstream a, b, c, d;
  {
    CsvPortfolioWriter writer(a, b, c, d);
    GeneratePortfolio(options, writer);
  }
  return a.str() + b.str() + c.str() + d.str();
}

TEST(PortfolioGeneratorTest, SameOptionsSameBytes) {
  const GeneratorOptions options{300, 7, D("2026-11-28")};
  EXPECT_EQ(Csv(options), Csv(options));
  EXPECT_NE(Csv(options), Csv({300, 8, D("2026-11-28")}));
}

TEST(PortfolioGeneratorTest, RecordsAreConsistent) {
  Collect all;
  const GeneratorTotals totals = GeneratePortfolio({3000, 42, D("2026-11-28")}, all);
  ASSERT_EQ(totals.customers, 3000);
  EXPECT_EQ(static_cast<std::size_t>(totals.accounts), all.accounts.size());
  EXPECT_EQ(static_cast<std::size_t>(totals.payments), all.payments.size());

  std::set<std::string> customer_refs;
  for (const auto& c : all.customers) {
    EXPECT_TRUE(customer_refs.insert(c.customer_ref).second) << "duplicate " << c.customer_ref;
    EXPECT_TRUE(IsValidResidentId(c.id_number)) << c.id_number;
    EXPECT_EQ(c.time_zone, "Asia/Shanghai");
    EXPECT_LT(c.birth_date, D("2006-11-28"));  // every debtor is an adult
  }
  std::map<std::string, int> self_mobiles;
  for (const auto& p : all.contacts) {
    EXPECT_TRUE(customer_refs.contains(p.customer_ref));
    if (p.relation == "self" && p.kind == "mobile" && p.is_primary) ++self_mobiles[p.customer_ref];
    if (p.relation != "self") {
      EXPECT_FALSE(p.contact_name.empty());
    }
    if (p.kind == "email") {
      EXPECT_NE(p.value.find("@example.com"), std::string::npos);  // a reserved domain: fictitious by design
    }
  }
  EXPECT_EQ(self_mobiles.size(), customer_refs.size());  // every debtor has a primary mobile

  std::set<std::string> account_refs;
  const BucketScheme buckets = BucketScheme::Default();
  std::map<std::string, int> by_bucket;
  int cards = 0;
  for (const auto& a : all.accounts) {
    EXPECT_TRUE(customer_refs.contains(a.customer_ref));
    EXPECT_TRUE(account_refs.insert(a.account_ref).second);
    for (Money m : {a.principal_not_due, a.principal_overdue, a.interest_overdue, a.penalty_interest,
                    a.compound_interest, a.late_fee, a.other_fee, a.minimum_due}) {
      EXPECT_FALSE(m.IsNegative()) << a.account_ref;
    }
    if (a.days_past_due > 0) {
      ASSERT_TRUE(a.oldest_unpaid_due_date) << a.account_ref;
      EXPECT_EQ(DaysBetween(*a.oldest_unpaid_due_date, a.balance_date), a.days_past_due) << a.account_ref;
      EXPECT_TRUE(a.principal_overdue.IsPositive() || a.interest_overdue.IsPositive()) << a.account_ref;
      EXPECT_LE(a.oldest_unpaid_due_date->day(), 28);
    } else if (a.oldest_unpaid_due_date) {
      // Current only because the account is inside its grace days.
      EXPECT_LE(DaysBetween(*a.oldest_unpaid_due_date, a.balance_date), a.grace_days) << a.account_ref;
    } else {
      EXPECT_TRUE(a.principal_overdue.IsZero()) << a.account_ref;
    }
    if (a.product_type == "card") {
      ++cards;
      ASSERT_TRUE(a.credit_limit);
      EXPECT_EQ(a.interest_rate, Rate(500'000, RatePeriod::kDaily));
    } else {
      ASSERT_TRUE(a.original_principal && a.first_due_date);
      // The loan's principal is all accounted for: paid, overdue or not yet due.
      EXPECT_LE(a.principal_not_due + a.principal_overdue, *a.original_principal);
    }
    ++by_bucket[std::string(buckets.NameOf(a.days_past_due))];
  }
  // A realistic mix: both products well represented, most delinquent accounts early-stage.
  EXPECT_GT(cards, static_cast<int>(all.accounts.size()) * 4 / 10);
  EXPECT_LT(cards, static_cast<int>(all.accounts.size()) * 7 / 10);
  for (const char* later : {"M2", "M3", "M4", "M5", "M6", "M6+"}) EXPECT_GT(by_bucket["M1"], by_bucket[later]) << later;
  EXPECT_GT(by_bucket["M6+"], 0);
  for (const auto& p : all.payments) {
    EXPECT_TRUE(account_refs.contains(p.account_ref));
    EXPECT_TRUE(p.amount.IsPositive());
    EXPECT_LE(p.value_date, D("2026-11-28"));
  }
}

TEST(PortfolioGeneratorTest, CsvHeadersAndQuoting) {
  std::ostringstream customers, contacts, accounts, payments;
  {
    CsvPortfolioWriter writer(customers, contacts, accounts, payments);
    CustomerRecord r;
    r.customer_ref = "C1";
    r.name = "张三";
    r.address = "中山路1号, \"A\"座";
    r.birth_date = D("1990-01-02");
    writer.Customer(r);
  }
  EXPECT_EQ(customers.str(), std::string(CsvPortfolioWriter::kCustomerHeader) +
                                 "\nC1,张三,,,1990-01-02,,,,,,,\"中山路1号, \"\"A\"\"座\",\n");
  EXPECT_EQ(accounts.str(), std::string(CsvPortfolioWriter::kAccountHeader) + "\n");
}

}  // namespace
}  // namespace arrears::demo
