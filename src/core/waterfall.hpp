// Payment allocation (冲账顺序): how a payment is applied to what is owed.
//
// The default waterfall, DOMAIN.md section 3: the oldest due first, and within
// one due date fees → penalty interest → interest → principal. Both the
// component order and whether due date or component leads are configurable.
// An overpayment becomes a credit balance. Disputed items receive nothing
// unless the debtor directs the payment to them.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/component.hpp"
#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/money.hpp"
#include "core/result.hpp"

namespace arrears {

// One amount owed: a component of one installment (or statement) of one account.
struct DueItem {
  AccountId account;
  int installment = 0;  // 0 when the account has no installments (cards)
  Date due;
  Component component = Component::kPrincipal;
  Money amount;  // outstanding, positive
  bool disputed = false;
};

struct Waterfall {
  enum class Order {
    kOldestDueFirst,  // by due date, then by component order (default)
    kComponentFirst,  // by component order across all due dates, then by due date
  };
  Order order = Order::kOldestDueFirst;
  std::vector<Component> components = {Component::kLateFee,         Component::kInstallmentFee,
                                       Component::kOtherFee,        Component::kPenaltyInterest,
                                       Component::kCompoundInterest, Component::kInterest,
                                       Component::kPrincipal};

  // "oldest-due-first" or "component-first" plus a comma-separated component
  // list that must name every component once.
  static Result<Waterfall> Parse(std::string_view order, std::string_view components);
};

// The debtor's instruction, if any (指定还款).
struct PaymentDirection {
  std::optional<AccountId> account;
  std::optional<int> installment;  // with `account`
};

struct AllocationLine {
  std::size_t item = 0;  // index into the items given
  Money amount;
};

struct PaymentAllocation {
  std::vector<AllocationLine> lines;  // in the order applied
  Money credit_balance;               // what was left over (溢缴款)
};

// Applies `payment` (positive) to `items`. A directed payment goes only to the
// items it names, disputed or not, and any excess becomes a credit balance on
// that account. Σ lines + credit_balance == payment, always.
PaymentAllocation AllocatePayment(Money payment, std::span<const DueItem> items, const Waterfall& waterfall,
                                  const PaymentDirection& direction = {});

}  // namespace arrears
