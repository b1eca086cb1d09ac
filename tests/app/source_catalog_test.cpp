#include "app/source_catalog.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "support/fixtures.hpp"

namespace wodetl {
namespace {

namespace fs = std::filesystem;

Environment fake_environment(std::map<std::string, std::string> variables) {
  return [variables = std::move(variables)](const std::string& name) -> std::optional<std::string> {
    auto entry = variables.find(name);
    return entry == variables.end() ? std::nullopt : std::optional<std::string>(entry->second);
  };
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class SourceCatalogTest : public ::testing::Test {
 protected:
  void write(const fs::path& relative, const std::string& text) {
    fs::create_directories((folder_.path() / relative).parent_path());
    std::ofstream(folder_.path() / relative) << text;
  }

  Result<SourceCatalog> load(std::map<std::string, std::string> variables = {},
                             CatalogOptions options = {}) {
    environment_ = std::make_unique<LayeredEnvironment>(fake_environment(std::move(variables)));
    options.working_dir = folder_.path();
    return load_source_catalog(*environment_, options);
  }

  testing::TempFolder folder_;
  std::unique_ptr<LayeredEnvironment> environment_;
};

TEST_F(SourceCatalogTest, BuiltInSourceWithoutConfig) {
  Result<SourceCatalog> catalog = load();

  ASSERT_TRUE(catalog.ok()) << catalog.error().to_string();
  EXPECT_FALSE(catalog->config_path.has_value());
  ASSERT_EQ(catalog->sources.size(), 1U);
  const CatalogSource& source = catalog->sources.front();
  EXPECT_TRUE(source.built_in);
  EXPECT_EQ(source.config.name, "invictus");
  EXPECT_EQ(source.wordpress.api_url, "https://www.crossfitinvictus.com/wp-json/wp/v2/posts");
  EXPECT_EQ(source.wordpress.category_id, 213);
  EXPECT_EQ(source.listing, "https://www.crossfitinvictus.com/wp-json/wp/v2/posts category 213");
  EXPECT_EQ(source.data_dir, folder_.path() / "wod-data");
  EXPECT_DOUBLE_EQ(source.wordpress.limits.requests_per_second, 2.0);
  EXPECT_EQ(source.wordpress.http.retry.max_retries, 3);
  EXPECT_EQ(source.credentials, "none");
  EXPECT_FALSE(source.problem.has_value());
}

TEST_F(SourceCatalogTest, BuiltInSourceReadsDotenv) {
  write(".env", "INVICTUS_USER=coach\nINVICTUS_PASS='abcd efgh ijkl'\n");

  Result<SourceCatalog> catalog = load();

  ASSERT_TRUE(catalog.ok()) << catalog.error().to_string();
  const CatalogSource& source = catalog->sources.front();
  ASSERT_TRUE(source.wordpress.auth.has_value());
  EXPECT_EQ(source.wordpress.auth->user, "coach");
  EXPECT_EQ(source.wordpress.auth->password, "abcd efgh ijkl");
  EXPECT_EQ(catalog->secrets, std::vector<std::string>{"abcd efgh ijkl"});
  EXPECT_TRUE(contains(source.credentials, "INVICTUS_PASS (.env file")) << source.credentials;
  EXPECT_FALSE(contains(source.credentials, "abcd")) << source.credentials;
}

// The hint of a rejected login names where the credentials came from, never their values.
TEST_F(SourceCatalogTest, CredentialsHintNamesDotenv) {
  write(".env", "INVICTUS_USER=coach\nINVICTUS_PASS=dotenv-pass-4321\n");

  Result<SourceCatalog> catalog = load();

  ASSERT_TRUE(catalog.ok()) << catalog.error().to_string();
  const std::string& hint = catalog->sources.front().wordpress.credentials_hint;
  EXPECT_TRUE(contains(hint, "INVICTUS_USER (.env file ")) << hint;
  EXPECT_TRUE(contains(hint, "INVICTUS_PASS (.env file ")) << hint;
  EXPECT_FALSE(contains(hint, "dotenv-pass-4321")) << hint;
}

// The secret is read after the .env files, which may name it, and its username and password
// replace INVICTUS_USER and INVICTUS_PASS.
TEST_F(SourceCatalogTest, SecretReplacesVariables) {
  write(".env", "INVICTUS_SECRET_NAME=wp-credentials\n");
  CatalogOptions options;
  std::string secret_read;
  options.read_secret = [&secret_read](const std::string& name, const Environment&) {
    secret_read = name;
    return Result<std::string>(std::string(R"({"username":"coach","password":"secret-pass-1"})"));
  };

  Result<SourceCatalog> catalog =
      load({{"INVICTUS_USER", "env-user"}, {"INVICTUS_PASS", "env-pass"}}, options);

  ASSERT_TRUE(catalog.ok()) << catalog.error().to_string();
  EXPECT_EQ(secret_read, "wp-credentials");
  const CatalogSource& source = catalog->sources.front();
  ASSERT_TRUE(source.wordpress.auth.has_value());
  EXPECT_EQ(source.wordpress.auth->user, "coach");
  EXPECT_EQ(source.wordpress.auth->password, "secret-pass-1");
  EXPECT_EQ(source.credentials, "Secrets Manager secret wp-credentials");
  EXPECT_TRUE(
      contains(source.wordpress.credentials_hint, "(Secrets Manager secret wp-credentials)"))
      << source.wordpress.credentials_hint;
  EXPECT_FALSE(contains(source.wordpress.credentials_hint, "INVICTUS_USER"))
      << source.wordpress.credentials_hint;
  EXPECT_FALSE(source.credentials_warning.has_value());
  EXPECT_EQ(catalog->secrets, std::vector<std::string>{"secret-pass-1"});
}

TEST_F(SourceCatalogTest, UnreadableSecretWarnsOnUsers) {
  write("wodetl.toml", R"toml(
[[sources]]
name = "env-login"
site = "https://blog.example.test"
data_dir = "one"
credentials = { user = "coach", password_env = "INVICTUS_PASS" }

[[sources]]
name = "own-login"
site = "https://other.example.test"
data_dir = "two"
credentials = { user = "coach", password_env = "OTHER_PASS" }
)toml");
  CatalogOptions options;
  options.read_secret = [](const std::string&, const Environment&) {
    return Result<std::string>(Error::not_found("no such secret"));
  };

  Result<SourceCatalog> catalog = load(
      {{"INVICTUS_SECRET_NAME", "wp"}, {"INVICTUS_PASS", "env-pass"}, {"OTHER_PASS", "other-pass"}},
      options);

  ASSERT_TRUE(catalog.ok()) << catalog.error().to_string();
  ASSERT_TRUE(catalog->credentials_secret.has_value());
  EXPECT_FALSE(catalog->credentials_secret->read);
  ASSERT_EQ(catalog->sources.size(), 2U);
  const CatalogSource& env_login = catalog->sources[0];
  ASSERT_TRUE(env_login.credentials_warning.has_value());
  EXPECT_TRUE(contains(env_login.credentials_warning->message, "Secrets Manager secret wp"))
      << env_login.credentials_warning->message;
  EXPECT_TRUE(contains(env_login.credentials, "INVICTUS_PASS (the environment)"))
      << env_login.credentials;
  EXPECT_FALSE(catalog->sources[1].credentials_warning.has_value());
}

TEST_F(SourceCatalogTest, ReadablePasswordFileWarns) {
  write("wodetl.toml", R"toml(
[[sources]]
name = "in-file"
site = "https://blog.example.test"
credentials = { user = "coach", password = "file-pass-2468" }
)toml");
  const fs::path file = folder_.path() / "wodetl.toml";
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);

  Result<SourceCatalog> readable = load();
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
  Result<SourceCatalog> private_file = load();

  ASSERT_TRUE(readable.ok()) << readable.error().to_string();
  const std::optional<Error>& warning = readable->sources.front().config_file_warning;
  ASSERT_TRUE(warning.has_value());
  EXPECT_TRUE(contains(warning->message, "other users can read it")) << warning->message;
  EXPECT_TRUE(contains(warning->hint, "chmod 600")) << warning->hint;
  EXPECT_FALSE(contains(warning->to_string(), "file-pass-2468"));
  ASSERT_TRUE(private_file.ok()) << private_file.error().to_string();
  EXPECT_FALSE(private_file->sources.front().config_file_warning.has_value());
}

// Without a reader, as for `sources`, the secret is named but not read.
TEST_F(SourceCatalogTest, UnreadSecretIsNamed) {
  Result<SourceCatalog> catalog = load({{"INVICTUS_SECRET_NAME", "wp"}});

  ASSERT_TRUE(catalog.ok()) << catalog.error().to_string();
  const CatalogSource& source = catalog->sources.front();
  EXPECT_EQ(source.credentials,
            "Secrets Manager secret wp (INVICTUS_SECRET_NAME; when it cannot be read: none)");
  EXPECT_FALSE(source.credentials_warning.has_value());
}

TEST_F(SourceCatalogTest, ConfiguredSourcesResolved) {
  write("conf/wodetl.toml", R"toml(
[store]
data_dir = "store"

[[sources]]
name = "invictus"
site = "https://www.crossfitinvictus.com"
category = "weightlifting"
rate = 4
concurrency = 2
timeout_seconds = 12
retries = 1
credentials = { user = "coach", password_env = "INVICTUS_APP_PASSWORD" }

[[sources]]
name = "daily"
site = "https://daily.test"
profile = "daily"
data_dir = "daily-data"
)toml");
  write("conf/.env", "INVICTUS_APP_PASSWORD=app-pass-1234\n");

  Result<SourceCatalog> catalog = load({}, CatalogOptions{.config_option = "conf/wodetl.toml"});

  ASSERT_TRUE(catalog.ok()) << catalog.error().to_string();
  EXPECT_EQ(catalog->config_path, folder_.path() / "conf/wodetl.toml");
  ASSERT_EQ(catalog->sources.size(), 2U);
  const CatalogSource& invictus = catalog->sources[0];
  EXPECT_FALSE(invictus.built_in);
  EXPECT_EQ(invictus.wordpress.category_slug, "weightlifting");
  EXPECT_FALSE(invictus.wordpress.category_id.has_value());
  EXPECT_DOUBLE_EQ(invictus.wordpress.limits.requests_per_second, 4.0);
  EXPECT_EQ(invictus.wordpress.limits.concurrency, 2);
  EXPECT_EQ(invictus.wordpress.total_timeout, std::chrono::seconds(12));
  EXPECT_EQ(invictus.wordpress.http.retry.max_retries, 1);
  ASSERT_TRUE(invictus.wordpress.auth.has_value());
  EXPECT_EQ(invictus.wordpress.auth->password, "app-pass-1234");
  EXPECT_EQ(invictus.data_dir, folder_.path() / "conf/store");
  EXPECT_EQ(invictus.listing,
            "https://www.crossfitinvictus.com/wp-json/wp/v2/posts category weightlifting");
  EXPECT_TRUE(contains(invictus.wordpress.credentials_hint, "source 'invictus'"));
  const CatalogSource& daily = catalog->sources[1];
  EXPECT_EQ(daily.config.profile, ProgramProfile::kDaily);
  EXPECT_EQ(daily.data_dir, folder_.path() / "conf/daily-data");
  EXPECT_FALSE(daily.wordpress.auth.has_value());
}

TEST_F(SourceCatalogTest, MissingPasswordVariableIsSourceProblem) {
  write("wodetl.toml",
        "[[sources]]\nname = \"a\"\nsite = \"https://a.test\"\ncredentials = { user = \"coach\", "
        "password_env = \"A_PASSWORD\" }\n[[sources]]\nname = \"b\"\nsite = \"https://b.test\"\n"
        "data_dir = \"b\"\n");

  Result<SourceCatalog> catalog = load();

  ASSERT_TRUE(catalog.ok()) << catalog.error().to_string();
  ASSERT_TRUE(catalog->sources[0].problem.has_value());
  EXPECT_TRUE(contains(catalog->sources[0].problem->message,
                       "the password of source 'a' comes from the variable A_PASSWORD, which is "
                       "not set"));
  EXPECT_FALSE(catalog->sources[1].problem.has_value());
}

TEST_F(SourceCatalogTest, SharedDataFolderRejected) {
  write("wodetl.toml",
        "[[sources]]\nname = \"a\"\nsite = \"https://a.test\"\n[[sources]]\nname = \"b\"\nsite = "
        "\"https://b.test\"\n");

  Result<SourceCatalog> catalog = load({{"WODETL_DATA_DIR", "/var/wod"}});

  ASSERT_FALSE(catalog.ok());
  EXPECT_TRUE(
      contains(catalog.error().message, "sources 'a' and 'b' would share the data folder /var/wod"))
      << catalog.error().message;
  EXPECT_TRUE(contains(catalog.error().hint, "data_dir"));
}

TEST_F(SourceCatalogTest, BuiltInSiteShownWithoutPassword) {
  Result<SourceCatalog> catalog = load(
      {{"INVICTUS_WEIGHTLIFTING_API", "http://coach:s3cret-pw@127.0.0.1:9/wp-json/wp/v2/posts"}});

  ASSERT_TRUE(catalog.ok()) << catalog.error().to_string();
  const CatalogSource& source = catalog->sources.front();
  EXPECT_FALSE(contains(source.config.site, "s3cret-pw")) << source.config.site;
  EXPECT_EQ(source.config.site, "http://127.0.0.1:9/wp-json/wp/v2/posts");
  EXPECT_FALSE(contains(source.listing, "s3cret-pw")) << source.listing;
}

TEST_F(SourceCatalogTest, SharedFolderSpelledTwoWaysRejected) {
  const fs::path absolute = folder_.path() / "shared-data";
  write("wodetl.toml",
        "[[sources]]\nname = \"a\"\nsite = \"https://a.test\"\ndata_dir = "
        "\"./shared-data/\"\n[[sources]]\nname = \"b\"\nsite = "
        "\"https://b.test\"\ndata_dir = \"" +
            absolute.string() + "\"\n");

  Result<SourceCatalog> catalog = load({});

  ASSERT_FALSE(catalog.ok());
  EXPECT_TRUE(contains(catalog.error().message, "sources 'a' and 'b' would share the data folder"))
      << catalog.error().message;
}

TEST_F(SourceCatalogTest, DataDirOptionWins) {
  write("wodetl.toml", "[[sources]]\nname = \"a\"\nsite = \"https://a.test\"\ndata_dir = \"x\"\n");

  Result<SourceCatalog> catalog =
      load({{"WODETL_DATA_DIR", "/var/wod"}}, CatalogOptions{.data_dir_option = "/tmp/here"});

  ASSERT_TRUE(catalog.ok());
  EXPECT_EQ(catalog->sources[0].data_dir, fs::path("/tmp/here"));
}

TEST_F(SourceCatalogTest, ConfigVariableNamesFile) {
  write("elsewhere/wod.toml", "[[sources]]\nname = \"from-variable\"\nsite = \"https://a.test\"\n");

  Result<SourceCatalog> catalog =
      load({{"WODETL_CONFIG", (folder_.path() / "elsewhere/wod.toml").string()}});

  ASSERT_TRUE(catalog.ok()) << catalog.error().to_string();
  EXPECT_EQ(catalog->sources[0].config.name, "from-variable");
}

TEST_F(SourceCatalogTest, SelectSourcesByName) {
  write("wodetl.toml",
        "[[sources]]\nname = \"a\"\nsite = \"https://a.test\"\ndata_dir = \"a\"\n[[sources]]\n"
        "name = \"b\"\nsite = \"https://b.test\"\ndata_dir = \"b\"\n");
  Result<SourceCatalog> catalog = load();
  ASSERT_TRUE(catalog.ok());

  EXPECT_EQ(select_sources(*catalog, "")->size(), 2U);
  EXPECT_EQ(select_sources(*catalog, "b")->front()->config.name, "b");
  Result<std::vector<const CatalogSource*>> missing = select_sources(*catalog, "c");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(contains(missing.error().hint, "The sources are: a, b"));
}

}  // namespace
}  // namespace wodetl
