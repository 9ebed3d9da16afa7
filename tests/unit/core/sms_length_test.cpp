#include "core/sms_length.hpp"

#include <gtest/gtest.h>

#include <string>

namespace arrears {
namespace {

std::string Repeat(std::string_view piece, int times) {
  std::string text;
  for (int i = 0; i < times; ++i) text += piece;
  return text;
}

TEST(SmsLength, ChineseTextIsUcs2In70And67CharacterSegments) {
  const SmsLength one = MeasureSms(Repeat("欠", 70));
  EXPECT_EQ(one.encoding, SmsEncoding::kUcs2);
  EXPECT_EQ(one.units, 70);
  EXPECT_EQ(one.segments, 1);
  EXPECT_EQ(MeasureSms(Repeat("欠", 71)).segments, 2);   // 67 + 4
  EXPECT_EQ(MeasureSms(Repeat("欠", 134)).segments, 2);  // 67 + 67
  EXPECT_EQ(MeasureSms(Repeat("欠", 135)).segments, 3);
  // One Chinese character makes the whole message UCS-2, Latin letters included.
  const SmsLength mixed = MeasureSms("您好 Zhang, 请还款 2680.00 元");
  EXPECT_EQ(mixed.encoding, SmsEncoding::kUcs2);
  EXPECT_EQ(mixed.units, 23);  // 您好·Zhang,·请还款·2680.00·元
}

TEST(SmsLength, GsmTextIn160And153SeptetSegments) {
  EXPECT_EQ(MeasureSms(Repeat("a", 160)).segments, 1);
  EXPECT_EQ(MeasureSms(Repeat("a", 161)).segments, 2);
  EXPECT_EQ(MeasureSms(Repeat("a", 306)).segments, 2);
  EXPECT_EQ(MeasureSms(Repeat("a", 307)).segments, 3);
  // Extension characters take two septets; the euro sign is one of them.
  const SmsLength euro = MeasureSms("Pay 5€ [now]");
  EXPECT_EQ(euro.encoding, SmsEncoding::kGsm7);
  EXPECT_EQ(euro.units, 15);
  EXPECT_EQ(MeasureSms("").segments, 0);
}

TEST(SmsLength, AnEmojiIsTwoUcs2UnitsAndABrokenByteIsOne) {
  EXPECT_EQ(MeasureSms("😀").units, 2);
  const SmsLength broken = MeasureSms(std::string("a\xff", 2));
  EXPECT_EQ(broken.encoding, SmsEncoding::kUcs2);
  EXPECT_EQ(broken.units, 2);
}

}  // namespace
}  // namespace arrears
