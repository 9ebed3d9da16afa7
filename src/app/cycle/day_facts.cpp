#include "app/cycle/day_facts.hpp"

#include "app/cycle/chunk_writer.hpp"

namespace arrears::app {

namespace {

// A case's facts for the day, in the working set's terms (dictionary indexes and date serials).
struct Span {
  std::int32_t bucket = kNoIndex;
  std::int32_t overdue_since = kNoDate;
  std::int64_t anchor_owed = 0;
  std::int32_t segment = kNoIndex;
  std::int8_t arm = -1;
  std::int32_t owner = kNoIndex;
  std::int32_t agency = kNoIndex;

  bool operator==(const Span&) const = default;
};

Span Held(const CaseColumns& c, std::size_t k) {
  return {c.fact_bucket[k], c.fact_overdue_since[k], c.fact_anchor_owed[k], c.fact_segment[k],
          c.fact_arm[k],    c.fact_owner[k],         c.fact_agency[k]};
}

}  // namespace

std::int64_t WriteDayFacts(CycleStore& store, std::size_t chunk_size, Date day, const DayOutcome& out,
                           const std::vector<std::int32_t>& bucket_text, const std::vector<std::int32_t>& segment_text,
                           WorkingSet& set) {
  CaseColumns& c = set.cases;
  // The balances at the anchors per case: a payment or an import changes them, the calendar does not.
  std::vector<std::int64_t> anchor_owed(c.size(), 0);
  for (std::size_t i = 0; i < set.accounts.size(); ++i) {
    const std::int32_t row = set.accounts.case_row[i];
    if (row != kNoIndex) {
      anchor_owed[static_cast<std::size_t>(row)] += set.accounts.principal_not_due[i] + set.accounts.overdue[i];
    }
  }
  const auto today = static_cast<std::int32_t>(day.serial());
  std::vector<std::pair<std::size_t, Span>> pending;
  const auto apply = [&] {
    for (const auto& [k, span] : pending) {
      c.fact_from[k] = today;
      c.fact_bucket[k] = span.bucket;
      c.fact_overdue_since[k] = span.overdue_since;
      c.fact_anchor_owed[k] = span.anchor_owed;
      c.fact_segment[k] = span.segment;
      c.fact_arm[k] = span.arm;
      c.fact_owner[k] = span.owner;
      c.fact_agency[k] = span.agency;
    }
    pending.clear();
  };
  ChunkWriter<CaseFact> writer(chunk_size, [&](int chunk, std::span<const CaseFact> part) {
    store.WriteFacts(day, chunk, part);
  });
  for (std::size_t k = 0; k < c.size(); ++k) {
    if (c.closed[k] != 0) continue;  // its span ended when it closed
    const int dpd = out.case_days_past_due[k];
    const bool segmented = out.segment[k] >= 0;
    const Span span{bucket_text[static_cast<std::size_t>(out.case_bucket[k])],
                    dpd > 0 ? today - dpd : kNoDate,
                    anchor_owed[k],
                    segmented ? segment_text[static_cast<std::size_t>(out.segment[k])] : kNoIndex,
                    segmented ? out.arm[k] : std::int8_t{-1},
                    c.owner[k],
                    c.placed_agency[k]};
    if (c.fact_from[k] != kNoDate && span == Held(c, k)) continue;
    writer.Add({c.customer[k], c.id[k], std::string(set.text.Text(span.bucket)),
                span.overdue_since == kNoDate ? std::nullopt : std::optional<Date>(Date::FromSerial(span.overdue_since)),
                dpd, out.case_owed[k], span.anchor_owed, std::string(set.text.Text(span.segment)),
                segmented ? std::string(policy::ArmName(span.arm == 1 ? policy::Arm::kChallenger : policy::Arm::kChampion))
                          : std::string(), std::string(set.text.Text(span.owner)),
                std::string(set.text.Text(span.agency))});
    pending.emplace_back(k, span);
    if (writer.Flushed()) apply();
  }
  writer.Finish();
  apply();
  return writer.written();
}

}  // namespace arrears::app
