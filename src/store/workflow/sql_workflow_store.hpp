// The workflow's records in portable SQL (SQLite and PostgreSQL), inside the
// caller's transaction: cases and their accounts, holds, contact attempts,
// promises, arrangements, approvals, disputes, documents, letters, visits
// and legal matters. Every AppendEvent writes the case's timeline and the
// customer's audit chain together.
#pragma once

#include <initializer_list>
#include <string>

#include "app/ports/personal_data_vault.hpp"
#include "app/ports/workflow_store.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"

namespace arrears::store {

class SqlWorkflowStore final : public app::WorkflowStore {
 public:
  // `actor` and `now` (UTC, "...Z") stamp every row and event written.
  SqlWorkflowStore(Session& session, const app::PersonalDataVault& vault, std::string actor, std::string now);

  std::optional<app::CaseRecord> LoadCase(CaseId id) override;
  std::optional<CaseId> CaseOfCustomer(const std::string& customer_ref) override;
  std::vector<app::CaseSummary> ListCases(const app::CaseQuery& query) override;
  std::vector<app::CustomerMatch> FindCustomers(const std::string& kind, const std::string& value) override;
  std::vector<app::ContactPoint> ContactPoints(CustomerId customer) override;
  std::vector<app::PastContact> ContactsSince(CustomerId customer, const std::string& since) override;
  std::vector<app::CasePayment> Payments(const app::CaseRecord& record) override;
  std::optional<app::ApprovalRecord> LoadApproval(std::int64_t id) override;
  std::vector<app::ApprovalRecord> PendingApprovals() override;
  std::vector<app::TimelineEntry> Timeline(const app::CaseRecord& record) override;
  std::vector<app::DocumentInfo> Documents(const app::CaseRecord& record) override;
  std::optional<app::Document> LoadDocument(const app::CaseRecord& record, std::int64_t id) override;
  std::vector<CaseId> CasesWithOpenCommitments() override;
  std::vector<CaseId> CasesPaidInBatch(std::int64_t batch_id) override;

  app::OpenedCases OpenCases(Date as_of, const std::string& monitor_from) override;
  Status UpdateCase(const app::CaseRecord& before, const app::CaseRecord& after) override;
  void EndCaseFacts(const app::CaseRecord& record, Date until) override;
  std::int64_t AddHold(const app::CaseRecord& record, const app::Hold& hold) override;
  void ReleaseHold(const app::CaseRecord& record, std::int64_t hold_id, const std::string& reason) override;
  std::int64_t AddContactAttempt(const app::CaseRecord& record, const app::ContactAttemptRow& row) override;
  void UpdateContactPoint(const app::ContactPoint& after) override;
  std::int64_t AddContactPoint(const app::CaseRecord& record, const app::ContactPoint& point) override;
  std::int64_t AddPromise(const app::CaseRecord& record, const app::PromiseRecord& promise, Date remind_on) override;
  void UpdatePromise(const app::CaseRecord& record, const app::PromiseRecord& promise) override;
  std::int64_t AddArrangement(const app::CaseRecord& record, const app::ArrangementRecord& arrangement) override;
  void UpdateArrangement(const app::CaseRecord& record, const app::ArrangementRecord& arrangement) override;
  std::int64_t AddApproval(const app::ApprovalRecord& approval) override;
  void UpdateApproval(const app::ApprovalRecord& approval) override;
  std::int64_t AddDispute(const app::CaseRecord& record, const app::DisputeRecord& dispute) override;
  void UpdateDispute(const app::CaseRecord& record, const app::DisputeRecord& dispute) override;
  void ReduceOverdue(const app::CaseRecord& record, AccountId account, Component component, Money amount) override;
  std::int64_t AddLetterRequest(const app::CaseRecord& record, const std::string& kind) override;
  std::int64_t AddFieldVisit(const app::CaseRecord& record, const app::FieldVisit& visit) override;
  void UpdateFieldVisit(const app::CaseRecord& record, const app::FieldVisit& visit) override;
  std::int64_t AddLegalMatter(const app::CaseRecord& record, const app::LegalMatter& matter) override;
  void UpdateLegalMatter(const app::CaseRecord& record, const app::LegalMatter& matter) override;
  std::int64_t AddDocument(const app::CaseRecord& record, const app::Document& document) override;
  void AppendEvent(const app::CaseRecord& record, const app::CaseEvent& event) override;
  void AppendSystemEvent(const app::CaseEvent& event) override;

  std::optional<policy::MessageTemplate> LatestTemplate(const std::string& id, const std::string& language) override;
  std::vector<policy::MessageTemplate> LatestTemplates() override;
  int SaveTemplate(const policy::MessageTemplate& draft) override;
  std::vector<StoredScript> LatestCallScripts() override;
  int SaveCallScript(const std::string& id, const std::string& source) override;
  std::int64_t AddOutbox(const app::CaseRecord& record, const app::OutboxEntry& entry) override;
  void UpdateOutbox(const app::OutboxEntry& entry) override;
  std::optional<app::OutboxEntry> LoadOutbox(CustomerId customer, std::int64_t id) override;
  std::optional<app::OutboxEntry> OutboxByProvider(const std::string& channel, const std::string& provider_id) override;
  std::vector<std::pair<CustomerId, std::int64_t>> DueOutbox(const std::string& now, const std::string& stale_before,
                                                            int limit) override;
  std::vector<app::OutboxEntry> CaseOutbox(const app::CaseRecord& record) override;
  std::vector<app::OptOut> OptOuts(CustomerId customer) override;
  void AddOptOut(CustomerId customer, const app::OptOut& opt_out) override;
  std::optional<app::ContactOwner> OwnerOfContact(const std::string& value_index) override;

 private:
  std::vector<Row> Query(std::string_view sql, std::initializer_list<SqlValue> params);
  std::int64_t Execute(std::string_view sql, std::initializer_list<SqlValue> params);
  void LoadArrangements(app::CaseRecord& record);

  Session& session_;
  const app::PersonalDataVault& vault_;
  std::string actor_;
  std::string now_;
  AuditWriter audit_;
};

// The open cases a payments import batch paid into (the import runs their evaluation).
std::vector<CaseId> OpenCasesPaidInBatch(Session& session, std::int64_t batch_id);

// "penalty_interest=1000000,late_fee=500000": shares by component, and back.
std::string EncodeShares(const std::array<std::int64_t, kComponentCount>& ppm);
std::array<std::int64_t, kComponentCount> DecodeShares(const std::string& text);

}  // namespace arrears::store
