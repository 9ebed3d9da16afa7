// arrears calc card-interest: full-amount interest (全额计息) on a card statement.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "core/card_interest.hpp"

namespace arrears::cli {

namespace {

struct Options {
  std::string daily_rate = "0.05%";
  std::vector<std::string> transactions;
  std::string statement_date;
  std::string due_date;
  std::vector<std::string> repayments;
  std::string next_statement_date;
  std::string currency = "CNY";
  std::string rounding = "half-even";
  bool json = false;
};

void Run(const Options& o, const Context& context) {
  const Currency currency = CurrencyArg(o.currency, "--currency");
  CardStatement statement;
  statement.daily_rate = RateArg(o.daily_rate, RatePeriod::kDaily, "--daily-rate");
  if (statement.daily_rate.period() != RatePeriod::kDaily) {
    throw UsageError("--daily-rate: card interest is quoted per day, e.g. 0.05% or 万分之五");
  }
  statement.rounding = RoundingArg(o.rounding, "--rounding");
  for (const std::string& text : o.transactions) {
    auto [date, amount] = DatedAmountArg(text, currency, "--transaction");
    statement.transactions.push_back({date, amount});
  }
  for (const std::string& text : o.repayments) {
    auto [date, amount] = DatedAmountArg(text, currency, "--repayment");
    statement.repayments.push_back({date, amount});
  }
  statement.statement_date = DateArg(o.statement_date, "--statement");
  statement.due_date = DateArg(o.due_date, "--due");
  statement.next_statement_date = DateArg(o.next_statement_date, "--next-statement");
  auto computed = ComputeCardInterest(statement);
  if (!computed) {
    static const std::pair<const char*, const char*> kFlags[] = {
        {"transactions", "--transaction"}, {"repayments", "--repayment"}, {"due_date", "--due"},
        {"next_statement_date", "--next-statement"}, {"daily_rate", "--daily-rate"}};
    std::string flag = "--statement";
    for (const auto& [field, name] : kFlags) {
      if (computed.error().field == field) flag = name;
    }
    throw UsageError(flag + ": " + computed.error().message);
  }
  const CardInterest& interest = *computed;
  if (o.json) {
    boost::json::array segments;
    for (const InterestSegment& s : interest.segments) {
      segments.push_back(boost::json::object{{"from", s.first.ToString()},
                                             {"to", s.last.ToString()},
                                             {"days", s.days},
                                             {"base", FormatAmount(s.base)},
                                             {"interest", FormatAmount(s.interest)}});
    }
    PrintJson(context.out, boost::json::object{{"currency", CurrencyCode(currency)},
                                               {"daily_rate", FormatRate(statement.daily_rate)},
                                               {"statement_balance", FormatAmount(interest.statement_balance)},
                                               {"repaid_by_due_date", FormatAmount(interest.repaid_by_due_date)},
                                               {"paid_in_full", interest.paid_in_full},
                                               {"segments", std::move(segments)},
                                               {"interest", FormatAmount(interest.total)}});
    return;
  }
  PrintFacts(context.out, {{"statement balance 账单金额", FormatMoney(interest.statement_balance)},
                           {"repaid by due date 到期还款", FormatMoney(interest.repaid_by_due_date)},
                           {"daily rate 日利率", FormatRate(statement.daily_rate)}});
  context.out << '\n';
  if (interest.paid_in_full) {
    context.out << "Paid in full by the due date: interest-free, no interest is charged.\n";
    return;
  }
  TextTable table({"from 起", "to 止", "days 天数", "base 计息本金", "interest 利息"});
  for (const InterestSegment& s : interest.segments) {
    table.AddRow({s.first.ToString(), s.last.ToString(), std::to_string(s.days), FormatAmount(s.base),
                  FormatAmount(s.interest)});
  }
  table.AddRow({"total", "", "", "", FormatAmount(interest.total)});
  table.Print(context.out);
}

}  // namespace

void AddCalcCardInterest(CLI::App& calc, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = calc.add_subcommand("card-interest", "Card revolving interest with full-amount interest (全额计息)");
  command->fallthrough();
  command->footer(
      "When the statement is not paid in full by the due date, each transaction bears daily interest on its\n"
      "whole amount from its posting date; each repayment lowers the base from its own date; interest runs\n"
      "to the next statement date, both ends counted. The total is rounded once; the segments share it.\n"
      "Example: arrears calc card-interest --daily-rate 0.05% --transaction 2026-03-30:1000.00 \\\n"
      "    --statement 2026-04-05 --due 2026-04-25 --repayment 2026-04-25:100.00 --next-statement 2026-05-05\n"
      "  gives 1000.00 x 26 days + 900.00 x 11 days at 0.05% = 13.00 + 4.95 = 17.95.");
  command->add_option("--daily-rate", options->daily_rate, "daily rate, e.g. 0.05% or 万分之五 (default 0.05%)");
  command->add_option("--transaction", options->transactions, "POSTED-DATE:AMOUNT, one per statement transaction (repeat)")
      ->required();
  command->add_option("--statement,--statement-date", options->statement_date, "statement date YYYY-MM-DD")->required();
  command->add_option("--due,--due-date", options->due_date, "payment due date YYYY-MM-DD")->required();
  command->add_option("--repayment", options->repayments, "DATE:AMOUNT, each repayment up to the next statement (repeat)");
  command->add_option("--next-statement,--next-statement-date", options->next_statement_date, "next statement date YYYY-MM-DD")
      ->required();
  command->add_option("--currency", options->currency, "ISO 4217 code (default CNY)");
  command->add_option("--rounding", options->rounding, "half-even (default), half-up or down");
  command->add_flag("--json", options->json, "print the interest and its segments as one JSON object");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
