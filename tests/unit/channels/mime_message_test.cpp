#include "channels/mime_message.hpp"

#include <gtest/gtest.h>

namespace arrears::channels {
namespace {

TEST(MimeMessage, Base64OfEveryTailLength) {
  EXPECT_EQ(Base64(""), "");
  EXPECT_EQ(Base64("f"), "Zg==");
  EXPECT_EQ(Base64("fo"), "Zm8=");
  EXPECT_EQ(Base64("foo"), "Zm9v");
  EXPECT_EQ(Base64("欠款"), "5qyg5qy+");
}

TEST(MimeMessage, ChineseHeadersAreEncodedWordsSplitBetweenCharacters) {
  EXPECT_EQ(EncodeHeader("Overdue notice"), "Overdue notice");
  EXPECT_EQ(EncodeHeader("逾期"), "=?UTF-8?B?6YC+5pyf?=");
  // 20 Chinese characters (60 bytes): 15 in the first word (45 bytes), 5 in the second, folded.
  std::string long_subject;
  for (int i = 0; i < 20; ++i) long_subject += "欠";
  const std::string header = EncodeHeader(long_subject);
  const auto fold = header.find("\r\n ");
  ASSERT_NE(fold, std::string::npos);
  EXPECT_EQ(header.substr(0, fold), "=?UTF-8?B?" + Base64(long_subject.substr(0, 45)) + "?=");
  EXPECT_EQ(header.substr(fold + 3), "=?UTF-8?B?" + Base64(long_subject.substr(45)) + "?=");
  EXPECT_LE(fold, 75u);
}

TEST(MimeMessage, TextBecomesEscapedHtmlParagraphs) {
  EXPECT_EQ(TextToHtml("a < b & c\nnext\n\nnew"),
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n<p>a &lt; b &amp; c<br>\nnext</p>\n"
            "<p>new</p>\n</body></html>\n");
}

TEST(MimeMessage, DatesInRfc5322Form) {
  EXPECT_EQ(MailDate("2026-11-29T02:00:00Z"), "Sun, 29 Nov 2026 02:00:00 +0000");
  EXPECT_EQ(MailDate("2024-02-29T23:59:59Z"), "Thu, 29 Feb 2024 23:59:59 +0000");
}

TEST(MimeMessage, AMailHasBothPartsAndItsHeaders) {
  MailContent c{{"示例银行", "collections@example-bank.cn"}, {"", "wang@example.com"}, "逾期提醒", "您好\n请还款",
                "Sun, 29 Nov 2026 02:00:00 +0000", "outbox-1-2@arrears", "=_b"};
  const std::string mail = BuildMail(c);
  EXPECT_NE(mail.find("From: =?UTF-8?B?" + Base64("示例银行") + "?= <collections@example-bank.cn>\r\n"), std::string::npos);
  EXPECT_NE(mail.find("To: <wang@example.com>\r\n"), std::string::npos);
  EXPECT_NE(mail.find("Message-ID: <outbox-1-2@arrears>\r\n"), std::string::npos);
  EXPECT_NE(mail.find("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                      Base64("您好\r\n请还款") + "\r\n"),
            std::string::npos);
  EXPECT_NE(mail.find("Content-Type: text/html; charset=UTF-8"), std::string::npos);
  EXPECT_TRUE(mail.ends_with("--=_b--\r\n"));
}

}  // namespace
}  // namespace arrears::channels
