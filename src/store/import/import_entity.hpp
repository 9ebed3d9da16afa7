// How one kind of import record maps onto its table: shared by the parts of
// SqlImportStore. Internal to store/import.
#pragma once

#include <string>
#include <vector>

#include "store/import/sql_import_store.hpp"

namespace arrears::store {

struct ImportColumn {
  const char* name;
  const char* type;  // SQL type shared by both dialects
};

struct SqlImportStore::Entity {
  std::string name;  // source_keys.entity
  std::string table;
  std::string ref_column;
  bool has_parent;  // carries customer_ref (contacts, accounts, payments)
  std::vector<ImportColumn> data;
};

}  // namespace arrears::store
