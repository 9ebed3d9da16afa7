// A row as one line of text, field by field in file order: the input of the
// keyed hash that tells a changed row from an unchanged one.
#pragma once

#include <string>

#include "app/import/import_rows.hpp"

namespace arrears::app {

std::string RecordText(const CustomerRow& row);
std::string RecordText(const ContactRow& row);
std::string RecordText(const AccountRow& row);
std::string RecordText(const PaymentRow& row);

}  // namespace arrears::app
