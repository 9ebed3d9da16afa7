// Finding a customer by phone number or identity number without decrypting
// anything: the value is normalised and looked up by its blind index.
#pragma once

#include <string>
#include <vector>

#include "app/ports/personal_data_vault.hpp"
#include "store/database.hpp"

namespace arrears::store {

struct CustomerMatch {
  std::int64_t customer_id = 0;
  std::string customer_ref;
  std::string name;
  std::string id_number_masked;
  std::string matched;  // what matched, masked: "mobile 138****5678"
};

// `kind`: "id_number", "mobile", "landline" or "email".
std::vector<CustomerMatch> FindCustomers(Session& session, const app::PersonalDataVault& vault,
                                         const std::string& kind, const std::string& value);

}  // namespace arrears::store
