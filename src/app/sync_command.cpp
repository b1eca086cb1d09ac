#include "app/sync_command.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "app/progress.hpp"
#include "app/settings.hpp"
#include "app/source_catalog.hpp"
#include "app/store_choice.hpp"
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

//! The stores of one source: the AWS stores every source shares, or the source's data folder.
Result<Stores> stores_for(const CatalogSource& source, const std::optional<Stores>& shared,
                          const LayeredEnvironment& environment) {
  if (shared) {
    return *shared;
  }
  Result<LocalStoreSettings> settings =
      local_store_settings(source.data_dir.string(), environment.environment());
  if (!settings.ok()) {
    return settings.error();
  }
  return open_local_stores(*settings);
}

SyncSummary sync_source_or_fail(const CatalogSource& source, const SyncArguments& arguments,
                                SyncMode mode, std::optional<UtcSeconds> since,
                                const std::optional<Stores>& shared_stores,
                                const std::set<std::string>& other_sources,
                                const LayeredEnvironment& environment, ProgressReporter& progress) {
  if (source.problem) {
    return failed_before_sync(source, mode, *source.problem);
  }
  Result<std::unique_ptr<WordPressSource>> created = WordPressSource::create(source.wordpress);
  if (!created.ok()) {
    return failed_before_sync(source, mode, created.error());
  }
  Result<Stores> stores = stores_for(source, shared_stores, environment);
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
  request.prune_all = arguments.prune_all;
  request.other_sources = other_sources;
  request.run = RunOptions{
      .jobs = arguments.jobs, .force = arguments.force, .profile = source.config.profile};
  request.on_progress = [&progress](const SyncProgress& update) { progress.update(update); };
  SyncSummary summary = sync_source(**created, *stores, request);
  progress.finish();
  return summary;
}

SyncSummary sync_one(const CatalogSource& source, const SyncArguments& arguments, SyncMode mode,
                     std::optional<UtcSeconds> since, const std::optional<Stores>& shared_stores,
                     const std::set<std::string>& other_sources,
                     const LayeredEnvironment& environment, ProgressReporter& progress) {
  SyncSummary summary = sync_source_or_fail(source, arguments, mode, since, shared_stores,
                                            other_sources, environment, progress);
  if (source.credentials_warning) {
    summary.run.warnings.push_back(*source.credentials_warning);
  }
  if (source.config_file_warning) {
    summary.run.warnings.push_back(*source.config_file_warning);
  }

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
  log_with_fields(failed ? spdlog::level::err : spdlog::level::info,
                  "Source '" + summary.source_name + "' " + (failed ? "failed" : "synced") + ": " +
                      count_of(static_cast<std::int64_t>(run.posts.size()), "post") + " seen, " +
                      std::to_string(run.count(PostResult::kNew)) + " new, " +
                      std::to_string(run.count(PostResult::kChanged)) + " changed, " +
                      std::to_string(run.count(PostResult::kFailed)) + " failed, " +
                      count_of(run.records_written(), "record") + " written",
                  fields);
  return summary;
}

//! Rejects an AWS store shared by several sources: its tables are keyed by date and session, and
//! by post id, so the records and post states of two sources would overwrite each other. Only
//! the sync cursors are kept per source. The local store avoids this with a data folder per
//! source; the AWS store takes its names from the environment, which one process shares.
Status check_aws_store_sources(const std::vector<const CatalogSource*>& selected,
                               const Stores& stores) {
  if (selected.size() < 2) {
    return ok_status();
  }
  const std::string& first = selected[0]->config.name;
  return Error::invalid_input(
      "sources '" + first + "' and '" + selected[1]->config.name + "' would share the AWS store (" +
          stores.description +
          "), whose sessions are keyed by date and session and whose post states are keyed by "
          "post id, so each source would overwrite the other's records",
      {},
      "Sync one source at a time with --source NAME, with DYNAMODB_TABLE (which also names the "
      "posts table) and INVICTUS_BUCKET set to that source's own table and bucket, e.g. "
      "`DYNAMODB_TABLE=" +
          first + "-sessions INVICTUS_BUCKET=" + first + "-wod wodetl sync --store aws --source " +
          first + "`");
}

}  // namespace

int run_sync_command(const SyncArguments& arguments) {
  const auto started = std::chrono::steady_clock::now();
  const auto started_at = std::chrono::system_clock::now();
  configure_logging(arguments.log_level.value_or(arguments.quiet ? "warn" : "info"),
                    arguments.log_format);

  // INVICTUS_USER and INVICTUS_PASS come from the Secrets Manager secret INVICTUS_SECRET_NAME
  // when it is set, as for `run`.
  LayeredEnvironment environment;
  Result<SourceCatalog> catalog =
      load_source_catalog(environment, CatalogOptions{.config_option = arguments.config,
                                                      .data_dir_option = arguments.data_dir,
                                                      .working_dir = {},
                                                      .read_secret = read_secret_text});
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
  Result<StoreKind> store_kind =
      read_store_kind(arguments.store, environment.environment(), catalog->store_kind);
  if (!store_kind.ok()) {
    return report_unusable(store_kind.error());
  }
  // Checked before the sync, so that a wrong target does not surface only after the work.
  Result<std::vector<SnsTarget>> targets = read_notification_targets(environment.environment());
  if (!targets.ok()) {
    return report_unusable(targets.error());
  }
  std::optional<Stores> aws_stores;
  if (*store_kind == StoreKind::kAws) {
    Result<Stores> opened = open_stores(StoreKind::kAws, "", environment.environment());
    if (!opened.ok()) {
      return report_unusable(opened.error());
    }
    if (Status shared = check_aws_store_sources(*selected, *opened); !shared.ok()) {
      return report_unusable(shared.error());
    }
    aws_stores = std::move(*opened);
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
  std::size_t failed_sources = 0;
  for (const CatalogSource* source : *selected) {
    std::set<std::string> other_sources;
    for (const CatalogSource& configured : catalog->sources) {
      if (configured.config.name != source->config.name) {
        other_sources.insert(configured.config.name);
      }
    }
    summaries.push_back(sync_one(*source, arguments, mode, since, aws_stores, other_sources,
                                 environment, progress));
    if (summaries.back().failed()) {
      failed = true;
      ++failed_sources;
    }
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);

  if (!targets->empty()) {
    RunSummary all_sources;
    for (const SyncSummary& summary : summaries) {
      all_sources.posts.insert(all_sources.posts.end(), summary.run.posts.begin(),
                               summary.run.posts.end());
    }
    std::optional<Error> not_sent =
        send_completion_message(*targets, all_sources, started_at, environment.environment());
    // The last source's summary is printed last, so its final line says that the sync failed.
    if (not_sent && !summaries.empty()) {
      summaries.back().run.completion_error = std::move(not_sent);
      failed = true;
    } else if (not_sent) {
      std::cerr << mask_secrets("error: the completion message was not sent: " +
                                not_sent->to_string())
                << "\n";
      failed = true;
    }
  }

  const bool json = arguments.format.empty() ? arguments.log_format == LogFormat::kJson
                                             : arguments.format == "json";
  if (arguments.quiet && !failed) {
    // The summary is left out, but its warnings (an unread secret, a password in a file that
    // others can read) are not.
    for (const SyncSummary& summary : summaries) {
      for (const Error& warning : summary.run.warnings) {
        spdlog::warn("{}", warning.to_string());
      }
    }
  } else if (json) {
    Json sources = Json::array();
    for (const SyncSummary& summary : summaries) {
      sources.push_back(sync_summary_to_json(summary));
    }
    const Json output{
        {"sources", std::move(sources)}, {"succeeded", !failed}, {"elapsed_ms", elapsed.count()}};
    std::cout << mask_secrets(output.dump(2, ' ', false, Json::error_handler_t::replace)) << "\n";
  } else {
    std::string text;
    for (const SyncSummary& summary : summaries) {
      text += (text.empty() ? "" : "\n") + format_sync_summary_text(summary);
    }
    if (summaries.size() > 1) {
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%.2f s", static_cast<double>(elapsed.count()) / 1000);
      const std::string sources = std::to_string(summaries.size()) + " sources";
      if (failed_sources == summaries.size()) {
        text += "\nEvery one of the " + sources + " failed, in " + seconds + "\n";
      } else if (failed_sources > 0) {
        text += "\nSynced " + sources + " in " + seconds + "; " + std::to_string(failed_sources) +
                " of them failed\n";
      } else {
        text += "\nSynced " + sources + " in " + seconds +
                (failed ? "; the completion message was not sent\n" : "\n");
      }
    }
    std::cout << mask_secrets(text);
  }

  return failed ? kExitFailed : 0;
}

}  // namespace wodetl
