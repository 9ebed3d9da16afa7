#include "policy/yaml_reading.hpp"

namespace arrears::policy {

std::string Where(std::string_view source, const YAML::Node& node) {
  return std::string(source) + ":" + std::to_string(node.Mark().line + 1);
}

Status ReadList(const YAML::Node& map, const char* key, std::vector<std::string>& target, std::string_view source) {
  const YAML::Node node = map[key];
  if (!node) return Ok{};
  if (!node.IsSequence()) return Fail(Where(source, node) + ": " + key + " is a list like [M1, M2]");
  for (const YAML::Node& item : node) target.push_back(item.as<std::string>());
  return Ok{};
}

}  // namespace arrears::policy
