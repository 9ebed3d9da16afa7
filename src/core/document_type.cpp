#include "core/document_type.hpp"

namespace arrears {

std::string_view DocumentMediaType(DocumentType type) {
  switch (type) {
    case DocumentType::kPdf: return "application/pdf";
    case DocumentType::kJpeg: return "image/jpeg";
    case DocumentType::kPng: return "image/png";
  }
  return "application/octet-stream";
}

std::string_view DocumentTypeName(DocumentType type) {
  switch (type) {
    case DocumentType::kPdf: return "pdf";
    case DocumentType::kJpeg: return "jpeg";
    case DocumentType::kPng: return "png";
  }
  return "";
}

std::optional<DocumentType> ParseDocumentType(std::string_view name) {
  if (name == "pdf") return DocumentType::kPdf;
  if (name == "jpeg" || name == "jpg") return DocumentType::kJpeg;
  if (name == "png") return DocumentType::kPng;
  return std::nullopt;
}

std::optional<DocumentType> SniffDocumentType(std::string_view bytes) {
  if (bytes.starts_with("%PDF-")) return DocumentType::kPdf;
  if (bytes.starts_with("\xFF\xD8\xFF")) return DocumentType::kJpeg;
  if (bytes.starts_with(std::string_view("\x89PNG\r\n\x1A\n", 8))) return DocumentType::kPng;
  return std::nullopt;
}

}  // namespace arrears
