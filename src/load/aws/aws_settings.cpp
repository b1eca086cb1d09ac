#include "load/aws/aws_settings.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "load/aws/ini_file.hpp"

namespace wodetl {

namespace fs = std::filesystem;

namespace {

// Profile keys that name a credential source other than static keys.
constexpr std::array<const char*, 6> kUnsupportedSourceKeys = {
    "role_arn",      "credential_process",      "sso_session",
    "sso_start_url", "web_identity_token_file", "credential_source"};

std::optional<std::string> lookup(const Environment& environment, const std::string& name) {
  std::optional<std::string> value = environment(name);
  if (value && value->empty()) {
    return std::nullopt;
  }
  return value;
}

bool is_true(const std::optional<std::string>& value) {
  if (!value) {
    return false;
  }
  std::string lower = *value;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "true";
}

// Expands a leading "~/" with HOME, as the AWS CLI does for its file variables.
fs::path expand_home(const std::string& path, const Environment& environment) {
  if (path == "~" || path.starts_with("~/")) {
    if (auto home = lookup(environment, "HOME")) {
      return fs::path(*home) / path.substr(std::min<std::size_t>(2, path.size()));
    }
  }
  return path;
}

fs::path shared_file(const Environment& environment, const char* variable, const char* name) {
  if (auto path = lookup(environment, variable)) {
    return expand_home(*path, environment);
  }
  return expand_home(std::string("~/.aws/") + name, environment);
}

// The two shared files, each absent when the file does not exist.
struct SharedFiles {
  fs::path credentials_path;
  fs::path config_path;
  std::optional<IniFile> credentials;
  std::optional<IniFile> config;

  // The profile's section in the credentials file, or nullptr.
  [[nodiscard]] const IniSection* credentials_section(const std::string& profile) const {
    return credentials ? credentials->section(profile) : nullptr;
  }

  // The profile's section in the config file: "[default]" or "[profile NAME]"; the CLI also
  // accepts "[profile default]".
  [[nodiscard]] const IniSection* config_section(const std::string& profile) const {
    if (!config) {
      return nullptr;
    }
    if (const IniSection* section = config->section("profile " + profile)) {
      return section;
    }
    return profile == "default" ? config->section("default") : nullptr;
  }
};

Result<SharedFiles> read_shared_files(const Environment& environment) {
  SharedFiles files;
  files.credentials_path = shared_file(environment, "AWS_SHARED_CREDENTIALS_FILE", "credentials");
  files.config_path = shared_file(environment, "AWS_CONFIG_FILE", "config");

  Result<std::optional<IniFile>> credentials = read_ini_file(files.credentials_path);
  if (!credentials) {
    return credentials.error();
  }
  files.credentials = std::move(*credentials);
  Result<std::optional<IniFile>> config = read_ini_file(files.config_path);
  if (!config) {
    return config.error();
  }
  files.config = std::move(*config);
  return files;
}

std::optional<std::string> section_value(const IniSection* section, const std::string& key) {
  if (section == nullptr) {
    return std::nullopt;
  }
  auto entry = section->find(key);
  if (entry == section->end() || entry->second.empty()) {
    return std::nullopt;
  }
  return entry->second;
}

Error credentials_error(std::string message, std::string hint) {
  return Error::invalid_input(std::move(message), {}, std::move(hint));
}

Result<AwsCredentials> credentials_from_environment(const Environment& environment) {
  auto key_id = lookup(environment, "AWS_ACCESS_KEY_ID");
  auto secret = lookup(environment, "AWS_SECRET_ACCESS_KEY");
  if (key_id.has_value() != secret.has_value()) {
    return credentials_error(
        std::string(key_id ? "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"
                           : "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not"),
        "Set both, or neither to use a profile from ~/.aws/credentials");
  }
  if (!key_id) {
    return AwsCredentials{};
  }
  return AwsCredentials{.access_key_id = *key_id,
                        .secret_access_key = *secret,
                        .session_token = lookup(environment, "AWS_SESSION_TOKEN").value_or(""),
                        .origin = "the environment (AWS_ACCESS_KEY_ID)"};
}

Result<AwsCredentials> credentials_from_profile(const SharedFiles& files,
                                                const std::string& profile) {
  const IniSection* in_credentials = files.credentials_section(profile);
  const IniSection* in_config = files.config_section(profile);

  // A value in the credentials file wins over the same key in the config file.
  auto value = [&](const std::string& key) {
    auto found = section_value(in_credentials, key);
    return found ? found : section_value(in_config, key);
  };
  auto key_id = value("aws_access_key_id");
  auto secret = value("aws_secret_access_key");
  if (key_id && secret) {
    const bool from_credentials = section_value(in_credentials, "aws_access_key_id").has_value();
    return AwsCredentials{
        .access_key_id = *key_id,
        .secret_access_key = *secret,
        .session_token = value("aws_session_token").value_or(""),
        .origin = "profile " + profile + " in " +
                  (from_credentials ? files.credentials_path : files.config_path).string()};
  }
  if (key_id || secret) {
    return credentials_error("profile " + profile + " has " +
                                 (key_id ? "aws_access_key_id but no aws_secret_access_key"
                                         : "aws_secret_access_key but no aws_access_key_id"),
                             "Add the missing key to the profile");
  }
  for (const char* key : kUnsupportedSourceKeys) {
    if (value(key)) {
      return credentials_error(
          "profile " + profile + " gets its credentials through " + key +
              ", which wodetl does not support",
          "Export temporary keys into the environment, e.g. with `eval \"$(aws configure "
          "export-credentials --profile " +
              profile + " --format env)\"`");
    }
  }
  return AwsCredentials{};
}

Result<std::optional<std::string>> endpoint_value(std::optional<std::string> url,
                                                  const std::string& origin) {
  if (!url) {
    return std::optional<std::string>{};
  }
  std::string value = *url;
  if (!value.starts_with("http://") && !value.starts_with("https://")) {
    return Error::invalid_input(origin + " '" + value + "' is not an http:// or https:// URL", {},
                                "Give the scheme and host, e.g. http://127.0.0.1:4566");
  }
  if (value.find_first_of("?# \t") != std::string::npos) {
    return Error::invalid_input(origin + " '" + value + "' contains a query, fragment or space", {},
                                "Give the scheme, host, port and an optional path only");
  }
  while (value.size() > std::string("https://").size() && value.back() == '/') {
    value.pop_back();
  }
  return std::optional<std::string>{std::move(value)};
}

Status read_endpoints(const Environment& environment, const SharedFiles& files,
                      const std::string& profile, AwsSettings& settings) {
  const IniSection* profile_section = files.config_section(profile);
  if (is_true(lookup(environment, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")) ||
      is_true(section_value(profile_section, "ignore_configured_endpoint_urls"))) {
    return ok_status();
  }

  const IniSection* services_section = nullptr;
  if (auto services_name = section_value(profile_section, "services");
      services_name && files.config) {
    services_section = files.config->section("services " + *services_name);
  }

  for (AwsService service : kAwsServices) {
    const AwsServiceNames& names = names_of(service);
    const std::string service_variable = std::string("AWS_ENDPOINT_URL_") + names.variable_part;
    const std::string service_key = std::string(names.config_key) + ".endpoint_url";

    std::pair<std::optional<std::string>, std::string> candidates[] = {
        {lookup(environment, service_variable), service_variable},
        {lookup(environment, "AWS_ENDPOINT_URL"), "AWS_ENDPOINT_URL"},
        {section_value(services_section, service_key),
         service_key + " in " + files.config_path.string()},
        {section_value(profile_section, "endpoint_url"),
         "endpoint_url in " + files.config_path.string()},
    };
    for (auto& [url, origin] : candidates) {
      Result<std::optional<std::string>> endpoint = endpoint_value(url, origin);
      if (!endpoint) {
        return endpoint.error();
      }
      if (*endpoint) {
        settings.endpoint_overrides[service] = **endpoint;
        break;
      }
    }
  }
  return ok_status();
}

Status read_addressing_style(const SharedFiles& files, const std::string& profile,
                             AwsSettings& settings) {
  auto style = section_value(files.config_section(profile), "s3.addressing_style");
  if (!style || *style == "auto") {
    return ok_status();
  }
  if (*style == "path") {
    settings.s3_addressing_style = S3AddressingStyle::kPath;
    return ok_status();
  }
  if (*style == "virtual") {
    settings.s3_addressing_style = S3AddressingStyle::kVirtual;
    return ok_status();
  }
  return Error::invalid_input("s3 addressing_style '" + *style + "' in profile " + profile +
                                  " of " + files.config_path.string() + " is not valid",
                              {}, "Use auto, path or virtual");
}

}  // namespace

std::string AwsSettings::endpoint(AwsService service) const {
  if (auto found = endpoint_overrides.find(service); found != endpoint_overrides.end()) {
    return found->second;
  }
  const std::string domain = region.starts_with("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  return "https://" + std::string(names_of(service).host_prefix) + "." + region + "." + domain;
}

Result<AwsSettings> read_aws_settings(const Environment& environment) {
  AwsSettings settings;
  const std::optional<std::string> named_profile = lookup(environment, "AWS_PROFILE");
  settings.profile = named_profile.value_or("default");

  Result<SharedFiles> files = read_shared_files(environment);
  if (!files) {
    return files.error();
  }
  if (named_profile && files->credentials_section(settings.profile) == nullptr &&
      files->config_section(settings.profile) == nullptr) {
    return Error::invalid_input(
        "AWS_PROFILE names profile " + settings.profile + ", which neither " +
            files->credentials_path.string() + " nor " + files->config_path.string() + " has",
        {}, "Check the profile name, or set AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE");
  }

  Result<AwsCredentials> credentials = credentials_from_environment(environment);
  if (!credentials) {
    return credentials.error();
  }
  if (credentials->access_key_id.empty()) {
    credentials = credentials_from_profile(*files, settings.profile);
    if (!credentials) {
      return credentials.error();
    }
  }
  if (credentials->access_key_id.empty()) {
    std::string message = "no AWS credentials found in the environment or in profile " +
                          settings.profile + " of " + files->credentials_path.string();
    if (lookup(environment, "AWS_CONTAINER_CREDENTIALS_FULL_URI") ||
        lookup(environment, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
      message += "; container credentials (AWS_CONTAINER_CREDENTIALS_*) are not supported";
    }
    return credentials_error(std::move(message),
                             "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE "
                             "with a profile that has aws_access_key_id and aws_secret_access_key");
  }
  settings.credentials = std::move(*credentials);

  if (auto region = lookup(environment, "AWS_REGION")) {
    settings.region = *region;
  } else if (auto default_region = lookup(environment, "AWS_DEFAULT_REGION")) {
    settings.region = *default_region;
  } else if (auto profile_region =
                 section_value(files->config_section(settings.profile), "region")) {
    settings.region = *profile_region;
  }
  const bool valid_region = settings.region.find_first_not_of(
                                "abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
  if (!valid_region) {
    return Error::invalid_input("AWS region '" + settings.region + "' is not valid", {},
                                "Give a region name such as us-east-1");
  }

  if (Status endpoints = read_endpoints(environment, *files, settings.profile, settings);
      !endpoints) {
    return endpoints.error();
  }
  if (Status style = read_addressing_style(*files, settings.profile, settings); !style) {
    return style.error();
  }
  spdlog::debug("AWS region {}, credentials from {}", settings.region, settings.credentials.origin);
  return settings;
}

}  // namespace wodetl
