// Masking of personal data for display (DESIGN.md: masked in every response
// unless the role allows the clear value). Pure text functions.
#pragma once

#include <string>
#include <string_view>

namespace arrears {

// "13812345678" -> "138****5678"; "+8613812345678" -> "+86138****5678";
// landlines keep the area code and the last four digits: "010-12345678" -> "010-****5678".
std::string MaskPhone(std::string_view phone);
// "110105194912310021" -> "110105********0021": region code and last four.
std::string MaskIdNumber(std::string_view id_number);
// "zhang.san@example.com" -> "z***@example.com".
std::string MaskEmail(std::string_view email);
// Keeps the first six characters (province, city) and hides the rest:
// "北京市东城区人民路128号" -> "北京市东城区******".
std::string MaskAddress(std::string_view address);
// Keeps the surname: "张三丰" -> "张**".
std::string MaskName(std::string_view name);

}  // namespace arrears
