#pragma once

#include "core/program_profile.hpp"
#include "extract/post_source.hpp"
#include "pipeline/run_summary.hpp"
#include "pipeline/stores.hpp"

namespace wodetl {

//! Settings of a pipeline run.
struct RunOptions {
  int jobs = 4;        //!< posts transformed and stored at the same time
  bool force = false;  //!< process posts again even when their version is marked done
  ProgramProfile profile = ProgramProfile::kWeekly;  //!< how the source's posts are dated
  //! Name of the configured source the posts come from, added to each post state's sources. Empty
  //! when they come from files or a URL outside the configured sources.
  std::string source_name;
};

//! Processes one post: skips it when this version was already processed (unless options.force)
//! or when a newer version is stored, else dumps it to the bucket, transforms it, replaces its
//! session records, saves its weekly file, records its state and marks it done. A version counts
//! as processed when its idempotency key is marked done, or when the stored post state records
//! the same key, so an unchanged post costs no writes even after its idempotency record expired.
//! Catches every std::exception, so failures always come back in the outcome.
[[nodiscard]] PostOutcome process_post(const Post& post, Stores& stores, const RunOptions& options);

//! Marks `outcome` failed with the error's message and hint as its reason, and logs it.
[[nodiscard]] PostOutcome failed_outcome(PostOutcome outcome, const Error& error);

//! Runs the whole pipeline: fetches every post from source and processes posts on `jobs`
//! threads (see PostProcessor) while later pages are still being fetched.
[[nodiscard]] RunSummary run_pipeline(PostSource& source, Stores& stores,
                                      const RunOptions& options);

}  // namespace wodetl
