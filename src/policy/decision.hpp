// The compliance engine's answer: allow, warn or block, with every reason —
// the rule, its words in the user's language, and the earliest time the
// action becomes allowed when there is one (STYLE.md rule 12).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "policy/contact.hpp"

namespace arrears::policy {

enum class Verdict { kAllow, kWarn, kBlock };
std::string_view VerdictName(Verdict verdict);  // "allow", "warn", "block"

enum class Language { kZh, kEn };

struct Reason {
  std::string rule;
  Verdict verdict = Verdict::kBlock;
  std::string message;
  std::optional<Instant> allowed_from;
};

struct Decision {
  Verdict verdict = Verdict::kAllow;
  std::vector<Reason> reasons;
  // The latest allowed_from of the blocking reasons: when every block lifts.
  std::optional<Instant> allowed_from;
};

}  // namespace arrears::policy
