#include "channels/letter_pdf.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <filesystem>
#include <fontconfig/fontconfig.h>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace arrears::channels {

namespace {

constexpr double kPageWidth = 595.28;   // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 62.36;       // 22 mm
constexpr double kTextWidth = kPageWidth - 2 * kMargin;
constexpr double kFooter = 40.0;        // the page number's band above the bottom margin
constexpr double kBottom = kPageHeight - kMargin;
constexpr double kCellPadding = 4.0;

// One face for everything: each embedded CJK face costs tens of kilobytes even as a subset. The letters' own font
// (GB 2312 cut from Noto Serif CJK SC) first; the full face for any character it lacks.
const char* const kTextFont = "Arrears Letter Serif, Noto Serif CJK SC 10";
const char* const kSmallFont = "Arrears Letter Serif, Noto Serif CJK SC 8.5";
const char* const kTitleFont = "Arrears Letter Serif, Noto Serif CJK SC 18";
const char* const kHeadingFont = "Arrears Letter Serif, Noto Serif CJK SC 10.5";

struct LayoutDeleter {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using Layout = std::shared_ptr<PangoLayout>;

// A piece placed on a page: a whole layout, or one line of it (paragraphs break between lines), or a rule.
struct Placed {
  Layout layout;
  int line = -1;  // -1: the whole layout at (x, y) as its top-left; else this line with its baseline at y
  double x = 0;
  double y = 0;
  double rule_width = 0;  // > 0: a horizontal line from (x, y)
  double rule_height = 0;  // > 0: a box (x, y, rule_width, rule_height)
};

class Typesetter {
 public:
  explicit Typesetter(cairo_t* measure) : context_(pango_cairo_create_context(measure)) {}
  ~Typesetter() { g_object_unref(context_); }

  Layout Make(const std::string& text, const char* font, double width, PangoAlignment align = PANGO_ALIGN_LEFT,
              int indent_chars = 0) {
    Layout layout(pango_layout_new(context_), LayoutDeleter());
    PangoFontDescription* description = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout.get(), description);
    pango_font_description_free(description);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), align);
    pango_layout_set_spacing(layout.get(), static_cast<int>(3 * PANGO_SCALE));
    if (indent_chars > 0) {
      pango_layout_set_indent(layout.get(), static_cast<int>(indent_chars * 10 * PANGO_SCALE));
    }
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    return layout;
  }

  static double Height(const Layout& layout) {
    int width = 0, height = 0;
    pango_layout_get_size(layout.get(), &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
  }

  std::vector<std::vector<Placed>> pages{1};
  double y = kMargin;

  void NewPage() {
    pages.emplace_back();
    y = kMargin;
  }
  void Need(double height) {
    if (y + height > kBottom - kFooter && y > kMargin) NewPage();
  }
  void Place(const Layout& layout, double x, double height) {
    Need(height);
    pages.back().push_back({layout, -1, x, y, 0, 0});
    y += height;
  }
  // A paragraph: line by line, so that it breaks across pages.
  void Flow(const Layout& layout, double after) {
    PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
    int index = 0;
    double top = y;  // the layout's top on this page
    double offset = 0;  // the layout's y of the first line on this page
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      const double line_top = static_cast<double>(logical.y) / PANGO_SCALE;
      const double line_height = static_cast<double>(logical.height) / PANGO_SCALE + 3;
      const double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE;
      if (top + (line_top - offset) + line_height > kBottom - kFooter) {
        NewPage();
        top = y;
        offset = line_top;
      }
      const double line_x = kMargin;
      pages.back().push_back({layout, index, line_x, top + (baseline - offset), 0, 0});
      y = top + (line_top - offset) + line_height;
      ++index;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    y += after;
  }
  void Rule(double x, double at, double width) { pages.back().push_back({nullptr, -1, x, at, width, 0}); }
  void Box(double x, double at, double width, double height) {
    pages.back().push_back({nullptr, -1, x, at, width, height});
  }

 private:
  PangoContext* context_;
};

// One row of a table: its cells' layouts and height.
struct TableRow {
  std::vector<Layout> cells;
  double height = 0;
};

TableRow MakeRow(Typesetter& t, const app::LetterTable& table, const std::vector<std::string>& texts, const char* font,
                 bool header) {
  TableRow row;
  for (std::size_t c = 0; c < texts.size(); ++c) {
    const double width = table.widths[c] * kTextWidth - 2 * kCellPadding;
    const PangoAlignment align = header ? PANGO_ALIGN_CENTER
                                 : (c < table.right_aligned.size() && table.right_aligned[c]) ? PANGO_ALIGN_RIGHT
                                                                                              : PANGO_ALIGN_LEFT;
    row.cells.push_back(t.Make(texts[c], font, width, align));
    row.height = std::max(row.height, Typesetter::Height(row.cells.back()) + 2 * kCellPadding);
  }
  return row;
}

void PlaceRow(Typesetter& t, const app::LetterTable& table, const TableRow& row) {
  double x = kMargin;
  for (std::size_t c = 0; c < row.cells.size(); ++c) {
    const double width = table.widths[c] * kTextWidth;
    t.Box(x, t.y, width, row.height);
    t.pages.back().push_back({row.cells[c], -1, x + kCellPadding, t.y + kCellPadding, 0, 0});
    x += width;
  }
  t.y += row.height;
}

// Rows break across pages; each page of the table starts with its header.
void PlaceTable(Typesetter& t, const app::LetterTable& table) {
  const TableRow header = MakeRow(t, table, table.header, kSmallFont, true);
  t.Need(header.height * 2);
  PlaceRow(t, table, header);
  for (const auto& texts : table.rows) {
    const TableRow row = MakeRow(t, table, texts, kSmallFont, false);
    if (t.y + row.height > kBottom - kFooter) {
      t.NewPage();
      PlaceRow(t, table, header);
    }
    PlaceRow(t, table, row);
  }
  t.y += 10;
}

std::string Replace(std::string text, const std::string& marker, const std::string& value) {
  const auto at = text.find(marker);
  if (at != std::string::npos) text.replace(at, marker.size(), value);
  return text;
}

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

PdfLetterRenderer::PdfLetterRenderer(const std::string& font_file) {
  static std::once_flag once;
  std::call_once(once, [&] {
    if (!font_file.empty() && std::filesystem::exists(font_file)) {
      FcConfigAppFontAddFile(FcConfigGetCurrent(), reinterpret_cast<const FcChar8*>(font_file.c_str()));
    }
  });
}

std::string PdfLetterRenderer::DefaultFontFile() { return ARREARS_LETTER_FONT; }

std::string PdfLetterRenderer::Render(const app::LetterDocument& letter) {
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(&Append, &pdf, kPageWidth, kPageHeight);
  // The same letter gives the same bytes: the creation date is the letter's, not the clock's.
  if (!letter.created_at.empty()) {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, letter.created_at.c_str());
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, letter.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "arrears");
  cairo_t* cr = cairo_create(surface);
  {
    Typesetter t(cr);
    // The head: sender and reference, date, the title, the addressee.
    t.Place(t.Make(letter.sender, kHeadingFont, kTextWidth), kMargin, 18);
    t.Place(t.Make(letter.reference, kSmallFont, kTextWidth, PANGO_ALIGN_RIGHT), kMargin, 14);
    t.Rule(kMargin, t.y + 2, kTextWidth);
    t.y += 18;
    const Layout title = t.Make(letter.title, kTitleFont, kTextWidth, PANGO_ALIGN_CENTER);
    t.Place(title, kMargin, Typesetter::Height(title) + 14);
    if (!letter.addressee.empty()) t.Flow(t.Make(letter.addressee, kTextFont, kTextWidth), 8);
    for (const app::LetterBlock& block : letter.blocks) {
      switch (block.kind) {
        case app::LetterBlock::Kind::kHeading: {
          const Layout heading = t.Make(block.text, kHeadingFont, kTextWidth);
          t.Need(Typesetter::Height(heading) + 40);  // not alone at the foot of a page
          t.Place(heading, kMargin, Typesetter::Height(heading) + 6);
          break;
        }
        case app::LetterBlock::Kind::kParagraph:
          t.Flow(t.Make(block.text, kTextFont, kTextWidth, PANGO_ALIGN_LEFT, 2), 8);
          break;
        case app::LetterBlock::Kind::kTable:
          PlaceTable(t, block.table);
          break;
      }
    }
    // The closing, to the right, kept together.
    t.y += 16;
    double closing_height = 0;
    std::vector<Layout> closing;
    for (const std::string& line : letter.closing) {
      closing.push_back(t.Make(line, kTextFont, kTextWidth * 0.5, PANGO_ALIGN_CENTER));
      closing_height += Typesetter::Height(closing.back()) + 6;
    }
    t.Need(closing_height);
    for (const Layout& line : closing) t.Place(line, kMargin + kTextWidth * 0.5, Typesetter::Height(line) + 6);

    // Draw: every page, then its number of the total.
    const auto pages = t.pages.size();
    for (std::size_t p = 0; p < pages; ++p) {
      cairo_set_source_rgb(cr, 0, 0, 0);
      cairo_set_line_width(cr, 0.6);
      for (const Placed& piece : t.pages[p]) {
        if (!piece.layout) {
          if (piece.rule_height > 0) {
            cairo_rectangle(cr, piece.x, piece.y, piece.rule_width, piece.rule_height);
          } else {
            cairo_move_to(cr, piece.x, piece.y);
            cairo_line_to(cr, piece.x + piece.rule_width, piece.y);
          }
          cairo_stroke(cr);
          continue;
        }
        if (piece.line < 0) {
          cairo_move_to(cr, piece.x, piece.y);
          pango_cairo_show_layout(cr, piece.layout.get());
        } else {
          PangoLayoutLine* line = pango_layout_get_line_readonly(piece.layout.get(), piece.line);
          PangoRectangle logical;
          pango_layout_line_get_extents(line, nullptr, &logical);
          // Indent and alignment are in the line's x offset within the layout.
          PangoLayoutIter* iter = pango_layout_get_iter(piece.layout.get());
          for (int i = 0; i < piece.line; ++i) pango_layout_iter_next_line(iter);
          PangoRectangle line_rect;
          pango_layout_iter_get_line_extents(iter, nullptr, &line_rect);
          pango_layout_iter_free(iter);
          cairo_move_to(cr, piece.x + static_cast<double>(line_rect.x) / PANGO_SCALE, piece.y);
          pango_cairo_show_layout_line(cr, line);
        }
      }
      const std::string label = Replace(Replace(letter.page_label, "{page}", std::to_string(p + 1)), "{pages}",
                                        std::to_string(pages));
      const Layout footer = t.Make(label, kSmallFont, kTextWidth, PANGO_ALIGN_CENTER);
      cairo_move_to(cr, kMargin, kBottom - 12);
      pango_cairo_show_layout(cr, footer.get());
      cairo_show_page(cr);
    }
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("PDF: ") + cairo_status_to_string(status));
  return pdf;
}

}  // namespace arrears::channels
