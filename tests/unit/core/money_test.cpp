#include "core/money.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace arrears {
namespace {

Money Cny(std::int64_t fen) { return Money(fen, Currency::kCNY); }

TEST(MoneyTest, AddsAndSubtractsInMinorUnits) {
  EXPECT_EQ(Cny(268000) + Cny(50), Cny(268050));
  EXPECT_EQ(Cny(100) - Cny(250), Cny(-150));
  EXPECT_EQ(-Cny(5), Cny(-5));
  EXPECT_EQ(Cny(250000) * 12, Cny(3000000));
}

TEST(MoneyTest, OverflowIsAnErrorNotAWrap) {
  const Money max = Cny(std::numeric_limits<std::int64_t>::max());
  EXPECT_THROW(max + Cny(1), std::overflow_error);
  EXPECT_THROW(Cny(std::numeric_limits<std::int64_t>::min()) - Cny(1), std::overflow_error);
  EXPECT_THROW(max * 2, std::overflow_error);
  EXPECT_THROW(-Cny(std::numeric_limits<std::int64_t>::min()), std::overflow_error);
}

TEST(MoneyTest, MixingCurrenciesIsABug) {
  EXPECT_THROW(Cny(1) + Money(1, Currency::kUSD), CurrencyMismatch);
  EXPECT_THROW((void)(Cny(1) < Money(1, Currency::kUSD)), CurrencyMismatch);
  EXPECT_NE(Cny(1), Money(1, Currency::kUSD));  // equality is defined: different values
}

TEST(MoneyTest, MultiplyRatioRoundsOnceWithTheNamedMode) {
  // 1.05 × 1/2 = 0.525 -> 0.52 half-even, 0.53 half-up, 0.52 down.
  EXPECT_EQ(Cny(105).MultiplyRatio(1, 2, RoundingMode::kHalfEven), Cny(52));
  EXPECT_EQ(Cny(105).MultiplyRatio(1, 2, RoundingMode::kHalfUp), Cny(53));
  EXPECT_EQ(Cny(105).MultiplyRatio(1, 2, RoundingMode::kDown), Cny(52));
  // 0.15 / 2 = 0.075 -> 0.08 half-even (8 is even), 0.08 half-up, 0.07 down.
  EXPECT_EQ(Cny(15).MultiplyRatio(1, 2, RoundingMode::kHalfEven), Cny(8));
  EXPECT_EQ(Cny(15).MultiplyRatio(1, 2, RoundingMode::kDown), Cny(7));
  // Negative amounts round symmetrically: -0.525 -> -0.52 half-even, -0.53 half-up.
  EXPECT_EQ(Cny(-105).MultiplyRatio(1, 2, RoundingMode::kHalfEven), Cny(-52));
  EXPECT_EQ(Cny(-105).MultiplyRatio(1, 2, RoundingMode::kHalfUp), Cny(-53));
  EXPECT_EQ(Cny(-105).MultiplyRatio(1, 2, RoundingMode::kDown), Cny(-52));
}

TEST(MoneyTest, FormatsWithTheCurrencysMinorDigits) {
  EXPECT_EQ(FormatAmount(Cny(268000)), "2680.00");
  EXPECT_EQ(FormatAmount(Cny(-5)), "-0.05");
  EXPECT_EQ(FormatAmount(Cny(0)), "0.00");
  EXPECT_EQ(FormatAmount(Money(1234, Currency::kJPY)), "1234");
  EXPECT_EQ(FormatMoney(Cny(123456789)), "1,234,567.89 CNY");
  EXPECT_EQ(FormatMoney(Cny(-100000)), "-1,000.00 CNY");
  EXPECT_EQ(FormatMoney(Cny(99999)), "999.99 CNY");
}

TEST(MoneyTest, ParsesStrictly) {
  struct Row {
    const char* text;
    std::int64_t fen;
  };
  for (const Row& row : {Row{"2680", 268000}, Row{"2680.5", 268050}, Row{"2680.50", 268050},
                         Row{"-0.05", -5}, Row{"+1.00", 100}, Row{"12.340", 1234}, Row{"0", 0}}) {
    auto parsed = ParseAmount(row.text, Currency::kCNY, "amount");
    ASSERT_TRUE(parsed) << row.text << ": " << parsed.error().message;
    EXPECT_EQ(parsed->minor_units(), row.fen) << row.text;
  }
  for (const char* bad : {"12.345", "", "1e3", "1,000", "abc", ".5", "5.", "1.2.3", "--1", " 1"}) {
    auto parsed = ParseAmount(bad, Currency::kCNY, "principal");
    EXPECT_FALSE(parsed) << bad;
    if (!parsed) {
      EXPECT_EQ(parsed.error().field, "principal");
    }
  }
  EXPECT_NE(ParseAmount("12.345", Currency::kCNY, "x").error().message.find("CNY amounts have 2"), std::string::npos);
  EXPECT_FALSE(ParseAmount("99999999999999999999", Currency::kCNY, "x"));
  EXPECT_FALSE(ParseAmount("1.5", Currency::kJPY, "x"));
}

TEST(MoneyTest, ParsesAmountsWithCurrencyCodes) {
  EXPECT_EQ(*ParseMoney("10.00 USD", Currency::kCNY, "x"), Money(1000, Currency::kUSD));
  EXPECT_EQ(*ParseMoney("TWD 5", Currency::kCNY, "x"), Money(500, Currency::kTWD));
  EXPECT_EQ(*ParseMoney("7.5", Currency::kCNY, "x"), Cny(750));
  EXPECT_FALSE(ParseMoney("7.5 XYZ", Currency::kCNY, "x"));
}

}  // namespace
}  // namespace arrears
