#include "cli/yaml_files.hpp"

#include <algorithm>
#include <filesystem>

#include "cli/workflow_session.hpp"

namespace arrears::cli {

std::vector<std::pair<std::string, std::string>> ReadYamlFiles(const std::vector<std::string>& paths,
                                                               const char* option) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& path : paths) {
    if (!fs::is_directory(path)) {
      files.emplace_back(path, ReadFileOrFail(path, option));
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(path)) {
      if (entry.path().extension() == ".yaml") found.push_back(entry.path().string());
    }
    std::sort(found.begin(), found.end());
    for (const std::string& file : found) files.emplace_back(file, ReadFileOrFail(file, option));
  }
  return files;
}

}  // namespace arrears::cli
