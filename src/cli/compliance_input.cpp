#include "cli/compliance_input.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <fstream>
#include <sstream>

#include "cli/clock.hpp"
#include "cli/usage_error.hpp"
#include "policy/local_time.hpp"

namespace arrears::cli {

namespace {

class Fields {
 public:
  Fields(const boost::json::object& object, std::string where) : object_(object), where_(std::move(where)) {}

  [[noreturn]] void Fail(const std::string& message) const { throw UsageError(where_ + ": " + message); }

  std::string Text(const char* key, bool required = true) const {
    const boost::json::value* value = object_.if_contains(key);
    if (!value || value->is_null()) {
      if (required) Fail("'" + std::string(key) + "' is missing");
      return {};
    }
    if (!value->is_string()) Fail("'" + std::string(key) + "' must be a string");
    return std::string(value->as_string());
  }
  std::vector<std::string> List(const char* key) const {
    std::vector<std::string> items;
    const boost::json::value* value = object_.if_contains(key);
    if (!value || value->is_null()) return items;
    if (!value->is_array()) Fail("'" + std::string(key) + "' must be a list of strings");
    for (const auto& item : value->as_array()) {
      if (!item.is_string()) Fail("'" + std::string(key) + "' must be a list of strings");
      items.emplace_back(item.as_string());
    }
    return items;
  }
  bool Bool(const char* key, bool fallback) const {
    const boost::json::value* value = object_.if_contains(key);
    if (!value || value->is_null()) return fallback;
    if (!value->is_bool()) Fail("'" + std::string(key) + "' must be true or false");
    return value->as_bool();
  }
  policy::Instant Time(const char* key) const {
    const std::string text = Text(key);
    auto instant = ParseInstant(text);
    if (!instant) Fail("'" + std::string(key) + "': '" + text + "' is not a time with an offset, e.g. 2025-03-03T09:00:00-05:00");
    return instant->utc;
  }
  policy::Channel Channel(const char* key) const {
    const std::string text = Text(key);
    auto channel = policy::ParseChannel(text);
    if (!channel) Fail("'" + text + "' is not a channel (call, sms, email, letter, visit)");
    return *channel;
  }
  int LocalMinutes(const char* key) const {
    const std::string text = Text(key);
    const int minutes = policy::ParseClockMinutes(text);
    if (minutes < 0) Fail("'" + std::string(key) + "': '" + text + "' is not a local time HH:MM");
    return minutes;
  }

 private:
  const boost::json::object& object_;
  std::string where_;
};

const boost::json::object& ParseObject(const std::string& text, const std::string& where) {
  static thread_local boost::json::value value;
  boost::system::error_code error;
  value = boost::json::parse(text, error);
  if (error) throw UsageError(where + ": malformed JSON (" + error.message() + ")");
  if (!value.is_object()) throw UsageError(where + ": expected a JSON object");
  return value.as_object();
}

policy::HistoryEvent ReadEvent(const boost::json::object& object, const std::string& where) {
  const Fields f(object, where);
  policy::HistoryEvent event;
  const std::string type = f.Text("type");
  event.at = f.Time("at");
  event.person = f.Text("person");
  event.debts = f.List("debts");
  if (object.contains("collector")) event.collector = f.Text("collector");
  if (auto channel = policy::ParseChannel(type)) {
    event.type = policy::EventType::kContact;
    event.channel = *channel;
    const std::string party = f.Text("party", false);
    if (!party.empty()) {
      auto parsed = policy::ParseParty(party);
      if (!parsed) f.Fail("'" + party + "' is not a party (debtor, guarantor, emergency_contact, third_party)");
      event.party = *parsed;
    }
    event.number = f.Text("number", false);
    const std::string outcome = f.Text("outcome", *channel == policy::Channel::kCall);
    if (!outcome.empty()) {
      auto parsed = policy::ParseCallOutcome(outcome);
      if (!parsed) {
        f.Fail("'" + outcome + "' is not an outcome (conversation, answered_no_conversation, voicemail, "
               "limited_content_message, no_answer, busy, not_in_service, wrong_number)");
      }
      event.outcome = *parsed;
    }
    const std::string direction = f.Text("direction", false);
    if (!direction.empty() && direction != "outbound" && direction != "inbound") {
      f.Fail("'" + direction + "' is not a direction (outbound, inbound)");
    }
    event.inbound = direction == "inbound";
  } else if (type == "consent") {
    event.type = policy::EventType::kConsent;
    event.direct = f.Bool("direct", false);
  } else if (type == "cease") {
    event.type = policy::EventType::kCease;
  } else if (type == "medium_opt_out") {
    event.type = policy::EventType::kMediumOptOut;
    event.opted_out_channel = f.Channel("channel");
  } else if (type == "dispute") {
    event.type = policy::EventType::kDispute;
  } else if (type == "designated_inconvenient") {
    event.type = policy::EventType::kDesignatedInconvenient;
    event.from_minute = f.LocalMinutes("from");
    event.to_minute = f.LocalMinutes("to");
    event.place = f.Text("place", false);
  } else if (type == "flag") {
    event.type = policy::EventType::kFlag;
    event.name = f.Text("flag");
    if (object.contains("until") && !object.at("until").is_null()) event.until = f.Time("until");
  } else if (type == "notice") {
    event.type = policy::EventType::kNotice;
    event.name = f.Text("kind");
  } else {
    f.Fail("'" + type + "' is not an event type (call, sms, email, letter, visit, consent, cease, medium_opt_out, "
           "dispute, designated_inconvenient, flag, notice)");
  }
  return event;
}

}  // namespace

std::vector<policy::HistoryEvent> ReadHistory(std::istream& in, const std::string& file_name) {
  std::vector<policy::HistoryEvent> events;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = file_name + ":" + std::to_string(number);
    events.push_back(ReadEvent(ParseObject(line, where), where));
  }
  return events;
}

policy::Attempt ReadAttempt(const std::string& text, const std::string& file_name) {
  const boost::json::object& object = ParseObject(text, file_name + ":1");
  const Fields f(object, file_name + ":1");
  policy::Attempt attempt;
  attempt.channel = f.Channel("channel");
  attempt.at = f.Time("at");
  attempt.person = f.Text("person");
  const std::string party = f.Text("party", false);
  if (!party.empty()) {
    auto parsed = policy::ParseParty(party);
    if (!parsed) f.Fail("'" + party + "' is not a party (debtor, guarantor, emergency_contact, third_party)");
    attempt.party = *parsed;
  }
  attempt.debts = f.List("debts");
  attempt.number = f.Text("number", false);
  attempt.address = f.Text("address", false);
  if (object.contains("collector")) attempt.collector = f.Text("collector");
  attempt.timezones = f.List("timezones");
  if (attempt.timezones.empty()) f.Fail("'timezones' must name at least one IANA time zone of the person");
  for (const std::string& zone : attempt.timezones) {
    if (!policy::FindZone(zone)) f.Fail("'" + zone + "' is not an IANA time zone");
  }
  if (const auto* collectors = object.if_contains("collectors"); collectors && !collectors->is_null()) {
    if (!collectors->is_int64()) f.Fail("'collectors' must be a whole number");
    attempt.collectors = static_cast<int>(collectors->as_int64());
  }
  attempt.text = f.Text("text", false);
  attempt.source = f.Text("source", false);
  return attempt;
}

std::vector<policy::RulePack> LoadPacks(const std::string& names, const std::string& dir,
                                       std::vector<std::string>* texts) {
  std::vector<policy::RulePack> packs;
  std::stringstream list(names);
  for (std::string name; std::getline(list, name, ',');) {
    std::ifstream file(dir + "/" + name + ".yaml");
    if (!file) throw UsageError("--pack: no rule pack " + dir + "/" + name + ".yaml");
    std::ostringstream text;
    text << file.rdbuf();
    packs.push_back(Require(policy::ParseRulePack(text.str(), name + ".yaml"), "--pack"));
    if (texts) texts->push_back(text.str());
  }
  return packs;
}

}  // namespace arrears::cli
