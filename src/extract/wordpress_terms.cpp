#include "extract/wordpress_terms.hpp"

#include <spdlog/spdlog.h>

#include <utility>

#include "extract/wordpress_response.hpp"

namespace wodetl {

const char* to_string(Taxonomy taxonomy) {
  return taxonomy == Taxonomy::kCategory ? "category" : "tag";
}

Result<std::int64_t> find_term_id(const HttpClient& client, const PostsEndpoint& endpoint,
                                  HttpRequest request, Taxonomy taxonomy, const std::string& slug,
                                  const std::string& credentials_hint) {
  const char* route = taxonomy == Taxonomy::kCategory ? "categories" : "tags";
  request.url = endpoint.collection_url(route, {"slug=" + percent_encode(slug)});
  const std::string url = redact_url(request.url);

  Result<HttpResponse> response = client.get(request);
  if (!response.ok()) {
    return response.error();
  }
  Result<Json> document = read_wordpress_json(*response, url, credentials_hint);
  if (!document.ok()) {
    return document.error();
  }
  if (!document->is_array()) {
    return Error::invalid_input(std::string("the ") + route + " response is a JSON " +
                                    document->type_name() + ", expected a list of terms",
                                PostRef{.url = url},
                                "Check that the site URL is a WordPress site with the REST API");
  }

  // WordPress matches the slug exactly; the loop also accepts a site that ignores the filter.
  for (const Json& term : *document) {
    const auto id = term.find("id");
    const auto term_slug = term.find("slug");
    if (id == term.end() || !id->is_number_integer() || term_slug == term.end() ||
        !term_slug->is_string() || term_slug->get<std::string>() != slug) {
      continue;
    }
    spdlog::debug("{} '{}' has id {}", to_string(taxonomy), slug, id->get<std::int64_t>());
    return id->get<std::int64_t>();
  }
  return Error::not_found(std::string("the site has no ") + to_string(taxonomy) +
                              " with the slug '" + slug + "' (" + url + ")",
                          std::string("Check the slug in the ") + to_string(taxonomy) +
                              "'s address (…/" +
                              (taxonomy == Taxonomy::kCategory ? "category" : "tag") +
                              "/SLUG/), or give its numeric id");
}

Status check_term_id(const HttpClient& client, const PostsEndpoint& endpoint, HttpRequest request,
                     Taxonomy taxonomy, std::int64_t id, const std::string& credentials_hint) {
  const char* route = taxonomy == Taxonomy::kCategory ? "categories" : "tags";
  request.url =
      endpoint.collection_url(std::string(route) + "/" + std::to_string(id), {"_fields=id,slug"});
  const std::string url = redact_url(request.url);

  Result<HttpResponse> response = client.get(request);
  if (!response.ok()) {
    return response.error();
  }
  // Only WordPress's own error shows that the term is unknown, not a proxy's HTML 404.
  const std::optional<WordPressError> api_error = parse_wordpress_error(response->body);
  if (response->status == 404 && api_error) {
    return Error::not_found(
        std::string("the site has no ") + to_string(taxonomy) + " with the id " +
            std::to_string(id) + " (" + url + " answered HTTP 404 " + api_error->code + ")",
        std::string("Check the ") + to_string(taxonomy) + " id in the configuration, or give the " +
            to_string(taxonomy) + "'s slug; " + redact_url(endpoint.collection_url(route, {})) +
            " lists the site's " + route);
  }
  Result<Json> document = read_wordpress_json(*response, url, credentials_hint);
  if (!document.ok()) {
    if (document.error().code == ErrorCode::kNetwork) {
      return document.error();
    }
    spdlog::warn("Could not check that {} {} exists, so the listing goes on: {}",
                 to_string(taxonomy), id, document.error().to_string());
    return ok_status();
  }
  const auto slug = document->is_object() ? document->find("slug") : document->end();
  spdlog::debug("{} {} exists{}", to_string(taxonomy), id,
                slug != document->end() && slug->is_string()
                    ? " (slug '" + slug->get<std::string>() + "')"
                    : std::string());
  return ok_status();
}

}  // namespace wodetl
