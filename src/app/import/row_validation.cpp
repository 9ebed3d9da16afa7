#include "app/import/row_validation.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <set>

#include "core/quote.hpp"
#include "core/resident_id.hpp"

namespace arrears::app {

namespace {

using Columns = std::vector<std::string_view>;

struct Spec {
  Columns all;
  Columns required;  // must be present in the header
};

const Spec& SpecOf(ImportKind kind) {
  static const Spec kCustomers{{"customer_ref", "name", "id_type", "id_number", "birth_date", "gender", "jurisdiction",
                                "time_zone", "language", "province", "city", "address", "employer"},
                               {"customer_ref", "name", "id_type", "id_number", "jurisdiction", "time_zone", "language"}};
  static const Spec kContacts{{"contact_ref", "customer_ref", "kind", "value", "relation", "contact_name", "is_primary",
                               "status", "source"},
                              {"contact_ref", "customer_ref", "kind", "value", "relation", "source"}};
  static const Spec kAccounts{
      {"account_ref", "customer_ref", "product_type", "product_code", "currency", "opened_on", "credit_limit",
       "original_principal", "term_months", "repayment_method", "interest_rate", "day_count", "penalty_uplift",
       "first_due_date", "statement_day", "due_day", "grace_days", "balance_date", "principal_not_due",
       "principal_overdue", "interest_overdue", "penalty_interest", "compound_interest", "late_fee", "installment_fee",
       "other_fee", "minimum_due", "oldest_unpaid_due_date", "days_past_due", "status", "region"},
      {"account_ref", "customer_ref", "product_type", "product_code", "currency", "opened_on", "repayment_method",
       "interest_rate", "due_day", "balance_date", "principal_not_due", "principal_overdue", "interest_overdue",
       "penalty_interest", "compound_interest", "late_fee", "installment_fee", "other_fee", "days_past_due", "status"}};
  static const Spec kPayments{{"payment_ref", "account_ref", "customer_ref", "paid_at", "value_date", "amount",
                               "currency", "channel", "kind", "reverses_payment_ref", "installment_number"},
                              {"payment_ref", "account_ref", "customer_ref", "paid_at", "value_date", "amount",
                               "currency", "channel"}};
  switch (kind) {
    case ImportKind::kCustomers: return kCustomers;
    case ImportKind::kContacts: return kContacts;
    case ImportKind::kAccounts: return kAccounts;
    case ImportKind::kPayments: return kPayments;
  }
  return kCustomers;
}

// Field readers: each returns the value or an Error naming the column.
Result<std::string> Text(const SourceRecord& r, std::string_view column, bool required, std::size_t max_chars = 200) {
  const std::string_view value = r.Field(column);
  if (value.empty() && required) return Fail("required field is empty", std::string(column));
  std::size_t chars = 0;
  for (char c : value) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  if (chars > max_chars) {
    return Fail("longer than " + std::to_string(max_chars) + " characters", std::string(column));
  }
  return std::string(value);
}

Result<std::string> Ref(const SourceRecord& r, std::string_view column) {
  auto value = Text(r, column, true, 64);
  if (!value) return value;
  for (char c : *value) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '.' || c == '-';
    if (!ok) return Fail(Quote(*value) + " is not a reference (letters, digits, _ . - only)", std::string(column));
  }
  return value;
}

Result<std::string> OneOf(const SourceRecord& r, std::string_view column, std::initializer_list<std::string_view> allowed,
                          std::string_view default_value = {}) {
  std::string_view value = r.Field(column);
  if (value.empty()) {
    if (!default_value.empty()) return std::string(default_value);
    return Fail("required field is empty", std::string(column));
  }
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return std::string(value);
  std::string list;
  for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  return Fail(Quote(value) + " is not one of " + list, std::string(column));
}

Result<std::optional<Date>> OptionalDate(const SourceRecord& r, std::string_view column) {
  const std::string_view value = r.Field(column);
  if (value.empty()) return std::optional<Date>();
  auto date = Date::Parse(value, column);
  if (!date) return Fail(date.error());
  return std::optional<Date>(*date);
}

Result<Date> RequiredDate(const SourceRecord& r, std::string_view column) {
  if (r.Field(column).empty()) return Fail("required field is empty", std::string(column));
  return Date::Parse(r.Field(column), column);
}

Result<std::optional<std::int64_t>> OptionalInt(const SourceRecord& r, std::string_view column, std::int64_t low,
                                                std::int64_t high) {
  const std::string_view value = r.Field(column);
  if (value.empty()) return std::optional<std::int64_t>();
  std::int64_t parsed = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (ec != std::errc() || end != value.data() + value.size()) {
    return Fail(Quote(value) + " is not a whole number", std::string(column));
  }
  if (parsed < low || parsed > high) {
    return Fail(Quote(value) + " is outside " + std::to_string(low) + "-" + std::to_string(high), std::string(column));
  }
  return std::optional<std::int64_t>(parsed);
}

Result<std::optional<Money>> OptionalAmount(const SourceRecord& r, std::string_view column, Currency currency) {
  const std::string_view value = r.Field(column);
  if (value.empty()) return std::optional<Money>();
  auto amount = ParseAmount(value, currency, column);
  if (!amount) return Fail(amount.error());
  if (amount->IsNegative()) return Fail("amount " + Quote(value) + " is negative", std::string(column));
  return std::optional<Money>(*amount);
}

Result<Money> RequiredAmount(const SourceRecord& r, std::string_view column, Currency currency) {
  auto amount = OptionalAmount(r, column, currency);
  if (!amount) return Fail(amount.error());
  if (!*amount) return Fail("required field is empty", std::string(column));
  return **amount;
}

Result<bool> Bool(const SourceRecord& r, std::string_view column) {
  const std::string_view value = r.Field(column);
  if (value.empty() || value == "false") return false;
  if (value == "true") return true;
  return Fail(Quote(value) + " is not true or false", std::string(column));
}

// Unwraps a Result into `target` or returns its error from the enclosing function.
#define ARREARS_ASSIGN(target, expression)  \
  do {                                      \
    auto result_ = (expression);            \
    if (!result_) return Fail(result_.error()); \
    target = std::move(result_).value();    \
  } while (false)

bool IsRfc3339(std::string_view text) {
  if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return false;
  if (!Date::Parse(text.substr(0, 10))) return false;
  auto two = [&](std::size_t pos, int max) {
    if (text[pos] < '0' || text[pos] > '9' || text[pos + 1] < '0' || text[pos + 1] > '9') return false;
    return (text[pos] - '0') * 10 + (text[pos + 1] - '0') <= max;
  };
  if (!two(11, 23) || !two(14, 59) || !two(17, 59)) return false;
  std::string_view zone = text.substr(19);
  if (zone == "Z") return true;
  return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' && two(1 + 19, 14) && two(4 + 19, 59);
}

std::string DigitsOnly(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits;
}

}  // namespace

std::vector<std::string> ImportColumns(ImportKind kind) {
  const Spec& spec = SpecOf(kind);
  return std::vector<std::string>(spec.all.begin(), spec.all.end());
}

Status ValidateHeader(ImportKind kind, const Header& header) {
  const Spec& spec = SpecOf(kind);
  std::set<std::string_view> seen;
  for (const std::string& name : header.names()) {
    if (std::find(spec.all.begin(), spec.all.end(), name) == spec.all.end()) {
      return Fail("unknown column " + Quote(name) + " in a " + std::string(ImportKindName(kind)) + " file", name);
    }
    if (!seen.insert(name).second) return Fail("column " + Quote(name) + " appears twice", name);
  }
  for (std::string_view required : spec.required) {
    if (!seen.contains(required)) {
      return Fail("the required column " + Quote(required) + " is missing", std::string(required));
    }
  }
  return Ok{};
}

Result<CustomerRow> ValidateCustomer(const SourceRecord& r) {
  CustomerRow row;
  ARREARS_ASSIGN(row.customer_ref, Ref(r, "customer_ref"));
  ARREARS_ASSIGN(row.name, Text(r, "name", true));
  ARREARS_ASSIGN(row.id_type, OneOf(r, "id_type", {"resident_id", "passport", "hk_macao_permit", "taiwan_permit",
                                                   "foreign_permanent_resident", "other"}));
  ARREARS_ASSIGN(row.id_number, Text(r, "id_number", true, 40));
  if (row.id_type == "resident_id" && !IsValidResidentId(row.id_number)) {
    return Fail(Quote(row.id_number) + " is not a valid resident identity number (GB 11643 check character or date)",
                "id_number");
  }
  ARREARS_ASSIGN(row.birth_date, OptionalDate(r, "birth_date"));
  if (row.birth_date && row.id_type == "resident_id" &&
      row.id_number.substr(6, 8) != row.birth_date->ToString().substr(0, 4) + row.birth_date->ToString().substr(5, 2) +
                                        row.birth_date->ToString().substr(8, 2)) {
    return Fail("birth date " + row.birth_date->ToString() + " does not match the identity number", "birth_date");
  }
  ARREARS_ASSIGN(row.gender, OneOf(r, "gender", {"male", "female", "unknown"}, "unknown"));
  ARREARS_ASSIGN(row.jurisdiction, Text(r, "jurisdiction", true, 10));
  if (row.jurisdiction.size() < 2 || !std::isupper(static_cast<unsigned char>(row.jurisdiction[0])) ||
      !std::isupper(static_cast<unsigned char>(row.jurisdiction[1])) ||
      (row.jurisdiction.size() > 2 && row.jurisdiction[2] != '-')) {
    return Fail(Quote(row.jurisdiction) + " is not an ISO 3166 code such as CN or US-CA", "jurisdiction");
  }
  ARREARS_ASSIGN(row.time_zone, Text(r, "time_zone", true, 64));
  if (row.time_zone.find('/') == std::string::npos && row.time_zone != "UTC") {
    return Fail(Quote(row.time_zone) + " is not an IANA time zone such as Asia/Shanghai", "time_zone");
  }
  ARREARS_ASSIGN(row.language, OneOf(r, "language", {"zh-CN", "en"}));
  ARREARS_ASSIGN(row.province, Text(r, "province", false));
  ARREARS_ASSIGN(row.city, Text(r, "city", false));
  ARREARS_ASSIGN(row.address, Text(r, "address", false, 400));
  ARREARS_ASSIGN(row.employer, Text(r, "employer", false));
  return row;
}

Result<std::string> NormalizeContactValue(std::string_view kind, const std::string& value) {
  if (value.empty()) return Fail("required field is empty", "value");
  if (kind == "mobile") {
    // Spaces and dashes between digit groups are accepted and dropped: "138 0013 8000".
    const bool e164 = value[0] == '+';
    const std::string digits = DigitsOnly(value);
    const bool only_digits = value.find_first_not_of("0123456789 -", e164 ? 1 : 0) == std::string::npos;
    if (!only_digits || (e164 ? digits.size() < 8 || digits.size() > 15 : digits.size() != 11 || digits[0] != '1')) {
      return Fail(Quote(value) + " is not a mobile number (11 digits starting 1, or +E.164)", "value");
    }
    return e164 ? "+" + digits : digits;
  }
  if (kind == "landline") {
    if (value.find_first_not_of("0123456789-+ ") != std::string::npos || DigitsOnly(value).size() < 6) {
      return Fail(Quote(value) + " is not a telephone number", "value");
    }
    return value;
  }
  if (kind == "email") {
    const std::size_t at = value.find('@');
    if (at == std::string::npos || at == 0 || value.find('.', at) == std::string::npos || value.find(' ') != std::string::npos) {
      return Fail(Quote(value) + " is not an email address", "value");
    }
    std::string lower = value;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
  }
  if (kind == "address") return value;
  return Fail("kind is mobile, landline, email or address, not " + Quote(std::string(kind)), "kind");
}

Result<ContactRow> ValidateContact(const SourceRecord& r) {
  ContactRow row;
  ARREARS_ASSIGN(row.contact_ref, Ref(r, "contact_ref"));
  ARREARS_ASSIGN(row.customer_ref, Ref(r, "customer_ref"));
  ARREARS_ASSIGN(row.kind, OneOf(r, "kind", {"mobile", "landline", "email", "address"}));
  std::string value;
  ARREARS_ASSIGN(value, Text(r, "value", true, 400));
  ARREARS_ASSIGN(row.value, NormalizeContactValue(row.kind, value));
  ARREARS_ASSIGN(row.relation, OneOf(r, "relation", {"self", "spouse", "parent", "child", "sibling", "relative",
                                                     "friend", "colleague", "employer", "guarantor", "other"}));
  ARREARS_ASSIGN(row.contact_name, Text(r, "contact_name", row.relation != "self"));
  ARREARS_ASSIGN(row.is_primary, Bool(r, "is_primary"));
  ARREARS_ASSIGN(row.status, OneOf(r, "status", {"unverified", "verified", "invalid", "wrong_party"}, "unverified"));
  if (r.Field("source") == "phone_book") {
    return Fail("contacts harvested from a debtor's phone book (爆通讯录) are never accepted", "source");
  }
  ARREARS_ASSIGN(row.source, OneOf(r, "source", {"application", "core_system", "debtor", "collector", "skip_trace", "other"}));
  return row;
}

Result<AccountRow> ValidateAccount(const SourceRecord& r) {
  AccountRow row;
  ARREARS_ASSIGN(row.account_ref, Ref(r, "account_ref"));
  ARREARS_ASSIGN(row.customer_ref, Ref(r, "customer_ref"));
  ARREARS_ASSIGN(row.product_type, OneOf(r, "product_type", {"loan", "card"}));
  ARREARS_ASSIGN(row.product_code, Ref(r, "product_code"));
  const std::string_view currency_text = r.Field("currency");
  auto currency = ParseCurrency(currency_text);
  if (!currency) return Fail(Quote(currency_text) + " is not a supported ISO 4217 currency", "currency");
  row.currency = *currency;
  const Currency c = row.currency;
  ARREARS_ASSIGN(row.opened_on, RequiredDate(r, "opened_on"));
  ARREARS_ASSIGN(row.credit_limit, OptionalAmount(r, "credit_limit", c));
  ARREARS_ASSIGN(row.original_principal, OptionalAmount(r, "original_principal", c));
  std::optional<std::int64_t> term;
  ARREARS_ASSIGN(term, OptionalInt(r, "term_months", 1, 600));
  if (term) row.term_months = static_cast<int>(*term);
  ARREARS_ASSIGN(row.repayment_method,
                 OneOf(r, "repayment_method", {"annuity", "equal-principal", "interest-only", "flat-fee", "revolving"}));
  const bool card = row.product_type == "card";
  if (card && !row.credit_limit) return Fail("a card needs its credit limit", "credit_limit");
  if (!card && !row.original_principal) return Fail("a loan needs its original principal", "original_principal");
  if (!card && !row.term_months) return Fail("a loan needs its term in months", "term_months");
  if (r.Field("interest_rate").empty()) return Fail("required field is empty", "interest_rate");
  ARREARS_ASSIGN(row.interest_rate, ParseRate(r.Field("interest_rate"), RatePeriod::kAnnual, "interest_rate"));
  if (row.interest_rate.period() == RatePeriod::kFlat) return Fail("the interest rate needs a period", "interest_rate");
  if (!r.Field("day_count").empty()) {
    row.day_count = ParseDayCountConvention(r.Field("day_count"));
    if (!row.day_count) return Fail(Quote(r.Field("day_count")) + " is not a day count convention", "day_count");
  }
  if (!r.Field("penalty_uplift").empty()) {
    Rate uplift;
    ARREARS_ASSIGN(uplift, ParseRate(r.Field("penalty_uplift"), RatePeriod::kFlat, "penalty_uplift"));
    if (uplift.period() != RatePeriod::kFlat) return Fail("the penalty uplift is a share such as 50%", "penalty_uplift");
    row.penalty_uplift = uplift;
  }
  ARREARS_ASSIGN(row.first_due_date, OptionalDate(r, "first_due_date"));
  if (!card && !row.first_due_date) return Fail("a loan needs its first due date", "first_due_date");
  std::optional<std::int64_t> number;
  ARREARS_ASSIGN(number, OptionalInt(r, "statement_day", 1, 28));
  if (number) row.statement_day = static_cast<int>(*number);
  if (card && !row.statement_day) return Fail("a card needs its statement day", "statement_day");
  ARREARS_ASSIGN(number, OptionalInt(r, "due_day", 1, 31));
  if (!number) return Fail("required field is empty", "due_day");
  row.due_day = static_cast<int>(*number);
  ARREARS_ASSIGN(number, OptionalInt(r, "grace_days", 0, 60));
  row.grace_days = number ? static_cast<int>(*number) : 0;
  ARREARS_ASSIGN(row.balance_date, RequiredDate(r, "balance_date"));
  ARREARS_ASSIGN(row.principal_not_due, RequiredAmount(r, "principal_not_due", c));
  ARREARS_ASSIGN(row.principal_overdue, RequiredAmount(r, "principal_overdue", c));
  ARREARS_ASSIGN(row.interest_overdue, RequiredAmount(r, "interest_overdue", c));
  ARREARS_ASSIGN(row.penalty_interest, RequiredAmount(r, "penalty_interest", c));
  ARREARS_ASSIGN(row.compound_interest, RequiredAmount(r, "compound_interest", c));
  ARREARS_ASSIGN(row.late_fee, RequiredAmount(r, "late_fee", c));
  ARREARS_ASSIGN(row.installment_fee, RequiredAmount(r, "installment_fee", c));
  ARREARS_ASSIGN(row.other_fee, RequiredAmount(r, "other_fee", c));
  ARREARS_ASSIGN(row.minimum_due, OptionalAmount(r, "minimum_due", c));
  ARREARS_ASSIGN(row.oldest_unpaid_due_date, OptionalDate(r, "oldest_unpaid_due_date"));
  ARREARS_ASSIGN(number, OptionalInt(r, "days_past_due", 0, 100'000));
  if (!number) return Fail("required field is empty", "days_past_due");
  row.days_past_due = static_cast<int>(*number);
  if (row.days_past_due > 0 && !row.oldest_unpaid_due_date) {
    return Fail("a past-due account needs its oldest unpaid due date", "oldest_unpaid_due_date");
  }
  if (row.oldest_unpaid_due_date && *row.oldest_unpaid_due_date > row.balance_date) {
    return Fail("the oldest unpaid due date is after the balance date", "oldest_unpaid_due_date");
  }
  if (row.opened_on > row.balance_date) return Fail("the account opens after its balance date", "opened_on");
  ARREARS_ASSIGN(row.status, OneOf(r, "status", {"active", "frozen", "charged_off", "closed"}));
  ARREARS_ASSIGN(row.region, Text(r, "region", false));
  return row;
}

Result<PaymentRow> ValidatePayment(const SourceRecord& r) {
  PaymentRow row;
  ARREARS_ASSIGN(row.payment_ref, Ref(r, "payment_ref"));
  ARREARS_ASSIGN(row.account_ref, Ref(r, "account_ref"));
  ARREARS_ASSIGN(row.customer_ref, Ref(r, "customer_ref"));
  row.paid_at = std::string(r.Field("paid_at"));
  if (row.paid_at.empty()) return Fail("required field is empty", "paid_at");
  if (!IsRfc3339(row.paid_at)) return Fail(Quote(row.paid_at) + " is not a time like 2026-11-28T10:15:00+08:00", "paid_at");
  ARREARS_ASSIGN(row.value_date, RequiredDate(r, "value_date"));
  const std::string_view currency_text = r.Field("currency");
  auto currency = ParseCurrency(currency_text);
  if (!currency) return Fail(Quote(currency_text) + " is not a supported ISO 4217 currency", "currency");
  ARREARS_ASSIGN(row.amount, RequiredAmount(r, "amount", *currency));
  if (!row.amount.IsPositive()) return Fail("a payment amount must be positive", "amount");
  ARREARS_ASSIGN(row.channel, OneOf(r, "channel", {"auto_debit", "bank_transfer", "alipay", "wechat_pay", "debit_card",
                                                   "counter", "other"}));
  ARREARS_ASSIGN(row.kind, OneOf(r, "kind", {"payment", "reversal"}, "payment"));
  ARREARS_ASSIGN(row.reverses_payment_ref, Text(r, "reverses_payment_ref", row.kind == "reversal", 64));
  std::optional<std::int64_t> installment;
  ARREARS_ASSIGN(installment, OptionalInt(r, "installment_number", 1, 600));
  if (installment) row.installment_number = static_cast<int>(*installment);
  return row;
}

}  // namespace arrears::app
