// Importing lenders' files end to end, as users run it: the real arrears
// binary against a real database, on SQLite and on PostgreSQL.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/versioned_update.hpp"
#include "support/run_command.hpp"
#include "support/scratch_dir.hpp"
#include "support/test_database.hpp"

namespace arrears::testing {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

void Write(const fs::path& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
}

std::int64_t Lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

class ImportTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    dir_ = ScratchDir("arrears-import");
    dir_string_ = dir_.string();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    key_ = (dir_ / "arrears.key").string();
    const CommandResult migrate = Run({"migrate"});
    ASSERT_EQ(migrate.exit_status, 0) << migrate.err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  CommandResult Run(std::vector<std::string> arguments) {
    arguments.insert(arguments.end(), {"--db", db_.url(), "--key-file", key_});
    return RunArrears(arguments, {"ARREARS_NOW=2026-11-28T10:00:00+08:00"});
  }
  CommandResult Import(const std::string& kind, const fs::path& file, std::vector<std::string> extra = {}) {
    std::vector<std::string> arguments = {"import", kind, file.string(), "--json"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    return Run(arguments);
  }
  std::int64_t Count(const std::string& sql) { return db_.database().Acquire()->Query(sql).at(0).Int(0); }
  void Generate(int customers) {
    const CommandResult r = RunArrears({"demo", "generate", "--customers", std::to_string(customers), "--seed", "3",
                                        "--as-of", "2026-11-28", "--out", (dir_ / "data").string()});
    ASSERT_EQ(r.exit_status, 0) << r.err;
  }
  fs::path Data(const std::string& file) { return dir_ / "data" / file; }

  TestDatabase db_{GetParam()};
  fs::path dir_;
  std::string dir_string_;
  std::string key_;
};

constexpr const char* kCustomerHeader =
    "customer_ref,name,id_type,id_number,birth_date,gender,jurisdiction,time_zone,language,province,city,address,"
    "employer\n";
constexpr const char* kGoodCustomer =
    "C1,王芳,resident_id,11010519491231002X,1949-12-31,female,CN,Asia/Shanghai,zh-CN,北京市,北京市,北京市东城区人民路1号,\n";

TEST_P(ImportTest, TheGeneratedPortfolioImportsAndASecondImportChangesNothing) {
  Generate(300);
  for (const char* kind : {"customers", "contacts", "accounts", "payments"}) {
    const fs::path file = Data(std::string(kind) + ".csv");
    const std::int64_t rows = Lines(Slurp(file)) - 1;
    const CommandResult first = Import(kind, file);
    ASSERT_EQ(first.exit_status, 0) << kind << ": " << first.err << first.out;
    EXPECT_NE(first.out.find("\"read\":" + std::to_string(rows) + ",\"inserted\":" + std::to_string(rows) +
                             ",\"updated\":0,\"unchanged\":0,\"rejected\":0"),
              std::string::npos)
        << kind << ": " << first.out;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers"), 300);
  const std::int64_t payments = Count("SELECT COUNT(*) FROM payments");
  const std::int64_t audit_events = Count("SELECT COUNT(*) FROM audit_events");
  for (const char* kind : {"customers", "contacts", "accounts", "payments"}) {
    const fs::path file = Data(std::string(kind) + ".csv");
    const std::int64_t rows = Lines(Slurp(file)) - 1;
    const CommandResult again = Import(kind, file);
    ASSERT_EQ(again.exit_status, 0) << again.err;
    EXPECT_NE(again.out.find("\"inserted\":0,\"updated\":0,\"unchanged\":" + std::to_string(rows)), std::string::npos)
        << kind << ": " << again.out;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payments"), payments);             // no payment posted twice
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events"), audit_events + 4);  // one event per batch
  // Personal data is sealed at rest: no clear identity number or phone in the tables.
  const std::string customers = Slurp(Data("customers.csv"));
  const std::size_t id_at = customers.find(",resident_id,") + 13;
  const std::string clear_id = customers.substr(id_at, 18);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers WHERE id_number_cipher LIKE '%" + clear_id + "%'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers WHERE id_number_masked = '" + clear_id.substr(0, 6) + "********" +
                  clear_id.substr(14) + "'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM contact_points WHERE value_masked NOT LIKE '%*%'"), 0);
  const CommandResult verify = Run({"audit", "verify", "--json"});
  EXPECT_EQ(verify.exit_status, 0) << verify.out;
  EXPECT_NE(verify.out.find("\"intact\":true"), std::string::npos);
}

TEST_P(ImportTest, AChangedRowIsUpdatedAndAudited) {
  Write(dir_ / "c.csv", std::string(kCustomerHeader) + kGoodCustomer);
  ASSERT_EQ(Import("customers", dir_ / "c.csv").exit_status, 0);
  Write(dir_ / "c2.csv", std::string(kCustomerHeader) +
                             "C1,王芳,resident_id,11010519491231002X,1949-12-31,female,CN,Asia/Shanghai,zh-CN,上海市,"
                             "上海市,上海市徐汇区中山路2号,\n");
  const CommandResult r = Import("customers", dir_ / "c2.csv");
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find("\"inserted\":0,\"updated\":1,\"unchanged\":0"), std::string::npos) << r.out;
  auto session = db_.database().Acquire();
  const auto events = session->Query(
      "SELECT action, before_data, after_data FROM audit_events WHERE action = 'customer.update'");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_NE(events[0].Text(1).find("province=北京市"), std::string::npos);
  EXPECT_NE(events[0].Text(2).find("province=上海市"), std::string::npos);
  EXPECT_EQ(events[0].Text(2).find("002X"), events[0].Text(2).find("********002X") + 8);  // the id stays masked
  EXPECT_EQ(session->Query("SELECT version FROM customers")[0].Int(0), 2);
}

TEST_P(ImportTest, TheFileIsOneUnitUnlessPartial) {
  Write(dir_ / "c.csv", std::string(kCustomerHeader) + kGoodCustomer +
                            "C2,李强,resident_id,110105194912310021,,male,CN,Asia/Shanghai,zh-CN,,,,\n");
  const CommandResult r = Import("customers", dir_ / "c.csv");
  EXPECT_EQ(r.exit_status, 2);
  EXPECT_NE(r.out.find("\"rejected\":1,\"applied\":false"), std::string::npos) << r.out;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM import_batches"), 0);
  const std::string rejects = Slurp(dir_ / "c.csv.rejects.csv");
  EXPECT_NE(rejects.find("3,id_number,'110105194912310021' is not a valid resident identity number"),
            std::string::npos)
      << rejects;
  const CommandResult partial = Import("customers", dir_ / "c.csv", {"--partial"});
  EXPECT_EQ(partial.exit_status, 0);
  EXPECT_NE(partial.out.find("\"inserted\":1,\"updated\":0,\"unchanged\":0,\"rejected\":1,\"applied\":true"),
            std::string::npos)
      << partial.out;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM import_errors"), 1);
}

struct BadFile {
  const char* name;
  const char* kind;
  std::string content;
  const char* message;  // expected on stderr
};

TEST_P(ImportTest, BadInputIsNamedAndChangesNothing) {
  Write(dir_ / "c.csv", std::string(kCustomerHeader) + kGoodCustomer);
  ASSERT_EQ(Import("customers", dir_ / "c.csv").exit_status, 0);
  const std::int64_t batches = Count("SELECT COUNT(*) FROM import_batches");
  const std::string accounts_header =
      "account_ref,customer_ref,product_type,product_code,currency,opened_on,credit_limit,original_principal,"
      "term_months,repayment_method,interest_rate,day_count,penalty_uplift,first_due_date,statement_day,due_day,"
      "grace_days,balance_date,principal_not_due,principal_overdue,interest_overdue,penalty_interest,"
      "compound_interest,late_fee,installment_fee,other_fee,minimum_due,oldest_unpaid_due_date,days_past_due,status,"
      "region\n";
  const std::string card = "A1,C1,card,CC-STD,CNY,2021-01-01,20000.00,,,revolving,0.05%/day,,,,8,28,3,2026-11-28,";
  const std::vector<BadFile> files = {
      {"unbalanced", "customers", std::string(kCustomerHeader) + "C2,\"王芳,resident_id\n", "never closed"},
      {"unknown_column", "customers", "customer_ref,name,nickname\nC2,x,y\n", "unknown column 'nickname'"},
      {"missing_column", "customers", "customer_ref,name\nC2,x\n", "required column 'id_type' is missing"},
      {"missing_field", "customers", std::string(kCustomerHeader) + ",王芳,resident_id,11010519491231002X,,,CN,Asia/Shanghai,zh-CN,,,,\n",
       ":2: customer_ref: required field is empty"},
      {"column_count", "customers", std::string(kCustomerHeader) + "C2,王芳\n", ":2: expected 13 fields, found 2"},
      {"duplicate", "customers", std::string(kCustomerHeader) + kGoodCustomer + "C3,李四,passport,E123,,,CN,Asia/Shanghai,en,,,,\n" +
                                     "C3,李四,passport,E124,,,CN,Asia/Shanghai,en,,,,\n",
       ":4: customer_ref: duplicate customer_ref 'C3' (first at line 3)"},
      {"negative", "accounts", accounts_header + card + "-1.00,0,0,0,0,0,0,0,100.00,,0,active,\n",
       ":2: principal_not_due: amount '-1.00' is negative"},
      {"too_precise", "accounts", accounts_header + card + "1.005,0,0,0,0,0,0,0,100.00,,0,active,\n",
       "principal_not_due: amount '1.005' has more than 2 decimal places"},
      {"impossible_date", "accounts",
       accounts_header + "A1,C1,card,CC-STD,CNY,2021-02-30,20000.00,,,revolving,0.05%/day,,,,8,28,3,2026-11-28,"
                         "1.00,0,0,0,0,0,0,0,100.00,,0,active,\n",
       "opened_on: date '2021-02-30'"},
      {"unknown_customer", "accounts", accounts_header + "A1,C9,card,CC-STD,CNY,2021-01-01,20000.00,,,revolving,"
                                                         "0.05%/day,,,,8,28,3,2026-11-28,1.00,0,0,0,0,0,0,0,100.00,,0,active,\n",
       ":2: customer_ref: unknown customer 'C9'"},
      {"unknown_account", "payments",
       "payment_ref,account_ref,customer_ref,paid_at,value_date,amount,currency,channel\n"
       "R1,A404,C1,2026-11-20T09:00:00+08:00,2026-11-20,10.00,CNY,alipay\n",
       ":2: account_ref: unknown account 'A404'"},
      {"invalid_utf8", "customers", std::string(kCustomerHeader) + "C2,\xff\xfe,passport,E1,,,CN,Asia/Shanghai,en,,,,\n",
       "not valid UTF-8"},
      {"phone_book", "contacts",
       "contact_ref,customer_ref,kind,value,relation,contact_name,source\nP1,C1,mobile,13800138000,friend,张三,phone_book\n",
       "phone book"},
  };
  for (const BadFile& bad : files) {
    const fs::path path = dir_ / (std::string(bad.name) + ".csv");
    Write(path, bad.content);
    const CommandResult r = Run({"import", bad.kind, path.string()});
    EXPECT_EQ(r.exit_status, 2) << bad.name << ": " << r.out << r.err;
    EXPECT_NE(r.err.find(bad.message), std::string::npos) << bad.name << ": " << r.err;
    EXPECT_EQ(Count("SELECT COUNT(*) FROM import_batches"), batches) << bad.name;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM accounts"), 0);
}

TEST_P(ImportTest, Gb18030FilesImportLikeUtf8) {
  // "王芳" and "北京市东城区" in GB18030, written byte by byte.
  const std::string name = "\xcd\xf5\xb7\xbc";
  const std::string district = "\xb1\xb1\xbe\xa9\xca\xd0\xb6\xab\xb3\xc7\xc7\xf8";
  Write(dir_ / "gb.csv", std::string(kCustomerHeader) + "C1," + name + ",resident_id,11010519491231002X,,female,CN," +
                             "Asia/Shanghai,zh-CN," + district + ",,,\n");
  const CommandResult r = Import("customers", dir_ / "gb.csv", {"--encoding", "gb18030"});
  ASSERT_EQ(r.exit_status, 0) << r.err << r.out;
  auto session = db_.database().Acquire();
  const auto rows = session->Query("SELECT name, province FROM customers");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Text(0), "王芳");
  EXPECT_EQ(rows[0].Text(1), "北京市东城区");
  // The same bytes read as UTF-8 are refused with the line, not stored as garbage.
  const CommandResult wrong = Run({"import", "customers", (dir_ / "gb.csv").string()});
  EXPECT_EQ(wrong.exit_status, 2);
  EXPECT_NE(wrong.err.find("gb.csv:2: bytes that are not valid UTF-8"), std::string::npos) << wrong.err;
}

TEST_P(ImportTest, PaymentsGoThroughTheWaterfallOnce) {
  Write(dir_ / "c.csv", std::string(kCustomerHeader) + kGoodCustomer);
  ASSERT_EQ(Import("customers", dir_ / "c.csv").exit_status, 0);
  // A loan with 200.00 principal, 30.00 interest, 5.00 penalty and 10.00 late fee overdue.
  Write(dir_ / "a.csv",
        "account_ref,customer_ref,product_type,product_code,currency,opened_on,original_principal,term_months,"
        "repayment_method,interest_rate,first_due_date,due_day,balance_date,principal_not_due,principal_overdue,"
        "interest_overdue,penalty_interest,compound_interest,late_fee,installment_fee,other_fee,"
        "oldest_unpaid_due_date,days_past_due,status\n"
        "A1,C1,loan,CL-12,CNY,2026-01-10,1200.00,12,annuity,7.2%,2026-02-10,10,2026-11-28,800.00,200.00,30.00,5.00,"
        "0,10.00,0,0,2026-10-10,49,active\n");
  const CommandResult accounts = Import("accounts", dir_ / "a.csv");
  ASSERT_EQ(accounts.exit_status, 0) << accounts.err;
  const std::string header = "payment_ref,account_ref,customer_ref,paid_at,value_date,amount,currency,channel,kind,"
                             "reverses_payment_ref\n";
  Write(dir_ / "p.csv", header + "R1,A1,C1,2026-11-20T09:00:00+08:00,2026-11-20,100.00,CNY,alipay,payment,\n");
  ASSERT_EQ(Import("payments", dir_ / "p.csv").exit_status, 0);
  auto balances = [&] {
    return db_.database().Acquire()->Query(
        "SELECT principal_overdue, interest_overdue, penalty_interest, late_fee, credit_balance, days_past_due "
        "FROM accounts")[0];
  };
  // Fees, then penalty, then interest, then principal: 10 + 5 + 30 + 55.
  auto row = balances();
  EXPECT_EQ(row.Int(3), 0);
  EXPECT_EQ(row.Int(2), 0);
  EXPECT_EQ(row.Int(1), 0);
  EXPECT_EQ(row.Int(0), 14500);
  EXPECT_EQ(row.Int(5), 49);
  // The same payment again: unchanged. The same reference for another amount: refused.
  const CommandResult again = Import("payments", dir_ / "p.csv");
  EXPECT_NE(again.out.find("\"inserted\":0,\"updated\":0,\"unchanged\":1"), std::string::npos) << again.out;
  Write(dir_ / "p2.csv", header + "R1,A1,C1,2026-11-20T09:00:00+08:00,2026-11-20,999.00,CNY,alipay,payment,\n");
  const CommandResult reused = Run({"import", "payments", (dir_ / "p2.csv").string()});
  EXPECT_EQ(reused.exit_status, 2);
  EXPECT_NE(reused.err.find("payment_ref 'R1' was already imported for a different payment"), std::string::npos);
  // Paying the rest cures the account and leaves the excess as a credit balance.
  Write(dir_ / "p3.csv", header + "R2,A1,C1,2026-11-21T09:00:00+08:00,2026-11-21,150.00,CNY,alipay,payment,\n");
  ASSERT_EQ(Import("payments", dir_ / "p3.csv").exit_status, 0);
  row = balances();
  EXPECT_EQ(row.Int(0), 0);
  EXPECT_EQ(row.Int(4), 500);
  EXPECT_EQ(row.Int(5), 0);
  // A reversal puts back exactly what its payment took.
  Write(dir_ / "p4.csv", header + "X2,A1,C1,2026-11-22T09:00:00+08:00,2026-11-22,150.00,CNY,bank_transfer,reversal,R2\n");
  const CommandResult reversed = Import("payments", dir_ / "p4.csv");
  ASSERT_EQ(reversed.exit_status, 0) << reversed.err << reversed.out;
  row = balances();
  EXPECT_EQ(row.Int(0), 14500);
  EXPECT_EQ(row.Int(4), 0);
  EXPECT_EQ(Count("SELECT COALESCE(SUM(amount), 0) FROM payment_allocations"), 10000);  // 100 + 150 - 150
  // Within one file (one page): two payments to the account, then the first reversed; they are posted in file
  // order, each seeing the balances the one before left. 20 + 30 of principal, then the 20 put back: 145 - 30.
  Write(dir_ / "p5.csv", header + "R3,A1,C1,2026-11-23T09:00:00+08:00,2026-11-23,20.00,CNY,alipay,payment,\n"
                                  "R4,A1,C1,2026-11-23T10:00:00+08:00,2026-11-23,30.00,CNY,alipay,payment,\n"
                                  "X3,A1,C1,2026-11-23T11:00:00+08:00,2026-11-23,20.00,CNY,alipay,reversal,R3\n");
  ASSERT_EQ(Import("payments", dir_ / "p5.csv").exit_status, 0);
  EXPECT_EQ(balances().Int(0), 11500);
  // A second reversal of the same payment is refused, whether the first is stored or in the same file; a partial
  // import keeps the rest of the file.
  Write(dir_ / "p6.csv", header + "X4,A1,C1,2026-11-24T09:00:00+08:00,2026-11-24,20.00,CNY,alipay,reversal,R3\n"
                                  "X5,A1,C1,2026-11-24T10:00:00+08:00,2026-11-24,30.00,CNY,alipay,reversal,R4\n"
                                  "X6,A1,C1,2026-11-24T11:00:00+08:00,2026-11-24,30.00,CNY,alipay,reversal,R4\n");
  const CommandResult twice = Import("payments", dir_ / "p6.csv", {"--partial"});
  ASSERT_EQ(twice.exit_status, 0) << twice.err << twice.out;
  const std::string rejects = Slurp(dir_ / "p6.csv.rejects.csv");
  EXPECT_NE(rejects.find("payment 'R3' is already reversed"), std::string::npos) << rejects;
  EXPECT_NE(rejects.find("payment 'R4' is already reversed"), std::string::npos) << rejects;
  EXPECT_EQ(balances().Int(0), 14500);  // only X5 applied: R4's 30 put back
  EXPECT_EQ(Count("SELECT version FROM accounts"), 8);  // one per payment posted: R1, R2, X2, R3, R4, X3, X5 (+1 import)
  EXPECT_EQ(Run({"audit", "verify"}).exit_status, 0);
}

TEST_P(ImportTest, AuditVerifyCatchesAnEditedRow) {
  Write(dir_ / "c.csv", std::string(kCustomerHeader) + kGoodCustomer);
  ASSERT_EQ(Import("customers", dir_ / "c.csv").exit_status, 0);
  Write(dir_ / "c2.csv", std::string(kCustomerHeader) +
                             "C1,王芳,resident_id,11010519491231002X,,female,CN,Asia/Shanghai,zh-CN,,,,\n");
  ASSERT_EQ(Import("customers", dir_ / "c2.csv").exit_status, 0);
  ASSERT_EQ(Run({"audit", "verify"}).exit_status, 0);
  // Someone with database access rewrites history.
  db_.database().Acquire()->ExecuteScript(
      "UPDATE audit_events SET after_data = 'province=nowhere' WHERE action = 'customer.update'");
  const CommandResult r = Run({"audit", "verify"});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.out.find("BROKEN at chain 1 (customer), event 1: its content does not match its hash"),
            std::string::npos)
      << r.out;
}

TEST_P(ImportTest, AKilledImportLeavesNothingAndCanBeRerun) {
  Generate(400);
  const std::string content = Slurp(Data("customers.csv"));
  const fs::path fifo = dir_ / "customers.csv";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const int null_fd = open("/dev/null", O_WRONLY);
    dup2(null_fd, 1);
    dup2(null_fd, 2);
    setenv("ARREARS_NOW", "2026-11-28T10:00:00+08:00", 1);
    execl(ARREARS_BINARY, ARREARS_BINARY, "import", "customers", fifo.c_str(), "--db", db_.url().c_str(),
          "--key-file", key_.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  {
    // Half the file, then the importer is killed while it waits for the rest.
    std::ofstream writer(fifo, std::ios::binary);
    writer << content.substr(0, content.size() / 2);
    writer.flush();
    usleep(300'000);
    kill(pid, SIGKILL);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM import_batches"), 0);
  fs::remove(fifo);
  Write(dir_ / "customers.csv", content);
  const CommandResult rerun = Import("customers", dir_ / "customers.csv");
  EXPECT_EQ(rerun.exit_status, 0) << rerun.err;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customers"), 400);
}

TEST_P(ImportTest, JsonLinesImportLikeCsv) {
  Write(dir_ / "c.jsonl",
        "{\"customer_ref\":\"C1\",\"name\":\"王芳\",\"id_type\":\"resident_id\",\"id_number\":\"11010519491231002X\","
        "\"jurisdiction\":\"CN\",\"time_zone\":\"Asia/Shanghai\",\"language\":\"zh-CN\",\"address\":null}\n");
  const CommandResult r = Import("customers", dir_ / "c.jsonl");
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find("\"inserted\":1"), std::string::npos);
  Write(dir_ / "bad.jsonl", "{\"customer_ref\":\"C2\",\"amount\":1.5}\n");
  const CommandResult bad = Run({"import", "customers", (dir_ / "bad.jsonl").string()});
  EXPECT_EQ(bad.exit_status, 2);
  EXPECT_NE(bad.err.find("bad.jsonl:1"), std::string::npos) << bad.err;
}

TEST_P(ImportTest, StaffFindACustomerByPhoneOrIdNumberWithoutDecrypting) {
  Write(dir_ / "c.csv", std::string(kCustomerHeader) + kGoodCustomer);
  ASSERT_EQ(Import("customers", dir_ / "c.csv").exit_status, 0);
  Write(dir_ / "p.csv",
        "contact_ref,customer_ref,kind,value,relation,contact_name,is_primary,status,source\n"
        "P1,C1,mobile,138 0013 8000,self,,true,verified,application\n"
        "P2,C1,mobile,13900139000,spouse,李强,false,unverified,application\n");
  ASSERT_EQ(Import("contacts", dir_ / "p.csv").exit_status, 0);
  CommandResult r = Run({"customer", "find", "--phone", "13800138000", "--json"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(r.out, R"j({"customers":[{"customer_ref":"C1","name":"王芳","id_number":"110105********002X",)j"
                   R"j("matched":"mobile 138****8000 (self)"}]})j"
                   "\n");
  r = Run({"customer", "find", "--id-number", "11010519491231002x", "--json"});
  EXPECT_NE(r.out.find("\"customer_ref\":\"C1\""), std::string::npos) << r.out;
  r = Run({"customer", "find", "--phone", "13900139000"});
  EXPECT_NE(r.out.find("139****9000 (spouse)"), std::string::npos) << r.out;
  r = Run({"customer", "find", "--phone", "13700137000", "--json"});
  EXPECT_EQ(r.out, "{\"customers\":[]}\n");
}

TEST_P(ImportTest, AnEditBasedOnAnOldVersionIsAConflict) {
  Write(dir_ / "c.csv", std::string(kCustomerHeader) + kGoodCustomer);
  ASSERT_EQ(Import("customers", dir_ / "c.csv").exit_status, 0);
  auto first = db_.database().Acquire();
  auto second = db_.database().Acquire();
  const std::int64_t version = first->Query("SELECT version FROM customers")[0].Int(0);
  const std::string update =
      "UPDATE customers SET employer = $1, version = version + 1 WHERE id = $2 AND version = $3";
  const std::vector<store::SqlValue> mine = {store::Text("甲公司"), store::Int(1), store::Int(version)};
  const std::vector<store::SqlValue> theirs = {store::Text("乙公司"), store::Int(1), store::Int(version)};
  EXPECT_TRUE(store::ExecuteVersioned(*first, update, mine, "customer C1"));
  const Status late = store::ExecuteVersioned(*second, update, theirs, "customer C1");
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
  EXPECT_EQ(second->Query("SELECT employer FROM customers")[0].Text(0), "甲公司");
}

TEST_P(ImportTest, AnUnmigratedDatabaseIsNamed) {
  TestDatabase empty(GetParam());
  Write(dir_ / "c.csv", std::string(kCustomerHeader) + kGoodCustomer);
  const CommandResult r = RunArrears({"import", "customers", (dir_ / "c.csv").string(), "--db", empty.url(),
                                      "--key-file", key_});
  EXPECT_EQ(r.exit_status, 2);
  EXPECT_NE(r.err.find("run `arrears migrate` first"), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportTest, ::testing::Values(Backend::kSqlite, Backend::kPostgresql),
                         [](const ::testing::TestParamInfo<Backend>& param) { return BackendName(param.param); });

}  // namespace
}  // namespace arrears::testing
