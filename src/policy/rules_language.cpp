// Language screening and the opt-out line every email and SMS must carry.
#include <algorithm>

#include "policy/rules.hpp"

namespace arrears::policy::detail {

namespace {

bool ContainsFolded(std::string_view text, std::string_view phrase) {
  if (phrase.empty()) return false;
  return std::search(text.begin(), text.end(), phrase.begin(), phrase.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         }) != text.end();
}

}  // namespace

std::vector<std::pair<std::string, std::string>> FindPhrases(const Rule& rule, std::string_view text) {
  std::vector<std::pair<std::string, std::string>> hits;
  for (const auto& [category, phrases] : rule.phrases) {
    for (const std::string& phrase : phrases) {
      if (ContainsFolded(text, phrase)) hits.emplace_back(category, phrase);
    }
  }
  return hits;
}

std::optional<Finding> CheckLanguage(const RuleContext& c) {
  if (c.rule.kind == RuleKind::kLanguage) {
    const auto hits = FindPhrases(c.rule, c.attempt.text);
    if (hits.empty()) return std::nullopt;
    return Finding{Message(c, {{"category", hits.front().first}, {"phrase", hits.front().second}}), std::nullopt};
  }
  if (c.rule.kind == RuleKind::kOptOutNotice) {
    if (c.attempt.channel != Channel::kSms && c.attempt.channel != Channel::kEmail) return std::nullopt;
    if (c.attempt.text.empty()) return std::nullopt;
    const auto markers = c.rule.lists.find("markers");
    if (markers == c.rule.lists.end()) return std::nullopt;
    for (const std::string& marker : markers->second) {
      if (ContainsFolded(c.attempt.text, marker)) return std::nullopt;
    }
    return Finding{Message(c, {{"channel", std::string(ChannelName(c.attempt.channel))}}), std::nullopt};
  }
  return std::nullopt;
}

}  // namespace arrears::policy::detail
