// Message templates (SMS, email, letters) in zh and en: text with
// {{variable}} markers filled in from the case when a message is rendered.
// A template is screened when saved: every variable must be one the
// renderer knows, no prohibited phrase of the packs may appear, and an SMS
// or email template must carry an opt-out where a pack requires one. The
// rendered text is screened again (a variable's value could carry a phrase).
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "policy/contact.hpp"
#include "policy/rule_pack.hpp"

namespace arrears::policy {

struct MessageTemplate {
  std::string id;  // reminder_gentle, collection_letter, ...: lower case, digits and _
  int version = 0;  // 1, 2, ... as saved; 0 for a draft
  Channel channel = Channel::kSms;  // sms, email or letter
  std::string language = "zh";      // zh or en
  std::string subject;              // email only
  std::string body;
};

struct TemplateVariable {
  std::string_view name;
  std::string_view zh;  // what it is, for the editor
  std::string_view en;
};

// Every variable a template may use, in the order an editor lists them.
std::span<const TemplateVariable> TemplateVariables();

// The variables a text uses, in order of first use; an unclosed "{{" is an error naming where it starts.
Result<std::vector<std::string>> VariablesIn(std::string_view text);

// An id of a template or a call script: 1 to 64 of a-z, 0-9 and _.
bool IsTemplateId(std::string_view id);

// A text fit to show a debtor: its variables known, no prohibited phrase of the packs. The error names `field` and
// starts with `what` ("template body", "step greeting").
Status CheckText(const std::string& what, const std::string& field, std::string_view text,
                 std::span<const RulePack* const> packs);

// A template fit to save: its id, channel and language well formed, its variables known, no prohibited phrase,
// the opt-out the packs require. The error names the field (id, channel, language, subject, body) and what is
// wrong in it: the unknown variable, the phrase and its category and rule.
Status CheckTemplate(const MessageTemplate& draft, std::span<const RulePack* const> packs);

// A template file (config/templates/*.yaml): the id and channel, then the text per language:
//   id: reminder_gentle
//   channel: sms
//   zh: {body: "..."}
//   en: {body: "..."}            (email: {subject: "...", body: "..."})
// Errors name the file and line. The templates are not checked here: CheckTemplate does that when they are saved.
Result<std::vector<MessageTemplate>> ParseTemplateFile(std::string_view yaml_text, std::string_view source);

// Fills in the variables; one without a value is an error naming it.
Result<std::string> RenderText(std::string_view text, const std::map<std::string, std::string>& values);

}  // namespace arrears::policy
