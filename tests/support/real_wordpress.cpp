#include "support/real_wordpress.hpp"

#include <signal.h>

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <stdexcept>

#include "support/command.hpp"

namespace wodetl::testing {
namespace {

constexpr const char* kEnvFileVariable = "WODETL_REAL_WORDPRESS_ENV";
constexpr const char* kRequireVariable = "WODETL_REQUIRE_REAL_WORDPRESS";

//! Reads KEY=VALUE lines; the value is everything after the first '=', unquoted.
std::map<std::string, std::string> read_env_file(const std::filesystem::path& path) {
  std::ifstream stream(path);
  if (!stream) {
    throw std::runtime_error("cannot read " + path.string());
  }
  std::map<std::string, std::string> values;
  std::string line;
  while (std::getline(stream, line)) {
    const std::size_t equals = line.find('=');
    if (equals != std::string::npos) {
      values[line.substr(0, equals)] = line.substr(equals + 1);
    }
  }
  return values;
}

std::string required(const std::map<std::string, std::string>& values, const std::string& key,
                     const std::filesystem::path& path) {
  const auto found = values.find(key);
  if (found == values.end() || found->second.empty()) {
    throw std::runtime_error(
        path.string() + " is missing " + key +
        "; restart the site with tests/support/wordpress/stop.sh and start.sh");
  }
  return found->second;
}

//! Returns the first PID of a space-separated list, or -1.
pid_t first_pid(const std::string& pids) {
  pid_t pid = -1;
  const std::string first = pids.substr(0, pids.find(' '));
  const auto [end, error] = std::from_chars(first.data(), first.data() + first.size(), pid);
  return error == std::errc() && end == first.data() + first.size() ? pid : -1;
}

std::string random_suffix() {
  static thread_local std::mt19937_64 generator{std::random_device{}()};
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string suffix;
  for (int i = 0; i < 8; ++i) {
    suffix += kDigits[generator() % 16];
  }
  return suffix;
}

std::string excerpt(const std::string& text) {
  constexpr std::size_t kMax = 400;
  return text.size() <= kMax ? text : text.substr(0, kMax) + "…";
}

Json post_fields(const NewPost& post) {
  Json fields = {{"title", post.title},
                 {"content", post.content},
                 {"status", post.status},
                 {"categories", post.categories},
                 {"tags", post.tags}};
  if (!post.date_gmt.empty()) {
    fields["date_gmt"] = post.date_gmt;
  }
  if (!post.slug.empty()) {
    fields["slug"] = post.slug;
  }
  return fields;
}

//! Reads a post object of the REST API (or of seed.php, which uses the same names).
SeededPost seeded_post(const Json& post) {
  SeededPost seeded;
  seeded.id = post.at("id").get<std::int64_t>();
  seeded.slug = post.value("slug", "");
  seeded.link = post.value("link", "");
  seeded.status = post.value("status", "");
  seeded.date_gmt = post.value("date_gmt", "");
  seeded.modified_gmt = post.value("modified_gmt", "");
  return seeded;
}

}  // namespace

std::string RestResponse::header(const std::string& name) const {
  const auto found = headers.find(name);
  return found == headers.end() ? std::string() : found->second;
}

Json RestResponse::json() const {
  Json parsed = Json::parse(body, nullptr, false);
  if (parsed.is_discarded()) {
    throw std::runtime_error("WordPress returned a body that is not JSON (HTTP " +
                             std::to_string(status) + "): " + excerpt(body));
  }
  return parsed;
}

std::filesystem::path RealWordPress::env_file_path() {
  if (const char* path = std::getenv(kEnvFileVariable); path != nullptr && *path != '\0') {
    return path;
  }
  return WODETL_REAL_WORDPRESS_ENV_FILE;
}

std::optional<RealWordPress> RealWordPress::open(std::string& unavailable_reason) {
  const std::filesystem::path path = env_file_path();
  if (!std::filesystem::exists(path)) {
    unavailable_reason = "no real WordPress runs: " + path.string() +
                         " does not exist. CTest starts the site for RealWordPress* tests; by "
                         "hand, run tests/support/wordpress/start.sh " +
                         path.string();
    return std::nullopt;
  }
  const std::map<std::string, std::string> values = read_env_file(path);
  const pid_t server = first_pid(required(values, "WORDPRESS_PHP_PIDS", path));
  if (server <= 0 || ::kill(server, 0) != 0) {
    unavailable_reason = "the real WordPress that " + path.string() +
                         " describes has stopped; run tests/support/wordpress/stop.sh and "
                         "start.sh again";
    return std::nullopt;
  }

  RealWordPress site;
  site.url_ = required(values, "WORDPRESS_URL", path);
  site.user_ = required(values, "WORDPRESS_USER", path);
  site.application_password_ = required(values, "WORDPRESS_APPLICATION_PASSWORD", path);
  site.php_prepend_ = required(values, "WORDPRESS_PHP_PREPEND", path);
  site.tools_dir_ = required(values, "WORDPRESS_TOOLS_DIR", path);

  // The URL is "http://127.0.0.1:PORT", as start.sh writes it.
  const std::string authority = site.url_.substr(site.url_.find("://") + 3);
  const std::size_t colon = authority.rfind(':');
  site.host_ = authority.substr(0, colon);
  const std::string port = authority.substr(colon + 1);
  const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), site.port_);
  if (colon == std::string::npos || error != std::errc() || end != port.data() + port.size()) {
    throw std::runtime_error(path.string() +
                             ": WORDPRESS_URL is not http://HOST:PORT: " + site.url_);
  }
  return site;
}

std::string RealWordPress::posts_url() const {
  return url_ + "/wp-json/wp/v2/posts";
}

RealWordPress RealWordPress::with_password(std::string password) const {
  RealWordPress copy = *this;
  copy.application_password_ = std::move(password);
  return copy;
}

RestResponse RealWordPress::rest(const std::string& method, const std::string& route,
                                 const Json& body, bool authenticate) const {
  httplib::Client client(host_, port_);
  client.set_connection_timeout(10);
  client.set_read_timeout(120);
  if (authenticate) {
    client.set_basic_auth(user_, application_password_);
  }

  const std::string path = "/wp-json" + route;
  const std::string payload = body.is_null() ? std::string() : body.dump();
  const auto send = [&]() -> httplib::Result {
    if (method == "GET") {
      return client.Get(path);
    }
    if (method == "POST") {
      return client.Post(path, payload, "application/json");
    }
    if (method == "DELETE") {
      return client.Delete(path);
    }
    throw std::invalid_argument("RealWordPress::rest supports GET, POST and DELETE, not " + method);
  };
  const httplib::Result result = send();
  if (!result) {
    throw std::runtime_error(method + " " + url_ + path +
                             " failed: " + httplib::to_string(result.error()));
  }
  return RestResponse{.status = result->status, .headers = result->headers, .body = result->body};
}

Json RealWordPress::rest_expect(const std::string& method, const std::string& route,
                                const Json& body, int expected_status) const {
  const RestResponse response = rest(method, route, body);
  if (response.status != expected_status) {
    throw std::runtime_error(method + " " + url_ + "/wp-json" + route + " returned HTTP " +
                             std::to_string(response.status) + ", expected " +
                             std::to_string(expected_status) + ": " + excerpt(response.body));
  }
  return response.json();
}

WordPressTerm RealWordPress::create_term(const std::string& taxonomy_route,
                                         const std::string& name) {
  const Json term =
      rest_expect("POST", taxonomy_route, {{"name", name + " " + random_suffix()}}, 201);
  return WordPressTerm{.id = term.at("id").get<std::int64_t>(),
                       .name = term.at("name").get<std::string>(),
                       .slug = term.at("slug").get<std::string>()};
}

WordPressTerm RealWordPress::create_category(const std::string& name) {
  return create_term("/wp/v2/categories", name);
}

WordPressTerm RealWordPress::create_tag(const std::string& name) {
  return create_term("/wp/v2/tags", name);
}

SeededPost RealWordPress::create_post(const NewPost& post) {
  if (!post.modified_gmt.empty()) {
    throw std::invalid_argument(
        "create_post cannot set modified_gmt, which the REST API ignores; use insert_posts");
  }
  return seeded_post(rest_expect("POST", "/wp/v2/posts", post_fields(post), 201));
}

SeededPost RealWordPress::update_post(std::int64_t id, const PostChange& change) {
  Json fields = Json::object();
  if (change.title) {
    fields["title"] = *change.title;
  }
  if (change.content) {
    fields["content"] = *change.content;
  }
  if (change.status) {
    fields["status"] = *change.status;
  }
  if (change.categories) {
    fields["categories"] = *change.categories;
  }
  return seeded_post(rest_expect("POST", "/wp/v2/posts/" + std::to_string(id), fields, 200));
}

void RealWordPress::delete_post(std::int64_t id, bool force) {
  (void)rest_expect("DELETE", "/wp/v2/posts/" + std::to_string(id) + (force ? "?force=true" : ""),
                    nullptr, 200);
}

std::vector<Json> RealWordPress::list_posts(std::int64_t category, const std::string& status) {
  std::vector<Json> posts;
  for (int page = 1;; ++page) {
    const std::string route =
        "/wp/v2/posts?context=edit&per_page=100&categories=" + std::to_string(category) +
        "&status=" + status + "&page=" + std::to_string(page);
    const RestResponse response = rest("GET", route);
    if (response.status == 400 &&
        response.body.find("rest_post_invalid_page_number") != std::string::npos) {
      return posts;
    }
    if (response.status != 200) {
      throw std::runtime_error("GET " + url_ + "/wp-json" + route + " returned HTTP " +
                               std::to_string(response.status) + ": " + excerpt(response.body));
    }
    const Json batch = response.json();
    posts.insert(posts.end(), batch.begin(), batch.end());
    const std::string total_pages = response.header("X-WP-TotalPages");
    if (batch.size() < 100 || total_pages.empty() || std::to_string(page) == total_pages) {
      return posts;
    }
  }
}

std::vector<SeededPost> RealWordPress::run_seed_script(const std::string& command,
                                                       const Json& input) const {
  const CommandResult result = run_program("php",
                                           {"-d", "auto_prepend_file=" + php_prepend_,
                                            (tools_dir_ / "seed.php").string(), command, user_},
                                           input.dump());
  if (result.exit_code != 0) {
    throw std::runtime_error("seed.php " + command + " failed with exit code " +
                             std::to_string(result.exit_code) + ": " + excerpt(result.errors) +
                             excerpt(result.output));
  }
  const Json output = Json::parse(result.output, nullptr, false);
  if (output.is_discarded() || !output.contains("posts")) {
    throw std::runtime_error("seed.php " + command + " printed no posts: " +
                             excerpt(result.output) + excerpt(result.errors));
  }
  std::vector<SeededPost> posts;
  for (const Json& post : output.at("posts")) {
    posts.push_back(seeded_post(post));
  }
  return posts;
}

std::vector<SeededPost> RealWordPress::insert_posts(const std::vector<NewPost>& posts) {
  Json input = {{"posts", Json::array()}};
  for (const NewPost& post : posts) {
    Json fields = post_fields(post);
    if (!post.modified_gmt.empty()) {
      fields["modified_gmt"] = post.modified_gmt;
    }
    input["posts"].push_back(std::move(fields));
  }
  return run_seed_script("insert", input);
}

std::vector<SeededPost> RealWordPress::set_modified(
    const std::vector<std::pair<std::int64_t, std::string>>& changes) {
  Json input = {{"posts", Json::array()}};
  for (const auto& [id, modified_gmt] : changes) {
    input["posts"].push_back({{"id", id}, {"modified_gmt", modified_gmt}});
  }
  return run_seed_script("set-modified", input);
}

void RealWordPressTest::SetUp() {
  std::string reason;
  wordpress_ = RealWordPress::open(reason);
  if (wordpress_) {
    return;
  }
  if (const char* required = std::getenv(kRequireVariable);
      required != nullptr && std::string(required) == "1") {
    FAIL() << reason << " (" << kRequireVariable << "=1 requires it)";
  }
  GTEST_SKIP() << reason;
}

}  // namespace wodetl::testing
