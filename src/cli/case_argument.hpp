// A case named on the command line: its id (digits), or the reference of its
// customer ("C000000001"), which names the customer's open case (else the latest).
#pragma once

#include <string>

#include "app/workflow/workflow_context.hpp"

namespace arrears::cli {

Result<CaseId> ResolveCase(app::WorkflowContext& workflow, const std::string& text);

}  // namespace arrears::cli
