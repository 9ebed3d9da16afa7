// Result<T>: the channel for expected failures (STYLE.md rule 11).
//
// A broken invariant (a bug) throws; an expected outcome such as a validation
// failure is returned as Result<T> carrying an Error. Spelled like
// std::expected (absent from g++ 12) so that moving to it later is a rename.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace arrears {

// Protocol-neutral error codes. The HTTP layer maps them to statuses in one
// table; the CLI maps kInvalidArgument to exit status 2.
enum class ErrorCode {
  kInvalidArgument,  // input that can never be valid as given
  kOutOfRange,       // well-formed but outside what the rule or type allows
  kNotFound,
  kConflict,
  kPolicyRefused,
  kPermissionDenied,  // the user's role may not do this
  kUnavailable,
};

struct Error {
  ErrorCode code = ErrorCode::kInvalidArgument;
  std::string message;  // one sentence, says what is wrong and what is allowed
  std::string field;    // the input field, argument or column at fault; may be empty
};

// Builds an Error; `field` names where the bad value came from.
inline Error InvalidArgument(std::string message, std::string field = {}) {
  return Error{ErrorCode::kInvalidArgument, std::move(message), std::move(field)};
}

struct Unexpected {
  Error error;
};

inline Unexpected Fail(Error error) { return Unexpected{std::move(error)}; }
inline Unexpected Fail(std::string message, std::string field = {}) {
  return Unexpected{InvalidArgument(std::move(message), std::move(field))};
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit like std::expected
  Result(Unexpected failure) : state_(std::move(failure.error)) {}  // NOLINT

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  // Precondition: has_value(). Accessing the value of a failure is a bug.
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  // Precondition: !has_value().
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Result<void>: success carries nothing.
struct Ok {};
using Status = Result<Ok>;

}  // namespace arrears
