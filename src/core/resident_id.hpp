// Chinese resident identity numbers (居民身份证号码), GB 11643-1999: six digits of
// region, eight of birth date, three of sequence (the last odd for men), and
// an ISO 7064 MOD 11-2 check character.
#pragma once

#include <string_view>

namespace arrears {

// The check character for the first 17 digits: '0'-'9' or 'X'.
// Precondition: `first17` is 17 ASCII digits.
char ResidentIdCheckCharacter(std::string_view first17);

// 18 characters, 17 digits, a real birth date and the right check character.
bool IsValidResidentId(std::string_view id);

}  // namespace arrears
