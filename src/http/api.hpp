// The HTTP API under /api/v1 and the service endpoints (/healthz, /readyz,
// /metrics): sessions and CSRF checked here, the permission table is the
// route list, each handler is thin (parse, call one use case in one
// transaction, map the result), and every error is a problem+json.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/ports/account_store.hpp"
#include "app/ports/letter_renderer.hpp"
#include "app/ports/personal_data_vault.hpp"
#include "core/date.hpp"
#include "http/cycle_jobs.hpp"
#include "http/import_jobs.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/rule_pack_set.hpp"
#include "policy/rule_pack.hpp"
#include "policy/workflow_policy.hpp"
#include "store/database.hpp"

namespace arrears::http {

// How the SMS provider's receipts and replies reach the server: the shared token they carry (empty: the callbacks
// are refused) and the provider's words in its receipts.
struct SmsCallbacks {
  std::string token;
  std::string id_field = "message_id";
  std::string status_field = "status";
  std::vector<std::string> delivered = {"delivered", "DELIVRD"};
  std::vector<std::string> failed = {"failed", "UNDELIV", "REJECTD", "EXPIRED"};
};

struct ApiServices {
  store::Database& database;
  const app::PersonalDataVault& vault;
  const app::Credentials& credentials;
  const policy::WorkflowPolicy& policy;
  RulePackSet& packs;
  std::function<std::chrono::sys_seconds()> now;
  std::function<Date()> today;
  std::string static_dir;  // the web UI's built files (web/dist); empty: none
  bool secure_cookies = false;
  CycleRunner run_cycle;  // empty: this server does not run the daily cycle
  SmsCallbacks sms_callbacks;
  app::LetterRenderer* letters = nullptr;  // typesets letters; null: this server issues none
};

// What a handler runs with: the request's call and one database session.
struct Exchange {
  Call& call;
  store::Session& session;
  const ApiServices& services;
};

class Api {
 public:
  explicit Api(ApiServices services);
  Response Handle(const Request& request);
  const Router& router() const { return router_; }
  Metrics& metrics() { return metrics_; }
  CycleJobs& cycles() { return cycles_; }

 private:
  ApiServices services_;
  Router router_;
  Metrics metrics_;
  CycleJobs cycles_;
  ImportJobs imports_;  // last: destroyed first, waiting for running imports
};

// Route registration, one file per area.
void AddSystemRoutes(Router& router, const ApiServices& services, Metrics& metrics);
void AddSessionRoutes(Router& router);
void AddCaseRoutes(Router& router);
void AddCaseRecordRoutes(Router& router);
void AddReferenceRoutes(Router& router, const ApiServices& services);
void AddImportRoutes(Router& router, const ApiServices& services, ImportJobs& jobs);
void AddCycleRoutes(Router& router, const ApiServices& services, CycleJobs& jobs);
void AddMessageRoutes(Router& router, const ApiServices& services);
void AddCallScriptRoutes(Router& router);
void AddReportRoutes(Router& router, const ApiServices& services);
// Judges the promises and plans an imported payments batch met, as "system".
void EvaluateImportedPayments(const ApiServices& services, std::int64_t batch_id);

// A file of the web UI (web/dist): hashed assets cached for a year, the index
// revalidated, a precompressed .gz sent to clients that accept gzip.
Response ServeStatic(const std::string& root, const Request& request);

// The per-request session, set by Api::Handle for the handler's thread.
store::Session& CurrentSession();
const ApiServices& CurrentServices();

}  // namespace arrears::http
