// The validated rows of the four import files (docs/import-formats.md), as
// domain types. Personal data is still clear here; the store seals it.
#pragma once

#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/day_count.hpp"
#include "core/money.hpp"
#include "core/rate.hpp"

namespace arrears::app {

enum class ImportKind { kCustomers, kContacts, kAccounts, kPayments };
std::string_view ImportKindName(ImportKind kind);  // "customers", ...
std::optional<ImportKind> ParseImportKind(std::string_view name);

struct CustomerRow {
  std::string customer_ref;
  std::string name;
  std::string id_type;
  std::string id_number;
  std::optional<Date> birth_date;
  std::string gender;
  std::string jurisdiction;
  std::string time_zone;
  std::string language;
  std::string province;
  std::string city;
  std::string address;
  std::string employer;
};

struct ContactRow {
  std::string contact_ref;
  std::string customer_ref;
  std::string kind;  // mobile, landline, email, address
  std::string value;  // normalised (digits for phones, lower-case email)
  std::string relation;
  std::string contact_name;
  bool is_primary = false;
  std::string status;
  std::string source;
};

struct AccountRow {
  std::string account_ref;
  std::string customer_ref;
  std::string product_type;
  std::string product_code;
  Currency currency = Currency::kCNY;
  Date opened_on;
  std::optional<Money> credit_limit;
  std::optional<Money> original_principal;
  std::optional<int> term_months;
  std::string repayment_method;
  Rate interest_rate;
  std::optional<DayCountConvention> day_count;
  std::optional<Rate> penalty_uplift;
  std::optional<Date> first_due_date;
  std::optional<int> statement_day;
  int due_day = 1;
  int grace_days = 0;
  Date balance_date;
  Money principal_not_due;
  Money principal_overdue;
  Money interest_overdue;
  Money penalty_interest;
  Money compound_interest;
  Money late_fee;
  Money installment_fee;
  Money other_fee;
  std::optional<Money> minimum_due;
  std::optional<Date> oldest_unpaid_due_date;
  int days_past_due = 0;
  std::string status;
  std::string region;
};

struct PaymentRow {
  std::string payment_ref;
  std::string account_ref;
  std::string customer_ref;
  std::string paid_at;  // RFC 3339, validated
  Date value_date;
  Money amount;
  std::string channel;
  std::string kind;  // payment, reversal
  std::string reverses_payment_ref;
  std::optional<int> installment_number;
};

}  // namespace arrears::app
