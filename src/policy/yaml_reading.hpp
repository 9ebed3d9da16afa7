// What the policy files' parsers share: where a node is ("file.yaml:12") and
// reading a list of names. Inside arrears_policy only (it includes yaml-cpp).
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace arrears::policy {

// "allocation.yaml:12": the file and the node's line, for error messages.
std::string Where(std::string_view source, const YAML::Node& node);

// `key` of `map` as a list like [M1, M2] into `target`; absent: left alone.
Status ReadList(const YAML::Node& map, const char* key, std::vector<std::string>& target, std::string_view source);

}  // namespace arrears::policy
