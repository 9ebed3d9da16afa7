// Collector scorecards (催收员评分卡): what each collector's cases brought in,
// beside how the work was done (right-party contacts, promises kept,
// compliance hits, complaints), and the score that weighs them
// (core/measures.hpp), best first.
#include <algorithm>
#include <map>

#include "app/reports/activity.hpp"
#include "app/reports/holdings.hpp"
#include "app/reports/report_kinds.hpp"
#include "core/measures.hpp"

namespace arrears::app::reports {

ReportRun Collectors(ReportStore& store, ReportStore* side, const ReportFilter& filter, bool list_cases) {
  struct Card {
    std::string team;
    std::int64_t cases = 0;
    std::int64_t placed = 0;
    std::int64_t collected = 0;
    ActivityCounts activity;
    std::int64_t score = 0;
  };
  std::map<std::string, Card> cards;
  ReportRun run{NewTable("collectors", filter), {}};
  auto activity = ActivityLater(store, side, filter, [](const ActivityCounts& c) { return c.actor; });
  ForEachCase(store, filter, filter.from, filter.to, [&](const CaseHistory& history) {
    for (const Holding& holding : Holdings(history, filter, "collector")) {
      if (holding.group.empty()) continue;  // unassigned: nobody to score
      Card& card = cards[holding.group];
      card.team = holding.first->team;
      ++card.cases;
      card.placed += holding.placed;
      card.collected += holding.collected;
      if (list_cases) run.cases.push_back({holding.first->customer_id, holding.first->case_id, holding.group});
    }
  });
  for (const auto& [actor, counts] : activity.get()) {
    Card& card = cards[actor];
    if (card.team.empty()) card.team = counts.team;
    AddCounts(card.activity, counts);
  }
  double best = 0;
  for (const auto& [login, card] : cards) {
    if (card.placed > 0) best = std::max(best, static_cast<double>(card.collected) / static_cast<double>(card.placed));
  }
  std::vector<std::pair<std::string, Card*>> order;
  for (auto& [login, card] : cards) {
    const ActivityCounts& a = card.activity;
    card.score = ScoreThousandths(
        {card.placed > 0 ? std::optional(static_cast<double>(card.collected) / static_cast<double>(card.placed))
                         : std::nullopt,
         best, a.promises_due, a.kept, a.attempts, a.compliance_hits, a.complaints});
    order.emplace_back(login, &card);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.second->score > b.second->score; });
  std::map<std::string, std::string> names;
  for (auto& [login, name] : store.WorkerNames()) names.emplace(login, name);
  ReportTable& t = run.table;
  t.columns = {DimensionColumn("collector"),
               TextColumn("name", "姓名", "Name"),
               DimensionColumn("team"),
               CountColumn("cases", "案件数", "Cases"),
               MoneyColumn("placed", "分配金额", "Placed"),
               MoneyColumn("collected", "回收金额", "Collected"),
               RateColumn("recovery_rate", "回收率", "Recovery rate"),
               CountColumn("attempts", "外呼/外访次数", "Attempts"),
               RateColumn("rpc_rate", "本人联系率", "RPC rate"),
               CountColumn("promises_due", "到期承诺", "Promises due"),
               RateColumn("kept_rate", "兑现率", "Kept rate"),
               CountColumn("compliance_hits", "合规命中", "Compliance hits"),
               CountColumn("complaints", "投诉", "Complaints"),
               NumberColumn("score", "评分", "Score")};
  for (const auto& [login, card] : order) {
    const ActivityCounts& a = card->activity;
    const auto name = names.find(login);
    ReportRow row;
    row.cells = {login,
                 name == names.end() ? std::string() : name->second,
                 card->team,
                 card->cases,
                 card->placed,
                 card->collected,
                 Of(card->collected, card->placed),
                 a.attempts,
                 Of(a.right_party, a.attempts),
                 a.promises_due,
                 Of(a.kept, a.promises_due),
                 a.compliance_hits,
                 a.complaints,
                 card->score};
    row.drill = {{"collector", login}};
    t.rows.push_back(std::move(row));
  }
  return run;
}

}  // namespace arrears::app::reports
