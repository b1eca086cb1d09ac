#include "load/aws/wordpress_secret.hpp"

#include <spdlog/spdlog.h>

#include <memory>
#include <utility>

#include "core/json_codec.hpp"
#include "extract/source_factory.hpp"

namespace wodetl {

Result<BasicAuth> parse_wordpress_secret(const std::string& secret_text,
                                         const std::string& secret_name) {
  // Parsing without exceptions keeps the parser's messages, which quote the text, out of errors.
  const Json json = Json::parse(secret_text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    return Error::invalid_input("Secrets Manager secret " + secret_name + " is not a JSON object",
                                {}, "Store {\"username\": …, \"password\": …} as the secret");
  }
  BasicAuth auth;
  for (auto [key, target] :
       {std::pair{"username", &auth.user}, std::pair{"password", &auth.password}}) {
    auto value = json.find(key);
    if (value == json.end() || !value->is_string() ||
        value->get_ref<const std::string&>().empty()) {
      return Error::invalid_input(
          "Secrets Manager secret " + secret_name + " has no non-empty string \"" + key + "\"", {},
          "Store {\"username\": …, \"password\": …} as the secret");
    }
    *target = value->get<std::string>();
  }
  return auth;
}

std::optional<WordPressSecret> read_wordpress_secret(const Environment& environment,
                                                     const SecretReader& read_secret) {
  const std::optional<std::string> secret_name = environment(kSecretNameVariable);
  if (!secret_name || secret_name->empty()) {
    return std::nullopt;
  }
  WordPressSecret secret{.name = *secret_name, .auth = std::nullopt, .error = std::nullopt};
  Result<std::string> text = read_secret(*secret_name);
  Result<BasicAuth> auth =
      text ? parse_wordpress_secret(*text, *secret_name) : Result<BasicAuth>(text.error());
  if (auth) {
    secret.auth = std::move(*auth);
    return secret;
  }

  const std::optional<std::string> user = environment(kUserVariable);
  const std::optional<std::string> password = environment(kPasswordVariable);
  const bool fallback = (user && !user->empty()) || (password && !password->empty());
  Error error = auth.error();
  error.message =
      "the WordPress credentials were not read from Secrets Manager secret " + *secret_name +
      ", so " +
      (fallback ? std::string(kUserVariable) + " and " + kPasswordVariable + " serve instead"
                : std::string("the site is read without credentials")) +
      ": " + error.message;
  secret.error = std::move(error);
  return secret;
}

Environment with_wordpress_secret(const Environment& environment, const SecretReader& read_secret) {
  std::optional<WordPressSecret> secret = read_wordpress_secret(environment, read_secret);
  if (!secret) {
    return environment;
  }
  if (!secret->auth) {
    spdlog::warn("{}", secret->error->to_string());
    return environment;
  }
  spdlog::info("Using the WordPress credentials of Secrets Manager secret {}", secret->name);

  auto credentials = std::make_shared<const BasicAuth>(std::move(*secret->auth));
  return [environment, credentials](const std::string& name) -> std::optional<std::string> {
    if (name == kUserVariable) {
      return credentials->user;
    }
    if (name == kPasswordVariable) {
      return credentials->password;
    }
    return environment(name);
  };
}

}  // namespace wodetl
