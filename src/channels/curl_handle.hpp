// libcurl's global setup once per process and an easy handle that cleans up
// after itself (with the header and recipient lists it owns). A sender keeps
// one handle, so that its messages share a connection.
#pragma once

#include <curl/curl.h>

#include <string>
#include <vector>

namespace arrears::channels {

class CurlHandle {
 public:
  CurlHandle();
  ~CurlHandle();
  CurlHandle(const CurlHandle&) = delete;
  CurlHandle& operator=(const CurlHandle&) = delete;

  CURL* get() const { return handle_; }
  // Ready for the next transfer: options back to their defaults and the lists freed, the open connection kept
  // (the next message to the same server reuses it).
  void Reset();
  // A header or recipient list kept alive as long as the handle.
  curl_slist* List(const std::vector<std::string>& items);

 private:
  CURL* handle_;
  std::vector<curl_slist*> lists_;
};

}  // namespace arrears::channels
