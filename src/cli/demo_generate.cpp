// arrears demo generate: writes a synthetic portfolio as the four import files.
#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "demo/csv_writer.hpp"
#include "demo/portfolio_generator.hpp"

namespace arrears::cli {

namespace {

struct Options {
  std::int64_t customers = 1000;
  std::uint64_t seed = 1;
  std::string out;
  std::string as_of;
  bool json = false;
};

std::ofstream OpenForWriting(const std::filesystem::path& path) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) throw std::runtime_error("cannot write " + path.string());
  return file;
}

void Run(const Options& o, const Context& context) {
  if (o.customers < 1 || o.customers > 100'000'000) throw UsageError("--customers: must be 1-100000000");
  demo::GeneratorOptions options;
  options.customers = o.customers;
  options.seed = o.seed;
  options.as_of = o.as_of.empty() ? context.clock.TodayForDemo() : DateArg(o.as_of, "--as-of");
  const std::filesystem::path dir(o.out);
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) throw std::runtime_error("cannot create " + dir.string() + ": " + error.message());
  const auto started = std::chrono::steady_clock::now();
  demo::GeneratorTotals totals;
  {
    std::ofstream customers = OpenForWriting(dir / "customers.csv");
    std::ofstream contacts = OpenForWriting(dir / "contacts.csv");
    std::ofstream accounts = OpenForWriting(dir / "accounts.csv");
    std::ofstream payments = OpenForWriting(dir / "payments.csv");
    demo::CsvPortfolioWriter writer(customers, contacts, accounts, payments);
    totals = demo::GeneratePortfolio(options, writer);
    writer.Flush();
    for (std::ofstream* file : {&customers, &contacts, &accounts, &payments}) {
      if (!*file) throw std::runtime_error("writing to " + dir.string() + " failed (disk full?)");
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (o.json) {
    PrintJson(context.out, boost::json::object{{"as_of", options.as_of.ToString()},
                                               {"seed", options.seed},
                                               {"customers", totals.customers},
                                               {"contacts", totals.contacts},
                                               {"accounts", totals.accounts},
                                               {"delinquent_accounts", totals.delinquent_accounts},
                                               {"payments", totals.payments},
                                               {"out", dir.string()}});
    return;
  }
  PrintFacts(context.out, {{"as of 数据日期", options.as_of.ToString()},
                           {"seed", std::to_string(options.seed)},
                           {"customers.csv 客户", std::to_string(totals.customers)},
                           {"contacts.csv 联系方式", std::to_string(totals.contacts)},
                           {"accounts.csv 账户", std::to_string(totals.accounts) + " (" +
                                                      std::to_string(totals.delinquent_accounts) + " past due)"},
                           {"payments.csv 还款", std::to_string(totals.payments)},
                           {"written to", dir.string()},
                           {"seconds", std::to_string(seconds)}});
}

}  // namespace

void AddDemoGenerate(CLI::App& demo, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = demo.add_subcommand("generate", "Write a deterministic synthetic portfolio as import files");
  command->fallthrough();
  command->footer("Writes customers.csv, contacts.csv, accounts.csv and payments.csv (docs/import-formats.md).\n"
                  "The same --customers, --seed and --as-of give the same files, byte for byte.");
  command->add_option("--customers", options->customers, "number of customers (default 1000)");
  command->add_option("--seed", options->seed, "random seed (default 1)");
  command->add_option("--out", options->out, "output directory (created if missing)")->required();
  command->add_option("--as-of", options->as_of, "balance date YYYY-MM-DD (default: today in Asia/Shanghai, or --now's date)");
  command->add_flag("--json", options->json, "print the counts as one JSON object");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
