#include "core/waterfall.hpp"

#include "core/quote.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <set>
#include <stdexcept>

namespace arrears {

Result<Waterfall> Waterfall::Parse(std::string_view order, std::string_view components) {
  Waterfall waterfall;
  if (order == "oldest-due-first") {
    waterfall.order = Order::kOldestDueFirst;
  } else if (order == "component-first") {
    waterfall.order = Order::kComponentFirst;
  } else {
    return Fail("waterfall order '" + std::string(order) + "' is not oldest-due-first or component-first", "order");
  }
  if (components.empty()) return waterfall;
  waterfall.components.clear();
  std::set<Component> seen;
  std::size_t pos = 0;
  while (pos <= components.size()) {
    std::size_t comma = components.find(',', pos);
    if (comma == std::string_view::npos) comma = components.size();
    const std::string_view name = components.substr(pos, comma - pos);
    auto component = ParseComponent(name);
    if (!component) return Fail(Quote(name) + " is not a balance component", "components");
    if (!seen.insert(*component).second) {
      return Fail("component '" + std::string(name) + "' appears twice in the waterfall", "components");
    }
    waterfall.components.push_back(*component);
    pos = comma + 1;
  }
  for (Component component : kAllComponents) {
    if (!seen.contains(component)) {
      return Fail("the waterfall does not place component '" + std::string(ComponentName(component)) + "'",
                  "components");
    }
  }
  return waterfall;
}

namespace {

bool Matches(const DueItem& item, const PaymentDirection& direction) {
  if (direction.account && item.account != *direction.account) return false;
  if (direction.installment && item.installment != *direction.installment) return false;
  return true;
}

}  // namespace

PaymentAllocation AllocatePayment(Money payment, std::span<const DueItem> items, const Waterfall& waterfall,
                                  const PaymentDirection& direction) {
  if (payment.IsNegative()) throw std::invalid_argument("a payment to allocate is negative");
  std::array<std::size_t, kComponentCount> rank{};
  for (std::size_t i = 0; i < waterfall.components.size(); ++i) {
    rank[static_cast<std::size_t>(waterfall.components[i])] = i;
  }
  const bool directed = direction.account.has_value() || direction.installment.has_value();
  std::vector<std::size_t> eligible;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].amount.currency() != payment.currency()) throw CurrencyMismatch(payment.currency(), items[i].amount.currency());
    if (!items[i].amount.IsPositive()) continue;
    if (directed ? Matches(items[i], direction) : !items[i].disputed) eligible.push_back(i);
  }
  auto component_rank = [&](std::size_t i) { return rank[static_cast<std::size_t>(items[i].component)]; };
  std::stable_sort(eligible.begin(), eligible.end(), [&](std::size_t a, std::size_t b) {
    const DueItem& x = items[a];
    const DueItem& y = items[b];
    switch (waterfall.order) {
      case Waterfall::Order::kOldestDueFirst:
        if (x.due != y.due) return x.due < y.due;
        return component_rank(a) < component_rank(b);
      case Waterfall::Order::kComponentFirst:
        if (component_rank(a) != component_rank(b)) return component_rank(a) < component_rank(b);
        return x.due < y.due;
    }
    return false;
  });
  PaymentAllocation allocation;
  Money left = payment;
  for (std::size_t i : eligible) {
    if (!left.IsPositive()) break;
    const Money applied = Min(left, items[i].amount);
    allocation.lines.push_back({i, applied});
    left -= applied;
  }
  allocation.credit_balance = left;
  return allocation;
}

}  // namespace arrears
