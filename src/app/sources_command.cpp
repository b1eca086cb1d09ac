#include "app/sources_command.hpp"

#include <fmt/format.h>

#include <iostream>
#include <system_error>

#include "app/logging.hpp"
#include "app/store_choice.hpp"
#include "load/local/sqlite_store.hpp"
#include "pipeline/stores.hpp"

namespace wodetl {

namespace {

//! The saved cursor of a source, or why there is none.
struct CursorReading {
  std::optional<SyncCursor> cursor;
  std::string absence;  //!< "none", "none (no data yet)" or "unreadable: …" without a cursor
};

//! Reads the saved cursor of the source. Opens a SQLite store only when its file exists, so
//! listing creates no files.
CursorReading read_cursor(const CatalogSource& source, const CursorStore& cursors) {
  if (cursors.problem) {
    return {std::nullopt, "unreadable: " + cursors.problem->message};
  }
  std::shared_ptr<StateStore> store = cursors.aws;
  if (!store) {
    const std::filesystem::path file = sqlite_path(source.data_dir);
    std::error_code error;
    if (!std::filesystem::exists(file, error)) {
      return {std::nullopt, "none (no data yet)"};
    }
    Result<std::unique_ptr<SqliteStore>> opened = SqliteStore::open(file);
    if (!opened.ok()) {
      return {std::nullopt, "unreadable: " + opened.error().message};
    }
    store = std::move(*opened);
  }
  Result<std::optional<SyncCursor>> cursor = store->find_sync_cursor(source.config.name);
  if (!cursor.ok()) {
    return {std::nullopt, "unreadable: " + cursor.error().message};
  }
  if (!*cursor) {
    return {std::nullopt, "none"};
  }
  return {std::move(*cursor), ""};
}

//! Returns the cursor as "2024-01-31T08:00:00 (saved …)", or why there is none.
std::string cursor_text(const CatalogSource& source, const CursorReading& reading) {
  if (!reading.cursor) {
    return reading.absence;
  }
  const SyncCursor& cursor = *reading.cursor;
  std::string text = cursor.modified_gmt + " (saved " + cursor.updated_at + ")";
  if (cursor.listing != source.listing) {
    text += ", for another listing (" + cursor.listing + "), so the next sync reads everything";
  }
  return text;
}

}  // namespace

std::string format_sources_text(const SourceCatalog& catalog, const CursorStore& cursors) {
  std::string text = "Configuration: " +
                     (catalog.config_path ? catalog.config_path->string() : std::string("none")) +
                     "\n";
  for (const CatalogSource& source : catalog.sources) {
    const SourceConfig& config = source.config;
    text += "\n" + config.name + (source.built_in ? " (built-in default)" : "") + "\n";
    text += "  site:        " + config.site + "\n";
    text += "  category:    " + (config.category ? config.category->text() : "all") + "\n";
    text += "  tag:         " + (config.tag ? config.tag->text() : "all") + "\n";
    text += "  profile:     " + std::string(to_string(config.profile)) + "\n";
    text += "  credentials: " + source.credentials + "\n";
    text += "  requests:    " + fmt::format("{}", config.rate) + " per second, " +
            std::to_string(config.concurrency) + " at a time, time-out " +
            std::to_string(config.timeout_seconds) + " s, " + std::to_string(config.retries) +
            " retries\n";
    text += "  overlap:     " + std::to_string(config.overlap_seconds) + " s\n";
    if (cursors.aws || cursors.problem) {
      text += "  store:       " + cursors.description + "\n";
    } else {
      text += "  data folder: " + source.data_dir.string() + "\n";
    }
    text += "  cursor:      " + cursor_text(source, read_cursor(source, cursors)) + "\n";
    if (source.problem) {
      text += "  problem:     " + source.problem->to_string() + "\n";
    }
    for (const auto& warning : {source.credentials_warning, source.config_file_warning}) {
      if (warning) {
        text += "  warning:     " + warning->to_string() + "\n";
      }
    }
  }
  return mask_secrets(text);
}

Json sources_to_json(const SourceCatalog& catalog, const CursorStore& cursors) {
  Json sources = Json::array();
  for (const CatalogSource& source : catalog.sources) {
    const SourceConfig& config = source.config;
    const CursorReading reading = read_cursor(source, cursors);
    Json warnings = Json::array();
    for (const auto& warning : {source.credentials_warning, source.config_file_warning}) {
      if (warning) {
        warnings.push_back(warning->to_string());
      }
    }
    sources.push_back(
        Json{{"name", config.name},
             {"built_in", source.built_in},
             {"site", config.site},
             {"category", config.category ? Json(config.category->text()) : Json(nullptr)},
             {"tag", config.tag ? Json(config.tag->text()) : Json(nullptr)},
             {"profile", to_string(config.profile)},
             {"credentials", source.credentials},
             {"rate", config.rate},
             {"concurrency", config.concurrency},
             {"timeout_seconds", config.timeout_seconds},
             {"retries", config.retries},
             {"overlap_seconds", config.overlap_seconds},
             {"data_dir", source.data_dir.string()},
             {"store", cursors.aws || cursors.problem ? "aws" : "local"},
             {"listing", source.listing},
             {"cursor", cursor_text(source, reading)},
             {"cursor_modified_gmt",
              reading.cursor ? Json(reading.cursor->modified_gmt) : Json(nullptr)},
             {"cursor_saved_at", reading.cursor ? Json(reading.cursor->updated_at) : Json(nullptr)},
             {"cursor_for_this_listing",
              reading.cursor ? Json(reading.cursor->listing == source.listing) : Json(nullptr)},
             {"problem", source.problem ? Json(source.problem->to_string()) : Json(nullptr)},
             {"warnings", std::move(warnings)}});
  }
  return Json{{"config", catalog.config_path ? Json(catalog.config_path->string()) : Json(nullptr)},
              {"sources", std::move(sources)}};
}

int run_sources_command(const SourcesArguments& arguments) {
  LayeredEnvironment environment;
  Result<SourceCatalog> catalog =
      load_source_catalog(environment, CatalogOptions{.config_option = arguments.config});
  if (!catalog.ok()) {
    std::cerr << mask_secrets("error: " + catalog.error().to_string()) << "\n";
    return 2;
  }
  for (const std::string& secret : catalog->secrets) {
    add_secret(secret);
  }
  Result<StoreKind> store_kind =
      read_store_kind(arguments.store, environment.environment(), catalog->store_kind);
  if (!store_kind.ok()) {
    std::cerr << mask_secrets("error: " + store_kind.error().to_string()) << "\n";
    return 2;
  }
  // The AWS store is opened without a request; a store that cannot be read shows in each cursor.
  CursorStore cursors;
  if (*store_kind == StoreKind::kAws) {
    Result<Stores> stores = open_stores(StoreKind::kAws, "", environment.environment());
    if (stores.ok()) {
      cursors.aws = stores->state;
      cursors.description = stores->description;
    } else {
      cursors.problem = stores.error();
      cursors.description = "the AWS store, which cannot be opened";
    }
  }
  if (arguments.format == "json") {
    std::cout << mask_secrets(sources_to_json(*catalog, cursors)
                                  .dump(2, ' ', false, Json::error_handler_t::replace))
              << "\n";
  } else {
    std::cout << format_sources_text(*catalog, cursors);
  }
  return 0;
}

}  // namespace wodetl
