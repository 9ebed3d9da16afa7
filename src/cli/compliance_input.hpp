// The check-contact files (docs/compliance.md) into policy types: contact
// history as JSON lines, the attempt as one JSON object. Errors name the line.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "policy/contact.hpp"
#include "policy/rule_pack.hpp"

namespace arrears::cli {

// Throws UsageError("FILE:LINE: ...").
std::vector<policy::HistoryEvent> ReadHistory(std::istream& in, const std::string& file_name);
policy::Attempt ReadAttempt(const std::string& text, const std::string& file_name);

// The packs named "cn-default,us-regf" from `dir` (config/rules); UsageError naming --pack.
std::vector<policy::RulePack> LoadPacks(const std::string& names, const std::string& dir,
                                       std::vector<std::string>* texts = nullptr);

}  // namespace arrears::cli
