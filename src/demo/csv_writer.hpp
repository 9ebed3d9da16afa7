// Writes portfolio records as the CSV files of docs/import-formats.md: UTF-8,
// a header row, RFC 4180 quoting where a value needs it, amounts as decimal
// strings with the currency's minor digits, empty cells for absent values.
#pragma once

#include <ostream>
#include <string>

#include "demo/portfolio.hpp"

namespace arrears::demo {

class CsvPortfolioWriter final : public PortfolioSink {
 public:
  // Writes the header rows at once; the streams must outlive the writer.
  CsvPortfolioWriter(std::ostream& customers, std::ostream& contacts, std::ostream& accounts, std::ostream& payments);
  ~CsvPortfolioWriter() override;  // flushes

  void Customer(const CustomerRecord& record) override;
  void Contact(const ContactRecord& record) override;
  void Account(const AccountRecord& record) override;
  void Payment(const PaymentRecord& record) override;
  void Flush();

  static const char* const kCustomerHeader;
  static const char* const kContactHeader;
  static const char* const kAccountHeader;
  static const char* const kPaymentHeader;

 private:
  struct Buffer {
    std::ostream* out;
    std::string text;
  };
  void Emit(Buffer& buffer);
  Buffer customers_;
  Buffer contacts_;
  Buffer accounts_;
  Buffer payments_;
};

}  // namespace arrears::demo
