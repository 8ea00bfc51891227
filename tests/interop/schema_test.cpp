// Every shipped test message against the official iJw/iWmo 3.2 XSDs in
// ../shared/istandaarden (beside the project; operators download them): the
// valid ones validate, and for every message the built-in structural checks
// agree with the schema. Without the schema folder the tests are skipped,
// never passed.
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include <filesystem>
#include <memory>

#include "interop/codelists.h"
#include "interop/import_fixture.h"
#include "interop/schema.h"

namespace regie::interop {
namespace {

using service::testing_interop::kMessages;
using service::testing_interop::kSchemas;
namespace fs = std::filesystem;

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct XPathContextFree {
  void operator()(xmlXPathContext* c) const { xmlXPathFreeContext(c); }
};
struct XPathObjectFree {
  void operator()(xmlXPathObject* o) const { xmlXPathFreeObject(o); }
};
struct XmlFree {
  void operator()(xmlChar* p) const { xmlFree(p); }
};

// The files whose point is XML that is not well-formed have no schema verdict.
bool xml_is_the_point(const fs::path& p) { return p.filename() == "not_well_formed.xml"; }

std::vector<fs::path> shipped(const std::string& folder) {
  std::vector<fs::path> out;
  for (auto& e : fs::directory_iterator(kMessages + folder))
    if (e.path().extension() == ".xml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// The standard a message belongs to, from its root namespace.
Standard standard_of(const std::string& xml) {
  return xml.find("istandaarden.nl/iwmo/") != std::string::npos ? Standard::iwmo : Standard::ijw;
}

// The schema's verdict on one file: empty when valid, else the first error.
std::string xsd_verdict(const std::string& xml) {
  auto s = standard_of(xml);
  auto kind = peek_kind(xml, s);
  if (!kind) return "no message namespace";
  std::unique_ptr<xmlDoc, DocFree> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "m.xml", nullptr, XML_PARSE_NONET));
  if (!doc) return "not well-formed";
  auto st = validate_against_xsd(doc.get(), kSchemas, s, *kind);
  if (!st && st.error().code == ErrorCode::unavailable) ADD_FAILURE() << st.error().message;
  return st ? "" : st.error().message;
}

class OfficialSchemas : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(kSchemas)) GTEST_SKIP() << "no official schemas at " << kSchemas;
  }
};

TEST_F(OfficialSchemas, EveryValidTestMessageValidates) {
  auto files = shipped("");
  ASSERT_GE(files.size(), 10u);
  for (auto& f : files) {
    SCOPED_TRACE(f.filename().string());
    EXPECT_EQ(xsd_verdict(testing::read_file(f.string())), "");
  }
}

// The refused set: a file refused for a rule the XSD cannot express is valid
// against the schema; a file refused by a structural check (its refusal
// names "XSD") is refused by the schema as well, and only those.
TEST_F(OfficialSchemas, TheBuiltInChecksAgreeWithTheSchemaOnEveryTestMessage) {
  std::size_t invalid_ones = 0;
  for (auto* folder : {"", "refused/"})
    for (auto& f : shipped(folder)) {
      if (xml_is_the_point(f)) continue;
      SCOPED_TRACE(f.filename().string());
      auto xml = testing::read_file(f.string());
      auto schema = xsd_verdict(xml);
      auto built_in = parse_message(xml, standard_of(xml));
      bool structural = !built_in && built_in.error().message.rfind("XSD ", 0) == 0;
      EXPECT_EQ(!schema.empty(), structural) << "schema: " << schema << "\nbuilt-in: "
                                             << (built_in ? "accepted" : built_in.error().message);
      invalid_ones += !schema.empty();
      // With the schema folder configured, the import reports the schema's finding.
      ParseOptions with_schema;
      with_schema.schema_dir = kSchemas;
      auto checked = parse_message(xml, standard_of(xml), with_schema);
      if (!schema.empty()) {
        ASSERT_FALSE(checked);
        EXPECT_EQ(checked.error().message.rfind("XSD /Bericht: voldoet niet aan", 0), 0u) << checked.error().message;
      } else {
        EXPECT_EQ(static_cast<bool>(checked), static_cast<bool>(built_in));
      }
    }
  EXPECT_GE(invalid_ones, 5u);  // the structural refusals are there
}

// The product categories Regie names on the care map are exactly the codes the
// schema allows; the iWmo names are the schema's own documentation.
TEST_F(OfficialSchemas, TheProductCategoryListsAreTheSchemasEnumeration) {
  for (auto s : {Standard::ijw, Standard::iwmo}) {
    SCOPED_TRACE(std::string(to_string(s)));
    auto path = fs::path(kSchemas) / (s == Standard::ijw ? "ijw-3.2" : "iwmo-3.2") / "basisschema.xsd";
    std::unique_ptr<xmlDoc, DocFree> doc(xmlReadFile(path.string().c_str(), nullptr, XML_PARSE_NONET));
    ASSERT_TRUE(doc);
    std::unique_ptr<xmlXPathContext, XPathContextFree> ctx(xmlXPathNewContext(doc.get()));
    std::unique_ptr<xmlXPathObject, XPathObjectFree> found(xmlXPathEvalExpression(
        BAD_CAST "//*[local-name()='simpleType'][@name='LDT_ProductCategorie']//*[local-name()='enumeration']",
        ctx.get()));
    ASSERT_TRUE(found && found->nodesetval);
    std::vector<std::string> codes;
    for (int i = 0; i < found->nodesetval->nodeNr; ++i) {
      auto* node = found->nodesetval->nodeTab[i];
      std::unique_ptr<xmlChar, XmlFree> value(xmlGetProp(node, BAD_CAST "value"));
      std::string code(reinterpret_cast<const char*>(value.get()));
      codes.push_back(code);
      EXPECT_FALSE(category_name(s, code).empty()) << code;
      if (s == Standard::iwmo) {
        std::unique_ptr<xmlChar, XmlFree> doc_text(xmlNodeGetContent(node));
        std::string documented(reinterpret_cast<const char*>(doc_text.get()));
        EXPECT_NE(documented.find(std::string(category_name(s, code))), std::string::npos) << code;
      }
    }
    EXPECT_EQ(codes, category_codes(s));
  }
}

}  // namespace
}  // namespace regie::interop
