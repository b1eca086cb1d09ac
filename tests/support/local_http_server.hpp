#pragma once
// HTTP server on 127.0.0.1 for tests, on a free port the system picks, served from a thread.

#include <httplib.h>

#include <functional>
#include <string>
#include <string_view>
#include <thread>

namespace wodetl::testing {

class LocalHttpServer {
 public:
  //! Lets `add_routes` register handlers, binds 127.0.0.1 on a free port and starts serving.
  //! Throws std::runtime_error when binding fails or the server does not start.
  explicit LocalHttpServer(const std::function<void(httplib::Server&)>& add_routes);

  //! Stops the server and joins its thread. A handler still running delays this until it returns.
  ~LocalHttpServer();

  LocalHttpServer(const LocalHttpServer&) = delete;
  LocalHttpServer& operator=(const LocalHttpServer&) = delete;

  [[nodiscard]] int port() const { return port_; }

  //! Returns "http://127.0.0.1:PORT" followed by `path`.
  [[nodiscard]] std::string url(std::string_view path = "") const;

 private:
  httplib::Server server_;
  int port_ = -1;
  std::thread thread_;
};

}  // namespace wodetl::testing
