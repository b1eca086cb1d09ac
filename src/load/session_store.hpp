#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/session.hpp"

namespace wodetl {

//! Counts of what a replace changed.
struct ReplaceOutcome {
  int written = 0;    //!< records inserted or updated
  int unchanged = 0;  //!< records already stored with identical content
  int removed = 0;    //!< records of the post that the new version no longer has
};

//! Table of session records keyed by (date, session), as the original DynamoDB table.
//! Implementations: SQLite (load/local/sqlite_store.hpp) and DynamoDB.
//! Implementations are safe to call from several threads at once.
class SessionStore {
 public:
  virtual ~SessionStore() = default;

  //! Makes the stored records of post source.post_id equal to records: inserts new keys,
  //! updates changed ones, leaves identical ones untouched and deletes keys of that post that
  //! records no longer contains. A record whose key belongs to another post is taken over.
  virtual Result<ReplaceOutcome> replace_post_sessions(
      const SourceRef& source, const std::vector<SessionRecord>& records) = 0;

  //! Records with first_date <= date <= last_date (ISO dates), sorted by date, then by
  //! the order of the day in its post.
  virtual Result<std::vector<SessionRecord>> sessions_between(const std::string& first_date,
                                                              const std::string& last_date) = 0;

  //! Every stored record, sorted as sessions_between.
  virtual Result<std::vector<SessionRecord>> all_sessions() = 0;

  //! Records of one ISO date, sorted by the order of the day in its post.
  Result<std::vector<SessionRecord>> sessions_on(const std::string& date) {
    return sessions_between(date, date);
  }
};

}  // namespace wodetl
