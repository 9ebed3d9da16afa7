#include "app/cycle/working_set.hpp"

namespace arrears::app {

std::int32_t Dictionary::Intern(std::string_view text) {
  if (text.empty()) return kNoIndex;
  const auto found = index_.find(text);
  if (found != index_.end()) return found->second;
  const auto index = static_cast<std::int32_t>(texts_.size());
  texts_.emplace_back(text);
  index_.emplace(texts_.back(), index);
  return index;
}

}  // namespace arrears::app
