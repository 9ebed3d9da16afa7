// arrears calc allocate: how a payment is applied over what is owed (冲账).
#include <CLI/CLI.hpp>
#include <charconv>
#include <memory>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "core/waterfall.hpp"

namespace arrears::cli {

namespace {

struct Options {
  std::string payment;
  std::vector<std::string> items;
  std::string order = "oldest-due-first";
  std::string components;
  std::int64_t to_account = 0;
  int to_installment = 0;
  std::string currency = "CNY";
  bool json = false;
};

std::int64_t WholeNumber(const std::string& text, const std::string& what) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0) {
    throw UsageError("--item: " + what + " '" + text + "' is not a whole number");
  }
  return value;
}

DueItem ItemArg(const std::string& text, Currency currency) {
  DueItem item;
  bool has_due = false;
  bool has_amount = false;
  bool has_component = false;
  for (const auto& [key, value] : KeyValuesArg(text)) {
    if (key == "account") {
      item.account = AccountId{WholeNumber(value, "account")};
    } else if (key == "installment") {
      item.installment = static_cast<int>(WholeNumber(value, "installment"));
    } else if (key == "due") {
      item.due = DateArg(value, "--item due");
      has_due = true;
    } else if (key == "component") {
      auto component = ParseComponent(value);
      if (!component) throw UsageError("--item: '" + value + "' is not a balance component");
      item.component = *component;
      has_component = true;
    } else if (key == "amount") {
      item.amount = AmountArg(value, currency, "--item amount");
      if (!item.amount.IsPositive()) throw UsageError("--item: amount must be positive in '" + text + "'");
      has_amount = true;
    } else if (key == "disputed") {
      item.disputed = true;
    } else {
      throw UsageError("--item: unknown key '" + key + "' (account, installment, due, component, amount, disputed)");
    }
  }
  if (!has_due || !has_amount || !has_component) {
    throw UsageError("--item: '" + text + "' needs due=DATE, component=NAME and amount=AMOUNT");
  }
  return item;
}

void Run(const Options& o, const Context& context) {
  const Currency currency = CurrencyArg(o.currency, "--currency");
  const Money payment = AmountArg(o.payment, currency, "--payment");
  if (payment.IsNegative()) throw UsageError("--payment: must not be negative");
  const Waterfall waterfall = RequireField(Waterfall::Parse(o.order, o.components));
  std::vector<DueItem> items;
  for (const std::string& text : o.items) items.push_back(ItemArg(text, currency));
  PaymentDirection direction;
  if (o.to_account != 0) direction.account = AccountId{o.to_account};
  if (o.to_installment != 0) {
    if (o.to_account == 0) throw UsageError("--to-installment: give --to-account with it");
    direction.installment = o.to_installment;
  }
  const PaymentAllocation allocation = AllocatePayment(payment, items, waterfall, direction);
  std::vector<Money> applied(items.size(), Money::Zero(currency));
  for (const AllocationLine& line : allocation.lines) applied[line.item] += line.amount;

  if (o.json) {
    boost::json::array lines;
    for (const AllocationLine& line : allocation.lines) {
      const DueItem& item = items[line.item];
      lines.push_back(boost::json::object{{"item", line.item + 1},
                                          {"account", item.account.value},
                                          {"installment", item.installment},
                                          {"due", item.due.ToString()},
                                          {"component", ComponentName(item.component)},
                                          {"amount", FormatAmount(line.amount)},
                                          {"remaining", FormatAmount(item.amount - applied[line.item])}});
    }
    PrintJson(context.out, boost::json::object{{"currency", CurrencyCode(currency)},
                                               {"payment", FormatAmount(payment)},
                                               {"allocations", std::move(lines)},
                                               {"credit_balance", FormatAmount(allocation.credit_balance)}});
    return;
  }
  context.out << "Payment " << FormatMoney(payment) << " applied in this order:\n\n";
  TextTable table({"#", "account 账户", "inst. 期", "due 到期日", "component 科目", "owed 应还", "applied 冲销",
                   "left 剩余"});
  for (const AllocationLine& line : allocation.lines) {
    const DueItem& item = items[line.item];
    table.AddRow({std::to_string(line.item + 1), std::to_string(item.account.value), std::to_string(item.installment),
                  item.due.ToString(),
                  std::string(ComponentName(item.component)) + " " + std::string(ComponentNameZh(item.component)),
                  FormatAmount(item.amount), FormatAmount(line.amount), FormatAmount(item.amount - applied[line.item])});
  }
  table.Print(context.out);
  context.out << "\ncredit balance 溢缴款  " << FormatMoney(allocation.credit_balance) << '\n';
}

}  // namespace

void AddCalcAllocate(CLI::App& calc, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = calc.add_subcommand("allocate", "Apply a payment to what is owed by a waterfall (冲账顺序)");
  command->fallthrough();
  command->footer(
      "Each --item is one amount owed: account=N,installment=N,due=DATE,component=NAME,amount=AMOUNT[,disputed].\n"
      "Components: principal, interest, penalty_interest, compound_interest, late_fee, installment_fee, other_fee.\n"
      "The default waterfall pays the oldest due date first and within it fees, then penalty interest, then\n"
      "interest, then principal. Disputed items get nothing unless the payment is directed (--to-account).\n"
      "A directed payment goes only where the debtor said; anything left becomes a credit balance.");
  command->add_option("--payment", options->payment, "the payment amount")->required();
  command->add_option("--item", options->items, "an amount owed (repeat)");
  command->add_option("--order,--waterfall", options->order, "oldest-due-first (default) or component-first");
  command->add_option("--components", options->components,
                      "component order, every component once (default late_fee,installment_fee,other_fee,"
                      "penalty_interest,compound_interest,interest,principal)");
  command->add_option("--to-account", options->to_account, "direct the payment to this account");
  command->add_option("--to-installment", options->to_installment, "and to this installment of it");
  command->add_option("--currency", options->currency, "ISO 4217 code (default CNY)");
  command->add_flag("--json", options->json, "print the allocation as one JSON object");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
