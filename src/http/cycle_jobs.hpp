// The daily cycle run by the server: when an administrator asks (POST
// /api/v1/cycle/runs) or when the schedule says (`serve --cycle-at 02:00`),
// on a thread of its own, one run at a time, its progress (the day and the
// step) polled. The run itself is the CLI's (app::RunCycle), handed in by the
// composition root.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/date.hpp"
#include "core/result.hpp"

namespace arrears::http {

using CycleProgress = std::function<void(Date day, const std::string& step)>;
// Runs the cycle for `as_of` and returns its summary as JSON text.
using CycleRunner = std::function<Result<std::string>(Date as_of, const CycleProgress& progress)>;

struct CycleJob {
  Date as_of;
  std::string status;  // running, finished, failed
  std::string actor;   // who asked: a login, or "schedule"
  std::string started_at;
  std::string finished_at;
  std::string day;   // the day being run (a catch-up runs several)
  std::string step;  // the last step finished
  std::string summary;  // JSON, when finished
  std::string error;    // when failed
};

class CycleJobs {
 public:
  explicit CycleJobs(CycleRunner runner, std::function<std::string()> now);
  ~CycleJobs();  // waits for a running cycle
  CycleJobs(const CycleJobs&) = delete;
  CycleJobs& operator=(const CycleJobs&) = delete;

  bool available() const { return static_cast<bool>(runner_); }
  // False while a cycle runs.
  bool Start(Date as_of, const std::string& actor);
  // The last cycle started since the server started.
  std::optional<CycleJob> Last() const;

 private:
  CycleRunner runner_;
  std::function<std::string()> now_;
  mutable std::mutex mutex_;
  std::optional<CycleJob> last_;
  std::thread thread_;
};

}  // namespace arrears::http
