// arrears calc late-fee: the card late fee (违约金) on an unpaid minimum payment.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "core/late_fee.hpp"

namespace arrears::cli {

namespace {

struct Options {
  std::string minimum_due;
  std::string paid = "0";
  std::string rate;
  std::string fixed;
  std::string floor;
  std::string cap;
  std::string currency = "CNY";
  std::string rounding = "half-even";
  bool json = false;
};

void Run(const Options& o, const Context& context) {
  const Currency currency = CurrencyArg(o.currency, "--currency");
  LateFeeRule rule;
  rule.rounding = RoundingArg(o.rounding, "--rounding");
  if (!o.fixed.empty() && !o.rate.empty()) throw UsageError("--fixed: give either --rate or --fixed, not both");
  if (!o.fixed.empty()) {
    rule.kind = LateFeeRule::Kind::kFixed;
    rule.fixed_amount = AmountArg(o.fixed, currency, "--fixed");
  } else {
    rule.rate = RateArg(o.rate.empty() ? "5%" : o.rate, RatePeriod::kFlat, "--rate");
    if (rule.rate.period() != RatePeriod::kFlat) throw UsageError("--rate: a late fee rate has no period, e.g. 5%");
  }
  if (!o.floor.empty()) rule.floor = AmountArg(o.floor, currency, "--floor");
  if (!o.cap.empty()) rule.cap = AmountArg(o.cap, currency, "--cap");
  if (rule.floor && rule.cap && *rule.floor > *rule.cap) throw UsageError("--floor: the floor is above the cap");
  const Money minimum = AmountArg(o.minimum_due, currency, "--minimum-due");
  const Money paid = AmountArg(o.paid, currency, "--paid");
  if (minimum.IsNegative()) throw UsageError("--minimum-due: must not be negative");
  if (paid.IsNegative()) throw UsageError("--paid: must not be negative");
  const Money fee = LateFee(rule, minimum, paid);
  if (o.json) {
    PrintJson(context.out, boost::json::object{{"currency", CurrencyCode(currency)}, {"late_fee", FormatAmount(fee)}});
    return;
  }
  const Money unpaid = Max(minimum - paid, Money::Zero(currency));
  std::string how = rule.kind == LateFeeRule::Kind::kFixed
                        ? "fixed " + FormatMoney(rule.fixed_amount)
                        : FormatRate(rule.rate) + " × " + FormatAmount(unpaid) + " (" +
                              std::string(RoundingModeName(rule.rounding)) + ")";
  if (rule.floor) how += ", floor " + FormatAmount(*rule.floor);
  if (rule.cap) how += ", cap " + FormatAmount(*rule.cap);
  PrintFacts(context.out, {{"minimum due 最低还款额", FormatMoney(minimum)},
                           {"paid by due date 已还", FormatMoney(paid)},
                           {"unpaid minimum 未还部分", FormatMoney(unpaid)},
                           {"rule 规则", unpaid.IsPositive() ? how : "minimum met: no fee"},
                           {"late fee 违约金", FormatMoney(fee)}});
}

}  // namespace

void AddCalcLateFee(CLI::App& calc, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = calc.add_subcommand("late-fee", "Card late fee on the unpaid part of the minimum payment");
  command->fallthrough();
  command->add_option("--minimum-due", options->minimum_due, "the statement's minimum payment, e.g. 1000.00")->required();
  command->add_option("--paid", options->paid, "paid toward it by the due date (default 0)");
  command->add_option("--rate", options->rate, "share of the unpaid minimum (default 5%)");
  command->add_option("--fixed", options->fixed, "a fixed fee instead of a rate");
  command->add_option("--floor", options->floor, "smallest fee when one is due");
  command->add_option("--cap", options->cap, "largest fee");
  command->add_option("--currency", options->currency, "ISO 4217 code (default CNY)");
  command->add_option("--rounding", options->rounding, "half-even (default), half-up or down");
  command->add_flag("--json", options->json, "print {\"currency\":\"CNY\",\"late_fee\":\"35.00\"}");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
