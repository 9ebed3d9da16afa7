// Compliance decisions per second with realistic 7-day histories in memory.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <vector>

#include "policy/engine.hpp"

namespace arrears::policy {
namespace {

RulePack LoadPack(const std::string& name) {
  std::ifstream file(std::string(ARREARS_SOURCE_DIR) + "/config/rules/" + name + ".yaml");
  std::ostringstream text;
  text << file.rdbuf();
  return *ParseRulePack(text.str(), name);
}

// One person's last 7 days: a few calls a day to two numbers, some conversations, an SMS.
std::vector<HistoryEvent> History(std::mt19937_64& random, Instant now) {
  std::vector<HistoryEvent> history;
  for (int day = 7; day >= 1; --day) {
    const int calls = static_cast<int>(random() % 4);
    for (int k = 0; k < calls; ++k) {
      HistoryEvent e;
      e.at = now - std::chrono::hours(24 * day) + std::chrono::minutes(static_cast<int>(random() % 600));
      e.person = "P1";
      e.debts = {"D1"};
      e.number = k % 2 ? "13800138000" : "13900139000";
      e.outcome = random() % 5 == 0 ? CallOutcome::kConversation : CallOutcome::kNoAnswer;
      history.push_back(e);
    }
  }
  std::sort(history.begin(), history.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  return history;
}

// `utc_hour`: the attempt's hour in UTC, 10:00 in the person's zone (a working-hours check).
void BM_Decision(benchmark::State& state, const char* pack_name, const char* zone, int utc_hour) {
  const RulePack pack = LoadPack(pack_name);
  const std::vector<const RulePack*> packs = {&pack};
  std::mt19937_64 random(1);
  const Instant now = std::chrono::time_point_cast<std::chrono::seconds>(
      std::chrono::sys_days(std::chrono::year(2026) / 11 / 28) + std::chrono::hours(utc_hour));
  std::vector<std::vector<HistoryEvent>> histories;
  for (int i = 0; i < 256; ++i) histories.push_back(History(random, now));
  Attempt attempt;
  attempt.at = now;
  attempt.person = "P1";
  attempt.debts = {"D1"};
  attempt.number = "13800138000";
  attempt.timezones = {zone};
  std::vector<double> latencies;
  latencies.reserve(1 << 20);
  std::size_t i = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    auto decision = Evaluate(packs, histories[i++ & 255], attempt, Language::kEn);
    benchmark::DoNotOptimize(decision);
    if (latencies.size() < latencies.capacity()) {
      latencies.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    }
  }
  std::sort(latencies.begin(), latencies.end());
  if (!latencies.empty()) state.counters["p99_us"] = latencies[latencies.size() * 99 / 100];
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_Decision, cn_default, "cn-default", "Asia/Shanghai", 2);
BENCHMARK_CAPTURE(BM_Decision, us_regf, "us-regf", "America/New_York", 15);

}  // namespace
}  // namespace arrears::policy
