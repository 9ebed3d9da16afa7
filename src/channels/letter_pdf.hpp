// Letters typeset as A4 PDFs with cairo and pango and the Noto CJK fonts:
// 25 mm margins, the sender and reference at the top, the title centred,
// paragraphs with a two-character indent, tables whose rows break across
// pages with the header repeated, the closing and seal text to the right,
// and "第 N 页 / 共 M 页" at the foot of every page. Two font faces (Noto
// Serif CJK SC for text, Noto Sans CJK SC Bold for titles and headings) keep a
// one-page letter small; the creation date comes from the letter, so the
// same letter gives the same bytes.
#pragma once

#include "app/ports/letter_renderer.hpp"

namespace arrears::channels {

class PdfLetterRenderer final : public app::LetterRenderer {
 public:
  // `font_file`: the letters' own font (tools/fonts/make_letter_font.py, built with the project), registered with
  // fontconfig once; without it the full Noto Serif CJK SC is used (the same letters, typeset more slowly).
  explicit PdfLetterRenderer(const std::string& font_file = DefaultFontFile());
  std::string Render(const app::LetterDocument& letter) override;

  // The font the build made (build/<preset>/fonts/arrears-letter-serif.otf).
  static std::string DefaultFontFile();
};

}  // namespace arrears::channels
