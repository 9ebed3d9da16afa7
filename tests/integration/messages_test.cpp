// Messages and letters through real channels (on SQLite and PostgreSQL):
// templates refused when saved, SMS and email queued from a case, the
// dispatcher sending email to a real SMTP server on loopback (aiosmtpd) — held
// outside the permitted hours, retried when refused for now, failed when
// refused for good, never sent twice after a dispatcher died mid-send — SMS
// through the project's gateway with receipts posted back, opt-out replies,
// and every kind of letter typeset as PDF and read back with pdftotext.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/child_process.hpp"
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

constexpr const char* kNow = "2026-11-30T10:00:00+08:00";
constexpr const char* kPassword = "Collect2026ok";

class Messages : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    dir_ = ScratchDir("arrears-messages");
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "mail");
    key_ = (dir_ / "arrears.key").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  CommandResult Run(TestDatabase& db, std::vector<std::string> arguments, const std::string& now = kNow,
                    const std::string& input = {}) {
    const std::string source = ARREARS_SOURCE_DIR;
    arguments.insert(arguments.end(), {"--db", db.url(), "--key-file", key_, "--rules-dir", source + "/config/rules",
                                       "--policy", source + "/config/workflow.yaml"});
    return RunArrears(arguments, {"ARREARS_NOW=" + now}, input);
  }
  // The small portfolio, a collector and a supervisor, the shipped templates, and an email address for C1 and C2.
  void Prepare(TestDatabase& db) {
    ASSERT_EQ(RunArrears({"migrate", "--db", db.url(), "--key-file", key_}).exit_status, 0);
    for (auto import : WritePortfolio(dir_)) {
      import.insert(import.end(), {"--db", db.url(), "--key-file", key_});
      ASSERT_EQ(RunArrears(import, {"ARREARS_NOW=" + std::string(kNow)}).exit_status, 0);
    }
    for (const auto& [login, role] : std::vector<std::pair<const char*, const char*>>{{"c1", "collector"},
                                                                                      {"sup", "supervisor"}}) {
      ASSERT_EQ(RunArrears({"user", "add", login, "--role", role, "--password-stdin", "--db", db.url(), "--key-file", key_},
                           {"ARREARS_NOW=" + std::string(kNow)}, std::string(kPassword) + "\n")
                    .exit_status,
                0);
    }
    ASSERT_EQ(Run(db, {"case", "open-due", "--as", "system"}).exit_status, 0);
    for (const char* customer : {"C1", "C2", "C3", "C4", "C5"}) {
      ASSERT_EQ(Run(db, {"case", "assign", customer, "c1", "--as", "sup"}).exit_status, 0);
    }
    const CommandResult imported =
        Run(db, {"template", "import", std::string(ARREARS_SOURCE_DIR) + "/config/templates", "--as", "sup"});
    ASSERT_EQ(imported.exit_status, 0) << imported.err;
  }
  void AddEmail(TestDatabase& db, const std::string& customer, const std::string& address) {
    const CommandResult added = Run(db, {"case", "add-contact", customer, "--kind", "email", "--value", address,
                                         "--source", "debtor", "--as", "sup"});
    ASSERT_EQ(added.exit_status, 0) << added.err;
  }
  json::object Send(TestDatabase& db, const std::string& customer, const std::string& channel,
                    const std::string& template_id, const std::string& now = kNow) {
    const CommandResult sent = Run(db, {"message", "send", customer, "--channel", channel, "--template", template_id,
                                        "--as", "c1", "--json"},
                                   now);
    EXPECT_EQ(sent.exit_status, 0) << sent.err;
    return sent.exit_status == 0 ? json::parse(sent.out).as_object() : json::object{};
  }
  json::object Dispatch(TestDatabase& db, const std::string& now) {
    const CommandResult run = Run(db, {"outbox", "run", "--channels", channels_, "--json"}, now);
    EXPECT_EQ(run.exit_status, 0) << run.err;
    return run.exit_status == 0 ? json::parse(run.out).as_object() : json::object{};
  }
  json::array MessagesOf(TestDatabase& db, const std::string& customer) {
    const CommandResult listed = Run(db, {"message", "list", customer, "--as", "sup", "--json"});
    EXPECT_EQ(listed.exit_status, 0) << listed.err;
    return listed.exit_status == 0 ? json::parse(listed.out).at("messages").as_array() : json::array{};
  }
  // The SMTP sink on a free port and the channels file that points at it.
  std::unique_ptr<ChildProcess> StartSmtpSink() {
    const int port = FreePort();
    WriteChannels("smtp://127.0.0.1:" + std::to_string(port));
    return std::make_unique<ChildProcess>(
        std::vector<std::string>{"/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + std::to_string(port),
                                 "-c", "smtp_sink.Sink", (dir_ / "mail").string()},
        std::vector<std::string>{"PYTHONPATH=" + std::string(ARREARS_SOURCE_DIR) + "/tests/support"}, port);
  }
  // The project's SMS gateway on a free port; `receipts` (a server's URL) gets its delivery receipts.
  std::unique_ptr<ChildProcess> StartSmsGateway(int port, const std::string& receipts = "") {
    std::vector<std::string> argv = {"/usr/bin/python3", std::string(ARREARS_SOURCE_DIR) + "/tests/support/sms_gateway.py",
                                     std::to_string(port), (dir_ / "mail").string()};
    if (!receipts.empty()) argv.insert(argv.end(), {receipts, "callback-secret"});
    return std::make_unique<ChildProcess>(argv, std::vector<std::string>{}, port);
  }
  void WriteSmsChannels(int port, bool deduplicates) {
    channels_ = (dir_ / "channels.yaml").string();
    std::ofstream(channels_) << "sms:\n  url: http://127.0.0.1:" << port << "/send\n"
                             << "  headers: [\"Authorization: Bearer ${SMS_TEST_KEY}\"]\n"
                             << "  payload: '{\"to\": \"{{to}}\", \"text\": \"{{text}}\", \"reference\": \"{{reference}}\"}'\n"
                             << "  message_id_field: message_id\n  deduplicates: " << (deduplicates ? "true" : "false")
                             << "\n  callback_token: callback-secret\n"
                             << "  receipts: {id_field: message_id, status_field: status, delivered: [DELIVRD], "
                                "failed: [UNDELIV]}\n";
  }
  std::vector<json::object> GatewayRequests() {
    std::vector<json::object> requests;
    std::ifstream in(dir_ / "mail" / "requests.jsonl");
    for (std::string line; std::getline(in, line);) requests.push_back(json::parse(line).as_object());
    return requests;
  }
  std::int64_t AddMobile(TestDatabase& db, const std::string& customer, const std::string& number) {
    const CommandResult added = Run(db, {"case", "add-contact", customer, "--kind", "mobile", "--value", number,
                                         "--source", "debtor", "--as", "sup", "--json"});
    EXPECT_EQ(added.exit_status, 0) << added.err;
    return json::parse(added.out).at("contact_point").as_int64();
  }
  void WriteChannels(const std::string& url) {
    channels_ = (dir_ / "channels.yaml").string();
    std::ofstream(channels_) << "email:\n  url: " << url << "\n  from: collections@example-bank.cn\n"
                             << "  from_name: 示例银行信用卡中心\n  timeout_seconds: 5\n";
  }
  std::vector<fs::path> Mail() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir_ / "mail")) {
      if (entry.path().extension() == ".eml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
  }
  json::object ReadMail(const fs::path& file) {
    const CommandResult read = RunProgram({"/usr/bin/python3", std::string(ARREARS_SOURCE_DIR) + "/tests/support/read_mail.py",
                                           file.string()});
    EXPECT_EQ(read.exit_status, 0) << read.err;
    return json::parse(read.out).as_object();
  }

  fs::path dir_;
  std::string key_;
  std::string channels_;
};

TEST_P(Messages, AnEmailReachesTheSmtpServerWithItsChineseTextIntact) {
  TestDatabase db(GetParam());
  Prepare(db);
  AddEmail(db, "C2", "wang.fang@example.com");
  const auto sink = StartSmtpSink();
  const json::object queued = Send(db, "C2", "email", "reminder_email");
  EXPECT_EQ(std::string(queued.at("status").as_string()), "queued");
  // Nothing goes out inside the request: the dispatcher sends it.
  EXPECT_TRUE(Mail().empty());
  const json::object run = Dispatch(db, "2026-11-30T10:01:00+08:00");
  EXPECT_EQ(run.at("sent").as_int64(), 1);
  const auto files = Mail();
  ASSERT_EQ(files.size(), 1u);
  const json::object mail = ReadMail(files[0]);
  EXPECT_EQ(std::string(mail.at("to").as_string()), "wang.fang@example.com");
  EXPECT_EQ(std::string(mail.at("from").as_string()), "示例银行信用卡中心 <collections@example-bank.cn>");
  EXPECT_EQ(std::string(mail.at("subject").as_string()), "示例银行信用卡中心：您的账户已逾期20天");
  EXPECT_EQ(std::string(mail.at("content_type").as_string()), "multipart/alternative");
  const std::string text(mail.at("text").as_string());
  // C2 (loan A2): overdue principal 12,000.00, interest 600.00; nothing else overdue.
  EXPECT_NE(text.find("逾期本金 12,000.00元，利息 600.00元"), std::string::npos) << text;
  EXPECT_NE(text.find("合计 12,600.00元"), std::string::npos) << text;
  EXPECT_NE(text.find("回复TD退订"), std::string::npos) << text;
  EXPECT_NE(std::string(mail.at("html").as_string()).find("<p>"), std::string::npos);
  // Sent once: a second run finds nothing due.
  EXPECT_EQ(Dispatch(db, "2026-11-30T10:30:00+08:00").at("sent").as_int64(), 0);
  const json::array messages = MessagesOf(db, "C2");
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(std::string(messages[0].at("status").as_string()), "sent");
  EXPECT_EQ(std::string(messages[0].at("provider_id").as_string()), mail.at("message_id").as_string());
}

TEST_P(Messages, AMessageQueuedAt2055IsHeldToTheNextWindowNotSentAt2103) {
  TestDatabase db(GetParam());
  Prepare(db);
  AddEmail(db, "C2", "wang.fang@example.com");
  const auto sink = StartSmtpSink();
  EXPECT_EQ(std::string(Send(db, "C2", "email", "reminder_email", "2026-11-30T20:55:00+08:00").at("status").as_string()), "queued");
  const json::object late = Dispatch(db, "2026-11-30T21:03:00+08:00");
  EXPECT_EQ(late.at("held").as_int64(), 1);
  EXPECT_EQ(late.at("sent").as_int64(), 0);
  EXPECT_TRUE(Mail().empty());
  json::array messages = MessagesOf(db, "C2");
  EXPECT_EQ(std::string(messages[0].at("status").as_string()), "held");
  EXPECT_EQ(std::string(messages[0].at("next_attempt_at").as_string()), "2026-12-01T00:00:00Z");  // 08:00 in Shanghai
  // Still night at 07:59: held; at 08:00 it goes.
  EXPECT_EQ(Dispatch(db, "2026-12-01T07:59:00+08:00").at("sent").as_int64(), 0);
  EXPECT_EQ(Dispatch(db, "2026-12-01T08:00:00+08:00").at("sent").as_int64(), 1);
  EXPECT_EQ(Mail().size(), 1u);
  // Asked for outside the hours, it is held from the start.
  const json::object night = Send(db, "C2", "email", "reminder_email", "2026-11-30T22:00:00+08:00");
  EXPECT_EQ(std::string(night.at("status").as_string()), "held");
  EXPECT_EQ(std::string(night.at("next_attempt_at").as_string()), "2026-12-01T00:00:00Z");
}

TEST_P(Messages, ARefusalForNowIsRetriedAndARefusalForGoodFails) {
  TestDatabase db(GetParam());
  Prepare(db);
  AddEmail(db, "C1", "flaky.zhang@example.com");
  AddEmail(db, "C2", "refuse.wang@example.com");
  AddEmail(db, "C3", "busy.li@example.com");
  const auto sink = StartSmtpSink();
  for (const char* customer : {"C1", "C2", "C3"}) Send(db, customer, "email", "reminder_email");
  const json::object first = Dispatch(db, "2026-11-30T10:01:00+08:00");
  EXPECT_EQ(first.at("retried").as_int64(), 2);  // flaky and busy: 451
  EXPECT_EQ(first.at("failed").as_int64(), 1);   // refuse: 550
  const json::array refused = MessagesOf(db, "C2");
  EXPECT_EQ(std::string(refused[0].at("status").as_string()), "failed");
  EXPECT_NE(std::string(refused[0].at("reason").as_string()).find("550"), std::string::npos);
  const json::array waiting = MessagesOf(db, "C1");
  EXPECT_EQ(std::string(waiting[0].at("status").as_string()), "queued");
  EXPECT_EQ(std::string(waiting[0].at("next_attempt_at").as_string()), "2026-11-30T02:02:00Z");  // one minute on
  // Before the backoff nothing is tried; after it the flaky server accepts.
  EXPECT_EQ(Dispatch(db, "2026-11-30T10:01:30+08:00").at("retried").as_int64(), 0);
  const json::object second = Dispatch(db, "2026-11-30T10:02:00+08:00");
  EXPECT_EQ(second.at("sent").as_int64(), 1);
  EXPECT_EQ(Mail().size(), 1u);
  // The busy one runs out of attempts (5, after 1, 5, 30 and 120 minutes) and fails.
  for (const char* now : {"2026-11-30T10:10:00+08:00", "2026-11-30T10:45:00+08:00", "2026-11-30T12:50:00+08:00",
                          "2026-11-30T15:00:00+08:00"}) {
    Dispatch(db, now);
  }
  const json::array busy = MessagesOf(db, "C3");
  EXPECT_EQ(std::string(busy[0].at("status").as_string()), "failed");
  EXPECT_EQ(busy[0].at("attempts").as_int64(), 5);
  EXPECT_NE(std::string(busy[0].at("reason").as_string()).find("after 5 attempts"), std::string::npos);
}

TEST_P(Messages, AnEmailInterruptedMidSendIsNotSentAgain) {
  TestDatabase db(GetParam());
  Prepare(db);
  AddEmail(db, "C2", "wang.fang@example.com");
  // A server that takes the connection and never answers: the dispatcher is killed while it waits.
  const int silent = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(silent, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(listen(silent, 4), 0);
  socklen_t length = sizeof address;
  getsockname(silent, reinterpret_cast<sockaddr*>(&address), &length);
  WriteChannels("smtp://127.0.0.1:" + std::to_string(ntohs(address.sin_port)));
  Send(db, "C2", "email", "reminder_email");
  const std::string source = ARREARS_SOURCE_DIR;
  const pid_t pid = fork();
  if (pid == 0) {
    const int null_fd = open("/dev/null", O_RDWR);
    dup2(null_fd, 1);
    dup2(null_fd, 2);
    setenv("ARREARS_NOW", "2026-11-30T10:01:00+08:00", 1);
    execl(ARREARS_BINARY, ARREARS_BINARY, "outbox", "run", "--channels", channels_.c_str(), "--db", db.url().c_str(),
          "--key-file", key_.c_str(), "--rules-dir", (source + "/config/rules").c_str(), "--policy",
          (source + "/config/workflow.yaml").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Killed once the message is claimed (`sending`).
  for (int i = 0; i < 100 && std::string(MessagesOf(db, "C2")[0].at("status").as_string()) != "sending"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  close(silent);
  ASSERT_EQ(std::string(MessagesOf(db, "C2")[0].at("status").as_string()), "sending");
  // A real server now; the next runs do not send it again (an SMTP server does not deduplicate).
  const auto sink = StartSmtpSink();
  EXPECT_EQ(Dispatch(db, "2026-11-30T10:05:00+08:00").at("sent").as_int64(), 0);  // not stale yet
  const json::object later = Dispatch(db, "2026-11-30T10:20:00+08:00");
  EXPECT_EQ(later.at("failed").as_int64(), 1);
  EXPECT_TRUE(Mail().empty());
  const json::array messages = MessagesOf(db, "C2");
  EXPECT_EQ(std::string(messages[0].at("status").as_string()), "failed");
  EXPECT_NE(std::string(messages[0].at("reason").as_string()).find("not sent again"), std::string::npos);
}

TEST_P(Messages, AnOptOutReplyStopsTheMediumAndTheRuleIsNamed) {
  TestDatabase db(GetParam());
  Prepare(db);
  EXPECT_EQ(Send(db, "C1", "sms", "reminder_gentle").at("segments").as_int64(), 2);
  const CommandResult reply =
      Run(db, {"message", "reply", "--channel", "sms", "--from", "138-0000-0001", "--text", " 退订 ", "--as", "system", "--json"});
  ASSERT_EQ(reply.exit_status, 0) << reply.err;
  EXPECT_TRUE(json::parse(reply.out).at("opted_out").as_bool());
  const CommandResult refused = Run(db, {"message", "send", "C1", "--channel", "sms", "--template", "reminder_gentle", "--as", "c1"});
  EXPECT_EQ(refused.exit_status, 1);
  EXPECT_NE(refused.err.find("CN-MEDIUM"), std::string::npos) << refused.err;
  // A reply from a number that is nobody's records nothing.
  const CommandResult stranger =
      Run(db, {"message", "reply", "--channel", "sms", "--from", "13999999999", "--text", "TD", "--as", "system", "--json"});
  EXPECT_FALSE(json::parse(stranger.out).at("matched").as_bool());
  // The opt-out is on C1's timeline.
  const CommandResult timeline = Run(db, {"case", "timeline", "C1", "--as", "sup"});
  EXPECT_NE(timeline.out.find("opted out of sms"), std::string::npos) << timeline.out;
}

TEST_P(Messages, TemplatesWithAnUnknownVariableOrAForbiddenPhraseAreRefusedNamingThem) {
  TestDatabase db(GetParam());
  Prepare(db);
  const fs::path bad = dir_ / "bad.yaml";
  std::ofstream(bad) << "id: pressure\nchannel: sms\nzh:\n  body: \"{{debtor_name}}，欠款{{balance}}元。{{opt_out}}\"\n";
  CommandResult refused = Run(db, {"template", "import", bad.string(), "--as", "sup"});
  EXPECT_EQ(refused.exit_status, 2);
  EXPECT_NE(refused.err.find("{{balance}} is not a template variable"), std::string::npos) << refused.err;
  std::ofstream(bad) << "id: pressure\nchannel: sms\nzh:\n  body: \"再不还钱就让你坐牢。{{opt_out}}\"\n";
  refused = Run(db, {"template", "import", bad.string(), "--as", "sup"});
  EXPECT_EQ(refused.exit_status, 1);
  EXPECT_NE(refused.err.find("\"坐牢\" (threat, rule CN-LANGUAGE)"), std::string::npos) << refused.err;
  // Nothing was saved: the shipped templates are at version 1, and no "pressure".
  const CommandResult listed = Run(db, {"template", "list", "--as", "sup", "--json"});
  const json::value templates = json::parse(listed.out);
  for (const json::value& t : templates.at("templates").as_array()) {
    EXPECT_NE(std::string(t.at("id").as_string()), "pressure");
    EXPECT_EQ(t.at("version").as_int64(), 1);
  }
  // A collector may not edit templates.
  EXPECT_EQ(Run(db, {"template", "import", std::string(ARREARS_SOURCE_DIR) + "/config/templates", "--as", "c1"}).exit_status, 1);
}

// The result notice after a call: the promise, then the plan in force, in the debtor's SMS.
TEST_P(Messages, TheResultNoticeConfirmsThePromiseAndThePlanInForce) {
  TestDatabase db(GetParam());
  Prepare(db);
  const auto preview = [&](const char* id) {
    const CommandResult shown = Run(db, {"template", "preview", id, "--case", "C2", "--as", "c1", "--json"});
    EXPECT_EQ(shown.exit_status, 0) << shown.err;
    return shown.exit_status == 0 ? std::string(json::parse(shown.out).at("body").as_string()) : std::string();
  };
  // C2 owes 12,600.00 overdue (principal 12,000.00, interest 600.00).
  ASSERT_EQ(Run(db, {"case", "promise", "C2", "--amount", "12600.00", "--date", "2026-12-05", "--as", "c1"}).exit_status, 0);
  const std::string promise = preview("promise_confirmation");
  EXPECT_NE(promise.find("您已承诺于2026-12-05前还款12,600.00元"), std::string::npos) << promise;
  EXPECT_NE(promise.find("回复TD退订"), std::string::npos) << promise;
  // Six installments of 12,600.00 / 6 = 2,100.00, within a collector's authority: in force at once.
  const CommandResult plan = Run(db, {"case", "plan", "C2", "--periods", "6", "--first-due", "2026-12-10", "--as", "c1"});
  ASSERT_EQ(plan.exit_status, 0) << plan.err;
  const std::string terms = preview("plan_confirmation");
  EXPECT_NE(terms.find("您的还款方案已生效：6期，每期2,100.00元，首期2026-12-10"), std::string::npos) << terms;
}

TEST_P(Messages, SmsGoThroughTheProvidersGatewayAsConfigured) {
  TestDatabase db(GetParam());
  Prepare(db);
  const int port = FreePort();
  WriteSmsChannels(port, true);
  const auto gateway = StartSmsGateway(port);
  const std::int64_t invalid = AddMobile(db, "C4", "13900000009");
  const std::int64_t busy = AddMobile(db, "C3", "13900000008");
  Send(db, "C1", "sms", "reminder_gentle");
  for (const auto& [customer, point] : {std::pair{"C4", invalid}, std::pair{"C3", busy}}) {
    const CommandResult sent = Run(db, {"message", "send", customer, "--channel", "sms", "--template", "reminder_gentle",
                                        "--contact-point", std::to_string(point), "--as", "c1"});
    ASSERT_EQ(sent.exit_status, 0) << sent.err;
  }
  const std::vector<std::string> key = {"SMS_TEST_KEY=k-123"};
  const std::string source = ARREARS_SOURCE_DIR;
  auto dispatch = [&](const std::string& now) {
    std::vector<std::string> args = {"outbox", "run", "--channels", channels_, "--json"};
    args.insert(args.end(), {"--db", db.url(), "--key-file", key_, "--rules-dir", source + "/config/rules", "--policy",
                             source + "/config/workflow.yaml"});
    const CommandResult run = RunArrears(args, {"ARREARS_NOW=" + now, key[0]});
    EXPECT_EQ(run.exit_status, 0) << run.err;
    return json::parse(run.out).as_object();
  };
  const json::object first = dispatch("2026-11-30T10:01:00+08:00");
  EXPECT_EQ(first.at("sent").as_int64(), 1);
  EXPECT_EQ(first.at("failed").as_int64(), 1);   // 400 invalid number: never
  EXPECT_EQ(first.at("retried").as_int64(), 1);  // 503: later
  EXPECT_EQ(dispatch("2026-11-30T10:02:00+08:00").at("sent").as_int64(), 1);
  // What the provider received: the number, the text as rendered, our reference, the key from the environment.
  const auto requests = GatewayRequests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(std::string(requests[0].at("to").as_string()), "13800000001");
  EXPECT_EQ(std::string(requests[0].at("authorization").as_string()), "Bearer k-123");
  const std::string text(requests[0].at("text").as_string());
  // C1: 王芳, female; account A1 five days past due, 1,000.00 overdue; 2 segments of 67 (70 < length <= 134).
  EXPECT_EQ(text, "【示例银行信用卡中心】尊敬的王芳女士，您尾号A1的账户已逾期5天，应还1,000.00元。请尽快还款，以免产生更多费用。"
                  "如已还款请忽略。咨询请致电400-800-9555。回复TD退订");
  EXPECT_NE(text.find("回复TD退订"), std::string::npos) << text;
  const json::array c4 = MessagesOf(db, "C4");
  EXPECT_EQ(std::string(c4[0].at("status").as_string()), "failed");
  EXPECT_NE(std::string(c4[0].at("reason").as_string()).find("HTTP 400"), std::string::npos);
  const json::array c1 = MessagesOf(db, "C1");
  EXPECT_EQ(std::string(c1[0].at("provider_id").as_string()), "gw-1");
  // A bad channels file is refused naming the file and line, and sends nothing.
  std::ofstream(channels_) << "sms:\n  url: ftp://example\n";
  const CommandResult bad = RunArrears({"outbox", "run", "--channels", channels_, "--db", db.url(), "--key-file", key_,
                                        "--rules-dir", source + "/config/rules", "--policy", source + "/config/workflow.yaml"},
                                       {"ARREARS_NOW=2026-11-30T10:03:00+08:00"});
  EXPECT_EQ(bad.exit_status, 2);
  EXPECT_NE(bad.err.find("channels.yaml:2: the sms url starts with http://"), std::string::npos) << bad.err;
}

TEST_P(Messages, TheServerSendsAndTheProviderPostsReceiptsAndRepliesBack) {
  TestDatabase db(GetParam());
  Prepare(db);
  const int gateway_port = FreePort();
  WriteSmsChannels(gateway_port, true);
  setenv("SMS_TEST_KEY", "k-123", 1);  // the server inherits it; the channels file names it
  const std::string source = ARREARS_SOURCE_DIR;
  ServerProcess server({"--db", db.url(), "--key-file", key_, "--rules-dir", source + "/config/rules", "--policy",
                        source + "/config/workflow.yaml", "--channels", channels_, "--outbox-every", "1", "--quiet"},
                       kNow);
  const std::string base = "http://127.0.0.1:" + std::to_string(server.port());
  const auto gateway = StartSmsGateway(gateway_port, base + "/api/v1/channels/sms/receipts");
  ASSERT_EQ(std::string(Send(db, "C1", "sms", "reminder_gentle").at("status").as_string()), "queued");
  // The server's dispatcher sends it within a second or two; the gateway's receipt marks it delivered.
  std::string status;
  for (int i = 0; i < 100 && status != "delivered"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    status = std::string(MessagesOf(db, "C1")[0].at("status").as_string());
  }
  EXPECT_EQ(status, "delivered");
  // A receipt without the token is refused; a reply with it opts the debtor out.
  HttpClient client(server.port());
  EXPECT_EQ(client.Request("POST", "/api/v1/channels/sms/receipts", R"({"message_id":"gw-1","status":"UNDELIV"})").status, 401);
  const HttpResponse reply = client.Request("POST", "/api/v1/channels/sms/replies", R"({"from":"13800000001","text":"TD"})",
                                            {{"X-Arrears-Token", "callback-secret"}});
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_TRUE(json::parse(reply.body).at("opted_out").as_bool());
  EXPECT_EQ(Run(db, {"message", "send", "C1", "--channel", "sms", "--template", "reminder_gentle", "--as", "c1"}).exit_status, 1);
  EXPECT_EQ(server.Stop(), 0);
}

TEST_P(Messages, TheStrategysSmsStepsAreQueuedInOneBatch) {
  TestDatabase db(GetParam());
  Prepare(db);
  // Day 0 of the shipped strategy: the early_small (C1, C5) and early (C2) segments get the gentle reminder by SMS;
  // the middle segment (C3, C4) is called.
  const std::string source = ARREARS_SOURCE_DIR;
  const CommandResult cycle = Run(db, {"cycle", "--as-of", "2026-11-30", "--strategy", source + "/config/strategies/default.yaml",
                                       "--allocation", source + "/config/allocation.yaml"});
  ASSERT_EQ(cycle.exit_status, 0) << cycle.err;
  const CommandResult batch = Run(db, {"message", "batch", "--date", "2026-11-30", "--as", "system", "--json"});
  ASSERT_EQ(batch.exit_status, 0) << batch.err;
  const json::value summary = json::parse(batch.out);
  EXPECT_EQ(summary.at("queued").as_int64(), 3) << batch.out;
  EXPECT_EQ(summary.at("refused").as_int64(), 0) << batch.out;
  for (const char* customer : {"C1", "C2", "C5"}) {
    const json::array messages = MessagesOf(db, customer);
    ASSERT_EQ(messages.size(), 1u) << customer;
    EXPECT_EQ(std::string(messages[0].at("template").as_string()), "reminder_gentle");
  }
  EXPECT_TRUE(MessagesOf(db, "C3").empty());
}

// The text of a PDF (pdftotext), one page or all.
std::string PdfText(const std::string& file, int page = 0) {
  std::vector<std::string> argv = {"/usr/bin/pdftotext"};
  if (page > 0) argv.insert(argv.end(), {"-f", std::to_string(page), "-l", std::to_string(page)});
  argv.insert(argv.end(), {file, "-"});
  const CommandResult text = RunProgram(argv);
  EXPECT_EQ(text.exit_status, 0) << text.err;
  return text.out;
}

// pdftotext puts spaces and line breaks where the layout has them: without them, a phrase is found whole.
std::string Squeezed(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\f') out.push_back(c);
  }
  return out;
}

int PdfPages(const std::string& file) {
  const CommandResult info = RunProgram({"/usr/bin/pdfinfo", file});
  const auto at = info.out.find("Pages:");
  return at == std::string::npos ? 0 : std::stoi(info.out.substr(at + 6));
}

TEST_P(Messages, EveryKindOfLetterIsTypesetWithItsChineseTextAndAmounts) {
  TestDatabase db(GetParam());
  Prepare(db);
  auto render = [&](const std::string& customer, const std::string& type, const std::string& as,
                    const std::string& now = kNow) {
    const std::string out = (dir_ / (type + "-" + customer + ".pdf")).string();
    const CommandResult rendered =
        Run(db, {"letter", "render", "--case", customer, "--type", type, "--out", out, "--as", as, "--json"}, now);
    EXPECT_EQ(rendered.exit_status, 0) << rendered.err;
    return std::make_pair(out, rendered.exit_status == 0 ? json::parse(rendered.out).as_object() : json::object{});
  };
  // 催款函: C2's loan, 12,000.00 principal and 600.00 interest overdue, with what the card rules require.
  const auto [collection, kept] = render("C2", "collection", "c1");
  const std::string text = Squeezed(PdfText(collection));
  for (const char* expected : {"催", "致：李强先生（证件号码：310104********2341）", "12,000.00", "600.00", "12,600.00",
                               "一、催收事由及依据", "中华人民共和国民法典", "二、您的权利和义务", "三、查询和还款方式",
                               "四、异议及证据提交", "400-800-9555", "示例银行股份有限公司信用卡中心", "编号：CS-20261130-"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  EXPECT_NE(text.find("第1页/共"), std::string::npos) << text;
  EXPECT_LT(fs::file_size(collection), 150u * 1024);  // one face embedded
  // Kept on the case with its checksum.
  const CommandResult sum = RunProgram({"/usr/bin/sha256sum", collection});
  EXPECT_EQ(sum.out.substr(0, 64), std::string(kept.at("sha256").as_string()));
  // The same letter on the same day gives the same bytes.
  const auto again = render("C2", "collection", "c1");
  EXPECT_EQ(RunProgram({"/usr/bin/sha256sum", again.first}).out.substr(0, 64), sum.out.substr(0, 64));

  // 律师函: for legal (or a supervisor) to sign; a collector may not prepare one.
  const auto lawyer = render("C3", "lawyer", "sup");
  const std::string lawyer_text = Squeezed(PdfText(lawyer.first));
  EXPECT_NE(lawyer_text.find("律师（签字）"), std::string::npos) << lawyer_text;
  EXPECT_NE(lawyer_text.find("20,600.00"), std::string::npos) << lawyer_text;
  EXPECT_EQ(Run(db, {"letter", "render", "--case", "C3", "--type", "lawyer", "--out", (dir_ / "x.pdf").string(), "--as", "c1"})
                .exit_status,
            1);

  // 还款计划确认书: 48 monthly installments, a table that breaks across pages with its header repeated.
  const CommandResult plan = Run(db, {"case", "plan", "C4", "--periods", "48", "--first-due", "2026-12-15", "--as", "sup"});
  ASSERT_EQ(plan.exit_status, 0) << plan.err;
  const auto schedule = render("C4", "plan", "sup");
  ASSERT_GE(PdfPages(schedule.first), 2);
  const std::string last_page = Squeezed(PdfText(schedule.first, PdfPages(schedule.first)));
  EXPECT_NE(last_page.find("期数"), std::string::npos) << last_page;  // the header again
  EXPECT_NE(last_page.find("2030年11月15日"), std::string::npos) << last_page;  // the 48th installment
  EXPECT_NE(Squeezed(PdfText(schedule.first)).find("分48期归还"), std::string::npos);

  // 结清证明: C1 pays its 1,000.00 and the case closes paid in full.
  const fs::path payments = dir_ / "payments.csv";
  std::ofstream(payments) << kPaymentHeader << "R1,A1,C1,2026-11-30T09:30:00+08:00,2026-11-30,1000.00,CNY,wechat_pay,payment,\n";
  ASSERT_EQ(Run(db, {"import", "payments", payments.string()}).exit_status, 0);
  const auto settled = render("C1", "settlement", "sup");
  EXPECT_NE(Squeezed(PdfText(settled.first)).find("已于2026年11月30日全部结清"), std::string::npos) << PdfText(settled.first);
  const CommandResult not_settled =
      Run(db, {"letter", "render", "--case", "C3", "--type", "settlement", "--out", (dir_ / "y.pdf").string(), "--as", "sup"});
  EXPECT_EQ(not_settled.exit_status, 1);
  EXPECT_NE(not_settled.err.find("not closed as paid in full or settled"), std::string::npos) << not_settled.err;
  EXPECT_FALSE(fs::exists(dir_ / "y.pdf"));

  // 异议处理结果告知书: C5's dispute about a fee, rejected.
  const CommandResult dispute = Run(db, {"case", "dispute", "C5", "--account", "A5", "--kind", "amount_or_fee",
                                         "--description", "不认可违约金", "--as", "c1", "--json"});
  ASSERT_EQ(dispute.exit_status, 0) << dispute.err;
  const std::string dispute_id = std::to_string(json::parse(dispute.out).at("dispute").as_int64());
  ASSERT_EQ(Run(db, {"case", "resolve-dispute", "C5", dispute_id, "--rejected", "--reason", "违约金按合同约定计收", "--as", "sup"})
                .exit_status,
            0);
  const std::string outcome = Squeezed(PdfText(render("C5", "dispute", "c1").first));
  EXPECT_NE(outcome.find("您的异议不成立"), std::string::npos) << outcome;
  EXPECT_NE(outcome.find("违约金按合同约定计收"), std::string::npos) << outcome;
}

// The first page of a collection letter, against the image checked in for review (tests/golden/).
TEST_P(Messages, ACollectionLetterLooksAsReviewed) {
  TestDatabase db(GetParam());
  Prepare(db);
  const std::string pdf = (dir_ / "letter.pdf").string();
  ASSERT_EQ(Run(db, {"letter", "render", "--case", "C2", "--type", "collection", "--out", pdf, "--as", "c1"}).exit_status, 0);
  const std::string prefix = (dir_ / "page").string();
  ASSERT_EQ(RunProgram({"/usr/bin/pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf, prefix}).exit_status, 0);
  auto bytes = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string golden = std::string(ARREARS_SOURCE_DIR) + "/tests/golden/collection_letter.png";
  const std::string rendered = bytes(prefix + ".png");
  if (rendered != bytes(golden)) {
    const std::string kept = (fs::temp_directory_path() / "arrears-collection_letter.png").string();
    fs::copy_file(prefix + ".png", kept, fs::copy_options::overwrite_existing);
    ADD_FAILURE() << "the first page differs from " << golden << "; the new one is " << kept
                  << " (review it and copy it over the golden one if the change is intended)";
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, Messages, ::testing::Values(Backend::kSqlite, Backend::kPostgresql),
                         [](const auto& param_info) { return BackendName(param_info.param); });

}  // namespace
}  // namespace arrears::testing
