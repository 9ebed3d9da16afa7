// arrears calc daycount: days and year fraction between two dates.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "core/day_count.hpp"

namespace arrears::cli {

namespace {

struct Options {
  std::string convention;
  std::string from;
  std::string to;
  bool json = false;
};

void Run(const Options& o, const Context& context) {
  const DayCountConvention convention = DayCountArg(o.convention, "--convention");
  const Date from = DateArg(o.from, "--from");
  const Date to = DateArg(o.to, "--to");
  if (to < from) throw UsageError("--to: " + o.to + " is before --from " + o.from);
  const std::int64_t days = DayCount(convention, from, to);
  const Ratio fraction = YearFraction(convention, from, to);
  if (o.json) {
    PrintJson(context.out, boost::json::object{{"days", days}, {"year_fraction", FormatRatio(fraction, 12)}});
    return;
  }
  PrintFacts(context.out, {{"convention", std::string(DayCountName(convention))},
                           {"period", from.ToString() + " to " + to.ToString()},
                           {"days", std::to_string(days)},
                           {"year fraction", FormatRatio(fraction, 12) + " (" + std::to_string(fraction.numerator) +
                                                 "/" + std::to_string(fraction.denominator) + ")"}});
}

}  // namespace

void AddCalcDaycount(CLI::App& calc, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = calc.add_subcommand("daycount", "Days and year fraction between two dates under a day count convention");
  command->fallthrough();
  command->add_option("--convention", options->convention,
                      "ACT/360, ACT/365F, 30/360US (with the end-of-February rules), 30E/360 or ACT/ACT-ISDA")
      ->required();
  command->add_option("--from", options->from, "start date YYYY-MM-DD (inclusive)")->required();
  command->add_option("--to", options->to, "end date YYYY-MM-DD (exclusive)")->required();
  command->add_flag("--json", options->json, "print {\"days\":N,\"year_fraction\":\"0.############\"} (12 places, half-even)");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
