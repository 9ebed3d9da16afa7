// The four files a lender's core system sends (docs/import-formats.md), as
// records: customers, contact points, accounts with terms and balances, and
// payments. The demo generator produces them; the importer reads them.
#pragma once

#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/rate.hpp"

namespace arrears::demo {

struct CustomerRecord {
  std::string customer_ref;
  std::string name;
  std::string id_type;    // resident_id, passport, ...
  std::string id_number;
  Date birth_date;
  std::string gender;     // male, female
  std::string jurisdiction;  // CN
  std::string time_zone;     // Asia/Shanghai
  std::string language;      // zh-CN
  std::string province;
  std::string city;
  std::string address;
  std::string employer;
};

struct ContactRecord {
  std::string contact_ref;
  std::string customer_ref;
  std::string kind;          // mobile, landline, email, address
  std::string value;
  std::string relation;      // self, spouse, parent, ...
  std::string contact_name;  // empty for self
  bool is_primary = false;
  std::string status;        // unverified, verified, invalid
  std::string source;        // application, core_system, ...
};

struct AccountRecord {
  std::string account_ref;
  std::string customer_ref;
  std::string product_type;  // card, loan
  std::string product_code;
  Currency currency = Currency::kCNY;
  Date opened_on;
  std::optional<Money> credit_limit;        // cards
  std::optional<Money> original_principal;  // loans
  int term_months = 0;                      // loans
  std::string repayment_method;             // annuity, equal-principal, revolving
  Rate interest_rate;
  std::string day_count;                    // loans
  Rate penalty_uplift{0, RatePeriod::kFlat};
  std::optional<Date> first_due_date;       // loans
  int statement_day = 0;                    // cards
  int due_day = 0;
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
  Money minimum_due;
  std::optional<Date> oldest_unpaid_due_date;
  int days_past_due = 0;
  std::string status;  // active, charged_off
  std::string region;  // province, for reports
};

struct PaymentRecord {
  std::string payment_ref;
  std::string account_ref;
  std::string customer_ref;
  std::string paid_at;  // RFC 3339 with offset
  Date value_date;
  Money amount;
  std::string channel;  // bank_transfer, auto_debit, alipay, wechat_pay, counter, debit_card
  std::string kind;     // payment, reversal
  int installment_number = 0;  // 0: not directed
};

// Receives the records in file order: each customer, then its contacts,
// accounts and payments.
class PortfolioSink {
 public:
  virtual ~PortfolioSink() = default;
  virtual void Customer(const CustomerRecord& record) = 0;
  virtual void Contact(const ContactRecord& record) = 0;
  virtual void Account(const AccountRecord& record) = 0;
  virtual void Payment(const PaymentRecord& record) = 0;
};

}  // namespace arrears::demo
