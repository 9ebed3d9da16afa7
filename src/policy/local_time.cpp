#include "policy/local_time.hpp"

#include <date/tz.h>

#include <cstdio>
#include <utility>
#include <vector>

namespace arrears::policy {

Result<Zone> FindZone(std::string_view name) {
  // A few zones serve nearly every decision; the database's own lookup
  // compares names through a sorted list of hundreds.
  thread_local std::vector<std::pair<std::string, Zone>> recent;
  for (const auto& [known, zone] : recent) {
    if (known == name) return zone;
  }
  try {
    Zone zone = date::locate_zone(std::string(name));
    if (recent.size() >= 16) recent.erase(recent.begin());
    recent.emplace_back(std::string(name), zone);
    return zone;
  } catch (const std::exception&) {
    return Fail("'" + std::string(name) + "' is not an IANA time zone", "timezones");
  }
}

std::int64_t LocalDay(Instant at, Zone zone) {
  const auto local = zone->to_local(at);
  return std::chrono::floor<std::chrono::days>(local).time_since_epoch().count();
}

ZoneClock::ZoneClock(Zone zone, Instant around) : zone_(zone) {
  const date::sys_info info = zone->get_info(around);
  begin_ = info.begin;
  end_ = info.end;
  offset_ = info.offset;
}

std::int64_t ZoneClock::Day(Instant at) const {
  if (at < begin_ || at >= end_) return LocalDay(at, zone_);
  return std::chrono::floor<std::chrono::days>(at + offset_).time_since_epoch().count();
}

int ZoneClock::Minute(Instant at) const {
  if (at < begin_ || at >= end_) return LocalMinute(at, zone_);
  const auto local = at + offset_;
  return static_cast<int>(
      std::chrono::duration_cast<std::chrono::minutes>(local - std::chrono::floor<std::chrono::days>(local)).count());
}

Instant ZoneClock::At(std::int64_t day, int minute) const {
  const Instant guess = Instant(std::chrono::days(day) + std::chrono::minutes(minute)) - offset_;
  // Valid when the guess lies well inside the cached offset's range (no DST change near it).
  if (guess >= begin_ + std::chrono::days(1) && guess + std::chrono::days(1) < end_) return guess;
  return AtLocal(day, minute, zone_);
}

int LocalMinute(Instant at, Zone zone) {
  const auto local = zone->to_local(at);
  const auto since_midnight = local - std::chrono::floor<std::chrono::days>(local);
  return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count());
}

Instant AtLocal(std::int64_t day, int minute, Zone zone) {
  const date::local_seconds local{std::chrono::days(day) + std::chrono::minutes(minute)};
  const date::local_info info = zone->get_info(local);
  if (info.result == date::local_info::nonexistent) return info.second.begin;
  return std::chrono::time_point_cast<std::chrono::seconds>(zone->to_sys(local, date::choose::earliest));
}

std::string FormatLocal(Instant at, Zone zone) {
  const date::sys_info info = zone->get_info(at);
  const auto local = at + info.offset;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss time(local - day);
  const std::chrono::year_month_day ymd(day);
  const long offset = static_cast<long>(std::chrono::duration_cast<std::chrono::minutes>(info.offset).count());
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02ld:%02ld:%02ld%c%02ld:%02ld", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()), offset < 0 ? '-' : '+', std::labs(offset) / 60,
                std::labs(offset) % 60);
  return buffer;
}

int ParseClockMinutes(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return -1;
  for (std::size_t i : {0U, 1U, 3U, 4U}) {
    if (text[i] < '0' || text[i] > '9') return -1;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0)) return -1;
  return hours * 60 + minutes;
}

}  // namespace arrears::policy
