// Evidence on a case: PDF, JPEG or PNG, checked by content (not by the name
// or the type claimed), within the size limit, kept with its SHA-256; listed
// and downloaded by the roles that work or oversee cases.
#pragma once

#include "app/workflow/workflow_context.hpp"
#include "core/document_type.hpp"

namespace arrears::app {

struct Upload {
  std::string kind = "evidence";  // evidence, id_copy, court_filing, letter, ...
  std::string file_name;
  std::optional<DocumentType> declared;  // what the uploader says it is
  std::string content;
};

Result<DocumentInfo> UploadDocument(WorkflowContext& context, CaseId id, const Upload& upload);
Result<std::vector<DocumentInfo>> ListDocuments(WorkflowContext& context, CaseId id);
Result<Document> DownloadDocument(WorkflowContext& context, CaseId id, std::int64_t document_id);

}  // namespace arrears::app
