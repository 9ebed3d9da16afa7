// arrears serve: the HTTP API and the web workbench. Brings the schema up to
// date first, then serves until SIGTERM (in-flight requests finish).
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/workflow/dispatch.hpp"
#include "channels/letter_pdf.hpp"
#include "cli/channel_setup.hpp"
#include "cli/command.hpp"
#include "cli/compliance_input.hpp"
#include "cli/database_options.hpp"
#include "cli/cycle_runner.hpp"
#include "cli/usage_error.hpp"
#include "cli/workflow_session.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "store/crypto/sodium_credentials.hpp"
#include "store/cycle/sql_cycle_store.hpp"
#include "store/migrations.hpp"
#include "policy/local_time.hpp"

namespace arrears::cli {

namespace {

struct Options {
  DatabaseOptions database;
  std::string listen = "127.0.0.1:8080";
  std::string packs = "cn-default";
  std::string rules_dir = "config/rules";
  std::string policy_file = "config/workflow.yaml";
  std::string static_dir = "web/dist";
  int threads = 8;
  int idle_timeout = 75;
  int request_timeout = 15;
  CycleFiles cycle_files;
  std::string cycle_at;  // HH:MM local time; empty: not scheduled
  int cycle_threads = 0;
  std::string tls_certificate;
  std::string tls_key;
  bool secure_cookies = false;
  bool quiet = false;
  std::string channels = "config/channels.yaml";
  int outbox_every = 30;  // seconds between dispatcher rounds; 0: no dispatcher
};

void Run(const Options& o, const Context& context) {
  const std::size_t colon = o.listen.rfind(':');
  if (colon == std::string::npos) throw UsageError("--listen: ADDRESS:PORT, e.g. 127.0.0.1:8080");
  http::ServerOptions server_options;
  server_options.address = o.listen.substr(0, colon);
  try {
    const int port = std::stoi(o.listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    server_options.port = static_cast<unsigned short>(port);
  } catch (const std::exception&) {
    throw UsageError("--listen: the port must be 0-65535");
  }
  if (o.threads < 1 || o.threads > 256) throw UsageError("--threads: 1 to 256");
  if (o.outbox_every < 0) throw UsageError("--outbox-every: seconds, 0 for no dispatcher");
  ChannelSetup channels = LoadChannels(o.channels, "--channels");
  int cycle_minute = -1;
  if (!o.cycle_at.empty()) {
    cycle_minute = policy::ParseClockMinutes(o.cycle_at);
    if (cycle_minute < 0) throw UsageError("--cycle-at: a local time like 02:00");
  }
  server_options.threads = o.threads;
  server_options.idle_timeout = std::chrono::seconds(o.idle_timeout);
  server_options.request_timeout = std::chrono::seconds(o.request_timeout);
  if (o.tls_certificate.empty() != o.tls_key.empty()) throw UsageError("--tls-cert and --tls-key go together");
  server_options.tls_certificate_chain = o.tls_certificate;
  server_options.tls_private_key = o.tls_key;
  // Under TLS the session cookie never travels in clear text.
  const bool secure_cookies = o.secure_cookies || server_options.tls();

  std::vector<std::string> pack_texts;
  auto loaded_packs = LoadPacks(o.packs, o.rules_dir, &pack_texts);
  // A pack an administrator replaces is written next to the others, by a rename, so a reader never sees half a file.
  http::RulePackSet packs(std::move(loaded_packs), std::move(pack_texts),
                          [dir = o.rules_dir](const std::string& name, const std::string& yaml) {
                            const std::filesystem::path target = std::filesystem::path(dir) / (name + ".yaml");
                            const std::filesystem::path temporary = target.string() + ".new";
                            {
                              std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
                              out << yaml;
                              out.flush();
                              if (!out) throw std::runtime_error("cannot write " + temporary.string());
                            }
                            std::filesystem::rename(temporary, target);
                          });
  const auto workflow_policy = Require(
      policy::ParseWorkflowPolicy(ReadFileOrFail(o.policy_file, "--policy"), o.policy_file), "--policy");
  auto database = OpenDatabaseOrFail(o.database);
  {
    auto session = database->Acquire();
    const auto report = store::Migrate(*session, context.clock.Now().ToString());
    for (const std::string& name : report.applied) std::cerr << "arrears serve: applied " << name << '\n';
  }
  bool created = false;
  auto vault = Require(store::LoadVault(o.database.key_file, true, &created), "--key-file");
  const store::SodiumCredentials credentials;
  const Clock clock = context.clock;
  // The daily cycle on a session of its own; the strategy and rules are read at each run, so an edit applies to the
  // next night without a restart. The working set is kept between runs: a night reads only the customers written
  // since the last (runs are one at a time, CycleJobs).
  app::KeptWorkingSet kept_working_set;
  http::CycleRunner run_cycle = [&, clock](Date as_of, const http::CycleProgress& progress) -> Result<std::string> {
    auto rules = LoadCycleRules(o.cycle_files);
    if (!rules) return Fail(rules.error());
    auto session = database->Acquire();
    const std::shared_ptr<const http::PackSnapshot> snapshot = packs.Current();
    const Instant now = clock.Now();
    app::CycleOptions options;
    options.as_of = as_of;
    options.threads = o.cycle_threads > 0 ? o.cycle_threads
                                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    options.now_text = app::FormatUtc(now.utc);
    options.keep = &kept_working_set;
    auto summary = RunCycleOn(*session, *vault, workflow_policy, snapshot->pointers, *rules, options, now, progress);
    if (!summary) return Fail(summary.error());
    return app::CycleSummaryJson(*summary);
  };
  std::error_code ec;
  const bool has_static = std::filesystem::is_directory(o.static_dir, ec);
  channels::PdfLetterRenderer letter_renderer;
  http::SmsCallbacks sms_callbacks;
  if (channels.config.sms) {
    const channels::SmsGatewayConfig& sms = *channels.config.sms;
    sms_callbacks = {sms.callback_token, sms.receipt_id_field, sms.receipt_status_field, sms.delivered_words,
                     sms.failed_words};
  }
  http::Api api(http::ApiServices{*database, *vault, credentials, workflow_policy, packs,
                                  [clock] { return clock.Now().utc; }, [clock] { return clock.TodayForDemo(); },
                                  has_static ? o.static_dir : "", secure_cookies, run_cycle, sms_callbacks,
                                  &letter_renderer});
  std::mutex log_mutex;
  http::Server server(
      server_options, [&api](const http::Request& request) { return api.Handle(request); },
      [&](const http::Request& request, const http::Response& response, std::chrono::microseconds latency) {
        api.metrics().Record(request.method, response.route, response.status, latency);
        const auto error = request.headers.find("x-arrears-error");
        if (o.quiet && error == request.headers.end()) return;
        // One JSON line per request on standard output: the access log. A server
        // error also goes to standard error as the error log, --quiet or not.
        boost::json::object line{{"at", app::FormatUtc(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()))},
                                 {"method", request.method},
                                 {"path", request.path},
                                 {"route", response.route},
                                 {"status", response.status},
                                 {"micros", latency.count()},
                                 {"remote", request.remote}};
        std::lock_guard lock(log_mutex);
        if (error != request.headers.end()) {
          line["error"] = error->second;
          std::cerr << boost::json::serialize(boost::json::object{{"level", "error"}, {"request", line}}) << '\n' << std::flush;
        }
        if (!o.quiet) std::cout << boost::json::serialize(line) << '\n' << std::flush;
      });
  try {
    server.Listen();
  } catch (const std::runtime_error& e) {
    throw UsageError(e.what());
  }
  api.metrics().AddGauge("arrears_http_connections", "Open HTTP connections.",
                         [&server] { return static_cast<double>(server.connections()); });
  api.metrics().AddGauge("arrears_db_sessions_in_use", "Database sessions leased to requests now.",
                         [&database] { return static_cast<double>(database->Use().in_use); });
  api.metrics().AddGauge("arrears_db_sessions_limit", "The database session pool's size.",
                         [&database] { return static_cast<double>(database->Use().limit); });
  api.metrics().AddGauge("arrears_db_statements_total", "SQL statements run since the server started.",
                         [] { return static_cast<double>(store::StatementsRun()); });
  std::cerr << "arrears serve: listening on " << (server_options.tls() ? "https" : "http") << "://"
            << server_options.address << ":" << server.port()
            << (has_static ? " (web UI from " + o.static_dir + ")" : "") << '\n'
            << std::flush;
  // The nightly schedule: once the local time has passed --cycle-at, today's cycle runs unless it has.
  std::mutex schedule_mutex;
  std::condition_variable schedule_wake;
  bool stopping = false;
  std::thread schedule;
  if (cycle_minute >= 0) {
    schedule = std::thread([&] {
      std::unique_lock lock(schedule_mutex);
      while (!stopping) {
        const Instant now = clock.Now();
        const auto local = now.utc + now.offset;
        const auto minute = std::chrono::duration_cast<std::chrono::minutes>(
                                local - std::chrono::floor<std::chrono::days>(local))
                                .count();
        const Date today = now.LocalDate();
        if (minute >= cycle_minute) {
          bool done = false;
          {
            auto session = database->Acquire();
            const auto run = store::SqlCycleStore(*session, *vault).FindRun(today);
            done = run && !run->finished_at.empty();
          }
          const auto last = api.cycles().Last();
          const bool tried_today = last && last->as_of == today;
          if (!done && !tried_today && api.cycles().Start(today, "schedule")) {
            std::cerr << "arrears serve: the cycle for " << today.ToString() << " started (schedule)\n" << std::flush;
          }
        }
        schedule_wake.wait_for(lock, std::chrono::seconds(30));
      }
    });
  }
  // The outbox dispatcher: every --outbox-every seconds, what is due goes out through the configured channels.
  std::thread dispatcher;
  if (o.outbox_every > 0) {
    dispatcher = std::thread([&] {
      std::unique_lock lock(schedule_mutex);
      while (!stopping) {
        lock.unlock();
        try {
          auto session = database->Acquire();
          const std::shared_ptr<const http::PackSnapshot> snapshot = packs.Current();
          const Instant now = clock.Now();
          const app::Actor system{"system", app::Role::kAdmin, "", ""};
          const app::TransactionRunner run = [&](const std::function<Status(app::WorkflowContext&)>& use_case) {
            return RunInTransaction(*session, *vault, workflow_policy, snapshot->pointers, system, now,
                                    clock.TodayForDemo(), policy::Language::kEn, use_case);
          };
          const auto summary = app::DispatchOutbox(run, channels.senders, 1000);
          if (!summary) {
            std::cerr << "arrears serve: outbox: " << summary.error().message << '\n' << std::flush;
          } else if (summary->sent + summary->failed + summary->retried > 0) {
            std::cerr << "arrears serve: outbox: sent " << summary->sent << ", retried " << summary->retried
                      << ", failed " << summary->failed << ", held " << summary->held << '\n' << std::flush;
          }
        } catch (const std::exception& e) {
          std::cerr << "arrears serve: outbox: " << e.what() << '\n' << std::flush;
        }
        lock.lock();
        schedule_wake.wait_for(lock, std::chrono::seconds(o.outbox_every));
      }
    });
  }
  server.Run();
  {
    std::lock_guard lock(schedule_mutex);
    stopping = true;
  }
  schedule_wake.notify_all();
  if (schedule.joinable()) schedule.join();
  if (dispatcher.joinable()) dispatcher.join();
  std::cerr << "arrears serve: stopped\n";
}

}  // namespace

void AddServe(CLI::App& app, Selection& selection) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("serve", "Serve the HTTP API and the web workbench");
  command->fallthrough();
  AddDatabaseOptions(*command, options->database);
  command->add_option("--listen", options->listen, "ADDRESS:PORT (default 127.0.0.1:8080; port 0 picks a free one)");
  command->add_option("--pack", options->packs, "compliance rule packs (default cn-default)");
  command->add_option("--rules-dir", options->rules_dir, "where the packs are (default config/rules)");
  command->add_option("--policy", options->policy_file, "the workflow policy (default config/workflow.yaml)");
  command->add_option("--static", options->static_dir, "the web UI's files (default web/dist, when built)");
  command->add_option("--threads", options->threads, "worker threads (default 8)");
  command->add_option("--idle-timeout", options->idle_timeout, "seconds a keep-alive connection may idle (default 75)");
  command->add_option("--request-timeout", options->request_timeout,
                      "seconds a started request has to arrive (default 15)");
  command->add_flag("--secure-cookies", options->secure_cookies, "mark cookies Secure (behind a TLS proxy)");
  AddCycleFileOptions(*command, options->cycle_files);
  command->add_option("--cycle-at", options->cycle_at, "run the daily cycle each day at this local time, e.g. 02:00");
  command->add_option("--cycle-threads", options->cycle_threads, "threads for the cycle's computation (default: every core)");
  command->add_option("--tls-cert", options->tls_certificate,
                      "serve HTTPS: PEM certificate chain, the server's certificate first (with --tls-key)");
  command->add_option("--tls-key", options->tls_key, "serve HTTPS: the PEM private key of --tls-cert");
  command->add_option("--channels", options->channels, "the channels' configuration (default config/channels.yaml)");
  command->add_option("--outbox-every", options->outbox_every,
                      "seconds between rounds of the outbox dispatcher (default 30; 0: none)");
  command->add_flag("--quiet", options->quiet, "no access log");
  OnChosen(*command, selection, options, &Run);
}

}  // namespace arrears::cli
