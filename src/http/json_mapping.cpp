#include "http/json_mapping.hpp"

#include <boost/json.hpp>

namespace arrears::http {

namespace {

std::string Amount(Money money) { return FormatAmount(money); }

}  // namespace

boost::json::array AccountsJson(const app::CaseRecord& c) {
  boost::json::array accounts;
  for (const app::CaseAccount& a : c.accounts) {
    boost::json::object overdue;
    for (Component component : kAllComponents) {
      overdue[std::string(ComponentName(component))] = Amount(a.balance.Overdue(component));
    }
    accounts.push_back(boost::json::object{{"account_ref", a.account_ref},
                                           {"product_type", a.product_type},
                                           {"currency", std::string(CurrencyCode(a.balance.currency()))},
                                           {"days_past_due", a.days_past_due},
                                           {"overdue", std::move(overdue)},
                                           {"overdue_total", Amount(a.balance.TotalOverdue())},
                                           {"not_due", Amount(a.balance.TotalNotDue())}});
  }
  return accounts;
}

boost::json::array ContactPointsJson(const app::CaseRecord& c) {
  boost::json::array points;
  for (const app::ContactPoint& p : c.contact_points) {
    points.push_back(boost::json::object{{"id", p.id},
                                         {"kind", p.kind},
                                         {"value", p.value_masked},
                                         {"relation", p.relation},
                                         {"status", p.status},
                                         {"source", p.source}});
  }
  return points;
}

boost::json::object CaseToJson(const app::CaseRecord& c) {
  boost::json::array holds;
  for (const app::Hold& h : c.holds) {
    holds.push_back(boost::json::object{{"id", h.id},
                                        {"kind", std::string(HoldKindName(h.kind))},
                                        {"reason", h.reason},
                                        {"placed_by", h.placed_by},
                                        {"placed_at", h.placed_at}});
  }
  boost::json::array promises;
  for (const app::PromiseRecord& p : c.promises) {
    promises.push_back(boost::json::object{{"id", p.id},
                                           {"amount", Amount(p.terms.amount)},
                                           {"date", p.terms.due.ToString()},
                                           {"channel", p.channel},
                                           {"status", std::string(PromiseStatusName(p.status))},
                                           {"paid", Amount(p.paid)}});
  }
  boost::json::array arrangements;
  for (const app::ArrangementRecord& a : c.arrangements) {
    boost::json::array installments;
    for (const app::InstallmentRecord& i : a.installments) {
      installments.push_back(boost::json::object{{"number", i.number},
                                                 {"due", i.due.ToString()},
                                                 {"amount", Amount(i.amount)},
                                                 {"paid", Amount(i.paid)},
                                                 {"status", std::string(PromiseStatusName(i.status))}});
    }
    arrangements.push_back(boost::json::object{{"id", a.id},
                                               {"kind", std::string(ArrangementKindName(a.kind))},
                                               {"status", a.status},
                                               {"owed", Amount(a.owed)},
                                               {"waived", Amount(a.waived)},
                                               {"to_pay", Amount(a.to_pay)},
                                               {"waiver", a.waiver},
                                               {"broken", a.broken},
                                               {"installments", std::move(installments)}});
  }
  boost::json::array disputes;
  for (const app::DisputeRecord& d : c.disputes) {
    disputes.push_back(boost::json::object{{"id", d.id},
                                           {"account_ref", d.account_ref},
                                           {"kind", d.kind},
                                           {"status", d.status},
                                           {"description", d.description}});
  }
  boost::json::array legal;
  for (const app::LegalMatter& m : c.legal_matters) {
    legal.push_back(boost::json::object{
        {"id", m.id},
        {"status", m.status},
        {"court", m.court},
        {"court_case_number", m.court_case_number},
        {"filed_on", m.filed_on ? boost::json::value(m.filed_on->ToString()) : nullptr},
        {"next_hearing_on", m.next_hearing_on ? boost::json::value(m.next_hearing_on->ToString()) : nullptr},
        {"enforcement", m.enforcement},
        {"judgment_amount", m.judgment_amount ? boost::json::value(Amount(*m.judgment_amount)) : nullptr},
        {"judgment_on", m.judgment_on ? boost::json::value(m.judgment_on->ToString()) : nullptr},
        {"assets_frozen", m.assets_frozen},
        {"costs", Amount(m.costs)}});
  }
  boost::json::array visits;
  for (const app::FieldVisit& v : c.field_visits) {
    boost::json::array collectors;
    for (const std::string& login : v.collectors) collectors.push_back(boost::json::string(login));
    visits.push_back(boost::json::object{{"id", v.id},
                                         {"planned_for", v.planned_for.ToString()},
                                         {"collectors", std::move(collectors)},
                                         {"status", v.status},
                                         {"outcome", v.outcome},
                                         {"result", v.result}});
  }
  const Balance overdue = c.Overdue();
  return boost::json::object{
      {"id", c.id.value},
      {"customer_ref", c.customer_ref},
      {"customer_name", c.customer_name},
      {"id_number", c.id_number_masked},
      {"stage", std::string(CaseStageName(c.stage))},
      {"owner", c.owner},
      {"currency", std::string(CurrencyCode(c.currency))},
      {"opened_at", c.opened_at},
      {"closed_at", c.closed_at.empty() ? boost::json::value(nullptr) : boost::json::value(c.closed_at)},
      {"close_reason", c.close_reason.empty() ? boost::json::value(nullptr) : boost::json::value(c.close_reason)},
      {"monitor_until", c.monitor_until ? boost::json::value(c.monitor_until->ToString()) : nullptr},
      {"bucket", c.Bucket()},
      {"days_past_due", c.MaxDaysPastDue()},
      {"overdue_total", Amount(overdue.TotalOverdue())},
      {"delinquency_reason", c.delinquency_reason},
      {"repayment_capacity", c.repayment_capacity ? boost::json::value(Amount(*c.repayment_capacity)) : nullptr},
      {"accounts", AccountsJson(c)},
      {"holds", std::move(holds)},
      {"promises", std::move(promises)},
      {"arrangements", std::move(arrangements)},
      {"disputes", std::move(disputes)},
      {"legal_matters", std::move(legal)},
      {"field_visits", std::move(visits)},
      {"contact_points", ContactPointsJson(c)}};
}

boost::json::object CustomerToJson(const app::CaseRecord& c) {
  return boost::json::object{{"customer_ref", c.customer_ref},
                             {"name", c.customer_name},
                             {"id_number", c.id_number_masked},
                             {"time_zone", c.time_zone},
                             {"language", c.language},
                             {"case", c.id.value},
                             {"accounts", AccountsJson(c)},
                             {"contact_points", ContactPointsJson(c)}};
}

boost::json::object CustomerMatchToJson(const app::CustomerMatch& m) {
  return boost::json::object{{"customer_ref", m.customer_ref},
                             {"name", m.name},
                             {"id_number", m.id_number_masked},
                             {"matched", m.matched},
                             {"case", m.case_id ? boost::json::value(m.case_id->value) : nullptr}};
}

boost::json::object PaymentToJson(const app::CasePayment& p) {
  return boost::json::object{{"id", p.id},
                             {"account_ref", p.account_ref},
                             {"payment_ref", p.payment_ref},
                             {"paid_at", p.paid_at},
                             {"value_date", p.value_date.ToString()},
                             {"amount", Amount(p.amount)},
                             {"currency", std::string(CurrencyCode(p.amount.currency()))},
                             {"channel", p.channel},
                             {"kind", p.kind}};
}

boost::json::object DocumentInfoToJson(const app::DocumentInfo& d) {
  return boost::json::object{{"id", d.id},
                             {"kind", d.kind},
                             {"file_name", d.file_name},
                             {"media_type", d.media_type},
                             {"size_bytes", d.size_bytes},
                             {"sha256", d.sha256},
                             {"uploaded_by", d.uploaded_by},
                             {"uploaded_at", d.uploaded_at}};
}

boost::json::object CaseSummaryToJson(const app::CaseSummary& s) {
  return boost::json::object{{"id", s.id.value},
                             {"customer_ref", s.customer_ref},
                             {"customer_name", s.customer_name},
                             {"stage", std::string(CaseStageName(s.stage))},
                             {"owner", s.owner},
                             {"overdue_total", Amount(s.overdue)},
                             {"currency", std::string(CurrencyCode(s.overdue.currency()))},
                             {"days_past_due", s.days_past_due},
                             {"opened_at", s.opened_at}};
}

boost::json::object TimelineEntryToJson(const app::TimelineEntry& e) {
  return boost::json::object{{"at", e.at}, {"kind", e.kind}, {"actor", e.actor}, {"summary", e.summary}};
}

boost::json::object ApprovalToJson(const app::ApprovalRecord& a) {
  return boost::json::object{{"id", a.id},
                             {"case", a.case_id.value},
                             {"subject", a.subject},
                             {"subject_id", a.subject_id},
                             {"reasons", a.reasons},
                             {"status", a.status},
                             {"requested_by", a.requested_by},
                             {"requested_at", a.requested_at},
                             {"expires_at", a.expires_at},
                             {"decided_by", a.decided_by},
                             {"decision_reason", a.decision_reason}};
}

Result<JsonBody> JsonBody::FromObject(boost::json::object object, const std::vector<const char*>& allowed) {
  JsonBody body;
  body.object_ = std::move(object);
  for (const auto& field : body.object_) {
    bool known = false;
    for (const char* name : allowed) known = known || field.key() == name;
    if (!known) return Fail("unknown field '" + std::string(field.key()) + "'", std::string(field.key()));
  }
  return body;
}

Result<JsonBody> JsonBody::Parse(const std::string& text, const std::vector<const char*>& allowed) {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(text.empty() ? std::string("{}") : text, ec);
  if (ec) return Fail("the body is not valid JSON: " + ec.message(), "body");
  if (!value.is_object()) return Fail("the body is a JSON object", "body");
  return FromObject(std::move(value.as_object()), allowed);
}

Result<std::string> JsonBody::Text(const char* field, bool required) const {
  const auto* value = object_.if_contains(field);
  if (!value || value->is_null()) {
    if (required) return Fail("required", field);
    return std::string();
  }
  if (!value->is_string()) return Fail("must be a string", field);
  return std::string(value->as_string());
}

Result<std::optional<std::int64_t>> JsonBody::Integer(const char* field) const {
  const auto* value = object_.if_contains(field);
  if (!value || value->is_null()) return std::optional<std::int64_t>();
  if (!value->is_int64() && !value->is_uint64()) return Fail("must be a whole number", field);
  return std::optional<std::int64_t>(value->to_number<std::int64_t>());
}

Result<bool> JsonBody::Boolean(const char* field) const {
  const auto* value = object_.if_contains(field);
  if (!value || value->is_null()) return false;
  if (!value->is_bool()) return Fail("must be true or false", field);
  return value->as_bool();
}

Result<std::vector<std::string>> JsonBody::TextList(const char* field) const {
  std::vector<std::string> list;
  const auto* value = object_.if_contains(field);
  if (!value || value->is_null()) return list;
  if (!value->is_array()) return Fail("must be a list of strings", field);
  for (const auto& item : value->as_array()) {
    if (!item.is_string()) return Fail("must be a list of strings", field);
    list.emplace_back(item.as_string());
  }
  return list;
}

Result<std::vector<JsonBody>> JsonBody::ObjectList(const char* field, const std::vector<const char*>& allowed) const {
  std::vector<JsonBody> list;
  const auto* value = object_.if_contains(field);
  if (!value || value->is_null()) return Fail("required", field);
  if (!value->is_array()) return Fail("must be a list of objects", field);
  for (std::size_t i = 0; i < value->as_array().size(); ++i) {
    const auto& item = value->as_array()[i];
    const std::string at = std::string(field) + "[" + std::to_string(i) + "]";
    if (!item.is_object()) return Fail("must be an object", at);
    auto body = FromObject(item.as_object(), allowed);
    if (!body) return Fail(body.error().message, at + "." + body.error().field);
    list.push_back(std::move(*body));
  }
  return list;
}

}  // namespace arrears::http
