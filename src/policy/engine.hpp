// The compliance decision (pure: no I/O, no clock; the attempt carries its
// time). Every rule of every pack applies; the most restrictive answer wins.
//
// Counting conventions: days are the person's local calendar days in the
// first of the attempt's time zones; contact hours must hold in every
// candidate zone; Chinese daily limits count outbound calls of the lender and
// all its agencies together; US call-frequency limits count per collector,
// person and debt.
#pragma once

#include <span>
#include <vector>

#include "core/result.hpp"
#include "policy/decision.hpp"
#include "policy/rule_pack.hpp"

namespace arrears::policy {

// `history` may hold events of other people; only the attempt's person's count.
// An unknown time zone in the attempt is an error naming it.
Result<Decision> Evaluate(std::span<const RulePack* const> packs, std::span<const HistoryEvent> history,
                          const Attempt& attempt, Language language);

struct PhraseHit {
  std::string rule;
  std::string category;
  std::string phrase;
};

// Prohibited phrases in a text (a message, a template, a note), by the
// packs' language rules.
std::vector<PhraseHit> ScreenText(std::span<const RulePack* const> packs, std::string_view text);

}  // namespace arrears::policy
