#include "app/import/import_rows.hpp"

namespace arrears::app {

std::string_view ImportKindName(ImportKind kind) {
  switch (kind) {
    case ImportKind::kCustomers: return "customers";
    case ImportKind::kContacts: return "contacts";
    case ImportKind::kAccounts: return "accounts";
    case ImportKind::kPayments: return "payments";
  }
  return "?";
}

std::optional<ImportKind> ParseImportKind(std::string_view name) {
  for (ImportKind kind : {ImportKind::kCustomers, ImportKind::kContacts, ImportKind::kAccounts, ImportKind::kPayments}) {
    if (ImportKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

}  // namespace arrears::app
