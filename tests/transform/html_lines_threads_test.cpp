// The first HTML parses of a process, on many threads at once. libxml2 2.9 creates the mutex of
// its string dictionaries on the first parse, without a lock, so threads that parse first
// together could wait for each other forever. `wodetl sync` hung that way in about one run of a
// few hundred, when its two workers transformed their first posts together. html_to_lines
// initializes libxml2 before its first parse.

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "support/command.hpp"
#include "transform/html_lines.hpp"

namespace wodetl {
namespace {

//! Set in the environment of the child processes that do the parsing.
constexpr const char* kChildVariable = "WODETL_HTML_THREADS_CHILD";
constexpr const char* kTestName = "HtmlLinesThreads.FirstParsesOnManyThreadsFinish";

//! Starts 32 threads that wait for each other, then parse a post body at the same moment: the
//! first parses of this process.
void parse_on_threads_at_once() {
  constexpr int kThreads = 32;
  std::atomic<int> waiting{kThreads};
  std::vector<std::string> texts(kThreads);
  std::vector<std::thread> threads;
  for (int index = 0; index < kThreads; ++index) {
    threads.emplace_back([&waiting, &texts, index] {
      --waiting;
      while (waiting.load() > 0) {
        std::this_thread::yield();
      }
      Result<std::string> text = html_to_text("<p><strong>Monday</strong></p><p>A. Snatch</p>");
      texts[static_cast<std::size_t>(index)] = text.ok() ? *text : text.error().message;
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  for (const std::string& text : texts) {
    EXPECT_EQ(text, "Monday A. Snatch");
  }
}

TEST(HtmlLinesThreads, FirstParsesOnManyThreadsFinish) {
  if (std::getenv(kChildVariable) != nullptr) {
    parse_on_threads_at_once();
    return;
  }

  // The race needs a process whose libxml2 has not parsed yet, so each round is a new process
  // running this test. Without the initialization, one of the first five rounds hung in each of
  // four runs on a two-core machine.
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  constexpr int kRounds = 50;
  for (int round = 0; round < kRounds; ++round) {
    const testing::CommandResult child =
        testing::run_program(self, {"--gtest_filter=" + std::string(kTestName)}, "",
                             {{kChildVariable, "1"}}, "", std::chrono::seconds(10));
    // A hung child is stopped at the time limit and fails this check too.
    ASSERT_EQ(child.exit_code, 0) << "round " << round << ": the first parses failed or did not "
                                  << "finish in 10 s\n"
                                  << child.output << child.errors;
  }
}

}  // namespace
}  // namespace wodetl
