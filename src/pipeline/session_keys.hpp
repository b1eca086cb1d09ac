#pragma once
// Keeps the (date, session) keys of different posts apart. Two posts of a daily source with the
// same date and title, or two weekly posts of one week with the same day headers, would
// otherwise write one record, and removing one post would remove the other post's record.

#include <array>
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/session.hpp"
#include "load/session_store.hpp"

namespace wodetl {

//! Renames each record of `records` whose (date, session) key a stored record of another post
//! already has to "SESSION (post ID)", ID being the post of `records`, and returns one warning per
//! renamed record naming both posts. So the post stored first keeps the plain key, and a later
//! post keeps its suffixed key on every later sync while the first post's record exists. Reads
//! the stored records of each date of `records` (sessions_on). The caller must keep other
//! writers of those dates out until it has stored `records`.
[[nodiscard]] Result<std::vector<std::string>> separate_session_keys(
    SessionStore& sessions, std::vector<SessionRecord>& records);

//! Locks that keep other writers out of the dates that separate_session_keys reads, so that two
//! workers cannot both find a key free and then write it. Posts that share no date go on at once.
//! Each date maps to one of a fixed set of mutexes, and a caller locks its mutexes in index order,
//! so two callers never wait for each other in a cycle. Thread-safe.
class SessionDateLocks {
 public:
  //! Locks the mutexes of `dates`, which stay locked until the returned locks are destroyed.
  [[nodiscard]] std::vector<std::unique_lock<std::mutex>> lock(
      const std::vector<std::string>& dates);

 private:
  static constexpr std::size_t kMutexes = 64;
  std::array<std::mutex, kMutexes> mutexes_;
};

}  // namespace wodetl
