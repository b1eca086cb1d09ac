// Every attribute name in the expressions that the DynamoDB stores send goes through
// ExpressionAttributeNames. dynalite rejects only DynamoDB's reserved words (date, session, ttl,
// status …), so this test reads every request the proxy forwarded and checks the expressions
// themselves.

#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "load/aws/dynamodb_session_store.hpp"
#include "load/aws/dynamodb_state_store.hpp"
#include "load/aws/dynamodb_test_support.hpp"
#include "load/aws/s3_object_store.hpp"
#include "load/load_test_support.hpp"

namespace wodetl::testing {
namespace {

using std::chrono::hours;

// Words of DynamoDB's expression grammar that are not attribute names.
const std::set<std::string> kGrammarWords = {"and",
                                             "or",
                                             "not",
                                             "between",
                                             "in",
                                             "set",
                                             "remove",
                                             "add",
                                             "delete",
                                             "attribute_exists",
                                             "attribute_not_exists",
                                             "attribute_type",
                                             "begins_with",
                                             "contains",
                                             "size",
                                             "if_not_exists",
                                             "list_append"};

//! Problems of one expression: names written out instead of aliased, and aliases that
//! `names` does not define.
std::vector<std::string> expression_problems(const std::string& expression, const Json& names) {
  std::vector<std::string> problems;
  std::size_t position = 0;
  while (position < expression.size()) {
    const char c = expression[position];
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '_' && c != '#' && c != ':') {
      ++position;
      continue;
    }
    std::size_t end = position + 1;
    while (end < expression.size() &&
           (std::isalnum(static_cast<unsigned char>(expression[end])) || expression[end] == '_')) {
      ++end;
    }
    const std::string token = expression.substr(position, end - position);
    position = end;
    if (token[0] == ':') {
      continue;
    }
    if (token[0] == '#') {
      if (!names.contains(token)) {
        problems.push_back("alias " + token + " is not in ExpressionAttributeNames");
      }
      continue;
    }
    std::string lower;
    for (char letter : token) {
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(letter)));
    }
    if (!kGrammarWords.contains(lower)) {
      problems.push_back("attribute name '" + token + "' is not aliased");
    }
  }
  return problems;
}

//! Checks every member named …Expression of `request` and of the objects inside it.
void collect_problems(const Json& request, const std::string& operation,
                      std::vector<std::string>& problems) {
  if (request.is_array()) {
    for (const Json& element : request) {
      collect_problems(element, operation, problems);
    }
    return;
  }
  if (!request.is_object()) {
    return;
  }
  const Json names = request.value("ExpressionAttributeNames", Json::object());
  for (const auto& [key, value] : request.items()) {
    if (key.ends_with("Expression") && value.is_string()) {
      for (const std::string& problem : expression_problems(value.get<std::string>(), names)) {
        problems.push_back(operation + " " + key + " '" + value.get<std::string>() +
                           "': " + problem);
      }
    } else {
      collect_problems(value, operation, problems);
    }
  }
}

TEST(AwsDynamoDbExpressions, EveryAttributeNameIsAliased) {
  WODETL_REQUIRE_AWS_STANDINS(services);
  const auto aws = standin_client(*services);
  const auto client = std::make_shared<const DynamoDbClient>(aws);
  const std::string prefix = AwsLocalServices::unique_name("expressions");
  Json plain_definition = sessions_table_definition(prefix + "-plain");
  plain_definition.erase("GlobalSecondaryIndexes");
  plain_definition["AttributeDefinitions"].erase(2);
  for (const Json& definition : {sessions_table_definition(prefix + "-sessions"), plain_definition,
                                 idempotency_table_definition(prefix + "-idempotency"),
                                 posts_table_definition(prefix + "-posts")}) {
    create_table(*client, definition);
  }
  auto bucket = std::make_shared<S3ObjectStore>(aws, prefix);
  ASSERT_TRUE(bucket->create_bucket_if_missing().ok());
  DynamoDbSessionStore sessions(client, prefix + "-sessions", bucket);
  DynamoDbSessionStore plain(client, prefix + "-plain", bucket);
  DynamoDbStateStore state(client, prefix + "-idempotency", prefix + "-posts",
                           prefix + "-sessions");
  const std::size_t first_request = services->standins().requests(AwsService::dynamodb).size();

  // Every kind of call the stores make: writes, removals by index and by scan, queries and scans
  // of dates, idempotency records, claims, post states (read, listed, removed) and cursors.
  const SourceRef source = make_source(101, "week-one");
  const std::vector<SessionRecord> week = {
      make_record(source, "2020-12-21", "Monday", "Snatch 5x2"),
      make_record(source, "2020-12-23", "Wednesday", "Clean 5x2")};
  for (DynamoDbSessionStore* store : {&sessions, &plain}) {
    ASSERT_TRUE(store->replace_post_sessions(source, week).ok());
    ASSERT_TRUE(store->replace_post_sessions(source, {week[0]}).ok());
    ASSERT_TRUE(store->sessions_between("2020-12-21", "2020-12-27").ok());
    ASSERT_TRUE(store->sessions_between("2020-01-01", "2020-12-31").ok());
    ASSERT_TRUE(store->all_sessions().ok());
  }
  const Clock::time_point now = Clock::now();
  ASSERT_TRUE(state.mark_done("key-1", "process_post", now + hours(24)).ok());
  ASSERT_TRUE(state.is_done("key-1", now).ok());
  ASSERT_TRUE(state.claim("key-2", "process_post", now + hours(1), now).ok());
  ASSERT_TRUE(state.release("key-2").ok());
  ASSERT_TRUE(state.save_post_state(make_post_state()).ok());
  ASSERT_TRUE(state.find_post_state(101).ok());
  ASSERT_TRUE(state.all_post_states().ok());
  ASSERT_TRUE(state.remove_post_state(101).ok());
  ASSERT_TRUE(state.save_sync_cursor(SyncCursor{"blog", "https://blog.test", "x", ""}).ok());
  ASSERT_TRUE(state.find_sync_cursor("blog").ok());

  std::vector<std::string> problems;
  int expressions_seen = 0;
  const std::vector<StandinRequest> requests = services->standins().requests(AwsService::dynamodb);
  for (std::size_t index = first_request; index < requests.size(); ++index) {
    const StandinRequest& request = requests[index];
    if (request.body.find(prefix) == std::string::npos) {
      continue;
    }
    expressions_seen += request.body.find("Expression\"") != std::string::npos ? 1 : 0;
    collect_problems(Json::parse(request.body), request.operation, problems);
  }

  EXPECT_GT(expressions_seen, 10);
  EXPECT_EQ(problems, std::vector<std::string>{});
}

TEST(DynamoDbExpressionCheck, FindsNamesWrittenOut) {
  const Json names{{"#d", "date"}};

  EXPECT_TRUE(expression_problems("#d = :d AND attribute_not_exists(#d)", names).empty());
  EXPECT_EQ(expression_problems("#d BETWEEN :a AND :b AND post_id = :p", names),
            std::vector<std::string>{"attribute name 'post_id' is not aliased"});
  EXPECT_EQ(expression_problems("#s = :s", names),
            std::vector<std::string>{"alias #s is not in ExpressionAttributeNames"});
}

}  // namespace
}  // namespace wodetl::testing
