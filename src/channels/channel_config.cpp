#include "channels/channel_config.hpp"

#include <yaml-cpp/yaml.h>

namespace arrears::channels {

namespace {

std::string Where(const std::string& source, const YAML::Node& node) {
  return source + ":" + std::to_string(node.Mark().line + 1);
}

// "${NAME}" replaced by the variable's value; an unset variable is an error naming it.
Result<std::string> Expand(const std::string& text, const std::map<std::string, std::string>& environment,
                           const std::string& where) {
  std::string out;
  std::size_t at = 0;
  while (true) {
    const std::size_t open = text.find("${", at);
    if (open == std::string::npos) break;
    const std::size_t close = text.find('}', open);
    if (close == std::string::npos) return Fail(where + ": \"${\" without \"}\"");
    const std::string name = text.substr(open + 2, close - open - 2);
    const auto found = environment.find(name);
    if (found == environment.end()) return Fail(where + ": the environment variable " + name + " is not set");
    out += text.substr(at, open - at) + found->second;
    at = close + 1;
  }
  return out + text.substr(at);
}

Status ReadWords(const YAML::Node& node, const char* key, std::vector<std::string>& target, const std::string& source) {
  const YAML::Node list = node[key];
  if (!list) return Ok{};
  if (!list.IsSequence()) return Fail(Where(source, list) + ": " + key + " is a list like [delivered, DELIVRD]");
  target.clear();
  for (const YAML::Node& item : list) target.push_back(item.as<std::string>());
  return Ok{};
}

}  // namespace

Result<ChannelConfig> ParseChannelConfig(const std::string& yaml_text, const std::string& source,
                                         const std::map<std::string, std::string>& environment) {
  try {
    const YAML::Node root = YAML::Load(yaml_text);
    ChannelConfig config;
    if (const YAML::Node e = root["email"]) {
      SmtpConfig smtp;
      if (!e["url"]) return Fail(Where(source, e) + ": email needs a url (smtp://host:port)");
      smtp.url = e["url"].as<std::string>();
      if (!smtp.url.starts_with("smtp://") && !smtp.url.starts_with("smtps://")) {
        return Fail(Where(source, e["url"]) + ": the email url starts with smtp:// or smtps://");
      }
      if (e["starttls"]) smtp.starttls = e["starttls"].as<std::string>();
      if (smtp.starttls != "try" && smtp.starttls != "required" && smtp.starttls != "none") {
        return Fail(Where(source, e["starttls"]) + ": starttls is try, required or none");
      }
      for (auto [key, target] : {std::pair{"username", &smtp.username}, std::pair{"password", &smtp.password}}) {
        if (!e[key]) continue;
        auto value = Expand(e[key].as<std::string>(), environment, Where(source, e[key]));
        if (!value) return Fail(value.error());
        *target = *value;
      }
      if (!e["from"]) return Fail(Where(source, e) + ": email needs a from address");
      smtp.from = e["from"].as<std::string>();
      if (e["from_name"]) smtp.from_name = e["from_name"].as<std::string>();
      if (e["timeout_seconds"]) smtp.timeout_seconds = e["timeout_seconds"].as<int>();
      config.email = std::move(smtp);
    }
    if (const YAML::Node s = root["sms"]) {
      SmsGatewayConfig sms;
      if (!s["url"]) return Fail(Where(source, s) + ": sms needs the gateway's url");
      sms.url = s["url"].as<std::string>();
      if (!sms.url.starts_with("http://") && !sms.url.starts_with("https://")) {
        return Fail(Where(source, s["url"]) + ": the sms url starts with http:// or https://");
      }
      if (const YAML::Node headers = s["headers"]) {
        for (const YAML::Node& header : headers) {
          auto value = Expand(header.as<std::string>(), environment, Where(source, header));
          if (!value) return Fail(value.error());
          sms.headers.push_back(*value);
        }
      }
      if (s["payload"]) sms.payload = s["payload"].as<std::string>();
      if (sms.payload.find("{{text}}") == std::string::npos || sms.payload.find("{{to}}") == std::string::npos) {
        return Fail(Where(source, s["payload"] ? s["payload"] : s) + ": the payload carries {{to}} and {{text}}");
      }
      if (s["message_id_field"]) sms.message_id_field = s["message_id_field"].as<std::string>();
      if (s["deduplicates"]) sms.deduplicates = s["deduplicates"].as<bool>();
      if (s["timeout_seconds"]) sms.timeout_seconds = s["timeout_seconds"].as<int>();
      if (s["callback_token"]) {
        auto value = Expand(s["callback_token"].as<std::string>(), environment, Where(source, s["callback_token"]));
        if (!value) return Fail(value.error());
        sms.callback_token = *value;
      }
      if (const YAML::Node r = s["receipts"]) {
        if (r["id_field"]) sms.receipt_id_field = r["id_field"].as<std::string>();
        if (r["status_field"]) sms.receipt_status_field = r["status_field"].as<std::string>();
        if (auto status = ReadWords(r, "delivered", sms.delivered_words, source); !status) return Fail(status.error());
        if (auto status = ReadWords(r, "failed", sms.failed_words, source); !status) return Fail(status.error());
      }
      config.sms = std::move(sms);
    }
    return config;
  } catch (const YAML::Exception& e) {
    return Fail(source + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

}  // namespace arrears::channels
