#include "pipeline/run_summary.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <string>

namespace wodetl {

namespace {

int sum(const RunSummary& summary, int PostOutcome::*field) {
  return std::accumulate(
      summary.posts.begin(), summary.posts.end(), 0,
      [field](int total, const PostOutcome& post) { return total + post.*field; });
}

std::string format_seconds(std::chrono::milliseconds elapsed) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f s", static_cast<double>(elapsed.count()) / 1000.0);
  return buffer;
}

}  // namespace

const char* to_string(PostResult result) {
  switch (result) {
    case PostResult::kNew:
      return "new";
    case PostResult::kChanged:
      return "changed";
    case PostResult::kUnchanged:
      return "unchanged";
    case PostResult::kSkipped:
      return "skipped";
    case PostResult::kFailed:
      return "failed";
  }
  return "failed";
}

int RunSummary::count(PostResult result) const {
  int total = 0;
  for (const PostOutcome& post : posts) {
    total += post.result == result ? 1 : 0;
  }
  return total;
}

int RunSummary::records_written() const {
  return sum(*this, &PostOutcome::records_written);
}
int RunSummary::records_unchanged() const {
  return sum(*this, &PostOutcome::records_unchanged);
}
int RunSummary::records_removed() const {
  return sum(*this, &PostOutcome::records_removed) + records_pruned;
}
int RunSummary::objects_written() const {
  return sum(*this, &PostOutcome::objects_written);
}
int RunSummary::objects_unchanged() const {
  return sum(*this, &PostOutcome::objects_unchanged);
}
int RunSummary::objects_removed() const {
  return sum(*this, &PostOutcome::objects_removed) + objects_pruned;
}

int RunSummary::state_failures() const {
  return static_cast<int>(std::count_if(posts.begin(), posts.end(), [](const PostOutcome& post) {
    return post.state_error.has_value();
  }));
}

namespace {

//! The state_error of the first post that has one.
const Error* first_state_error(const RunSummary& summary) {
  for (const PostOutcome& post : summary.posts) {
    if (post.state_error) {
      return &*post.state_error;
    }
  }
  return nullptr;
}

}  // namespace

bool RunSummary::failed() const {
  return source_error.has_value() || completion_error.has_value() || count(PostResult::kFailed) > 0;
}

bool RunSummary::wrote_nothing() const {
  return records_written() == 0 && records_removed() == 0 && objects_written() == 0 &&
         objects_removed() == 0;
}

std::string format_summary_text(const RunSummary& summary) {
  return format_summary_text(summary, summary.failed());
}

std::string count_of(std::int64_t count, std::string_view singular) {
  return std::to_string(count) + " " + std::string(singular) + (count == 1 ? "" : "s");
}

std::string format_summary_text(const RunSummary& summary, bool failed,
                                std::string_view no_posts_line) {
  std::string text;
  // A failed input may not be a post at all (an empty or truncated file), so it is counted apart.
  const int failed_inputs = summary.count(PostResult::kFailed);
  const int posts = static_cast<int>(summary.posts.size()) - failed_inputs;
  text += "Read " + std::to_string(posts) + (posts == 1 ? " post" : " posts") + " from " +
          summary.source +
          (failed_inputs > 0 ? "; " + std::to_string(failed_inputs) + " failed" : std::string()) +
          "\n";
  text += "Posts: " + std::to_string(summary.count(PostResult::kNew)) + " new, " +
          std::to_string(summary.count(PostResult::kChanged)) + " changed, " +
          std::to_string(summary.count(PostResult::kUnchanged)) + " unchanged, " +
          std::to_string(summary.count(PostResult::kSkipped)) + " skipped, " +
          std::to_string(summary.count(PostResult::kFailed)) + " failed\n";
  text += "Session records: " + std::to_string(summary.records_written()) + " written, " +
          std::to_string(summary.records_unchanged()) + " unchanged, " +
          std::to_string(summary.records_removed()) + " removed\n";
  text += "Bucket objects: " + std::to_string(summary.objects_written()) + " written, " +
          std::to_string(summary.objects_unchanged()) + " unchanged, " +
          std::to_string(summary.objects_removed()) + " removed\n";
  text += "Stores: " + summary.stores + "\n";
  for (const PostOutcome& post : summary.posts) {
    if (post.result == PostResult::kSkipped) {
      text += "Skipped " + post.post.describe() + ": " + post.reason + "\n";
    }
  }
  for (const PostOutcome& post : summary.posts) {
    for (const std::string& warning : post.warnings) {
      text += "Warning for " + post.post.describe() + ": " + warning + "\n";
    }
  }
  if (const Error* state_error = first_state_error(summary)) {
    const int count = summary.state_failures();
    text += "Warning: the idempotency records or post states could not be used for " +
            std::to_string(count) + (count == 1 ? " post" : " posts") +
            ", so they were processed and stored anyway, and the next run compares them again. "
            "First error: " +
            state_error->to_string() + "\n";
  }
  for (const Error& warning : summary.warnings) {
    text += "Warning: " + warning.to_string() + "\n";
  }
  for (const PostOutcome& post : summary.posts) {
    if (post.result == PostResult::kFailed) {
      text += "Failed " +
              (post.post.describe().empty() ? std::string("post") : post.post.describe()) + ": " +
              post.reason + "\n";
    }
  }
  if (summary.source_error) {
    text += std::string(summary.posts.empty() ? "Listing failed: " : "Listing stopped early: ") +
            summary.source_error->to_string() + "\n";
  }
  if (summary.posts.empty() && !summary.source_error) {
    if (summary.wrote_nothing()) {
      text += std::string(no_posts_line) + "\n";
    }
  } else if (summary.wrote_nothing() && !summary.failed()) {
    text += "Nothing new: every post was already stored in this version.\n";
  }
  if (summary.completion_error) {
    text += "Completion message not sent: " + summary.completion_error->to_string() + "\n";
  }
  text += std::string(failed || summary.completion_error ? "Run failed" : "Run succeeded") +
          " in " + format_seconds(summary.elapsed) + "\n";
  return text;
}

Json summary_to_json(const RunSummary& summary) {
  Json warnings = Json::array();
  for (const Error& warning : summary.warnings) {
    warnings.push_back(warning.to_string());
  }
  Json posts = Json::array();
  for (const PostOutcome& post : summary.posts) {
    Json item{{"post_id", post.post.id ? Json(*post.post.id) : Json(nullptr)},
              {"slug", post.post.slug},
              {"url", post.post.url},
              {"file", post.post.file},
              {"result", to_string(post.result)},
              {"reason", post.reason},
              {"records", post.records},
              {"records_written", post.records_written},
              {"records_unchanged", post.records_unchanged},
              {"records_removed", post.records_removed},
              {"objects_written", post.objects_written},
              {"objects_unchanged", post.objects_unchanged},
              {"objects_removed", post.objects_removed},
              {"warnings", post.warnings}};
    item["state_error"] = post.state_error ? Json(post.state_error->to_string()) : Json(nullptr);
    posts.push_back(std::move(item));
  }
  return Json{
      {"source", summary.source},
      {"stores", summary.stores},
      {"posts_seen", summary.posts.size()},
      {"new", summary.count(PostResult::kNew)},
      {"changed", summary.count(PostResult::kChanged)},
      {"unchanged", summary.count(PostResult::kUnchanged)},
      {"skipped", summary.count(PostResult::kSkipped)},
      {"failed", summary.count(PostResult::kFailed)},
      {"records_written", summary.records_written()},
      {"records_unchanged", summary.records_unchanged()},
      {"records_removed", summary.records_removed()},
      {"objects_written", summary.objects_written()},
      {"objects_unchanged", summary.objects_unchanged()},
      {"objects_removed", summary.objects_removed()},
      {"source_error",
       summary.source_error ? Json(summary.source_error->to_string()) : Json(nullptr)},
      {"completion_error",
       summary.completion_error ? Json(summary.completion_error->to_string()) : Json(nullptr)},
      {"state_failures", summary.state_failures()},
      {"warnings", warnings},
      {"succeeded", !summary.failed()},
      {"elapsed_ms", summary.elapsed.count()},
      {"posts", std::move(posts)}};
}

}  // namespace wodetl
