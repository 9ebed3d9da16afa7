// arrears calc accrue: loan interest, penalty interest (罚息) and compound interest (复利) over a period.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "core/accrual.hpp"

namespace arrears::cli {

namespace {

struct Options {
  std::string principal_not_due = "0";
  std::string principal_overdue = "0";
  std::string interest_overdue = "0";
  std::string penalty_overdue = "0";
  std::string rate;
  std::string day_count = "ACT/360";
  std::string penalty_uplift = "50%";
  bool compound_penalty = false;
  bool no_compound = false;
  std::string from;
  std::string to;
  std::string currency = "CNY";
  std::string rounding = "half-even";
  bool json = false;
};

void Run(const Options& o, const Context& context) {
  const Currency currency = CurrencyArg(o.currency, "--currency");
  Balance balance(currency);
  auto non_negative = [&](const std::string& text, const char* flag) {
    const Money amount = AmountArg(text, currency, flag);
    if (amount.IsNegative()) throw UsageError(std::string(flag) + ": must not be negative");
    return amount;
  };
  balance.AddNotDue(Component::kPrincipal, non_negative(o.principal_not_due, "--principal"));
  balance.AddOverdue(Component::kPrincipal, non_negative(o.principal_overdue, "--principal-overdue"));
  balance.AddOverdue(Component::kInterest, non_negative(o.interest_overdue, "--interest-overdue"));
  balance.AddOverdue(Component::kPenaltyInterest, non_negative(o.penalty_overdue, "--penalty-overdue"));
  LoanAccrualTerms terms;
  terms.contract_rate = RateArg(o.rate, RatePeriod::kAnnual, "--rate");
  if (terms.contract_rate.period() == RatePeriod::kFlat) throw UsageError("--rate: needs a period, e.g. 7.2% or 0.02%/day");
  terms.day_count = DayCountArg(o.day_count, "--day-count");
  terms.penalty_uplift = RateArg(o.penalty_uplift, RatePeriod::kFlat, "--penalty-uplift");
  if (terms.penalty_uplift.period() != RatePeriod::kFlat) throw UsageError("--penalty-uplift: a share such as 50%");
  terms.compound_on_overdue_interest = !o.no_compound;
  terms.compound_on_penalty_interest = o.compound_penalty && !o.no_compound;
  terms.rounding = RoundingArg(o.rounding, "--rounding");
  const Date from = DateArg(o.from, "--from");
  const Date to = DateArg(o.to, "--to");
  if (to < from) throw UsageError("--to: " + o.to + " is before --from " + o.from);
  const LoanAccrual accrual = AccrueLoan(balance, terms, from, to);
  const std::string periods = FormatRatio(accrual.periods, 12);
  if (o.json) {
    PrintJson(context.out, boost::json::object{{"currency", CurrencyCode(currency)},
                                               {"days", DaysBetween(from, to)},
                                               {"periods", periods},
                                               {"contract_rate", FormatRate(terms.contract_rate)},
                                               {"penalty_rate", FormatRate(accrual.penalty_rate)},
                                               {"interest", FormatAmount(accrual.interest)},
                                               {"penalty_interest", FormatAmount(accrual.penalty_interest)},
                                               {"compound_interest", FormatAmount(accrual.compound_interest)},
                                               {"total", FormatAmount(accrual.Total())}});
    return;
  }
  const std::string unit = terms.contract_rate.period() == RatePeriod::kDaily ? " days" : " (" + std::string(DayCountName(terms.day_count)) + ")";
  PrintFacts(context.out,
             {{"period 期间", from.ToString() + " to " + to.ToString() + ", " + std::to_string(DaysBetween(from, to)) + " days"},
              {"contract rate 合同利率", FormatRate(terms.contract_rate) + ", periods " + periods + unit},
              {"penalty rate 罚息利率", FormatRate(accrual.penalty_rate) + " (+" + FormatRate(terms.penalty_uplift) + ")"},
              {"interest 利息", FormatAmount(balance.NotDue(Component::kPrincipal)) + " × contract rate = " + FormatMoney(accrual.interest)},
              {"penalty interest 罚息", FormatAmount(balance.Overdue(Component::kPrincipal)) + " × penalty rate = " + FormatMoney(accrual.penalty_interest)},
              {"compound interest 复利", FormatMoney(accrual.compound_interest) + (terms.compound_on_overdue_interest ? " (on overdue interest" + std::string(terms.compound_on_penalty_interest ? " and penalty)" : ")") : " (not charged)")},
              {"total 合计", FormatMoney(accrual.Total())}});
}

}  // namespace

void AddCalcAccrue(CLI::App& calc, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = calc.add_subcommand("accrue", "Loan interest, penalty interest (罚息) and compound interest (复利) over a period");
  command->fallthrough();
  command->footer(
      "Over [--from, --to): interest on the not-yet-due principal at the contract rate; penalty interest on\n"
      "the overdue principal at contract rate x (1 + uplift); compound interest on overdue interest at the\n"
      "penalty rate. Fees never bear interest. Each amount is rounded once. A daily rate counts actual days;\n"
      "an annual rate uses --day-count (ACT/360 by default, as Chinese bank loans do).");
  command->add_option("--principal", options->principal_not_due, "principal not yet due");
  command->add_option("--principal-overdue", options->principal_overdue, "overdue principal");
  command->add_option("--interest-overdue", options->interest_overdue, "overdue (unpaid) interest");
  command->add_option("--penalty-overdue", options->penalty_overdue, "unpaid penalty interest");
  command->add_option("--rate", options->rate, "contract rate, e.g. 7.2% (annual) or 0.02%/day")->required();
  command->add_option("--day-count", options->day_count, "day count for an annual rate (default ACT/360)");
  command->add_option("--penalty-uplift", options->penalty_uplift, "penalty rate uplift, 30%-50% (default 50%)");
  command->add_flag("--compound-penalty", options->compound_penalty, "unpaid penalty interest bears compound interest too");
  command->add_flag("--no-compound", options->no_compound, "charge no compound interest");
  command->add_option("--from", options->from, "first day YYYY-MM-DD")->required();
  command->add_option("--to", options->to, "day after the last YYYY-MM-DD")->required();
  command->add_option("--currency", options->currency, "ISO 4217 code (default CNY)");
  command->add_option("--rounding", options->rounding, "half-even (default), half-up or down");
  command->add_flag("--json", options->json, "print the accrual as one JSON object");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
