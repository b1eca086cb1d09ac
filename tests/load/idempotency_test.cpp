#include "load/idempotency.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace wodetl {
namespace {

// Expected digests computed with `printf '%s' TEXT | sha256sum` (GNU coreutils).
TEST(Sha256Hex, EmptyInput) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256Hex, ShortInput) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(IdempotencyKey, OneIdentifier) {
  EXPECT_EQ(idempotency_key("dump_post_to_bucket", {"raw/2020-12-20__x__raw.json"}),
            "efb186e97a249056d33928b2dc822dfd23c15c6bc482b8d0b4a13ab22b2afbf6");
}

TEST(IdempotencyKey, JoinsIdentifiersWithColons) {
  EXPECT_EQ(idempotency_key("store_sessions", {"2020-12-21", "2020-12-27", "week-one"}),
            "ac274e546e07474f3868807a6f552f4e53cba74aa5cb3633dd3a38109a691040");
  EXPECT_EQ(idempotency_key("store_sessions", {"2020-12-21", "2020-12-27", "week-one"}),
            sha256_hex("store_sessions:2020-12-21:2020-12-27:week-one"));
}

TEST(IdempotencyKey, NoIdentifiers) {
  EXPECT_EQ(idempotency_key("abc", {}), sha256_hex("abc"));
}

TEST(IdempotencyTtl, IsOneDay) {
  EXPECT_EQ(kIdempotencyTtl, std::chrono::hours(24));
}

}  // namespace
}  // namespace wodetl
