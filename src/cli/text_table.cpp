#include "cli/text_table.hpp"

#include <algorithm>

namespace arrears::cli {

std::size_t DisplayWidth(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (lead >= 0xF0) {
      length = 4;
    } else if (lead >= 0xE0) {
      length = 3;
    } else if (lead >= 0xC0) {
      length = 2;
    }
    // Three- and four-byte sequences here are CJK ideographs and full-width forms.
    width += length >= 3 ? 2 : 1;
    i += length;
  }
  return width;
}

namespace {

bool LooksNumeric(const std::string& cell) {
  return !cell.empty() && std::all_of(cell.begin(), cell.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == '%';
  });
}

void Pad(std::ostream& out, const std::string& cell, std::size_t width, bool right) {
  const std::size_t padding = width - std::min(width, DisplayWidth(cell));
  if (right) out << std::string(padding, ' ') << cell;
  else out << cell << std::string(padding, ' ');
}

}  // namespace

void TextTable::Print(std::ostream& out) const {
  std::vector<std::size_t> widths(header_.size(), 0);
  // A column of numbers is right-aligned, its header too; text reads from the left.
  std::vector<bool> numeric(header_.size(), !rows_.empty());
  for (std::size_t c = 0; c < header_.size(); ++c) widths[c] = DisplayWidth(header_[c]);
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(row[c]));
      if (!row[c].empty() && !LooksNumeric(row[c])) numeric[c] = false;
    }
  }
  for (std::size_t c = 0; c < header_.size(); ++c) {
    if (c > 0) out << "  ";
    Pad(out, header_[c], c + 1 == header_.size() && !numeric[c] ? 0 : widths[c], numeric[c]);
  }
  out << '\n';
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      if (c > 0) out << "  ";
      // No trailing blanks after the last column.
      Pad(out, row[c], c + 1 == row.size() && !numeric[c] ? 0 : widths[c], numeric[c]);
    }
    out << '\n';
  }
}

void PrintFacts(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& facts) {
  std::size_t width = 0;
  for (const auto& [label, value] : facts) width = std::max(width, DisplayWidth(label));
  for (const auto& [label, value] : facts) {
    out << label << std::string(width - DisplayWidth(label) + 2, ' ') << value << '\n';
  }
}

}  // namespace arrears::cli
