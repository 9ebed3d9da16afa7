// Personal data in clear, one value at a time, to a role allowed to see it,
// and never without an audit event naming who saw what. Everything else shows
// personal data masked.
#pragma once

#include "app/workflow/workflow_context.hpp"

namespace arrears::app {

// field: "id_number" (supervisor, legal, compliance) or "contact_point" (also
// the collectors working the case, who must reach the debtor).
Result<std::string> RevealPersonalData(WorkflowContext& context, CaseId id, const std::string& field,
                                       std::optional<std::int64_t> contact_point_id, const std::string& purpose);

}  // namespace arrears::app
