#include "core/masking.hpp"

#include <gtest/gtest.h>

namespace arrears {
namespace {

TEST(MaskingTest, PhonesKeepPrefixAndLastFour) {
  EXPECT_EQ(MaskPhone("13812345678"), "138****5678");
  EXPECT_EQ(MaskPhone("+8613812345678"), "+86138****5678");
  EXPECT_EQ(MaskPhone("010-12345678"), "010-****5678");
  EXPECT_EQ(MaskPhone("123"), "***");
}

TEST(MaskingTest, IdNumbersKeepRegionAndLastFour) {
  EXPECT_EQ(MaskIdNumber("110105194912310021"), "110105********0021");
  EXPECT_EQ(MaskIdNumber("11010519491231002X"), "110105********002X");
  EXPECT_EQ(MaskIdNumber("E1234"), "*****");
}

TEST(MaskingTest, EmailsAddressesAndNames) {
  EXPECT_EQ(MaskEmail("zhang.san@example.com"), "z***@example.com");
  EXPECT_EQ(MaskEmail("nobody"), "***");
  EXPECT_EQ(MaskAddress("北京市东城区人民路128号3栋"), "北京市东城区******");
  EXPECT_EQ(MaskName("张三丰"), "张**");
  EXPECT_EQ(MaskName("欧阳"), "欧*");
}

}  // namespace
}  // namespace arrears
