#include "app/config_file.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/fixtures.hpp"

namespace wodetl {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ParseConfig, ReadsEverySetting) {
  const std::string text = R"toml(
[store]
data_dir = "data"

[[sources]]
name = "invictus"
site = "https://www.crossfitinvictus.com"
category = 213
profile = "weekly"
rate = 1.5
concurrency = 2
timeout_seconds = 45
retries = 5
overlap_seconds = 120
data_dir = "/var/lib/wodetl/invictus"

[sources.credentials]
user = "coach"
password_env = "INVICTUS_APP_PASSWORD"

[[sources]]
name = "daily-blog"
site = "https://blog.example.test/?rest_route=/wp/v2/posts"
category = "olympic-lifting"
tag = "wod"
profile = "daily"
credentials = { user_env = "BLOG_USER", password = "abcd efgh" }
)toml";

  Result<ConfigFile> config = parse_config(text, "/etc/wodetl/wodetl.toml");

  ASSERT_TRUE(config.ok()) << config.error().to_string();
  EXPECT_EQ(config->data_dir, std::filesystem::path("/etc/wodetl/data"));
  ASSERT_EQ(config->sources.size(), 2U);
  const SourceConfig& invictus = config->sources[0];
  EXPECT_EQ(invictus.name, "invictus");
  EXPECT_EQ(invictus.site, "https://www.crossfitinvictus.com");
  ASSERT_TRUE(invictus.category.has_value());
  EXPECT_EQ(invictus.category->id, 213);
  EXPECT_FALSE(invictus.tag.has_value());
  EXPECT_EQ(invictus.profile, ProgramProfile::kWeekly);
  EXPECT_DOUBLE_EQ(invictus.rate, 1.5);
  EXPECT_EQ(invictus.concurrency, 2);
  EXPECT_EQ(invictus.timeout_seconds, 45);
  EXPECT_EQ(invictus.retries, 5);
  EXPECT_EQ(invictus.overlap_seconds, 120);
  EXPECT_EQ(invictus.data_dir, std::filesystem::path("/var/lib/wodetl/invictus"));
  ASSERT_TRUE(invictus.credentials.has_value());
  EXPECT_EQ(invictus.credentials->user, "coach");
  EXPECT_EQ(invictus.credentials->password_env, "INVICTUS_APP_PASSWORD");

  const SourceConfig& blog = config->sources[1];
  EXPECT_EQ(blog.category->slug, "olympic-lifting");
  EXPECT_FALSE(blog.category->id.has_value());
  EXPECT_EQ(blog.tag->slug, "wod");
  EXPECT_EQ(blog.profile, ProgramProfile::kDaily);
  EXPECT_EQ(blog.credentials->user_env, "BLOG_USER");
  EXPECT_EQ(blog.credentials->password, "abcd efgh");
  EXPECT_DOUBLE_EQ(blog.rate, 2.0);
  EXPECT_EQ(blog.concurrency, 1);
  EXPECT_FALSE(blog.data_dir.has_value());
}

TEST(ParseConfig, DigitSlugIsId) {
  Result<ConfigFile> config = parse_config(
      "[[sources]]\nname = \"a\"\nsite = \"https://a.test\"\ncategory = \"213\"\n", "wodetl.toml");

  ASSERT_TRUE(config.ok()) << config.error().to_string();
  EXPECT_EQ(config->sources[0].category->id, 213);
}

TEST(ParseConfig, ErrorsNameLineAndKey) {
  struct Case {
    std::string text;
    std::string expected;
  };
  const Case cases[] = {
      {"[[sources]]\nname = \"a\"\nsite = \"https://a.test\"\ncolour = 1\n",
       "line 4: unknown key 'colour' in source 1"},
      {"[[sources]]\nsite = \"https://a.test\"\n", "line 1: source 1 has no name"},
      {"[[sources]]\nname = \"a b\"\nsite = \"https://a.test\"\n",
       "line 2: source name 'a b' must be 1 to 64 letters"},
      {"[[sources]]\nname = \"a\"\nsite = \"https://a.test\"\nrate = 50\n",
       "line 4: rate must be a number from 0.1 to 20"},
      {"[[sources]]\nname = \"a\"\nsite = \"https://a.test\"\nconcurrency = 0\n",
       "line 4: concurrency must be a whole number from 1 to 8"},
      {"[[sources]]\nname = \"a\"\nsite = \"https://a.test\"\nprofile = \"monthly\"\n",
       "profile must be \"weekly\" or \"daily\", not 'monthly'"},
      {"[[sources]]\nname = \"a\"\nsite = \"https://a.test\"\ncategory = -4\n",
       "category id must be positive"},
      {"[[sources]]\nname = \"a\"\nsite = \"https://a.test\"\ncredentials = { user = \"x\" }\n",
       "need one of user and user_env, and one of password and password_env"},
      {"[[sources]]\nname = \"a\"\nsite = \"https://a.test\"\n[[sources]]\nname = \"a\"\nsite = "
       "\"https://b.test\"\n",
       "two sources are named 'a'"},
      {"[store\n", "line 1:"},
      {"[database]\npath = \"x\"\n", "unknown key 'database' in the file"},
  };
  for (const Case& test_case : cases) {
    Result<ConfigFile> config = parse_config(test_case.text, "/srv/wodetl.toml");

    ASSERT_FALSE(config.ok()) << test_case.text;
    EXPECT_EQ(config.error().code, ErrorCode::kInvalidInput);
    EXPECT_TRUE(contains(config.error().message, "configuration file /srv/wodetl.toml"))
        << config.error().message;
    EXPECT_TRUE(contains(config.error().message, test_case.expected)) << config.error().message;
  }
}

TEST(ParseConfig, ReadsStoreKind) {
  Result<ConfigFile> line = parse_config("store = \"aws\"\n", "/srv/wodetl.toml");
  Result<ConfigFile> table =
      parse_config("[store]\nkind = \"local\"\ndata_dir = \"data\"\n", "/srv/wodetl.toml");
  Result<ConfigFile> none = parse_config("[store]\ndata_dir = \"data\"\n", "/srv/wodetl.toml");

  ASSERT_TRUE(line.ok()) << line.error().to_string();
  EXPECT_EQ(line->store_kind, "aws");
  EXPECT_FALSE(line->data_dir.has_value());
  ASSERT_TRUE(table.ok()) << table.error().to_string();
  EXPECT_EQ(table->store_kind, "local");
  EXPECT_EQ(table->data_dir, std::filesystem::path("/srv/data"));
  ASSERT_TRUE(none.ok()) << none.error().to_string();
  EXPECT_FALSE(none->store_kind.has_value());
}

TEST(ParseConfig, InvalidStoreKindNamesLine) {
  const std::pair<std::string, std::string> cases[] = {
      {"store = \"cloud\"\n", "line 1: store 'cloud' is not a store"},
      {"[store]\nkind = \"s3\"\n", "line 2: kind 's3' is not a store"},
      {"[store]\nkind = 1\n", "line 2: kind must be a string"},
      {"store = 1\n", "line 1: store must be \"local\", \"aws\" or a table"},
  };
  for (const auto& [text, expected] : cases) {
    Result<ConfigFile> config = parse_config(text, "/srv/wodetl.toml");

    ASSERT_FALSE(config.ok()) << text;
    EXPECT_TRUE(contains(config.error().message, expected)) << config.error().message;
  }
}

TEST(ParseConfig, ErrorNeverShowsPasswordValue) {
  Result<ConfigFile> config = parse_config(
      "[[sources]]\nname = \"a\"\nsite = \"https://a.test\"\ncredentials = { user = \"coach\", "
      "password = \"s3cret-pass-9\", password_env = \"X\" }\n",
      "wodetl.toml");

  ASSERT_FALSE(config.ok());
  EXPECT_FALSE(contains(config.error().to_string(), "s3cret-pass-9")) << config.error().to_string();
}

TEST(ParseConfig, UserInfoInSiteRejected) {
  Result<ConfigFile> config = parse_config(
      "[[sources]]\nname = \"a\"\nsite = \"http://coach:s3cret-pass-9@127.0.0.1:8080/blog\"\n",
      "wodetl.toml");

  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, ErrorCode::kInvalidInput);
  const std::string message = config.error().to_string();
  EXPECT_TRUE(contains(message, "line 3: the site of source 'a' contains a user name or password"))
      << message;
  EXPECT_TRUE(contains(message, "password_env")) << message;
  EXPECT_FALSE(contains(message, "s3cret-pass-9")) << message;
  EXPECT_FALSE(contains(message, "coach")) << message;
}

TEST(ParseConfig, SiteWithoutSchemeRejected) {
  const std::pair<std::string, std::string> cases[] = {
      {"127.0.0.1:1", "('127.0.0.1:1') is not an http or https URL"},
      {"ftp://a.test", "('ftp://a.test') is not an http or https URL"},
      {"https://", "('https://') has no host"},
  };
  for (const auto& [site, expected] : cases) {
    Result<ConfigFile> config =
        parse_config("[[sources]]\nname = \"a\"\nsite = \"" + site + "\"\n", "wodetl.toml");

    ASSERT_FALSE(config.ok()) << site;
    EXPECT_TRUE(contains(config.error().message, expected)) << config.error().message;
  }
}

TEST(FindConfigFile, OptionThenVariableThenWorkingFolder) {
  testing::TempFolder folder;
  const auto local = folder.path() / "wodetl.toml";
  const auto named = folder.path() / "other.toml";
  std::ofstream(local) << "";
  std::ofstream(named) << "";
  auto variable = [&named](const std::string& name) -> std::optional<std::string> {
    return name == kConfigVariable ? std::optional<std::string>(named.string()) : std::nullopt;
  };
  auto none = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };

  EXPECT_EQ(*find_config_file("other.toml", none, folder.path()), named);
  EXPECT_EQ(*find_config_file("", variable, folder.path()), named);
  EXPECT_EQ(*find_config_file("", none, folder.path()), local);

  Result<std::optional<std::filesystem::path>> missing =
      find_config_file("missing.toml", none, folder.path());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(contains(missing.error().message, "(from --config) does not exist"));

  std::filesystem::remove(local);
  Result<std::optional<std::filesystem::path>> absent = find_config_file("", none, folder.path());
  ASSERT_TRUE(absent.ok());
  EXPECT_FALSE(absent->has_value());
}

}  // namespace
}  // namespace wodetl
