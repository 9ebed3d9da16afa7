#include "core/sms_length.hpp"

#include <array>
#include <vector>

namespace arrears {

namespace {

// The GSM 03.38 default alphabet (one septet) and its extension table (two septets), as Unicode code points.
constexpr std::u16string_view kGsmBasic =
    u"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    u"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
constexpr std::u16string_view kGsmExtension = u"\f^{}\\[~]|€";

// Decodes UTF-8 into code points; an invalid byte becomes U+FFFD.
std::vector<char32_t> CodePoints(std::string_view text) {
  std::vector<char32_t> points;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    int length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + static_cast<std::size_t>(length) > text.size()) {
      points.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t point = static_cast<char32_t>(length == 1 ? byte : byte & (0xFF >> (length + 1)));
    bool valid = true;
    for (int k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
      if ((next & 0xC0) != 0x80) valid = false;
      point = (point << 6) | (next & 0x3F);
    }
    points.push_back(valid ? point : 0xFFFD);
    i += valid ? static_cast<std::size_t>(length) : 1;
  }
  return points;
}

bool In(std::u16string_view set, char32_t point) {
  return point <= 0xFFFF && set.find(static_cast<char16_t>(point)) != std::u16string_view::npos;
}

int Segments(int units, int single, int concatenated) {
  if (units == 0) return 0;
  if (units <= single) return 1;
  return (units + concatenated - 1) / concatenated;
}

}  // namespace

SmsLength MeasureSms(std::string_view text) {
  const std::vector<char32_t> points = CodePoints(text);
  int septets = 0;
  bool gsm = true;
  for (char32_t point : points) {
    if (In(kGsmBasic, point)) {
      septets += 1;
    } else if (In(kGsmExtension, point)) {
      septets += 2;
    } else {
      gsm = false;
      break;
    }
  }
  if (gsm) return {SmsEncoding::kGsm7, septets, Segments(septets, 160, 153)};
  int units = 0;
  for (char32_t point : points) units += point > 0xFFFF ? 2 : 1;
  return {SmsEncoding::kUcs2, units, Segments(units, 70, 67)};
}

}  // namespace arrears
