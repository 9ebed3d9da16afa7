#include "app/cycle/day_queue.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "app/workflow/contacts.hpp"
#include "policy/engine.hpp"
#include "policy/local_time.hpp"

namespace arrears::app {

namespace {

std::optional<policy::Channel> ContactChannel(policy::Action action) {
  switch (action) {
    case policy::Action::kSms: return policy::Channel::kSms;
    case policy::Action::kCall: return policy::Channel::kCall;
    case policy::Action::kEmail: return policy::Channel::kEmail;
    case policy::Action::kLetter: return policy::Channel::kLetter;
    case policy::Action::kFieldVisit: return policy::Channel::kVisit;
    default: return std::nullopt;  // internal work: a legal review, an agency placement
  }
}

}  // namespace

Status BuildQueue(const CycleDependencies& deps, std::size_t chunk_size, Date day, const DayOutcome& out,
                  WorkingSet& set, CycleSummary& summary) {
  CaseColumns& cases = set.cases;
  // The day's queue: each case with an action, ranked per owner by expected recovery.
  std::vector<std::size_t> queued;
  for (std::size_t k = 0; k < cases.size(); ++k) {
    if (static_cast<policy::Action>(out.action[k]) != policy::Action::kNone) queued.push_back(k);
  }
  std::sort(queued.begin(), queued.end(), [&](std::size_t x, std::size_t y) {
    if (cases.owner[x] != cases.owner[y]) return set.text.Text(cases.owner[x]) < set.text.Text(cases.owner[y]);
    if (out.priority[x] != out.priority[y]) return out.priority[x] > out.priority[y];
    return cases.id[x] < cases.id[y];
  });
  // Contacts of the last eight days: the frequency rules look back seven.
  const auto day_start = std::chrono::sys_seconds(std::chrono::sys_days(std::chrono::days(day.serial())));
  std::multimap<std::int64_t, policy::HistoryEvent> history;
  for (const RecentContact& recent : deps.store.ContactsSince(FormatUtc(day_start - std::chrono::days(8)))) {
    // The person is named when the events are used, by the case's customer reference.
    if (auto event = ContactEvent(recent.contact, "")) history.emplace(recent.customer, std::move(*event));
  }
  std::unordered_map<std::int64_t, HeldCase> held;
  for (HeldCase& c : deps.store.HoldsInForce()) held.emplace(c.case_id, std::move(c));
  std::vector<QueueItem> items;
  items.reserve(queued.size());
  int rank = 0;
  std::int32_t owner = kNoIndex - 1;
  for (std::size_t k : queued) {
    if (cases.owner[k] != owner) {
      owner = cases.owner[k];
      rank = 0;
    }
    // A collector's day has room for so many cases: the highest priorities.
    if (deps.allocation.daily_queue > 0 && rank >= deps.allocation.daily_queue) continue;
    const auto action = static_cast<policy::Action>(out.action[k]);
    QueueItem item;
    item.customer = cases.customer[k];
    item.case_id = cases.id[k];
    item.owner = std::string(set.text.Text(cases.owner[k]));
    item.priority = out.priority[k];
    item.propensity_ppm = out.propensity_ppm[k];
    item.owed = out.case_owed[k];
    item.currency = std::string(set.text.Text(cases.currency[k]));
    item.days_past_due = out.case_days_past_due[k];
    item.bucket = std::string(deps.buckets.name(static_cast<std::size_t>(out.case_bucket[k])));
    item.segment = deps.strategy.segments[static_cast<std::size_t>(out.segment[k])].name;
    item.arm = out.arm[k] == 1 ? "challenger" : "champion";
    item.action = std::string(policy::ActionName(action));
    if (out.step[k] != nullptr) item.template_id = out.step[k]->template_id;
    if (const auto channel = ContactChannel(action)) {
      // The first moment of the debtor's day that the packs allow this contact.
      const std::string time_zone(set.text.Text(cases.time_zone[k]));
      const auto zone = policy::FindZone(time_zone);
      if (!zone) return Fail(zone.error());
      policy::Attempt attempt;
      attempt.channel = *channel;
      attempt.at = policy::AtLocal(day.serial(), 0, *zone);
      // The customer's id names the person: the engine matches events to the attempt by it.
      attempt.person = std::to_string(cases.customer[k]);
      attempt.timezones = {time_zone};
      std::vector<policy::HistoryEvent> events;
      for (auto [it, end] = history.equal_range(cases.customer[k]); it != end; ++it) {
        policy::HistoryEvent event = it->second;
        event.person = attempt.person;
        events.push_back(std::move(event));
      }
      // Holds in force, told to the engine as the workflow tells them (a dispute concerns its account).
      if (const auto found = held.find(cases.id[k]); found != held.end()) {
        const HeldCase& h = found->second;
        attempt.debts = h.account_refs;
        for (std::size_t i = 0; i < h.holds.size(); ++i) {
          events.push_back(HoldEvent(h.holds[i], attempt.person, h.hold_accounts[i], attempt.at));
        }
      }
      std::sort(events.begin(), events.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
      // Evaluated at local midnight, then at the time each block lifts, until allowed or not today: a block
      // with no time of its own (a hold, an opt-out) keeps the contact out of the day's queue.
      std::optional<policy::Instant> from;
      for (int round = 0; round < 4; ++round) {
        auto decision = policy::Evaluate(deps.packs, events, attempt, policy::Language::kEn);
        if (!decision) return Fail(decision.error());
        if (decision->verdict != policy::Verdict::kBlock) {
          from = attempt.at;
          break;
        }
        std::optional<policy::Instant> lifts;
        bool lifts_at_all = true;
        for (const policy::Reason& reason : decision->reasons) {
          if (reason.verdict != policy::Verdict::kBlock) continue;
          if (!reason.allowed_from) lifts_at_all = false;
          if (reason.allowed_from && (!lifts || *reason.allowed_from > *lifts)) lifts = reason.allowed_from;
        }
        if (!lifts_at_all || !lifts || *lifts <= attempt.at || policy::LocalDay(*lifts, *zone) != day.serial()) break;
        attempt.at = *lifts;
      }
      if (!from) {
        // Only contacts compliance allows today reach a collector's queue.
        ++summary.queue_blocked;
        continue;
      }
      item.contact_from = FormatUtc(*from);
    }
    item.rank = ++rank;
    items.push_back(std::move(item));
  }
  // Chunk 0 also removes yesterday's queue, so it is written even when today's is empty.
  int chunk = 0;
  std::size_t begin = 0;
  do {
    const std::size_t end = std::min(items.size(), begin + chunk_size);
    deps.store.WriteQueue(day, chunk++, std::span<const QueueItem>(items.data() + begin, end - begin));
    begin = end;
  } while (begin < items.size());
  summary.queue_items = static_cast<std::int64_t>(items.size());
  return Ok{};
}

}  // namespace arrears::app
