#include "core/resident_id.hpp"

#include <gtest/gtest.h>

namespace arrears {
namespace {

TEST(ResidentIdTest, CheckCharacterOfPublishedExamples) {
  // GB 11643-1999's own example and a widely cited one.
  EXPECT_EQ(ResidentIdCheckCharacter("11010519491231002"), 'X');
  EXPECT_EQ(ResidentIdCheckCharacter("44052418800101001"), '4');
  EXPECT_TRUE(IsValidResidentId("11010519491231002X"));
  EXPECT_FALSE(IsValidResidentId("440524188001010014"));  // right check character, but born 1880: no debtor
}

TEST(ResidentIdTest, RejectsMalformedNumbers) {
  EXPECT_FALSE(IsValidResidentId("110105194912310021"));  // wrong check character
  EXPECT_FALSE(IsValidResidentId("11010519491331002X"));  // month 13
  EXPECT_FALSE(IsValidResidentId("11010519490230002X"));  // 30 February
  EXPECT_FALSE(IsValidResidentId("1101051949123100"));    // too short
  EXPECT_FALSE(IsValidResidentId("1101051949123100AX"));  // letters in the digits
}

}  // namespace
}  // namespace arrears
