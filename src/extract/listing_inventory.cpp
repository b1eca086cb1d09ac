#include "extract/listing_inventory.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <set>
#include <string_view>
#include <utility>

#include "extract/post_parser.hpp"
#include "extract/wordpress_response.hpp"

namespace wodetl {
namespace {

//! Largest page and largest include list the REST API accepts in one request.
constexpr int kPageSize = 100;

//! Parses X-WP-Total; nothing when it is absent or not a count.
std::optional<std::int64_t> total_of(const HttpResponse& response) {
  const std::string* value = response.header("x-wp-total");
  if (value == nullptr) {
    return std::nullopt;
  }
  std::int64_t number = 0;
  auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), number);
  if (error != std::errc() || end != value->data() + value->size() || number < 0) {
    return std::nullopt;
  }
  return number;
}

//! Returns the ids that the listing filters `key` ("categories" or "tags") by: the URL's own
//! list ("categories=5,7"), else the configured id, else none. Nothing when the URL's value is
//! not a list of ids, so that no post can be called out of the listing by it.
std::optional<std::vector<std::int64_t>> filter_ids(const PostsEndpoint& endpoint,
                                                    std::string_view key,
                                                    std::optional<std::int64_t> configured) {
  for (const std::string& parameter : endpoint.query) {
    if (!parameter.starts_with(std::string(key) + "=")) {
      continue;
    }
    std::vector<std::int64_t> ids;
    std::string_view list = std::string_view(parameter).substr(key.size() + 1);
    while (!list.empty()) {
      const std::string_view item = list.substr(0, list.find(','));
      std::int64_t id = 0;
      auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), id);
      if (error != std::errc() || end != item.data() + item.size()) {
        return std::nullopt;
      }
      ids.push_back(id);
      list.remove_prefix(std::min(list.size(), item.size() + 1));
    }
    return ids;
  }
  if (configured) {
    return std::vector<std::int64_t>{*configured};
  }
  return std::vector<std::int64_t>{};
}

//! True when the post's `key` list shares an id with `wanted`, or when `wanted` is empty.
bool matches_filter(const Json& post, const char* key, const std::vector<std::int64_t>& wanted) {
  if (wanted.empty()) {
    return true;
  }
  const auto list = post.find(key);
  if (list == post.end() || !list->is_array()) {
    return false;
  }
  return std::any_of(list->begin(), list->end(), [&wanted](const Json& item) {
    return item.is_number_integer() &&
           std::find(wanted.begin(), wanted.end(), item.get<std::int64_t>()) != wanted.end();
  });
}

//! Formats ids as "5" or "5, 7".
std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string text;
  for (std::int64_t id : ids) {
    text += (text.empty() ? "" : ", ") + std::to_string(id);
  }
  return text;
}

}  // namespace

const char* to_string(PostAbsence absence) {
  switch (absence) {
    case PostAbsence::kDeleted:
      return "deleted";
    case PostAbsence::kNotPublic:
      return "not public";
    case PostAbsence::kNotPublished:
      return "not published";
    case PostAbsence::kNotInListing:
      return "not in listing";
    case PostAbsence::kStillListed:
      return "still listed";
  }
  return "still listed";
}

ListingInventory::ListingInventory(const HttpClient& client, PostsEndpoint endpoint,
                                   HttpRequest request_template, ListingFilter filter,
                                   std::string credentials_hint)
    : client_(client),
      endpoint_(std::move(endpoint)),
      request_template_(std::move(request_template)),
      filter_(filter),
      credentials_hint_(std::move(credentials_hint)) {}

Result<Json> ListingInventory::get_list(ListingQuery query, HttpResponse& response) {
  query.category_id = filter_.category_id;
  query.tag_id = filter_.tag_id;
  HttpRequest request = request_template_;
  request.url = endpoint_.listing_url(query);
  const std::string safe_url = redact_url(request.url);
  ++requests_;
  Result<HttpResponse> received = client_.get(request);
  if (!received.ok()) {
    return received.error();
  }
  response = std::move(received).value();
  if (is_past_last_page(response)) {
    return Json::array();
  }
  Result<Json> document = read_wordpress_json(response, safe_url, credentials_hint_);
  if (document.ok() && !document->is_array()) {
    return Error::invalid_input(
        std::string("the response is not a JSON list of posts but a JSON ") + document->type_name(),
        PostRef{.url = safe_url},
        "Check that the URL is the WordPress REST API posts endpoint (…/wp-json/wp/v2/posts)");
  }
  return document;
}

Result<std::optional<std::int64_t>> ListingInventory::count() {
  HttpResponse response;
  Result<Json> document =
      get_list(ListingQuery{.per_page = 1, .page = 1, .fields = "id"}, response);
  if (!document.ok()) {
    return document.error();
  }
  const std::optional<std::int64_t> total = total_of(response);
  if (!total) {
    spdlog::debug("{} sent no X-WP-Total, so the listing cannot be counted",
                  response.effective_url);
  }
  return total;
}

Result<std::vector<ListedPost>> ListingInventory::list_ids(int max_requests) {
  std::vector<ListedPost> listed;
  std::set<std::int64_t> seen;
  for (int page = 1;; ++page) {
    if (page > max_requests) {
      return Error::invalid_input(
          "stopped after max_pages (" + std::to_string(max_requests) +
              ") requests without reaching the end of the id listing",
          PostRef{.url = redact_url(endpoint_.url())},
          "Check that the API URL is the posts endpoint of a WordPress site");
    }
    // Pages by number can shift when a post is deleted meanwhile, so an id may be missed here.
    // The caller checks each post missing from the list on its own before it calls it gone.
    HttpResponse response;
    Result<Json> document = get_list(ListingQuery{.per_page = kPageSize,
                                                  .page = page,
                                                  .orderby = "id",
                                                  .order = "asc",
                                                  .fields = "id,modified_gmt"},
                                     response);
    if (!document.ok()) {
      return document.error();
    }
    for (const Json& item : *document) {
      const auto id = item.find("id");
      if (id == item.end() || !id->is_number_integer()) {
        continue;  // fetch() reports such an item as an error item when it is read in full
      }
      if (seen.insert(id->get<std::int64_t>()).second) {
        listed.push_back(ListedPost{id->get<std::int64_t>(), item.value("modified_gmt", "")});
      }
    }
    if (document->size() < static_cast<std::size_t>(kPageSize)) {
      return listed;
    }
  }
}

Result<PostBatch> ListingInventory::fetch(const std::vector<std::int64_t>& ids) {
  PostBatch posts;
  for (std::size_t first = 0; first < ids.size(); first += kPageSize) {
    std::string include;
    for (std::size_t i = first; i < ids.size() && i < first + kPageSize; ++i) {
      include += (include.empty() ? "" : ",") + std::to_string(ids[i]);
    }
    HttpResponse response;
    Result<Json> document =
        get_list(ListingQuery{.per_page = kPageSize, .page = 1, .include = include}, response);
    if (!document.ok()) {
      return document.error();
    }
    for (const Json& item : *document) {
      posts.push_back(parse_post(item, response.effective_url));
    }
  }
  return posts;
}

Result<AbsenceCheck> ListingInventory::check_absent(std::int64_t id) {
  const std::string url = endpoint_.collection_url("posts/" + std::to_string(id),
                                                   {"_fields=id,status,categories,tags"});
  const std::string safe_url = redact_url(url);
  HttpRequest request = request_template_;
  request.url = url;
  ++requests_;
  Result<HttpResponse> received = client_.get(request);
  if (!received.ok()) {
    return received.error();
  }
  const HttpResponse& response = *received;

  // Only WordPress's own error codes show what became of the post, not a plugin's 403 page or
  // a proxy's 404.
  const std::optional<WordPressError> api_error = parse_wordpress_error(response.body);
  if (response.status == 404 && api_error && api_error->code == "rest_post_invalid_id") {
    return AbsenceCheck{PostAbsence::kDeleted,
                        "deleted on the site (HTTP 404 rest_post_invalid_id)"};
  }
  if ((response.status == 401 || response.status == 403) && api_error &&
      api_error->code == "rest_forbidden") {
    return AbsenceCheck{PostAbsence::kNotPublic,
                        "no longer public: in the trash, a draft, scheduled or private (HTTP " +
                            std::to_string(response.status) + " rest_forbidden)"};
  }

  Result<Json> document = read_wordpress_json(response, safe_url, credentials_hint_);
  if (!document.ok()) {
    return document.error();
  }
  if (!document->is_object()) {
    return Error::invalid_input(
        std::string("the response is not a JSON post but a JSON ") + document->type_name(),
        PostRef{.id = id, .url = safe_url},
        "Check that the URL is the WordPress REST API posts endpoint (…/wp-json/wp/v2/posts)");
  }
  const std::string status = document->value("status", "");
  if (status != "publish") {
    return AbsenceCheck{PostAbsence::kNotPublished,
                        "no longer published (status '" + status + "')"};
  }
  const std::optional<std::vector<std::int64_t>> categories =
      filter_ids(endpoint_, "categories", filter_.category_id);
  const std::optional<std::vector<std::int64_t>> tags =
      filter_ids(endpoint_, "tags", filter_.tag_id);
  if (categories && !matches_filter(*document, "categories", *categories)) {
    return AbsenceCheck{PostAbsence::kNotInListing,
                        "no longer in the source's category (" + id_list(*categories) + ")"};
  }
  if (tags && !matches_filter(*document, "tags", *tags)) {
    return AbsenceCheck{PostAbsence::kNotInListing,
                        "no longer has the source's tag (" + id_list(*tags) + ")"};
  }
  return AbsenceCheck{PostAbsence::kStillListed, "published and in the listing"};
}

}  // namespace wodetl
