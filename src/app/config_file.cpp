#include "app/config_file.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

namespace wodetl {

namespace {

const char* const kConfigHint = "README.md shows a configuration file";

class ConfigReader {
 public:
  explicit ConfigReader(const std::filesystem::path& path) : path_(path) {}

  Error error(const toml::source_region& where, const std::string& problem) const {
    return Error::invalid_input("configuration file " + path_.string() + " line " +
                                    std::to_string(where.begin.line) + ": " + problem,
                                {}, kConfigHint);
  }

  Status check_keys(const toml::table& table, const std::string& context,
                    std::initializer_list<const char*> allowed) const {
    for (const auto& [key, node] : table) {
      const bool known = std::any_of(allowed.begin(), allowed.end(),
                                     [&key](const char* name) { return key.str() == name; });
      if (!known) {
        std::string list;
        for (const char* name : allowed) {
          list += (list.empty() ? "" : ", ") + std::string(name);
        }
        return error(node.source(), "unknown key '" + std::string(key.str()) + "' in " + context +
                                        "; the keys are " + list);
      }
    }
    return ok_status();
  }

  Result<std::string> text(const toml::node& node, const std::string& key) const {
    if (const auto* value = node.as_string()) {
      return value->get();
    }
    return error(node.source(), key + " must be a string");
  }

  // Reads `store = "aws"`, or a [store] table with kind and data_dir.
  Status store(const toml::node& node, ConfigFile& config) const {
    if (node.is_string()) {
      Result<std::string> kind = store_kind(node, "store");
      if (!kind.ok()) {
        return kind.error();
      }
      config.store_kind = *kind;
      return ok_status();
    }
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      return error(node.source(), "store must be \"local\", \"aws\" or a table: [store]");
    }
    if (Status keys = check_keys(*table, "[store]", {"kind", "data_dir"}); !keys.ok()) {
      return keys.error();
    }
    if (const toml::node* kind = table->get("kind")) {
      Result<std::string> value = store_kind(*kind, "kind");
      if (!value.ok()) {
        return value.error();
      }
      config.store_kind = *value;
    }
    if (const toml::node* data_dir = table->get("data_dir")) {
      Result<std::string> value = text(*data_dir, "data_dir");
      if (!value.ok()) {
        return value.error();
      }
      config.data_dir = resolve(*value);
    }
    return ok_status();
  }

  Result<std::string> store_kind(const toml::node& node, const std::string& key) const {
    Result<std::string> value = text(node, key);
    if (!value.ok()) {
      return value.error();
    }
    if (*value != "local" && *value != "aws") {
      return error(node.source(),
                   key + " '" + *value +
                       "' is not a store; use \"local\" (SQLite and a bucket folder) or \"aws\" "
                       "(S3 and DynamoDB)");
    }
    return value;
  }

  Result<double> number(const toml::node& node, const std::string& key, double minimum,
                        double maximum) const {
    std::optional<double> value;
    if (const auto* floating = node.as_floating_point()) {
      value = floating->get();
    } else if (const auto* integer = node.as_integer()) {
      value = static_cast<double>(integer->get());
    }
    if (!value || *value < minimum || *value > maximum) {
      std::ostringstream range;
      range << key << " must be a number from " << minimum << " to " << maximum;
      return error(node.source(), range.str());
    }
    return *value;
  }

  Result<int> integer(const toml::node& node, const std::string& key, int minimum,
                      int maximum) const {
    const auto* value = node.as_integer();
    if (value == nullptr || value->get() < minimum || value->get() > maximum) {
      return error(node.source(), key + " must be a whole number from " + std::to_string(minimum) +
                                      " to " + std::to_string(maximum));
    }
    return static_cast<int>(value->get());
  }

  Result<TermConfig> term(const toml::node& node, const std::string& key) const {
    if (const auto* id = node.as_integer()) {
      if (id->get() < 1) {
        return error(node.source(), key + " id must be positive");
      }
      return TermConfig{id->get(), {}};
    }
    if (const auto* slug = node.as_string()) {
      const std::string& value = slug->get();
      if (value.empty()) {
        return error(node.source(), key + " slug is empty");
      }
      // A slug of digits would read as an id in the API, so it is taken as the id.
      if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
          value.size() < 19) {
        return TermConfig{std::stoll(value), {}};
      }
      return TermConfig{std::nullopt, value};
    }
    return error(node.source(), key + " must be an id (a number) or a slug (a string)");
  }

  std::filesystem::path resolve(const std::string& value) const {
    std::filesystem::path path(value);
    if (path.is_relative()) {
      path = path_.parent_path() / path;
    }
    return path.lexically_normal();
  }

  Result<CredentialsConfig> credentials(const toml::node& node, const std::string& context) const {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      return error(node.source(), "credentials of " + context + " must be a table");
    }
    if (Status keys = check_keys(*table, "the credentials of " + context,
                                 {"user", "user_env", "password", "password_env"});
        !keys.ok()) {
      return keys.error();
    }
    CredentialsConfig credentials;
    const std::pair<const char*, std::string*> fields[] = {
        {"user", &credentials.user},
        {"user_env", &credentials.user_env},
        {"password", &credentials.password},
        {"password_env", &credentials.password_env}};
    for (const auto& [key, target] : fields) {
      if (const toml::node* value = table->get(key)) {
        Result<std::string> read = text(*value, key);
        if (!read.ok()) {
          return read.error();
        }
        *target = *read;
      }
    }
    const bool has_user = !credentials.user.empty() || !credentials.user_env.empty();
    const bool has_password = !credentials.password.empty() || !credentials.password_env.empty();
    if (has_user != has_password || (!credentials.user.empty() && !credentials.user_env.empty()) ||
        (!credentials.password.empty() && !credentials.password_env.empty())) {
      return error(node.source(),
                   "credentials of " + context +
                       " need one of user and user_env, and one of password and password_env");
    }
    return credentials;
  }

  //! Rejects a site that is not an http(s) URL, and one with a user name or password in it,
  //! which the sync would not send and `sources` would print. The message never repeats the URL,
  //! because it may contain the password.
  Status check_site(const toml::node& node, const std::string& site,
                    const std::string& named) const {
    const std::size_t scheme_end = site.find("://");
    std::string scheme =
        scheme_end == std::string::npos ? std::string() : site.substr(0, scheme_end);
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::size_t authority_start = scheme_end == std::string::npos ? 0 : scheme_end + 3;
    const std::string authority =
        site.substr(authority_start, site.find_first_of("/?#", authority_start) - authority_start);
    if (authority.find('@') != std::string::npos) {
      return error(node.source(),
                   "the site of " + named +
                       " contains a user name or password before '@', which wodetl does not "
                       "send; remove it from the URL and set credentials = { user = \"NAME\", "
                       "password_env = \"VARIABLE\" }, with the password in the environment or a "
                       ".env file");
    }
    if (scheme != "http" && scheme != "https") {
      return error(node.source(), "the site of " + named + " ('" + site +
                                      "') is not an http or https URL; write it as "
                                      "https://HOST or http://HOST:PORT");
    }
    if (authority.empty()) {
      return error(node.source(), "the site of " + named + " ('" + site + "') has no host");
    }
    return ok_status();
  }

  Result<SourceConfig> source(const toml::table& table, std::size_t index) const {
    const std::string context = "source " + std::to_string(index + 1);
    if (Status keys = check_keys(
            table, context,
            {"name", "site", "category", "tag", "profile", "credentials", "rate", "concurrency",
             "timeout_seconds", "retries", "overlap_seconds", "data_dir"});
        !keys.ok()) {
      return keys.error();
    }
    SourceConfig source;
    source.line = static_cast<int>(table.source().begin.line);

    for (const char* key : {"name", "site"}) {
      const toml::node* node = table.get(key);
      if (node == nullptr) {
        return error(table.source(), context + " has no " + key);
      }
      Result<std::string> value = text(*node, key);
      if (!value.ok()) {
        return value.error();
      }
      (std::string(key) == "name" ? source.name : source.site) = *value;
    }
    const bool valid_name = !source.name.empty() && source.name.size() <= 64 &&
                            source.name.find_first_not_of(
                                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                "0123456789-_.") == std::string::npos;
    if (!valid_name) {
      return error(
          table.get("name")->source(),
          "source name '" + source.name + "' must be 1 to 64 letters, digits, '-', '_' or '.'");
    }
    const std::string named = "source '" + source.name + "'";
    if (Status site = check_site(*table.get("site"), source.site, named); !site.ok()) {
      return site.error();
    }

    for (const char* key : {"category", "tag"}) {
      if (const toml::node* node = table.get(key)) {
        Result<TermConfig> value = term(*node, key);
        if (!value.ok()) {
          return value.error();
        }
        (std::string(key) == "category" ? source.category : source.tag) = *value;
      }
    }
    if (const toml::node* node = table.get("profile")) {
      Result<std::string> value = text(*node, "profile");
      if (!value.ok()) {
        return value.error();
      }
      std::optional<ProgramProfile> profile = parse_program_profile(*value);
      if (!profile) {
        return error(node->source(),
                     "profile must be \"weekly\" or \"daily\", not '" + *value + "'");
      }
      source.profile = *profile;
    }
    if (const toml::node* node = table.get("credentials")) {
      Result<CredentialsConfig> value = credentials(*node, named);
      if (!value.ok()) {
        return value.error();
      }
      source.credentials = *value;
    }
    if (const toml::node* node = table.get("rate")) {
      Result<double> value = number(*node, "rate", 0.1, 20);
      if (!value.ok()) {
        return value.error();
      }
      source.rate = *value;
    }
    const std::tuple<const char*, int*, int, int> integers[] = {
        {"concurrency", &source.concurrency, 1, 8},
        {"timeout_seconds", &source.timeout_seconds, 1, 3600},
        {"retries", &source.retries, 0, 10},
        {"overlap_seconds", &source.overlap_seconds, 0, 7 * 24 * 3600}};
    for (const auto& [key, target, minimum, maximum] : integers) {
      if (const toml::node* node = table.get(key)) {
        Result<int> value = integer(*node, key, minimum, maximum);
        if (!value.ok()) {
          return value.error();
        }
        *target = *value;
      }
    }
    if (const toml::node* node = table.get("data_dir")) {
      Result<std::string> value = text(*node, "data_dir");
      if (!value.ok()) {
        return value.error();
      }
      source.data_dir = resolve(*value);
    }
    return source;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace

std::string TermConfig::text() const {
  return id ? std::to_string(*id) : slug;
}

Result<ConfigFile> parse_config(std::string_view text, const std::filesystem::path& path) {
  const ConfigReader reader(path);
  toml::table root;
  try {
    root = toml::parse(text, path.string());
  } catch (const toml::parse_error& error) {
    return reader.error(error.source(), std::string(error.description()));
  }
  if (Status keys = reader.check_keys(root, "the file", {"store", "sources"}); !keys.ok()) {
    return keys.error();
  }

  ConfigFile config;
  config.path = path;
  if (const toml::node* store = root.get("store")) {
    if (Status read = reader.store(*store, config); !read.ok()) {
      return read.error();
    }
  }

  if (const toml::node* sources = root.get("sources")) {
    const toml::array* array = sources->as_array();
    if (array == nullptr) {
      return reader.error(sources->source(), "sources must be a list of tables: [[sources]]");
    }
    std::set<std::string> names;
    for (std::size_t index = 0; index < array->size(); ++index) {
      const toml::table* table = (*array)[index].as_table();
      if (table == nullptr) {
        return reader.error((*array)[index].source(), "each source must be a table: [[sources]]");
      }
      Result<SourceConfig> source = reader.source(*table, index);
      if (!source.ok()) {
        return source.error();
      }
      if (!names.insert(source->name).second) {
        return reader.error(table->source(), "two sources are named '" + source->name + "'");
      }
      config.sources.push_back(std::move(source).value());
    }
  }
  return config;
}

Result<ConfigFile> read_config_file(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    return Error::not_found("cannot read configuration file " + path.string(),
                            "Check the path given by --config or WODETL_CONFIG");
  }
  std::ostringstream text;
  text << stream.rdbuf();
  return parse_config(text.str(), path);
}

Result<std::optional<std::filesystem::path>> find_config_file(
    const std::string& option, const Environment& environment,
    const std::filesystem::path& working_dir) {
  std::string named = option;
  std::string origin = "--config";
  if (named.empty()) {
    if (std::optional<std::string> variable = environment(kConfigVariable);
        variable && !variable->empty()) {
      named = *variable;
      origin = kConfigVariable;
    }
  }
  std::error_code error;
  if (!named.empty()) {
    std::filesystem::path path(named);
    if (path.is_relative()) {
      path = working_dir / path;
    }
    if (!std::filesystem::is_regular_file(path, error)) {
      return Error::not_found(
          "configuration file " + path.string() + " (from " + origin + ") does not exist",
          "Check the path, or leave " + origin + " out");
    }
    return std::optional<std::filesystem::path>(path.lexically_normal());
  }
  const std::filesystem::path local = working_dir / kDefaultConfigFile;
  if (std::filesystem::is_regular_file(local, error)) {
    return std::optional<std::filesystem::path>(local);
  }
  return std::optional<std::filesystem::path>{};
}

}  // namespace wodetl
