// What the workflow reads about a case: the case with its accounts (the
// overdue split by component), holds in force, promises, arrangements,
// approvals, disputes and legal matters, as the store hands them to the use
// cases. Personal data arrives masked or sealed, never in clear.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/arrangement.hpp"
#include "core/balance.hpp"
#include "core/case_hold.hpp"
#include "core/case_stage.hpp"
#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/promise.hpp"

namespace arrears::app {

struct CaseAccount {
  AccountId id;
  std::string account_ref;
  std::string product_type;  // "card", "loan"
  Balance balance;           // overdue and not-yet-due by component
  int days_past_due = 0;
  std::string status;
};

struct Hold {
  std::int64_t id = 0;
  HoldKind kind = HoldKind::kDispute;
  std::string reason;
  std::optional<AccountId> account;  // a hold on one account (a dispute), or the whole case
  std::string placed_by;
  std::string placed_at;
};

struct PromiseRecord {
  std::int64_t id = 0;
  PromiseTerms terms;
  std::string channel;
  PromiseStatus status = PromiseStatus::kOpen;
  Money paid;
  std::string created_by;
};

struct InstallmentRecord {
  int number = 0;
  Date due;
  Money amount;
  Money paid;
  PromiseStatus status = PromiseStatus::kOpen;
};

// pending_approval → active → completed | failed; or rejected, expired, cancelled, replaced.
struct ArrangementRecord {
  std::int64_t id = 0;
  std::int64_t version = 0;
  ArrangementKind kind = ArrangementKind::kInstallment;
  std::string status;
  int periods = 0;
  int deferral_days = 0;
  Money owed;
  Money waived;
  Money to_pay;
  std::string waiver;  // "penalty_interest=100%; late_fee=50%"
  std::array<std::int64_t, kComponentCount> waiver_ppm{};           // the shares agreed, by Component
  std::array<std::int64_t, kComponentCount> waived_by_component{};
  int broken = 0;
  std::string created_by;
  std::string created_at;
  std::vector<InstallmentRecord> installments;
};

struct ApprovalRecord {
  std::int64_t id = 0;
  CaseId case_id;
  CustomerId customer;
  std::string subject;  // "arrangement"
  std::int64_t subject_id = 0;
  std::string reasons;  // why it needs approval
  std::string status;   // pending, approved, rejected, expired
  std::string requested_by;
  std::string requested_at;
  std::string expires_at;
  std::string decided_by;
  std::string decision_reason;
};

struct DisputeRecord {
  std::int64_t id = 0;
  AccountId account;
  std::string account_ref;
  std::string kind;  // amount_or_fee, not_my_debt, already_paid, fraud, service_complaint
  std::string description;
  std::optional<Component> component;
  std::optional<Money> amount;
  std::string status;  // open, upheld, rejected
  std::int64_t hold_id = 0;
  std::string opened_by;
  std::string opened_at;
  std::string resolution_reason;
};

struct LegalMatter {
  std::int64_t id = 0;
  std::int64_t version = 0;
  std::string status;  // preparing, filed, hearing, judgment, enforcement, closed, returned
  std::string court;
  std::string court_case_number;
  std::optional<Date> filed_on;
  std::optional<Date> next_hearing_on;
  std::optional<Money> judgment_amount;
  std::optional<Date> judgment_on;
  std::string enforcement;
  bool assets_frozen = false;
  Money costs;
  std::string transferred_by;
  std::string transferred_at;
};

struct FieldVisit {
  std::int64_t id = 0;
  Date planned_for;
  std::vector<std::string> collectors;
  std::string status;  // planned, done, cancelled
  std::string outcome;
  std::string result;
};

struct ContactPoint {
  std::int64_t id = 0;
  CustomerId customer;
  std::string kind;      // mobile, phone, email, address
  std::string value_cipher;
  std::string value_masked;
  std::string value_index;  // blind index: the number as the compliance history knows it
  std::string relation;  // self, spouse, ...
  std::string status;    // unverified, verified, invalid, wrong_party
  std::string source;
};

struct CaseRecord {
  CaseId id;
  CustomerId customer;
  std::int64_t version = 0;
  CaseStage stage = CaseStage::kNew;
  std::string owner;
  std::string owner_team;
  std::string owner_agency;
  Currency currency = Currency::kCNY;
  std::string opened_at;
  std::string stage_changed_at;
  std::string closed_at;
  std::string close_reason;
  std::optional<Date> monitor_until;
  std::string delinquency_reason;
  std::optional<Money> monthly_income;
  std::optional<Money> monthly_expenses;
  std::optional<Money> other_debt_payments;
  std::optional<Money> repayment_capacity;
  // The customer, personal data masked.
  std::string customer_ref;
  std::string customer_name;
  std::string id_number_masked;
  std::string id_number_cipher;  // sealed; opened only to check a caller's id digits
  std::string time_zone;
  std::string language;
  std::string gender;  // male, female, or empty when the lender did not say
  std::vector<CaseAccount> accounts;
  std::vector<Hold> holds;                     // in force
  std::vector<PromiseRecord> promises;         // every promise, newest last
  std::vector<ArrangementRecord> arrangements;  // every arrangement, newest last
  std::vector<DisputeRecord> disputes;
  std::vector<LegalMatter> legal_matters;
  std::vector<FieldVisit> field_visits;
  std::vector<ContactPoint> contact_points;    // the customer's, masked (and sealed)

  Balance Overdue() const;  // the accounts' balances added up
  std::string Bucket() const;  // of the account furthest behind ("M1" ...)
  std::string ProductType() const;  // of the account furthest behind
  int MaxDaysPastDue() const;
  bool HasHold(HoldKind kind) const;
  const ArrangementRecord* ActiveArrangement() const;
  int OpenPromises() const;
};


// One past contact attempt, for the compliance engine's history.
struct PastContact {
  std::string at;  // RFC 3339
  std::string channel;
  std::string party;
  std::string direction;  // outbound, inbound
  std::string number_index;  // blind index of the number dialled, when any
  std::string outcome;
  bool made = true;
};

// One line of a case list.
struct CaseSummary {
  CaseId id;
  std::string customer_ref;
  std::string customer_name;
  CaseStage stage = CaseStage::kNew;
  std::string owner;
  Money overdue;
  int days_past_due = 0;
  std::string opened_at;
};

// A page of cases: filters, the scope of who asks, and a cursor (the last id seen).
struct CaseQuery {
  std::optional<CaseStage> stage;
  std::string owner;             // only this owner's
  bool open_only = true;
  std::string scope_owner;       // collectors: their own
  std::string scope_team;        // team leads: their team's (and their own)
  std::string scope_agency;      // agency users: their agency's
  bool scope_none = false;       // a role that sees no case
  std::int64_t after_id = 0;
  int limit = 50;
};

struct TimelineEntry {
  std::string at;
  std::string kind;  // "stage", "contact", "payment", "promise", "arrangement", ...
  std::string actor;
  std::string summary;
};

struct DocumentInfo {
  std::int64_t id = 0;
  std::string kind;  // evidence, letter, certificate ...
  std::string file_name;
  std::string media_type;
  std::int64_t size_bytes = 0;
  std::string sha256;
  std::string uploaded_by;
  std::string uploaded_at;
};

struct Document {
  DocumentInfo info;
  std::string content;  // the bytes
};

// A payment on one of the case's accounts: value date and signed amount.
struct CasePayment {
  Date value_date;
  Money amount;  // a reversal is negative
  std::int64_t id = 0;
  std::string account_ref;
  std::string payment_ref;
  std::string paid_at;
  std::string channel;
  std::string kind;  // payment, reversal
};

// A customer found by a phone number, email or id number (by blind index,
// nothing decrypted), with the case that is open for them, else the latest.
struct CustomerMatch {
  std::int64_t customer_id = 0;
  std::string customer_ref;
  std::string name;
  std::string id_number_masked;
  std::string matched;  // what matched, masked: "mobile 138****5678"
  std::optional<CaseId> case_id;
};

}  // namespace arrears::app
