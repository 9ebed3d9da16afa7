#include "files/utf8_prefix.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "app/import/import_file.hpp"
#include "files/decoded_stream.hpp"

namespace arrears::files {
namespace {

TEST(Utf8Prefix, AcceptsAsciiAndEveryLength) {
  const std::string text = "plain ascii, 张三 (3 bytes), é (2), 😀 (4)";
  const Utf8Prefix prefix = ValidUtf8Prefix(text);
  EXPECT_EQ(prefix.length, text.size());
  EXPECT_FALSE(prefix.invalid);
}

TEST(Utf8Prefix, StopsBeforeACharacterSplitAtTheEnd) {
  const std::string text = "abc\xE5\xBC";  // 张 is E5 BC A0
  const Utf8Prefix prefix = ValidUtf8Prefix(text);
  EXPECT_EQ(prefix.length, 3U);
  EXPECT_FALSE(prefix.invalid);
}

TEST(Utf8Prefix, RejectsMalformedSequencesWhereTheyStart) {
  struct Case {
    std::string bytes;
    const char* why;
  };
  for (const Case& c : {Case{"ok\xFF", "never a UTF-8 byte"}, Case{"ok\xC0\x80", "overlong NUL"},
                        Case{"ok\xE0\x80\x80", "overlong 3-byte"}, Case{"ok\xED\xA0\x80", "surrogate"},
                        Case{"ok\xF4\x90\x80\x80", "above U+10FFFF"}, Case{"ok\x80", "lone continuation"},
                        Case{"ok\xE5\x41\xA0", "lead without continuation"}}) {
    const Utf8Prefix prefix = ValidUtf8Prefix(c.bytes);
    EXPECT_EQ(prefix.length, 2U) << c.why;
    EXPECT_TRUE(prefix.invalid) << c.why;
  }
}

std::string ReadAll(const std::string& bytes, Encoding encoding) {
  std::istringstream in(bytes);
  DecodedStream stream(in, encoding);
  std::string out;
  for (int c = stream.Get(); c != -1; c = stream.Get()) out.push_back(static_cast<char>(c));
  return out;
}

TEST(DecodedStream, PassesUtf8ThroughAcrossChunkBoundaries) {
  // Long enough to span several 64 KiB reads, with characters cut by the chunk edges.
  std::string text = "\xEF\xBB\xBF";
  std::string expected;
  for (int i = 0; i < 30000; ++i) expected += "张三,王五😀\n";
  text += expected;
  EXPECT_EQ(ReadAll(text, Encoding::kUtf8), expected);
}

TEST(DecodedStream, NamesTheLineOfInvalidUtf8) {
  try {
    ReadAll("line one\nline two\nbad \xFF here\n", Encoding::kUtf8);
    FAIL() << "invalid UTF-8 was accepted";
  } catch (const app::FileFormatError& error) {
    EXPECT_EQ(error.line(), 3);
  }
}

TEST(DecodedStream, RefusesACharacterCutOffByTheEndOfTheFile) {
  EXPECT_THROW(ReadAll("abc\xE5\xBC", Encoding::kUtf8), app::FileFormatError);
}

TEST(DecodedStream, DecodesGb18030) {
  EXPECT_EQ(ReadAll("\xD5\xC5\xC8\xFD", Encoding::kGb18030), "张三");
}

}  // namespace
}  // namespace arrears::files
