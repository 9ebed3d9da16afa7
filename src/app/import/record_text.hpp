// A row as one line of text, field by field in file order: with personal data
// masked for the audit trail (before/after), or clear as the input of the
// keyed hash that tells a changed row from an unchanged one.
#pragma once

#include <string>

#include "app/import/import_rows.hpp"

namespace arrears::app {

enum class Personal { kMasked, kClear };

std::string RecordText(const CustomerRow& row, Personal personal);
std::string RecordText(const ContactRow& row, Personal personal);
std::string RecordText(const AccountRow& row);
std::string RecordText(const PaymentRow& row);

}  // namespace arrears::app
