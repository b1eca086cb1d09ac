#include "extract/wordpress_login.hpp"

#include <spdlog/spdlog.h>

#include "extract/wordpress_response.hpp"

namespace wodetl {

Status check_login(const HttpClient& client, const PostsEndpoint& endpoint, HttpRequest request,
                   const std::string& credentials_hint) {
  request.url = endpoint.collection_url("users/me", {"_fields=id,name"});
  const std::string url = redact_url(request.url);

  Result<HttpResponse> response = client.get(request);
  if (!response.ok()) {
    return response.error();
  }
  if (response->status == 403 || response->status == 404) {
    spdlog::warn(
        "{} answered HTTP {}, so the credentials could not be checked; a wrong password "
        "would go unnoticed, because WordPress ignores it when listing public posts",
        url, response->status);
    return ok_status();
  }
  Result<Json> document = read_wordpress_json(*response, url, credentials_hint);
  if (!document.ok()) {
    return document.error();
  }
  spdlog::debug("Logged in to {} as user {}", redact_url(endpoint.base),
                document->is_object() ? document->value("name", std::string("?")) : "?");
  return ok_status();
}

}  // namespace wodetl
