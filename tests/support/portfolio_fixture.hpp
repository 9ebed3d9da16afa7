// Test support (not a test): a small portfolio of five customers whose
// stories the workflow and API suites tell, in the import formats.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace arrears::testing {

constexpr const char* kCustomers =
    "customer_ref,name,id_type,id_number,birth_date,gender,jurisdiction,time_zone,language,province,city,address,"
    "employer\n"
    "C1,王芳,resident_id,110105199001011232,1990-01-01,female,CN,Asia/Shanghai,zh-CN,北京市,北京市,,\n"
    "C2,李强,resident_id,310104198505052341,1985-05-05,male,CN,Asia/Shanghai,zh-CN,上海市,上海市,,\n"
    "C3,张伟,resident_id,44030519920808345X,1992-08-08,male,CN,Asia/Shanghai,zh-CN,广东省,深圳市,,\n"
    "C4,刘洋,resident_id,320102198803114562,1988-03-11,female,CN,Asia/Shanghai,zh-CN,江苏省,南京市,,\n"
    "C5,陈静,resident_id,510107199506205670,1995-06-20,female,CN,Asia/Shanghai,zh-CN,四川省,成都市,,\n";

constexpr const char* kContacts =
    "contact_ref,customer_ref,kind,value,relation,contact_name,is_primary,status,source\n"
    "P1,C1,mobile,13800000001,self,,true,verified,application\n"
    "P2,C2,mobile,13800000002,self,,true,verified,application\n"
    "P3,C3,mobile,13800000003,self,,true,verified,application\n"
    "P4,C4,mobile,13800000004,self,,true,verified,application\n"
    "P5,C5,mobile,13800000005,self,,true,verified,application\n";

constexpr const char* kAccountHeader =
    "account_ref,customer_ref,product_type,product_code,currency,opened_on,credit_limit,original_principal,"
    "term_months,repayment_method,interest_rate,day_count,penalty_uplift,first_due_date,statement_day,due_day,"
    "grace_days,balance_date,principal_not_due,principal_overdue,interest_overdue,penalty_interest,compound_interest,"
    "late_fee,installment_fee,other_fee,minimum_due,oldest_unpaid_due_date,days_past_due,status,region\n";

// A1: forgot to pay. A2: a loan, lost a job. A3: a card beyond a collector's authority.
// A4: broken promises. A5: a disputed late fee.
constexpr const char* kAccounts =
    "A1,C1,card,CC,CNY,2020-01-01,20000.00,,,revolving,0.05%/day,,,,1,23,3,2026-11-28,0.00,1000.00,0.00,0.00,0.00,"
    "0.00,0.00,0.00,1000.00,2026-11-23,5,active,北京市\n"
    "A2,C2,loan,PL,CNY,2025-01-15,,60000.00,36,annuity,6%,ACT/360,50%,2025-02-15,,15,0,2026-11-28,30000.00,12000.00,"
    "600.00,0.00,0.00,0.00,0.00,0.00,,2026-11-08,20,active,上海市\n"
    "A3,C3,card,CC,CNY,2019-05-01,30000.00,,,revolving,0.05%/day,,,,1,19,3,2026-11-28,0.00,20000.00,0.00,500.00,0.00,"
    "100.00,0.00,0.00,2060.00,2026-10-19,40,active,广东省\n"
    "A4,C4,card,CC,CNY,2021-02-01,10000.00,,,revolving,0.05%/day,,,,1,24,3,2026-11-28,0.00,5000.00,0.00,0.00,0.00,"
    "0.00,0.00,0.00,500.00,2026-10-24,35,active,江苏省\n"
    "A5,C5,card,CC,CNY,2022-07-01,10000.00,,,revolving,0.05%/day,,,,1,18,3,2026-11-28,0.00,2000.00,0.00,0.00,0.00,"
    "50.00,0.00,0.00,250.00,2026-11-18,10,active,四川省\n";

constexpr const char* kPaymentHeader =
    "payment_ref,account_ref,customer_ref,paid_at,value_date,amount,currency,channel,kind,installment_number\n";

// Writes the portfolio's three files into `dir` and returns the import
// commands that load them, in order (customers, contacts, accounts).
inline std::vector<std::vector<std::string>> WritePortfolio(const std::filesystem::path& dir) {
  const std::pair<const char*, std::string> files[] = {{"customers", kCustomers},
                                                       {"contacts", kContacts},
                                                       {"accounts", std::string(kAccountHeader) + kAccounts}};
  std::vector<std::vector<std::string>> imports;
  for (const auto& [kind, text] : files) {
    const std::filesystem::path path = dir / (std::string(kind) + ".csv");
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    imports.push_back({"import", kind, path.string()});
  }
  return imports;
}

}  // namespace arrears::testing
