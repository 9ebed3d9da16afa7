#include "app/workflow/documents.hpp"

namespace arrears::app {

namespace {

bool ReadsDocuments(Role role) {
  return WorksCases(role) || role == Role::kCompliance || role == Role::kAuditor || role == Role::kLegal;
}

}  // namespace

Result<DocumentInfo> UploadDocument(WorkflowContext& context, CaseId id, const Upload& upload) {
  if (auto permitted = Permit(context, WorksCases(context.actor.role), "upload documents"); !permitted) {
    return Fail(permitted.error());
  }
  if (upload.file_name.empty()) return Fail("the document needs a file name", "file");
  if (upload.content.empty()) return Fail("the file " + upload.file_name + " is empty", "file");
  if (static_cast<std::int64_t>(upload.content.size()) > context.policy.max_document_bytes) {
    return Fail(Error{ErrorCode::kOutOfRange,
                      "the file " + upload.file_name + " has " + std::to_string(upload.content.size()) +
                          " bytes, more than the limit of " + std::to_string(context.policy.max_document_bytes),
                      "file"});
  }
  const auto actual = SniffDocumentType(upload.content);
  if (!actual) {
    return Fail("the file " + upload.file_name + " is not a PDF, JPEG or PNG (by its content)", "file");
  }
  if (upload.declared && *upload.declared != *actual) {
    return Fail("the file " + upload.file_name + " is said to be " + std::string(DocumentTypeName(*upload.declared)) +
                    " but its content is " + std::string(DocumentTypeName(*actual)),
                "type");
  }
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  Document document;
  document.info.kind = upload.kind;
  document.info.file_name = upload.file_name;
  document.info.media_type = std::string(DocumentMediaType(*actual));
  document.info.size_bytes = static_cast<std::int64_t>(upload.content.size());
  document.info.uploaded_by = context.actor.login;
  document.info.uploaded_at = context.now_text;
  document.content = upload.content;
  document.info.id = context.store.AddDocument(*record, document);
  context.store.AppendEvent(*record, {"document.upload",
                                      upload.kind + " " + upload.file_name + " (" + document.info.media_type + ", " +
                                          std::to_string(document.info.size_bytes) + " bytes)",
                                      "document", document.info.id, std::nullopt,
                                      "file=" + upload.file_name + "; type=" + document.info.media_type});
  for (const DocumentInfo& info : context.store.Documents(*record)) {
    if (info.id == document.info.id) return info;
  }
  return document.info;
}

Result<std::vector<DocumentInfo>> ListDocuments(WorkflowContext& context, CaseId id) {
  if (auto permitted = Permit(context, ReadsDocuments(context.actor.role), "read documents"); !permitted) {
    return Fail(permitted.error());
  }
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  return context.store.Documents(*record);
}

Result<Document> DownloadDocument(WorkflowContext& context, CaseId id, std::int64_t document_id) {
  if (auto permitted = Permit(context, ReadsDocuments(context.actor.role), "read documents"); !permitted) {
    return Fail(permitted.error());
  }
  auto record = LoadCase(context, id);
  if (!record) return Fail(record.error());
  auto document = context.store.LoadDocument(*record, document_id);
  if (!document) {
    return Fail(Error{ErrorCode::kNotFound, "case " + std::to_string(id.value) + " has no document " +
                                                std::to_string(document_id), "document"});
  }
  return std::move(*document);
}

}  // namespace arrears::app
