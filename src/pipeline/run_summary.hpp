#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/json_codec.hpp"

namespace wodetl {

//! Result category of one post in a run.
enum class PostResult {
  kNew,        //!< first time stored
  kChanged,    //!< stored before; this version changed objects or rows
  kUnchanged,  //!< already stored in this version; nothing written
  kSkipped,    //!< valid post with nothing to store (no day headers); kept in raw/
  kFailed,     //!< could not be read, transformed or stored
};

[[nodiscard]] const char* to_string(PostResult result);

//! Outcome of one post, with what was written for it.
struct PostOutcome {
  PostRef post;
  PostResult result = PostResult::kFailed;
  std::string reason;  //!< why it was skipped or failed
  int records = 0;     //!< session records the post produced
  int records_written = 0;
  int records_unchanged = 0;
  int records_removed = 0;
  int objects_written = 0;
  int objects_unchanged = 0;
  int objects_removed = 0;  //!< outdated objects of an earlier version
  std::vector<std::string> warnings;
  //! First failure of the state store (idempotency records, post state) while processing the
  //! post. The post was processed and stored anyway, as the original pipeline did when its
  //! idempotency table failed ("fail open").
  std::optional<Error> state_error;
};

//! Totals of a run, for the CLI, the logs and the state machine.
struct RunSummary {
  std::string source;
  std::string stores;
  std::vector<PostOutcome> posts;     //!< in the order the source listed them
  std::optional<Error> source_error;  //!< failure that ended the listing early
  //! Error that kept the completion message (SNS) from being sent. The run then fails, even
  //! though its posts are stored.
  std::optional<Error> completion_error;
  //! Problems that do not fail the run, e.g. a Secrets Manager secret that could not be read, so
  //! the credentials came from the environment.
  std::vector<Error> warnings;
  std::chrono::milliseconds elapsed{0};
  //! Records and objects of stored posts gone from the listing that `sync --prune` removed. The
  //! totals records_removed() and objects_removed() include them.
  int records_pruned = 0;
  int objects_pruned = 0;

  [[nodiscard]] int count(PostResult result) const;
  [[nodiscard]] int records_written() const;
  [[nodiscard]] int records_unchanged() const;
  [[nodiscard]] int records_removed() const;
  [[nodiscard]] int objects_written() const;
  [[nodiscard]] int objects_unchanged() const;
  [[nodiscard]] int objects_removed() const;
  //! Number of posts with a state_error.
  [[nodiscard]] int state_failures() const;
  //! True when a post failed, the listing ended early or the completion message was not sent;
  //! the exit code is then non-zero.
  [[nodiscard]] bool failed() const;
  //! True when the run wrote no object and no row.
  [[nodiscard]] bool wrote_nothing() const;
};

//! Formats the summary for people: totals, then one line per skipped or failed post.
[[nodiscard]] std::string format_summary_text(const RunSummary& summary);

//! Formats the summary as above, ending with "Run failed" when `failed` is true, for callers
//! that know of failures outside the summary. `no_posts_line` replaces "No posts found." for a
//! run that read no post, e.g. for an incremental sync that found nothing new.
[[nodiscard]] std::string format_summary_text(const RunSummary& summary, bool failed,
                                              std::string_view no_posts_line = "No posts found.");

//! Formats a count with its noun, singular for 1: "1 post", "2 posts".
[[nodiscard]] std::string count_of(std::int64_t count, std::string_view singular);

//! Encodes the summary for machines.
[[nodiscard]] Json summary_to_json(const RunSummary& summary);

}  // namespace wodetl
