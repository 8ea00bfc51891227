# Writes a C++ source holding every migration file as a raw string, ordered by name.
set(body "// Generated from src/store/migrations/*.sql; do not edit.\n#include \"store/migrations.h\"\nnamespace regie::store {\nconst std::vector<Migration>& embedded_migrations() {\n  static const std::vector<Migration> all = {\n")
foreach(f IN LISTS FILES)
  get_filename_component(name ${f} NAME_WE)
  file(READ ${f} sql)
  string(APPEND body "    {\"${name}\", R\"regie_sql(${sql})regie_sql\"},\n")
endforeach()
string(APPEND body "  };\n  return all;\n}\n}  // namespace regie::store\n")
file(WRITE ${OUT} "${body}")
