// An email as RFC 5322 / MIME text: UTF-8 headers as RFC 2047 encoded words
// (never split inside a character), a multipart/alternative body with a plain
// text part and an HTML part built from it, both base64 in 76-column lines.
// Pure text: no I/O.
#pragma once

#include <string>
#include <string_view>

namespace arrears::channels {

struct MailAddress {
  std::string name;     // display name, may be Chinese
  std::string address;  // the mailbox
};

struct MailContent {
  MailAddress from;
  MailAddress to;
  std::string subject;
  std::string text;        // the body, plain text with \n line ends
  std::string date;        // RFC 5322 date, "Sun, 29 Nov 2026 10:00:00 +0000"
  std::string message_id;  // without the angle brackets: "outbox-12-345@arrears"
  std::string boundary;    // a string that does not occur in the parts
};

std::string Base64(std::string_view bytes);
// "=?UTF-8?B?...?=" words for a header value that is not plain ASCII, folded at 75 characters; ASCII as is.
std::string EncodeHeader(std::string_view value);
// The text as HTML paragraphs, special characters escaped.
std::string TextToHtml(std::string_view text);
// "Sun, 29 Nov 2026 02:00:00 +0000" from "2026-11-29T02:00:00Z".
std::string MailDate(std::string_view rfc3339_utc);

std::string BuildMail(const MailContent& content);

}  // namespace arrears::channels
