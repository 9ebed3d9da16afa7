// /api/v1/cases and /api/v1/approvals: every workflow use case, each handler
// parsing its body, running the use case in one transaction, and mapping the
// result. Scope is applied by the use cases: a case outside it is a 404.
#include <boost/json.hpp>
#include <charconv>

#include "app/workflow/cases.hpp"
#include "app/workflow/commitments.hpp"
#include "app/workflow/contacts.hpp"
#include "app/workflow/disputes.hpp"
#include "app/workflow/escalation.hpp"
#include "app/workflow/reveal.hpp"
#include "files/csv_field.hpp"
#include "http/api.hpp"
#include "http/use_case_call.hpp"

namespace arrears::http {

namespace {

namespace json = boost::json;
using app::Role;

// The list's filters from the query string: stage, owner, closed=include, cursor, limit.
Result<app::CaseQuery> CaseQueryFrom(const Request& request) {
  app::CaseQuery query;
  const auto& q = request.query;
  if (auto it = q.find("stage"); it != q.end()) {
    query.stage = ParseCaseStage(it->second);
    if (!query.stage) return Fail("unknown stage '" + it->second + "'", "stage");
  }
  if (auto it = q.find("owner"); it != q.end()) query.owner = it->second;
  if (auto it = q.find("closed"); it != q.end()) query.open_only = it->second != "include";
  // Whole numbers, all of the text: "50x" is not 50.
  const auto whole = [&q](const char* name, auto& target) {
    const auto it = q.find(name);
    if (it == q.end()) return true;
    const char* end = it->second.data() + it->second.size();
    const auto [stop, ec] = std::from_chars(it->second.data(), end, target);
    return ec == std::errc{} && stop == end;
  };
  if (!whole("cursor", query.after_id)) return Fail("cursor is the value next_cursor gave", "cursor");
  if (!whole("limit", query.limit)) return Fail("limit is a whole number", "limit");
  return query;
}

Result<ArrangementTerms> TermsFrom(const JsonBody& body) {
  ArrangementTerms terms;
  auto kind_text = body.Text("kind", false);
  if (!kind_text) return Fail(kind_text.error());
  const auto kind = ParseArrangementKind(kind_text->empty() ? "installment" : *kind_text);
  if (!kind) return Fail("kind is installment, deferral or settlement", "kind");
  terms.kind = *kind;
  auto periods = body.Integer("periods");
  if (!periods) return Fail(periods.error());
  terms.periods = static_cast<int>(periods->value_or(1));
  auto days = body.Integer("deferral_days");
  if (!days) return Fail(days.error());
  terms.deferral_days = static_cast<int>(days->value_or(0));
  auto first_due = DateField(body, "first_due");
  if (!first_due) return Fail(first_due.error());
  terms.first_due = *first_due;
  auto waive = body.TextList("waive");
  if (!waive) return Fail(waive.error());
  for (const std::string& item : *waive) {
    const std::size_t equals = item.find('=');
    const auto component = equals == std::string::npos ? std::nullopt : ParseComponent(item.substr(0, equals));
    if (!component) return Fail("each waiver is COMPONENT=SHARE, e.g. penalty_interest=100%", "waive");
    auto share = ParseShare(item.substr(equals + 1), "waive");
    if (!share) return Fail(share.error());
    terms.waiver_ppm[static_cast<std::size_t>(*component)] = *share;
  }
  return terms;
}

json::object ProposalJson(const app::ArrangementProposal& p) {
  json::array beyond;
  for (const std::string& b : p.beyond_authority) beyond.push_back(json::string(b));
  json::array installments;
  for (const PlannedInstallment& i : p.plan.installments) {
    installments.push_back(json::object{{"number", i.number}, {"due", i.due.ToString()}, {"amount", FormatAmount(i.amount)}});
  }
  json::object out{{"status", p.status},
                   {"beyond_authority", std::move(beyond)},
                   {"owed", FormatAmount(p.plan.owed)},
                   {"waived", FormatAmount(p.plan.waived_total)},
                   {"to_pay", FormatAmount(p.plan.to_pay)},
                   {"currency", std::string(CurrencyCode(p.plan.owed.currency()))},
                   {"installments", std::move(installments)}};
  if (p.arrangement_id) out["arrangement"] = p.arrangement_id;
  if (p.approval_id) out["approval"] = *p.approval_id;
  return out;
}

}  // namespace

void AddCaseRoutes(Router& router) {
  router.Add({"GET", "/api/v1/cases", Access::kRead, {}, [](Call& call) {
                return Work(call, false, 200, [&](app::WorkflowContext& context) -> Outcome {
                  ARREARS_TRY(query, CaseQueryFrom(call.request));
                  auto cases = app::ListCases(context, query);
                  if (!cases) return Fail(cases.error());
                  json::array items;
                  for (const app::CaseSummary& s : *cases) items.push_back(CaseSummaryToJson(s));
                  json::object page{{"items", std::move(items)}};
                  page["next_cursor"] = static_cast<int>(cases->size()) == query.limit && !cases->empty()
                                            ? json::value(std::to_string(cases->back().id.value))
                                            : json::value(nullptr);
                  return json::value(std::move(page));
                });
              }});
  router.Add({"GET", "/api/v1/exports/cases", Access::kRead,
              {Role::kTeamLead, Role::kSupervisor, Role::kCompliance, Role::kAuditor, Role::kAdmin}, [](Call& call) {
                constexpr int kMaxRows = 100000;
                std::string csv;
                Response answer = Work(call, true, 200, [&](app::WorkflowContext& context) -> Outcome {
                  ARREARS_TRY(query, CaseQueryFrom(call.request));
                  ARREARS_TRY(cases, app::ExportCases(context, query, kMaxRows));
                  csv = "case,customer_ref,customer_name,stage,owner,currency,overdue,days_past_due,opened_at\n";
                  for (const app::CaseSummary& c : cases) {
                    csv += std::to_string(c.id.value) + ',' + files::CsvField(c.customer_ref) + ',' +
                           files::CsvField(c.customer_name) + ',' + std::string(CaseStageName(c.stage)) + ',' +
                           files::CsvField(c.owner) + ',' + std::string(CurrencyCode(c.overdue.currency())) + ',' +
                           FormatAmount(c.overdue) + ',' + std::to_string(c.days_past_due) + ',' + c.opened_at + '\n';
                  }
                  return json::value(nullptr);
                });
                if (answer.status != 200) return answer;
                Response response;
                response.Set("Content-Type", "text/csv; charset=utf-8");
                response.Set("Content-Disposition", "attachment; filename=\"cases.csv\"");
                // A byte-order mark so that Excel opens the Chinese names as UTF-8.
                response.body = "\xEF\xBB\xBF" + std::move(csv);
                return response;
              }});
  router.Add({"GET", "/api/v1/cases/{id}", Access::kRead, {},
              OnCase(false, 200, {}, [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody&) -> Outcome {
                ARREARS_TRY(record, app::ShowCase(c, id));
                return json::value(CaseToJson(record));
              })});
  router.Add({"GET", "/api/v1/cases/{id}/timeline", Access::kRead, {},
              OnCase(false, 200, {}, [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody&) -> Outcome {
                ARREARS_TRY(entries, app::CaseTimeline(c, id));
                json::array items;
                for (const app::TimelineEntry& e : entries) items.push_back(TimelineEntryToJson(e));
                return json::value(json::object{{"case", id.value}, {"timeline", std::move(items)}});
              })});
  router.Add({"POST", "/api/v1/cases/{id}/contacts", Access::kWrite, kWorkers,
              OnCase(true, 201,
                     {"channel", "outcome", "party", "inbound", "contact_point", "notes", "message", "verify_name",
                      "verify_id", "collectors"},
                     [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody& b) -> Outcome {
                       app::ContactRequest request;
                       ARREARS_TRY(channel, b.Text("channel"));
                       ARREARS_TRY(outcome, b.Text("outcome"));
                       ARREARS_TRY(party, b.Text("party", false));
                       ARREARS_TRY(inbound, b.Boolean("inbound"));
                       ARREARS_TRY(point, b.Integer("contact_point"));
                       ARREARS_TRY(notes, b.Text("notes", false));
                       ARREARS_TRY(message, b.Text("message", false));
                       ARREARS_TRY(verify_name, b.Text("verify_name", false));
                       ARREARS_TRY(verify_id, b.Text("verify_id", false));
                       ARREARS_TRY(collectors, b.Integer("collectors"));
                       request.channel = channel;
                       request.outcome = outcome;
                       if (!party.empty()) request.party = party;
                       request.inbound = inbound;
                       request.contact_point_id = point;
                       request.notes = notes;
                       request.message = message;
                       if (!verify_name.empty()) request.verify_name = verify_name;
                       if (!verify_id.empty()) request.verify_id_digits = verify_id;
                       if (collectors) request.collectors = static_cast<int>(*collectors);
                       ARREARS_TRY(logged, app::LogContact(c, id, request));
                       json::array reasons;
                       for (const std::string& r : logged.reasons) reasons.push_back(json::string(r));
                       json::object out{{"attempt", logged.attempt_id},
                                        {"made", logged.made},
                                        {"verdict", logged.verdict},
                                        {"reasons", std::move(reasons)}};
                       if (logged.right_party_verified) out["right_party_verified"] = *logged.right_party_verified;
                       return json::value(std::move(out));
                     })});
  router.Add({"POST", "/api/v1/cases/{id}/promises", Access::kWrite, kWorkers,
              OnCase(true, 201, {"amount", "date", "channel"},
                     [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody& b) -> Outcome {
                       ARREARS_TRY(amount, AmountField(b, "amount"));
                       ARREARS_TRY(date, DateField(b, "date"));
                       ARREARS_TRY(channel, b.Text("channel", false));
                       ARREARS_TRY(promise, app::RecordPromise(c, id, amount, date, channel));
                       return Done({{"promise", promise}});
                     })});
  for (const bool preview : {true, false}) {
    router.Add({"POST", preview ? "/api/v1/cases/{id}/arrangements/preview" : "/api/v1/cases/{id}/arrangements",
                Access::kWrite, kWorkers,
                OnCase(true, preview ? 200 : 201, {"kind", "periods", "deferral_days", "first_due", "waive"},
                       [preview](app::WorkflowContext& c, Call&, CaseId id, const JsonBody& b) -> Outcome {
                         ARREARS_TRY(terms, TermsFrom(b));
                         ARREARS_TRY(proposal, preview ? app::PreviewArrangement(c, id, terms)
                                                       : app::ProposeArrangement(c, id, terms));
                         return json::value(ProposalJson(proposal));
                       })});
  }
  router.Add({"POST", "/api/v1/cases/{id}/stage", Access::kWrite, kWorkers,
              OnCase(true, 200, {"stage", "reason"},
                     [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody& b) -> Outcome {
                       ARREARS_TRY(stage_text, b.Text("stage"));
                       ARREARS_TRY(reason, b.Text("reason"));
                       const auto stage = ParseCaseStage(stage_text);
                       if (!stage) return Fail("unknown stage '" + stage_text + "'", "stage");
                       if (auto moved = app::ChangeStage(c, id, *stage, reason); !moved) return Fail(moved.error());
                       return Done({{"case", id.value}, {"stage", stage_text}});
                     })});
  router.Add({"POST", "/api/v1/cases/{id}/assign", Access::kWrite, {Role::kTeamLead, Role::kSupervisor, Role::kAdmin},
              OnCase(true, 200, {"owner"}, [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody& b) -> Outcome {
                ARREARS_TRY(owner, b.Text("owner"));
                if (auto assigned = app::AssignCase(c, id, owner); !assigned) return Fail(assigned.error());
                return Done({{"case", id.value}, {"owner", owner}});
              })});
  router.Add({"POST", "/api/v1/cases/{id}/holds", Access::kWrite, {},
              OnCase(true, 201, {"kind", "reason"},
                     [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody& b) -> Outcome {
                       ARREARS_TRY(kind_text, b.Text("kind"));
                       ARREARS_TRY(reason, b.Text("reason"));
                       const auto kind = ParseHoldKind(kind_text);
                       if (!kind) return Fail("unknown hold kind '" + kind_text + "'", "kind");
                       ARREARS_TRY(hold, app::PlaceHold(c, id, *kind, reason));
                       return Done({{"hold", hold}});
                     })});
  router.Add({"POST", "/api/v1/cases/{id}/holds/{hold}/release", Access::kWrite, {},
              OnCase(true, 200, {"reason"},
                     [](app::WorkflowContext& c, Call& call, CaseId id, const JsonBody& b) -> Outcome {
                       ARREARS_TRY(hold, IdParam(call, "hold"));
                       ARREARS_TRY(reason, b.Text("reason"));
                       if (auto released = app::ReleaseHold(c, id, hold, reason); !released) return Fail(released.error());
                       return Done({{"hold", hold}, {"released", true}});
                     })});
  router.Add({"POST", "/api/v1/cases/{id}/close", Access::kWrite, kWorkers,
              OnCase(true, 200, {"reason", "note"},
                     [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody& b) -> Outcome {
                       ARREARS_TRY(reason_text, b.Text("reason"));
                       ARREARS_TRY(note, b.Text("note", false));
                       const auto reason = ParseCloseReason(reason_text);
                       if (!reason) return Fail("unknown closing reason '" + reason_text + "'", "reason");
                       if (auto closed = app::CloseCase(c, id, *reason, note); !closed) return Fail(closed.error());
                       return Done({{"case", id.value}, {"stage", "closed"}});
                     })});
  router.Add({"POST", "/api/v1/cases/{id}/disputes", Access::kWrite, {},
              OnCase(true, 201, {"account_ref", "kind", "description", "component", "amount"},
                     [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody& b) -> Outcome {
                       app::DisputeRequest request;
                       ARREARS_TRY(account, b.Text("account_ref"));
                       ARREARS_TRY(kind, b.Text("kind"));
                       ARREARS_TRY(description, b.Text("description"));
                       ARREARS_TRY(component, b.Text("component", false));
                       ARREARS_TRY(amount, b.Text("amount", false));
                       request = {account, kind, description, std::nullopt, std::nullopt};
                       if (!component.empty()) {
                         request.component = ParseComponent(component);
                         if (!request.component) return Fail("unknown component '" + component + "'", "component");
                       }
                       if (!amount.empty()) {
                         ARREARS_TRY(money, ParseAmount(amount, Currency::kCNY, "amount"));
                         request.amount = money;
                       }
                       ARREARS_TRY(dispute, app::OpenDispute(c, id, request));
                       return Done({{"dispute", dispute}});
                     })});
  router.Add({"POST", "/api/v1/cases/{id}/disputes/{dispute}/resolve", Access::kWrite, {},
              OnCase(true, 200, {"upheld", "reason"},
                     [](app::WorkflowContext& c, Call& call, CaseId id, const JsonBody& b) -> Outcome {
                       ARREARS_TRY(dispute, IdParam(call, "dispute"));
                       ARREARS_TRY(upheld, b.Boolean("upheld"));
                       ARREARS_TRY(reason, b.Text("reason"));
                       if (auto resolved = app::ResolveDispute(c, id, dispute, upheld, reason); !resolved) {
                         return Fail(resolved.error());
                       }
                       return Done({{"dispute", dispute}, {"status", upheld ? "upheld" : "rejected"}});
                     })});
  router.Add({"POST", "/api/v1/cases/{id}/letters", Access::kWrite, kWorkers,
              OnCase(true, 201, {"kind"}, [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody& b) -> Outcome {
                ARREARS_TRY(kind, b.Text("kind"));
                ARREARS_TRY(letter, app::RequestLetter(c, id, kind));
                return Done({{"letter_request", letter}});
              })});
  router.Add({"POST", "/api/v1/cases/{id}/legal", Access::kWrite, {Role::kSupervisor, Role::kTeamLead, Role::kLegal},
              OnCase(true, 201, {"reason"}, [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody& b) -> Outcome {
                ARREARS_TRY(reason, b.Text("reason"));
                ARREARS_TRY(matter, app::TransferToLegal(c, id, reason));
                return Done({{"legal_matter", matter}});
              })});
  router.Add({"POST", "/api/v1/cases/{id}/reveal", Access::kWrite, {},
              OnCase(true, 200, {"field", "contact_point", "purpose"},
                     [](app::WorkflowContext& c, Call&, CaseId id, const JsonBody& b) -> Outcome {
                       ARREARS_TRY(field, b.Text("field"));
                       ARREARS_TRY(point, b.Integer("contact_point"));
                       ARREARS_TRY(purpose, b.Text("purpose"));
                       ARREARS_TRY(clear, app::RevealPersonalData(c, id, field, point, purpose));
                       return Done({{"field", field}, {"value", clear}});
                     })});
  router.Add({"GET", "/api/v1/approvals", Access::kRead, {}, [](Call& call) {
                return Work(call, false, 200, [](app::WorkflowContext& c) -> Outcome {
                  ARREARS_TRY(pending, app::PendingApprovals(c));
                  json::array items;
                  for (const app::ApprovalRecord& a : pending) items.push_back(ApprovalToJson(a));
                  return json::value(json::object{{"items", std::move(items)}});
                });
              }});
  for (const bool approve : {true, false}) {
    router.Add({"POST", approve ? "/api/v1/approvals/{approval}/approve" : "/api/v1/approvals/{approval}/reject",
                Access::kWrite, kDeciders, [approve](Call& call) {
                  auto body = JsonBody::Parse(call.request.body, std::vector<const char*>{"reason"});
                  if (!body) return ProblemFrom(body.error());
                  return Work(call, true, 200, [&](app::WorkflowContext& c) -> Outcome {
                    ARREARS_TRY(approval, IdParam(call, "approval"));
                    ARREARS_TRY(reason, body->Text("reason"));
                    ARREARS_TRY(decided, app::DecideApproval(c, approval, approve, reason));
                    return json::value(ApprovalToJson(decided));
                  });
                }});
  }
}

}  // namespace arrears::http
