#include "app/workflow/workflow_context.hpp"

#include <charconv>
#include <cstdio>

namespace arrears::app {

Result<CaseRecord> LoadCase(WorkflowContext& context, CaseId id) {
  std::optional<CaseRecord> record = context.store.LoadCase(id);
  // Out of scope reads as absent: a case's existence does not leak.
  if (!record || !InScope(context.actor, record->owner, record->owner_team, record->owner_agency)) {
    return Fail(Error{ErrorCode::kNotFound, "no case " + std::to_string(id.value), "case"});
  }
  return std::move(*record);
}

Status Permit(const WorkflowContext& context, bool allowed, std::string_view action) {
  if (allowed) return Ok{};
  return Fail(Error{ErrorCode::kPermissionDenied,
                    "the role " + std::string(RoleName(context.actor.role)) + " may not " + std::string(action), "as"});
}

Status RequireOpen(const CaseRecord& record) {
  if (record.stage != CaseStage::kClosed) return Ok{};
  return Fail(Error{ErrorCode::kConflict,
                    "case " + std::to_string(record.id.value) + " is closed (" + record.close_reason + ")", "case"});
}

Status MoveStage(WorkflowContext& context, CaseRecord& record, CaseStage to, const std::string& reason) {
  if (record.stage == to) return Ok{};
  if (auto allowed = CheckStageMove(record.stage, to); !allowed) return allowed;
  CaseRecord after = record;
  after.stage = to;
  after.stage_changed_at = context.now_text;
  if (auto updated = context.store.UpdateCase(record, after); !updated) return updated;
  context.store.AppendEvent(after, {"case.stage",
                                    std::string(CaseStageName(record.stage)) + " → " + std::string(CaseStageName(to)) +
                                        ": " + reason,
                                    "case", record.id.value, "stage=" + std::string(CaseStageName(record.stage)),
                                    "stage=" + std::string(CaseStageName(to)) + "; reason=" + reason});
  after.version = record.version + 1;
  record = std::move(after);
  return Ok{};
}

std::string JoinText(const std::vector<std::string>& lines, std::string_view separator) {
  std::string text;
  for (const std::string& line : lines) {
    if (!text.empty()) text += separator;
    text += line;
  }
  return text;
}

std::string FormatUtc(std::chrono::sys_seconds instant) {
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::year_month_day ymd(day);
  const std::chrono::hh_mm_ss time(instant - day);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return text;
}

std::optional<std::chrono::sys_seconds> ParseRfc3339(std::string_view text) {
  if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return std::nullopt;
  auto date = Date::Parse(text.substr(0, 10));
  if (!date) return std::nullopt;
  int parts[3] = {0, 0, 0};
  for (int i = 0; i < 3; ++i) {
    const char* begin = text.data() + 11 + 3 * i;
    if (std::from_chars(begin, begin + 2, parts[i]).ec != std::errc{}) return std::nullopt;
  }
  std::chrono::minutes offset{0};
  const std::string_view zone = text.substr(19);
  if (zone != "Z") {
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
    int hours = 0;
    int minutes = 0;
    if (std::from_chars(zone.data() + 1, zone.data() + 3, hours).ec != std::errc{} ||
        std::from_chars(zone.data() + 4, zone.data() + 6, minutes).ec != std::errc{}) {
      return std::nullopt;
    }
    offset = std::chrono::minutes(hours * 60 + minutes) * (zone[0] == '-' ? -1 : 1);
  }
  const std::chrono::sys_days day{std::chrono::year(date->year()) / date->month() / date->day()};
  return day + std::chrono::hours(parts[0]) + std::chrono::minutes(parts[1]) + std::chrono::seconds(parts[2]) - offset;
}

}  // namespace arrears::app
