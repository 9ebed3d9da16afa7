// Arrangements (还款安排) agreed with a debtor who cannot pay in full
// (DOMAIN.md §2-4): an installment plan (分期) of the overdue amount, a
// deferral (延期) of it, or a settlement with a waiver (减免) of part of some
// components. Waivers are a share of each overdue component; the plan's
// installments come from the core's schedules, so they sum exactly.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/balance.hpp"
#include "core/component.hpp"
#include "core/date.hpp"
#include "core/money.hpp"
#include "core/result.hpp"

namespace arrears {

enum class ArrangementKind { kInstallment, kDeferral, kSettlement };
std::string_view ArrangementKindName(ArrangementKind kind);  // "installment", "deferral", "settlement"
std::optional<ArrangementKind> ParseArrangementKind(std::string_view name);

inline constexpr std::int64_t kWholeShare = 1'000'000;  // shares are parts per million

// "50%", "12.5%", "0.5" (a fraction), "100%": parts per million, 0..100%.
Result<std::int64_t> ParseShare(std::string_view text, std::string_view field);
std::string FormatShare(std::int64_t ppm);  // "12.5%"

struct ArrangementTerms {
  ArrangementKind kind = ArrangementKind::kInstallment;
  int periods = 1;        // installments (installment plan)
  int deferral_days = 0;  // deferral
  Date first_due;         // first installment, or the settlement's date
  std::array<std::int64_t, kComponentCount> waiver_ppm{};  // by Component
};

struct PlannedInstallment {
  int number = 0;
  Date due;
  Money amount;
};

struct ArrangementPlan {
  std::array<std::int64_t, kComponentCount> waived{};  // minor units by Component
  Money owed;     // overdue before the waiver
  Money waived_total;
  Money to_pay;   // owed − waived
  std::vector<PlannedInstallment> installments;
};

// Plans an arrangement on the overdue balance. Errors name the field: periods
// out of 1..max_periods, a deferral that is not 1..max_deferral_days, nothing
// overdue.
Result<ArrangementPlan> PlanArrangement(const ArrangementTerms& terms, const Balance& balance, int max_periods,
                                        int max_deferral_days);

// A debtor's monthly means (DOMAIN.md §2: income, expenses, other debts).
struct FinancialSituation {
  Money income;
  Money expenses;
  Money other_debt_payments;
};

// What the debtor can pay each month: `share_ppm` of what is left after
// expenses and other debts (the rest is a margin for the unforeseen); never negative.
Money RepaymentCapacity(const FinancialSituation& situation, std::int64_t share_ppm = 500'000);

}  // namespace arrears
