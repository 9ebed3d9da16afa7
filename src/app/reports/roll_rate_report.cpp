// Roll rates (迁徙率), month on month: of what was in each bucket at the end of
// the month before, the share (by that month-end balance) in each bucket or
// closing at the end of this month (or on the period's last day, for a month
// it ends in), with DOMAIN's roll-forward rate and the cure rate per row.
#include <map>
#include <set>

#include "app/reports/case_history.hpp"
#include "app/reports/report_kinds.hpp"

namespace arrears::app::reports {

namespace {

// Where a case stood at a month's end: its bucket, or how it closed.
std::string StateAt(const CaseHistory& history, Date day) {
  if (const FactSpan* span = history.At(day)) return span->bucket;
  const std::string& reason = history.spans.back().close_reason;
  return reason.empty() ? "closed" : reason;
}

// The bucket after "M<k>": "M<k+1>", or "M<k>+" where the scheme ends there.
std::string NextBucket(const std::string& bucket, const std::set<std::string>& seen) {
  if (bucket.size() < 2 || bucket[0] != 'M' || bucket.back() == '+') return {};
  const std::string open = bucket + "+";
  if (seen.count(open)) return open;
  try {
    return "M" + std::to_string(std::stoi(bucket.substr(1)) + 1);
  } catch (const std::exception&) {
    return {};
  }
}

bool IsCured(const std::string& state) { return state == "M0" || state == "paid_in_full"; }

}  // namespace

ReportRun RollRates(ReportStore& store, const ReportFilter& filter, bool list_cases) {
  const std::vector<MonthEnd> months = MonthEnds(filter);
  struct Move {
    std::int64_t cases = 0;
    std::int64_t balance_then = 0;
    std::int64_t balance_now = 0;
  };
  // (month, from bucket) -> to state -> move
  std::map<std::pair<std::string, std::string>, std::map<std::string, Move>> moves;
  std::set<std::string> states;
  ReportRun run{NewTable("roll-rates", filter), {}};
  ForEachCase(store, filter, months.front().then, filter.to, [&](const CaseHistory& history) {
    for (const MonthEnd& month : months) {
      if (!filter.month.empty() && filter.month != month.name) continue;
      const FactSpan* then = history.At(month.then);
      if (!then || !Matches(filter, *then)) continue;
      const FactSpan* now = history.At(month.now);
      const std::string state = StateAt(history, month.now);
      if (!filter.to_state.empty() && filter.to_state != state) continue;
      Move& move = moves[{month.name, then->bucket}][state];
      ++move.cases;
      move.balance_then += then->owed;
      move.balance_now += now ? now->owed : 0;
      states.insert(state);
      if (list_cases) {
        run.cases.push_back({then->customer_id, then->case_id, month.name + ": " + then->bucket + " -> " + state});
      }
    }
  });
  // Buckets first in their order, then the closings alphabetically.
  std::vector<std::string> columns(states.begin(), states.end());
  std::stable_sort(columns.begin(), columns.end(), BucketBefore);
  ReportTable& t = run.table;
  t.columns = {DimensionColumn("month"), TextColumn("from_bucket", "月初账龄", "From bucket"),
               CountColumn("cases", "案件数", "Cases"), MoneyColumn("balance", "上月末余额", "Balance then")};
  for (const std::string& state : columns) {
    t.columns.push_back(RateColumn("to_" + state, "至 " + state, "To " + state));
  }
  t.columns.push_back(RateColumn("roll_forward", "向后迁徙率", "Roll forward"));
  t.columns.push_back(RateColumn("cure_rate", "治愈率", "Cure rate"));
  for (const auto& [key, to] : moves) {
    Move all;
    std::int64_t cured = 0;
    for (const auto& [state, move] : to) {
      all.cases += move.cases;
      all.balance_then += move.balance_then;
      if (IsCured(state)) cured += move.cases;
    }
    ReportRow row;
    row.cells = {key.first, key.second, all.cases, all.balance_then};
    for (const std::string& state : columns) {
      const auto it = to.find(state);
      row.cells.emplace_back(Of(it == to.end() ? 0 : it->second.balance_then, all.balance_then));
    }
    // Undefined from the last, open-ended bucket: there is nothing to roll forward to.
    const std::string next_bucket = NextBucket(key.second, states);
    const auto next = to.find(next_bucket);
    row.cells.emplace_back(next_bucket.empty() ? Fraction{}
                                               : Of(next == to.end() ? 0 : next->second.balance_now, all.balance_then));
    row.cells.emplace_back(Of(cured, all.cases));
    row.drill = {{"month", key.first}, {"bucket", key.second}};
    t.rows.push_back(std::move(row));
  }
  return run;
}

}  // namespace arrears::app::reports
