#include "policy/message_template.hpp"

#include <algorithm>
#include <array>

#include "policy/engine.hpp"
#include "policy/yaml_reading.hpp"

namespace arrears::policy {

namespace {

constexpr std::array<TemplateVariable, 21> kVariables = {{
    {"debtor_name", "债务人姓名", "the debtor's name"},
    {"debtor_title", "称呼（先生/女士）", "how the debtor is addressed (Mr / Ms)"},
    {"account_masked", "账户尾号（脱敏）", "the account, masked"},
    {"total_owed", "欠款总额", "the total owed"},
    {"principal", "逾期本金", "overdue principal"},
    {"interest", "利息", "interest"},
    {"penalty_interest", "罚息和复利", "penalty and compound interest"},
    {"fees", "费用", "fees"},
    {"currency", "币种", "the currency"},
    {"due_date", "最早未还到期日", "the earliest unpaid due date"},
    {"days_past_due", "逾期天数", "days past due"},
    {"repayment_channels", "还款方式", "how to repay"},
    {"agent_name", "经办人", "the agent's name"},
    {"callback_number", "回电号码", "the number to call back"},
    {"institution_name", "机构名称", "the institution's name"},
    {"seal_text", "机构印章文字", "the institution's seal text"},
    {"today", "日期", "today's date"},
    {"opt_out", "退订说明", "the opt-out line"},
    {"promise_amount", "承诺还款金额（最近一笔待履约承诺）", "the amount of the latest open promise"},
    {"promise_date", "承诺还款日期", "the date of the latest open promise"},
    {"plan_terms", "生效中的还款方案（期数、每期金额、首期日期）", "the plan in force: periods, amount, first due date"},
}};

bool Known(std::string_view name) {
  return std::any_of(kVariables.begin(), kVariables.end(), [&](const TemplateVariable& v) { return v.name == name; });
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Calls `on_text(literal)` and `on_variable(name)` for the pieces of `text` in order.
template <class OnText, class OnVariable>
Status Walk(std::string_view text, OnText on_text, OnVariable on_variable) {
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t open = text.find("{{", at);
    if (open == std::string_view::npos) {
      on_text(text.substr(at));
      break;
    }
    on_text(text.substr(at, open - at));
    const std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos || text.substr(open + 2, close - open - 2).find("{{") != std::string_view::npos) {
      return Fail("\"{{\" at character " + std::to_string(open + 1) + " is never closed with \"}}\"");
    }
    if (auto status = on_variable(Trim(text.substr(open + 2, close - open - 2))); !status) return status;
    at = close + 2;
  }
  return Ok{};
}

bool IsIdCharacter(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

Error FieldError(const std::string& field, const std::string& message) {
  return Error{ErrorCode::kInvalidArgument, "template " + field + ": " + message, field};
}

}  // namespace

std::span<const TemplateVariable> TemplateVariables() { return kVariables; }

Result<std::vector<std::string>> VariablesIn(std::string_view text) {
  std::vector<std::string> names;
  auto status = Walk(
      text, [](std::string_view) {},
      [&](std::string_view name) -> Status {
        if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
        return Ok{};
      });
  if (!status) return Fail(status.error());
  return names;
}

bool IsTemplateId(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), IsIdCharacter);
}

Status CheckText(const std::string& what, const std::string& field, std::string_view text,
                 std::span<const RulePack* const> packs) {
  auto names = VariablesIn(text);
  if (!names) return Fail(Error{ErrorCode::kInvalidArgument, what + ": " + names.error().message, field});
  for (const std::string& name : *names) {
    if (!Known(name)) {
      std::string known;
      for (const TemplateVariable& v : kVariables) known += (known.empty() ? "" : ", ") + std::string(v.name);
      return Fail(Error{ErrorCode::kInvalidArgument,
                        what + ": {{" + name + "}} is not a template variable (known: " + known + ")", field});
    }
  }
  const auto hits = ScreenText(packs, text);
  if (!hits.empty()) {
    return Fail(Error{ErrorCode::kPolicyRefused,
                      what + ": contains \"" + hits.front().phrase + "\" (" + hits.front().category + ", rule " +
                          hits.front().rule + "): rephrase without it",
                      field});
  }
  return Ok{};
}

Status CheckTemplate(const MessageTemplate& draft, std::span<const RulePack* const> packs) {
  if (!IsTemplateId(draft.id)) {
    return Fail(FieldError("id", "'" + draft.id + "' is not a template id (1 to 64 of a-z, 0-9 and _)"));
  }
  if (draft.channel != Channel::kSms && draft.channel != Channel::kEmail && draft.channel != Channel::kLetter) {
    return Fail(FieldError("channel", "templates are for sms, email or letter, not " +
                                          std::string(ChannelName(draft.channel))));
  }
  if (draft.language != "zh" && draft.language != "en") {
    return Fail(FieldError("language", "'" + draft.language + "' is not a template language (zh, en)"));
  }
  if (draft.channel == Channel::kEmail && Trim(draft.subject).empty()) {
    return Fail(FieldError("subject", "an email template needs a subject"));
  }
  if (draft.channel != Channel::kEmail && !draft.subject.empty()) {
    return Fail(FieldError("subject", "only email templates have a subject"));
  }
  if (Trim(draft.body).empty()) return Fail(FieldError("body", "the body is empty"));
  for (const auto& [field, text] : {std::pair{"subject", &draft.subject}, std::pair{"body", &draft.body}}) {
    if (auto checked = CheckText(std::string("template ") + field, field, *text, packs); !checked) return checked;
  }
  // SMS and email carry an opt-out where a pack requires one: a marker of the pack or the {{opt_out}} line.
  if (draft.channel != Channel::kLetter && draft.body.find("{{opt_out}}") == std::string::npos) {
    for (const RulePack* pack : packs) {
      for (const Rule& rule : pack->rules) {
        if (rule.kind != RuleKind::kOptOutNotice || !rule.Applies(draft.channel)) continue;
        const auto markers = rule.lists.find("markers");
        if (markers == rule.lists.end()) continue;
        const bool marked = std::any_of(markers->second.begin(), markers->second.end(),
                                        [&](const std::string& m) { return draft.body.find(m) != std::string::npos; });
        if (!marked) {
          return Fail(Error{ErrorCode::kPolicyRefused,
                            "template body: an " + std::string(ChannelName(draft.channel)) +
                                " must tell how to opt out (rule " + rule.id + "): add {{opt_out}}",
                            "body"});
        }
      }
    }
  }
  return Ok{};
}

Result<std::vector<MessageTemplate>> ParseTemplateFile(std::string_view yaml_text, std::string_view source) {
  try {
    const YAML::Node root = YAML::Load(std::string(yaml_text));
    if (!root.IsMap() || !root["id"] || !root["channel"]) {
      return Fail(std::string(source) + ":1: a template file names its id and channel");
    }
    const auto channel = ParseChannel(root["channel"].as<std::string>());
    if (!channel) {
      return Fail(Where(source, root["channel"]) + ": unknown channel '" + root["channel"].as<std::string>() +
                  "' (sms, email, letter)");
    }
    std::vector<MessageTemplate> templates;
    for (const char* language : {"zh", "en"}) {
      const YAML::Node text = root[language];
      if (!text) continue;
      if (!text.IsMap() || !text["body"]) return Fail(Where(source, text) + ": " + language + " has a body");
      MessageTemplate t;
      t.id = root["id"].as<std::string>();
      t.channel = *channel;
      t.language = language;
      t.subject = text["subject"] ? text["subject"].as<std::string>() : "";
      t.body = text["body"].as<std::string>();
      templates.push_back(std::move(t));
    }
    if (templates.empty()) return Fail(Where(source, root) + ": the template has no zh or en text");
    return templates;
  } catch (const YAML::Exception& e) {
    return Fail(std::string(source) + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

Result<std::string> RenderText(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(text.size() + 64);
  auto status = Walk(
      text, [&](std::string_view literal) { out += literal; },
      [&](std::string_view name) -> Status {
        const auto found = values.find(std::string(name));
        if (found == values.end()) return Fail("{{" + std::string(name) + "}} has no value");
        out += found->second;
        return Ok{};
      });
  if (!status) return Fail(status.error());
  return out;
}

}  // namespace arrears::policy
