// Fictitious but well-formed Chinese personal data for the demo portfolio:
// names, resident identity numbers (GB 11643-1999 with its ISO 7064 MOD 11-2
// check digit), mobile numbers and addresses in real provinces. Generated at
// random, never taken from any list of real people.
#pragma once

#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/resident_id.hpp"
#include "demo/random.hpp"

namespace arrears::demo {

struct Region {
  std::string_view code;  // the six-digit administrative division code (GB/T 2260)
  std::string_view province;
  std::string_view city;
  std::string_view district;
};

const Region& PickRegion(Random& random);

std::string ChineseName(Random& random, bool male);

// An 18-character identity number for a person born on `birth` in `region`;
// the 17th digit is odd for men and even for women, as the standard says.
std::string ResidentId(Random& random, const Region& region, Date birth, bool male);

// "13812345678": an 11-digit mobile number with a real carrier prefix.
std::string MobileNumber(Random& random);
// A street address inside the region: "人民路128号3栋2单元501室".
std::string StreetAddress(Random& random);

}  // namespace arrears::demo
