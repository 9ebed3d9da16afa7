#include "http/openapi_page.hpp"

#include <boost/json.hpp>
#include <cctype>
#include <map>
#include <vector>

namespace arrears::http {

namespace {

namespace json = boost::json;

std::string Escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string Text(const json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

// Follows a local "$ref" ("#/components/parameters/CaseId").
const json::object& Resolve(const json::object& root, const json::object& object) {
  const std::string ref = Text(object, "$ref");
  if (!ref.starts_with("#/")) return object;
  const json::object* at = &root;
  std::size_t start = 2;
  while (start <= ref.size()) {
    const std::size_t slash = ref.find('/', start);
    const std::string key = ref.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    const json::value* next = at->if_contains(key);
    if (!next || !next->is_object()) return object;
    at = &next->as_object();
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return *at;
}

// A JSON value indented two spaces a level, for schemas.
void Pretty(const json::value& value, std::string& out, int indent) {
  const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
  if (value.is_object() && !value.as_object().empty()) {
    out += "{\n";
    bool first = true;
    for (const auto& [key, item] : value.as_object()) {
      if (!first) out += ",\n";
      first = false;
      out += pad + "  " + json::serialize(json::string(key)) + ": ";
      Pretty(item, out, indent + 1);
    }
    out += "\n" + pad + "}";
  } else {
    out += json::serialize(value);
  }
}

std::string Anchor(const std::string& method, const std::string& path) {
  std::string anchor = method + "-";
  for (const char c : path) anchor.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '-');
  return anchor;
}

}  // namespace

std::string RenderOpenApiPage(std::string_view document_json) {
  const json::value document = json::parse(document_json);
  const json::object& root = document.as_object();
  const json::object& info = root.at("info").as_object();
  struct Operation {
    std::string method, path;
    const json::object* body;
  };
  std::vector<std::string> tag_order;
  std::map<std::string, std::string> tag_text;
  for (const auto& tag : root.at("tags").as_array()) {
    tag_order.push_back(Text(tag.as_object(), "name"));
    tag_text[tag_order.back()] = Text(tag.as_object(), "description");
  }
  std::map<std::string, std::vector<Operation>> by_tag;
  for (const auto& [path, operations] : root.at("paths").as_object()) {
    for (const auto& [method, operation] : operations.as_object()) {
      const json::object& o = operation.as_object();
      std::string tag = "other";
      if (const auto* tags = o.if_contains("tags"); tags && tags->is_array() && !tags->as_array().empty()) {
        tag = std::string(tags->as_array()[0].as_string());
      }
      by_tag[tag].push_back({std::string(method), std::string(path), &o});
    }
  }
  std::string html =
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Escape(Text(info, "title")) +
      " API</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>"
      "body{font:15px/1.5 system-ui,'PingFang SC','Microsoft YaHei',sans-serif;margin:0;display:flex;color:#1f2329}"
      "nav{width:300px;height:100vh;overflow:auto;position:sticky;top:0;background:#f5f6f7;padding:16px;box-sizing:border-box}"
      "nav a{display:block;color:#1f2329;text-decoration:none;font-size:13px;padding:2px 0}"
      "main{flex:1;padding:24px 40px;max-width:1000px}section.op{border-top:1px solid #dee0e3;padding:12px 0}"
      ".m{display:inline-block;min-width:60px;font-weight:600;text-transform:uppercase}.get{color:#1664ff}"
      ".post{color:#00a870}.put{color:#ed7b2f}.delete{color:#e34d59}code,pre{font-family:ui-monospace,monospace;font-size:13px}"
      "pre{background:#f5f6f7;padding:8px;overflow:auto}table{border-collapse:collapse}td,th{border:1px solid #dee0e3;"
      "padding:4px 8px;text-align:left}</style></head><body>\n<nav><strong>" +
      Escape(Text(info, "title")) + " " + Escape(Text(info, "version")) + "</strong>";
  for (const std::string& tag : tag_order) {
    if (!by_tag.contains(tag)) continue;
    html += "<h4>" + Escape(tag) + "</h4>";
    for (const Operation& op : by_tag[tag]) {
      html += "<a href=\"#" + Anchor(op.method, op.path) + "\"><span class=\"m " + op.method + "\">" + op.method +
              "</span>" + Escape(op.path) + "</a>";
    }
  }
  html += "</nav>\n<main><h1>" + Escape(Text(info, "title")) + " API</h1><p>" + Escape(Text(info, "description")) +
          "</p><p>Machine-readable: <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a> (OpenAPI " +
          Escape(Text(root, "openapi")) + ")</p>\n";
  for (const std::string& tag : tag_order) {
    if (!by_tag.contains(tag)) continue;
    html += "<h2>" + Escape(tag) + "</h2><p>" + Escape(tag_text[tag]) + "</p>\n";
    for (const Operation& op : by_tag[tag]) {
      const json::object& o = *op.body;
      html += "<section class=\"op\" id=\"" + Anchor(op.method, op.path) + "\"><h3><span class=\"m " + op.method +
              "\">" + op.method + "</span><code>" + Escape(op.path) + "</code></h3><p>" + Escape(Text(o, "summary")) +
              "</p>";
      if (const std::string description = Text(o, "description"); !description.empty()) {
        html += "<p>" + Escape(description) + "</p>";
      }
      if (const auto* parameters = o.if_contains("parameters"); parameters && parameters->is_array()) {
        html += "<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th><th>description</th></tr>";
        for (const auto& p : parameters->as_array()) {
          const json::object& parameter = Resolve(root, p.as_object());
          const auto* required = parameter.if_contains("required");
          const auto* schema = parameter.if_contains("schema");
          html += "<tr><td><code>" + Escape(Text(parameter, "name")) + "</code></td><td>" +
                  Escape(Text(parameter, "in")) + "</td><td>" +
                  (required && required->is_bool() && required->as_bool() ? "yes" : "") + "</td><td><code>" +
                  (schema ? Escape(json::serialize(*schema)) : "") + "</code></td><td>" +
                  Escape(Text(parameter, "description")) + "</td></tr>";
        }
        html += "</table>";
      }
      if (const auto* request = o.if_contains("requestBody"); request && request->is_object()) {
        for (const auto& [type, content] : request->as_object().at("content").as_object()) {
          std::string schema;
          if (const auto* s = content.as_object().if_contains("schema")) Pretty(*s, schema, 0);
          html += "<p>Request body <code>" + Escape(type) + "</code></p><pre>" + Escape(schema) + "</pre>";
        }
      }
      html += "<p>Responses:";
      for (const auto& [status, response] : o.at("responses").as_object()) {
        html += " <code>" + Escape(status) + "</code> " + Escape(Text(Resolve(root, response.as_object()), "description")) + ";";
      }
      html += "</p></section>\n";
    }
  }
  html += "</main></body></html>\n";
  return html;
}

}  // namespace arrears::http
