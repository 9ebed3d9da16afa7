#include "channels/curl_handle.hpp"

#include <mutex>
#include <stdexcept>

namespace arrears::channels {

CurlHandle::CurlHandle() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  handle_ = curl_easy_init();
  if (!handle_) throw std::runtime_error("libcurl could not start a transfer");
}

CurlHandle::~CurlHandle() {
  curl_easy_cleanup(handle_);
  for (curl_slist* list : lists_) curl_slist_free_all(list);
}

void CurlHandle::Reset() {
  curl_easy_reset(handle_);
  for (curl_slist* list : lists_) curl_slist_free_all(list);
  lists_.clear();
}

curl_slist* CurlHandle::List(const std::vector<std::string>& items) {
  curl_slist* list = nullptr;
  for (const std::string& item : items) list = curl_slist_append(list, item.c_str());
  lists_.push_back(list);
  return list;
}

}  // namespace arrears::channels
