// /healthz, /readyz, /metrics, the OpenAPI document, and the web UI's static files.
#include <filesystem>
#include <fstream>

#include "http/api.hpp"
#include "http/openapi_document.hpp"
#include "http/openapi_page.hpp"
#include "http/problem.hpp"

namespace arrears::http {

namespace {

std::string MediaTypeOf(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript"}, {".css", "text/css"},
      {".json", "application/json"},         {".svg", "image/svg+xml"},  {".png", "image/png"},
      {".ico", "image/x-icon"},              {".woff2", "font/woff2"},   {".txt", "text/plain; charset=utf-8"}};
  for (const auto& [suffix, type] : kTypes) {
    if (path.ends_with(suffix)) return type;
  }
  return "application/octet-stream";
}

}  // namespace

Response ServeStatic(const std::string& root, const Request& request) {
  namespace fs = std::filesystem;
  std::string relative = request.path == "/" ? "index.html" : request.path.substr(1);
  if (relative.find("..") != std::string::npos) return Problem(404, "Not found", "no file " + request.path);
  fs::path file = fs::path(root) / relative;
  std::error_code ec;
  // A path the single-page app routes itself gets its index.
  if (!fs::is_regular_file(file, ec)) file = fs::path(root) / "index.html";
  if (!fs::is_regular_file(file, ec)) return Problem(404, "Not found", "no file " + request.path);
  Response response;
  response.Set("Content-Type", MediaTypeOf(file.string()));
  // Vite names assets by content hash: they never change; the index always revalidates.
  const bool hashed = relative.starts_with("assets/");
  response.Set("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  const fs::path gzipped = fs::path(file.string() + ".gz");
  if (request.Header("accept-encoding").find("gzip") != std::string::npos && fs::is_regular_file(gzipped, ec)) {
    response.Set("Content-Encoding", "gzip");
    response.Set("Vary", "Accept-Encoding");
    response.file = gzipped.string();
  } else {
    response.file = file.string();
  }
  return response;
}

void AddSystemRoutes(Router& router, const ApiServices& services, Metrics& metrics) {
  router.Add({"GET", "/healthz", Access::kPublic, {}, [](Call&) {
                Response response;
                response.Set("Content-Type", "text/plain");
                response.body = "ok\n";
                return response;
              }});
  router.Add({"GET", "/readyz", Access::kPublic, {}, [&services](Call&) {
                Response response;
                response.Set("Content-Type", "text/plain");
                try {
                  auto session = services.database.Acquire();
                  session->Query("SELECT 1");
                  response.body = "ready\n";
                } catch (const std::exception& e) {
                  response.status = 503;
                  response.body = std::string("database unavailable: ") + e.what() + "\n";
                }
                return response;
              }});
  router.Add({"GET", "/metrics", Access::kPublic, {}, [&metrics](Call&) {
                Response response;
                response.Set("Content-Type", "text/plain; version=0.0.4");
                response.body = metrics.Render();
                return response;
              }});
  router.Add({"GET", "/api/v1/openapi.json", Access::kPublic, {}, [](Call&) {
                Response response;
                response.Set("Content-Type", "application/json");
                response.body = std::string(OpenApiDocument());
                return response;
              }});
  router.Add({"GET", "/api/v1/docs", Access::kPublic, {}, [page = RenderOpenApiPage(OpenApiDocument())](Call&) {
                Response response;
                response.Set("Content-Type", "text/html; charset=utf-8");
                response.Set("Cache-Control", "no-cache");
                response.body = page;
                return response;
              }});
}

}  // namespace arrears::http
