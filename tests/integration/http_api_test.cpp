// The HTTP API as browsers and systems use it: `arrears serve` as a real
// process on a free port, a real database (SQLite and PostgreSQL), sessions,
// CSRF, roles and scopes, malformed and hostile input.
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "http/api.hpp"
#include "store/crypto/sodium_credentials.hpp"
#include "store/crypto/sodium_vault.hpp"
#include "support/http_client.hpp"
#include "support/portfolio_fixture.hpp"
#include "support/run_command.hpp"
#include "support/scratch_dir.hpp"
#include "support/server_process.hpp"
#include "support/test_database.hpp"

namespace arrears::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

constexpr const char* kNow = "2026-11-28T10:00:00+08:00";
constexpr const char* kPassword = "Collect2026ok";

struct Person {
  const char* login;
  const char* role;
  const char* team;
  const char* agency;
};

// c1 works C1-C3 (team east), c2 works C4-C5 (team west).
const std::vector<Person> kPeople = {
    {"c1", "collector", "east", ""},   {"c2", "collector", "west", ""}, {"lead", "team_lead", "east", ""},
    {"sup", "supervisor", "", ""},     {"legal1", "legal", "", ""},     {"comp", "compliance", "", ""},
    {"agent", "agency_user", "", "acme"}, {"admin", "admin", "", ""},   {"aud", "auditor", "", ""}};

class HttpApi : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    dir_ = ScratchDir("arrears-http");
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    key_ = (dir_ / "arrears.key").string();
    // The server's own copy of the rule packs: an administrator may replace one.
    fs::copy(fs::path(ARREARS_SOURCE_DIR) / "config/rules", dir_ / "rules");
    ASSERT_EQ(Run({"migrate"}).exit_status, 0);
    for (const auto& import : WritePortfolio(dir_)) {
      const CommandResult imported = Run(import);
      ASSERT_EQ(imported.exit_status, 0) << imported.err;
    }
    for (const Person& p : kPeople) {
      std::vector<std::string> args = {"user", "add", p.login, "--role", p.role, "--password-stdin"};
      if (*p.team) args.insert(args.end(), {"--team", p.team});
      if (*p.agency) args.insert(args.end(), {"--agency", p.agency});
      const CommandResult added = Run(args, kNow, std::string(kPassword) + "\n");
      ASSERT_EQ(added.exit_status, 0) << added.err;
    }
    ASSERT_EQ(Work("system", {"case", "open-due"}).exit_status, 0);
    for (const auto& [customer, owner] : std::vector<std::pair<const char*, const char*>>{
             {"C1", "c1"}, {"C2", "c1"}, {"C3", "c1"}, {"C4", "c2"}, {"C5", "c2"}}) {
      ASSERT_EQ(Work("sup", {"case", "assign", customer, owner}).exit_status, 0);
    }
    Start(kNow);
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(dir_);
  }

  CommandResult Run(std::vector<std::string> arguments, const std::string& now = kNow, const std::string& input = {}) {
    arguments.insert(arguments.end(), {"--db", db_.url(), "--key-file", key_});
    return RunArrears(arguments, {"ARREARS_NOW=" + now}, input);
  }
  CommandResult Work(const std::string& user, std::vector<std::string> arguments) {
    const std::string source = ARREARS_SOURCE_DIR;
    arguments.insert(arguments.end(), {"--as", user, "--rules-dir", source + "/config/rules", "--policy",
                                       source + "/config/workflow.yaml"});
    return Run(arguments);
  }
  void Start(const std::string& now, std::vector<std::string> extra = {}) {
    server_.reset();
    const std::string source = ARREARS_SOURCE_DIR;
    std::vector<std::string> arguments = {"--db", db_.url(), "--key-file", key_, "--quiet", "--rules-dir",
                                          (dir_ / "rules").string(), "--policy", source + "/config/workflow.yaml",
                                          "--strategy", source + "/config/strategies/default.yaml", "--allocation",
                                          source + "/config/allocation.yaml"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    server_ = std::make_unique<ServerProcess>(arguments, now);
  }
  HttpClient Client() { return HttpClient(server_->port()); }
  HttpClient SignedIn(const std::string& login) {
    HttpClient client = Client();
    const HttpResponse response = client.Request(
        "POST", "/api/v1/session", json::serialize(json::object{{"login", login}, {"password", kPassword}}));
    EXPECT_EQ(response.status, 201) << login << ": " << response.body;
    if (response.status == 201) client.csrf = std::string(json::parse(response.body).at("csrf_token").as_string());
    return client;
  }
  std::int64_t CaseOf(const std::string& customer) {
    auto session = db_.database().Acquire();
    const std::vector<store::SqlValue> key = {store::Text(customer)};
    return session
        ->Query("SELECT c.id FROM cases c JOIN source_keys k ON k.entity = 'customer' AND k.customer_id = c.customer_id "
                "WHERE k.source_ref = $1",
                key)[0]
        .Int(0);
  }
  std::int64_t AuditCount(const std::string& action) {
    auto session = db_.database().Acquire();
    const std::vector<store::SqlValue> key = {store::Text(action)};
    return session->Query("SELECT COUNT(*) FROM audit_events WHERE action = $1", key)[0].Int(0);
  }

  TestDatabase db_{GetParam()};
  fs::path dir_;
  std::string key_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_P(HttpApi, SignInSessionsAndCsrf) {
  HttpClient anonymous = Client();
  EXPECT_EQ(anonymous.Request("GET", "/api/v1/me").status, 401);
  const HttpResponse wrong =
      anonymous.Request("POST", "/api/v1/session", R"({"login":"c1","password":"not-the-password1"})");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_NE(wrong.body.find("wrong login or password"), std::string::npos);
  EXPECT_EQ(wrong.headers.at("content-type"), "application/problem+json");

  HttpClient c1 = Client();
  const HttpResponse signed_in =
      c1.Request("POST", "/api/v1/session", json::serialize(json::object{{"login", "c1"}, {"password", kPassword}}));
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  const std::string cookie = signed_in.headers.at("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  const std::string csrf(json::parse(signed_in.body).at("csrf_token").as_string());
  const HttpResponse me = c1.Request("GET", "/api/v1/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(json::parse(me.body).at("user").at("role").as_string(), "collector");
  const std::string c1_case = std::to_string(CaseOf("C1"));
  const std::string promise = R"({"amount":"200.00","date":"2026-12-05"})";
  // A state-changing request needs the CSRF token: missing, then wrong.
  const HttpResponse missing = c1.Request("POST", "/api/v1/cases/" + c1_case + "/promises", promise);
  EXPECT_EQ(missing.status, 403);
  EXPECT_NE(missing.body.find("X-CSRF-Token header is missing"), std::string::npos);
  c1.csrf = "forged";
  EXPECT_EQ(c1.Request("POST", "/api/v1/cases/" + c1_case + "/promises", promise).status, 403);
  c1.csrf = csrf;
  const HttpResponse made = c1.Request("POST", "/api/v1/cases/" + c1_case + "/promises", promise);
  EXPECT_EQ(made.status, 201) << made.body;
  // Signed out, the cookie is worth nothing.
  EXPECT_EQ(c1.Request("DELETE", "/api/v1/session").status, 204);
  c1.set_cookie(cookie.substr(cookie.find('=') + 1, cookie.find(';') - cookie.find('=') - 1));
  EXPECT_EQ(c1.Request("GET", "/api/v1/me").status, 401);
}

TEST_P(HttpApi, RepeatedFailuresLockTheAccountWithAClearMessage) {
  HttpClient client = Client();
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(client.Request("POST", "/api/v1/session", R"({"login":"c2","password":"wrong-password-1"})").status, 401);
  }
  const HttpResponse fifth = client.Request("POST", "/api/v1/session", R"({"login":"c2","password":"wrong-password-1"})");
  EXPECT_EQ(fifth.status, 401);
  EXPECT_NE(fifth.body.find("locked until 2026-11-28T02:15:00Z"), std::string::npos) << fifth.body;
  // Even the right password waits for the lock to end.
  const HttpResponse right = client.Request(
      "POST", "/api/v1/session", json::serialize(json::object{{"login", "c2"}, {"password", kPassword}}));
  EXPECT_EQ(right.status, 401);
  EXPECT_NE(right.body.find("is locked"), std::string::npos) << right.body;
  EXPECT_EQ(AuditCount("session.locked"), 1);
  Start("2026-11-28T10:20:00+08:00");
  EXPECT_EQ(SignedIn("c2").Request("GET", "/api/v1/me").status, 200);
}

TEST_P(HttpApi, SessionsExpireWhenIdleAndAfterTwelveHours) {
  HttpClient c1 = SignedIn("c1");
  HttpClient busy = SignedIn("lead");  // both at 10:00
  auto at = [&](const char* now) {
    Start(now);
    c1.set_port(server_->port());
    busy.set_port(server_->port());
  };
  at("2026-11-28T11:30:00+08:00");  // 90 minutes later: still alive, and touched
  EXPECT_EQ(c1.Request("GET", "/api/v1/me").status, 200);
  EXPECT_EQ(busy.Request("GET", "/api/v1/me").status, 200);
  at("2026-11-28T13:20:00+08:00");
  EXPECT_EQ(busy.Request("GET", "/api/v1/me").status, 200);
  at("2026-11-28T13:31:00+08:00");  // c1: more than two idle hours after the last use
  const HttpResponse idle = c1.Request("GET", "/api/v1/me");
  EXPECT_EQ(idle.status, 401);
  EXPECT_NE(idle.body.find("idle too long"), std::string::npos) << idle.body;
  for (const char* now : {"2026-11-28T15:10:00+08:00", "2026-11-28T17:00:00+08:00", "2026-11-28T18:50:00+08:00",
                          "2026-11-28T20:40:00+08:00"}) {
    at(now);
    EXPECT_EQ(busy.Request("GET", "/api/v1/me").status, 200) << now;
  }
  at("2026-11-28T22:05:00+08:00");  // used all along, but signed in more than 12 hours ago
  const HttpResponse expired = busy.Request("GET", "/api/v1/me");
  EXPECT_EQ(expired.status, 401);
  EXPECT_NE(expired.body.find("expired"), std::string::npos) << expired.body;
}

// Every case route × every role, on a case in c1's scope: A allowed (the use
// case may still refuse on business grounds), F forbidden (403), H hidden (404).
TEST_P(HttpApi, AuthorisationMatrix) {
  const std::string id = std::to_string(CaseOf("C1"));
  struct Row {
    std::string method;
    std::string path;
    std::string body;
    std::string expected;  // one letter per person of kPeople, in order
  };
  // Roles:                                c1  c2  lead sup legal comp agent admin aud
  const std::vector<Row> rows = {
      {"GET", "/api/v1/cases/" + id, "", "AHAAAAHAA"},
      {"GET", "/api/v1/cases/" + id + "/timeline", "", "AHAAAAHAA"},
      {"POST", "/api/v1/cases/" + id + "/contacts", R"({"channel":"call","outcome":"no_answer","notes":"不还钱就让你坐牢"})",
       "AHAAAFHFF"},
      {"POST", "/api/v1/cases/" + id + "/promises", R"({"amount":"1.00","date":"2026-01-01"})", "AHAAAFHFF"},
      {"POST", "/api/v1/cases/" + id + "/arrangements/preview", R"({"periods":12,"first_due":"2026-12-23"})",
       "AHAAAFHFF"},
      {"POST", "/api/v1/cases/" + id + "/stage", R"({"stage":"reminding","reason":"matrix"})", "AHAAAFHFF"},
      {"POST", "/api/v1/cases/" + id + "/assign", R"({"owner":"c1"})", "FFAAFFFAF"},
      {"POST", "/api/v1/cases/" + id + "/holds", R"({"kind":"complaint","reason":"matrix"})", "AHAAAAHFF"},
      {"POST", "/api/v1/cases/" + id + "/close", R"({"reason":"paid_in_full"})", "AHAAAFHFF"},
      {"POST", "/api/v1/cases/" + id + "/letters", R"({"kind":"collection_letter"})", "AHAAAFHFF"},
      {"POST", "/api/v1/cases/" + id + "/reveal", R"({"field":"id_number","purpose":"matrix"})", "FHFAAAHFF"},
      {"POST", "/api/v1/cases/" + id + "/disputes",
       R"({"account_ref":"A1","kind":"service_complaint","description":"matrix"})", "AHAAAAHFF"},
      {"POST", "/api/v1/cases/" + id + "/legal", R"({"reason":"matrix"})", "FFAAAFFFF"},
      {"GET", "/api/v1/approvals", "", "AAAAAFAFF"},
      {"POST", "/api/v1/approvals/999999/approve", R"({"reason":"matrix"})", "FFHHFFFFF"},
      {"GET", "/api/v1/users", "", "FFFAFFFAA"},
      {"POST", "/api/v1/users/nobody/disable", "", "FFFFFFFHF"},
      {"GET", "/api/v1/customers/C1", "", "AHAAAAHAA"},
      {"GET", "/api/v1/cases/" + id + "/payments", "", "AHAAAAHAA"},
      {"POST", "/api/v1/cases/" + id + "/contact-points", R"({"kind":"mobile","value":"13900000009"})", "AHAAAFHFF"},
      {"POST", "/api/v1/cases/" + id + "/situation", R"({"reason":"forgot"})", "AHAAAFHFF"},
      {"GET", "/api/v1/cases/" + id + "/documents", "", "AHAAAAHFA"},
      {"POST", "/api/v1/cases/" + id + "/visits", R"({"date":"2026-12-10","collectors":["c1","c2"]})", "AHAAAFHFF"},
      {"POST", "/api/v1/cases/" + id + "/legal/999999", R"({"court":"matrix"})", "FFFHHFFFF"},  // no such matter
      {"GET", "/api/v1/exports/cases", "", "FFAAFAFAA"},
      {"GET", "/api/v1/imports", "", "FFFAFFFAF"},
      {"PUT", "/api/v1/rule-packs/cn-default", "pack: cn-default", "FFFFFFFAF"},
      {"GET", "/api/v1/roles", "", "AAAAAAAAA"},
      {"GET", "/api/v1/queue", "", "AAAAFAAFA"},
      {"GET", "/api/v1/queue?owner=c2", "", "FAAAFAFFA"},
      {"GET", "/api/v1/cycle/runs", "", "FFFAFFFAA"},
      {"POST", "/api/v1/cycle/runs", R"({"as_of":"2026-11-28"})", "FFFFFFFAF"},
      {"GET", "/api/v1/cycle/runs/2026-11-28", "", "FFFAFFFAA"},
      {"GET", "/api/v1/templates", "", "AAAAAAAAA"},
      {"POST", "/api/v1/call-scripts",
       R"({"source":"{id: matrix, zh: {title: 测试, steps: [{id: greeting, title: 问候, say: 您好}]}}"})", "FFFAFAFAF"},
      {"GET", "/api/v1/call-scripts", "", "AAAAAAAAA"},
      {"GET", "/api/v1/cases/" + id + "/call-script", "", "AHAAAAHAA"},
      {"POST", "/api/v1/templates", R"({"id":"matrix","channel":"sms","language":"zh","body":"{{nothing}}"})",
       "FFFAFAFAF"},
      {"GET", "/api/v1/cases/" + id + "/messages", "", "AHAAAAHAA"},
      {"POST", "/api/v1/cases/" + id + "/messages", R"({"channel":"letter","template":"matrix"})", "AHAAAFHFF"},
      {"POST", "/api/v1/cases/" + id + "/letters/issue", R"({"type":"settlement"})", "AHAAAFHFF"},
      {"GET", "/api/v1/reports", "", "FFAAFAFFA"},
      {"GET", "/api/v1/reports/aging?from=2026-11-01&to=2026-11-28", "", "FFAAFAFFA"},
      {"GET", "/api/v1/reports/recovery/cases?from=2026-11-01&to=2026-11-28&by=collector", "", "FFAAFAFFA"},
  };
  std::vector<HttpClient> clients;
  for (const Person& p : kPeople) clients.push_back(SignedIn(p.login));
  for (const Row& row : rows) {
    for (std::size_t i = 0; i < kPeople.size(); ++i) {
      const HttpResponse response = clients[i].Request(row.method, row.path, row.body);
      const char expected = row.expected[i];
      const std::string where = row.method + " " + row.path + " as " + kPeople[i].login + ": " +
                                std::to_string(response.status) + " " + response.body;
      if (expected == 'A') {
        EXPECT_TRUE(response.status != 401 && response.status != 403 && response.status != 404) << where;
      } else if (expected == 'F') {
        EXPECT_EQ(response.status, 403) << where;
      } else {
        EXPECT_EQ(response.status, 404) << where;
      }
    }
  }
}

TEST_P(HttpApi, CaseListsFollowScopeAndPage) {
  auto ids = [&](HttpClient& client, const std::string& query) {
    const HttpResponse response = client.Request("GET", "/api/v1/cases" + query);
    EXPECT_EQ(response.status, 200) << response.body;
    std::vector<std::string> refs;
    const json::value page = json::parse(response.body);
    for (const auto& item : page.at("items").as_array()) refs.emplace_back(item.at("customer_ref").as_string());
    return std::make_pair(refs, page.at("next_cursor"));
  };
  HttpClient c1 = SignedIn("c1");
  HttpClient lead = SignedIn("lead");
  HttpClient agent = SignedIn("agent");
  HttpClient sup = SignedIn("sup");
  EXPECT_EQ(ids(c1, "").first, (std::vector<std::string>{"C1", "C2", "C3"}));
  EXPECT_EQ(ids(lead, "").first, (std::vector<std::string>{"C1", "C2", "C3"}));  // team east
  EXPECT_TRUE(ids(agent, "").first.empty());
  EXPECT_EQ(ids(sup, "").first.size(), 5U);
  // Two at a time: the cursor carries on where the page ended.
  auto [first, cursor] = ids(sup, "?limit=2");
  ASSERT_EQ(first.size(), 2U);
  ASSERT_TRUE(cursor.is_string());
  auto [second, next] = ids(sup, "?limit=2&cursor=" + std::string(cursor.as_string()));
  EXPECT_EQ(second, (std::vector<std::string>{"C3", "C4"}));
  EXPECT_EQ(ids(sup, "?owner=c2").first, (std::vector<std::string>{"C4", "C5"}));
  EXPECT_EQ(sup.Request("GET", "/api/v1/cases?stage=bogus").status, 400);
}

TEST_P(HttpApi, MalformedAndHostileInputIsRefused) {
  HttpClient c1 = SignedIn("c1");
  const std::string path = "/api/v1/cases/" + std::to_string(CaseOf("C1")) + "/promises";
  const HttpResponse not_json = c1.Request("POST", path, "{amount: 1");
  EXPECT_EQ(not_json.status, 400);
  EXPECT_NE(not_json.body.find("not valid JSON"), std::string::npos) << not_json.body;
  const HttpResponse wrong_type = c1.Request("POST", path, R"({"amount":100,"date":"2026-12-05"})");
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_EQ(json::parse(wrong_type.body).at("errors").as_array()[0].at("field").as_string(), "amount");
  const HttpResponse unknown = c1.Request("POST", path, R"({"amount":"100.00","date":"2026-12-05","bonus":true})");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("unknown field 'bonus'"), std::string::npos);
  EXPECT_EQ(c1.Request("GET", "/api/v1/nothing-here").status, 404);
  EXPECT_EQ(c1.Request("PUT", "/api/v1/cases").status, 405);
  // Too large: a body over the limit, a header over its limit.
  const std::string big(13 * 1024 * 1024, 'x');
  EXPECT_EQ(c1.Raw("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(big.size()) +
                   "\r\n\r\n" + big)
                .status,
            413);
  EXPECT_EQ(c1.Raw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Filler: " + std::string(20000, 'y') + "\r\n\r\n").status, 431);
  // Nothing of it was applied.
  EXPECT_EQ(AuditCount("promise.new"), 0);
}

TEST_P(HttpApi, ASlowClientIsDroppedWithoutHoldingUpOthers) {
  Start(kNow, {"--request-timeout", "2", "--threads", "1"});
  const int slow = ConnectLocal(server_->port());
  ASSERT_GE(slow, 0);
  const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  const auto started = std::chrono::steady_clock::now();
  bool dropped = false;
  for (char c : request.substr(0, request.size() - 2)) {
    if (send(slow, &c, 1, MSG_NOSIGNAL) != 1) {
      dropped = true;
      break;
    }
    // Meanwhile the server keeps answering everyone else, on its one thread.
    if (c == 'H') {
      EXPECT_EQ(Client().Request("GET", "/healthz").status, 200);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
  }
  const HttpResponse answer = ReadResponse(slow);
  close(slow);
  EXPECT_TRUE(dropped || answer.status == 0) << "the trickled request was answered";
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

TEST_P(HttpApi, IdempotentPromisesAndAuditedReveal) {
  HttpClient c1 = SignedIn("c1");
  const std::string base = "/api/v1/cases/" + std::to_string(CaseOf("C1"));
  const std::map<std::string, std::string> key = {{"Idempotency-Key", "k-1"}};
  const HttpResponse first = c1.Request("POST", base + "/promises", R"({"amount":"300.00","date":"2026-12-05"})", key);
  ASSERT_EQ(first.status, 201) << first.body;
  const HttpResponse again = c1.Request("POST", base + "/promises", R"({"amount":"300.00","date":"2026-12-05"})", key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.headers.at("idempotent-replayed"), "true");
  EXPECT_EQ(c1.Request("POST", base + "/promises", R"({"amount":"400.00","date":"2026-12-05"})", key).status, 422);
  EXPECT_EQ(AuditCount("promise.new"), 1);
  // Masked by default; one clear value on request, recorded.
  const json::value detail = json::parse(c1.Request("GET", base).body);
  const json::value& point = detail.at("contact_points").as_array()[0];
  EXPECT_EQ(point.at("value").as_string(), "138****0001");
  const HttpResponse reveal =
      c1.Request("POST", base + "/reveal",
                 json::serialize(json::object{{"field", "contact_point"}, {"contact_point", point.at("id")},
                                              {"purpose", "calling the debtor"}}));
  ASSERT_EQ(reveal.status, 200) << reveal.body;
  EXPECT_EQ(json::parse(reveal.body).at("value").as_string(), "13800000001");
  EXPECT_EQ(AuditCount("personal_data.reveal"), 1);
  EXPECT_EQ(c1.Request("POST", base + "/reveal", R"({"field":"id_number","purpose":"curious"})").status, 403);
  EXPECT_EQ(AuditCount("personal_data.reveal"), 1);
}

TEST_P(HttpApi, AnAdministratorManagesUsers) {
  HttpClient admin = SignedIn("admin");
  const HttpResponse weak = admin.Request(
      "POST", "/api/v1/users", R"({"login":"newbie","role":"collector","team":"east","password":"short"})");
  EXPECT_EQ(weak.status, 400);
  EXPECT_NE(weak.body.find("at least 10 characters"), std::string::npos) << weak.body;
  const HttpResponse created = admin.Request(
      "POST", "/api/v1/users",
      json::serialize(json::object{{"login", "newbie"}, {"role", "collector"}, {"team", "east"}, {"password", kPassword}}));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(admin.Request("POST", "/api/v1/users", json::serialize(json::object{{"login", "newbie"}, {"role", "collector"},
                                                                                {"password", kPassword}}))
                .status,
            409);
  HttpClient newbie = SignedIn("newbie");
  EXPECT_EQ(newbie.Request("GET", "/api/v1/me").status, 200);
  // Disabled: the session ends and signing in is refused.
  ASSERT_EQ(admin.Request("POST", "/api/v1/users/newbie/disable").status, 200);
  EXPECT_EQ(newbie.Request("GET", "/api/v1/me").status, 401);
  const HttpResponse refused = Client().Request(
      "POST", "/api/v1/session", json::serialize(json::object{{"login", "newbie"}, {"password", kPassword}}));
  EXPECT_EQ(refused.status, 401);
  EXPECT_NE(refused.body.find("disabled"), std::string::npos) << refused.body;
  ASSERT_EQ(admin.Request("POST", "/api/v1/users/newbie/enable").status, 200);
  ASSERT_EQ(admin.Request("POST", "/api/v1/users/newbie/password", R"({"password":"Another2026x"})").status, 200);
  EXPECT_EQ(Client().Request("POST", "/api/v1/session", R"({"login":"newbie","password":"Another2026x"})").status, 201);
  const HttpResponse listed = SignedIn("aud").Request("GET", "/api/v1/users");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.body.find("argon2"), std::string::npos);  // never the hashes
  EXPECT_EQ(AuditCount("user.disable"), 1);
  EXPECT_EQ(AuditCount("user.password"), 1);
}

TEST_P(HttpApi, ServiceEndpointsAndGracefulShutdown) {
  HttpClient client = Client();
  EXPECT_EQ(client.Request("GET", "/healthz").status, 200);
  EXPECT_EQ(client.Request("GET", "/readyz").status, 200);
  const HttpResponse metrics = client.Request("GET", "/metrics");
  EXPECT_NE(metrics.body.find("arrears_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 1"),
            std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("arrears_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_EQ(server_->Stop(), 0);
}

// What a shell command printed on standard output (and its exit status), for
// the openssl and curl tools the TLS test uses as real third-party peers.
std::pair<int, std::string> Shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, out};
  char chunk[4096];
  std::size_t got = 0;
  while ((got = fread(chunk, 1, sizeof chunk, pipe)) > 0) out.append(chunk, got);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

// Polls a cycle run until it is no longer running; its last state.
json::object WaitForCycle(HttpClient& client, const std::string& date) {
  json::object run;
  for (int i = 0; i < 300; ++i) {
    const HttpResponse response = client.Request("GET", "/api/v1/cycle/runs/" + date);
    if (response.status == 200) {
      run = json::parse(response.body).as_object();
      if (run.at("status") != "running") return run;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return run;
}

// Call guides: a script with a prohibited phrase or an unknown variable is refused naming the step; the shipped
// scripts are saved; a case gets the most specific one for its stage, its texts filled in for the debtor.
TEST_P(HttpApi, CallScriptsAreScreenedAndFilledInForTheCase) {
  HttpClient sup = SignedIn("sup");
  const auto save = [&](const std::string& yaml) {
    return sup.Request("POST", "/api/v1/call-scripts", json::serialize(json::object{{"source", yaml}}));
  };
  const HttpResponse threat = save("id: bad\nzh:\n  title: 测试\n  steps:\n    - {id: greeting, title: 问候, say: 您好}\n"
                                   "    - {id: amount, title: 欠款, say: 再不还就坐牢}\n");
  EXPECT_EQ(threat.status, 422) << threat.body;
  EXPECT_NE(threat.body.find("zh.steps[1].say"), std::string::npos) << threat.body;
  EXPECT_NE(threat.body.find("坐牢"), std::string::npos) << threat.body;
  const HttpResponse unknown = save("id: bad\nzh: {title: t, steps: [{id: greeting, title: t, say: '{{nickname}}'}]}\n");
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_NE(unknown.body.find("{{nickname}} is not a template variable"), std::string::npos) << unknown.body;
  const HttpResponse broken = save("id: bad\nzh: [\n");
  EXPECT_EQ(broken.status, 400) << broken.body;
  for (const char* file : {"early_call.yaml", "negotiation_call.yaml"}) {
    std::ifstream in(std::string(ARREARS_SOURCE_DIR) + "/config/scripts/" + file);
    const std::string yaml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const HttpResponse saved = save(yaml);
    EXPECT_EQ(saved.status, 201) << saved.body;
    EXPECT_EQ(json::parse(saved.body).at("version").as_int64(), 1);
  }
  const json::value listed = json::parse(sup.Request("GET", "/api/v1/call-scripts").body);
  EXPECT_EQ(listed.at("items").as_array().size(), 2u);

  // C1's case is new: the early call's guide, the debtor's name in the greeting, the amount in the third step.
  HttpClient c1 = SignedIn("c1");
  const std::string id = std::to_string(CaseOf("C1"));
  const json::value detail = json::parse(c1.Request("GET", "/api/v1/cases/" + id).body);
  const HttpResponse early = c1.Request("GET", "/api/v1/cases/" + id + "/call-script");
  ASSERT_EQ(early.status, 200) << early.body;
  const json::value script = json::parse(early.body);
  EXPECT_EQ(script.at("id"), "early_call");
  const auto& steps = script.at("steps").as_array();
  ASSERT_EQ(steps.size(), 6u);
  const std::string greeting(steps[0].at("say").as_string());
  EXPECT_NE(greeting.find(std::string(detail.at("customer_name").as_string())), std::string::npos) << greeting;
  EXPECT_EQ(greeting.find("{{"), std::string::npos) << greeting;
  EXPECT_EQ(script.at("objections").as_array().size(), 4u);
  const HttpResponse english = c1.Request("GET", "/api/v1/cases/" + id + "/call-script?language=en");
  EXPECT_EQ(json::parse(english.body).at("title"), "Early reminder call");
  // Negotiating: no early script fits, the general one does.
  ASSERT_EQ(c1.Request("POST", "/api/v1/cases/" + id + "/stage", R"({"stage":"negotiating","reason":"hardship call"})").status,
            200);
  EXPECT_EQ(json::parse(c1.Request("GET", "/api/v1/cases/" + id + "/call-script").body).at("id"), "negotiation_call");
}

// Reports over the API after the first night: the figures as JSON with the cases behind each row, the same
// table as CSV and XLSX downloads, a team lead kept to their team, and bad requests named.
TEST_P(HttpApi, ReportsWithTheirCasesAndDownloads) {
  HttpClient admin = SignedIn("admin");
  ASSERT_EQ(admin.Request("POST", "/api/v1/cycle/runs", R"({"as_of":"2026-11-29"})").status, 202);
  ASSERT_EQ(WaitForCycle(admin, "2026-11-29").at("status"), "finished");
  HttpClient sup = SignedIn("sup");
  const std::string period = "from=2026-11-01&to=2026-11-29";
  const HttpResponse aging = sup.Request("GET", "/api/v1/reports/aging?" + period);
  ASSERT_EQ(aging.status, 200) << aging.body;
  const json::value table = json::parse(aging.body);
  // Every open case is in one bucket on the last day, with what its span of facts says it owed.
  auto session = db_.database().Acquire();
  const auto facts = session->Query("SELECT COUNT(*), SUM(owed) FROM case_facts WHERE valid_to IS NULL");
  EXPECT_EQ(table.at("totals").at("values").at("cases").as_int64(), facts[0].Int(0));
  EXPECT_EQ(table.at("totals").at("values").at("cases").as_int64(), 5);
  std::int64_t listed = 0;
  for (const auto& row : table.at("rows").as_array()) {
    const std::string bucket(row.at("drill").at("bucket").as_string());
    const HttpResponse cases = sup.Request("GET", "/api/v1/reports/aging/cases?" + period + "&bucket=" + bucket);
    ASSERT_EQ(cases.status, 200) << cases.body;
    EXPECT_EQ(json::parse(cases.body).at("count").as_int64(), row.at("values").at("cases").as_int64()) << bucket;
    listed += json::parse(cases.body).at("count").as_int64();
  }
  EXPECT_EQ(listed, 5);
  const std::string balance(table.at("totals").at("text").at("balance").as_string());
  const HttpResponse csv = sup.Request("GET", "/api/v1/reports/aging?" + period + "&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.headers.at("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.headers.at("content-disposition"), "attachment; filename=\"aging-2026-11-01-2026-11-29.csv\"");
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF账龄,案件数", 0), 0u) << csv.body;
  EXPECT_NE(csv.body.find("合计,5," + balance + ","), std::string::npos) << csv.body;
  const HttpResponse english = sup.Request("GET", "/api/v1/reports/aging?" + period + "&format=csv&lang=en");
  EXPECT_NE(english.body.find("Bucket,Cases,Balance"), std::string::npos) << english.body;
  const HttpResponse xlsx = sup.Request("GET", "/api/v1/reports/aging?" + period + "&format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.headers.at("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.body.substr(0, 4), std::string("PK\x03\x04"));  // a zip archive, as every XLSX is
  // The lead of team east sees east's collectors only, and may not ask for west's.
  HttpClient lead = SignedIn("lead");
  const HttpResponse team = lead.Request("GET", "/api/v1/reports/recovery?" + period + "&by=collector");
  ASSERT_EQ(team.status, 200) << team.body;
  const json::value team_table = json::parse(team.body);
  for (const auto& row : team_table.at("rows").as_array()) {
    EXPECT_EQ(row.at("values").at("collector"), "c1") << team.body;
  }
  EXPECT_EQ(lead.Request("GET", "/api/v1/reports/recovery?" + period + "&team=west").status, 403);
  // Bad requests say which parameter.
  const HttpResponse unknown = sup.Request("GET", "/api/v1/reports/profit?" + period);
  EXPECT_EQ(unknown.status, 404);
  const HttpResponse grouping = sup.Request("GET", "/api/v1/reports/collectors?" + period + "&by=region");
  EXPECT_EQ(grouping.status, 400);
  EXPECT_EQ(json::parse(grouping.body).at("errors").at(0).at("field"), "by") << grouping.body;
  const HttpResponse missing = sup.Request("GET", "/api/v1/reports/aging?from=2026-11-01");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(json::parse(missing.body).at("errors").at(0).at("field"), "to") << missing.body;
  EXPECT_EQ(sup.Request("GET", "/api/v1/reports/aging?" + period + "&format=pdf").status, 400);
  EXPECT_EQ(sup.Request("GET", "/api/v1/reports/promises/cases?" + period).status, 400);
  EXPECT_EQ(sup.Request("GET", "/api/v1/reports/aging/cases?" + period + "&limit=0").status, 400);
}

TEST_P(HttpApi, AnAdministratorRunsTheCycleAndCollectorsReadTheirQueues) {
  HttpClient admin = SignedIn("admin");
  EXPECT_EQ(admin.Request("POST", "/api/v1/cycle/runs", R"({"as_of":"2026-13-01"})").status, 400);
  const HttpResponse started = admin.Request("POST", "/api/v1/cycle/runs", R"({"as_of":"2026-11-29"})");
  ASSERT_EQ(started.status, 202) << started.body;
  EXPECT_EQ(started.headers.at("location"), "/api/v1/cycle/runs/2026-11-29");
  const json::object run = WaitForCycle(admin, "2026-11-29");
  ASSERT_EQ(run.at("status"), "finished") << json::serialize(run);
  EXPECT_EQ(run.at("summary").at("cases_open").as_int64(), 5);
  // The same date again changes nothing.
  ASSERT_EQ(admin.Request("POST", "/api/v1/cycle/runs", R"({"as_of":"2026-11-29"})").status, 202);
  EXPECT_TRUE(WaitForCycle(admin, "2026-11-29").at("summary").at("already_done").as_bool());
  const HttpResponse runs = admin.Request("GET", "/api/v1/cycle/runs");
  ASSERT_EQ(runs.status, 200);
  const json::value listed = json::parse(runs.body);
  ASSERT_FALSE(listed.at("items").as_array().empty());
  EXPECT_EQ(listed.at("items").as_array()[0].at("as_of"), "2026-11-29");

  // c1 sees their own queue, in rank order; not c2's. The lead of c1's team sees c1's items, not c2's.
  HttpClient c1 = SignedIn("c1");
  const HttpResponse mine = c1.Request("GET", "/api/v1/queue?date=2026-11-29");
  ASSERT_EQ(mine.status, 200) << mine.body;
  const json::value mine_page = json::parse(mine.body);
  const auto& items = mine_page.at("items").as_array();
  ASSERT_FALSE(items.empty());
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i].at("owner"), "c1");
    EXPECT_EQ(items[i].at("rank").as_int64(), static_cast<std::int64_t>(i + 1));
  }
  EXPECT_EQ(mine_page.at("now"), "2026-11-28T02:00:00Z");
  // Each item with its case as it stands now: the same name, stage and overdue total as the case's own page; a
  // promise and a hold recorded after the night show at once.
  const std::string first = std::to_string(items[0].at("case_id").as_int64());
  const json::value before = json::parse(c1.Request("GET", "/api/v1/cases/" + first).body);
  EXPECT_EQ(items[0].at("customer_name"), before.at("customer_name"));
  EXPECT_EQ(items[0].at("stage"), before.at("stage"));
  EXPECT_EQ(items[0].at("overdue"), before.at("overdue_total"));
  EXPECT_TRUE(items[0].at("promise").is_null());
  EXPECT_TRUE(items[0].at("holds").as_array().empty());
  const std::string amount(before.at("overdue_total").as_string());
  ASSERT_EQ(c1.Request("POST", "/api/v1/cases/" + first + "/promises",
                       R"({"amount":")" + amount + R"(","date":"2026-12-05"})").status, 201);
  ASSERT_EQ(c1.Request("POST", "/api/v1/cases/" + first + "/holds", R"({"kind":"complaint","reason":"rude call"})").status,
            201);
  const json::value after = json::parse(c1.Request("GET", "/api/v1/queue?date=2026-11-29").body);
  const json::value& glance = after.at("items").as_array()[0];
  EXPECT_EQ(glance.at("promise").at("due"), "2026-12-05");
  EXPECT_EQ(glance.at("promise").at("amount").as_string(), amount);
  EXPECT_EQ(glance.at("holds"), json::array({"complaint"}));
  EXPECT_EQ(c1.Request("GET", "/api/v1/queue?date=2026-11-29&owner=c2").status, 403);
  HttpClient lead = SignedIn("lead");
  const HttpResponse team = lead.Request("GET", "/api/v1/queue?date=2026-11-29");
  ASSERT_EQ(team.status, 200);
  const json::value team_page = json::parse(team.body);
  const auto& team_items = team_page.at("items").as_array();
  EXPECT_EQ(team_items.size(), items.size());
  for (const auto& item : team_items) EXPECT_EQ(item.at("owner"), "c1");
  EXPECT_EQ(c1.Request("GET", "/api/v1/queue?date=2026-99-01").status, 400);
}

TEST_P(HttpApi, TheServerRunsTheCycleOnSchedule) {
  // 10:00 local with the cycle due at 02:00: the day's run starts by itself.
  Start(kNow, {"--cycle-at", "02:00"});
  HttpClient admin = SignedIn("admin");
  json::object run;
  for (int i = 0; i < 300 && run.empty(); ++i) {
    const HttpResponse response = admin.Request("GET", "/api/v1/cycle/runs");
    const json::value current = json::parse(response.body).at("current");
    if (current.is_object() && current.at("status") != "running") run = current.as_object();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_FALSE(run.empty());
  EXPECT_EQ(run.at("actor"), "schedule");
  EXPECT_EQ(run.at("as_of"), "2026-11-28");
  EXPECT_EQ(run.at("status"), "finished") << json::serialize(run);
  const CommandResult bad = Run({"serve", "--listen", "127.0.0.1:0", "--cycle-at", "25:99"});
  EXPECT_EQ(bad.exit_status, 2);
  EXPECT_NE(bad.err.find("--cycle-at"), std::string::npos) << bad.err;
}

TEST_P(HttpApi, ServesHttpsWithSecureCookiesWhenGivenACertificate) {
  const std::string cert = (dir_ / "server.crt").string();
  const std::string key = (dir_ / "server.key").string();
  const std::string other_key = (dir_ / "other.key").string();
  ASSERT_EQ(Shell("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=localhost "
                  "-addext subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " + cert + " 2>&1")
                .first,
            0);
  ASSERT_EQ(Shell("openssl genpkey -algorithm ec -pkeyopt ec_paramgen_curve:prime256v1 -out " + other_key + " 2>&1").first, 0);

  // A key that is not the certificate's is refused at start, naming the option and the file.
  const std::string source = ARREARS_SOURCE_DIR;
  const std::vector<std::string> serve = {"serve", "--listen", "127.0.0.1:0", "--rules-dir", source + "/config/rules",
                                          "--policy", source + "/config/workflow.yaml", "--tls-cert", cert};
  std::vector<std::string> with_other_key = serve;
  with_other_key.insert(with_other_key.end(), {"--tls-key", other_key});
  const CommandResult mismatched = Run(with_other_key);
  EXPECT_EQ(mismatched.exit_status, 2) << mismatched.err;
  EXPECT_NE(mismatched.err.find("--tls-key: cannot use '" + other_key + "': key values mismatch"), std::string::npos)
      << mismatched.err;
  const CommandResult half = Run(serve);
  EXPECT_NE(half.err.find("--tls-cert and --tls-key go together"), std::string::npos) << half.err;

  Start(kNow, {"--tls-cert", cert, "--tls-key", key});
  const std::string base = "https://127.0.0.1:" + std::to_string(server_->port());
  const std::string curl = "curl --silent --show-error --max-time 10 --cacert " + cert + " ";
  // A client that trusts the certificate signs in over TLS 1.2 or later; the cookie is Secure.
  const auto signed_in = Shell(curl + "--tlsv1.2 --include -H 'Content-Type: application/json' --data "
                                      "'{\"login\":\"c1\",\"password\":\"" + std::string(kPassword) + "\"}' " +
                               base + "/api/v1/session");
  ASSERT_EQ(signed_in.first, 0) << signed_in.second;
  EXPECT_NE(signed_in.second.find("HTTP/1.1 201"), std::string::npos) << signed_in.second;
  EXPECT_NE(signed_in.second.find("; Secure"), std::string::npos) << signed_in.second;
  EXPECT_NE(signed_in.second.find("HttpOnly"), std::string::npos) << signed_in.second;
  const auto health = Shell(curl + base + "/healthz");
  EXPECT_EQ(health.first, 0) << health.second;
  // TLS 1.1 and older are refused; so is a client that does not trust the certificate.
  EXPECT_NE(Shell(curl + "--tlsv1.1 --tls-max 1.1 " + base + "/healthz 2>&1").first, 0);
  EXPECT_NE(Shell("curl --silent --max-time 10 " + base + "/healthz").first, 0);
  // Plain HTTP on the TLS port gets no HTTP answer.
  HttpClient plain = Client();
  EXPECT_EQ(plain.Request("GET", "/healthz").status, 0);
  EXPECT_EQ(server_->Stop(), 0);
}

TEST_P(HttpApi, TheOpenApiDocumentListsEveryRouteAndNothingElse) {
  HttpClient client = Client();
  const HttpResponse response = client.Request("GET", "/api/v1/openapi.json");
  ASSERT_EQ(response.status, 200);
  const json::object document = json::parse(response.body).as_object();
  EXPECT_EQ(document.at("openapi").as_string(), "3.1.0");
  std::set<std::string> documented;
  for (const auto& [path, operations] : document.at("paths").as_object()) {
    for (const auto& [method, operation] : operations.as_object()) {
      std::string upper(method);
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert(upper + " " + std::string(path));
    }
  }
  // The routes the server registers, from the same code it runs.
  auto vault = store::LoadVault(key_, false, nullptr);
  ASSERT_TRUE(vault);
  const store::SodiumCredentials credentials;
  const policy::WorkflowPolicy policy;
  http::RulePackSet packs({}, {}, [](const std::string&, const std::string&) {});
  http::Api api(http::ApiServices{db_.database(), **vault, credentials, policy, packs,
                                  [] { return std::chrono::sys_seconds{}; }, [] { return Date(); }, "", false, {}, {}, nullptr});
  std::set<std::string> served;
  for (const http::Route& route : api.router().routes()) served.insert(route.method + " " + route.pattern);
  EXPECT_EQ(served, documented);
  // The page for people lists every operation of the same document.
  const HttpResponse page = Client().Request("GET", "/api/v1/docs");
  ASSERT_EQ(page.status, 200);
  for (const std::string& operation : documented) {
    const std::string path = operation.substr(operation.find(' ') + 1);
    EXPECT_NE(page.body.find("<code>" + path + "</code>"), std::string::npos) << path;
  }
}

// A multipart/form-data body as a browser sends it.
std::string Multipart(const std::vector<std::pair<std::string, std::string>>& fields, const std::string& file_name,
                      const std::string& file_type, const std::string& content) {
  std::string body;
  for (const auto& [name, value] : fields) {
    body += "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }
  body += "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name +
          "\"\r\nContent-Type: " + file_type + "\r\n\r\n" + content + "\r\n--XyZ--\r\n";
  return body;
}
const std::map<std::string, std::string> kMultipart = {{"Content-Type", "multipart/form-data; boundary=XyZ"}};

TEST_P(HttpApi, ACollectorIssuesACollectionLetterAndDownloadsThePdf) {
  HttpClient c1 = SignedIn("c1");
  const std::string base = "/api/v1/cases/" + std::to_string(CaseOf("C1"));
  const HttpResponse issued = c1.Request("POST", base + "/letters/issue", R"({"type":"collection"})");
  ASSERT_EQ(issued.status, 201) << issued.body;
  const json::value letter = json::parse(issued.body);
  EXPECT_EQ(letter.at("sha256").as_string().size(), 64U);
  const HttpResponse pdf = c1.Request("GET", std::string(letter.at("download").as_string()));
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.headers.at("content-type"), "application/pdf");
  EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
  EXPECT_EQ(static_cast<std::int64_t>(pdf.body.size()), letter.at("bytes").as_int64());
  // A settlement certificate for a case that is not settled: refused, nothing kept.
  const HttpResponse refused = c1.Request("POST", base + "/letters/issue", R"({"type":"settlement"})");
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(c1.Request("POST", base + "/letters/issue", R"({"type":"poem"})").status, 400);
  EXPECT_EQ(json::parse(c1.Request("GET", base + "/documents").body).at("items").as_array().size(), 1U);
}

TEST_P(HttpApi, CustomersContactPointsSituationAndDocuments) {
  HttpClient c1 = SignedIn("c1");
  HttpClient c2 = SignedIn("c2");
  const std::string base = "/api/v1/cases/" + std::to_string(CaseOf("C1"));
  // Found by mobile number within scope only; the number never travels in a URL.
  const HttpResponse found = c1.Request("POST", "/api/v1/customers/search", R"({"kind":"mobile","value":"138 0000 0001"})");
  ASSERT_EQ(found.status, 200) << found.body;
  const json::array items = json::parse(found.body).at("items").as_array();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0].at("customer_ref").as_string(), "C1");
  EXPECT_EQ(items[0].at("case").as_int64(), CaseOf("C1"));
  EXPECT_EQ(items[0].at("matched").as_string().find("13800000001"), json::string::npos) << found.body;
  EXPECT_TRUE(json::parse(c2.Request("POST", "/api/v1/customers/search", R"({"kind":"mobile","value":"13800000001"})").body)
                  .at("items").as_array().empty());
  EXPECT_EQ(c1.Request("POST", "/api/v1/customers/search", R"({"kind":"name","value":"王芳"})").status, 400);
  // The customer: masked identity, accounts, contact points.
  const HttpResponse customer = c1.Request("GET", "/api/v1/customers/C1");
  ASSERT_EQ(customer.status, 200) << customer.body;
  EXPECT_EQ(customer.body.find("110105199001011232"), std::string::npos);
  EXPECT_EQ(json::parse(customer.body).at("accounts").as_array()[0].at("account_ref").as_string(), "A1");
  EXPECT_EQ(c2.Request("GET", "/api/v1/customers/C1").status, 404);
  // A new number, then marked wrong party: it is masked in the case, and contacts to it are refused.
  const HttpResponse added = c1.Request("POST", base + "/contact-points", R"({"kind":"mobile","value":"13912345678","source":"debtor"})");
  ASSERT_EQ(added.status, 201) << added.body;
  const std::int64_t point = json::parse(added.body).at("contact_point").as_int64();
  EXPECT_NE(c1.Request("GET", base).body.find("139****5678"), std::string::npos);
  EXPECT_EQ(c1.Request("POST", base + "/contact-points/" + std::to_string(point) + "/status", R"({"status":"wrong_party"})").status, 200);
  const HttpResponse refused = c1.Request("POST", base + "/contacts",
                                          R"({"channel":"call","outcome":"no_answer","contact_point":)" + std::to_string(point) + "}");
  EXPECT_EQ(refused.status, 422) << refused.body;
  // The situation: repayment capacity from income and expenses.
  const HttpResponse situation = c1.Request("POST", base + "/situation",
                                            R"({"reason":"job_loss","income":"6000.00","expenses":"4000.00"})");
  ASSERT_EQ(situation.status, 200) << situation.body;
  EXPECT_TRUE(json::parse(situation.body).at("repayment_capacity").is_string());
  EXPECT_EQ(c1.Request("POST", base + "/situation", R"({"income":"6000.00"})").status, 400);
  // A PDF uploaded as a browser does, listed, and downloaded byte for byte; an executable posing as a PDF is refused.
  const std::string pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
  const HttpResponse uploaded = c1.Request("POST", base + "/documents",
                                           Multipart({{"kind", "evidence"}}, "C:\\fakepath\\还款凭证.pdf", "application/pdf", pdf),
                                           kMultipart);
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  const json::object info = json::parse(uploaded.body).as_object();
  EXPECT_EQ(info.at("file_name").as_string(), "还款凭证.pdf");
  EXPECT_EQ(info.at("media_type").as_string(), "application/pdf");
  const HttpResponse listed = c1.Request("GET", base + "/documents");
  EXPECT_EQ(json::parse(listed.body).at("items").as_array().size(), 1U);
  const HttpResponse download = c1.Request("GET", base + "/documents/" + std::to_string(info.at("id").as_int64()));
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.body, pdf);
  EXPECT_EQ(download.headers.at("content-type"), "application/pdf");
  EXPECT_NE(download.headers.at("content-disposition").find("%E8%BF%98"), std::string::npos);
  EXPECT_EQ(c2.Request("GET", base + "/documents/" + std::to_string(info.at("id").as_int64())).status, 404);
  const HttpResponse fake = c1.Request("POST", base + "/documents", Multipart({}, "x.pdf", "application/pdf", "MZ\x90\x00 binary"),
                                       kMultipart);
  EXPECT_EQ(fake.status, 400) << fake.body;
  EXPECT_EQ(c1.Request("POST", base + "/documents", "{}").status, 400);  // not multipart
  EXPECT_EQ(c1.Request("POST", base + "/documents", Multipart({{"colour", "red"}}, "a.pdf", "application/pdf", pdf), kMultipart).status,
            400);
  EXPECT_EQ(json::parse(c1.Request("GET", base + "/documents").body).at("items").as_array().size(), 1U);
}

TEST_P(HttpApi, VisitsLegalMattersAndPayments) {
  HttpClient c1 = SignedIn("c1");
  HttpClient legal = SignedIn("legal1");
  HttpClient sup = SignedIn("sup");
  const std::string c3 = "/api/v1/cases/" + std::to_string(CaseOf("C3"));
  const HttpResponse planned = c1.Request("POST", c3 + "/visits", R"({"date":"2026-12-02","collectors":["c1","c2"]})");
  ASSERT_EQ(planned.status, 201) << planned.body;
  const std::string visit = std::to_string(json::parse(planned.body).at("visit").as_int64());
  const HttpResponse alone = c1.Request("POST", c3 + "/visits", R"({"date":"2026-12-02","collectors":["c1"]})");
  EXPECT_EQ(alone.status / 100, 4) << alone.body;  // never fewer than two collectors
  const HttpResponse result = c1.Request("POST", c3 + "/visits/" + visit + "/result",
                                         R"({"outcome":"visited_met","result":"met at home, promised to pay on Friday"})");
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_TRUE(json::parse(result.body).at("made").as_bool()) << result.body;
  // Legal: transfer, update, return.
  const HttpResponse transferred = sup.Request("POST", c3 + "/legal", R"({"reason":"no payment after visit"})");
  ASSERT_EQ(transferred.status, 201) << transferred.body;
  const std::string matter = std::to_string(json::parse(transferred.body).at("legal_matter").as_int64());
  const HttpResponse updated = legal.Request("POST", c3 + "/legal/" + matter,
                                             R"({"status":"filed","court":"深圳市福田区人民法院","filed_on":"2026-12-01","add_costs":"350.00"})");
  ASSERT_EQ(updated.status, 200) << updated.body;
  const json::object shown = json::parse(legal.Request("GET", c3).body).as_object();
  const json::object m = shown.at("legal_matters").as_array()[0].as_object();
  EXPECT_EQ(m.at("status").as_string(), "filed");
  EXPECT_EQ(m.at("filed_on").as_string(), "2026-12-01");
  EXPECT_EQ(m.at("costs").as_string(), "350.00");
  EXPECT_EQ(legal.Request("POST", c3 + "/legal/" + matter, R"({"filed_on":"2026-13-01"})").status, 400);
  EXPECT_EQ(legal.Request("POST", c3 + "/legal/" + matter + "/return", R"({"reason":"settled out of court"})").status, 200);
  // Payments arrive by import and are listed on the case.
  const fs::path file = dir_ / "payments.csv";
  std::ofstream(file) << kPaymentHeader << "R9,A3,C3,2026-11-28T09:00:00+08:00,2026-11-28,500.00,CNY,bank_transfer,payment,\n";
  const std::string source = ARREARS_SOURCE_DIR;
  const CommandResult imported = Run({"import", "payments", file.string(), "--rules-dir", (dir_ / "rules").string(),
                                      "--policy", source + "/config/workflow.yaml"});
  ASSERT_EQ(imported.exit_status, 0) << imported.out << imported.err;
  const HttpResponse payments = c1.Request("GET", c3 + "/payments");
  ASSERT_EQ(payments.status, 200) << payments.body;
  const json::array paid = json::parse(payments.body).at("items").as_array();
  ASSERT_EQ(paid.size(), 1U);
  EXPECT_EQ(paid[0].at("payment_ref").as_string(), "R9");
  EXPECT_EQ(paid[0].at("amount").as_string(), "500.00");
  EXPECT_EQ(paid[0].at("account_ref").as_string(), "A3");
}

TEST_P(HttpApi, TheComplianceCheckJudgesABatchWithoutRecordingIt) {
  HttpClient c1 = SignedIn("c1");
  const std::string c1_case = std::to_string(CaseOf("C1"));
  // Two conversations today already: a third call is refused; an SMS is still allowed.
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(c1.Request("POST", "/api/v1/cases/" + c1_case + "/contacts",
                         R"({"channel":"call","outcome":"callback_requested","contact_point":1})").status, 201);
  }
  const std::int64_t attempts = AuditCount("contact.call");
  const HttpResponse checked = c1.Request(
      "POST", "/api/v1/compliance/check",
      R"({"contacts":[{"case":)" + c1_case + R"(,"channel":"call","contact_point":1},)" + R"({"case":)" + c1_case +
          R"(,"channel":"sms","contact_point":1,"message":"您的账单已逾期，请还款。回复TD退订"},)" + R"({"case":)" +
          std::to_string(CaseOf("C4")) + R"(,"channel":"call"}]})");
  ASSERT_EQ(checked.status, 200) << checked.body;
  const json::array items = json::parse(checked.body).at("items").as_array();
  ASSERT_EQ(items.size(), 3U);
  EXPECT_FALSE(items[0].at("made").as_bool()) << checked.body;
  EXPECT_EQ(items[0].at("verdict").as_string(), "block");
  EXPECT_NE(json::serialize(items[0].at("reasons")).find("CN-FREQ-CALLS"), std::string::npos) << checked.body;
  EXPECT_TRUE(items[1].at("made").as_bool()) << checked.body;
  EXPECT_EQ(items[2].at("error").at("status").as_int64(), 404);  // C4 is c2's: not in c1's scope
  EXPECT_EQ(AuditCount("contact.call"), attempts);  // nothing recorded
  EXPECT_EQ(AuditCount("contact.refused"), 0);
  EXPECT_EQ(c1.Request("POST", "/api/v1/compliance/check", R"({"contacts":[{"case":1,"chanel":"call"}]})").status, 400);
  EXPECT_EQ(c1.Request("POST", "/api/v1/compliance/check", R"({"contacts":[]})").status, 400);
}

TEST_P(HttpApi, ImportsRunInTheBackgroundWithProgressAndAnErrorsFile) {
  HttpClient sup = SignedIn("sup");
  auto wait = [&](const std::string& location) {
    json::object job;
    for (int i = 0; i < 100; ++i) {
      job = json::parse(sup.Request("GET", location).body).as_object();
      if (job.at("status").as_string() != "running") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return job;
  };
  // A payment that pays C1's overdue in full: applied, and the case closes as paid.
  const std::string payments = std::string(kPaymentHeader) +
                               "R1,A1,C1,2026-11-28T09:30:00+08:00,2026-11-28,1000.00,CNY,wechat_pay,payment,\n";
  const HttpResponse started = sup.Request("POST", "/api/v1/imports",
                                           Multipart({{"kind", "payments"}}, "payments.csv", "text/csv", payments), kMultipart);
  ASSERT_EQ(started.status, 202) << started.body;
  const std::string location = started.headers.at("location");
  const json::object done = wait(location);
  EXPECT_EQ(done.at("status").as_string(), "applied") << json::serialize(done);
  EXPECT_EQ(done.at("inserted").as_int64(), 1);
  EXPECT_EQ(json::parse(sup.Request("GET", "/api/v1/cases/" + std::to_string(CaseOf("C1"))).body).at("close_reason").as_string(),
            "paid_in_full");
  // A file with a bad row: nothing applied, the row in the errors file.
  const std::string bad = std::string(kPaymentHeader) +
                          "R2,A2,C2,2026-11-28T09:30:00+08:00,2026-11-28,100.00,CNY,wechat_pay,payment,\n"
                          "R3,A2,C2,2026-11-28T09:30:00+08:00,2026-11-28,-5,CNY,wechat_pay,payment,\n";
  const HttpResponse rejected = sup.Request("POST", "/api/v1/imports",
                                            Multipart({{"kind", "payments"}}, "bad.csv", "text/csv", bad), kMultipart);
  ASSERT_EQ(rejected.status, 202) << rejected.body;
  const std::string bad_location = rejected.headers.at("location");
  EXPECT_EQ(wait(bad_location).at("status").as_string(), "rejected");
  const HttpResponse errors = sup.Request("GET", bad_location + "/errors");
  ASSERT_EQ(errors.status, 200);
  EXPECT_TRUE(errors.body.starts_with("line,column,message\n3,amount,")) << errors.body;
  EXPECT_TRUE(json::parse(sup.Request("GET", "/api/v1/cases/" + std::to_string(CaseOf("C2")) + "/payments").body)
                  .at("items").as_array().empty());
  EXPECT_EQ(json::parse(sup.Request("GET", "/api/v1/imports").body).at("items").as_array().size(), 2U);
  EXPECT_EQ(sup.Request("POST", "/api/v1/imports", Multipart({}, "x.csv", "text/csv", payments), kMultipart).status, 400);
  EXPECT_EQ(sup.Request("GET", "/api/v1/imports/99").status, 404);
}

TEST_P(HttpApi, ExportsFollowScopeAndMaskingAndAreAudited) {
  HttpClient lead = SignedIn("lead");
  const HttpResponse exported = lead.Request("GET", "/api/v1/exports/cases");
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_TRUE(exported.headers.at("content-type").starts_with("text/csv"));
  std::vector<std::string> lines;
  std::istringstream in(exported.body.substr(3));  // after the byte-order mark
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 4U) << exported.body;  // the header and team east's three cases
  EXPECT_TRUE(lines[0].starts_with("case,customer_ref,customer_name,stage,owner"));
  EXPECT_NE(lines[1].find(",C1,王芳,"), std::string::npos) << lines[1];
  for (const char* secret : {"110105199001011232", "13800000001"}) EXPECT_EQ(exported.body.find(secret), std::string::npos);
  EXPECT_EQ(AuditCount("cases.export"), 1);
}

TEST_P(HttpApi, RolesAndRulePacksAreReadAndAnAdministratorReplacesAPack) {
  HttpClient c1 = SignedIn("c1");
  HttpClient admin = SignedIn("admin");
  const json::array roles = json::parse(c1.Request("GET", "/api/v1/roles").body).at("items").as_array();
  ASSERT_EQ(roles.size(), 8U);
  const std::string collector = json::serialize(roles[0]);
  EXPECT_NE(collector.find("POST /api/v1/cases/{id}/contacts"), std::string::npos);
  EXPECT_EQ(collector.find("POST /api/v1/users"), std::string::npos);
  const HttpResponse pack = c1.Request("GET", "/api/v1/rule-packs/cn-default");
  ASSERT_EQ(pack.status, 200);
  EXPECT_NE(pack.body.find("CN-FREQ-CALLS"), std::string::npos);
  std::string yaml = c1.Request("GET", "/api/v1/rule-packs/cn-default", "", {{"Accept", "application/yaml"}}).body;
  ASSERT_NE(yaml.find("version: 1"), std::string::npos);
  // Contact hours narrowed to 09:00-20:00, at version 2: in force for the next request, and kept on disk.
  const std::string c1_case = std::to_string(CaseOf("C1"));
  const std::string call = R"({"contacts":[{"case":)" + c1_case + R"(,"channel":"call","contact_point":1}]})";
  Start("2026-11-28T08:30:00+08:00");
  c1 = SignedIn("c1");
  admin = SignedIn("admin");
  EXPECT_TRUE(json::parse(c1.Request("POST", "/api/v1/compliance/check", call).body).at("items").as_array()[0].at("made").as_bool());
  std::string narrowed = yaml;
  narrowed.replace(narrowed.find("version: 1"), 10, "version: 2");
  narrowed.replace(narrowed.find("start: \"08:00\""), 14, "start: \"09:00\"");
  EXPECT_EQ(admin.Request("PUT", "/api/v1/rule-packs/cn-default", yaml, {{"Content-Type", "application/yaml"}}).status,
            409);  // the same version
  EXPECT_EQ(admin.Request("PUT", "/api/v1/rule-packs/cn-default", "pack: [", {{"Content-Type", "application/yaml"}}).status,
            400);
  const HttpResponse replaced =
      admin.Request("PUT", "/api/v1/rule-packs/cn-default", narrowed, {{"Content-Type", "application/yaml"}});
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_FALSE(json::parse(c1.Request("POST", "/api/v1/compliance/check", call).body).at("items").as_array()[0].at("made").as_bool());
  std::ifstream saved(dir_ / "rules" / "cn-default.yaml");
  std::stringstream text;
  text << saved.rdbuf();
  EXPECT_EQ(text.str(), narrowed);
}

// `arrears demo setup` prepares what the README's first command serves.
class DemoSetup : public ::testing::TestWithParam<Backend> {
 protected:
  TestDatabase db_{GetParam()};
};

TEST_P(DemoSetup, PreparesAPortfolioCasesAndOneUserPerRole) {
  const fs::path dir = ScratchDir("arrears-demo-setup");
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string source = ARREARS_SOURCE_DIR;
  const CommandResult setup = RunArrears(
      {"demo", "setup", "--customers", "200", "--data-dir", (dir / "demo").string(), "--db", db_.url(), "--key-file",
       (dir / "k").string(), "--rules-dir", source + "/config/rules", "--policy", source + "/config/workflow.yaml",
       "--templates", source + "/config/templates", "--strategy", source + "/config/strategies/default.yaml",
       "--allocation", source + "/config/allocation.yaml"},
      {std::string("ARREARS_NOW=") + kNow});
  ASSERT_EQ(setup.exit_status, 0) << setup.out << setup.err;
  EXPECT_NE(setup.out.find("Demo2026pass"), std::string::npos);
  auto session = db_.database().Acquire();
  EXPECT_EQ(session->Query("SELECT COUNT(DISTINCT role) FROM users")[0].Int(0), 8);
  // The first night of the cycle opened and allocated the cases: each is a collector's, or (the late buckets)
  // its debtor has been told of the placement with the agency that follows the notice period.
  const std::int64_t owned = session->Query("SELECT COUNT(*) FROM cases WHERE owner IS NOT NULL")[0].Int(0);
  const std::int64_t noticed =
      session->Query("SELECT COUNT(*) FROM cases WHERE owner IS NULL AND agency_notice_on = '2026-11-28'")[0].Int(0);
  EXPECT_GT(owned, 0);
  EXPECT_GT(noticed, 0);
  EXPECT_EQ(session->Query("SELECT COUNT(*) FROM cases")[0].Int(0), owned + noticed);
  EXPECT_NE(setup.out.find(std::to_string(owned) + " cases assigned to collectors, " + std::to_string(noticed) +
                           " to be placed with an agency"),
            std::string::npos)
      << setup.out;
  // Each collector's work queue for the day is ready.
  EXPECT_GT(session->Query("SELECT COUNT(*) FROM queue_items WHERE owner = 'zhangwei'")[0].Int(0), 0);
  // The shipped templates, ready to send: five of them (three reminders, two result notices) in zh and en.
  EXPECT_EQ(session->Query("SELECT COUNT(*) FROM message_templates WHERE version = 1")[0].Int(0), 10);
  // A demo collector signs in and sees their own cases.
  ServerProcess server({"--db", db_.url(), "--key-file", (dir / "k").string(), "--quiet", "--rules-dir",
                        source + "/config/rules", "--policy", source + "/config/workflow.yaml"},
                       kNow);
  HttpClient client(server.port());
  ASSERT_EQ(client.Request("POST", "/api/v1/session", R"({"login":"zhangwei","password":"Demo2026pass"})").status, 201);
  const HttpResponse cases = client.Request("GET", "/api/v1/cases");
  ASSERT_EQ(cases.status, 200);
  const json::value page = json::parse(cases.body);
  const auto& items = page.at("items").as_array();
  ASSERT_FALSE(items.empty());
  for (const auto& item : items) EXPECT_EQ(item.at("owner").as_string(), "zhangwei");
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoSetup, ::testing::Values(Backend::kSqlite, Backend::kPostgresql),
                         [](const auto& param_info) { return BackendName(param_info.param); });

INSTANTIATE_TEST_SUITE_P(Backends, HttpApi, ::testing::Values(Backend::kSqlite, Backend::kPostgresql),
                         [](const auto& param_info) { return BackendName(param_info.param); });

}  // namespace
}  // namespace arrears::testing
