#include "support/local_http_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <stdexcept>

namespace wodetl::testing {

namespace {

sockaddr_in loopback_address(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

//! Copies what is readable on `from` to `to`; returns false at end of stream or on an error.
bool pump(int from, int to) {
  std::array<char, 16384> buffer{};
  const ssize_t received = ::recv(from, buffer.data(), buffer.size(), 0);
  if (received <= 0) {
    return false;
  }
  ssize_t sent = 0;
  while (sent < received) {
    const ssize_t written =
        ::send(to, buffer.data() + sent, static_cast<std::size_t>(received - sent), MSG_NOSIGNAL);
    if (written <= 0) {
      return false;
    }
    sent += written;
  }
  return true;
}

}  // namespace

LocalHttpServer::LocalHttpServer(const std::function<void(httplib::Server&)>& add_routes) {
  add_routes(server_);
  // wodetl closes each connection after one request; a short keep-alive bounds the shutdown
  // when a client leaves one open.
  server_.set_keep_alive_timeout(1);
  server_port_ = server_.bind_to_any_port("127.0.0.1");
  if (server_port_ <= 0) {
    throw std::runtime_error("failed to bind a test server on 127.0.0.1");
  }
  server_thread_ = std::thread([this] { server_.listen_after_bind(); });

  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!server_.is_running()) {
    if (std::chrono::steady_clock::now() > deadline) {
      server_.stop();
      server_thread_.join();
      throw std::runtime_error("the test server on 127.0.0.1 did not start within 5 s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address = loopback_address(0);
  socklen_t length = sizeof address;
  if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      ::listen(listener_, 64) != 0 ||
      ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    server_.stop();
    server_thread_.join();
    throw std::runtime_error("failed to bind the relay of a test server on 127.0.0.1");
  }
  port_ = ntohs(address.sin_port);
  accept_thread_ = std::thread([this] { accept_connections(); });
}

LocalHttpServer::~LocalHttpServer() {
  stopping_ = true;
  ::shutdown(listener_, SHUT_RDWR);
  accept_thread_.join();
  ::close(listener_);
  server_.stop();
  if (server_thread_.joinable()) {
    server_thread_.join();
  }
  std::lock_guard lock(relays_mutex_);
  for (std::thread& relay_thread : relays_) {
    relay_thread.join();
  }
}

void LocalHttpServer::accept_connections() {
  while (!stopping_) {
    const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) {
      continue;  // the destructor's shutdown ends accept with an error, then stopping_ is set
    }
    ++accepted_;
    int remaining = connections_to_drop_.load();
    while (remaining > 0 && !connections_to_drop_.compare_exchange_weak(remaining, remaining - 1)) {
    }
    if (remaining > 0) {
      ++dropped_;
      ::close(client);
      continue;
    }
    std::lock_guard lock(relays_mutex_);
    relays_.emplace_back([this, client] { relay(client); });
  }
}

void LocalHttpServer::relay(int client) {
  const int upstream = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address = loopback_address(server_port_);
  if (upstream < 0 ||
      ::connect(upstream, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(client);
    if (upstream >= 0) {
      ::close(upstream);
    }
    return;
  }

  std::array<pollfd, 2> sockets{pollfd{client, POLLIN, 0}, pollfd{upstream, POLLIN, 0}};
  while (true) {
    if (::poll(sockets.data(), sockets.size(), 100) < 0) {
      break;
    }
    if (stopping_ && sockets[0].revents == 0 && sockets[1].revents == 0) {
      break;
    }
    if ((sockets[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0 && !pump(client, upstream)) {
      break;
    }
    if ((sockets[1].revents & (POLLIN | POLLHUP | POLLERR)) != 0 && !pump(upstream, client)) {
      break;
    }
  }
  ::close(upstream);
  ::close(client);
}

std::string LocalHttpServer::url(std::string_view path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

void LocalHttpServer::drop_next_connections(int count) {
  connections_to_drop_ += count;
}

}  // namespace wodetl::testing
