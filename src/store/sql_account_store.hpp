// Users and sessions for sign-in, in portable SQL, inside the caller's transaction.
#pragma once

#include <string>

#include "app/ports/account_store.hpp"
#include "app/ports/personal_data_vault.hpp"
#include "store/database.hpp"

namespace arrears::store {

class SqlAccountStore final : public app::AccountStore {
 public:
  SqlAccountStore(Session& session, const app::PersonalDataVault& vault, std::string now)
      : session_(session), vault_(vault), now_(std::move(now)) {}

  std::optional<app::UserAccount> FindUser(const std::string& login) override;
  std::optional<app::UserAccount> FindUserById(std::int64_t id) override;
  void RecordFailedLogin(std::int64_t user_id, int failures, const std::string& locked_until) override;
  void RecordSuccessfulLogin(std::int64_t user_id) override;
  void CreateSession(const app::SessionRecord& session) override;
  std::optional<app::ActiveSession> FindSession(const std::string& token_hash) override;
  void TouchSession(const std::string& token_hash, const std::string& at) override;
  void EndSession(const std::string& token_hash, const std::string& at) override;
  void SetPassword(std::int64_t user_id, const std::string& hash, const std::string& at) override;
  Status AddUser(const app::UserAccount& user, const std::string& actor) override;
  Status SetDisabled(const std::string& login, bool disabled, const std::string& actor) override;
  std::vector<app::UserAccount> ListUsers() override;
  void AuditSystem(const std::string& actor, const std::string& action, std::int64_t user_id,
                   const std::string& detail) override;

 private:
  std::optional<app::UserAccount> Find(std::string_view where, const SqlValue& key);

  Session& session_;
  const app::PersonalDataVault& vault_;
  std::string now_;
};

}  // namespace arrears::store
