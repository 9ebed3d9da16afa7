#include "demo/csv_writer.hpp"

#include <charconv>

namespace arrears::demo {

const char* const CsvPortfolioWriter::kCustomerHeader =
    "customer_ref,name,id_type,id_number,birth_date,gender,jurisdiction,time_zone,language,province,city,address,"
    "employer";
const char* const CsvPortfolioWriter::kContactHeader =
    "contact_ref,customer_ref,kind,value,relation,contact_name,is_primary,status,source";
const char* const CsvPortfolioWriter::kAccountHeader =
    "account_ref,customer_ref,product_type,product_code,currency,opened_on,credit_limit,original_principal,"
    "term_months,repayment_method,interest_rate,day_count,penalty_uplift,first_due_date,statement_day,due_day,"
    "grace_days,balance_date,principal_not_due,principal_overdue,interest_overdue,penalty_interest,"
    "compound_interest,late_fee,installment_fee,other_fee,minimum_due,oldest_unpaid_due_date,days_past_due,status,"
    "region";
const char* const CsvPortfolioWriter::kPaymentHeader =
    "payment_ref,account_ref,customer_ref,paid_at,value_date,amount,currency,channel,kind,installment_number";

namespace {

// One CSV row being appended to a buffer.
struct Row {
  std::string& line;
  bool first = true;
};

void Field(Row& row, std::string_view value) {
  std::string& line = row.line;
  if (!row.first) line.push_back(',');
  row.first = false;
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    line.append(value);
    return;
  }
  line.push_back('"');
  for (char c : value) {
    if (c == '"') line.push_back('"');
    line.push_back(c);
  }
  line.push_back('"');
}

void Field(Row& line, std::int64_t value) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  Field(line, std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
}

void Field(Row& line, bool value) { Field(line, std::string_view(value ? "true" : "false")); }
void Field(Row& line, Date value) { Field(line, value.ToString()); }
void Field(Row& line, Money value) { Field(line, FormatAmount(value)); }
void Field(Row& line, const std::optional<Date>& value) { Field(line, value ? value->ToString() : ""); }
void Field(Row& line, const std::optional<Money>& value) { Field(line, value ? FormatAmount(*value) : ""); }
void OptionalNumber(Row& line, int value) {
  if (value == 0) Field(line, std::string_view());
  else Field(line, static_cast<std::int64_t>(value));
}

constexpr std::size_t kFlushBytes = 1 << 20;

}  // namespace

CsvPortfolioWriter::CsvPortfolioWriter(std::ostream& customers, std::ostream& contacts, std::ostream& accounts,
                                       std::ostream& payments)
    : customers_{&customers, std::string(kCustomerHeader) + "\n"},
      contacts_{&contacts, std::string(kContactHeader) + "\n"},
      accounts_{&accounts, std::string(kAccountHeader) + "\n"},
      payments_{&payments, std::string(kPaymentHeader) + "\n"} {}

CsvPortfolioWriter::~CsvPortfolioWriter() { Flush(); }

void CsvPortfolioWriter::Emit(Buffer& buffer) {
  buffer.text.push_back('\n');
  if (buffer.text.size() >= kFlushBytes) {
    buffer.out->write(buffer.text.data(), static_cast<std::streamsize>(buffer.text.size()));
    buffer.text.clear();
  }
}

void CsvPortfolioWriter::Flush() {
  for (Buffer* buffer : {&customers_, &contacts_, &accounts_, &payments_}) {
    buffer->out->write(buffer->text.data(), static_cast<std::streamsize>(buffer->text.size()));
    buffer->text.clear();
    buffer->out->flush();
  }
}

void CsvPortfolioWriter::Customer(const CustomerRecord& r) {
  Row l{customers_.text};
  Field(l, std::string_view(r.customer_ref));
  Field(l, std::string_view(r.name));
  Field(l, std::string_view(r.id_type));
  Field(l, std::string_view(r.id_number));
  Field(l, r.birth_date);
  Field(l, std::string_view(r.gender));
  Field(l, std::string_view(r.jurisdiction));
  Field(l, std::string_view(r.time_zone));
  Field(l, std::string_view(r.language));
  Field(l, std::string_view(r.province));
  Field(l, std::string_view(r.city));
  Field(l, std::string_view(r.address));
  Field(l, std::string_view(r.employer));
  Emit(customers_);
}

void CsvPortfolioWriter::Contact(const ContactRecord& r) {
  Row l{contacts_.text};
  Field(l, std::string_view(r.contact_ref));
  Field(l, std::string_view(r.customer_ref));
  Field(l, std::string_view(r.kind));
  Field(l, std::string_view(r.value));
  Field(l, std::string_view(r.relation));
  Field(l, std::string_view(r.contact_name));
  Field(l, r.is_primary);
  Field(l, std::string_view(r.status));
  Field(l, std::string_view(r.source));
  Emit(contacts_);
}

void CsvPortfolioWriter::Account(const AccountRecord& r) {
  Row l{accounts_.text};
  Field(l, std::string_view(r.account_ref));
  Field(l, std::string_view(r.customer_ref));
  Field(l, std::string_view(r.product_type));
  Field(l, std::string_view(r.product_code));
  Field(l, CurrencyCode(r.currency));
  Field(l, r.opened_on);
  Field(l, r.credit_limit);
  Field(l, r.original_principal);
  OptionalNumber(l, r.term_months);
  Field(l, std::string_view(r.repayment_method));
  Field(l, FormatRate(r.interest_rate));
  Field(l, std::string_view(r.day_count));
  Field(l, r.penalty_uplift.IsZero() ? std::string() : FormatRate(r.penalty_uplift));
  Field(l, r.first_due_date);
  OptionalNumber(l, r.statement_day);
  OptionalNumber(l, r.due_day);
  Field(l, static_cast<std::int64_t>(r.grace_days));
  Field(l, r.balance_date);
  Field(l, r.principal_not_due);
  Field(l, r.principal_overdue);
  Field(l, r.interest_overdue);
  Field(l, r.penalty_interest);
  Field(l, r.compound_interest);
  Field(l, r.late_fee);
  Field(l, r.installment_fee);
  Field(l, r.other_fee);
  Field(l, r.minimum_due);
  Field(l, r.oldest_unpaid_due_date);
  Field(l, static_cast<std::int64_t>(r.days_past_due));
  Field(l, std::string_view(r.status));
  Field(l, std::string_view(r.region));
  Emit(accounts_);
}

void CsvPortfolioWriter::Payment(const PaymentRecord& r) {
  Row l{payments_.text};
  Field(l, std::string_view(r.payment_ref));
  Field(l, std::string_view(r.account_ref));
  Field(l, std::string_view(r.customer_ref));
  Field(l, std::string_view(r.paid_at));
  Field(l, r.value_date);
  Field(l, r.amount);
  Field(l, CurrencyCode(r.amount.currency()));
  Field(l, std::string_view(r.channel));
  Field(l, std::string_view(r.kind));
  OptionalNumber(l, r.installment_number);
  Emit(payments_);
}

}  // namespace arrears::demo
