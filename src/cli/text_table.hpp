// A plain-text table for people: columns padded to their widest cell
// (counting display width, so Chinese text lines up), numbers right-aligned.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace arrears::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void AddRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void Print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// Display columns of UTF-8 text: East Asian wide characters count two.
std::size_t DisplayWidth(const std::string& text);

// "label ........ value" lines for explanations.
void PrintFacts(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& facts);

}  // namespace arrears::cli
