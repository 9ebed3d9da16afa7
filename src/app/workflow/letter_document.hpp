// A formal letter as structured content, before it is typeset: the sender,
// the addressee, a title, paragraphs, tables (a plan's schedule) and the
// closing with the seal's text. The channels layer typesets it as a PDF; the
// use cases say what a letter of each kind must contain.
#pragma once

#include <string>
#include <vector>

namespace arrears::app {

struct LetterTable {
  std::vector<std::string> header;
  std::vector<double> widths;  // shares of the text width, adding up to 1
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right_aligned;  // per column: amounts
};

struct LetterBlock {
  enum class Kind { kHeading, kParagraph, kTable };
  Kind kind = Kind::kParagraph;
  std::string text;
  LetterTable table;
};

struct LetterDocument {
  std::string kind;              // collection, lawyer, plan, settlement, dispute
  std::string language = "zh";   // zh, en
  std::string sender;            // the institution, at the top
  std::string reference;         // the letter's reference number
  std::string date;              // the date it is issued
  std::string addressee;         // 致：...
  std::string title;             // 催款函
  std::vector<LetterBlock> blocks;
  std::vector<std::string> closing;  // the signature lines, the seal's text last
  std::string page_label;        // "第 {page} 页 / 共 {pages} 页"
  std::string created_at;        // RFC 3339, the PDF's creation date (so the same letter gives the same bytes)
};

}  // namespace arrears::app
