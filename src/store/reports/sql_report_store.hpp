// ReportStore in portable SQL: case_facts with the case's first account and
// the owner's team, payments through case_accounts, and the activity tables
// counted per worker and month.
#pragma once

#include "app/ports/report_store.hpp"
#include "store/database.hpp"

namespace arrears::store {

class SqlReportStore : public app::ReportStore {
 public:
  explicit SqlReportStore(Session& session) : session_(session) {}

  void Spans(const std::string& currency, Date from, Date to, bool with_accounts,
             const std::function<void(app::FactSpan&&)>& each) override;
  std::vector<app::PeriodPayment> Payments(const std::string& currency, Date from, Date to) override;
  std::vector<app::ActivityCounts> Activity(const std::string& currency, Date from, Date to) override;
  std::vector<app::WaiverGrant> Waivers(const std::string& currency, Date from, Date to) override;
  std::vector<app::AccountCount> Entries(const std::string& currency, Date from, Date to) override;
  std::vector<app::AccountCount> ActiveAccounts(const std::string& currency, Date day) override;
  std::vector<std::pair<std::string, std::string>> WorkerNames() override;

 private:
  Session& session_;
};

}  // namespace arrears::store
