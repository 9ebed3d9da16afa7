// arrears customer find: a customer by phone, email or identity number,
// through the blind index; the results show personal data masked.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/command.hpp"
#include "cli/database_options.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "cli/usage_error.hpp"
#include "store/customer_lookup.hpp"

namespace arrears::cli {

namespace {

struct Options {
  DatabaseOptions database;
  std::string phone;
  std::string email;
  std::string id_number;
  bool json = false;
};

void Run(const Options& o, const Context& context) {
  const int given = !o.phone.empty() + !o.email.empty() + !o.id_number.empty();
  if (given != 1) throw UsageError("--phone: give exactly one of --phone, --email or --id-number");
  auto database = OpenDatabaseOrFail(o.database);
  auto vault = LoadVaultOrFail(o.database);
  auto session = database->Acquire();
  RequireCurrentSchema(*session);
  std::vector<store::CustomerMatch> matches;
  if (!o.id_number.empty()) {
    matches = store::FindCustomers(*session, *vault, "id_number", o.id_number);
  } else if (!o.email.empty()) {
    matches = store::FindCustomers(*session, *vault, "email", o.email);
  } else {
    matches = store::FindCustomers(*session, *vault, "mobile", o.phone);
    if (matches.empty()) matches = store::FindCustomers(*session, *vault, "landline", o.phone);
  }
  if (o.json) {
    boost::json::array found;
    for (const auto& m : matches) {
      found.push_back(boost::json::object{{"customer_ref", m.customer_ref},
                                          {"name", m.name},
                                          {"id_number", m.id_number_masked},
                                          {"matched", m.matched}});
    }
    PrintJson(context.out, boost::json::object{{"customers", std::move(found)}});
    return;
  }
  if (matches.empty()) {
    context.out << "no customer found\n";
    return;
  }
  TextTable table({"customer 客户", "name 姓名", "id number 证件号", "matched 匹配"});
  for (const auto& m : matches) table.AddRow({m.customer_ref, m.name, m.id_number_masked, m.matched});
  table.Print(context.out);
}

}  // namespace

void AddCustomerFind(CLI::App& customer, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = customer.add_subcommand("find", "Find a customer by phone, email or identity number");
  command->fallthrough();
  AddDatabaseOptions(*command, options->database);
  command->add_option("--phone", options->phone, "mobile or landline number (the debtor's or a contact's)");
  command->add_option("--email", options->email, "email address");
  command->add_option("--id-number", options->id_number, "identity document number");
  command->add_flag("--json", options->json, "print the matches as one JSON object");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
