// ReplaceCustomers: the rows of the customers written since the working set
// was read, put in place of theirs, the set's order and case rows kept right.
#include <gtest/gtest.h>

#include "app/cycle/working_set.hpp"

namespace arrears::app {
namespace {

// Appends a case and returns its row; every other column gets a value of the case's id, to see it travel.
std::int32_t AddCase(WorkingSet& set, std::int64_t customer, std::int64_t id) {
  CaseColumns& c = set.cases;
  const auto row = static_cast<std::int32_t>(c.size());
  const auto small = static_cast<std::int32_t>(id);
  c.customer.push_back(customer), c.id.push_back(id), c.owner.push_back(set.text.Intern("owner" + std::to_string(id)));
  c.currency.push_back(set.text.Intern("CNY")), c.segment.push_back(kNoIndex), c.arm.push_back(-1);
  c.treatment_since.push_back(small), c.last_contact.push_back(small), c.last_contact_reached.push_back(0);
  c.last_payment.push_back(kNoDate), c.promise.push_back(0), c.broken_promises.push_back(0);
  c.commitment_due.push_back(kNoDate), c.closed.push_back(0), c.on_hold.push_back(0), c.risk_score.push_back(-1);
  c.language.push_back(kNoIndex), c.time_zone.push_back(kNoIndex), c.assigned_on.push_back(small);
  c.notice_on.push_back(kNoDate), c.placed_on.push_back(kNoDate), c.placed_until.push_back(kNoDate);
  c.placed_agency.push_back(kNoIndex), c.fact_from.push_back(kNoDate), c.fact_bucket.push_back(kNoIndex);
  c.fact_overdue_since.push_back(kNoDate), c.fact_anchor_owed.push_back(id * 100), c.fact_segment.push_back(kNoIndex);
  c.fact_owner.push_back(kNoIndex), c.fact_agency.push_back(kNoIndex), c.fact_arm.push_back(-1);
  return row;
}

void AddAccount(WorkingSet& set, std::int64_t customer, std::int64_t id, std::int32_t case_row) {
  AccountColumns& a = set.accounts;
  const auto small = static_cast<std::int32_t>(id);
  a.customer.push_back(customer), a.id.push_back(id), a.oldest_unpaid.push_back(small), a.grace_days.push_back(3);
  a.balance_date.push_back(small), a.principal_not_due.push_back(0), a.overdue.push_back(id * 1000);
  a.overdue_principal.push_back(id * 1000), a.overdue_interest.push_back(0), a.rate_billionths.push_back(500'000);
  a.rate_period.push_back(0), a.day_count.push_back(0), a.penalty_uplift_billionths.push_back(0);
  a.compound.push_back(0), a.bucket.push_back(kNoIndex), a.product.push_back(set.text.Intern("card"));
  a.region.push_back(kNoIndex), a.case_row.push_back(case_row), a.stored_dpd.push_back(small);
}

TEST(ReplaceCustomers, ChangedCustomersTakeTheirFreshRowsInOrderAndCaseRowsFollow) {
  WorkingSet set;
  for (std::int64_t customer : {10, 20, 30, 40}) {
    const std::int32_t row = AddCase(set, customer, customer + 1);
    AddAccount(set, customer, customer * 10, row);
    AddAccount(set, customer, customer * 10 + 1, row);
  }
  // Customer 20 has a new case with one account, 30's case closed (no rows), 25 is new; 10 and 40 are untouched.
  WorkingSet fresh;
  fresh.text = std::move(set.text);
  AddAccount(fresh, 20, 200, AddCase(fresh, 20, 99));
  AddAccount(fresh, 20, 205, kNoIndex);  // past due, in no open case
  AddAccount(fresh, 25, 250, AddCase(fresh, 25, 26));
  set.text = std::move(fresh.text);
  ReplaceCustomers(set, std::move(fresh), {20, 25, 30});

  EXPECT_EQ(set.cases.id, (std::vector<std::int64_t>{11, 99, 26, 41}));
  EXPECT_EQ(set.cases.customer, (std::vector<std::int64_t>{10, 20, 25, 40}));
  EXPECT_EQ(set.cases.fact_anchor_owed, (std::vector<std::int64_t>{1100, 9900, 2600, 4100}));
  EXPECT_EQ(set.text.Text(set.cases.owner[1]), "owner99");
  EXPECT_EQ(set.accounts.id, (std::vector<std::int64_t>{100, 101, 200, 205, 250, 400, 401}));
  EXPECT_EQ(set.accounts.case_row, (std::vector<std::int32_t>{0, 0, 1, kNoIndex, 2, 3, 3}));
  EXPECT_EQ(set.accounts.overdue[4], 250'000);
  // Every column has one value per row.
  EXPECT_EQ(set.accounts.stored_dpd.size(), 7u);
  EXPECT_EQ(set.cases.fact_arm.size(), 4u);
}

TEST(ReplaceCustomers, NothingChangedLeavesTheSetAsItWas) {
  WorkingSet set;
  AddAccount(set, 7, 70, AddCase(set, 7, 8));
  ReplaceCustomers(set, WorkingSet{}, {});
  EXPECT_EQ(set.accounts.id, (std::vector<std::int64_t>{70}));
  EXPECT_EQ(set.accounts.case_row, (std::vector<std::int32_t>{0}));
  EXPECT_EQ(set.cases.id, (std::vector<std::int64_t>{8}));
}

}  // namespace
}  // namespace arrears::app
