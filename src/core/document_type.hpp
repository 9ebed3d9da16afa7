// The type of an uploaded document, told by its content (magic numbers), not
// by the name it came with: PDF, JPEG and PNG are accepted as evidence.
#pragma once

#include <optional>
#include <string_view>

namespace arrears {

enum class DocumentType { kPdf, kJpeg, kPng };
std::string_view DocumentMediaType(DocumentType type);  // "application/pdf", "image/jpeg", "image/png"
std::string_view DocumentTypeName(DocumentType type);   // "pdf", "jpeg", "png"
std::optional<DocumentType> ParseDocumentType(std::string_view name);  // "pdf", "jpeg"/"jpg", "png"

// What the bytes are, or nothing when they are none of the accepted types.
std::optional<DocumentType> SniffDocumentType(std::string_view bytes);

}  // namespace arrears
