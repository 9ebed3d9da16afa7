#include "app/import/record_text.hpp"


namespace arrears::app {

namespace {

class Fields {
 public:
  Fields& Add(std::string_view name, std::string_view value) {
    if (!text_.empty()) text_ += "; ";
    text_.append(name).append("=").append(value);
    return *this;
  }
  Fields& Add(std::string_view name, const std::optional<Date>& value) { return Add(name, value ? value->ToString() : ""); }
  Fields& Add(std::string_view name, const std::optional<Money>& value) { return Add(name, value ? FormatAmount(*value) : ""); }
  Fields& Add(std::string_view name, Money value) { return Add(name, FormatAmount(value)); }
  Fields& Add(std::string_view name, const std::optional<int>& value) { return Add(name, value ? std::to_string(*value) : ""); }
  std::string Take() { return std::move(text_); }

 private:
  std::string text_;
};

}  // namespace

std::string RecordText(const CustomerRow& row) {
  return Fields()
      .Add("customer_ref", row.customer_ref)
      .Add("name", row.name)
      .Add("id_type", row.id_type)
      .Add("id_number", row.id_number)
      .Add("birth_date", row.birth_date)
      .Add("gender", row.gender)
      .Add("jurisdiction", row.jurisdiction)
      .Add("time_zone", row.time_zone)
      .Add("language", row.language)
      .Add("province", row.province)
      .Add("city", row.city)
      .Add("address", row.address)
      .Add("employer", row.employer)
      .Take();
}

std::string RecordText(const ContactRow& row) {
  return Fields()
      .Add("contact_ref", row.contact_ref)
      .Add("customer_ref", row.customer_ref)
      .Add("kind", row.kind)
      .Add("value", row.value)
      .Add("relation", row.relation)
      .Add("contact_name", row.contact_name)
      .Add("is_primary", row.is_primary ? "true" : "false")
      .Add("status", row.status)
      .Add("source", row.source)
      .Take();
}

std::string RecordText(const AccountRow& row) {
  return Fields()
      .Add("account_ref", row.account_ref)
      .Add("customer_ref", row.customer_ref)
      .Add("product_type", row.product_type)
      .Add("product_code", row.product_code)
      .Add("currency", CurrencyCode(row.currency))
      .Add("opened_on", std::optional<Date>(row.opened_on))
      .Add("credit_limit", row.credit_limit)
      .Add("original_principal", row.original_principal)
      .Add("term_months", row.term_months)
      .Add("repayment_method", row.repayment_method)
      .Add("interest_rate", FormatRate(row.interest_rate))
      .Add("day_count", row.day_count ? DayCountName(*row.day_count) : "")
      .Add("penalty_uplift", row.penalty_uplift ? FormatRate(*row.penalty_uplift) : "")
      .Add("first_due_date", row.first_due_date)
      .Add("statement_day", row.statement_day)
      .Add("due_day", std::to_string(row.due_day))
      .Add("grace_days", std::to_string(row.grace_days))
      .Add("balance_date", std::optional<Date>(row.balance_date))
      .Add("principal_not_due", row.principal_not_due)
      .Add("principal_overdue", row.principal_overdue)
      .Add("interest_overdue", row.interest_overdue)
      .Add("penalty_interest", row.penalty_interest)
      .Add("compound_interest", row.compound_interest)
      .Add("late_fee", row.late_fee)
      .Add("installment_fee", row.installment_fee)
      .Add("other_fee", row.other_fee)
      .Add("minimum_due", row.minimum_due)
      .Add("oldest_unpaid_due_date", row.oldest_unpaid_due_date)
      .Add("days_past_due", std::to_string(row.days_past_due))
      .Add("status", row.status)
      .Add("region", row.region)
      .Take();
}

std::string RecordText(const PaymentRow& row) {
  return Fields()
      .Add("payment_ref", row.payment_ref)
      .Add("account_ref", row.account_ref)
      .Add("customer_ref", row.customer_ref)
      .Add("paid_at", row.paid_at)
      .Add("value_date", std::optional<Date>(row.value_date))
      .Add("amount", row.amount)
      .Add("currency", CurrencyCode(row.amount.currency()))
      .Add("channel", row.channel)
      .Add("kind", row.kind)
      .Add("reverses_payment_ref", row.reverses_payment_ref)
      .Add("installment_number", row.installment_number)
      .Take();
}

}  // namespace arrears::app
