#include "app/sync_command.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>
#include <vector>

#include "app/progress.hpp"
#include "app/settings.hpp"
#include "app/source_catalog.hpp"
#include "pipeline/stores.hpp"
#include "pipeline/sync.hpp"

namespace wodetl {

namespace {

constexpr int kExitFailed = 1;
constexpr int kExitUnusable = 2;

int report_unusable(const Error& error) {
  std::cerr << mask_secrets("error: " + error.to_string()) << "\n";
  return kExitUnusable;
}

//! Summary of a source that could not start syncing.
SyncSummary failed_before_sync(const CatalogSource& source, SyncMode mode, const Error& error) {
  SyncSummary summary;
  summary.source_name = source.config.name;
  summary.mode = mode;
  summary.reading = "nothing";
  summary.run.source = "WordPress " + source.config.site;
  summary.run.source_error = error;
  return summary;
}

SyncSummary sync_one(const CatalogSource& source, const SyncArguments& arguments, SyncMode mode,
                     std::optional<UtcSeconds> since, const LayeredEnvironment& environment,
                     ProgressReporter& progress) {
  if (source.problem) {
    return failed_before_sync(source, mode, *source.problem);
  }
  Result<std::unique_ptr<WordPressSource>> created = WordPressSource::create(source.wordpress);
  if (!created.ok()) {
    return failed_before_sync(source, mode, created.error());
  }
  Result<LocalStoreSettings> settings =
      local_store_settings(source.data_dir.string(), environment.environment());
  if (!settings.ok()) {
    return failed_before_sync(source, mode, settings.error());
  }
  Result<Stores> stores = open_local_stores(*settings);
  if (!stores.ok()) {
    return failed_before_sync(source, mode, stores.error());
  }

  SyncRequest request;
  request.source_name = source.config.name;
  request.listing = source.listing;
  request.mode = mode;
  request.since = since;
  request.overlap = std::chrono::seconds(source.config.overlap_seconds);
  request.prune = arguments.prune;
  request.run = RunOptions{
      .jobs = arguments.jobs, .force = arguments.force, .profile = source.config.profile};
  request.on_progress = [&progress](const SyncProgress& update) { progress.update(update); };
  SyncSummary summary = sync_source(**created, *stores, request);
  progress.finish();

  const RunSummary& run = summary.run;
  const bool failed = summary.failed();
  Json fields{{"event", "source_synced"},
              {"source", summary.source_name},
              {"posts_seen", run.posts.size()},
              {"new", run.count(PostResult::kNew)},
              {"changed", run.count(PostResult::kChanged)},
              {"unchanged", run.count(PostResult::kUnchanged)},
              {"failed", run.count(PostResult::kFailed)},
              {"records_written", run.records_written()},
              {"gone", summary.audit.gone.size()},
              {"elapsed_ms", run.elapsed.count()}};
  log_with_fields(failed ? spdlog::level::warn : spdlog::level::info,
                  "Source '" + summary.source_name + "' " + (failed ? "failed" : "synced") + ": " +
                      std::to_string(run.posts.size()) +
                      (run.posts.size() == 1 ? " post seen, " : " posts seen, ") +
                      std::to_string(run.count(PostResult::kNew)) + " new, " +
                      std::to_string(run.count(PostResult::kChanged)) + " changed, " +
                      std::to_string(run.records_written()) + " records written",
                  fields);
  return summary;
}

}  // namespace

int run_sync_command(const SyncArguments& arguments) {
  const auto started = std::chrono::steady_clock::now();
  configure_logging(arguments.log_level.value_or(arguments.quiet ? "warn" : "info"),
                    arguments.log_format);

  LayeredEnvironment environment;
  Result<SourceCatalog> catalog = load_source_catalog(
      environment,
      CatalogOptions{.config_option = arguments.config, .data_dir_option = arguments.data_dir});
  if (!catalog.ok()) {
    return report_unusable(catalog.error());
  }
  for (const std::string& secret : catalog->secrets) {
    add_secret(secret);
  }
  Result<std::vector<const CatalogSource*>> selected = select_sources(*catalog, arguments.source);
  if (!selected.ok()) {
    return report_unusable(selected.error());
  }
  if (!arguments.data_dir.empty() && selected->size() > 1) {
    return report_unusable(Error::invalid_input(
        "--data-dir applies to one source, and " + std::to_string(selected->size()) +
            " sources are configured",
        {}, "Add --source NAME, or set data_dir per source in the configuration file"));
  }

  SyncMode mode = arguments.full ? SyncMode::kFull : SyncMode::kIncremental;
  std::optional<UtcSeconds> since;
  if (!arguments.since.empty()) {
    since = parse_utc_timestamp(arguments.since);
    if (!since) {
      return report_unusable(Error::invalid_input(
          "--since '" + arguments.since + "' is not a date", {},
          "Give a date as YYYY-MM-DD (midnight UTC), or a time as 2024-01-31T08:00:00Z"));
    }
    mode = SyncMode::kSince;
  }

  ProgressStyle style = ProgressStyle::kLines;
  if (arguments.quiet) {
    style = ProgressStyle::kOff;
  } else if (arguments.log_format == LogFormat::kText && stderr_is_terminal()) {
    style = ProgressStyle::kBar;
  }
  ProgressReporter progress(style);

  std::vector<SyncSummary> summaries;
  bool failed = false;
  for (const CatalogSource* source : *selected) {
    summaries.push_back(sync_one(*source, arguments, mode, since, environment, progress));
    failed = failed || summaries.back().failed();
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);

  const bool json = arguments.format.empty() ? arguments.log_format == LogFormat::kJson
                                             : arguments.format == "json";
  if (json) {
    Json sources = Json::array();
    for (const SyncSummary& summary : summaries) {
      sources.push_back(sync_summary_to_json(summary));
    }
    const Json output{
        {"sources", std::move(sources)}, {"succeeded", !failed}, {"elapsed_ms", elapsed.count()}};
    std::cout << mask_secrets(output.dump(2, ' ', false, Json::error_handler_t::replace)) << "\n";
  } else if (!arguments.quiet || failed) {
    std::string text;
    for (const SyncSummary& summary : summaries) {
      text += (text.empty() ? "" : "\n") + format_sync_summary_text(summary);
    }
    if (summaries.size() > 1) {
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%.2f s", static_cast<double>(elapsed.count()) / 1000);
      text += "\nSynced " + std::to_string(summaries.size()) + " sources in " + seconds +
              (failed ? "; some failed\n" : "\n");
    }
    std::cout << mask_secrets(text);
  }
  return failed ? kExitFailed : 0;
}

}  // namespace wodetl
