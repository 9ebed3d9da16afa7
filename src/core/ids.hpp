// Strong identifiers: an AccountId is not a CustomerId (STYLE.md rule 10).
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace arrears {

template <class Tag>
struct Id {
  std::int64_t value = 0;
  friend constexpr bool operator==(Id, Id) = default;
  friend constexpr auto operator<=>(Id, Id) = default;
};

using CustomerId = Id<struct CustomerTag>;
using AccountId = Id<struct AccountTag>;
using CaseId = Id<struct CaseTag>;
using PaymentId = Id<struct PaymentTag>;

}  // namespace arrears

template <class Tag>
struct std::hash<arrears::Id<Tag>> {
  std::size_t operator()(arrears::Id<Tag> id) const noexcept { return std::hash<std::int64_t>{}(id.value); }
};
