#include "channels/sms_gateway_sender.hpp"

#include <boost/json.hpp>


namespace arrears::channels {

namespace {

std::size_t Collect(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::string Replace(std::string text, const std::string& marker, const std::string& value) {
  for (std::size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + value.size())) {
    text.replace(at, marker.size(), value);
  }
  return text;
}

}  // namespace

std::string JsonEscape(std::string_view text) {
  const std::string quoted = boost::json::serialize(boost::json::string(text));
  return quoted.substr(1, quoted.size() - 2);
}

std::string JsonField(std::string_view document, const std::string& field) {
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(document, error);
  if (error) return "";
  const boost::json::value* at = &value;
  std::size_t begin = 0;
  while (begin <= field.size()) {
    const std::size_t dot = field.find('.', begin);
    const std::string key = field.substr(begin, dot == std::string::npos ? std::string::npos : dot - begin);
    if (!at->is_object()) return "";
    const auto* next = at->as_object().if_contains(key);
    if (!next) return "";
    at = next;
    if (dot == std::string::npos) break;
    begin = dot + 1;
  }
  if (at->is_string()) return std::string(at->as_string());
  if (at->is_int64()) return std::to_string(at->as_int64());
  if (at->is_uint64()) return std::to_string(at->as_uint64());
  return "";
}

app::SendResult SmsGatewaySender::Send(const app::OutgoingMessage& message) {
  const std::string reference = std::to_string(message.customer_id) + "-" + std::to_string(message.outbox_id);
  std::string body = Replace(config_.payload, "{{to}}", JsonEscape(message.recipient));
  body = Replace(body, "{{reference}}", JsonEscape(reference));
  body = Replace(body, "{{text}}", JsonEscape(message.body));

  curl_.Reset();
  CurlHandle& curl = curl_;
  CURL* h = curl.get();
  std::vector<std::string> headers = {"Content-Type: application/json; charset=utf-8"};
  headers.insert(headers.end(), config_.headers.begin(), config_.headers.end());
  std::string answer;
  curl_easy_setopt(h, CURLOPT_URL, config_.url.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, curl.List(headers));
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &Collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(config_.timeout_seconds));
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  const CURLcode code = curl_easy_perform(h);
  if (code != CURLE_OK) {
    return {app::SendOutcome::kTransient, "", "SMS gateway: " + std::string(error[0] ? error : curl_easy_strerror(code))};
  }
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  const std::string detail = "SMS gateway HTTP " + std::to_string(status) + (answer.empty() ? "" : ": " + answer.substr(0, 200));
  if (status >= 200 && status < 300) {
    std::string id = JsonField(answer, config_.message_id_field);
    if (id.empty()) return {app::SendOutcome::kTransient, "", detail + " (no " + config_.message_id_field + " in the answer)"};
    return {app::SendOutcome::kAccepted, id, "accepted"};
  }
  if (status == 408 || status == 429 || status >= 500) return {app::SendOutcome::kTransient, "", detail};
  return {app::SendOutcome::kPermanent, "", detail};
}

}  // namespace arrears::channels
