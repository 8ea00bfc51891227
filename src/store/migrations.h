// Versioned, forward-only schema migrations. Each is a SQL file in
// src/store/migrations/, named NNNN_what.sql and compiled into the binary.
#pragma once
#include <string>
#include <vector>

namespace regie::store {

struct Migration {
  std::string name;  // file name without extension, e.g. "0001_init"
  std::string sql;
};

const std::vector<Migration>& embedded_migrations();

// Splits a migration script into statements, adapting the portable
// placeholders to the backend ("sqlite3" or "postgresql").
std::vector<std::string> migration_statements(const std::string& sql, const std::string& backend);

}  // namespace regie::store
