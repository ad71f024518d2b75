#include "catalog/Catalog.h"

#include <gtest/gtest.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/raw_ostream.h>

namespace concur {
namespace {

std::string writeTemp(const std::string &text) {
  llvm::SmallString<128> path;
  int fd;
  EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("catalog", "yaml", fd, path));
  llvm::raw_fd_ostream os(fd, true);
  os << text;
  return std::string(path);
}

TEST(CatalogTest, BundledCataloguesLoadAndDescribeCoreApis) {
  Catalog catalog;
  std::vector<CatalogError> errors;
  ASSERT_TRUE(catalog.loadDirectory(CONCUR_SOURCE_CATALOG_DIR, errors));
  EXPECT_TRUE(errors.empty());
  const ApiEntry *recv = catalog.lookup("::recv", {});
  ASSERT_NE(recv, nullptr);
  EXPECT_TRUE(recv->blocks());
  const ApiEntry *strtok = catalog.lookup("::strtok", {});
  ASSERT_NE(strtok, nullptr);
  EXPECT_TRUE(strtok->has(EffectMtUnsafe));
  EXPECT_EQ(catalog.lookup("::my_function", {}), nullptr);
}

TEST(CatalogTest, OnTypeRestrictsToTheReceiverClassOrItsBases) {
  Catalog catalog;
  std::vector<CatalogError> errors;
  ASSERT_TRUE(catalog.loadDirectory(CONCUR_SOURCE_CATALOG_DIR, errors));
  EXPECT_NE(catalog.lookup("::std::getline", {"::std::basic_ifstream", "::std::basic_istream"}), nullptr);
  EXPECT_EQ(catalog.lookup("::std::getline", {"::std::basic_istringstream", "::std::basic_istream"}), nullptr);
}

TEST(CatalogTest, UserEntriesOverrideBundledOnes) {
  Catalog catalog;
  std::vector<CatalogError> errors;
  ASSERT_TRUE(catalog.loadFile(writeTemp("apis:\n  - match: '::f'\n    effects: [io]\n    source: a\n"), errors));
  ASSERT_TRUE(catalog.loadFile(writeTemp("apis:\n  - regex: '^::f$'\n    effects: [cpu]\n    source: b\n"), errors));
  const ApiEntry *entry = catalog.lookup("::f", {});
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->source, "b");
}

TEST(CatalogTest, RegexesMatchWhateverTheirLiteralPrefix) {
  // Lookups filter regexes by their literal prefix before matching: optional
  // characters and top-level alternation must not be taken as a prefix.
  Catalog catalog;
  std::vector<CatalogError> errors;
  ASSERT_TRUE(catalog.loadFile(writeTemp("apis:\n"
                                         "  - regex: '^::p?poll$'\n    effects: [io]\n    source: a\n"
                                         "  - regex: '^::alpha|^::beta$'\n    effects: [cpu]\n    source: b\n"
                                         "  - regex: '^::ns::(x|y)$'\n    effects: [wait]\n    source: c\n"),
                               errors));
  EXPECT_NE(catalog.lookup("::poll", {}), nullptr);
  EXPECT_NE(catalog.lookup("::ppoll", {}), nullptr);
  EXPECT_NE(catalog.lookup("::beta", {}), nullptr);
  EXPECT_NE(catalog.lookup("::ns::y", {}), nullptr);
  EXPECT_EQ(catalog.lookup("::ns::z", {}), nullptr);
  EXPECT_EQ(catalog.lookup("::gamma", {}), nullptr);
}

TEST(CatalogTest, ErrorsNameFileLineAndColumnAndLeaveTheCatalogueUnchanged) {
  Catalog catalog;
  std::vector<CatalogError> errors;
  std::string path = writeTemp("apis:\n  - match: '::ok'\n    effects: [io]\n    source: s\n"
                               "  - match: 'no_colons'\n    effects: [io]\n    source: s\n");
  EXPECT_FALSE(catalog.loadFile(path, errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, 5u);
  EXPECT_EQ(errors[0].column, 12u);
  EXPECT_NE(errors[0].message.find("'::'"), std::string::npos);
  EXPECT_EQ(catalog.size(), 0u);
}

TEST(CatalogTest, DuplicateKeysAreErrors) {
  Catalog catalog;
  std::vector<CatalogError> errors;
  EXPECT_FALSE(catalog.loadFile(
      writeTemp("apis:\n  - match: '::a'\n    match: '::b'\n    effects: [io]\n    source: s\n"), errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, 3u);
}

} // namespace
} // namespace concur
