// arrears calc dpd: days past due and bucket for a loan or a card.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "core/bucket.hpp"
#include "core/delinquency.hpp"

namespace arrears::cli {

namespace {

struct Options {
  std::string as_of;
  std::vector<std::string> installments;
  std::vector<std::string> minimums;
  std::string paid;
  int grace = 0;
  std::string tolerance = "0";
  std::string buckets = "0,30,60,90,120,150,180";
  std::string currency = "CNY";
  bool json = false;
};

// DUE:AMOUNT[:PAID]
DueAmount InstallmentArg(const std::string& text, Currency currency, const std::string& flag) {
  const std::size_t second = text.find(':', text.find(':') + 1);
  auto [due, amount] = DatedAmountArg(text.substr(0, second), currency, flag);
  const Money paid = second == std::string::npos ? Money::Zero(currency) : AmountArg(text.substr(second + 1), currency, flag);
  if (amount.IsNegative() || paid.IsNegative()) throw UsageError(flag + ": amounts must not be negative in '" + text + "'");
  return DueAmount{due, amount, paid};
}

void Run(const Options& o, const Context& context) {
  const Currency currency = CurrencyArg(o.currency, "--currency");
  const Date as_of = DateArg(o.as_of, "--as-of");
  const BucketScheme scheme = Require(BucketScheme::Parse(o.buckets), "--buckets");
  if (o.grace < 0) throw UsageError("--grace: must not be negative");
  const DelinquencyRule rule{o.grace, AmountArg(o.tolerance, currency, "--tolerance").minor_units()};
  if (o.installments.empty() == o.minimums.empty()) {
    throw UsageError("--installment: give the loan's installments or the card's --minimum payments (one kind)");
  }
  Delinquency delinquency;
  if (!o.installments.empty()) {
    if (!o.paid.empty()) throw UsageError("--paid: for a loan, give what was paid per installment (DUE:AMOUNT:PAID)");
    std::vector<DueAmount> installments;
    for (const std::string& text : o.installments) installments.push_back(InstallmentArg(text, currency, "--installment"));
    delinquency = LoanDelinquency(installments, as_of, rule);
  } else {
    std::vector<DueAmount> minimums;
    for (const std::string& text : o.minimums) minimums.push_back(InstallmentArg(text, currency, "--minimum"));
    const Money paid = AmountArg(o.paid.empty() ? "0" : o.paid, currency, "--paid");
    delinquency = CardDelinquency(minimums, paid, as_of, rule);
  }
  const std::string bucket(scheme.NameOf(delinquency.days_past_due));
  const std::string oldest = delinquency.oldest_unpaid_due ? delinquency.oldest_unpaid_due->ToString() : "";
  if (o.json) {
    boost::json::object result{{"currency", CurrencyCode(currency)},
                               {"days_past_due", delinquency.days_past_due},
                               {"bucket", bucket},
                               {"overdue", FormatAmount(delinquency.overdue)}};
    result["oldest_unpaid_due"] = oldest.empty() ? boost::json::value(nullptr) : boost::json::value(oldest);
    PrintJson(context.out, result);
    return;
  }
  PrintFacts(context.out, {{"as of 截至", as_of.ToString()},
                           {"oldest unpaid due 最早未还到期日", oldest.empty() ? "none" : oldest},
                           {"days past due 逾期天数", std::to_string(delinquency.days_past_due)},
                           {"bucket 账龄", bucket},
                           {"overdue 逾期金额", FormatMoney(delinquency.overdue)}});
}

}  // namespace

void AddCalcDpd(CLI::App& calc, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = calc.add_subcommand("dpd", "Days past due (逾期天数) and bucket (账龄) of a loan or a card");
  command->fallthrough();
  command->footer(
      "DPD counts from the oldest due date still unpaid (beyond --tolerance) to --as-of; an amount due on\n"
      "the as-of date is not yet overdue. Within --grace days the account stays current; past it the count\n"
      "runs from the due date. Cards: --paid (all repayments) is applied to the minimum payments oldest first.\n"
      "Buckets: M0 current, M1 1-30, M2 31-60, ... M6 151-180, M6+ over 180 (edges by --buckets).");
  command->add_option("--as-of", options->as_of, "the date to measure at YYYY-MM-DD")->required();
  command->add_option("--installment", options->installments, "loan: DUE:AMOUNT[:PAID] (repeat)");
  command->add_option("--minimum", options->minimums, "card: DUE:MINIMUM-PAYMENT of each statement (repeat)");
  command->add_option("--paid", options->paid, "card: total repaid up to the as-of date");
  command->add_option("--grace", options->grace, "grace days (default 0)");
  command->add_option("--tolerance", options->tolerance, "unpaid remainders up to this count as paid (default 0)");
  command->add_option("--buckets", options->buckets, "bucket upper edges in days (default 0,30,60,90,120,150,180)");
  command->add_option("--currency", options->currency, "ISO 4217 code (default CNY)");
  command->add_flag("--json", options->json, "print the result as one JSON object");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
