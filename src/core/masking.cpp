#include "core/masking.hpp"

namespace arrears {

namespace {

// Byte length of the UTF-8 character starting at `lead`.
std::size_t CharLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// The first `count` characters of UTF-8 text, and how many characters it has.
std::string_view FirstChars(std::string_view text, std::size_t count, std::size_t* total) {
  std::size_t bytes = 0;
  std::size_t chars = 0;
  std::size_t cut = text.size();
  while (bytes < text.size()) {
    if (chars == count) cut = bytes;
    bytes += CharLength(static_cast<unsigned char>(text[bytes]));
    ++chars;
  }
  if (chars <= count) cut = text.size();
  if (total) *total = chars;
  return text.substr(0, std::min(cut, text.size()));
}

}  // namespace

std::string MaskPhone(std::string_view phone) {
  if (phone.size() <= 4) return std::string(phone.size(), '*');
  const std::size_t dash = phone.find('-');
  if (dash != std::string_view::npos && phone.size() - dash > 5) {
    return std::string(phone.substr(0, dash + 1)) + "****" + std::string(phone.substr(phone.size() - 4));
  }
  const std::size_t keep_front = phone.size() >= 11 ? phone.size() - 8 : 0;
  return std::string(phone.substr(0, keep_front)) + "****" + std::string(phone.substr(phone.size() - 4));
}

std::string MaskIdNumber(std::string_view id_number) {
  if (id_number.size() <= 10) return std::string(id_number.size(), '*');
  return std::string(id_number.substr(0, 6)) + std::string(id_number.size() - 10, '*') +
         std::string(id_number.substr(id_number.size() - 4));
}

std::string MaskEmail(std::string_view email) {
  const std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0) return "***";
  return std::string(email.substr(0, 1)) + "***" + std::string(email.substr(at));
}

std::string MaskAddress(std::string_view address) {
  std::size_t total = 0;
  const std::string_view kept = FirstChars(address, 6, &total);
  if (total <= 6) return std::string(kept) + "******";
  return std::string(kept) + "******";
}

std::string MaskName(std::string_view name) {
  std::size_t total = 0;
  const std::string_view surname = FirstChars(name, 1, &total);
  return std::string(surname) + std::string(total > 1 ? total - 1 : 1, '*');
}

}  // namespace arrears
