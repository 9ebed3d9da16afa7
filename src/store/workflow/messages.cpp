// The workflow store's messages: templates by version, the outbox (recipient
// and text sealed), and the media customers opted out of.
#include "store/sequences.hpp"
#include "store/value_mapping.hpp"
#include "store/workflow/sql_workflow_store.hpp"

namespace arrears::store {

namespace {

policy::MessageTemplate TemplateFrom(const Row& r) {
  policy::MessageTemplate t;
  t.id = r.Text(0);
  t.language = r.Text(1);
  t.version = static_cast<int>(r.Int(2));
  t.channel = policy::ParseChannel(r.Text(3)).value_or(policy::Channel::kSms);
  t.subject = r.IsNull(4) ? "" : r.Text(4);
  t.body = r.Text(5);
  return t;
}

constexpr const char* kTemplateColumns = "t.id, t.language, t.version, t.channel, t.subject, t.body";

constexpr const char* kOutboxColumns =
    "customer_id, id, case_id, channel, contact_point_id, recipient_masked, template_id, template_language, "
    "template_version, subject_cipher, body_cipher, segments, status, reason, attempts, next_attempt_at, queued_by, "
    "queued_at, sent_at, delivered_at, provider_id";

std::string TextOrEmpty(const Row& r, std::size_t column) { return r.IsNull(column) ? "" : r.Text(column); }

}  // namespace

std::optional<policy::MessageTemplate> SqlWorkflowStore::LatestTemplate(const std::string& id,
                                                                        const std::string& language) {
  const auto rows = Query(std::string("SELECT ") + kTemplateColumns +
                              " FROM message_templates t WHERE t.id = $1 AND t.language = $2 ORDER BY t.version DESC "
                              "LIMIT 1",
                          {Text(id), Text(language)});
  if (rows.empty()) return std::nullopt;
  return TemplateFrom(rows[0]);
}

std::vector<policy::MessageTemplate> SqlWorkflowStore::LatestTemplates() {
  std::vector<policy::MessageTemplate> templates;
  for (const Row& r : Query(std::string("SELECT ") + kTemplateColumns +
                                " FROM message_templates t WHERE t.version = (SELECT MAX(l.version) FROM "
                                "message_templates l WHERE l.id = t.id AND l.language = t.language) "
                                "ORDER BY t.id, t.language",
                            {})) {
    templates.push_back(TemplateFrom(r));
  }
  return templates;
}

int SqlWorkflowStore::SaveTemplate(const policy::MessageTemplate& draft) {
  const auto rows = Query("SELECT COALESCE(MAX(version), 0) + 1 FROM message_templates WHERE id = $1 AND language = $2",
                          {Text(draft.id), Text(draft.language)});
  const auto version = static_cast<int>(rows[0].Int(0));
  Execute("INSERT INTO message_templates (id, language, version, channel, subject, body, saved_by, saved_at) VALUES "
          "($1, $2, $3, $4, $5, $6, $7, $8)",
          {Text(draft.id), Text(draft.language), Int(version), Text(policy::ChannelName(draft.channel)),
           TextOrNull(draft.subject), Text(draft.body), Text(actor_), Text(now_)});
  return version;
}

std::vector<app::WorkflowStore::StoredScript> SqlWorkflowStore::LatestCallScripts() {
  std::vector<StoredScript> scripts;
  for (const Row& r : Query("SELECT s.id, s.version, s.source, s.saved_by, s.saved_at FROM call_scripts s WHERE "
                            "s.version = (SELECT MAX(l.version) FROM call_scripts l WHERE l.id = s.id) ORDER BY s.id",
                            {})) {
    scripts.push_back({r.Text(0), static_cast<int>(r.Int(1)), r.Text(2), r.Text(3), r.Text(4)});
  }
  return scripts;
}

int SqlWorkflowStore::SaveCallScript(const std::string& id, const std::string& source) {
  const auto version =
      static_cast<int>(Query("SELECT COALESCE(MAX(version), 0) + 1 FROM call_scripts WHERE id = $1", {Text(id)})[0].Int(0));
  Execute("INSERT INTO call_scripts (id, version, source, saved_by, saved_at) VALUES ($1, $2, $3, $4, $5)",
          {Text(id), Int(version), Text(source), Text(actor_), Text(now_)});
  return version;
}

std::int64_t SqlWorkflowStore::AddOutbox(const app::CaseRecord& record, const app::OutboxEntry& e) {
  const std::int64_t id = ReserveId(session_, "outbox");
  Execute("INSERT INTO outbox (customer_id, id, case_id, channel, contact_point_id, recipient_masked, template_id, "
          "template_language, template_version, subject_cipher, body_cipher, segments, status, reason, attempts, "
          "next_attempt_at, queued_by, queued_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
          "$15, $16, $17, $18)",
          {Int(record.customer.value), Int(id), Int(record.id.value), Text(e.channel), Int(e.contact_point_id),
           Text(e.recipient_masked), Text(e.template_id), Text(e.template_language), Int(e.template_version),
           e.subject.empty() ? Null() : Text(vault_.Seal(e.subject)), Text(vault_.Seal(e.body)), Int(e.segments),
           Text(e.status), TextOrNull(e.reason), Int(e.attempts), Text(e.next_attempt_at), Text(actor_), Text(now_)});
  return id;
}

void SqlWorkflowStore::UpdateOutbox(const app::OutboxEntry& e) {
  Execute("UPDATE outbox SET status = $3, reason = $4, attempts = $5, next_attempt_at = $6, sent_at = $7, "
          "delivered_at = $8, provider_id = $9 WHERE customer_id = $1 AND id = $2",
          {Int(e.customer.value), Int(e.id), Text(e.status), TextOrNull(e.reason), Int(e.attempts),
           Text(e.next_attempt_at), TextOrNull(e.sent_at), TextOrNull(e.delivered_at), TextOrNull(e.provider_id)});
}

namespace {

app::OutboxEntry OutboxFrom(const Row& r, const app::PersonalDataVault& vault) {
  app::OutboxEntry e;
  e.customer = CustomerId{r.Int(0)};
  e.id = r.Int(1);
  e.case_id = CaseId{r.Int(2)};
  e.channel = r.Text(3);
  e.contact_point_id = r.Int(4);
  e.recipient_masked = r.Text(5);
  e.template_id = r.Text(6);
  e.template_language = r.Text(7);
  e.template_version = static_cast<int>(r.Int(8));
  e.subject = r.IsNull(9) ? "" : vault.Open(r.Text(9));
  e.body = vault.Open(r.Text(10));
  e.segments = static_cast<int>(r.Int(11));
  e.status = r.Text(12);
  e.reason = TextOrEmpty(r, 13);
  e.attempts = static_cast<int>(r.Int(14));
  e.next_attempt_at = r.Text(15);
  e.queued_by = r.Text(16);
  e.queued_at = r.Text(17);
  e.sent_at = TextOrEmpty(r, 18);
  e.delivered_at = TextOrEmpty(r, 19);
  e.provider_id = TextOrEmpty(r, 20);
  return e;
}

}  // namespace

std::optional<app::OutboxEntry> SqlWorkflowStore::LoadOutbox(CustomerId customer, std::int64_t id) {
  const auto rows = Query(std::string("SELECT ") + kOutboxColumns + " FROM outbox WHERE customer_id = $1 AND id = $2",
                          {Int(customer.value), Int(id)});
  if (rows.empty()) return std::nullopt;
  return OutboxFrom(rows[0], vault_);
}

std::optional<app::OutboxEntry> SqlWorkflowStore::OutboxByProvider(const std::string& channel,
                                                                   const std::string& provider_id) {
  const auto rows = Query(std::string("SELECT ") + kOutboxColumns + " FROM outbox WHERE channel = $1 AND provider_id = $2",
                          {Text(channel), Text(provider_id)});
  if (rows.empty()) return std::nullopt;
  return OutboxFrom(rows[0], vault_);
}

std::vector<std::pair<CustomerId, std::int64_t>> SqlWorkflowStore::DueOutbox(const std::string& now,
                                                                            const std::string& stale_before, int limit) {
  std::vector<std::pair<CustomerId, std::int64_t>> due;
  for (const Row& r : Query("SELECT customer_id, id FROM outbox WHERE (status IN ('queued', 'held') AND "
                            "next_attempt_at <= $1) OR (status = 'sending' AND next_attempt_at < $2) "
                            "ORDER BY next_attempt_at, customer_id, id LIMIT $3",
                            {Text(now), Text(stale_before), Int(limit)})) {
    due.emplace_back(CustomerId{r.Int(0)}, r.Int(1));
  }
  return due;
}

std::vector<app::OutboxEntry> SqlWorkflowStore::CaseOutbox(const app::CaseRecord& record) {
  std::vector<app::OutboxEntry> entries;
  for (const Row& r : Query(std::string("SELECT ") + kOutboxColumns +
                                " FROM outbox WHERE customer_id = $1 AND case_id = $2 ORDER BY id",
                            {Int(record.customer.value), Int(record.id.value)})) {
    entries.push_back(OutboxFrom(r, vault_));
  }
  return entries;
}

std::vector<app::OptOut> SqlWorkflowStore::OptOuts(CustomerId customer) {
  std::vector<app::OptOut> opt_outs;
  for (const Row& r : Query("SELECT channel, at, source FROM medium_opt_outs WHERE customer_id = $1 ORDER BY id",
                            {Int(customer.value)})) {
    opt_outs.push_back({r.Text(0), r.Text(1), r.Text(2)});
  }
  return opt_outs;
}

void SqlWorkflowStore::AddOptOut(CustomerId customer, const app::OptOut& opt_out) {
  const std::int64_t id = ReserveId(session_, "medium_opt_out");
  Execute("INSERT INTO medium_opt_outs (customer_id, id, channel, at, source) VALUES ($1, $2, $3, $4, $5)",
          {Int(customer.value), Int(id), Text(opt_out.channel), Text(opt_out.at), Text(opt_out.source)});
}

std::optional<app::ContactOwner> SqlWorkflowStore::OwnerOfContact(const std::string& value_index) {
  const auto rows = Query("SELECT DISTINCT customer_id FROM contact_points WHERE value_index = $1 AND relation = 'self' "
                          "ORDER BY customer_id",
                          {Text(value_index)});
  if (rows.size() != 1) return std::nullopt;  // none, or a number shared by several customers: not ours to guess
  app::ContactOwner owner{CustomerId{rows[0].Int(0)}, std::nullopt};
  const auto cases = Query("SELECT id FROM cases WHERE customer_id = $1 ORDER BY CASE WHEN closed_at IS NULL THEN 0 "
                           "ELSE 1 END, id DESC LIMIT 1",
                           {Int(owner.customer.value)});
  if (!cases.empty()) owner.case_id = CaseId{cases[0].Int(0)};
  return owner;
}

}  // namespace arrears::store
