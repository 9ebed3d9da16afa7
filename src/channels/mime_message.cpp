#include "channels/mime_message.hpp"

#include <array>
#include <cstdint>

namespace arrears::channels {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80 || c == '\r' || c == '\n') return false;
  }
  return true;
}

// The length of the UTF-8 character that starts with `byte` (1 for a stray continuation byte).
std::size_t CharLength(unsigned char byte) {
  return byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 1;
}

// Base64 in lines of at most 76 characters, CRLF between them.
std::string Base64Lines(std::string_view bytes) {
  const std::string encoded = Base64(bytes);
  std::string lines;
  for (std::size_t at = 0; at < encoded.size(); at += 76) lines += encoded.substr(at, 76) + "\r\n";
  return lines;
}

std::string Mailbox(const MailAddress& address) {
  if (address.name.empty()) return "<" + address.address + ">";
  return EncodeHeader(address.name) + " <" + address.address + ">";
}

}  // namespace

std::string Base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t left = bytes.size() - i;
    const auto byte = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[k])); };
    std::uint32_t chunk = byte(i) << 16;
    if (left > 1) chunk |= byte(i + 1) << 8;
    if (left > 2) chunk |= byte(i + 2);
    out += kAlphabet[(chunk >> 18) & 63];
    out += kAlphabet[(chunk >> 12) & 63];
    out += left > 1 ? kAlphabet[(chunk >> 6) & 63] : '=';
    out += left > 2 ? kAlphabet[chunk & 63] : '=';
  }
  return out;
}

std::string EncodeHeader(std::string_view value) {
  if (IsAscii(value)) return std::string(value);
  // Each word "=?UTF-8?B?" + base64 + "?=" stays within 75 characters: at most 45 bytes of text, whole characters.
  std::string header;
  std::size_t at = 0;
  while (at < value.size()) {
    std::size_t end = at;
    while (end < value.size()) {
      const std::size_t next = end + CharLength(static_cast<unsigned char>(value[end]));
      if (next - at > 45) break;
      end = next;
    }
    if (end == at) end = std::min(value.size(), at + 1);
    if (!header.empty()) header += "\r\n ";
    header += "=?UTF-8?B?" + Base64(value.substr(at, end - at)) + "?=";
    at = end;
  }
  return header;
}

std::string TextToHtml(std::string_view text) {
  std::string html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n<p>";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      const bool paragraph = i + 1 < text.size() && text[i + 1] == '\n';
      html += paragraph ? "</p>\n<p>" : "<br>\n";
      if (paragraph) ++i;
      continue;
    }
    switch (c) {
      case '&': html += "&amp;"; break;
      case '<': html += "&lt;"; break;
      case '>': html += "&gt;"; break;
      case '"': html += "&quot;"; break;
      default: html += c;
    }
  }
  return html + "</p>\n</body></html>\n";
}

std::string MailDate(std::string_view utc) {
  // Zeller-free: days since 1970-01-01 from the civil date (Howard Hinnant's algorithm), then the weekday.
  if (utc.size() < 19) return std::string(utc);
  const int y0 = std::stoi(std::string(utc.substr(0, 4)));
  const int m = std::stoi(std::string(utc.substr(5, 2)));
  const int d = std::stoi(std::string(utc.substr(8, 2)));
  const int y = m <= 2 ? y0 - 1 : y0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long days = static_cast<long>(era) * 146097 + doe - 719468;
  static constexpr std::array<const char*, 7> kDays = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const long weekday = ((days % 7) + 7) % 7;
  return std::string(kDays[static_cast<std::size_t>(weekday)]) + ", " + std::to_string(d) + " " +
         kMonths[static_cast<std::size_t>(m - 1)] + " " + std::to_string(y0) + " " + std::string(utc.substr(11, 8)) +
         " +0000";
}

std::string BuildMail(const MailContent& c) {
  std::string text;
  for (char ch : c.text) text += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
  std::string mail;
  mail += "From: " + Mailbox(c.from) + "\r\n";
  mail += "To: " + Mailbox(c.to) + "\r\n";
  mail += "Subject: " + EncodeHeader(c.subject) + "\r\n";
  mail += "Date: " + c.date + "\r\n";
  mail += "Message-ID: <" + c.message_id + ">\r\n";
  mail += "MIME-Version: 1.0\r\n";
  mail += "Content-Type: multipart/alternative; boundary=\"" + c.boundary + "\"\r\n\r\n";
  mail += "--" + c.boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  mail += Base64Lines(text);
  mail += "--" + c.boundary + "\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  mail += Base64Lines(TextToHtml(c.text));
  mail += "--" + c.boundary + "--\r\n";
  return mail;
}

}  // namespace arrears::channels
