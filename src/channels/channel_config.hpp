// How the channels reach the outside world (config/channels.yaml): the SMTP
// server for email, and the SMS provider's HTTP gateway — its URL, headers,
// the payload template, where its answer holds the message id, and how its
// delivery receipts and the debtors' replies come back. Secrets are named by
// environment variable, never written in the file.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace arrears::channels {

struct SmtpConfig {
  std::string url;              // smtp://host:port (STARTTLS when offered) or smtps://host:port
  std::string starttls = "try";  // try, required, none
  std::string username;         // from the environment variable the file names
  std::string password;
  std::string from;             // the envelope and From address
  std::string from_name;        // the display name
  int timeout_seconds = 30;
};

struct SmsGatewayConfig {
  std::string url;
  std::vector<std::string> headers;  // "Authorization: Bearer ..." with ${VAR} filled from the environment
  // The request body with {{to}}, {{text}} and {{reference}} (JSON-escaped values).
  std::string payload = R"({"to": "{{to}}", "text": "{{text}}", "reference": "{{reference}}"})";
  std::string message_id_field = "message_id";  // of the JSON answer
  bool deduplicates = false;  // the provider ignores a second request with the same reference
  int timeout_seconds = 15;
  // Receipts and replies the provider posts back to `arrears serve`.
  std::string callback_token;  // they carry it in the X-Arrears-Token header
  std::string receipt_id_field = "message_id";
  std::string receipt_status_field = "status";
  std::vector<std::string> delivered_words = {"delivered", "DELIVRD"};
  std::vector<std::string> failed_words = {"failed", "UNDELIV", "REJECTD", "EXPIRED"};
};

struct ChannelConfig {
  std::optional<SmtpConfig> email;
  std::optional<SmsGatewayConfig> sms;
};

// `get_env` reads the environment (the edge passes ::getenv's result); errors name the file and line.
Result<ChannelConfig> ParseChannelConfig(const std::string& yaml_text, const std::string& source,
                                         const std::map<std::string, std::string>& environment);

}  // namespace arrears::channels
