#include "support/aws_standins.hpp"

#include <fcntl.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <stdexcept>
#include <thread>
#include <utility>

#include "core/json_codec.hpp"

extern char** environ;  // NOLINT: POSIX declares it nowhere else

namespace wodetl::testing {

namespace {

const std::filesystem::path kStandinsDir = WODETL_STANDINS_DIR;
const std::filesystem::path kLogDir = WODETL_STANDINS_LOG_DIR;
constexpr auto kPollInterval = std::chrono::milliseconds(10);
constexpr auto kStopTimeout = std::chrono::seconds(5);

// Returns the node executable: WODETL_NODE when set, else the first node on PATH.
std::optional<std::filesystem::path> find_node() {
  if (const char* configured = std::getenv("WODETL_NODE"); configured && *configured) {
    if (access(configured, X_OK) != 0) {
      return std::nullopt;
    }
    return std::filesystem::path(configured);
  }
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "";
  while (!rest.empty()) {
    const auto colon = rest.find(':');
    const std::filesystem::path candidate =
        std::filesystem::path(std::string(rest.substr(0, colon))) / "node";
    if (access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
  }
  return std::nullopt;
}

std::string tail_of_file(const std::filesystem::path& path, std::size_t max_bytes = 4000) {
  std::ifstream stream(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(stream)),
                         std::istreambuf_iterator<char>());
  return text.size() > max_bytes ? "…" + text.substr(text.size() - max_bytes) : text;
}

std::string string_or_empty(const Json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// Splits "http://HOST:PORT" into host and port.
std::pair<std::string, int> host_and_port(const std::string& url) {
  const auto host_start = url.find("://") + 3;
  const auto colon = url.rfind(':');
  return {url.substr(host_start, colon - host_start), std::stoi(url.substr(colon + 1))};
}

// Sets each string member of target to the field of entry that names it; "" when the field is
// absent or not a string.
template <class Target>
void read_string_fields(
    const Json& entry, Target& target,
    std::initializer_list<std::pair<std::string Target::*, const char*>> fields) {
  for (const auto& [member, key] : fields) {
    target.*member = string_or_empty(entry, key);
  }
}

StandinRequest request_from_json(const Json& entry) {
  StandinRequest request;
  read_string_fields(entry, request,
                     {{&StandinRequest::service, "service"},
                      {&StandinRequest::operation, "operation"},
                      {&StandinRequest::method, "method"},
                      {&StandinRequest::path, "path"},
                      {&StandinRequest::access_key_id, "accessKeyId"},
                      {&StandinRequest::decision, "decision"},
                      {&StandinRequest::error_code, "errorCode"},
                      {&StandinRequest::message, "message"},
                      {&StandinRequest::body, "body"}});
  request.status = entry.value("status", 0);
  return request;
}

}  // namespace

std::string_view signing_name(AwsService service) {
  switch (service) {
    case AwsService::s3:
      return "s3";
    case AwsService::dynamodb:
      return "dynamodb";
    case AwsService::sns:
      return "sns";
    case AwsService::secrets_manager:
      return "secretsmanager";
  }
  return "";
}

std::optional<std::string> AwsStandins::unavailable_reason() {
  if (!find_node()) {
    return "node is not on PATH, or WODETL_NODE is not an executable (install Node.js 20)";
  }
  for (const char* module :
       {"dynalite", "s3rver", "@smithy/signature-v4", "@aws-crypto/sha256-js"}) {
    if (!std::filesystem::exists(kStandinsDir / "node_modules" / module / "package.json")) {
      return std::string("npm module ") + module + " is missing from " +
             (kStandinsDir / "node_modules").string() +
             "; run tests/standins/install.sh (make test runs it)";
    }
  }
  return std::nullopt;
}

AwsStandins::AwsStandins(AwsStandinsOptions options) : region_(options.region) {
  if (const auto reason = unavailable_reason()) {
    throw std::runtime_error("AWS stand-ins unavailable: " + *reason);
  }

  // Configuration, as standins.js reads it.
  std::filesystem::create_directories(kLogDir);
  log_file_ = kLogDir / ("aws-standins-" + std::to_string(getpid()) + "-" +
                         folder_.path().filename().string() + ".log");
  Json config = {{"region", options.region},
                 {"buckets", options.buckets},
                 {"topics", options.topics},
                 {"secrets", options.secrets},
                 {"s3Directory", (folder_.path() / "s3").string()},
                 {"logFile", log_file_.string()},
                 {"maxClockSkewSeconds", options.max_clock_skew.count()},
                 {"credentials", Json::array()}};
  for (const AwsCredentials& extra : options.extra_credentials) {
    Json entry = {{"accessKeyId", extra.access_key_id},
                  {"secretAccessKey", extra.secret_access_key}};
    if (!extra.session_token.empty()) {
      entry["sessionToken"] = extra.session_token;
    }
    config["credentials"].push_back(entry);
  }
  const auto config_path = folder_.path() / "config.json";
  const auto ready_path = folder_.path() / "ready.json";
  const auto output_path = folder_.path() / "node-output.log";
  std::filesystem::create_directories(folder_.path() / "s3");
  std::ofstream(config_path) << config.dump();

  // The child reads its standard input from a pipe. Only this process has the write end, because
  // O_CLOEXEC keeps it out of other children. When this process dies, the child reads end of file
  // and exits (--exit-with-parent), so no stand-in outlives its test.
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    throw std::runtime_error("failed to create a pipe for the AWS stand-ins");
  }
  parent_pipe_ = pipe_fds[1];

  const std::string node = find_node()->string();
  const std::string script = (kStandinsDir / "standins.js").string();
  // s3rver 3 encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only offers in
  // its legacy provider.
  std::vector<std::string> arguments = {node,
                                        "--openssl-legacy-provider",
                                        script,
                                        "--config",
                                        config_path.string(),
                                        "--ready-file",
                                        ready_path.string(),
                                        "--exit-with-parent"};
  std::vector<char*> argv;
  for (std::string& argument : arguments) {
    argv.push_back(argument.data());
  }
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[0], STDIN_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, output_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  const auto started = std::chrono::steady_clock::now();
  const int spawn_error = posix_spawn(&pid_, node.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[0]);
  if (spawn_error != 0) {
    close(parent_pipe_);
    parent_pipe_ = -1;
    pid_ = -1;
    throw std::runtime_error("failed to start " + node + ": error " + std::to_string(spawn_error));
  }

  // Wait for the ready file; standins.js writes it whole, by renaming.
  const auto deadline = started + options.start_timeout;
  while (!std::filesystem::exists(ready_path)) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      stop();
      throw std::runtime_error("the AWS stand-ins exited before they were ready. Output:\n" +
                               tail_of_file(output_path));
    }
    if (std::chrono::steady_clock::now() > deadline) {
      stop();
      throw std::runtime_error("the AWS stand-ins were not ready within " +
                               std::to_string(options.start_timeout.count()) + " s. Output:\n" +
                               tail_of_file(output_path));
    }
    std::this_thread::sleep_for(kPollInterval);
  }
  startup_time_ = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);

  const Json ready = Json::parse(read_file(ready_path));
  account_id_ = ready.at("accountId").get<std::string>();
  for (const auto& [service, url] : ready.at("endpoints").items()) {
    endpoints_[service] = url.get<std::string>();
  }
  for (const auto& [service, url] : ready.at("backends").items()) {
    backends_[service] = url.get<std::string>();
  }
  shared_endpoint_ = endpoints_.at("any");
  std::tie(control_host_, control_port_) = host_and_port(ready.at("control").get<std::string>());
  for (const Json& entry : ready.at("credentials")) {
    built_in_credentials_.push_back({entry.at("accessKeyId").get<std::string>(),
                                     entry.at("secretAccessKey").get<std::string>(),
                                     string_or_empty(entry, "sessionToken")});
  }
}

AwsStandins::~AwsStandins() {
  stop();
}

void AwsStandins::stop() noexcept {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + kStopTimeout;
    int status = 0;
    while (waitpid(pid_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(kPollInterval);
    }
    pid_ = -1;
  }
  if (parent_pipe_ >= 0) {
    close(parent_pipe_);
    parent_pipe_ = -1;
  }
}

std::string AwsStandins::endpoint(AwsService service) const {
  return endpoints_.at(std::string(signing_name(service)));
}

std::string AwsStandins::shared_endpoint() const {
  return shared_endpoint_;
}

std::string AwsStandins::backend_endpoint(AwsService service) const {
  return backends_.at(std::string(signing_name(service)));
}

AwsCredentials AwsStandins::credentials() const {
  return built_in_credentials_.at(0);
}

AwsCredentials AwsStandins::temporary_credentials() const {
  return built_in_credentials_.at(1);
}

std::map<std::string, std::string> AwsStandins::environment() const {
  return environment(credentials());
}

std::map<std::string, std::string> AwsStandins::environment(
    const AwsCredentials& credentials) const {
  return {
      {"AWS_ACCESS_KEY_ID", credentials.access_key_id},
      {"AWS_SECRET_ACCESS_KEY", credentials.secret_access_key},
      {"AWS_SESSION_TOKEN", credentials.session_token},
      {"AWS_REGION", region_},
      {"AWS_DEFAULT_REGION", region_},
      {"AWS_ENDPOINT_URL_S3", endpoint(AwsService::s3)},
      {"AWS_ENDPOINT_URL_DYNAMODB", endpoint(AwsService::dynamodb)},
      {"AWS_ENDPOINT_URL_SNS", endpoint(AwsService::sns)},
      {"AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoint(AwsService::secrets_manager)},
  };
}

AwsStandins::ControlResponse AwsStandins::control(const std::string& method,
                                                  const std::string& path,
                                                  const std::string& body) const {
  httplib::Client client(control_host_, control_port_);
  client.set_connection_timeout(5);
  client.set_read_timeout(30);
  httplib::Result result = method == "GET"      ? client.Get(path)
                           : method == "DELETE" ? client.Delete(path)
                           : method == "PUT"    ? client.Put(path, body, "application/json")
                                                : client.Post(path, body, "application/json");
  if (!result) {
    throw std::runtime_error("AWS stand-ins control request " + method + " " + path +
                             " failed: " + httplib::to_string(result.error()));
  }
  if (result->status != 200) {
    throw std::runtime_error("AWS stand-ins control request " + method + " " + path + " returned " +
                             std::to_string(result->status) + ": " + result->body);
  }
  return {result->status, result->body};
}

std::string AwsStandins::create_topic(const std::string& name) {
  const Json output = Json::parse(control("POST", "/sns/topics", Json{{"Name", name}}.dump()).body);
  return output.at("TopicArn").get<std::string>();
}

std::string AwsStandins::topic_arn(const std::string& name) const {
  return "arn:aws:sns:" + region_ + ":" + account_id_ + ":" + name;
}

std::string AwsStandins::put_secret(const std::string& name, const std::string& value) {
  const Json output =
      Json::parse(control("PUT", "/secrets/" + httplib::detail::encode_query_param(name),
                          Json{{"SecretString", value}}.dump())
                      .body);
  return output.at("ARN").get<std::string>();
}

void AwsStandins::create_bucket(const std::string& name) {
  const auto [host, port] = host_and_port(backend_endpoint(AwsService::s3));
  httplib::Client client(host, port);
  const httplib::Result result = client.Put("/" + name, "", "application/octet-stream");
  if (!result || result->status != 200) {
    throw std::runtime_error("creating bucket " + name + " in s3rver failed" +
                             (result ? ": " + result->body : std::string()));
  }
}

std::vector<SnsMessage> AwsStandins::sns_messages() const {
  std::vector<SnsMessage> messages;
  for (const Json& entry : Json::parse(control("GET", "/sns/messages").body)) {
    SnsMessage message;
    read_string_fields(entry, message,
                       {{&SnsMessage::message_id, "MessageId"},
                        {&SnsMessage::topic_arn, "TopicArn"},
                        {&SnsMessage::target_arn, "TargetArn"},
                        {&SnsMessage::phone_number, "PhoneNumber"},
                        {&SnsMessage::subject, "Subject"},
                        {&SnsMessage::message, "Message"},
                        {&SnsMessage::message_structure, "MessageStructure"}});
    for (const auto& [name, value] : entry.at("MessageAttributes").items()) {
      const std::string text = string_or_empty(value, "StringValue");
      message.attributes[name] = text.empty() ? string_or_empty(value, "BinaryValue") : text;
    }
    messages.push_back(std::move(message));
  }
  return messages;
}

std::vector<StandinRequest> AwsStandins::requests() const {
  std::vector<StandinRequest> requests;
  for (const Json& entry : Json::parse(control("GET", "/requests").body)) {
    requests.push_back(request_from_json(entry));
  }
  return requests;
}

std::vector<StandinRequest> AwsStandins::requests(AwsService service) const {
  std::vector<StandinRequest> requests;
  const std::string path = "/requests?service=" + std::string(signing_name(service));
  for (const Json& entry : Json::parse(control("GET", path).body)) {
    requests.push_back(request_from_json(entry));
  }
  return requests;
}

void AwsStandins::add_fault(const AwsFault& fault) {
  Json input = {{"service", signing_name(fault.service)}, {"times", fault.times}};
  if (!fault.operation.empty()) {
    input["operation"] = fault.operation;
  }
  if (fault.status != 0) {
    input["status"] = fault.status;
    input["body"] = fault.body;
    input["contentType"] = fault.content_type;
    input["headers"] = fault.headers;
  }
  if (fault.unprocessed_items > 0) {
    input["unprocessedItems"] = fault.unprocessed_items;
  }
  if (fault.close_connection) {
    input["closeConnection"] = true;
  }
  if (fault.delay.count() > 0) {
    input["delayMs"] = fault.delay.count();
  }
  control("POST", "/faults", input.dump());
}

void AwsStandins::clear_faults() {
  control("DELETE", "/faults");
}

void AwsStandins::reset() {
  control("POST", "/reset");
}

}  // namespace wodetl::testing
