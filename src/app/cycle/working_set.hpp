// The cycle's working set: every account past due at its anchor or in an open
// case, and every open case, as columnar arrays (one vector per column,
// indexed by position) so that the day's computation walks memory in order
// and splits across cores by index range. Text that repeats (owners, products,
// regions, segments) is stored once in a dictionary and referred to by index.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace arrears::app {

inline constexpr std::int32_t kNoDate = std::numeric_limits<std::int32_t>::min();  // a date column's NULL
inline constexpr std::int32_t kNoIndex = -1;

class Dictionary {
 public:
  std::int32_t Intern(std::string_view text);  // "" is kNoIndex
  std::string_view Text(std::int32_t index) const { return index < 0 ? std::string_view() : texts_[static_cast<std::size_t>(index)]; }
  std::size_t size() const { return texts_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
  };
  std::vector<std::string> texts_;
  std::unordered_map<std::string, std::int32_t, Hash, std::equal_to<>> index_;
};

struct AccountColumns {
  std::vector<std::int64_t> customer, id;
  std::vector<std::int32_t> oldest_unpaid;  // date serial or kNoDate
  std::vector<std::int16_t> grace_days;
  std::vector<std::int32_t> balance_date;  // the date the balances were accrued to
  std::vector<std::int64_t> principal_not_due, overdue;  // overdue: every overdue component
  std::vector<std::int64_t> overdue_principal, overdue_interest;  // what bears penalty and compound interest
  std::vector<std::int64_t> rate_billionths;  // the contract rate
  std::vector<std::int8_t> rate_period;       // RatePeriod
  std::vector<std::int8_t> day_count;         // DayCountConvention
  std::vector<std::int64_t> penalty_uplift_billionths;
  std::vector<std::int8_t> compound;  // overdue interest bears compound interest (loans, not cards)
  std::vector<std::int32_t> bucket;   // dictionary index of the stored bucket's name; kNoIndex: none yet
  std::vector<std::int32_t> product;  // dictionary index
  std::vector<std::int32_t> region;   // dictionary index
  std::vector<std::int32_t> case_row;  // the row of its open case in CaseColumns, or kNoIndex
  std::vector<std::int32_t> stored_dpd;  // days past due as the lender last sent them (what opens a case)

  std::size_t size() const { return id.size(); }
};

struct CaseColumns {
  std::vector<std::int64_t> customer, id;
  std::vector<std::int32_t> owner;  // dictionary index, kNoIndex: unassigned
  std::vector<std::int32_t> currency;  // dictionary index
  std::vector<std::int32_t> segment;   // dictionary index of the stored segment, kNoIndex: none yet
  std::vector<std::int8_t> arm;        // the stored arm: 0 champion, 1 challenger, -1 none yet
  std::vector<std::int32_t> treatment_since;  // date serial or kNoDate
  std::vector<std::int32_t> last_contact;     // date serial of the last contact made, or kNoDate
  std::vector<std::int8_t> last_contact_reached;
  std::vector<std::int32_t> last_payment;  // date serial of the last payment, or kNoDate
  std::vector<std::int8_t> promise;        // 0 none, 1 open, 2 kept, 3 broken: the latest promise
  std::vector<std::int16_t> broken_promises;
  std::vector<std::int32_t> commitment_due;  // the earliest open promise or installment date; kNoDate: none
  std::vector<std::int8_t> closed;            // closed during this run (by the promises step)
  std::vector<std::int8_t> on_hold;  // a hold that stops collection contact
  std::vector<std::int32_t> risk_score;  // -1: none
  // Allocation.
  std::vector<std::int32_t> language;       // dictionary index, the customer's
  std::vector<std::int32_t> time_zone;      // dictionary index, the customer's IANA zone
  std::vector<std::int32_t> assigned_on;    // date serial or kNoDate
  std::vector<std::int32_t> notice_on;      // the agency placement notice
  std::vector<std::int32_t> placed_on, placed_until;
  std::vector<std::int32_t> placed_agency;  // dictionary index, kNoIndex: not placed
  // The span of the case's facts that holds (case_facts), compared with the day's so that only changes are written.
  std::vector<std::int32_t> fact_from;           // date serial; kNoDate: no span yet
  std::vector<std::int32_t> fact_bucket;         // dictionary index
  std::vector<std::int32_t> fact_overdue_since;  // date serial; kNoDate: nothing past due
  std::vector<std::int64_t> fact_anchor_owed;
  std::vector<std::int32_t> fact_segment, fact_owner, fact_agency;  // dictionary indexes
  std::vector<std::int8_t> fact_arm;                                // 0 champion, 1 challenger, -1 none

  std::size_t size() const { return id.size(); }
};

struct WorkingSet {
  AccountColumns accounts;  // ordered by customer, then id
  CaseColumns cases;        // ordered by customer, then id
  Dictionary text;          // owners, currencies, products, regions, segments
};

// Puts `fresh`'s rows (those of the customers in `changed` alone, ordered like the set's and interned in its
// dictionary) in place of the rows the set holds for the customers in `changed` (sorted): a changed customer with
// no rows in `fresh` leaves the set. Each account's case row is found again.
void ReplaceCustomers(WorkingSet& set, WorkingSet&& fresh, const std::vector<std::int64_t>& changed);

}  // namespace arrears::app
