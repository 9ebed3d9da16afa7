// Day count conventions: how a period between two dates becomes days and a
// fraction of a year, named as the markets name them (ISDA 2006 Definitions,
// section 4.16).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/date.hpp"
#include "core/ratio.hpp"

namespace arrears {

enum class DayCountConvention {
  kActual360,         // "ACT/360": actual days / 360; money-market basis, Chinese bank loans
  kActual365Fixed,    // "ACT/365F": actual days / 365, leap years too
  kThirty360Us,       // "30/360US": 30/360 US (bond basis) with the end-of-February rules
  kThirtyE360,        // "30E/360": Eurobond basis, ISDA 4.16(g)
  kActualActualIsda,  // "ACT/ACT-ISDA": days in leap years / 366 + days in other years / 365
};

// Accepts the names above and common spellings ("Actual/360", "ACT/365",
// "30/360", "30E/360", "ACT/ACT"). Case-insensitive.
std::optional<DayCountConvention> ParseDayCountConvention(std::string_view name);
std::string_view DayCountName(DayCountConvention convention);  // "ACT/360"

// The day count from `from` (inclusive) to `to` (exclusive) under the
// convention: actual days for the ACT family; 360·ΔY + 30·ΔM + ΔD with the
// convention's adjustments for the 30/360 family. Precondition: from <= to.
std::int64_t DayCount(DayCountConvention convention, Date from, Date to);

// The year fraction, exact, in lowest terms.
Ratio YearFraction(DayCountConvention convention, Date from, Date to);

}  // namespace arrears
