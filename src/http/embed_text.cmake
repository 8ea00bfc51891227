# Writes a C++ source returning the text of FILE from FUNCTION (in namespace regie::http).
file(READ ${FILE} text)
file(WRITE ${OUT} "// Generated from ${FILE}; do not edit.\n#include <string>\nnamespace regie::http {\nconst std::string& ${FUNCTION}() {\n  static const std::string text = R\"regie_text(${text})regie_text\";\n  return text;\n}\n}  // namespace regie::http\n")
