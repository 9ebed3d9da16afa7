// The one Clock: the only place that reads the wall clock (DESIGN.md: time is
// injected). `--now 2026-11-28T10:00:00+08:00` or ARREARS_NOW fix it.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/result.hpp"

namespace arrears::cli {

struct Instant {
  std::chrono::sys_seconds utc;
  std::chrono::minutes offset{0};  // the offset it was written with

  Date LocalDate() const;  // the calendar date at `offset`
  std::string ToString() const;  // RFC 3339 with the offset: 2026-11-28T10:00:00+08:00
};

// RFC 3339: "2026-11-28T10:00:00+08:00", "...Z"; fractions of a second are refused.
Result<Instant> ParseInstant(const std::string& text);

class Clock {
 public:
  // `fixed` from --now or ARREARS_NOW; empty means the system clock.
  explicit Clock(std::optional<Instant> fixed) : fixed_(fixed) {}
  Instant Now() const;
  // Today in China Standard Time (UTC+08:00, no daylight saving), where the
  // demo's debtors live, unless --now was given with its own offset.
  Date TodayForDemo() const;

 private:
  std::optional<Instant> fixed_;
};

}  // namespace arrears::cli
