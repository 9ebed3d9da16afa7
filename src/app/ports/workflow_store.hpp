// Port: the collection workflow's records, inside one transaction. The use
// cases load a case, apply the domain, write the change, and append an event
// that goes both onto the case's timeline and into the customer's audit chain
// (AppendEvent); the adapter (store/workflow) commits or rolls back the whole.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/workflow/case_records.hpp"
#include "app/workflow/message_records.hpp"
#include "policy/message_template.hpp"
#include "core/result.hpp"

namespace arrears::app {

struct OpenedCases {
  std::int64_t opened = 0;    // new cases
  std::int64_t reopened = 0;  // closed cases in their monitoring period, delinquent again
  std::int64_t accounts_added = 0;
};

// One entry of a case's story: on the timeline, and in the audit chain with
// the record's before and after images (personal data masked).
struct CaseEvent {
  std::string kind;     // "case.stage", "contact.call", "promise.new", ...
  std::string summary;  // one line a person reads
  std::string entity;   // the record changed: "case", "promise", ...
  std::int64_t entity_id = 0;
  std::optional<std::string> before;
  std::optional<std::string> after;
};

struct ContactAttemptRow {
  std::string at;
  std::string channel;
  std::string direction;
  std::string party;
  std::optional<std::int64_t> contact_point_id;
  std::string number_masked;
  std::string outcome;
  bool right_party_verified = false;
  std::string notes;
  std::string verdict;   // allow, warn, block
  std::string decision;  // the reasons, one per line
  bool made = false;
};

class WorkflowStore {
 public:
  virtual ~WorkflowStore() = default;

  // Reads.
  virtual std::optional<CaseRecord> LoadCase(CaseId id) = 0;
  virtual std::optional<CaseId> CaseOfCustomer(const std::string& customer_ref) = 0;  // open, else the latest
  virtual std::vector<CaseSummary> ListCases(const CaseQuery& query) = 0;
  // kind: id_number, mobile, landline or email; each match with its case (open, else the latest).
  virtual std::vector<CustomerMatch> FindCustomers(const std::string& kind, const std::string& value) = 0;
  virtual std::vector<ContactPoint> ContactPoints(CustomerId customer) = 0;
  virtual std::vector<PastContact> ContactsSince(CustomerId customer, const std::string& since) = 0;
  virtual std::vector<CasePayment> Payments(const CaseRecord& record) = 0;
  virtual std::optional<ApprovalRecord> LoadApproval(std::int64_t id) = 0;
  virtual std::vector<ApprovalRecord> PendingApprovals() = 0;
  virtual std::vector<TimelineEntry> Timeline(const CaseRecord& record) = 0;
  virtual std::vector<DocumentInfo> Documents(const CaseRecord& record) = 0;
  virtual std::optional<Document> LoadDocument(const CaseRecord& record, std::int64_t id) = 0;
  // Open cases with an open promise, an active arrangement, or nothing left overdue.
  virtual std::vector<CaseId> CasesWithOpenCommitments() = 0;
  // Open cases with a payment in the import batch.
  virtual std::vector<CaseId> CasesPaidInBatch(std::int64_t batch_id) = 0;

  // Writes. Each returns the new record's id where there is one.
  virtual OpenedCases OpenCases(Date as_of, const std::string& monitor_from) = 0;
  // The case row (stage, owner, closure, situation) as in `after`; kConflict
  // when someone changed it since `before` was read.
  virtual Status UpdateCase(const CaseRecord& before, const CaseRecord& after) = 0;
  // A closed case's reporting span (case_facts) ends: it was open until `until` (exclusive).
  virtual void EndCaseFacts(const CaseRecord& record, Date until) = 0;
  virtual std::int64_t AddHold(const CaseRecord& record, const Hold& hold) = 0;
  virtual void ReleaseHold(const CaseRecord& record, std::int64_t hold_id, const std::string& reason) = 0;
  virtual std::int64_t AddContactAttempt(const CaseRecord& record, const ContactAttemptRow& row) = 0;
  virtual void UpdateContactPoint(const ContactPoint& after) = 0;
  virtual std::int64_t AddContactPoint(const CaseRecord& record, const ContactPoint& point) = 0;
  virtual std::int64_t AddPromise(const CaseRecord& record, const PromiseRecord& promise, Date remind_on) = 0;
  virtual void UpdatePromise(const CaseRecord& record, const PromiseRecord& promise) = 0;
  virtual std::int64_t AddArrangement(const CaseRecord& record, const ArrangementRecord& arrangement) = 0;
  virtual void UpdateArrangement(const CaseRecord& record, const ArrangementRecord& arrangement) = 0;
  virtual std::int64_t AddApproval(const ApprovalRecord& approval) = 0;
  virtual void UpdateApproval(const ApprovalRecord& approval) = 0;
  virtual std::int64_t AddDispute(const CaseRecord& record, const DisputeRecord& dispute) = 0;
  virtual void UpdateDispute(const CaseRecord& record, const DisputeRecord& dispute) = 0;
  // Lowers (or raises, with a negative amount) the overdue part of one component.
  virtual void ReduceOverdue(const CaseRecord& record, AccountId account, Component component, Money amount) = 0;
  virtual std::int64_t AddLetterRequest(const CaseRecord& record, const std::string& kind) = 0;
  virtual std::int64_t AddFieldVisit(const CaseRecord& record, const FieldVisit& visit) = 0;
  virtual void UpdateFieldVisit(const CaseRecord& record, const FieldVisit& visit) = 0;
  virtual std::int64_t AddLegalMatter(const CaseRecord& record, const LegalMatter& matter) = 0;
  virtual void UpdateLegalMatter(const CaseRecord& record, const LegalMatter& matter) = 0;
  virtual std::int64_t AddDocument(const CaseRecord& record, const Document& document) = 0;
  virtual void AppendEvent(const CaseRecord& record, const CaseEvent& event) = 0;

  // Messages. Templates: the latest version of an id in a language, every id's latest, and a new version (its
  // number returned).
  virtual std::optional<policy::MessageTemplate> LatestTemplate(const std::string& id, const std::string& language) = 0;
  virtual std::vector<policy::MessageTemplate> LatestTemplates() = 0;
  virtual int SaveTemplate(const policy::MessageTemplate& draft) = 0;
  // Call scripts: the latest version of each (its YAML source), and a new version of one.
  struct StoredScript {
    std::string id;
    int version = 0;
    std::string source;
    std::string saved_by;
    std::string saved_at;
  };
  virtual std::vector<StoredScript> LatestCallScripts() = 0;
  virtual int SaveCallScript(const std::string& id, const std::string& source) = 0;
  // The outbox: an entry added (its id returned), changed, read by id or by the provider's id; the entries due by
  // `now` (queued or held, oldest first, and those left `sending` before `stale_before`); a case's entries.
  virtual std::int64_t AddOutbox(const CaseRecord& record, const OutboxEntry& entry) = 0;
  virtual void UpdateOutbox(const OutboxEntry& entry) = 0;
  virtual std::optional<OutboxEntry> LoadOutbox(CustomerId customer, std::int64_t id) = 0;
  virtual std::optional<OutboxEntry> OutboxByProvider(const std::string& channel, const std::string& provider_id) = 0;
  virtual std::vector<std::pair<CustomerId, std::int64_t>> DueOutbox(const std::string& now, const std::string& stale_before,
                                                                    int limit) = 0;
  virtual std::vector<OutboxEntry> CaseOutbox(const CaseRecord& record) = 0;
  // Media the customer opted out of.
  virtual std::vector<OptOut> OptOuts(CustomerId customer) = 0;
  virtual void AddOptOut(CustomerId customer, const OptOut& opt_out) = 0;
  // Whose own number or address has this blind index (a reply's sender): one customer, or none.
  virtual std::optional<ContactOwner> OwnerOfContact(const std::string& value_index) = 0;
  // An event about no one case (an export, a search): into the system audit chain only.
  virtual void AppendSystemEvent(const CaseEvent& event) = 0;
};

}  // namespace arrears::app
