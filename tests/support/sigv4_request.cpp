#include "support/sigv4_request.hpp"

#include <curl/curl.h>

#include <memory>
#include <sstream>

namespace wodetl::testing {

namespace {

struct Transfer {
  std::string body;
  std::string header_block;
};

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* transfer) {
  static_cast<Transfer*>(transfer)->body.append(data, size * count);
  return size * count;
}

int record_sent_headers(CURL* /*handle*/, curl_infotype type, char* data, std::size_t size,
                        void* transfer) {
  if (type == CURLINFO_HEADER_OUT) {
    static_cast<Transfer*>(transfer)->header_block.append(data, size);
  }
  return 0;
}

std::vector<std::string> header_lines(const std::string& block) {
  std::vector<std::string> lines;
  std::istringstream stream(block);
  std::string line;
  bool request_line = true;
  while (std::getline(stream, line)) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (request_line) {
      request_line = false;
      continue;
    }
    if (!line.empty()) {
      lines.push_back(line);
    }
  }
  return lines;
}

// Sends with `configure` applied to a handle that already has the method, URL, headers and body.
HttpReply perform(const std::string& method, const std::string& url,
                  const std::vector<std::string>& headers, const std::string& body,
                  void (*configure)(CURL*, const void*), const void* context) {
  const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> handle(curl_easy_init(),
                                                                   curl_easy_cleanup);
  curl_slist* list = nullptr;
  for (const std::string& header : headers) {
    list = curl_slist_append(list, header.c_str());
  }
  const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> owned_list(list,
                                                                               curl_slist_free_all);

  Transfer transfer;
  CURL* curl = handle.get();
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, record_sent_headers);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);
  if (method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else if (method != "GET" || !body.empty()) {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  if (configure != nullptr) {
    configure(curl, context);
  }

  HttpReply reply;
  const CURLcode code = curl_easy_perform(curl);
  if (code != CURLE_OK) {
    reply.error = curl_easy_strerror(code);
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
  reply.body = std::move(transfer.body);
  reply.sent_headers = header_lines(transfer.header_block);
  return reply;
}

}  // namespace

HttpReply send_signed(const SigV4Request& request) {
  std::vector<std::string> headers = request.headers;
  if (!request.credentials.session_token.empty()) {
    headers.push_back("x-amz-security-token: " + request.credentials.session_token);
  }
  const std::string provider = "aws:amz:" + request.region + ":" + request.service;
  const struct Signing {
    const std::string& provider;
    const AwsCredentials& credentials;
  } signing{provider, request.credentials};
  return perform(
      request.method, request.url, headers, request.body,
      [](CURL* curl, const void* context) {
        const auto& sign = *static_cast<const Signing*>(context);
        curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, sign.provider.c_str());
        curl_easy_setopt(curl, CURLOPT_USERNAME, sign.credentials.access_key_id.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, sign.credentials.secret_access_key.c_str());
      },
      &signing);
}

HttpReply send_unsigned(const std::string& method, const std::string& url,
                        const std::vector<std::string>& headers, const std::string& body) {
  // Without "Expect:", libcurl waits for 100-continue before a large body. Only unsigned requests
  // may pass it, because libcurl 7.88 lists a header removed this way in SignedHeaders.
  std::vector<std::string> kept = {"Expect:"};
  for (const std::string& header : headers) {
    // libcurl sets Content-Length for the body it sends.
    if (header.rfind("Content-Length:", 0) != 0 && header.rfind("content-length:", 0) != 0) {
      kept.push_back(header);
    }
  }
  return perform(method, url, kept, body, nullptr, nullptr);
}

}  // namespace wodetl::testing
