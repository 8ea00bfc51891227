// Validation of an iJw/iWmo message against the official 3.2 XSDs, which an
// operator downloads into a folder (the project does not ship them).
#pragma once
#include <libxml/tree.h>

#include <filesystem>
#include <optional>
#include <string>

#include "common/result.h"
#include "interop/codelists.h"

namespace regie::interop {

// The XSD of a message in `dir`: `dir/<NAME>.xsd` or, for a folder holding
// both standards as published, `dir/ijw-3.2/JW301.xsd` and
// `dir/iwmo-3.2/WMO323.xsd`; lower or upper case names.
std::optional<std::filesystem::path> schema_file(const std::string& dir, Standard s, MessageKind k);

// Validates the parsed document with libxml2 (no network access: a schema
// that refers to anything but a local file fails to load). invalid_input
// names the first schema error with its line; unavailable when the folder
// has no usable schema for the message.
Status validate_against_xsd(xmlDoc* doc, const std::string& dir, Standard s, MessageKind k);

}  // namespace regie::interop
