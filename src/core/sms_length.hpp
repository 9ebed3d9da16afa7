// How long an SMS is on the air: the text's length in its encoding and the
// number of segments the network carries it in. Text entirely in the GSM
// 7-bit alphabet takes 160 characters in one segment and 153 per segment of a
// concatenated message (the extension characters ^ { } \ [ ] ~ | € take two);
// anything else, Chinese included, goes as UCS-2: 70 characters in one
// segment, 67 per segment when concatenated, a character outside the Basic
// Multilingual Plane (an emoji) counting as two.
#pragma once

#include <string_view>

namespace arrears {

enum class SmsEncoding { kGsm7, kUcs2 };

struct SmsLength {
  SmsEncoding encoding = SmsEncoding::kGsm7;
  int units = 0;     // septets (GSM 7-bit) or UTF-16 code units (UCS-2)
  int segments = 0;  // 0 for an empty text
};

// `text` is UTF-8; an invalid byte counts as one UCS-2 unit.
SmsLength MeasureSms(std::string_view text);

}  // namespace arrears
