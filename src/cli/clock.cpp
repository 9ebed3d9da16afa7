#include "cli/clock.hpp"

#include <cstdio>
#include <cstdlib>


namespace arrears::cli {

Date Instant::LocalDate() const {
  const auto local = utc + offset;
  return Date(std::chrono::floor<std::chrono::days>(local));
}

std::string Instant::ToString() const {
  const auto local = utc + offset;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss time(local - day);
  const long minutes = static_cast<long>(offset.count());
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%sT%02ld:%02ld:%02ld%c%02ld:%02ld", Date(day).ToString().c_str(),
                static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()), minutes < 0 ? '-' : '+', std::labs(minutes) / 60,
                std::labs(minutes) % 60);
  return buffer;
}

Result<Instant> ParseInstant(const std::string& text) {
  auto fail = [&] {
    return Fail("'" + text + "' is not a time like 2026-11-28T10:00:00+08:00", "now");
  };
  if (text.size() < 20 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':') return fail();
  auto date = Date::Parse(text.substr(0, 10));
  if (!date) return Fail("'" + text + "': " + date.error().message, "now");
  auto number = [&](std::size_t pos) -> int {
    if (text[pos] < '0' || text[pos] > '9' || text[pos + 1] < '0' || text[pos + 1] > '9') return -1;
    return (text[pos] - '0') * 10 + (text[pos + 1] - '0');
  };
  const int hour = number(11);
  const int minute = number(14);
  const int second = number(17);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return fail();
  std::chrono::minutes offset{0};
  const std::string zone = text.substr(19);
  if (zone == "Z") {
    offset = std::chrono::minutes(0);
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    const int oh = number(20);
    const int om = number(23);
    if (oh < 0 || oh > 14 || om < 0 || om > 59) return fail();
    offset = std::chrono::minutes((oh * 60 + om) * (zone[0] == '-' ? -1 : 1));
  } else {
    return fail();
  }
  const auto local = date->sys_days() + std::chrono::hours(hour) + std::chrono::minutes(minute) +
                     std::chrono::seconds(second);
  return Instant{std::chrono::sys_seconds(local - offset), offset};
}

Instant Clock::Now() const {
  if (fixed_) return *fixed_;
  return Instant{std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()), std::chrono::hours(8)};
}

Date Clock::TodayForDemo() const { return Now().LocalDate(); }

}  // namespace arrears::cli
