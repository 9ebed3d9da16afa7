#include "channels/smtp_sender.hpp"

#include <algorithm>
#include <cstring>

#include "channels/mime_message.hpp"

namespace arrears::channels {

namespace {

struct Upload {
  std::string data;
  std::size_t at = 0;
};

std::size_t ReadUpload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->at);
  std::memcpy(buffer, upload->data.data() + upload->at, n);
  upload->at += n;
  return n;
}

}  // namespace

app::SendResult SmtpSender::Send(const app::OutgoingMessage& message) {
  const std::string reference = "outbox-" + std::to_string(message.customer_id) + "-" + std::to_string(message.outbox_id);
  MailContent content;
  content.from = {config_.from_name, config_.from};
  content.to = {"", message.recipient};
  content.subject = message.subject;
  content.text = message.body;
  content.date = MailDate(message.sent_at);
  content.message_id = reference + "@arrears";
  content.boundary = "=_arrears_" + reference;
  Upload upload{BuildMail(content), 0};

  curl_.Reset();
  CurlHandle& curl = curl_;
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, config_.url.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, ("<" + config_.from + ">").c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, curl.List({"<" + message.recipient + ">"}));
  curl_easy_setopt(h, CURLOPT_READFUNCTION, &ReadUpload);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_USE_SSL, config_.starttls == "required" ? CURLUSESSL_ALL
                                       : config_.starttls == "try"    ? CURLUSESSL_TRY
                                                                      : CURLUSESSL_NONE);
  if (!config_.username.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, config_.username.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, config_.password.c_str());
  }
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(config_.timeout_seconds));
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  const CURLcode code = curl_easy_perform(h);
  long reply = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
  if (code == CURLE_OK) return {app::SendOutcome::kAccepted, "<" + content.message_id + ">", "accepted"};
  const std::string detail = "SMTP " + (reply > 0 ? std::to_string(reply) + " " : std::string()) +
                             (error[0] ? std::string(error) : std::string(curl_easy_strerror(code)));
  // The server's last word decides: 5xx is final (the mailbox does not exist, the message is refused).
  if (reply >= 500 && reply < 600) return {app::SendOutcome::kPermanent, "", detail};
  return {app::SendOutcome::kTransient, "", detail};
}

}  // namespace arrears::channels
