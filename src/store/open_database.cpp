#include "store/open_database.hpp"

#include <filesystem>

#include "store/postgresql/pg_session.hpp"
#include "store/session_pool.hpp"
#include "store/sqlite/sqlite_session.hpp"

namespace arrears::store {

Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url, std::size_t max_sessions) {
  if (url.starts_with("sqlite:")) {
    std::string path(url.substr(7));
    if (path.empty()) return Fail("the SQLite URL names no file: use sqlite:var/arrears.db", "db");
    if (path != ":memory:") {
      const std::filesystem::path parent = std::filesystem::path(path).parent_path();
      std::error_code error;
      if (!parent.empty()) std::filesystem::create_directories(parent, error);
      if (error) return Fail("cannot create the folder " + parent.string() + ": " + error.message(), "db");
    }
    // SQLite allows one writer: the pool's sessions take turns (WriterTurn) and read side by side (WAL).
    auto writers = std::make_shared<WriterTurn>();
    return std::unique_ptr<Database>(std::make_unique<SessionPool>(
        Dialect::kSqlite, [path, writers] { return OpenSqliteSession(path, writers); },
        path == ":memory:" ? 1 : max_sessions));
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    std::string conninfo(url);
    return std::unique_ptr<Database>(std::make_unique<SessionPool>(
        Dialect::kPostgresql, [conninfo] { return OpenPostgresqlSession(conninfo); }, max_sessions));
  }
  return Fail("'" + std::string(url) + "' is not a database URL (sqlite:FILE or postgresql://user@host:port/db)",
              "db");
}

}  // namespace arrears::store
