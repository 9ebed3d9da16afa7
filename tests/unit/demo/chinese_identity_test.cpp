#include "demo/chinese_identity.hpp"

#include <gtest/gtest.h>

namespace arrears::demo {
namespace {

TEST(ChineseIdentityTest, GeneratedIdsAreWellFormed) {
  Random random(9, 9);
  for (int i = 0; i < 2000; ++i) {
    const Region& region = PickRegion(random);
    const Date birth = Date::FromSerial(random.Between(-3650, 12000));
    const bool male = random.Chance(0.5);
    const std::string id = ResidentId(random, region, birth, male);
    ASSERT_TRUE(IsValidResidentId(id)) << id;
    EXPECT_EQ(id.substr(0, 6), region.code);
    EXPECT_EQ(id.substr(6, 8), birth.ToString().substr(0, 4) + birth.ToString().substr(5, 2) + birth.ToString().substr(8, 2));
    EXPECT_EQ((id[16] - '0') % 2 == 1, male) << id;  // 17th digit: odd for men
    const std::string mobile = MobileNumber(random);
    ASSERT_EQ(mobile.size(), 11u);
    EXPECT_EQ(mobile[0], '1');
    EXPECT_EQ(mobile.find_first_not_of("0123456789"), std::string::npos);
  }
}

TEST(ChineseIdentityTest, NamesAreChinese) {
  Random random(1, 2);
  for (int i = 0; i < 100; ++i) {
    const std::string name = ChineseName(random, i % 2 == 0);
    EXPECT_GE(name.size(), 6u);  // at least two CJK characters of three UTF-8 bytes
    EXPECT_LE(name.size(), 12u);
    EXPECT_GE(static_cast<unsigned char>(name[0]), 0xE4);
  }
}

}  // namespace
}  // namespace arrears::demo
