// Debtor-local time with the IANA time zone database (Howard Hinnant's
// date/tz over the OS tzdata): local calendar days, minutes of the day, and
// back to instants across daylight-saving changes.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "policy/contact.hpp"

namespace date {
class time_zone;
}

namespace arrears::policy {

using Zone = const date::time_zone*;

// The zone, or an error naming it ("Mars/Olympus is not an IANA time zone").
Result<Zone> FindZone(std::string_view name);

// The local calendar day (days since 1970-01-01) of an instant.
std::int64_t LocalDay(Instant at, Zone zone);
// Local days, minutes and instants for many moments near one: the UTC
// offset in force at `around` is reused inside its validity, so that only
// moments across a DST change consult the time-zone database.
class ZoneClock {
 public:
  ZoneClock(Zone zone, Instant around);
  Zone zone() const { return zone_; }
  std::int64_t Day(Instant at) const;   // LocalDay
  int Minute(Instant at) const;         // LocalMinute
  Instant At(std::int64_t day, int minute) const;  // AtLocal

 private:
  Zone zone_;
  Instant begin_;
  Instant end_;
  std::chrono::seconds offset_;
};

// Minutes since local midnight, 0-1439.
int LocalMinute(Instant at, Zone zone);
// The instant of `minute` on local `day`; a time skipped by a DST change maps
// to the moment the clocks jump, a repeated time to its first occurrence.
Instant AtLocal(std::int64_t day, int minute, Zone zone);
// RFC 3339 in the zone: "2025-03-10T08:00:00-04:00".
std::string FormatLocal(Instant at, Zone zone);
// "08:00" -> 480; -1 when malformed.
int ParseClockMinutes(std::string_view text);

}  // namespace arrears::policy
