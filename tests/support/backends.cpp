// Creates and drops per-test databases; PostgreSQL ones through libpq.
#include "support/backends.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <random>
#include <stdexcept>

namespace regie::testing {
namespace {

void admin_exec(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error("cannot reach the test PostgreSQL server: " + msg);
  }
  PGresult* r = PQexec(c, sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  std::string msg = PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  if (!ok) throw std::runtime_error(sql + ": " + msg);
}

}  // namespace

std::vector<std::string> store_backends() {
  std::vector<std::string> out = {"sqlite3"};
  const char* pg = std::getenv("REGIE_TEST_PG");
  const char* required = std::getenv("REGIE_TEST_REQUIRE_PG");
  if (pg && *pg)
    out.push_back("postgresql");
  else if (required && std::string(required) == "1")
    throw std::runtime_error("REGIE_TEST_REQUIRE_PG=1 but REGIE_TEST_PG is not set");
  return out;
}

TestDatabase::TestDatabase(const std::string& backend) : backend_(backend) {
  if (backend == "sqlite3") {
    url_ = dir_.file("regie.db");
    return;
  }
  admin_url_ = std::getenv("REGIE_TEST_PG");
  std::random_device rd;
  name_ = "regie_test_" + std::to_string(rd()) + std::to_string(rd());
  admin_exec(admin_url_, "CREATE DATABASE " + name_);
  // Replace the database name at the end of the URI.
  auto slash = admin_url_.rfind('/');
  auto query = admin_url_.find('?', slash);
  url_ = admin_url_.substr(0, slash + 1) + name_ + (query == std::string::npos ? "" : admin_url_.substr(query));
}

TestDatabase::~TestDatabase() {
  if (!name_.empty()) {
    try {
      admin_exec(admin_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception&) {
      // A leftover test database on a throwaway server does no harm.
    }
  }
}

std::unique_ptr<store::Store> TestDatabase::open() const {
  auto s = store::Store::open(url_);
  if (!s) throw std::runtime_error(s.error().message);
  auto m = (*s)->migrate();
  if (!m) throw std::runtime_error(m.error().message);
  return std::move(*s);
}

}  // namespace regie::testing
