// The YAML files a command is given: each path a file, or a folder whose
// *.yaml files are read in name order (config/templates, config/scripts).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace arrears::cli {

// (path, text) of each file; an unreadable one is a usage error naming `option`.
std::vector<std::pair<std::string, std::string>> ReadYamlFiles(const std::vector<std::string>& paths,
                                                               const char* option);

}  // namespace arrears::cli
