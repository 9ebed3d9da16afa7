#include "core/balance.hpp"

namespace arrears {

Money Balance::TotalOverdue() const {
  Money sum = Money::Zero(currency_);
  for (Component component : kAllComponents) sum += Overdue(component);
  return sum;
}

Money Balance::TotalNotDue() const {
  Money sum = Money::Zero(currency_);
  for (Component component : kAllComponents) sum += NotDue(component);
  return sum;
}

Money Balance::Total() const { return TotalOverdue() + TotalNotDue(); }

Money Balance::OverdueCharges() const { return TotalOverdue() - Overdue(Component::kPrincipal); }

void Balance::AddOverdue(Component component, Money amount) {
  overdue_[Index(component)] = (Overdue(component) + amount).minor_units();
}

void Balance::AddNotDue(Component component, Money amount) {
  not_due_[Index(component)] = (NotDue(component) + amount).minor_units();
}

void Balance::FallDue(Component component, Money amount) {
  AddNotDue(component, -amount);
  AddOverdue(component, amount);
}

}  // namespace arrears
