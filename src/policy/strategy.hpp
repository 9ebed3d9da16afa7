// Collection strategies (config/strategies/*.yaml): ordered segments, each with
// conditions over a case's features and a treatment path — day offsets to
// actions — for its champion and, optionally, a challenger that takes a
// stable share of the segment's cases (by a hash of the case id and the
// strategy's name). The first segment whose conditions hold takes the case.
// Parsing the text is not I/O; the caller reads the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace arrears::policy {

enum class Action { kNone, kSms, kCall, kEmail, kLetter, kFieldVisit, kLegalReview, kAgencyPlacement };
std::string_view ActionName(Action action);  // none, sms, call, email, letter, field_visit, legal_review, agency_placement
std::optional<Action> ParseAction(std::string_view name);

struct TreatmentStep {
  int day = 0;  // days since the case entered the segment
  Action action = Action::kCall;
  std::string template_id;  // for sms, email and letter
};

struct TreatmentPath {
  std::string name;
  std::vector<TreatmentStep> steps;  // by day, at most one per day
  Action otherwise = Action::kCall;  // on a day without a step
};

// What the strategy reads of a case. Amounts in minor units.
struct CaseFeatures {
  std::string bucket;  // e.g. "M2"
  int days_past_due = 0;
  std::int64_t owed = 0;
  std::string product;  // the product type of the account furthest behind: "card", "loan"
  std::string region;
  std::optional<int> risk_score;  // 0-1000 when the lender supplies one
  bool on_hold = false;           // a hold that stops collection contact
  std::optional<int> days_since_contact;
  std::string promise;  // "open", "broken", "kept", "none": the latest promise
  int broken_promises = 0;
};

struct Condition {
  std::vector<std::string> buckets, products, regions, promise;  // empty: any
  std::optional<int> dpd_min, dpd_max;
  std::optional<std::int64_t> owed_min, owed_max;
  std::optional<int> risk_min, risk_max;
  std::optional<bool> on_hold;
  std::optional<int> days_since_contact_min;  // no contact yet counts as a long time
  std::optional<int> broken_min;

  bool Holds(const CaseFeatures& features) const;
};

struct Segment {
  std::string name;
  Condition when;
  TreatmentPath champion;
  std::optional<TreatmentPath> challenger;
  std::int64_t challenger_ppm = 0;  // share of the segment's cases on the challenger path
};

enum class Arm { kChampion, kChallenger };
std::string_view ArmName(Arm arm);  // champion, challenger

struct Placement {
  const Segment* segment = nullptr;  // nullptr: no segment matched
  Arm arm = Arm::kChampion;
  const TreatmentPath* path = nullptr;
};

struct Strategy {
  std::string name;
  int version = 1;
  std::vector<Segment> segments;

  // The case's segment and arm; the arm is stable for a case id.
  Placement Place(std::int64_t case_id, const CaseFeatures& features) const;
  const Segment* Find(std::string_view segment) const;
};

// The action of `path` on day `day` of the treatment.
const TreatmentStep* StepOn(const TreatmentPath& path, int day);

// A stable number in [0, 1,000,000) for a case under a strategy (FNV-1a).
std::int64_t SplitPoint(std::int64_t case_id, std::string_view strategy);

// Errors name the file and line ("default.yaml:12: ...").
Result<Strategy> ParseStrategy(std::string_view yaml_text, std::string_view source);

}  // namespace arrears::policy
