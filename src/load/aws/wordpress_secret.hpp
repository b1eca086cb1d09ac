#pragma once
// WordPress credentials from a Secrets Manager secret, with the original pipeline's fallback to
// INVICTUS_USER and INVICTUS_PASS.

#include <functional>
#include <optional>
#include <string>

#include "core/environment.hpp"
#include "core/error.hpp"
#include "extract/http_client.hpp"

namespace wodetl {

//! Variable that names the secret, as in the original pipeline.
inline constexpr const char* kSecretNameVariable = "INVICTUS_SECRET_NAME";

//! Reader of a secret's text by name: SecretsManagerClient::get_secret_string in real runs.
using SecretReader = std::function<Result<std::string>(const std::string& secret_name)>;

//! Parses the secret's text, a JSON object with non-empty strings "username" and "password".
//! The Error names the secret and what is missing, never any part of its text.
[[nodiscard]] Result<BasicAuth> parse_wordpress_secret(const std::string& secret_text,
                                                       const std::string& secret_name);

//! Outcome of reading the secret that INVICTUS_SECRET_NAME names.
struct WordPressSecret {
  std::string name;               //!< the secret's name or ARN, from INVICTUS_SECRET_NAME
  std::optional<BasicAuth> auth;  //!< the credentials, when the secret was read and is valid
  //! Error that kept the secret from being read, or that names its missing username or password.
  //! The message names the secret and the variables that serve instead, never any part of the
  //! secret's text.
  std::optional<Error> error;
};

//! Reads the secret that INVICTUS_SECRET_NAME names with read_secret, once. Returns nothing when
//! INVICTUS_SECRET_NAME is unset or empty.
[[nodiscard]] std::optional<WordPressSecret> read_wordpress_secret(const Environment& environment,
                                                                   const SecretReader& read_secret);

//! Builds an Environment that returns INVICTUS_USER and INVICTUS_PASS from the secret named by
//! INVICTUS_SECRET_NAME and every other variable from environment. As in the original, without
//! INVICTUS_SECRET_NAME it returns environment unchanged. When the secret cannot be read or lacks
//! username or password, it logs a warning without the secret and returns environment, whose
//! INVICTUS_USER and INVICTUS_PASS then serve as the credentials. It reads the secret once, when
//! called.
[[nodiscard]] Environment with_wordpress_secret(const Environment& environment,
                                                const SecretReader& read_secret);

}  // namespace wodetl
