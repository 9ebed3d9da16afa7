#include "store/customer_lookup.hpp"

#include <algorithm>

namespace arrears::store {

namespace {

// The same normalisation the importer applies before indexing.
std::string Normalise(const std::string& kind, const std::string& value) {
  if (kind == "mobile") {
    std::string digits;
    for (char c : value) {
      if (c >= '0' && c <= '9') digits.push_back(c);
    }
    return value.starts_with("+") ? "+" + digits : digits;
  }
  std::string text = value;
  if (kind == "email") {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  }
  if (kind == "id_number") {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  }
  return text;
}

}  // namespace

std::vector<CustomerMatch> FindCustomers(Session& session, const app::PersonalDataVault& vault,
                                         const std::string& kind, const std::string& value) {
  const std::vector<SqlValue> params = {Text(vault.BlindIndex(kind, Normalise(kind, value))), Text(kind)};
  const std::string sql =
      kind == "id_number"
          ? "SELECT c.id, c.customer_ref, c.name, c.id_number_masked, 'id_number ' || c.id_number_masked "
            "FROM customers c WHERE c.id_number_index = $1 AND $2 = 'id_number' ORDER BY c.id"
          : "SELECT c.id, c.customer_ref, c.name, c.id_number_masked, p.kind || ' ' || p.value_masked || ' (' || "
            "p.relation || ')' FROM contact_points p JOIN customers c ON c.id = p.customer_id "
            "WHERE p.value_index = $1 AND p.kind = $2 ORDER BY c.id, p.id";
  std::vector<CustomerMatch> matches;
  for (const Row& row : session.Query(sql, params)) {
    matches.push_back({row.Int(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4), std::nullopt});
  }
  return matches;
}

}  // namespace arrears::store
