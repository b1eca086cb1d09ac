#include "extract/listing_walker.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <future>
#include <unordered_set>
#include <utility>

namespace wodetl {

namespace {

//! Identity of a post version: its id and modified_gmt. Two reads of one unchanged post have
//! the same identity; an edited post gets a new one.
std::string identity_of(const Result<Post>& item) {
  if (item.ok()) {
    return std::to_string(item->id) + "@" + item->modified_gmt;
  }
  return "error:" + item.error().post.describe() + ":" + item.error().message;
}

std::optional<std::int64_t> id_of(const Result<Post>& item) {
  if (item.ok()) {
    return item->id;
  }
  return item.error().post.id;
}

//! Returns whether `item` is a post whose `key_kind` timestamp is `key`.
bool has_key(const Result<Post>& item, ListingKey key_kind, const std::optional<UtcSeconds>& key) {
  if (!item.ok() || !key.has_value()) {
    return false;
  }
  const std::optional<UtcSeconds> own = listing_key_of(*item, key_kind);
  return own.has_value() && own.value() == key.value();
}

}  // namespace

//! Windows of one round: `count` windows from index `first` at one bound, or within one tied
//! second. Window j contains the listing positions j * (per_page - 1) to
//! j * (per_page - 1) + per_page - 1, so consecutive windows share one post.
struct ListingWalker::Round {
  std::optional<UtcSeconds> after;
  std::optional<UtcSeconds> before;  //!< set, with order by id, while a tied second is read
  std::int64_t first = 0;
  int count = 1;
};

const char* to_string(ListingKey key) {
  return key == ListingKey::kModified ? "modified" : "date";
}

std::optional<UtcSeconds> listing_key_of(const Post& post, ListingKey key) {
  return parse_utc_timestamp(key == ListingKey::kModified ? post.modified_gmt : post.date_gmt);
}

bool SeenPosts::insert(const Result<Post>& item) {
  return seen_.insert(identity_of(item)).second;
}

ListingWalker::ListingWalker(WalkSettings settings, FetchWindow fetch, SeenPosts& seen)
    : settings_(std::move(settings)), fetch_(std::move(fetch)), seen_(seen) {
  settings_.per_page = std::clamp(settings_.per_page, 2, 100);
  settings_.concurrency = std::max(1, settings_.concurrency);
}

std::vector<Result<WindowResponse>> ListingWalker::fetch_round(const Round& round) {
  const std::int64_t step = settings_.per_page - 1;
  auto request_of = [&](int index) {
    return WindowRequest{.after = round.after,
                         .before = round.before,
                         .by_id = round.before.has_value(),
                         .offset = (round.first + index) * step};
  };

  std::vector<Result<WindowResponse>> responses;
  if (round.count == 1) {
    responses.push_back(fetch_(request_of(0)));
  } else {
    std::vector<std::future<Result<WindowResponse>>> pending;
    for (int index = 0; index < round.count; ++index) {
      pending.push_back(std::async(std::launch::async, fetch_, request_of(index)));
    }
    for (auto& response : pending) {
      responses.push_back(response.get());
    }
  }

  for (const Result<WindowResponse>& response : responses) {
    ++stats_.requests;
    if (response.ok() && settings_.after_page) {
      settings_.after_page(FetchedPage{.key = settings_.key,
                                       .request = stats_.requests,
                                       .url = response->url,
                                       .items = response->items.size(),
                                       .total = response->total});
    }
  }
  return responses;
}

int ListingWalker::windows_for_next_round() const {
  if (settings_.concurrency == 1 || !last_total_ || !estimated_total_) {
    return 1;
  }
  const std::int64_t remaining = std::max<std::int64_t>(
      1, *estimated_total_ - static_cast<std::int64_t>(delivered_keys_.size()) + 1);
  const std::int64_t step = settings_.per_page - 1;
  const std::int64_t windows = (remaining + step - 1) / step;
  return static_cast<int>(std::clamp<std::int64_t>(windows, 1, settings_.concurrency));
}

int ListingWalker::windows_in_tied_second(std::optional<std::int64_t> second_total,
                                          std::int64_t first) const {
  if (settings_.concurrency == 1 || first == 0 || !second_total) {
    return 1;
  }
  const std::int64_t step = settings_.per_page - 1;
  const std::int64_t remaining = std::max<std::int64_t>(1, *second_total - first * step + 1);
  const std::int64_t windows = (remaining + step - 1) / step;
  return static_cast<int>(std::clamp<std::int64_t>(windows, 1, settings_.concurrency));
}

void ListingWalker::deliver(PostBatch&& items, const std::string& url,
                            const std::function<void(ListingPage&&)>& on_page) {
  ListingPage page;
  page.key = settings_.key;
  page.url = url;
  for (Result<Post>& item : items) {
    if (!seen_.insert(item)) {
      continue;
    }
    delivered_keys_.push_back(item.ok() ? listing_key_of(*item, settings_.key) : std::nullopt);
    page.posts.push_back(std::move(item));
  }
  page.estimated_total = estimated_total_;
  on_page(std::move(page));
}

Status ListingWalker::walk(const std::function<void(ListingPage&&)>& on_page) {
  const std::size_t per_page = static_cast<std::size_t>(settings_.per_page);
  const char* key_name = to_string(settings_.key);

  // Position of the walk: the bound, the window the next round starts at, and the last post
  // read at this bound, which the next window must start with.
  std::optional<UtcSeconds> bound = settings_.after;
  std::int64_t first_window = 0;
  std::optional<std::string> anchor;
  std::optional<UtcSeconds> anchor_key;
  std::optional<std::int64_t> bound_total;
  std::unordered_set<std::int64_t> chain_ids;
  int restarts_in_a_row = 0;
  // The second shared by more than one page of posts that the walk reads by post id, if any.
  std::optional<UtcSeconds> tied_second;

  while (true) {
    if (stats_.requests >= settings_.max_requests) {
      return Error::invalid_input(
          "stopped after max_pages (" + std::to_string(settings_.max_requests) +
              ") requests without reaching the end of the listing",
          {}, "Check that the API URL is the posts endpoint of a WordPress site");
    }
    Round round{.after = bound, .first = first_window, .count = windows_for_next_round()};
    if (tied_second) {
      round.before = *tied_second + std::chrono::seconds(1);
      round.count = windows_in_tied_second(bound_total, first_window);
    }
    round.count = std::min(round.count, settings_.max_requests - stats_.requests);
    std::vector<Result<WindowResponse>> responses = fetch_round(round);

    int accepted = 0;
    bool shifted = false;
    bool tied_second_read = false;
    for (int index = 0; index < round.count; ++index) {
      Result<WindowResponse>& response = responses[static_cast<std::size_t>(index)];
      if (!response.ok()) {
        return response.error();
      }
      const std::int64_t window = round.first + index;
      PostBatch& items = response->items;
      last_total_ = response->total;

      // The checks that tell a consistent chain of windows from a shifted one.
      if (window == 0) {
        bound_total = response->total;
        // The total of a tied second counts that second only, not the rest of the listing.
        if (response->total && !tied_second) {
          std::int64_t before = 0;
          for (const auto& key : delivered_keys_) {
            before += (key && bound && *key <= *bound) ? 1 : 0;
          }
          estimated_total_ = stats_.filter_ignored ? *response->total : before + *response->total;
        }
      } else {
        const bool total_changed =
            response->total && bound_total && *response->total != *bound_total;
        const bool anchor_moved = items.empty() || identity_of(items.front()) != anchor;
        // Another post of the anchor's second in its place means a different order of equal
        // keys, not a shift. The next round reads on by value from the anchor.
        const bool tie_reordered = !total_changed && anchor_moved && !items.empty() &&
                                   !tied_second && !stats_.filter_ignored &&
                                   has_key(items.front(), settings_.key, anchor_key);
        if (tie_reordered) {
          break;
        }
        if (total_changed || anchor_moved) {
          spdlog::info(
              "The {} listing shifted between two requests ({}); reading on from the last page "
              "that matched, after {}",
              key_name,
              total_changed ? "X-WP-Total changed from " + std::to_string(*bound_total) + " to " +
                                  std::to_string(*response->total)
                            : std::string("the page does not start with the post the previous "
                                          "page ended with"),
              bound ? format_utc_timestamp(*bound) : std::string("the start"));
          shifted = true;
          break;
        }
      }
      const std::size_t first_new = window == 0 ? 0 : 1;
      bool duplicate = false;
      for (std::size_t i = first_new; i < items.size(); ++i) {
        const std::optional<std::int64_t> id = id_of(items[i]);
        duplicate = duplicate || (id && !chain_ids.insert(*id).second);
      }
      if (duplicate) {
        spdlog::info("The {} listing shifted between two requests (a post appeared twice)",
                     key_name);
        shifted = true;
        break;
      }

      // A site that ignores modified_after/after or orderby cannot be walked by value.
      std::optional<UtcSeconds> previous_key;
      for (const Result<Post>& item : items) {
        if (!item.ok() || stats_.filter_ignored) {
          continue;
        }
        const std::optional<UtcSeconds> key = listing_key_of(*item, settings_.key);
        const bool outside_bounds =
            !key || (bound && *key <= *bound) || (tied_second && *key != *tied_second);
        const bool out_of_order = previous_key && key && *key < *previous_key;
        if (outside_bounds) {
          spdlog::warn(
              "The site ignores {} (WordPress before 5.7 ignores modified_after), so the whole "
              "listing is read page by page",
              settings_.key == ListingKey::kModified ? "modified_after" : "after");
        } else if (out_of_order) {
          // WordPress sorts by the site's local time; after a change of its time zone that order
          // differs from the order of the *_gmt times.
          spdlog::warn(
              "The site returns posts out of {}_gmt order under orderby={} (after a change of the "
              "site's time zone, WordPress sorts by the old local times), so the whole listing is "
              "read page by page",
              key_name, key_name);
        }
        if (outside_bounds || out_of_order) {
          stats_.filter_ignored = true;
          break;
        }
        previous_key = key;
      }

      const bool last_window = items.size() < per_page;
      // The next window of a round joins this one reliably only where the key changes after its
      // second-to-last post. MariaDB may order posts of one second differently in each request,
      // so a post of a second that spans the boundary could come before the overlap in one
      // request and after it in the other.
      const bool ends_in_tie = !stats_.filter_ignored && !tied_second && items.size() >= 2 &&
                               items.back().ok() &&
                               has_key(items[items.size() - 2], settings_.key,
                                       listing_key_of(*items.back(), settings_.key));
      if (!items.empty()) {
        anchor = identity_of(items.back());
        anchor_key =
            items.back().ok() ? listing_key_of(*items.back(), settings_.key) : std::nullopt;
      }
      PostBatch fresh;
      for (std::size_t i = first_new; i < items.size(); ++i) {
        // Posts at or before the walk's bound come only from a site that ignores the bound.
        const std::optional<UtcSeconds> key =
            items[i].ok() ? listing_key_of(*items[i], settings_.key) : std::nullopt;
        if (stats_.filter_ignored && key && settings_.after && *key <= *settings_.after) {
          continue;
        }
        fresh.push_back(std::move(items[i]));
      }
      deliver(std::move(fresh), response->url, on_page);
      ++accepted;
      if (last_window && !tied_second) {
        return ok_status();
      }
      if (last_window) {
        tied_second_read = true;
        break;
      }
      if (ends_in_tie && index + 1 < round.count) {
        break;  // the next round starts by value from this window's last post
      }
    }

    // Shifts count against the limit until the bound moves on: re-reading a bound from its
    // start is no progress, however many of its windows match this time.
    if (shifted) {
      ++stats_.shifts;
      if (++restarts_in_a_row > settings_.max_restarts) {
        return Error::invalid_input(
            "the " + std::string(key_name) + " listing changed " +
                std::to_string(restarts_in_a_row) +
                " times in a row while it was read, so the walk could not go on",
            {},
            "Posts are being published, edited or deleted faster than they can be read; run the "
            "sync again later");
      }
    }

    // Progress by value when the last post read is later than the bound, or after the last page
    // of a tied second. When a whole page shares the second after the bound, read that second by
    // post id from its start. Otherwise page on by offset, or read the bound (or the tied second)
    // again from its start after a shift.
    const std::optional<UtcSeconds> candidate =
        anchor_key ? std::optional<UtcSeconds>(*anchor_key - std::chrono::seconds(1))
                   : std::nullopt;
    const bool by_value = !stats_.filter_ignored && !tied_second && accepted > 0 && candidate &&
                          (!bound || *candidate > *bound);
    const bool page_in_one_second = !stats_.filter_ignored && !tied_second && !shifted &&
                                    accepted > 0 && candidate && bound && *candidate == *bound;
    if (tied_second_read) {
      bound = tied_second;
      tied_second.reset();
      first_window = 0;
      restarts_in_a_row = 0;
    } else if (by_value) {
      bound = candidate;
      first_window = 0;
      restarts_in_a_row = 0;
    } else if (page_in_one_second) {
      tied_second = *bound + std::chrono::seconds(1);
      ++stats_.tied_seconds;
      spdlog::debug("More than one page of posts share the {} second {}; reading it by post id",
                    key_name, format_utc_timestamp(*tied_second));
      first_window = 0;
    } else if (shifted) {
      first_window = 0;
    } else {
      first_window += accepted;
      continue;
    }
    anchor.reset();
    anchor_key.reset();
    bound_total.reset();
    chain_ids.clear();
  }
}

}  // namespace wodetl
