// A deterministic synthetic portfolio for demos, tests and benchmarks: a mix
// of credit cards and consumer loans, lognormal balances, a days-past-due
// distribution with most accounts early-stage, Chinese names, well-formed but
// fictitious identity and mobile numbers, addresses in real provinces, debtors
// in Asia/Shanghai. The same options give the same records, byte for byte.
#pragma once

#include <cstdint>

#include "core/date.hpp"
#include "demo/portfolio.hpp"

namespace arrears::demo {

struct GeneratorOptions {
  std::int64_t customers = 1000;
  std::uint64_t seed = 1;
  Date as_of;  // the balance date: DPD and balances are as of this day
};

struct GeneratorTotals {
  std::int64_t customers = 0;
  std::int64_t contacts = 0;
  std::int64_t accounts = 0;
  std::int64_t payments = 0;
  std::int64_t delinquent_accounts = 0;
};

GeneratorTotals GeneratePortfolio(const GeneratorOptions& options, PortfolioSink& sink);

}  // namespace arrears::demo
