#include "pipeline/session_keys.hpp"

#include <spdlog/spdlog.h>

#include <functional>
#include <map>
#include <set>
#include <utility>

namespace wodetl {

namespace {

PostRef ref_of(const SourceRef& source) {
  return PostRef{.id = source.post_id, .slug = source.slug, .url = source.link};
}

}  // namespace

std::vector<std::unique_lock<std::mutex>> SessionDateLocks::lock(
    const std::vector<std::string>& dates) {
  std::set<std::size_t> indices;
  for (const std::string& date : dates) {
    indices.insert(std::hash<std::string>{}(date) % kMutexes);
  }
  std::vector<std::unique_lock<std::mutex>> locks;
  locks.reserve(indices.size());
  for (const std::size_t index : indices) {
    locks.emplace_back(mutexes_[index]);
  }
  return locks;
}

Result<std::vector<std::string>> separate_session_keys(SessionStore& sessions,
                                                       std::vector<SessionRecord>& records) {
  std::vector<std::string> warnings;
  if (records.empty()) {
    return warnings;
  }
  const std::int64_t own_id = records.front().source.post_id;

  // Keys of other posts' records on this post's dates, with the post that owns each.
  std::map<std::pair<std::string, std::string>, SourceRef> taken;
  std::set<std::string> dates;
  for (const SessionRecord& record : records) {
    dates.insert(record.date);
  }
  for (const std::string& date : dates) {
    Result<std::vector<SessionRecord>> stored = sessions.sessions_on(date);
    if (!stored.ok()) {
      return stored.error();
    }
    for (const SessionRecord& other : *stored) {
      if (other.source.post_id != own_id) {
        taken.emplace(std::pair{other.date, other.session}, other.source);
      }
    }
  }
  if (taken.empty()) {
    return warnings;
  }

  std::set<std::pair<std::string, std::string>> own_keys;
  for (const SessionRecord& record : records) {
    own_keys.emplace(record.date, record.session);
  }
  for (SessionRecord& record : records) {
    const auto holder = taken.find({record.date, record.session});
    if (holder == taken.end()) {
      continue;
    }
    const std::string suffix = " (post " + std::to_string(own_id) + ")";
    std::string renamed = record.session + suffix;
    // A post with two equal headers on one date already has keys that need a second suffix.
    for (int number = 2;
         taken.contains({record.date, renamed}) || own_keys.contains({record.date, renamed});
         ++number) {
      renamed = record.session + suffix + " (" + std::to_string(number) + ")";
    }
    std::string warning = "the session '" + record.session + "' on " + record.date +
                          " is also a record of " + ref_of(holder->second).describe() +
                          ", so this post's record is stored as '" + renamed + "'";
    spdlog::warn("{}: {}", ref_of(record.source).describe(), warning);
    warnings.push_back(std::move(warning));
    own_keys.emplace(record.date, renamed);
    record.session = std::move(renamed);
  }
  return warnings;
}

}  // namespace wodetl
