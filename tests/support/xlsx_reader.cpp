#include "support/xlsx_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <iterator>

namespace regie::testing {
namespace {

std::uint32_t u16(const std::string& b, std::size_t at) {
  return static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8;
}
std::uint32_t u32(const std::string& b, std::size_t at) { return u16(b, at) | u16(b, at + 2) << 16; }

// Every member of the archive by name, through the central directory (the
// local headers of a streamed archive carry no sizes).
std::map<std::string, std::string> unzip(const std::string& zip) {
  std::map<std::string, std::string> out;
  if (zip.size() < 22) return out;
  std::size_t end = zip.size() - 22;
  while (end > 0 && u32(zip, end) != 0x06054b50) --end;
  if (u32(zip, end) != 0x06054b50) return out;
  std::size_t at = u32(zip, end + 16);
  for (std::uint32_t n = u16(zip, end + 10); n > 0 && at + 46 <= zip.size() && u32(zip, at) == 0x02014b50; --n) {
    const auto method = u16(zip, at + 10), packed = u32(zip, at + 20), size = u32(zip, at + 24);
    const auto name_len = u16(zip, at + 28), extra_len = u16(zip, at + 30), comment_len = u16(zip, at + 32);
    const std::size_t local = u32(zip, at + 42);
    std::string name = zip.substr(at + 46, name_len);
    at += 46 + name_len + extra_len + comment_len;
    const std::size_t data = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
    if (data + packed > zip.size()) break;
    std::string content(size, '\0');
    if (method == 0) {
      content = zip.substr(data, packed);
    } else if (method == 8) {
      z_stream z{};
      if (inflateInit2(&z, -MAX_WBITS) != Z_OK) break;
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
      z.avail_in = packed;
      z.next_out = reinterpret_cast<Bytef*>(content.data());
      z.avail_out = size;
      const int rc = inflate(&z, Z_FINISH);
      inflateEnd(&z);
      if (rc != Z_STREAM_END) continue;
    }
    out[name] = std::move(content);
  }
  return out;
}

std::string text_of(xmlNode* node) {
  xmlChar* t = xmlNodeGetContent(node);
  std::string s = t ? reinterpret_cast<const char*>(t) : "";
  xmlFree(t);
  return s;
}

std::string attr(xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

bool named(xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

// Calls `f` for every element named `name` below `node`, depth first.
template <class F>
void each(xmlNode* node, const char* name, F&& f) {
  for (xmlNode* n = node; n; n = n->next) {
    if (named(n, name)) f(n);
    else each(n->children, name, f);
  }
}

xmlDoc* parse(const std::string& xml) {
  return xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "part.xml", nullptr, XML_PARSE_NONET);
}

}  // namespace

std::vector<XlsxSheet> read_xlsx(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto parts = unzip(bytes);
  std::vector<std::string> shared;
  if (auto* doc = parse(parts["xl/sharedStrings.xml"])) {
    each(xmlDocGetRootElement(doc), "si", [&](xmlNode* si) { shared.push_back(text_of(si)); });
    xmlFreeDoc(doc);
  }
  std::vector<XlsxSheet> sheets;
  if (auto* doc = parse(parts["xl/workbook.xml"])) {
    each(xmlDocGetRootElement(doc), "sheet", [&](xmlNode* s) { sheets.push_back({attr(s, "name"), {}}); });
    xmlFreeDoc(doc);
  }
  // libxlsxwriter names the parts sheet1.xml, sheet2.xml ... in workbook order.
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    auto* doc = parse(parts["xl/worksheets/sheet" + std::to_string(i + 1) + ".xml"]);
    if (!doc) continue;
    each(xmlDocGetRootElement(doc), "c", [&](xmlNode* c) {
      std::string value;
      for (xmlNode* v = c->children; v; v = v->next)
        if (named(v, "v") || named(v, "is")) value = text_of(v);
      if (attr(c, "t") == "s" && !value.empty()) {
        const auto index = std::stoul(value);
        value = index < shared.size() ? shared[index] : "";
      }
      sheets[i].cells[attr(c, "r")] = value;
    });
    xmlFreeDoc(doc);
  }
  return sheets;
}

}  // namespace regie::testing
