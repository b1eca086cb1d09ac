#include "app/source_catalog.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <system_error>
#include <utility>

#include "extract/source_factory.hpp"
#include "extract/wordpress_endpoint.hpp"
#include "load/aws/wordpress_secret.hpp"

namespace wodetl {

namespace {

//! Reads a .env file into the environment; a missing file is not an error.
Status add_dotenv(LayeredEnvironment& environment, const std::filesystem::path& path) {
  for (const DotenvFile& file : environment.files()) {
    std::error_code error;
    if (std::filesystem::equivalent(file.path, path, error)) {
      return ok_status();
    }
  }
  Result<std::optional<DotenvFile>> file = read_dotenv_file(path);
  if (!file.ok()) {
    return file.error();
  }
  if (*file) {
    spdlog::debug("Read {} variables from {}", (*file)->variables.size(), path.string());
    environment.add(std::move(**file));
  }
  return ok_status();
}

//! Applies the request settings of the configuration to the WordPress settings.
void apply_limits(const SourceConfig& config, WordPressConfig& wordpress) {
  wordpress.limits =
      RequestLimits{.requests_per_second = config.rate, .concurrency = config.concurrency};
  wordpress.total_timeout = std::chrono::seconds(config.timeout_seconds);
  wordpress.http.retry.max_retries = config.retries;
}

std::string listing_of(const CatalogSource& source) {
  Result<PostsEndpoint> endpoint = parse_posts_endpoint(source.wordpress.api_url);
  std::string text = endpoint.ok() ? redact_url(endpoint->url()) : source.wordpress.api_url;
  if (source.config.category) {
    text += " category " + source.config.category->text();
  }
  if (source.config.tag) {
    text += " tag " + source.config.tag->text();
  }
  return text;
}

//! Looks up a variable a credential names; the message never contains a value.
Result<std::string> credential_variable(const LayeredEnvironment& environment,
                                        const std::string& variable, const std::string& what,
                                        const std::string& source_name) {
  std::optional<std::string> value = environment.lookup(variable);
  if (!value || value->empty()) {
    return Error::invalid_input("the " + what + " of source '" + source_name +
                                    "' comes from the variable " + variable + ", which is not set",
                                {}, "Set " + variable + " in the environment or in a .env file");
  }
  return *value;
}

std::string origin_text(const LayeredEnvironment& environment, const std::string& variable) {
  return variable + " (" + environment.origin(variable).value_or("not set") + ")";
}

//! Adds a password to the values that no output may show, once.
void add_secret_value(std::vector<std::string>& secrets, const std::string& value) {
  if (std::find(secrets.begin(), secrets.end(), value) == secrets.end()) {
    secrets.push_back(value);
  }
}

//! Hint of an authentication error of a source: where its credentials came from, never a value.
std::string credentials_hint(const CatalogSource& source) {
  return "Check the WordPress user name and application password of source '" + source.config.name +
         "' (" + source.credentials + ")";
}

//! The secret's error, for a source whose credentials come from INVICTUS_USER or INVICTUS_PASS,
//! which the secret would have replaced.
std::optional<Error> secret_warning(const std::optional<CredentialsSecret>& secret) {
  return secret ? secret->error : std::nullopt;
}

//! Reads the secret that INVICTUS_SECRET_NAME names, when `read_secret` is set, and puts its
//! username and password over INVICTUS_USER and INVICTUS_PASS in `environment`.
std::optional<CredentialsSecret> load_credentials_secret(LayeredEnvironment& environment,
                                                         const CatalogSecretReader& read_secret,
                                                         std::vector<std::string>& secrets) {
  const std::optional<std::string> name = environment.lookup(kSecretNameVariable);
  if (!name || name->empty()) {
    return std::nullopt;
  }
  CredentialsSecret secret{.name = *name, .read = false, .error = std::nullopt};
  if (!read_secret) {
    return secret;
  }
  // The AWS settings may come from the .env files, which are read by now.
  const Environment current = environment.environment();
  std::optional<WordPressSecret> read =
      read_wordpress_secret(current, [&read_secret, &current](const std::string& secret_name) {
        return read_secret(secret_name, current);
      });
  if (!read->auth) {
    // Commands put this warning in their summary, so the log repeats it only at debug level.
    spdlog::debug("{}", read->error->to_string());
    secret.error = read->error;
    return secret;
  }
  spdlog::info("Using the WordPress credentials of Secrets Manager secret {}", *name);
  add_secret_value(secrets, read->auth->password);
  environment.override_with(
      "Secrets Manager secret " + *name,
      {{kUserVariable, read->auth->user}, {kPasswordVariable, read->auth->password}});
  secret.read = true;
  return secret;
}

CatalogSource configured_source(const SourceConfig& config, const ConfigFile& file,
                                const LayeredEnvironment& environment,
                                const std::optional<CredentialsSecret>& secret,
                                std::vector<std::string>& secrets) {
  CatalogSource source;
  source.config = config;
  source.wordpress.api_url = config.site;
  if (config.category) {
    source.wordpress.category_id = config.category->id;
    source.wordpress.category_slug = config.category->slug;
  }
  if (config.tag) {
    source.wordpress.tag_id = config.tag->id;
    source.wordpress.tag_slug = config.tag->slug;
  }
  apply_limits(config, source.wordpress);
  source.listing = listing_of(source);
  source.credentials = "none";
  if (!config.credentials) {
    return source;
  }

  const CredentialsConfig& credentials = *config.credentials;
  Result<std::string> user =
      credentials.user_env.empty()
          ? Result<std::string>(credentials.user)
          : credential_variable(environment, credentials.user_env, "user name", config.name);
  Result<std::string> password =
      credentials.password_env.empty()
          ? Result<std::string>(credentials.password)
          : credential_variable(environment, credentials.password_env, "password", config.name);
  const std::string user_origin =
      credentials.user_env.empty() ? "user " + credentials.user + " (the configuration file)"
                                   : "user from " + origin_text(environment, credentials.user_env);
  const std::string password_origin =
      credentials.password_env.empty()
          ? "password from the configuration file"
          : "password from " + origin_text(environment, credentials.password_env);
  source.credentials = user_origin + ", " + password_origin;
  source.wordpress.credentials_hint = credentials_hint(source);
  if (credentials.user_env == kUserVariable || credentials.password_env == kPasswordVariable) {
    source.credentials_warning = secret_warning(secret);
  }

  if (!user.ok()) {
    source.problem = user.error();
    return source;
  }
  if (!password.ok()) {
    source.problem = password.error();
    return source;
  }
  add_secret_value(secrets, *password);
  source.wordpress.auth = BasicAuth{*user, *password};

  if (!credentials.password.empty()) {
    std::error_code error;
    const auto permissions = std::filesystem::status(file.path, error).permissions();
    using std::filesystem::perms;
    if (!error && (permissions & (perms::group_read | perms::others_read)) != perms::none) {
      source.config_file_warning = Error::invalid_input(
          "configuration file " + file.path.string() + " contains the password of source '" +
              config.name + "' and other users can read it",
          {}, "Use password_env, or run chmod 600 on the file");
    }
  }
  return source;
}

CatalogSource built_in_source(const LayeredEnvironment& environment,
                              const std::optional<CredentialsSecret>& secret,
                              std::vector<std::string>& secrets) {
  CatalogSource source;
  source.built_in = true;
  source.config.name = kBuiltInSourceName;
  source.credentials_warning = secret_warning(secret);
  Result<SourceSettings> settings = read_source_settings("", environment.environment());
  if (!settings.ok()) {
    source.config.site = redact_url(environment.lookup(kApiUrlVariable).value_or(kDefaultApiUrl));
    source.credentials = "INVICTUS_USER and INVICTUS_PASS";
    source.problem = settings.error();
    return source;
  }
  source.wordpress = settings->wordpress;
  // The URL may carry a user name and password, which `sources` must not print.
  source.config.site = redact_url(source.wordpress.api_url);
  if (source.wordpress.category_id) {
    source.config.category = TermConfig{source.wordpress.category_id, {}};
  }
  apply_limits(source.config, source.wordpress);
  source.listing = listing_of(source);
  source.credentials = environment_credentials_origin(environment, secret);
  if (source.wordpress.auth) {
    add_secret_value(secrets, source.wordpress.auth->password);
    source.wordpress.credentials_hint = credentials_hint(source);
  } else {
    source.wordpress.credentials_hint =
        std::string("Set ") + kUserVariable + " and " + kPasswordVariable + " (or " +
        kSecretNameVariable +
        ") to a WordPress user name and application password if the site requires a login";
  }
  return source;
}

std::filesystem::path data_dir_of(const CatalogSource& source, const ConfigFile* file,
                                  const LayeredEnvironment& environment,
                                  const std::filesystem::path& working_dir) {
  if (source.config.data_dir) {
    return *source.config.data_dir;
  }
  if (std::optional<std::string> variable = environment.lookup(kDataDirVariable);
      variable && !variable->empty()) {
    return *variable;
  }
  if (file != nullptr && file->data_dir) {
    return *file->data_dir;
  }
  return working_dir / kDefaultDataDir;
}

//! Returns the folder `path` names, absolute, with symbolic links and `.`/`..` resolved and no
//! trailing separator, so that two spellings of one folder compare equal.
std::string folder_identity(const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(path, error);
  if (error) {
    absolute = path;
  }
  std::filesystem::path resolved = std::filesystem::weakly_canonical(absolute, error);
  if (error) {
    resolved = absolute;
  }
  resolved = resolved.lexically_normal();
  if (!resolved.has_filename() && resolved.has_parent_path() && resolved != resolved.root_path()) {
    resolved = resolved.parent_path();
  }
  return resolved.string();
}

}  // namespace

std::string environment_credentials_origin(const LayeredEnvironment& environment,
                                           const std::optional<CredentialsSecret>& secret) {
  if (secret && secret->read) {
    return "Secrets Manager secret " + secret->name;
  }
  const bool set = environment.lookup(kUserVariable).value_or("") != "" ||
                   environment.lookup(kPasswordVariable).value_or("") != "";
  const std::string variables = set ? "user from " + origin_text(environment, kUserVariable) +
                                          ", password from " +
                                          origin_text(environment, kPasswordVariable)
                                    : std::string("none");
  // A command that does not read the secret (`sources`) still names it, without its value.
  if (secret && !secret->error) {
    return "Secrets Manager secret " + secret->name + " (" + kSecretNameVariable +
           "; when it cannot be read: " + variables + ")";
  }
  return variables;
}

Result<SourceCatalog> load_source_catalog(LayeredEnvironment& environment,
                                          const CatalogOptions& options) {
  if (Status read = add_dotenv(environment, options.working_dir / ".env"); !read.ok()) {
    return read.error();
  }
  Result<std::optional<std::filesystem::path>> path =
      find_config_file(options.config_option, environment.environment(), options.working_dir);
  if (!path.ok()) {
    return path.error();
  }

  SourceCatalog catalog;
  std::optional<ConfigFile> file;
  if (*path) {
    catalog.config_path = **path;
    Result<ConfigFile> read = read_config_file(**path);
    if (!read.ok()) {
      return read.error();
    }
    file = std::move(read).value();
    catalog.store_data_dir = file->data_dir;
    catalog.store_kind = file->store_kind;
    if (Status beside = add_dotenv(environment, (**path).parent_path() / ".env"); !beside.ok()) {
      return beside.error();
    }
  }
  catalog.credentials_secret =
      load_credentials_secret(environment, options.read_secret, catalog.secrets);

  if (file && !file->sources.empty()) {
    for (const SourceConfig& config : file->sources) {
      catalog.sources.push_back(configured_source(config, *file, environment,
                                                  catalog.credentials_secret, catalog.secrets));
    }
  } else {
    catalog.sources.push_back(
        built_in_source(environment, catalog.credentials_secret, catalog.secrets));
  }

  std::map<std::string, std::string> owners;
  for (CatalogSource& source : catalog.sources) {
    source.data_dir = data_dir_of(source, file ? &*file : nullptr, environment, options.working_dir)
                          .lexically_normal();
    auto [owner, added] = owners.emplace(folder_identity(source.data_dir), source.config.name);
    if (!added) {
      return Error::invalid_input("sources '" + owner->second + "' and '" + source.config.name +
                                      "' would share the data folder " + source.data_dir.string() +
                                      ", and their sessions would overwrite each other",
                                  {},
                                  "Give each source its own data_dir in the configuration file");
    }
    if (!options.data_dir_option.empty()) {
      source.data_dir = std::filesystem::path(options.data_dir_option).lexically_normal();
    }
  }
  return catalog;
}

Result<std::vector<const CatalogSource*>> select_sources(const SourceCatalog& catalog,
                                                         const std::string& name) {
  std::vector<const CatalogSource*> selected;
  std::string names;
  for (const CatalogSource& source : catalog.sources) {
    names += (names.empty() ? "" : ", ") + source.config.name;
    if (name.empty() || source.config.name == name) {
      selected.push_back(&source);
    }
  }
  if (selected.empty()) {
    return Error::not_found("there is no source named '" + name + "'",
                            "The sources are: " + names + ". `wodetl sources` lists them");
  }
  return selected;
}

}  // namespace wodetl
