// --dump-config must read back as the same configuration (style.md, "declare
// each option once"). Cases found by tests/fuzz/fuzz_config.cpp; the inputs
// are kept in tests/fuzz/regressions/config-*.
#include "config/Config.h"

#include <gtest/gtest.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/raw_ostream.h>

namespace concur {
namespace {

std::string writeTemp(const std::string &text) {
  llvm::SmallString<128> path;
  int fd;
  EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("concur-config", "yaml", fd, path));
  llvm::raw_fd_ostream os(fd, true);
  os << text;
  return std::string(path);
}

/// Loads `text`, dumps it, loads the dump: both must succeed and agree.
void expectRoundTrip(const std::string &text) {
  const std::vector<OptionTable> tables = allOptionTables();
  ConfigError error;
  std::optional<Config> config = loadConfig(writeTemp(text), tables, error);
  ASSERT_TRUE(config) << error.str();
  const std::string dumped = dumpConfig(*config, config->checks.value_or(""), tables);
  std::optional<Config> again = loadConfig(writeTemp(dumped), tables, error);
  ASSERT_TRUE(again) << error.str() << "\n" << dumped;
  EXPECT_EQ(again->checks.value_or(""), config->checks.value_or("")) << dumped;
  EXPECT_EQ(again->warningsAsErrors.value_or(""), config->warningsAsErrors.value_or("")) << dumped;
  EXPECT_EQ(again->catalogs, config->catalogs) << dumped;
  for (const OptionTable &table : tables)
    for (const OptionDecl &decl : table.options)
      EXPECT_EQ(again->options.get(table.owner, decl), config->options.get(table.owner, decl))
          << table.owner << "." << decl.name << "\n" << dumped;
}

TEST(ConfigRoundTripTest, CataloguePathWithAQuote) {
  expectRoundTrip("Catalogs: [\"/tmp/it's.yaml\"]\n"); // was dumped as '/tmp/it's.yaml'
}

TEST(ConfigRoundTripTest, CataloguePathWithControlCharacters) {
  expectRoundTrip("Catalogs: [\"/tmp/a\\tb\\nc.yaml\"]\n");
}

TEST(ConfigRoundTripTest, ChecksOnSeveralLines) {
  expectRoundTrip("Checks: \"-*,\\n  concur-blocking-in-coroutine\"\n");
}

TEST(ConfigRoundTripTest, OptionValuesKeepEveryDigit) {
  expectRoundTrip("CheckOptions:\n  concur-classification.AssumedTripCount: 0.1234567\n"); // was 0.123457
}

TEST(ConfigRoundTripTest, DefaultsDumpAsBefore) {
  const std::vector<OptionTable> tables = allOptionTables();
  const std::string dumped = dumpConfig(Config{}, "concur-*", tables);
  EXPECT_NE(dumped.find("Checks: 'concur-*'\n"), std::string::npos) << dumped;
  EXPECT_NE(dumped.find("concur-classification.NeutralNs: 200000\n"), std::string::npos) << dumped;
}

} // namespace
} // namespace concur
