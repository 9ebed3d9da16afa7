// The workflow's records as JSON (Boost.JSON), one mapping for the HTTP API
// and the CLI's --json. Amounts are decimal strings with the currency's minor
// digits, the currency beside them (DESIGN.md, money on the wire).
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/workflow/case_records.hpp"
#include "core/result.hpp"

namespace arrears::http {

boost::json::object CaseToJson(const app::CaseRecord& record);
boost::json::object CaseSummaryToJson(const app::CaseSummary& summary);
// The customer part of a case: masked identity, accounts, contact points.
boost::json::object CustomerToJson(const app::CaseRecord& record);
boost::json::object CustomerMatchToJson(const app::CustomerMatch& match);
boost::json::object PaymentToJson(const app::CasePayment& payment);
boost::json::object DocumentInfoToJson(const app::DocumentInfo& document);
boost::json::object TimelineEntryToJson(const app::TimelineEntry& entry);
boost::json::object ApprovalToJson(const app::ApprovalRecord& approval);

// Reading a JSON request body: the fields it may have, each read with a type
// check; errors name the field.
class JsonBody {
 public:
  // Parses `text` as one JSON object and refuses fields not in `allowed`.
  static Result<JsonBody> Parse(const std::string& text, const std::vector<const char*>& allowed);
  Result<std::string> Text(const char* field, bool required = true) const;
  Result<std::optional<std::int64_t>> Integer(const char* field) const;
  Result<bool> Boolean(const char* field) const;
  Result<std::vector<std::string>> TextList(const char* field) const;
  // A list of objects, each read as a body of its own; errors name "field[i].name".
  Result<std::vector<JsonBody>> ObjectList(const char* field, const std::vector<const char*>& allowed) const;

 private:
  static Result<JsonBody> FromObject(boost::json::object object, const std::vector<const char*>& allowed);
  boost::json::object object_;
};

}  // namespace arrears::http
