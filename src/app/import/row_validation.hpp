// Validation of import records against docs/import-formats.md: every field
// checked, the first problem of a row reported with its column.
#pragma once

#include "app/import/import_rows.hpp"
#include "app/import/source_record.hpp"
#include "core/result.hpp"

namespace arrears::app {

// Every column a file of this kind may have, in the documented order.
std::vector<std::string> ImportColumns(ImportKind kind);

// Unknown columns and missing required columns, named.
Status ValidateHeader(ImportKind kind, const Header& header);

// Each returns the row, or an Error whose `field` is the column at fault.
Result<CustomerRow> ValidateCustomer(const SourceRecord& record);
Result<ContactRow> ValidateContact(const SourceRecord& record);
// A contact value checked and normalised as the import does (mobile digits, lower-case email).
Result<std::string> NormalizeContactValue(std::string_view kind, const std::string& value);
Result<AccountRow> ValidateAccount(const SourceRecord& record);
Result<PaymentRow> ValidatePayment(const SourceRecord& record);

}  // namespace arrears::app
