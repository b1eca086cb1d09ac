#include "support/wordpress_standin.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <utility>

namespace wodetl::testing {
namespace {

const char* const kJsonType = "application/json; charset=UTF-8";

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

//! Returns the date `days` after 2023-01-02 as "YYYY-MM-DD".
std::string date_after_start(int days) {
  using namespace std::chrono;
  year_month_day date{sys_days{year{2023} / January / 2} + std::chrono::days{days}};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

}  // namespace

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
    server.Get("/", [this](const httplib::Request& request, httplib::Response& response) {
      if (request.get_param_value("rest_route") == "/wp/v2/posts") {
        serve_posts(request, response);
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

void WordPressStandin::add_post(Json post, std::vector<std::int64_t> categories) {
  std::lock_guard lock(mutex_);
  posts_.push_back(StoredPost{std::move(post), std::move(categories)});
}

void WordPressStandin::add_workout_posts(int count, std::int64_t category, std::int64_t first_id) {
  for (int i = 0; i < count; ++i) {
    Json post = workout_post(first_id + i, i + 1);
    post["categories"] = Json::array({category});
    add_post(std::move(post), {category});
  }
}

void WordPressStandin::require_basic_auth(std::string user, std::string password) {
  std::lock_guard lock(mutex_);
  expected_authorization_ = "Basic " + base64(user + ":" + password);
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

std::vector<RecordedRequest> WordPressStandin::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

bool WordPressStandin::wait_for_delay() {
  std::unique_lock lock(mutex_);
  if (delay_.count() > 0) {
    stop_signal_.wait_for(lock, delay_, [this] { return stopping_; });
  }
  return !stopping_;
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
  if (!faults_.empty()) {
    Fault& fault = faults_.front();
    response.status = fault.status;
    if (!fault.retry_after.empty()) {
      response.set_header("Retry-After", fault.retry_after);
    }
    response.set_content(fault.body, fault.content_type.c_str());
    if (fault.times > 0 && --fault.times == 0) {
      faults_.pop_front();
    }
    return;
  }

  if (expected_authorization_ &&
      request.get_header_value("Authorization") != *expected_authorization_) {
    send_json(response, 401,
              wordpress_error("rest_not_logged_in", "You are not currently logged in.", 401));
    return;
  }

  long long per_page = 10;
  long long page = 1;
  if (request.has_param("per_page")) {
    std::optional<long long> value = parse_integer(request.get_param_value("per_page"));
    if (!value || *value < 1 || *value > 100) {
      send_invalid_param(response, "per_page",
                         "per_page must be between 1 (inclusive) and 100 (inclusive)");
      return;
    }
    per_page = *value;
  }
  if (request.has_param("page")) {
    std::optional<long long> value = parse_integer(request.get_param_value("page"));
    if (!value || *value < 1) {
      send_invalid_param(response, "page", "page must be greater than or equal to 1");
      return;
    }
    page = *value;
  }

  std::vector<std::int64_t> categories;
  if (request.has_param("categories")) {
    std::string list = request.get_param_value("categories");
    std::size_t start = 0;
    while (start <= list.size()) {
      std::size_t end = list.find(',', start);
      std::optional<long long> id = parse_integer(list.substr(start, end - start));
      if (!id) {
        send_invalid_param(response, "categories", "categories[0] is not of type integer.");
        return;
      }
      categories.push_back(*id);
      start = end == std::string::npos ? list.size() + 1 : end + 1;
    }
  }

  std::vector<const Json*> matching;
  for (const StoredPost& stored : posts_) {
    bool in_category = categories.empty();
    for (std::int64_t id : categories) {
      for (std::int64_t own : stored.categories) {
        in_category = in_category || own == id;
      }
    }
    if (in_category) {
      matching.push_back(&stored.post);
    }
  }

  const long long total = static_cast<long long>(matching.size());
  const long long total_pages = (total + per_page - 1) / per_page;
  // WP_REST_Posts_Controller::get_items rejects a page past the end only when the listing has
  // posts.
  if (page > total_pages && total > 0) {
    send_json(response, 400,
              wordpress_error(
                  "rest_post_invalid_page_number",
                  "The page number requested is larger than the number of pages available.", 400));
    return;
  }

  Json body = Json::array();
  for (long long index = (page - 1) * per_page; index < total && index < page * per_page; ++index) {
    body.push_back(*matching[static_cast<std::size_t>(index)]);
  }
  response.set_header("X-WP-Total", std::to_string(total));
  response.set_header(
      "X-WP-TotalPages",
      std::to_string(reported_total_pages_.value_or(static_cast<int>(total_pages))));
  send_json(response, 200, body);
}

}  // namespace wodetl::testing
