// Demo portfolio generation, without the file system: customers per second.
#include <benchmark/benchmark.h>

#include "demo/portfolio_generator.hpp"

namespace arrears::demo {
namespace {

class CountingSink final : public PortfolioSink {
 public:
  void Customer(const CustomerRecord& r) override { bytes += r.name.size(); }
  void Contact(const ContactRecord& r) override { bytes += r.value.size(); }
  void Account(const AccountRecord& r) override { bytes += r.account_ref.size(); }
  void Payment(const PaymentRecord& r) override { bytes += r.payment_ref.size(); }
  std::size_t bytes = 0;
};

void BM_GeneratePortfolio(benchmark::State& state) {
  for (auto _ : state) {
    CountingSink sink;
    GeneratePortfolio({state.range(0), 1, *Date::Parse("2026-11-28")}, sink);
    benchmark::DoNotOptimize(sink.bytes);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_GeneratePortfolio)->Arg(20'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace arrears::demo
