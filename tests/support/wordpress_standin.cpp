#include "support/wordpress_standin.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <utility>

#include "core/utc_time.hpp"

namespace wodetl::testing {
namespace {

const char* const kJsonType = "application/json; charset=UTF-8";
//! rest_route of one post, followed by its id.
const char* const kPostRoutePrefix = "/wp/v2/posts/";

std::string base64(const std::string& input) {
  static const char* const kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string output;
  std::size_t i = 0;
  for (; i + 2 < input.size(); i += 3) {
    unsigned value = (static_cast<unsigned char>(input[i]) << 16) |
                     (static_cast<unsigned char>(input[i + 1]) << 8) |
                     static_cast<unsigned char>(input[i + 2]);
    output += kAlphabet[(value >> 18) & 63];
    output += kAlphabet[(value >> 12) & 63];
    output += kAlphabet[(value >> 6) & 63];
    output += kAlphabet[value & 63];
  }
  if (i + 1 == input.size()) {
    unsigned value = static_cast<unsigned char>(input[i]) << 16;
    output += kAlphabet[(value >> 18) & 63];
    output += kAlphabet[(value >> 12) & 63];
    output += "==";
  } else if (i + 2 == input.size()) {
    unsigned value = (static_cast<unsigned char>(input[i]) << 16) |
                     (static_cast<unsigned char>(input[i + 1]) << 8);
    output += kAlphabet[(value >> 18) & 63];
    output += kAlphabet[(value >> 12) & 63];
    output += kAlphabet[(value >> 6) & 63];
    output += '=';
  }
  return output;
}

Json wordpress_error(const std::string& code, const std::string& message, int status) {
  return Json{{"code", code}, {"message", message}, {"data", {{"status", status}}}};
}

void send_json(httplib::Response& response, int status, const Json& body) {
  response.status = status;
  response.set_content(body.dump(), kJsonType);
}

void send_invalid_param(httplib::Response& response, const std::string& name,
                        const std::string& reason) {
  Json body = wordpress_error("rest_invalid_param", "Invalid parameter(s): " + name, 400);
  body["data"]["params"] = {{name, reason}};
  send_json(response, 400, body);
}

//! Parses a whole decimal integer; nothing for any other text.
std::optional<long long> parse_integer(const std::string& text) {
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  return value;
}

//! Offset of the stand-in site's time zone from UTC.
constexpr std::chrono::hours kSiteUtcOffset{-5};

//! Parses a date parameter as WordPress does: RFC 3339, and without an offset in the site's
//! time zone. Returns nothing for an invalid value.
std::optional<UtcSeconds> parse_date_parameter(const std::string& value) {
  if (value.size() < 19 || value[10] != 'T') {
    return std::nullopt;
  }
  std::optional<UtcSeconds> time = parse_utc_timestamp(value);
  if (!time) {
    return std::nullopt;
  }
  const std::string rest = value.substr(19);
  const bool has_offset = rest.find_first_of("Zz+-") != std::string::npos;
  return has_offset ? *time : *time - kSiteUtcOffset;
}

//! Sets `date` and `modified` from `date_gmt` and `modified_gmt` in the site's time zone.
void set_local_times(Json& post) {
  for (const auto& [local, gmt] : {std::pair{"date", "date_gmt"}, {"modified", "modified_gmt"}}) {
    if (!post.contains(gmt) || !post[gmt].is_string()) {
      continue;
    }
    if (std::optional<UtcSeconds> time = parse_utc_timestamp(post[gmt].get<std::string>())) {
      post[local] = format_wordpress_gmt(*time + kSiteUtcOffset);
    }
  }
}

std::string text_field(const Json& post, const char* key) {
  return post.contains(key) && post[key].is_string() ? post[key].get<std::string>() : std::string();
}

//! Parses a comma list of integer ids; nothing when an item is not an integer.
std::optional<std::vector<std::int64_t>> parse_id_list(const std::string& list) {
  std::vector<std::int64_t> ids;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(',', start);
    std::optional<long long> id = parse_integer(list.substr(start, end - start));
    if (!id) {
      return std::nullopt;
    }
    ids.push_back(*id);
    start = end == std::string::npos ? list.size() + 1 : end + 1;
  }
  return ids;
}

bool intersects(const std::vector<std::int64_t>& wanted, const std::vector<std::int64_t>& own) {
  return std::any_of(wanted.begin(), wanted.end(), [&own](std::int64_t id) {
    return std::find(own.begin(), own.end(), id) != own.end();
  });
}

//! Returns the date `days` after 2023-01-02 as "YYYY-MM-DD".
std::string date_after_start(int days) {
  using namespace std::chrono;
  year_month_day date{sys_days{year{2023} / January / 2} + std::chrono::days{days}};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

//! Returns the post with only the top-level members that `fields` names, or the whole post when
//! `fields` is empty. `fields` is the _fields parameter, a comma list such as "id,modified_gmt".
Json with_fields(const Json& post, const std::string& fields) {
  if (fields.empty()) {
    return post;
  }
  Json selected = Json::object();
  std::size_t start = 0;
  while (start <= fields.size()) {
    const std::size_t end = std::min(fields.find(',', start), fields.size());
    const std::string field = fields.substr(start, end - start);
    const std::string top = field.substr(0, field.find('.'));
    if (post.contains(top)) {
      selected[top] = post[top];
    }
    start = end + 1;
  }
  return selected;
}

}  // namespace

std::string login_page_html() {
  return "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n<title>Log In &lsaquo; Stand-in Blog "
         "&#8212; WordPress</title>\n</head>\n<body class=\"login\">\n<div id=\"login\">"
         "<form name=\"loginform\" id=\"loginform\" action=\"http://127.0.0.1/wp-login.php\" "
         "method=\"post\"><input type=\"text\" name=\"log\" id=\"user_login\">"
         "<input type=\"password\" name=\"pwd\"></form></div></body></html>";
}

std::string blocked_page_html() {
  return "<!DOCTYPE html>\n<html><head><title>Access Denied</title></head>\n<body>\n"
         "<h1>Your access to this site has been limited by the site owner</h1>\n"
         "<p>Your access to this service has been limited. (HTTP response code 403)</p>\n"
         "<p>Generated by the stand-in firewall</p></body></html>";
}

std::string RecordedRequest::param(const std::string& key) const {
  auto entry = params.find(key);
  return entry == params.end() ? std::string() : entry->second;
}

std::string RecordedRequest::header(const std::string& name) const {
  auto entry = headers.find(name);
  return entry == headers.end() ? std::string() : entry->second;
}

Json workout_post(std::int64_t id, int number) {
  const std::string day = date_after_start(7 * (number - 1));
  const std::string slug = "weightlifting-program-" + std::to_string(number);
  const std::string link = "https://wodetl.test/" + slug + "/";
  const int percent = 70 + number % 4 * 5;
  const std::string content =
      "<p><strong>Monday</strong></p>\n"
      "<p>A. Snatch &#8211; 5 x 2 @ " +
      std::to_string(percent) +
      "%</p>\n"
      "<p>B. Back Squat &#8211; 4 x " +
      std::to_string(3 + number % 3) +
      "</p>\n"
      "<p><strong>Wednesday</strong></p>\n"
      "<p>A. Clean &amp; Jerk &#8211; EMOM 8 x 1</p>\n"
      "<p>B. <a href=\"https://wodetl.test/pulls/\">Clean Pull</a> &#8211; 3 x 4</p>\n";
  return Json{
      {"id", id},
      {"date", day + "T17:00:00"},
      {"date_gmt", day + "T22:00:00"},
      {"guid", {{"rendered", "https://wodetl.test/?p=" + std::to_string(id)}}},
      {"modified", day + "T17:05:00"},
      {"modified_gmt", day + "T22:05:00"},
      {"slug", slug},
      {"status", "publish"},
      {"type", "post"},
      {"link", link},
      {"title", {{"rendered", "Weightlifting Program &#8211; Week " + std::to_string(number)}}},
      {"content", {{"rendered", content}, {"protected", false}}},
      {"excerpt", {{"rendered", "<p>Monday A. Snatch</p>\n"}, {"protected", false}}},
      {"author", 3},
      {"categories", Json::array({213})},
      {"tags", Json::array()},
  };
}

WordPressStandin::WordPressStandin() {
  server_ = std::make_unique<LocalHttpServer>([this](httplib::Server& server) {
    server.Get("/wp-json/wp/v2/posts",
               [this](const httplib::Request& request, httplib::Response& response) {
                 serve_posts(request, response);
               });
    server.Get(R"(/wp-json/wp/v2/posts/(\d+))",
               [this](const httplib::Request& request, httplib::Response& response) {
                 serve_post(request.matches[1].str(), request, response);
               });
    server.Get("/wp-json/wp/v2/categories",
               [this](const httplib::Request& request, httplib::Response& response) {
                 serve_terms("category", request, response);
               });
    server.Get("/wp-json/wp/v2/tags",
               [this](const httplib::Request& request, httplib::Response& response) {
                 serve_terms("post_tag", request, response);
               });
    server.Get(R"(/wp-json/wp/v2/categories/(\d+))",
               [this](const httplib::Request& request, httplib::Response& response) {
                 serve_term("category", request.matches[1].str(), request, response);
               });
    server.Get(R"(/wp-json/wp/v2/tags/(\d+))",
               [this](const httplib::Request& request, httplib::Response& response) {
                 serve_term("post_tag", request.matches[1].str(), request, response);
               });
    server.Get("/wp-json/wp/v2/users/me",
               [this](const httplib::Request& request, httplib::Response& response) {
                 serve_current_user(request, response);
               });
    server.Get("/", [this](const httplib::Request& request, httplib::Response& response) {
      const std::string route = request.get_param_value("rest_route");
      if (route == "/wp/v2/posts") {
        serve_posts(request, response);
      } else if (route.starts_with(kPostRoutePrefix) &&
                 parse_integer(route.substr(std::string_view(kPostRoutePrefix).size()))) {
        serve_post(route.substr(std::string_view(kPostRoutePrefix).size()), request, response);
      } else if (route == "/wp/v2/categories") {
        serve_terms("category", request, response);
      } else if (route == "/wp/v2/tags") {
        serve_terms("post_tag", request, response);
      } else if (route.starts_with("/wp/v2/categories/")) {
        serve_term("category", route.substr(std::string_view("/wp/v2/categories/").size()), request,
                   response);
      } else if (route.starts_with("/wp/v2/tags/")) {
        serve_term("post_tag", route.substr(std::string_view("/wp/v2/tags/").size()), request,
                   response);
      } else if (route == "/wp/v2/users/me") {
        serve_current_user(request, response);
      } else if (request.has_param("rest_route")) {
        send_json(response, 404,
                  wordpress_error("rest_no_route",
                                  "No route was found matching the URL and request method.", 404));
      } else {
        response.set_content("<!DOCTYPE html><html><body><h1>Stand-in blog</h1></body></html>",
                             "text/html");
      }
    });
  });
}

WordPressStandin::~WordPressStandin() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_signal_.notify_all();
}

std::string WordPressStandin::root_url() const {
  return server_->url();
}
std::string WordPressStandin::posts_url() const {
  return server_->url("/wp-json/wp/v2/posts");
}
std::string WordPressStandin::rest_route_url() const {
  return server_->url("/?rest_route=/wp/v2/posts");
}

void WordPressStandin::add_post(Json post, std::vector<std::int64_t> categories,
                                std::vector<std::int64_t> tags) {
  set_local_times(post);
  std::lock_guard lock(mutex_);
  posts_.push_back(StoredPost{std::move(post), std::move(categories), std::move(tags)});
}

void WordPressStandin::add_workout_posts(int count, std::int64_t category, std::int64_t first_id) {
  for (int i = 0; i < count; ++i) {
    Json post = workout_post(first_id + i, i + 1);
    post["categories"] = Json::array({category});
    add_post(std::move(post), {category});
  }
}

bool WordPressStandin::edit_post(std::int64_t id, const std::function<void(Json&)>& edit) {
  std::lock_guard lock(mutex_);
  for (StoredPost& stored : posts_) {
    if (stored.post.value("id", std::int64_t{0}) == id) {
      edit(stored.post);
      set_local_times(stored.post);
      for (auto [key, ids] :
           {std::pair{"categories", &stored.categories}, {"tags", &stored.tags}}) {
        if (stored.post.contains(key) && stored.post[key].is_array()) {
          *ids = stored.post[key].get<std::vector<std::int64_t>>();
        }
      }
      return true;
    }
  }
  return false;
}

bool WordPressStandin::remove_post(std::int64_t id) {
  std::lock_guard lock(mutex_);
  const auto removed = std::remove_if(posts_.begin(), posts_.end(), [id](const StoredPost& stored) {
    return stored.post.value("id", std::int64_t{0}) == id;
  });
  const bool found = removed != posts_.end();
  posts_.erase(removed, posts_.end());
  return found;
}

void WordPressStandin::add_term(const std::string& taxonomy, std::int64_t id,
                                const std::string& slug, const std::string& name) {
  std::lock_guard lock(mutex_);
  terms_.push_back(StoredTerm{taxonomy == "tag" ? "post_tag" : taxonomy, id, slug, name});
}

void WordPressStandin::delete_term(const std::string& taxonomy, std::int64_t id) {
  std::lock_guard lock(mutex_);
  deleted_terms_.emplace(taxonomy == "tag" ? "post_tag" : taxonomy, id);
}

std::vector<RecordedRequest> WordPressStandin::term_requests() const {
  std::lock_guard lock(mutex_);
  return term_requests_;
}

void WordPressStandin::require_basic_auth(std::string user, std::string password,
                                          bool public_posts) {
  std::lock_guard lock(mutex_);
  public_posts_ = public_posts;
  expected_user_ = user;
  expected_authorization_ = "Basic " + base64(user + ":" + password);
}

void WordPressStandin::hide_users_route() {
  std::lock_guard lock(mutex_);
  users_hidden_ = true;
}

void WordPressStandin::add_fault(Fault fault) {
  std::lock_guard lock(mutex_);
  faults_.push_back(std::move(fault));
}

void WordPressStandin::set_response_delay(std::chrono::milliseconds delay) {
  std::lock_guard lock(mutex_);
  delay_ = delay;
}

void WordPressStandin::set_reported_total_pages(int pages) {
  std::lock_guard lock(mutex_);
  reported_total_pages_ = pages;
}

void WordPressStandin::ignore_date_filters() {
  std::lock_guard lock(mutex_);
  ignore_date_filters_ = true;
}

void WordPressStandin::drop_next_connections(int count) {
  server_->drop_next_connections(count);
}

int WordPressStandin::dropped_connections() const {
  return server_->dropped_connections();
}

std::vector<RecordedRequest> WordPressStandin::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

std::vector<RecordedRequest> WordPressStandin::posts_requests() const {
  std::vector<RecordedRequest> posts;
  for (RecordedRequest& request : requests()) {
    if (request.path == "/wp-json/wp/v2/posts" || request.param("rest_route") == "/wp/v2/posts") {
      posts.push_back(std::move(request));
    }
  }
  return posts;
}

bool WordPressStandin::wait_for_delay() {
  std::unique_lock lock(mutex_);
  if (delay_.count() > 0) {
    stop_signal_.wait_for(lock, delay_, [this] { return stopping_; });
  }
  return !stopping_;
}

bool WordPressStandin::serve_fault(httplib::Response& response) {
  if (faults_.empty()) {
    return false;
  }
  Fault& fault = faults_.front();
  response.status = fault.status;
  if (!fault.retry_after.empty()) {
    response.set_header("Retry-After", fault.retry_after);
  }
  const std::string body = fault.body;
  switch (fault.kind) {
    case FaultKind::kResponse:
      response.set_content(body, fault.content_type.c_str());
      break;
    case FaultKind::kCutBody:
      response.set_content_provider(
          body.size(), fault.content_type,
          [body](std::size_t offset, std::size_t, httplib::DataSink& sink) {
            if (offset == 0) {
              sink.write(body.data(), body.size() / 2);
            }
            return false;  // httplib then closes the connection short of Content-Length
          });
      break;
    case FaultKind::kCutCloseDelimited:
      response.set_content_provider(fault.content_type,
                                    [body](std::size_t, httplib::DataSink& sink) {
                                      sink.write(body.data(), body.size() / 2);
                                      sink.done();
                                      return true;
                                    });
      break;
  }
  if (fault.times > 0 && --fault.times == 0) {
    faults_.pop_front();
  }
  return true;
}

bool WordPressStandin::check_authorization(const httplib::Request& request,
                                           httplib::Response& response) {
  if (!expected_authorization_) {
    return true;
  }
  const std::string given = request.get_header_value("Authorization");
  if (given == *expected_authorization_) {
    return true;
  }
  if (given.empty()) {
    send_json(response, 401,
              wordpress_error("rest_not_logged_in", "You are not currently logged in.", 401));
  } else if (given.starts_with(
                 "Basic " +
                 base64(*expected_user_ + ":").substr(0, expected_user_->size() / 3 * 4))) {
    // Base64 turns each 3 bytes into 4 characters, so these characters encode the user alone.
    send_json(response, 401,
              wordpress_error("incorrect_password",
                              "The provided password is an invalid application password.", 401));
  } else {
    send_json(response, 401,
              wordpress_error("invalid_username",
                              "Unknown username. Check again or try your "
                              "email address.",
                              401));
  }
  return false;
}

void WordPressStandin::serve_current_user(const httplib::Request& request,
                                          httplib::Response& response) {
  std::lock_guard lock(mutex_);
  requests_.push_back(RecordedRequest{request.path, request.params, request.headers});
  if (users_hidden_) {
    send_json(response, 404,
              wordpress_error("rest_no_route",
                              "No route was found matching the URL and request method.", 404));
    return;
  }
  if (!check_authorization(request, response)) {
    return;
  }
  if (request.get_header_value("Authorization").empty()) {
    send_json(response, 401,
              wordpress_error("rest_not_logged_in", "You are not currently logged in.", 401));
    return;
  }
  send_json(response, 200, Json{{"id", 1}, {"name", expected_user_.value_or("coach")}});
}

void WordPressStandin::serve_post(const std::string& id_text, const httplib::Request& request,
                                  httplib::Response& response) {
  std::lock_guard lock(mutex_);
  requests_.push_back(RecordedRequest{request.path, request.params, request.headers});
  if (serve_fault(response) || (!public_posts_ && !check_authorization(request, response))) {
    return;
  }
  const std::optional<long long> id = parse_integer(id_text);
  const auto found = std::find_if(posts_.begin(), posts_.end(), [&id](const StoredPost& stored) {
    return id && stored.post.value("id", std::int64_t{0}) == *id;
  });
  if (found == posts_.end()) {
    send_json(response, 404, wordpress_error("rest_post_invalid_id", "Invalid post ID.", 404));
    return;
  }
  // WP_REST_Posts_Controller::get_item_permissions_check: only published posts are public.
  const bool authorized = expected_authorization_ &&
                          request.get_header_value("Authorization") == *expected_authorization_;
  if (text_field(found->post, "status") != "publish" && !authorized) {
    send_json(response, 401,
              wordpress_error("rest_forbidden", "Sorry, you are not allowed to do that.", 401));
    return;
  }
  send_json(response, 200, with_fields(found->post, request.get_param_value("_fields")));
}

void WordPressStandin::serve_terms(const std::string& taxonomy, const httplib::Request& request,
                                   httplib::Response& response) {
  std::lock_guard lock(mutex_);
  requests_.push_back(RecordedRequest{request.path, request.params, request.headers});
  if (!check_authorization(request, response)) {
    return;
  }
  const std::string slug = request.get_param_value("slug");
  Json body = Json::array();
  for (const StoredTerm& term : terms_) {
    if (term.taxonomy != taxonomy || (!slug.empty() && term.slug != slug)) {
      continue;
    }
    body.push_back(Json{
        {"id", term.id},
        {"count", 0},
        {"description", ""},
        {"link", "https://wodetl.test/" +
                     std::string(taxonomy == "category" ? "category/" : "tag/") + term.slug + "/"},
        {"name", term.name},
        {"slug", term.slug},
        {"taxonomy", taxonomy},
        {"meta", Json::array()}});
  }
  response.set_header("X-WP-Total", std::to_string(body.size()));
  response.set_header("X-WP-TotalPages", "1");
  send_json(response, 200, body);
}

void WordPressStandin::serve_term(const std::string& taxonomy, const std::string& id_text,
                                  const httplib::Request& request, httplib::Response& response) {
  std::lock_guard lock(mutex_);
  term_requests_.push_back(RecordedRequest{request.path, request.params, request.headers});
  if (!check_authorization(request, response)) {
    return;
  }
  const std::optional<long long> id = parse_integer(id_text);
  if (!id || deleted_terms_.contains({taxonomy, *id})) {
    send_json(response, 404, wordpress_error("rest_term_invalid", "Term does not exist.", 404));
    return;
  }
  Json term{{"id", *id}, {"slug", "term-" + id_text}, {"name", "Term " + id_text}};
  for (const StoredTerm& stored : terms_) {
    if (stored.taxonomy == taxonomy && stored.id == *id) {
      term = Json{{"id", stored.id}, {"slug", stored.slug}, {"name", stored.name}};
    }
  }
  send_json(response, 200, with_fields(term, request.get_param_value("_fields")));
}

void WordPressStandin::serve_posts(const httplib::Request& request, httplib::Response& response) {
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(RecordedRequest{request.path, request.params, request.headers});
  }
  if (!wait_for_delay()) {
    response.status = 503;
    return;
  }

  std::lock_guard lock(mutex_);
  if (serve_fault(response) || (!public_posts_ && !check_authorization(request, response))) {
    return;
  }

  long long per_page = 10;
  long long page = 1;
  long long offset = 0;
  const std::pair<const char*, long long*> numbers[] = {
      {"per_page", &per_page}, {"page", &page}, {"offset", &offset}};
  for (const auto& [name, target] : numbers) {
    if (!request.has_param(name)) {
      continue;
    }
    std::optional<long long> value = parse_integer(request.get_param_value(name));
    const long long minimum = std::string(name) == "offset" ? 0 : 1;
    if (!value || *value < minimum || (std::string(name) == "per_page" && *value > 100)) {
      send_invalid_param(
          response, name,
          std::string(name) == "per_page"
              ? "per_page must be between 1 (inclusive) and 100 (inclusive)"
              : std::string(name) + " must be greater than or equal to " + std::to_string(minimum));
      return;
    }
    *target = *value;
  }

  std::optional<std::vector<std::int64_t>> categories;
  std::optional<std::vector<std::int64_t>> tags;
  std::optional<std::vector<std::int64_t>> include;
  const std::pair<const char*, std::optional<std::vector<std::int64_t>>*> lists[] = {
      {"categories", &categories}, {"tags", &tags}, {"include", &include}};
  for (const auto& [name, target] : lists) {
    if (!request.has_param(name)) {
      continue;
    }
    *target = parse_id_list(request.get_param_value(name));
    if (!*target) {
      send_invalid_param(response, name, std::string(name) + "[0] is not of type integer.");
      return;
    }
  }

  // Date filters, each an exclusive bound on one field, as WP_Date_Query builds them.
  struct DateFilter {
    const char* field;
    bool after;
    UtcSeconds bound;
  };
  std::vector<DateFilter> date_filters;
  const std::tuple<const char*, const char*, bool> date_parameters[] = {
      {"after", "date_gmt", true},
      {"before", "date_gmt", false},
      {"modified_after", "modified_gmt", true},
      {"modified_before", "modified_gmt", false}};
  for (const auto& [name, field, after] : date_parameters) {
    if (!request.has_param(name)) {
      continue;
    }
    std::optional<UtcSeconds> bound = parse_date_parameter(request.get_param_value(name));
    if (!bound) {
      send_invalid_param(response, name, "Invalid date.");
      return;
    }
    if (!ignore_date_filters_) {
      date_filters.push_back(DateFilter{field, after, *bound});
    }
  }

  const std::string orderby =
      request.has_param("orderby") ? request.get_param_value("orderby") : "date";
  const std::string order = request.has_param("order") ? request.get_param_value("order") : "desc";
  if (orderby != "date" && orderby != "modified" && orderby != "id") {
    send_invalid_param(response, "orderby",
                       "orderby is not one of author, date, id, include, modified, parent, "
                       "relevance, slug, include_slugs, title.");
    return;
  }
  if (order != "asc" && order != "desc") {
    send_invalid_param(response, "order", "order is not one of asc, desc.");
    return;
  }

  std::vector<const Json*> matching;
  for (const StoredPost& stored : posts_) {
    if (text_field(stored.post, "status") != "publish") {
      continue;
    }
    if ((categories && !intersects(*categories, stored.categories)) ||
        (tags && !intersects(*tags, stored.tags)) ||
        (include && !intersects(*include, {stored.post.value("id", std::int64_t{0})}))) {
      continue;
    }
    const bool in_range =
        std::all_of(date_filters.begin(), date_filters.end(), [&](const DateFilter& filter) {
          std::optional<UtcSeconds> time =
              parse_utc_timestamp(text_field(stored.post, filter.field));
          return time && (filter.after ? *time > filter.bound : *time < filter.bound);
        });
    if (in_range) {
      matching.push_back(&stored.post);
    }
  }

  auto key_of = [&orderby](const Json* post) {
    if (orderby == "id") {
      char text[24];
      std::snprintf(text, sizeof text, "%020lld",
                    static_cast<long long>(post->value("id", std::int64_t{0})));
      return std::string(text);
    }
    return text_field(*post, orderby == "modified" ? "modified_gmt" : "date_gmt");
  };
  std::stable_sort(matching.begin(), matching.end(), [&](const Json* left, const Json* right) {
    return order == "asc" ? key_of(left) < key_of(right) : key_of(right) < key_of(left);
  });

  const long long total = static_cast<long long>(matching.size());
  const long long total_pages = (total + per_page - 1) / per_page;
  // WP_REST_Posts_Controller::get_items rejects a page past the end only when the listing has
  // posts, and never when offset replaces the page.
  if (offset == 0 && page > total_pages && total > 0) {
    send_json(response, 400,
              wordpress_error(
                  "rest_post_invalid_page_number",
                  "The page number requested is larger than the number of pages available.", 400));
    return;
  }

  const long long first = offset > 0 ? offset : (page - 1) * per_page;
  Json body = Json::array();
  for (long long index = first; index < total && index < first + per_page; ++index) {
    body.push_back(with_fields(*matching[static_cast<std::size_t>(index)],
                               request.get_param_value("_fields")));
  }
  response.set_header("X-WP-Total", std::to_string(total));
  response.set_header(
      "X-WP-TotalPages",
      std::to_string(reported_total_pages_.value_or(static_cast<int>(total_pages))));
  send_json(response, 200, body);
}

}  // namespace wodetl::testing
