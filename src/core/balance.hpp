// An account's balance by component, each split into the part that is overdue
// (due date passed, unpaid) and the part not yet due.
#pragma once

#include <array>
#include <cstdint>

#include "core/component.hpp"
#include "core/money.hpp"

namespace arrears {

class Balance {
 public:
  explicit Balance(Currency currency = Currency::kCNY) : currency_(currency) {}

  Currency currency() const { return currency_; }
  Money Overdue(Component component) const { return Money(overdue_[Index(component)], currency_); }
  Money NotDue(Component component) const { return Money(not_due_[Index(component)], currency_); }
  Money Total(Component component) const { return Overdue(component) + NotDue(component); }

  Money TotalOverdue() const;
  Money TotalNotDue() const;
  Money Total() const;
  // Overdue interest of every kind plus overdue fees: what is owed beyond principal.
  Money OverdueCharges() const;

  // Adds (or with a negative amount removes) to one part. Throws
  // CurrencyMismatch for another currency.
  void AddOverdue(Component component, Money amount);
  void AddNotDue(Component component, Money amount);
  // Moves `amount` of a component from not-yet-due to overdue (a due date passed).
  void FallDue(Component component, Money amount);

  friend bool operator==(const Balance&, const Balance&) = default;

 private:
  static std::size_t Index(Component component) { return static_cast<std::size_t>(component); }
  Currency currency_;
  std::array<std::int64_t, kComponentCount> overdue_{};
  std::array<std::int64_t, kComponentCount> not_due_{};
};

}  // namespace arrears
