#pragma once
// HTTP server on 127.0.0.1 for tests, on a free port the system picks, served from a thread.

#include <httplib.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace wodetl::testing {

class LocalHttpServer {
 public:
  //! Lets `add_routes` register handlers, binds 127.0.0.1 on a free port and starts serving.
  //! Throws std::runtime_error when binding fails or the server does not start.
  explicit LocalHttpServer(const std::function<void(httplib::Server&)>& add_routes);

  //! Stops the server and joins its threads. A handler still running delays this until it
  //! returns.
  ~LocalHttpServer();

  LocalHttpServer(const LocalHttpServer&) = delete;
  LocalHttpServer& operator=(const LocalHttpServer&) = delete;

  [[nodiscard]] int port() const { return port_; }

  //! Returns "http://127.0.0.1:PORT" followed by `path`.
  [[nodiscard]] std::string url(std::string_view path = "") const;

  //! Closes the next `count` connections as soon as they are accepted, before reading the
  //! request, as a server that crashes or a network that drops the connection does.
  void drop_next_connections(int count);

  //! Returns the number of connections closed by drop_next_connections so far.
  [[nodiscard]] int dropped_connections() const { return dropped_.load(); }

  //! Returns the number of connections accepted so far, dropped ones included.
  [[nodiscard]] int accepted_connections() const { return accepted_.load(); }

 private:
  void accept_connections();
  void relay(int client);

  httplib::Server server_;
  int server_port_ = -1;  // httplib listens here; clients connect to port_
  std::thread server_thread_;

  // httplib 0.11 has no hook to close a connection unread, so clients connect to a listening
  // socket of our own that relays each connection to httplib, or closes it when asked to.
  int listener_ = -1;
  int port_ = -1;
  std::thread accept_thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_to_drop_{0};
  std::atomic<int> dropped_{0};
  std::atomic<int> accepted_{0};
  std::mutex relays_mutex_;
  std::vector<std::thread> relays_;
};

}  // namespace wodetl::testing
