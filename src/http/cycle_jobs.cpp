#include "http/cycle_jobs.hpp"

namespace arrears::http {

CycleJobs::CycleJobs(CycleRunner runner, std::function<std::string()> now)
    : runner_(std::move(runner)), now_(std::move(now)) {}

CycleJobs::~CycleJobs() {
  if (thread_.joinable()) thread_.join();
}

bool CycleJobs::Start(Date as_of, const std::string& actor) {
  std::lock_guard lock(mutex_);
  if (!runner_ || (last_ && last_->status == "running")) return false;
  if (thread_.joinable()) thread_.join();  // the last run has finished
  last_ = CycleJob{as_of, "running", actor, now_(), "", "", "", "", ""};
  thread_ = std::thread([this, as_of] {
    Result<std::string> result = Fail("the cycle did not run");
    try {
      result = runner_(as_of, [this](Date day, const std::string& step) {
        std::lock_guard progress_lock(mutex_);
        last_->day = day.ToString();
        last_->step = step;
      });
    } catch (const std::exception& e) {
      result = Fail(std::string("the cycle failed: ") + e.what());
    }
    std::lock_guard done_lock(mutex_);
    last_->finished_at = now_();
    if (result) {
      last_->status = "finished";
      last_->summary = *result;
    } else {
      last_->status = "failed";
      last_->error = result.error().message;
    }
  });
  return true;
}

std::optional<CycleJob> CycleJobs::Last() const {
  std::lock_guard lock(mutex_);
  return last_;
}

}  // namespace arrears::http
