// Online backup and restore of the store.
//
// SQLite: the online backup API copies every page inside one read
// transaction, so the copy is one consistent moment even while servers keep
// writing (WAL readers do not block writers). PostgreSQL: pg_dump (custom
// format; one snapshot) and pg_restore in a single transaction.
//
// Both write whole or nothing: a backup goes to a temporary file that is
// checked and then renamed into place; a restore replaces the data in one
// transaction, so an interrupted restore leaves the database as it was.
#pragma once
#include <string>

#include "common/result.h"

namespace regie::store {

struct BackupInfo {
  std::string backend;     // "sqlite3" or "postgresql"
  long long bytes = 0;     // size of the backup file
};

// Copies the database at `url` (a SQLite path or postgresql:// URI) to the file `out`.
Result<BackupInfo> backup(const std::string& url, const std::string& out);
// Replaces the contents of the database at `url` with the backup file `in`.
// SQLite: the file is checked (integrity, a Regie schema) before anything is
// touched. Stop the servers first; see docs/reliability.md.
Status restore(const std::string& in, const std::string& url);

}  // namespace regie::store
