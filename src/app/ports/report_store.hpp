// The facts the reports are computed from (docs/measures.md), read by store:
// the spans of case facts the daily cycle writes, the payments, and the
// workers' activity (contacts, promises, plans, waivers, disputes). Reading is
// plain: which spans and payments count, and how, is decided by app/reports,
// once for both databases.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace arrears::app {

// A span of days over which a case's reportable state held (case_facts).
struct FactSpan {
  std::int64_t customer_id = 0;
  std::int64_t case_id = 0;
  Date from;
  std::optional<Date> until;  // exclusive; none while it holds
  std::string bucket;
  std::int64_t owed = 0;      // on its first day
  std::string segment;
  std::string arm;
  std::string owner;
  std::string team;     // the owner's
  std::string agency;
  std::string product;  // the case's first account's product type and region (when asked for)
  std::string region;
  std::string close_reason;  // the case's, once closed
};

// A payment (positive) or reversal (negative) on one of a case's accounts.
struct PeriodPayment {
  std::int64_t customer_id = 0;
  std::int64_t case_id = 0;
  Date value_date;
  std::int64_t amount = 0;
};

// What one worker did in one month, counted.
struct ActivityCounts {
  std::string actor;
  std::string team;
  std::string agency;
  std::string month;              // YYYY-MM
  std::int64_t attempts = 0;      // calls and visits made
  std::int64_t reached = 0;       // ... that reached a person
  std::int64_t right_party = 0;   // ... that were a conversation with the debtor
  std::int64_t compliance_hits = 0;  // attempts the compliance engine warned of or blocked
  std::int64_t promises = 0;         // promises made
  std::int64_t promised = 0;         // their amount
  std::int64_t promises_due = 0;     // promises the worker took that fell due in the month
  std::int64_t kept = 0;
  std::int64_t partly_kept = 0;
  std::int64_t broken = 0;
  std::int64_t plans_granted = 0;    // arrangements the worker proposed that came into force
  std::int64_t plans_completed = 0;
  std::int64_t plans_failed = 0;
  std::int64_t waived = 0;           // waived amounts in plans granted
  std::int64_t disputes = 0;         // disputes opened on the worker's cases
  std::int64_t complaints = 0;       // service complaints and complaint holds on the worker's cases
};

// A plan that came into force with a waiver, by component (minor units).
struct WaiverGrant {
  std::string approver;  // the supervisor who approved it, or the proposer when it was within their authority
  std::string proposer;
  std::vector<std::pair<std::string, std::int64_t>> by_component;  // "penalty_interest" -> amount
};

// Accounts of one product type and region: how many were active, or how many entered collection in a month.
struct AccountCount {
  std::string month;  // YYYY-MM (entries only)
  std::string product;
  std::string region;
  std::int64_t accounts = 0;
};

class ReportStore {
 public:
  virtual ~ReportStore() = default;
  // Spans of cases in `currency` that hold on some day of [from, to], ordered by customer, case and start; the
  // product and region (a read of the case's first account) only `with_accounts`.
  virtual void Spans(const std::string& currency, Date from, Date to, bool with_accounts,
                     const std::function<void(FactSpan&&)>& each) = 0;
  // Payments and reversals with value dates in [from, to] on cases' accounts, ordered by case and date.
  virtual std::vector<PeriodPayment> Payments(const std::string& currency, Date from, Date to) = 0;
  // Activity per worker and month in [from, to], on cases in `currency`.
  virtual std::vector<ActivityCounts> Activity(const std::string& currency, Date from, Date to) = 0;
  // Plans decided in [from, to] that came into force with something waived.
  virtual std::vector<WaiverGrant> Waivers(const std::string& currency, Date from, Date to) = 0;
  // Accounts in `currency` that moved from current (M0) into a past-due bucket in [from, to] (or had their first
  // bucket recorded after the first night of the cycle), per month, product and region.
  virtual std::vector<AccountCount> Entries(const std::string& currency, Date from, Date to) = 0;
  // Accounts in `currency` opened before `day` and active (not frozen, charged off or closed), per product and region.
  virtual std::vector<AccountCount> ActiveAccounts(const std::string& currency, Date day) = 0;
  // Display names by login.
  virtual std::vector<std::pair<std::string, std::string>> WorkerNames() = 0;
};

}  // namespace arrears::app
