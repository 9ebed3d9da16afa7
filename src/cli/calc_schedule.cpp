// arrears calc schedule: a repayment schedule, optionally deferred.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "core/schedule.hpp"

namespace arrears::cli {

namespace {

struct Options {
  std::string principal;
  int periods = 0;
  std::string method;
  std::string annual_rate;
  std::string fee_rate;
  std::string first_due;
  std::string currency = "CNY";
  std::string remainder = "last";
  std::string rounding = "half-even";
  int defer_from = 0;
  int defer_months = 0;
  std::string deferral_rate;
  bool json = false;
};

ScheduleTerms TermsFrom(const Options& o) {
  const Currency currency = CurrencyArg(o.currency, "--currency");
  ScheduleTerms terms;
  terms.principal = AmountArg(o.principal, currency, "--principal");
  terms.periods = o.periods;
  terms.first_due = DateArg(o.first_due, "--first-due");
  auto method = ParseRepaymentMethod(o.method);
  if (!method) {
    throw UsageError("--method: '" + o.method + "' is not annuity, equal-principal, interest-only or flat-fee");
  }
  terms.method = *method;
  terms.rounding = RoundingArg(o.rounding, "--rounding");
  if (o.remainder != "first" && o.remainder != "last") throw UsageError("--remainder: must be first or last");
  terms.remainder = o.remainder == "first" ? RemainderPeriod::kFirst : RemainderPeriod::kLast;
  if (terms.method == RepaymentMethod::kFlatFee) {
    if (o.fee_rate.empty()) throw UsageError("--fee-rate: the flat-fee method needs a fee rate per period, e.g. 0.6%");
    if (!o.annual_rate.empty()) throw UsageError("--annual-rate: the flat-fee method charges a fee, not interest");
    terms.fee_rate = RateArg(o.fee_rate, RatePeriod::kFlat, "--fee-rate");
  } else {
    if (o.annual_rate.empty()) throw UsageError("--annual-rate: the " + o.method + " method needs an interest rate, e.g. 6.5%");
    if (!o.fee_rate.empty()) throw UsageError("--fee-rate: only the flat-fee method takes a fee rate");
    terms.rate = RateArg(o.annual_rate, RatePeriod::kAnnual, "--annual-rate");
  }
  return terms;
}

void Run(const Options& o, const Context& context) {
  const ScheduleTerms terms = TermsFrom(o);
  Schedule schedule = RequireField(BuildSchedule(terms));
  if (o.defer_from != 0 || o.defer_months != 0) {
    Deferral deferral{o.defer_from, o.defer_months, std::nullopt, terms.rounding};
    if (!o.deferral_rate.empty()) deferral.rate = RateArg(o.deferral_rate, RatePeriod::kAnnual, "--deferral-rate");
    auto deferred = DeferSchedule(schedule, deferral);
    if (!deferred) {
      throw UsageError((deferred.error().field == "months" ? "--defer-months: " : "--defer-from: ") +
                       deferred.error().message);
    }
    schedule = *deferred;
  }
  if (o.json) {
    boost::json::array periods;
    for (const SchedulePeriod& p : schedule.periods) {
      periods.push_back(boost::json::object{{"n", p.number},
                                            {"due", p.due.ToString()},
                                            {"principal", FormatAmount(p.principal)},
                                            {"interest", FormatAmount(p.interest)},
                                            {"fee", FormatAmount(p.fee)},
                                            {"payment", FormatAmount(p.payment)},
                                            {"balance_after", FormatAmount(p.balance_after)}});
    }
    PrintJson(context.out, boost::json::object{{"currency", CurrencyCode(schedule.currency)},
                                               {"periods", std::move(periods)},
                                               {"total_principal", FormatAmount(schedule.TotalPrincipal())},
                                               {"total_interest", FormatAmount(schedule.TotalInterest())},
                                               {"total_fee", FormatAmount(schedule.TotalFee())},
                                               {"total_payment", FormatAmount(schedule.TotalPayment())}});
    return;
  }
  context.out << RepaymentMethodName(terms.method) << " schedule, " << FormatMoney(terms.principal) << " over "
              << terms.periods << " months"
              << (terms.method == RepaymentMethod::kFlatFee ? ", fee " + FormatRate(terms.fee_rate) + " per period"
                                                            : ", " + FormatRate(terms.rate))
              << "\n\n";
  TextTable table({"期 n", "due 到期日", "principal 本金", "interest 利息", "fee 手续费", "payment 应还",
                   "balance 剩余本金"});
  for (const SchedulePeriod& p : schedule.periods) {
    table.AddRow({std::to_string(p.number), p.due.ToString(), FormatAmount(p.principal), FormatAmount(p.interest),
                  FormatAmount(p.fee), FormatAmount(p.payment), FormatAmount(p.balance_after)});
  }
  table.AddRow({"total", "", FormatAmount(schedule.TotalPrincipal()), FormatAmount(schedule.TotalInterest()),
                FormatAmount(schedule.TotalFee()), FormatAmount(schedule.TotalPayment()), ""});
  table.Print(context.out);
}

}  // namespace

void AddCalcSchedule(CLI::App& calc, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = calc.add_subcommand("schedule", "A repayment schedule (还款计划)");
  command->fallthrough();
  command->footer(
      "Conventions: monthly periods, due dates anchored on --first-due (period k is due first + (k-1) months,\n"
      "clamped to the month's end). The periodic rate r is the annual rate / 12.\n"
      "  annuity (等额本息): payment = P*r / (1 - (1 + r)^-n), computed exactly and rounded half-even to the\n"
      "    minor unit; each period's interest = opening balance * r, rounded; principal = payment - interest;\n"
      "    the last period takes the whole remaining balance, so the totals are exact.\n"
      "  equal-principal (等额本金): principal P / n rounded, the --remainder period absorbs the difference;\n"
      "    interest = opening balance * r, rounded.\n"
      "  interest-only (先息后本): interest each period, the principal repaid with the last.\n"
      "  flat-fee (信用卡分期): principal as equal-principal, fee = P * fee rate every period\n"
      "    (30000.00 over 12 at 0.6% = 2500.00 + 180.00 = 2680.00 a period).\n"
      "Deferral (延期): --defer-from K --defer-months M moves periods K.. by M months; --deferral-rate adds\n"
      "  the outstanding principal * monthly rate * M to period K's interest.");
  command->add_option("--principal", options->principal, "amount financed, e.g. 30000.00")->required();
  command->add_option("--periods", options->periods, "number of monthly periods (1-600)")->required();
  command->add_option("--method", options->method, "annuity, equal-principal, interest-only or flat-fee")->required();
  command->add_option("--annual-rate", options->annual_rate, "interest rate, e.g. 6.5% (annual) or 0.5%/month");
  command->add_option("--fee-rate", options->fee_rate, "flat-fee: fee per period on the original principal, e.g. 0.6%");
  command->add_option("--first-due", options->first_due, "first due date YYYY-MM-DD")->required();
  command->add_option("--currency", options->currency, "ISO 4217 code (default CNY)");
  command->add_option("--remainder", options->remainder, "period that takes the rounding remainder of P/n: last (default) or first");
  command->add_option("--rounding", options->rounding, "half-even (default), half-up or down");
  command->add_option("--defer-from", options->defer_from, "first period to defer");
  command->add_option("--defer-months", options->defer_months, "months to defer by");
  command->add_option("--deferral-rate", options->deferral_rate, "interest on the deferred principal, e.g. 6%");
  command->add_flag("--json", options->json, "print the schedule as one JSON object");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
