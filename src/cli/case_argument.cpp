#include "cli/case_argument.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace arrears::cli {

Result<CaseId> ResolveCase(app::WorkflowContext& workflow, const std::string& text) {
  if (text.empty()) return Fail("name a case by its id or its customer's reference", "case");
  if (std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
    std::int64_t id = 0;
    if (std::from_chars(text.data(), text.data() + text.size(), id).ec != std::errc{}) {
      return Fail("case id '" + text + "' is too large", "case");
    }
    return CaseId{id};
  }
  const auto id = workflow.store.CaseOfCustomer(text);
  if (!id) return Fail(Error{ErrorCode::kNotFound, "customer '" + text + "' has no case", "case"});
  return *id;
}

}  // namespace arrears::cli
