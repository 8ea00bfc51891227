// Store backends for the conformance suite: SQLite always, PostgreSQL when
// REGIE_TEST_PG names a server (the test command starts one). Each test gets
// a fresh, empty database that is dropped afterwards.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "store/store.h"
#include "support/temp_dir.h"

namespace regie::testing {

std::vector<std::string> store_backends();

class TestDatabase {
 public:
  explicit TestDatabase(const std::string& backend);
  ~TestDatabase();
  const std::string& url() const { return url_; }
  // Opens (and migrates) a new store on this database.
  std::unique_ptr<store::Store> open() const;

 private:
  std::string backend_, url_, admin_url_, name_;
  TempDir dir_;
};

}  // namespace regie::testing
