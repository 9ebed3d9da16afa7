#include "core/calendar.hpp"

#include "core/quote.hpp"

#include <array>
#include <charconv>
#include <sstream>
#include <vector>

namespace arrears {

std::optional<BusinessDayConvention> ParseBusinessDayConvention(std::string_view name) {
  if (name == "unadjusted") return BusinessDayConvention::kUnadjusted;
  if (name == "following") return BusinessDayConvention::kFollowing;
  if (name == "modified-following") return BusinessDayConvention::kModifiedFollowing;
  if (name == "preceding") return BusinessDayConvention::kPreceding;
  return std::nullopt;
}

bool BusinessCalendar::IsBusinessDay(Date date) const {
  const std::int64_t key = date.serial();
  if (holidays_.contains(key)) return false;
  if (workdays_.contains(key)) return true;
  return !weekend_.contains(date.weekday());
}

std::optional<std::string> BusinessCalendar::NameOf(Date date) const {
  if (auto it = holidays_.find(date.serial()); it != holidays_.end()) return it->second;
  if (auto it = workdays_.find(date.serial()); it != workdays_.end()) return it->second;
  return std::nullopt;
}

Date BusinessCalendar::Adjust(Date date, BusinessDayConvention convention) const {
  switch (convention) {
    case BusinessDayConvention::kUnadjusted:
      return date;
    case BusinessDayConvention::kFollowing: {
      while (!IsBusinessDay(date)) date = date.AddDays(1);
      return date;
    }
    case BusinessDayConvention::kModifiedFollowing: {
      const Date following = Adjust(date, BusinessDayConvention::kFollowing);
      if (following.month() == date.month()) return following;
      return Adjust(date, BusinessDayConvention::kPreceding);
    }
    case BusinessDayConvention::kPreceding: {
      while (!IsBusinessDay(date)) date = date.AddDays(-1);
      return date;
    }
  }
  return date;
}

Date BusinessCalendar::AddBusinessDays(Date date, int count) const {
  const int step = count >= 0 ? 1 : -1;
  for (int moved = 0; moved != count;) {
    date = date.AddDays(step);
    if (IsBusinessDay(date)) moved += step;
  }
  return date;
}

namespace {

constexpr std::array<std::string_view, 7> kWeekdayNames = {"Sun", "Mon", "Tue", "Wed",
                                                            "Thu", "Fri", "Sat"};

std::optional<Weekday> ParseWeekday(std::string_view name) {
  for (std::size_t i = 0; i < kWeekdayNames.size(); ++i) {
    if (kWeekdayNames[i] == name) return static_cast<Weekday>(i);
  }
  return std::nullopt;
}

std::optional<int> ParseInt(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    std::size_t end = pos;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t') ++end;
    if (end > pos) words.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return words;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

// A yearly rule: a fixed month-day (optionally observed on the nearest
// weekday) or the n-th (or last) weekday of a month.
struct YearlyRule {
  int month = 1;
  int day = 0;             // fixed rules
  bool observed = false;   // fixed rules
  Weekday weekday{};       // nth rules
  int nth = 0;             // 1-5, or -1 for the last
  int from_year = 0;
  int until_year = 9999;
  std::string name;

  std::optional<Date> In(int year) const {
    if (year < from_year || year > until_year) return std::nullopt;
    if (day > 0) {
      Date date = *Date::FromYmd(year, month, day);
      if (observed && date.weekday() == Weekday::kSaturday) return date.AddDays(-1);
      if (observed && date.weekday() == Weekday::kSunday) return date.AddDays(1);
      return date;
    }
    if (nth > 0) {
      Date date = *Date::FromYmd(year, month, 1);
      while (date.weekday() != weekday) date = date.AddDays(1);
      date = date.AddDays(7LL * (nth - 1));
      if (date.month() != month) return std::nullopt;
      return date;
    }
    Date date = *Date::FromYmd(year, month, DaysInMonth(year, month));
    while (date.weekday() != weekday) date = date.AddDays(-1);
    return date;
  }
};

}  // namespace

Result<BusinessCalendar> ParseCalendar(std::string_view text, std::string_view source) {
  BusinessCalendar calendar;
  std::vector<YearlyRule> rules;
  bool saw_years = false;
  int line_number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;

    const std::string where = std::string(source) + ":" + std::to_string(line_number);
    auto fail = [&](const std::string& message) {
      return Fail(where + ": " + message, std::string(source));
    };
    std::string name;
    if (auto colon = line.find(':'); colon != std::string_view::npos) {
      name = std::string(Trim(line.substr(colon + 1)));
      line = Trim(line.substr(0, colon));
    }
    std::vector<std::string_view> words = SplitWords(line);
    const std::string_view keyword = words[0];

    if (keyword == "calendar") {
      if (words.size() != 2) return fail("'calendar' takes one id");
      calendar.id_ = std::string(words[1]);
    } else if (keyword == "weekend") {
      calendar.weekend_.clear();
      for (std::size_t i = 1; i < words.size(); ++i) {
        auto weekday = ParseWeekday(words[i]);
        if (!weekday) return fail(Quote(words[i]) + " is not a weekday (Mon..Sun)");
        calendar.weekend_.insert(*weekday);
      }
    } else if (keyword == "years") {
      auto first = words.size() == 3 ? ParseInt(words[1]) : std::nullopt;
      auto last = words.size() == 3 ? ParseInt(words[2]) : std::nullopt;
      if (!first || !last || *first < 1900 || *last > 2199 || *first > *last) {
        return fail("'years' takes two years FIRST LAST within 1900-2199");
      }
      calendar.first_year_ = *first;
      calendar.last_year_ = *last;
      saw_years = true;
    } else if (keyword == "holiday" || keyword == "workday") {
      if (words.size() != 2) return fail(Quote(keyword) + " takes one date YYYY-MM-DD");
      auto date = Date::Parse(words[1]);
      if (!date) return fail(date.error().message);
      auto& target = keyword == "holiday" ? calendar.holidays_ : calendar.workdays_;
      auto& other = keyword == "holiday" ? calendar.workdays_ : calendar.holidays_;
      if (other.contains(date->serial()) || target.contains(date->serial())) {
        return fail(date->ToString() + " is listed twice");
      }
      target[date->serial()] = name;
      if (calendar.first_year_ == 0 || date->year() < calendar.first_year_) calendar.first_year_ = date->year();
      calendar.last_year_ = std::max(calendar.last_year_, date->year());
    } else if (keyword == "fixed" || keyword == "nth") {
      YearlyRule rule;
      rule.name = name;
      std::size_t next = 0;
      if (keyword == "fixed") {
        if (words.size() < 2 || words[1].size() != 5 || words[1][2] != '-') {
          return fail("'fixed' takes a month and day MM-DD");
        }
        auto month = ParseInt(words[1].substr(0, 2));
        auto day = ParseInt(words[1].substr(3, 2));
        if (!month || !day || *month < 1 || *month > 12 || *day < 1 || *day > DaysInMonth(2001, *month)) {
          return fail(Quote(words[1]) + " is not a month and day");
        }
        rule.month = *month;
        rule.day = *day;
        next = 2;
        if (next < words.size() && words[next] == "observed") {
          rule.observed = true;
          ++next;
        }
      } else {
        if (words.size() < 4) return fail("'nth' takes MONTH WEEKDAY N (or last)");
        auto month = ParseInt(words[1]);
        auto weekday = ParseWeekday(words[2]);
        if (!month || *month < 1 || *month > 12) return fail(Quote(words[1]) + " is not a month");
        if (!weekday) return fail(Quote(words[2]) + " is not a weekday (Mon..Sun)");
        rule.month = *month;
        rule.weekday = *weekday;
        if (words[3] == "last") {
          rule.nth = -1;
        } else {
          auto nth = ParseInt(words[3]);
          if (!nth || *nth < 1 || *nth > 5) return fail(Quote(words[3]) + " is not 1-5 or last");
          rule.nth = *nth;
        }
        next = 4;
      }
      for (; next < words.size(); next += 2) {
        auto year = next + 1 < words.size() ? ParseInt(words[next + 1]) : std::nullopt;
        if (!year) return fail(Quote(words[next]) + " needs a year");
        if (words[next] == "from") {
          rule.from_year = *year;
        } else if (words[next] == "until") {
          rule.until_year = *year;
        } else {
          return fail("unexpected '" + std::string(words[next]) + "'");
        }
      }
      rules.push_back(rule);
    } else {
      return fail("unknown statement '" + std::string(keyword) +
                  "' (calendar, weekend, years, holiday, workday, fixed, nth)");
    }
  }
  if (!rules.empty() && !saw_years) {
    return Fail(std::string(source) + ": yearly rules need a 'years FIRST LAST' line", std::string(source));
  }
  for (const YearlyRule& rule : rules) {
    for (int year = calendar.first_year_; year <= calendar.last_year_; ++year) {
      if (auto date = rule.In(year)) calendar.holidays_.emplace(date->serial(), rule.name);
    }
  }
  return calendar;
}

}  // namespace arrears
