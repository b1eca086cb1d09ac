#include "support/local_http_server.hpp"

#include <chrono>
#include <stdexcept>

namespace wodetl::testing {

LocalHttpServer::LocalHttpServer(const std::function<void(httplib::Server&)>& add_routes) {
  add_routes(server_);
  // wodetl closes each connection after one request; a short keep-alive bounds the shutdown
  // when a client leaves one open.
  server_.set_keep_alive_timeout(1);
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ <= 0) {
    throw std::runtime_error("failed to bind a test server on 127.0.0.1");
  }
  thread_ = std::thread([this] { server_.listen_after_bind(); });

  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!server_.is_running()) {
    if (std::chrono::steady_clock::now() > deadline) {
      server_.stop();
      thread_.join();
      throw std::runtime_error("the test server on 127.0.0.1 did not start within 5 s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

LocalHttpServer::~LocalHttpServer() {
  server_.stop();
  if (thread_.joinable()) {
    thread_.join();
  }
}

std::string LocalHttpServer::url(std::string_view path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

}  // namespace wodetl::testing
