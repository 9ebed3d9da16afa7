# Writes OUTPUT, a C++ source holding docs/openapi.json as a string.
file(READ "${SOURCE_DIR}/docs/openapi.json" document)
file(WRITE "${OUTPUT}" "// Generated from docs/openapi.json by src/http/embed_openapi.cmake. Do not edit.\n"
     "#include \"http/openapi_document.hpp\"\n\nnamespace arrears::http {\n\n"
     "std::string_view OpenApiDocument() {\n  static constexpr std::string_view kDocument = R\"openapi(${document})openapi\";\n"
     "  return kDocument;\n}\n\n}  // namespace arrears::http\n")
