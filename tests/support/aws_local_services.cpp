#include "support/aws_local_services.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace wodetl::testing {

namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

// Returns a port on 127.0.0.1 that was free a moment ago; dynalite cannot pick one itself.
int free_port() {
  const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (socket_fd < 0 || ::bind(socket_fd, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      ::getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (socket_fd >= 0) {
      ::close(socket_fd);
    }
    throw std::runtime_error("could not find a free port on 127.0.0.1");
  }
  ::close(socket_fd);
  return ntohs(address.sin_port);
}

bool accepts_connections(int port) {
  const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  const bool connected =
      socket_fd >= 0 &&
      ::connect(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  if (socket_fd >= 0) {
    ::close(socket_fd);
  }
  return connected;
}

// Finds program in PATH, as a shell would.
std::string find_in_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string folders = path != nullptr ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= folders.size()) {
    const std::size_t end = std::min(folders.find(':', start), folders.size());
    const auto candidate = std::filesystem::path(folders.substr(start, end - start)) / program;
    if (::access(candidate.c_str(), X_OK) == 0) {
      return candidate.string();
    }
    start = end + 1;
  }
  throw std::runtime_error(program + " is not in PATH");
}

// Starts arguments[0] from PATH with stdout going to output_fd (or /dev/null when -1). The child
// gets SIGTERM when this process ends, so a crashed test leaves no server behind.
pid_t spawn(const std::vector<std::string>& arguments, int output_fd) {
  const std::string program = find_in_path(arguments[0]);
  std::vector<char*> argv;
  for (const std::string& argument : arguments) {
    argv.push_back(const_cast<char*>(argument.c_str()));
  }
  argv.push_back(nullptr);
  const pid_t parent = ::getpid();

  const pid_t pid = ::fork();
  if (pid < 0) {
    throw std::runtime_error("could not start " + arguments[0]);
  }
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec.
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent) {
      ::_exit(127);
    }
    const int null_fd = ::open("/dev/null", O_WRONLY);
    ::dup2(output_fd >= 0 ? output_fd : null_fd, STDOUT_FILENO);
    ::dup2(null_fd, STDERR_FILENO);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

void stop(pid_t pid) {
  if (pid <= 0) {
    return;
  }
  ::kill(pid, SIGTERM);
  for (int i = 0; i < 200; ++i) {
    if (::waitpid(pid, nullptr, WNOHANG) == pid) {
      return;
    }
    std::this_thread::sleep_for(milliseconds(10));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
}

// Reads s3rver's "S3rver listening on 127.0.0.1:PORT" line from fd; 0 on time-out.
int read_listening_port(int fd, steady_clock::time_point deadline) {
  std::string output;
  while (steady_clock::now() < deadline) {
    pollfd entry{fd, POLLIN, 0};
    if (::poll(&entry, 1, 100) <= 0) {
      continue;
    }
    char buffer[512];
    const ssize_t count = ::read(fd, buffer, sizeof buffer);
    if (count <= 0) {
      return 0;
    }
    output.append(buffer, static_cast<std::size_t>(count));
    const std::size_t marker = output.find("127.0.0.1:");
    const std::size_t line_end = marker == std::string::npos ? marker : output.find('\n', marker);
    if (line_end != std::string::npos) {
      return std::atoi(output.c_str() + marker + 10);
    }
  }
  return 0;
}

}  // namespace

AwsLocalServices* AwsLocalServices::shared(std::string& why_not) {
  static std::mutex mutex;
  static std::unique_ptr<AwsLocalServices> services;
  static std::string failure;
  std::lock_guard lock(mutex);
  if (services || !failure.empty()) {
    why_not = failure;
    return services.get();
  }

  const char* folder = std::getenv("WODETL_AWS_STANDINS_DIR");
  if (folder == nullptr || *folder == '\0') {
    failure =
        "WODETL_AWS_STANDINS_DIR is not set; point it at a folder prepared with "
        "`npm i dynalite@4 s3rver@3`";
  } else if (!std::filesystem::exists(std::filesystem::path(folder) / "node_modules" / "dynalite" /
                                      "cli.js") ||
             !std::filesystem::exists(std::filesystem::path(folder) / "node_modules" / "s3rver" /
                                      "bin" / "s3rver.js")) {
    failure = std::string(folder) + " has no node_modules/dynalite or node_modules/s3rver";
  } else {
    try {
      std::unique_ptr<AwsLocalServices> started(new AwsLocalServices());
      started->start(folder);
      services = std::move(started);
    } catch (const std::exception& exception) {
      failure = exception.what();
    }
  }
  why_not = failure;
  return services.get();
}

void AwsLocalServices::start(const std::filesystem::path& npm_folder) {
  const auto modules = npm_folder / "node_modules";
  const auto deadline = steady_clock::now() + std::chrono::seconds(15);

  dynamodb_port_ = free_port();
  dynamodb_pid_ = spawn({"node", (modules / "dynalite" / "cli.js").string(), "--host", "127.0.0.1",
                         "--port", std::to_string(dynamodb_port_), "--createTableMs", "0"},
                        -1);

  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) {
    throw std::runtime_error("could not create a pipe for s3rver");
  }
  folder_ = std::filesystem::temp_directory_path() /
            ("wodetl-aws-standins-" + std::to_string(::getpid()));
  const auto s3_data = folder_ / "s3";
  std::filesystem::create_directories(folder_ / "home");
  std::filesystem::create_directories(s3_data);
  // s3rver needs OpenSSL's legacy provider for the MD5 of ListObjectsV2 continuation tokens.
  s3_pid_ = spawn(
      {"node", "--openssl-legacy-provider", (modules / "s3rver" / "bin" / "s3rver.js").string(),
       "-d", s3_data.string(), "-a", "127.0.0.1", "-p", "0", "-s"},
      pipe_fds[1]);
  ::close(pipe_fds[1]);
  s3_port_ = read_listening_port(pipe_fds[0], deadline);
  ::close(pipe_fds[0]);
  if (s3_port_ == 0) {
    throw std::runtime_error("s3rver did not report its port within 15 s");
  }

  while (!accepts_connections(dynamodb_port_)) {
    if (steady_clock::now() > deadline) {
      throw std::runtime_error("dynalite did not accept connections within 15 s");
    }
    std::this_thread::sleep_for(milliseconds(20));
  }
}

AwsLocalServices::~AwsLocalServices() {
  stop(dynamodb_pid_);
  stop(s3_pid_);
  if (!folder_.empty()) {
    std::error_code error;
    std::filesystem::remove_all(folder_, error);
  }
}

std::string AwsLocalServices::dynamodb_endpoint() const {
  return "http://127.0.0.1:" + std::to_string(dynamodb_port_);
}

std::string AwsLocalServices::s3_endpoint() const {
  return "http://127.0.0.1:" + std::to_string(s3_port_);
}

AwsSettings AwsLocalServices::settings() const {
  AwsSettings settings;
  settings.region = "us-east-1";
  settings.credentials = AwsCredentials{.access_key_id = kAccessKeyId,
                                        .secret_access_key = kSecretAccessKey,
                                        .origin = "the test stand-ins"};
  settings.endpoint_overrides[AwsService::kDynamoDb] = dynamodb_endpoint();
  settings.endpoint_overrides[AwsService::kS3] = s3_endpoint();
  return settings;
}

std::map<std::string, std::string> AwsLocalServices::environment() const {
  return {
      {"HOME", (folder_ / "home").string()},       {"AWS_ACCESS_KEY_ID", kAccessKeyId},
      {"AWS_SECRET_ACCESS_KEY", kSecretAccessKey},        {"AWS_REGION", "us-east-1"},
      {"AWS_ENDPOINT_URL_DYNAMODB", dynamodb_endpoint()}, {"AWS_ENDPOINT_URL_S3", s3_endpoint()}};
}

std::string AwsLocalServices::unique_name(const std::string& prefix) {
  static std::atomic<int> counter{0};
  return prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1));
}

}  // namespace wodetl::testing
