#include "extract/source_factory.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <iterator>
#include <string_view>
#include <utility>

#include "extract/file_source.hpp"

namespace wodetl {
namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

bool is_web_url(const std::string& text) {
  std::string start = lower(text.substr(0, 8));
  return start.starts_with("http://") || start.starts_with("https://");
}

//! Returns "scheme://host:port" of a URL, lower-cased and without userinfo.
std::string site_of(std::string_view url) {
  std::size_t start = url.find("://");
  if (start == std::string_view::npos) {
    return lower(url);
  }
  start += 3;
  std::string_view authority = url.substr(start, url.find_first_of("/?#", start) - start);
  std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  return lower(url.substr(0, start)) + lower(authority);
}

//! Returns the variable's value, or nothing when it is unset or empty.
std::optional<std::string> lookup(const Environment& env, const char* name) {
  std::optional<std::string> value = env(name);
  if (value && value->empty()) {
    return std::nullopt;
  }
  return value;
}

Result<std::optional<std::int64_t>> read_category(const Environment& env) {
  std::optional<std::string> text = lookup(env, kCategoryVariable);
  if (!text) {
    return std::optional<std::int64_t>();
  }
  std::int64_t id = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), id);
  if (error != std::errc() || end != text->data() + text->size() || id < 1) {
    return Error::invalid_input(
        std::string(kCategoryVariable) + " must be a positive integer, got '" + *text + "'", {},
        "Set it to the WordPress category id, e.g. 213, or unset it");
  }
  return std::optional<std::int64_t>(id);
}

}  // namespace

Result<SourceSettings> read_source_settings(const std::string& source_arg, const Environment& env) {
  SourceSettings settings;
  if (!source_arg.empty() && !is_web_url(source_arg)) {
    settings.kind = SourceSettings::Kind::kFiles;
    settings.path = source_arg;
    return settings;
  }

  const std::string default_api = lookup(env, kApiUrlVariable).value_or(kDefaultApiUrl);
  settings.wordpress.api_url = source_arg.empty() ? default_api : source_arg;
  const bool default_site = site_of(settings.wordpress.api_url) == site_of(default_api);

  Result<std::optional<std::int64_t>> category = read_category(env);
  if (!category.ok()) {
    return category.error();
  }
  if (*category) {
    settings.wordpress.category_id = *category;
  } else if (default_site) {
    settings.wordpress.category_id = kDefaultCategoryId;
  }

  std::optional<std::string> user = lookup(env, kUserVariable);
  std::optional<std::string> password = lookup(env, kPasswordVariable);
  if (user.has_value() != password.has_value()) {
    return Error::invalid_input(std::string(user ? kUserVariable : kPasswordVariable) +
                                    " is set but " + (user ? kPasswordVariable : kUserVariable) +
                                    " is not",
                                {}, "Set both for basic authentication, or neither");
  }
  if (user && default_site) {
    settings.wordpress.auth = BasicAuth{*user, *password};
  } else if (user) {
    spdlog::warn("not sending the {} credentials to {}, which is not the default site {}",
                 kUserVariable, site_of(settings.wordpress.api_url), site_of(default_api));
  }
  return settings;
}

Result<std::unique_ptr<PostSource>> make_source(const SourceSettings& settings) {
  if (settings.kind == SourceSettings::Kind::kFiles) {
    return std::unique_ptr<PostSource>(std::make_unique<FileSource>(settings.path));
  }
  Result<std::unique_ptr<WordPressSource>> source = WordPressSource::create(settings.wordpress);
  if (!source.ok()) {
    return source.error();
  }
  return std::unique_ptr<PostSource>(std::move(source).value());
}

Result<std::unique_ptr<PostSource>> make_source(const std::string& source_arg,
                                                const Environment& env) {
  Result<SourceSettings> settings = read_source_settings(source_arg, env);
  if (!settings.ok()) {
    return settings.error();
  }
  return make_source(*settings);
}

Result<PostBatch> fetch_source_page(const std::string& source_arg, int per_page, int page,
                                    const Environment& env) {
  Result<SourceSettings> settings = read_source_settings(source_arg, env);
  if (!settings.ok()) {
    return settings.error();
  }
  if (per_page < 1 || per_page > 100) {
    return Error::invalid_input(
        "posts_per_page must be between 1 and 100, got " + std::to_string(per_page), {},
        "The WordPress REST API returns at most 100 posts per page");
  }
  if (page < 1) {
    return Error::invalid_input("page must be 1 or more, got " + std::to_string(page));
  }

  if (settings->kind == SourceSettings::Kind::kFiles) {
    FileSource source(settings->path);
    PostBatch items;
    Status status = source.fetch([&items](PostBatch&& batch) {
      std::move(batch.begin(), batch.end(), std::back_inserter(items));
    });
    if (!status.ok()) {
      return status.error();
    }
    const std::size_t first =
        static_cast<std::size_t>(page - 1) * static_cast<std::size_t>(per_page);
    PostBatch slice;
    for (std::size_t index = first;
         index < items.size() && index < first + static_cast<std::size_t>(per_page); ++index) {
      slice.push_back(std::move(items[index]));
    }
    return slice;
  }

  settings->wordpress.per_page = per_page;
  settings->wordpress.page = page;
  Result<std::unique_ptr<WordPressSource>> source = WordPressSource::create(settings->wordpress);
  if (!source.ok()) {
    return source.error();
  }
  Result<WordPressPage> result = (*source)->fetch_page(page);
  if (!result.ok()) {
    return result.error();
  }
  return std::move(result->posts);
}

}  // namespace wodetl
