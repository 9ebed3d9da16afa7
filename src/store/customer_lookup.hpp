// Finding a customer by phone number or identity number without decrypting
// anything: the value is normalised and looked up by its blind index.
#pragma once

#include <string>
#include <vector>

#include "app/ports/personal_data_vault.hpp"
#include "app/workflow/case_records.hpp"
#include "store/database.hpp"

namespace arrears::store {

using CustomerMatch = app::CustomerMatch;

// `kind`: "id_number", "mobile", "landline" or "email".
std::vector<CustomerMatch> FindCustomers(Session& session, const app::PersonalDataVault& vault,
                                         const std::string& kind, const std::string& value);

}  // namespace arrears::store
