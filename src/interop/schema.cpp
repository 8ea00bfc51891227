// XSD validation with libxml2's schema module; see schema.h.
#include "interop/schema.h"

#include <fmt/format.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

#include <mutex>

namespace regie::interop {

namespace {

struct ErrorSink {
  std::string first;
  static void handle(void* self, xmlError* e) {
    auto* sink = static_cast<ErrorSink*>(self);
    if (sink->first.empty() && e && e->message) {
      std::string msg = e->message;
      while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
      sink->first = e->line > 0 ? fmt::format("regel {}: {}", e->line, msg) : msg;
    }
  }
};

xmlExternalEntityLoader default_loader = nullptr;

// Schemas import each other by relative file name; anything with a scheme
// other than file would be a network fetch, which an import never makes.
xmlParserInputPtr local_only_loader(const char* url, const char* id, xmlParserCtxtPtr ctxt) {
  if (url) {
    std::string_view u(url);
    auto colon = u.find("://");
    if (colon != std::string_view::npos && u.substr(0, colon) != "file") return nullptr;
  }
  return default_loader(url, id, ctxt);
}

void install_local_only_loader() {
  static std::once_flag once;
  std::call_once(once, [] {
    default_loader = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(local_only_loader);
  });
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::optional<std::filesystem::path> schema_file(const std::string& dir, Standard s, MessageKind k) {
  namespace fs = std::filesystem;
  auto name = message_name(s, k);
  auto sub = fmt::format("{}-3.2", to_string(s));
  for (auto& folder : {fs::path(dir), fs::path(dir) / sub})
    for (auto& file : {name + ".xsd", upper(name) + ".xsd"})
      if (std::error_code ec; fs::is_regular_file(folder / file, ec)) return folder / file;
  return std::nullopt;
}

Status validate_against_xsd(xmlDoc* doc, const std::string& dir, Standard s, MessageKind k) {
  auto file = schema_file(dir, s, k);
  if (!file)
    return Error{ErrorCode::unavailable,
                 fmt::format("schemacontrole staat aan, maar map {} bevat geen {}.xsd", dir, upper(message_name(s, k)))};
  install_local_only_loader();
  ErrorSink sink;
  auto* pctx = xmlSchemaNewParserCtxt(file->c_str());
  if (!pctx) return Error{ErrorCode::unavailable, fmt::format("het schema {} kan niet worden gelezen", file->string())};
  xmlSchemaSetParserStructuredErrors(pctx, &ErrorSink::handle, &sink);
  xmlSchema* schema = xmlSchemaParse(pctx);
  xmlSchemaFreeParserCtxt(pctx);
  if (!schema)
    return Error{ErrorCode::unavailable,
                 fmt::format("het schema {} kan niet worden gelezen: {}", file->string(), sink.first)};
  auto* vctx = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidStructuredErrors(vctx, &ErrorSink::handle, &sink);
  int rc = xmlSchemaValidateDoc(vctx, doc);
  xmlSchemaFreeValidCtxt(vctx);
  xmlSchemaFree(schema);
  if (rc != 0)
    return invalid(fmt::format("XSD /Bericht: voldoet niet aan {}: {}", file->filename().string(), sink.first));
  return ok_status();
}

}  // namespace regie::interop
