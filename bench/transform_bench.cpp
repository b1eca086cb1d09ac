// Cost of the transform stages on one post. The post is read from the file named by
// WODETL_BENCH_POST (a WordPress post object, e.g. the real Invictus week), else from our own
// fixture. Run: build/bench/wodetl_bench (see docs/benchmarks.md for recorded results).

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#ifdef WODETL_BENCH_MIMALLOC
#include <mimalloc.h>
#endif

#include "core/json_codec.hpp"
#include "extract/post_parser.hpp"
#include "transform/day_groups.hpp"
#include "transform/html_lines.hpp"
#include "transform/prescription/blocks.hpp"
#include "transform/prescription/vocabulary.hpp"
#include "transform/records.hpp"
#include "transform/segments.hpp"
#include "transform/transform_post.hpp"
#include "transform/week_dates.hpp"

namespace {

using namespace wodetl;

const Post& bench_post() {
  static const Post post = [] {
    const char* from_environment =
        std::getenv("WODETL_BENCH_POST");  // NOLINT(concurrency-mt-unsafe)
    const std::string path = from_environment != nullptr && *from_environment != '\0'
                                 ? from_environment
                                 : WODETL_BENCH_DEFAULT_POST;
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream text;
    text << stream.rdbuf();
    auto batch = parse_posts_document(text.str(), path);
    if (!stream || !batch || batch->empty() || !batch->front()) {
      const std::string reason = !stream          ? "the file cannot be read"
                                 : !batch         ? batch.error().to_string()
                                 : batch->empty() ? "it holds no post"
                                                  : batch->front().error().to_string();
      std::cerr << "error: cannot use " << path << " as the benchmark post: " << reason
                << ". Set WODETL_BENCH_POST to a WordPress post JSON file\n";
      std::exit(2);  // NOLINT(concurrency-mt-unsafe): start-up, before any benchmark thread
    }
    std::cerr << "Benchmark post: " << path << "\n";
    return batch->front().value();
  }();
  return post;
}

// All transform stages, as `wodetl run` calls them for each post.
void BM_TransformPost(benchmark::State& state) {
  const Post& post = bench_post();
  for (auto _ : state) {
    auto transformed = transform_post(post);
    benchmark::DoNotOptimize(transformed);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * post.content_html.size()));
}
BENCHMARK(BM_TransformPost);

// HTML parsing alone: strip_post_html (libxml2 SAX, title and body).
void BM_StripPostHtml(benchmark::State& state) {
  const Post& post = bench_post();
  for (auto _ : state) {
    auto stripped = strip_post_html(post);
    benchmark::DoNotOptimize(stripped);
  }
}
BENCHMARK(BM_StripPostHtml);

// Everything after HTML parsing: grouping, segmenting, dating and building records.
void BM_TransformAfterHtml(benchmark::State& state) {
  const Post& post = bench_post();
  auto stripped = strip_post_html(post);
  if (!stripped) {
    state.SkipWithError(stripped.error().to_string().c_str());
    return;
  }
  for (auto _ : state) {
    StrippedPost copy = *stripped;
    auto dated = sessions_to_date_records(segment_days(group_post_by_day(std::move(copy))));
    auto records = clean_session_records(std::move(*dated));
    benchmark::DoNotOptimize(records);
  }
}
BENCHMARK(BM_TransformAfterHtml);

// The prescription parser and block grouping over every segment of the post's records.
// NOTE: takes 35 to 55 µs of CPU time on the real week, depending on the machine and the version.
// It adds 35 to 65 µs to BM_TransformPost (docs/benchmarks.md), 1.75 to three times the 20 µs that
// parsing may add to a post.
void BM_PrescribeSegments(benchmark::State& state) {
  // Loads the vocabulary outside prescribe_segments, so that an instruction count of that function
  // (see BM_PrescribeSegments/weeks:100) leaves out this one-time cost.
  benchmark::DoNotOptimize(&prescription::default_vocabulary());
  auto transformed = transform_post(bench_post());
  if (!transformed) {
    state.SkipWithError(transformed.error().to_string().c_str());
    return;
  }
  for (auto _ : state) {
    for (const SessionRecord& record : transformed->records) {
      auto parts = prescription::prescribe_segments(record.segments);
      benchmark::DoNotOptimize(parts);
    }
  }
}
BENCHMARK(BM_PrescribeSegments);
// A fixed count of weeks for callgrind: prescribe_segments then parses exactly 101 weeks, 100 in
// the loop and one while transform_post builds the records (docs/benchmarks.md has the command).
BENCHMARK(BM_PrescribeSegments)->Name("BM_PrescribeSegments/weeks:100")->Iterations(100);

}  // namespace

// Runs the benchmarks as BENCHMARK_MAIN does, and names the allocator in the context printed
// above the results, because it changes the transform's time by about a fifth.
int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 1;
  }
#ifdef WODETL_BENCH_MIMALLOC
  const int version = mi_version();  // 209 for 2.0.9
  benchmark::AddCustomContext("allocator", "mimalloc " + std::to_string(version / 100) + "." +
                                               std::to_string(version / 10 % 10) + "." +
                                               std::to_string(version % 10));
#else
  benchmark::AddCustomContext("allocator", "the C library's malloc");
#endif
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
