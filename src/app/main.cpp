// wodetl command line: run the pipeline, sync sources incrementally, list the sources, run one
// stage, show stored sessions, explain prescription lines, create the stores.
// Exit codes: 0 success, 1 the run failed for some posts or the source, 2 unusable invocation
// or an error that stopped the command.

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "app/explain_command.hpp"
#include "app/logging.hpp"
#include "app/settings.hpp"
#include "app/show_command.hpp"
#include "app/source_catalog.hpp"
#include "app/sources_command.hpp"
#include "app/store_choice.hpp"
#include "app/sync_command.hpp"
#include "core/edit_distance.hpp"
#include "core/json_codec.hpp"
#include "core/program_profile.hpp"
#include "core/version.hpp"
#include "core/xml_library.hpp"
#include "extract/source_factory.hpp"
#include "load/aws/aws_provisioning.hpp"
#include "load/local/sqlite_store.hpp"
#include "pipeline/completion_notice.hpp"
#include "pipeline/runner.hpp"
#include "pipeline/stages.hpp"
#include "transform/loads/maxes.hpp"

namespace {

using namespace wodetl;

constexpr int kExitFailed = 1;
constexpr int kExitUnusable = 2;

int report(const Error& error) {
  std::cerr << mask_secrets("error: " + error.to_string()) << "\n";
  return kExitUnusable;
}

bool is_web_url(const std::string& text) {
  return text.starts_with("http://") || text.starts_with("https://") ||
         text.starts_with("HTTP://") || text.starts_with("HTTPS://");
}

//! Loads the catalog of sources and registers its secrets with the logger. `read_secret` reads
//! the WordPress credentials' secret, for the commands that send them.
Result<SourceCatalog> load_catalog(LayeredEnvironment& environment, const std::string& config,
                                   const std::string& data_dir,
                                   const CatalogSecretReader& read_secret) {
  Result<SourceCatalog> catalog =
      load_source_catalog(environment, CatalogOptions{.config_option = config,
                                                      .data_dir_option = data_dir,
                                                      .working_dir = {},
                                                      .read_secret = read_secret});
  if (catalog.ok()) {
    for (const std::string& secret : catalog->secrets) {
      add_secret(secret);
    }
  }
  return catalog;
}

//! The configured sources and the store a command uses.
struct CommandConfiguration {
  SourceCatalog catalog;
  StoreKind store_kind = StoreKind::kLocal;
};

//! Loads the catalog of sources, then picks the store from --store, WODETL_STORE and the
//! configuration file, in that order.
Result<CommandConfiguration> load_configuration(LayeredEnvironment& environment,
                                                const std::string& config,
                                                const std::string& data_dir,
                                                const std::string& store_option,
                                                const CatalogSecretReader& read_secret = {}) {
  Result<SourceCatalog> catalog = load_catalog(environment, config, data_dir, read_secret);
  if (!catalog) {
    return catalog.error();
  }
  Result<StoreKind> store_kind =
      read_store_kind(store_option, environment.environment(), catalog->store_kind);
  if (!store_kind) {
    return store_kind.error();
  }
  return CommandConfiguration{std::move(*catalog), *store_kind};
}

//! Picks the configured source that `run` or `show` reads when --source is not a URL or a path:
//! the source named `name`, or without a name the only source of the catalog. Returns nullptr
//! when `name` is a URL or an existing path, which the command reads directly.
Result<const CatalogSource*> configured_source_for(const SourceCatalog& catalog,
                                                   const std::string& name) {
  if (!name.empty() && (is_web_url(name) || std::filesystem::exists(name))) {
    return static_cast<const CatalogSource*>(nullptr);
  }
  if (name.empty() && catalog.sources.size() > 1) {
    std::string names;
    for (const CatalogSource& source : catalog.sources) {
      names += (names.empty() ? "" : ", ") + source.config.name;
    }
    return Error::invalid_input("the configuration defines several sources: " + names, {},
                                "Name one with --source NAME");
  }
  if (name.empty()) {
    return &catalog.sources.front();
  }
  Result<std::vector<const CatalogSource*>> selected = select_sources(catalog, name);
  if (!selected.ok()) {
    Error error = selected.error();
    // A name that looks like a path was meant as a file or folder: report that it does not exist.
    const bool path_like = name.find('/') != std::string::npos || name.ends_with(".json");
    std::error_code ignored;
    error.message = path_like && !std::filesystem::exists(name, ignored)
                        ? "'" + name + "' was not found: no file or folder has that path"
                        : "'" + name + "' is not a URL, a file, a folder or a configured source";
    return error;
  }
  return selected->front();
}

int default_jobs() {
  const unsigned cores = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(cores, 1U, 4U));
}

struct RunArguments {
  std::string source;
  bool source_given = false;
  std::string store;
  std::string config;
  std::string data_dir;
  int jobs = default_jobs();
  bool force = false;
  std::optional<int> timeout_seconds;
  std::string format = "text";
  std::string profile;  //!< "weekly" or "daily"; empty for the source's own
};

int run_command(const RunArguments& arguments) {
  if (arguments.source_given && arguments.source.empty()) {
    return report(
        Error::invalid_input("--source is empty", {},
                             "Give a WordPress URL, a post file, a folder or a configured source "
                             "name, or leave --source out to read the default source"));
  }
  LayeredEnvironment environment;
  // Checked before the run, so that a wrong target does not surface only after the work.
  auto targets = read_notification_targets(environment.environment());
  if (!targets) {
    return report(targets.error());
  }
  // INVICTUS_USER and INVICTUS_PASS come from the Secrets Manager secret INVICTUS_SECRET_NAME
  // when it is set, as in the original pipeline.
  auto configuration = load_configuration(environment, arguments.config, arguments.data_dir,
                                          arguments.store, read_secret_text);
  if (!configuration) {
    return report(configuration.error());
  }
  const SourceCatalog& catalog = configuration->catalog;
  const StoreKind store_kind = configuration->store_kind;
  auto configured = configured_source_for(catalog, arguments.source);
  if (!configured) {
    return report(configured.error());
  }

  std::unique_ptr<PostSource> source;
  std::string data_dir = arguments.data_dir;
  RunOptions options{.jobs = arguments.jobs, .force = arguments.force};
  std::optional<Error> credentials_warning =
      catalog.credentials_secret ? catalog.credentials_secret->error : std::nullopt;
  if (*configured != nullptr) {
    const CatalogSource& chosen = **configured;
    credentials_warning = chosen.credentials_warning;
    if (chosen.problem) {
      return report(*chosen.problem);
    }
    WordPressConfig wordpress = chosen.wordpress;
    if (arguments.timeout_seconds) {
      wordpress.total_timeout = std::chrono::seconds(*arguments.timeout_seconds);
    }
    auto created = WordPressSource::create(wordpress);
    if (!created) {
      return report(created.error());
    }
    source = std::move(*created);
    data_dir = chosen.data_dir.string();
    options.profile = chosen.config.profile;
    options.source_name = chosen.config.name;
  } else {
    auto source_settings = read_source_settings(arguments.source, environment.environment());
    if (!source_settings) {
      return report(source_settings.error());
    }
    source_settings->wordpress.total_timeout =
        std::chrono::seconds(arguments.timeout_seconds.value_or(30));
    if (source_settings->wordpress.auth) {
      source_settings->wordpress.credentials_hint =
          "Check the WordPress user name and application password (" +
          environment_credentials_origin(environment, catalog.credentials_secret) + ")";
    }
    auto created = make_source(*source_settings);
    if (!created) {
      return report(created.error());
    }
    source = std::move(*created);
    if (data_dir.empty() && !environment.lookup(kDataDirVariable) && catalog.store_data_dir) {
      data_dir = catalog.store_data_dir->string();
    }
  }

  if (!arguments.profile.empty()) {
    options.profile = parse_program_profile(arguments.profile).value_or(ProgramProfile::kWeekly);
  }

  auto stores = open_stores(store_kind, data_dir, environment.environment());
  if (!stores) {
    return report(stores.error());
  }
  spdlog::info("Reading {} into {}", source->describe(), stores->description);
  const auto started = std::chrono::system_clock::now();
  RunSummary summary = run_pipeline(*source, *stores, options);
  if (credentials_warning) {
    summary.warnings.push_back(*credentials_warning);
  }
  if (*configured != nullptr && (*configured)->config_file_warning) {
    summary.warnings.push_back(*(*configured)->config_file_warning);
  }
  if (!targets->empty()) {
    summary.completion_error =
        send_completion_message(*targets, summary, started, environment.environment());
  }
  if (arguments.format == "json") {
    std::cout << mask_secrets(
                     summary_to_json(summary).dump(2, ' ', false, Json::error_handler_t::replace))
              << "\n";
  } else {
    std::cout << mask_secrets(format_summary_text(summary));
  }

  return summary.failed() ? kExitFailed : 0;
}

struct StageArguments {
  std::string name;
  std::string source;
  std::string store;
  std::string data_dir;
  bool list = false;
};

int stage_command(const StageArguments& arguments) {
  if (arguments.list || arguments.name.empty()) {
    if (!arguments.list) {
      std::cerr << "error: name the stage to run, e.g. `wodetl stage strip_post_html < post.json`. "
                   "The stages are:\n";
    }
    for (const Stage& stage : all_stages()) {
      (arguments.list ? std::cout : std::cerr) << stage.name << "  " << stage.summary << "\n";
    }
    return arguments.list ? 0 : kExitUnusable;
  }
  const Stage* stage = find_stage(arguments.name);
  if (stage == nullptr) {
    return report(Error::not_found("there is no stage named '" + arguments.name + "'",
                                   "Run `wodetl stage --list` to see the stages"));
  }

  const std::string input{std::istreambuf_iterator<char>(std::cin),
                          std::istreambuf_iterator<char>()};
  Json event;
  try {
    event = Json::parse(input);
  } catch (const Json::parse_error& error) {
    return report(Error::invalid_input(
        std::string("the event on standard input is not valid JSON: ") + error.what()));
  }

  StageContext context;
  context.fetch_page = [&arguments](int per_page, int page) {
    return fetch_source_page(arguments.source, per_page, page,
                             source_environment(read_environment_variable));
  };
  context.open_stores = [&arguments]() -> Result<Stores> {
    auto kind = read_store_kind(arguments.store, read_environment_variable);
    if (!kind) {
      return kind.error();
    }
    return open_stores(*kind, arguments.data_dir, read_environment_variable);
  };

  auto result = stage->run(event, context);
  if (!result) {
    std::cerr << "error: " << stage->name << " failed: " << result.error().to_string() << "\n";
    return kExitFailed;
  }
  std::cout << result->dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
  return 0;
}

struct ShowArguments {
  std::string store;
  std::string source;
  std::string config;
  std::string data_dir;
  std::string maxes_file;
  ShowOptions options;
};

int show_command(const ShowArguments& arguments) {
  // A mistyped date is reported before the store is looked for.
  if (const Result<ShowRange> range = show_range(arguments.options); !range) {
    return report(range.error());
  }
  LayeredEnvironment environment;
  auto configuration =
      load_configuration(environment, arguments.config, arguments.data_dir, arguments.store);
  if (!configuration) {
    return report(configuration.error());
  }
  const SourceCatalog& catalog = configuration->catalog;
  const StoreKind store_kind = configuration->store_kind;
  std::string data_dir = arguments.data_dir;
  if (data_dir.empty()) {
    auto configured = configured_source_for(catalog, arguments.source);
    if (!configured) {
      return report(configured.error());
    }
    if (*configured != nullptr) {
      data_dir = (*configured)->data_dir.string();
    }
  }
  ShowOptions options = arguments.options;
  if (!arguments.maxes_file.empty()) {
    auto maxes = load_maxes_file(arguments.maxes_file);
    if (!maxes) {
      return report(maxes.error());
    }
    options.maxes = std::move(*maxes);
  }

  std::shared_ptr<SessionStore> sessions;
  std::shared_ptr<StateStore> states;
  if (store_kind == StoreKind::kAws) {
    auto stores = open_stores(StoreKind::kAws, data_dir, environment.environment());
    if (!stores) {
      return report(stores.error());
    }
    sessions = stores->sessions;
    states = stores->state;
  } else {
    auto settings = local_store_settings(data_dir, environment.environment());
    if (!settings) {
      return report(settings.error());
    }
    const auto database = sqlite_path(settings->data_dir);
    if (!std::filesystem::exists(database)) {
      return report(Error::not_found("no wodetl data in " + settings->data_dir.string(),
                                     "Run `wodetl sync` or `wodetl run` first, or pass the "
                                     "--data-dir or --source it used"));
    }
    auto store = SqliteStore::open(database, settings->tables);
    if (!store) {
      return report(store.error());
    }
    std::shared_ptr<SqliteStore> local = std::move(*store);
    sessions = local;
    states = local;
  }
  auto text = show_sessions(*sessions, states.get(), options);
  if (!text) {
    return report(text.error());
  }
  std::cout << *text;
  return 0;
}

struct InitArguments {
  std::string store;
  std::string config;
  std::string data_dir;
};

int init_command(const InitArguments& arguments) {
  // The configuration file may choose the store, and .env files may set its variables.
  LayeredEnvironment layered;
  auto configuration =
      load_configuration(layered, arguments.config, arguments.data_dir, arguments.store);
  if (!configuration) {
    return report(configuration.error());
  }
  const Environment environment = layered.environment();
  const StoreKind store_kind = configuration->store_kind;
  if (store_kind == StoreKind::kLocal) {
    auto stores = open_stores(StoreKind::kLocal, arguments.data_dir, environment);
    if (!stores) {
      return report(stores.error());
    }
    std::cout << "Ready: " << stores->description << "\n";
    return 0;
  }

  auto settings = aws_store_settings(environment);
  if (!settings) {
    return report(settings.error());
  }
  auto client = make_aws_client(environment);
  if (!client) {
    return report(client.error());
  }
  // open_aws_stores checks the names before anything is created.
  if (auto checked = open_aws_stores(*settings, *client); !checked) {
    return report(checked.error());
  }
  auto provisioned = provision_aws_store(*client, settings->bucket, settings->tables);
  if (!provisioned) {
    return report(provisioned.error());
  }
  for (const std::string& resource : provisioned->created) {
    std::cout << "Created " << resource << "\n";
  }
  for (const std::string& resource : provisioned->existing) {
    std::cout << "Exists  " << resource << "\n";
  }
  for (const std::string& warning : provisioned->warnings) {
    std::cout << "Warning: " << warning << "\n";
  }
  return 0;
}

// Returns the message for a first word that names no command, as in `wodetl export`, or nothing
// when the arguments name a command or none. CLI11's own message is only that a command is
// required.
std::optional<std::string> unknown_command_message(CLI::App& app, int argc, char** argv) {
  std::string word;
  for (int index = 1; index < argc; ++index) {
    const std::string_view argument = argv[index];
    if (argument == "--log-level") {
      ++index;  // its value
    } else if (!argument.starts_with("-")) {
      word = argument;
      break;
    }
  }
  if (word.empty()) {
    return std::nullopt;
  }
  std::string names;
  std::string closest;
  std::size_t closest_distance = 3;  // a hint only within two edits
  for (const CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
    if (command->get_name() == word) {
      return std::nullopt;
    }
    names += (names.empty() ? "" : ", ") + command->get_name();
    if (const std::size_t distance = edit_distance(word, command->get_name());
        distance < closest_distance) {
      closest = command->get_name();
      closest_distance = distance;
    }
  }
  std::string message = "Error: wodetl has no command \"" + word + "\".";
  if (!closest.empty()) {
    message += " Did you mean \"" + closest + "\"?";
  }
  return message + " The commands are " + names + "; run wodetl --help for what each does.";
}

}  // namespace

int main(int argc, char** argv) {
  // Worker threads parse HTML and XML, so libxml2 is set up on this thread before any starts.
  init_xml_library();
  CLI::App app{"wodetl: turns WordPress workout posts into dated, structured training sessions"};
  app.set_version_flag("--version", std::string("wodetl ") + kVersion);
  app.require_subcommand(1);
  // Subcommands created below inherit this, so --log-level and -v also work after the command.
  app.fallthrough();
  // Per-post problems are in the run summary, so only errors are logged unless asked for more.
  std::string log_level = "error";
  app.add_option("--log-level", log_level, "Log messages from this level up, on stderr")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
      ->capture_default_str();
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "Same as --log-level info");

  RunArguments run;
  CLI::App* run_app =
      app.add_subcommand("run", "Fetch every post, transform it and store its sessions");
  run_app->add_option_function<std::string>(
      "--source",
      [&run](const std::string& value) {
        run.source = value;
        run.source_given = true;
      },
      "WordPress site or API URL, a post JSON file, a folder of them, or the name of a configured "
      "source (default: the only configured source, else the Invictus weightlifting category)");
  const std::string store_choices =
      "local (SQLite and a bucket folder) or aws (S3 and DynamoDB) "
      "(default: WODETL_STORE, else the configuration file's store, else local)";
  const std::string store_help = "Where to store: " + store_choices;
  run_app->add_option("--store", run.store, store_help)->check(CLI::IsMember({"local", "aws"}));
  run_app->add_option("--config", run.config,
                      "Configuration file (default: WODETL_CONFIG, else ./wodetl.toml if present)");
  run_app->add_option("--data-dir", run.data_dir,
                      "Folder of the SQLite store and the bucket folder "
                      "(default: the source's data_dir, WODETL_DATA_DIR, else ./wod-data)");
  run_app
      ->add_option("--profile", run.profile,
                   "How the source publishes: weekly (a post a week, with day headers) or daily "
                   "(a workout a post) (default: the configured source's profile, else weekly)")
      ->check(CLI::IsMember({"weekly", "daily"}));
  run_app->add_option("--jobs", run.jobs, "Posts processed at the same time")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  run_app->add_flag(
      "--force", run.force,
      "Process every post again, even versions already stored; restores deleted files and "
      "rows, and still writes only what differs");
  run_app
      ->add_option("--timeout", run.timeout_seconds,
                   "Seconds one HTTP request may take before it fails (default 30, or the "
                   "source's timeout_seconds); a failed request is tried 4 times in all")
      ->check(CLI::Range(1, 3600));
  run_app->add_option("--format", run.format, "Summary format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();

  SyncArguments sync;
  CLI::App* sync_app = app.add_subcommand(
      "sync", "Fetch what changed since the last sync of each source, and store it");
  sync_app->add_option("--source", sync.source, "Sync only the source with this name");
  sync_app->add_option(
      "--config", sync.config,
      "Configuration file (default: WODETL_CONFIG, else ./wodetl.toml if present)");
  sync_app->add_option("--store", sync.store, store_help)->check(CLI::IsMember({"local", "aws"}));
  sync_app->add_option("--data-dir", sync.data_dir,
                       "Data folder of the one source synced into the local store (default: the "
                       "source's data_dir, WODETL_DATA_DIR, [store] data_dir, else ./wod-data)");
  auto* full_option =
      sync_app->add_flag("--full", sync.full, "Read every post again, not only what changed");
  auto* since_option = sync_app->add_option(
      "--since", sync.since,
      "Read the posts published on or after this date (YYYY-MM-DD, midnight UTC, or an ISO 8601 "
      "time); sets the cursor only for a source that has none");
  full_option->excludes(since_option);
  auto* prune_option =
      sync_app
          ->add_flag("--prune", sync.prune,
                     "Remove the records, weekly files and state of the stored posts that the site "
                     "deleted, unpublished or moved out of the source's category or tag (a sync "
                     "without it only reports them)")
          ->excludes(since_option);
  sync_app
      ->add_flag("--prune-all", sync.prune_all,
                 "With --prune, remove the records even when every stored post of a source is "
                 "gone from its listing (without it, such a prune removes nothing and fails, "
                 "because a wrong category or tag empties the listing)")
      ->needs(prune_option);
  sync_app->add_flag("--quiet", sync.quiet,
                     "No progress and no summary (text or JSON), unless the sync fails; warnings "
                     "and errors stay, on stderr");
  std::string log_format = "text";
  sync_app
      ->add_option("--log-format", log_format,
                   "Log messages on stderr as text, or as one JSON object per line (then the "
                   "summary on stdout is JSON too)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  sync_app->add_option("--format", sync.format, "Summary format (default: as --log-format)")
      ->check(CLI::IsMember({"text", "json"}));
  sync.jobs = default_jobs();
  sync_app->add_option("--jobs", sync.jobs, "Posts processed at the same time")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  sync_app->add_flag("--force", sync.force,
                     "Process every post read again, even versions already stored");

  SourcesArguments sources;
  CLI::App* sources_app =
      app.add_subcommand("sources", "List the configured sources and their sync cursors");
  sources_app->add_option("--config", sources.config,
                          "Configuration file (default: WODETL_CONFIG, else ./wodetl.toml)");
  sources_app
      ->add_option("--store", sources.store, "Store whose sync cursors to show: " + store_choices)
      ->check(CLI::IsMember({"local", "aws"}));
  sources_app->add_option("--format", sources.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();

  StageArguments stage;
  CLI::App* stage_app = app.add_subcommand(
      "stage",
      "Run one pipeline stage: reads its JSON event on stdin, writes its JSON result on stdout");
  stage_app->add_option("name", stage.name, "Stage name, e.g. strip_post_html");
  stage_app->add_flag("--list", stage.list, "List the stages");
  stage_app->add_option("--source", stage.source, "Source for get_invictus_post, as for `run`");
  stage_app->add_option("--store", stage.store, store_help)->check(CLI::IsMember({"local", "aws"}));
  stage_app->add_option("--data-dir", stage.data_dir, "Data folder for the stages that store");

  ShowArguments show;
  CLI::App* show_app = app.add_subcommand("show", "Print stored sessions of one day or one week");
  show_app->add_option("--store", show.store, store_help)->check(CLI::IsMember({"local", "aws"}));
  show_app->add_option("--data-dir", show.data_dir,
                       "Data folder written by `wodetl run` (default: the source's data_dir, "
                       "WODETL_DATA_DIR, else ./wod-data)");
  show_app->add_option("--source", show.source,
                       "Show the data of this configured source (default: the only one)");
  show_app->add_option("--config", show.config,
                       "Configuration file (default: WODETL_CONFIG, else ./wodetl.toml)");
  auto* date_option =
      show_app->add_option("--date", show.options.date, "Show this day (YYYY-MM-DD)");
  auto* week_option = show_app->add_option("--week", show.options.week,
                                           "Show the Monday-Sunday week of this day (YYYY-MM-DD)");
  date_option->excludes(week_option);
  auto* maxes_option =
      show_app->add_option("--maxes", show.maxes_file,
                           "TOML file of personal maxes; prints the weight of each prescribed set "
                           "(docs/prescriptions.md describes the file)");
  show_app->add_option("--format", show.options.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  show_app->callback([&] {
    if (show.options.date.empty() && show.options.week.empty()) {
      throw CLI::RequiredError("--date or --week");
    }
    // An unset variable in a script ("--maxes $MAXES") would otherwise print sets without loads.
    if (maxes_option->count() > 0 && show.maxes_file.empty()) {
      throw CLI::ValidationError("--maxes", "needs the path of a TOML file of maxes, not \"\"");
    }
  });

  InitArguments init;
  CLI::App* init_app = app.add_subcommand(
      "init",
      "Create the stores when they do not exist: with --store aws the S3 bucket and the "
      "DynamoDB tables, else the data folder");
  init_app->add_option("--store", init.store, store_help)->check(CLI::IsMember({"local", "aws"}));
  init_app->add_option(
      "--config", init.config,
      "Configuration file (default: WODETL_CONFIG, else ./wodetl.toml if present)");
  init_app->add_option("--data-dir", init.data_dir, "Data folder of the local store");

  std::vector<std::string> explain_texts;
  CLI::App* explain_app = app.add_subcommand(
      "explain", "Parse prescription lines and print what each one prescribes, as JSON");
  explain_app->add_option(
      "text", explain_texts,
      "Lines to parse (each argument may hold several lines); standard input when none");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (const std::optional<std::string> unknown = unknown_command_message(app, argc, argv)) {
      std::cerr << *unknown << "\n";
      return kExitUnusable;
    }
    const int code = app.exit(error);
    return code == 0 ? 0 : kExitUnusable;
  }

  const bool level_given = app.get_option("--log-level")->count() > 0 || verbose;
  const std::string level = verbose && log_level == "error" ? "info" : log_level;
  configure_logging(level);
  try {
    if (sync_app->parsed()) {
      sync.log_format = *parse_log_format(log_format);
      if (level_given) {
        sync.log_level = level;
      }
      return run_sync_command(sync);
    }
    if (sources_app->parsed()) {
      return run_sources_command(sources);
    }
    if (run_app->parsed()) {
      return run_command(run);
    }
    if (stage_app->parsed()) {
      return stage_command(stage);
    }
    if (explain_app->parsed()) {
      return run_explain(ExplainOptions{explain_texts, ::isatty(STDIN_FILENO) == 1}, std::cin,
                         std::cout, std::cerr);
    }
    if (init_app->parsed()) {
      return init_command(init);
    }
    return show_command(show);
  } catch (const std::exception& exception) {
    std::cerr << mask_secrets(std::string("error: ") + exception.what()) << "\n";
    return kExitUnusable;
  }
}
