#include "load/idempotency.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace wodetl {

std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int digest_size = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &digest_size, EVP_sha256(), nullptr) !=
      1) {
    throw std::runtime_error("OpenSSL failed to compute a SHA-256 digest");
  }

  static constexpr char kHexDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * digest_size);
  for (unsigned int i = 0; i < digest_size; ++i) {
    hex += kHexDigits[digest[i] >> 4];
    hex += kHexDigits[digest[i] & 0x0F];
  }
  return hex;
}

std::string idempotency_key(std::string_view operation,
                            std::initializer_list<std::string_view> identifiers) {
  std::string text(operation);
  for (std::string_view identifier : identifiers) {
    text += ':';
    text += identifier;
  }
  return sha256_hex(text);
}

}  // namespace wodetl
