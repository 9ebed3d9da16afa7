#include "http/multipart.hpp"

#include <gtest/gtest.h>

namespace arrears::http {
namespace {

const std::string kType = "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxk";

TEST(Multipart, ReadsFieldsAndAFileAsABrowserSendsThem) {
  const std::string body =
      "------WebKitFormBoundary7MA4YWxk\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nevidence\r\n"
      "------WebKitFormBoundary7MA4YWxk\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\fakepath\\凭证.pdf\"\r\n"
      "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--not a boundary\r\n\r\n"
      "------WebKitFormBoundary7MA4YWxk--\r\n";
  auto parts = ParseMultipart(kType, body);
  ASSERT_TRUE(parts) << parts.error().message;
  ASSERT_EQ(parts->size(), 2U);
  EXPECT_EQ((*parts)[0].name, "kind");
  EXPECT_EQ((*parts)[0].body, "evidence");
  EXPECT_EQ((*parts)[1].file_name, "凭证.pdf");  // the client's path left behind
  EXPECT_EQ((*parts)[1].content_type, "application/pdf");
  EXPECT_EQ((*parts)[1].body, "%PDF-1.4\r\n--not a boundary\r\n");  // bytes kept as sent, CRLF and all
}

TEST(Multipart, RefusesWhatIsNotWellFormedNamingTheFault) {
  EXPECT_EQ(ParseMultipart("application/json", "{}").error().field, "Content-Type");
  EXPECT_EQ(ParseMultipart("multipart/form-data", "x").error().field, "Content-Type");  // no boundary
  const std::string open = "------WebKitFormBoundary7MA4YWxk\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end";
  EXPECT_NE(ParseMultipart(kType, open).error().message.find("closing boundary"), std::string::npos);
  const std::string nameless =
      "------WebKitFormBoundary7MA4YWxk\r\nContent-Type: text/plain\r\n\r\nx\r\n------WebKitFormBoundary7MA4YWxk--";
  EXPECT_NE(ParseMultipart(kType, nameless).error().message.find("no field name"), std::string::npos);
  EXPECT_FALSE(ParseMultipart(kType, "nothing here"));
}

}  // namespace
}  // namespace arrears::http
