// SQLite through its C API (the backup API is not in SOCI); PostgreSQL through
// pg_dump / pg_restore as child processes, with the password handed over in
// the environment so that it never shows in the process list.
#include "store/backup.h"

#include <fmt/format.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "common/files.h"

extern char** environ;

namespace regie::store {
namespace {

bool is_postgres(const std::string& url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

struct Db {
  sqlite3* h = nullptr;
  ~Db() { sqlite3_close_v2(h); }
};

std::string sqlite_message(sqlite3* h, int rc) {
  return h ? sqlite3_errmsg(h) : sqlite3_errstr(rc);
}

// SQLITE_FULL and SQLITE_IOERR are the environment, not the input.
Error sqlite_error(const std::string& what, sqlite3* h, int rc) {
  int primary = rc & 0xff;
  auto code = primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN ? ErrorCode::internal
                                                                                              : ErrorCode::invalid_input;
  return Error{code, fmt::format("{}: {}", what, sqlite_message(h, rc))};
}

// Copies every page of `from` into `to`, retrying while another connection
// holds a lock; one step of -1 pages keeps the copy one consistent snapshot.
Status copy_pages(sqlite3* to, sqlite3* from, const std::string& what) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
    if (!b) return sqlite_error(what, to, sqlite3_errcode(to));
    int rc = sqlite3_backup_step(b, -1);
    int fin = sqlite3_backup_finish(b);
    if (rc == SQLITE_DONE && fin == SQLITE_OK) return ok_status();
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      continue;
    }
    return sqlite_error(what, to, rc == SQLITE_DONE ? fin : rc);
  }
}

// The file holds a sound SQLite database with Regie's schema.
Status check_sqlite_file(const std::string& path, const std::string& what) {
  Db db;
  int rc = sqlite3_open_v2(path.c_str(), &db.h, SQLITE_OPEN_READONLY, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(what + ": cannot open", db.h, rc);
  std::string result;
  sqlite3_stmt* st = nullptr;
  rc = sqlite3_prepare_v2(db.h, "PRAGMA integrity_check", -1, &st, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(what + ": not a SQLite database", db.h, rc);
  if (sqlite3_step(st) == SQLITE_ROW) result = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  if (result != "ok") return invalid(fmt::format("{}: fails the integrity check: {}", what, result));
  rc = sqlite3_prepare_v2(db.h, "SELECT COUNT(*) FROM schema_migration", -1, &st, nullptr);
  if (rc != SQLITE_OK) return invalid(fmt::format("{}: not a Regie database (no schema_migration table)", what));
  sqlite3_finalize(st);
  return ok_status();
}

Result<BackupInfo> sqlite_backup(const std::string& path, const std::string& out) {
  if (!std::filesystem::exists(path)) return invalid(fmt::format("--db: no database at {}", path));
  Db src;
  int rc = sqlite3_open_v2(path.c_str(), &src.h, SQLITE_OPEN_READONLY, nullptr);
  if (rc != SQLITE_OK) return sqlite_error("--db: cannot open", src.h, rc);
  sqlite3_busy_timeout(src.h, 10000);
  auto tmp = temporary_beside(out, ".part");
  {
    Db dst;
    rc = sqlite3_open_v2(tmp.c_str(), &dst.h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
      std::filesystem::remove(tmp);
      return sqlite_error(fmt::format("{}: cannot write here", out), dst.h, rc);
    }
    if (auto st = copy_pages(dst.h, src.h, fmt::format("{}: backup failed", out)); !st) {
      sqlite3_close_v2(dst.h);
      dst.h = nullptr;
      std::filesystem::remove(tmp);
      return st.error();
    }
    // A backup is one self-contained file: no -wal beside it.
    sqlite3_exec(dst.h, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
  }
  if (auto st = check_sqlite_file(tmp, out); !st) {
    std::filesystem::remove(tmp);
    return st.error();
  }
  {
    // rename() is only durable once the data is; sync the file first.
    std::FILE* f = std::fopen(tmp.c_str(), "rb");
    if (f) {
      fsync(fileno(f));
      std::fclose(f);
    }
  }
  if (auto st = move_into_place(tmp, out); !st) return st.error();
  return BackupInfo{"sqlite3", static_cast<long long>(std::filesystem::file_size(out))};
}

Status sqlite_restore(const std::string& in, const std::string& path) {
  if (auto st = check_sqlite_file(in, in); !st) return st.error();
  Db src, dst;
  int rc = sqlite3_open_v2(in.c_str(), &src.h, SQLITE_OPEN_READONLY, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(in + ": cannot open", src.h, rc);
  rc = sqlite3_open_v2(path.c_str(), &dst.h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) return sqlite_error("--db: cannot open", dst.h, rc);
  sqlite3_busy_timeout(dst.h, 10000);
  // The destination's pages are replaced in one write transaction.
  return copy_pages(dst.h, src.h, "--db: restore failed");
}

// Connection keywords without the password, and the password on its own.
Result<std::pair<std::string, std::string>> pg_connection(const std::string& url) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(url.c_str(), &err);
  if (!opts) {
    std::string why = err ? err : "not a valid postgresql:// URI";
    if (err) PQfreemem(err);
    return invalid("--db: " + why);
  }
  std::string keywords, password;
  for (auto* o = opts; o->keyword; ++o) {
    if (!o->val || !*o->val) continue;
    if (std::string(o->keyword) == "password") {
      password = o->val;
      continue;
    }
    std::string v;
    for (const char* c = o->val; *c; ++c) {
      if (*c == '\\' || *c == '\'') v += '\\';
      v += *c;
    }
    keywords += fmt::format("{}{}='{}'", keywords.empty() ? "" : " ", o->keyword, v);
  }
  PQconninfoFree(opts);
  return std::pair{keywords, password};
}

// Runs a PostgreSQL client program; its standard error comes back in the error.
Status run_pg_tool(std::vector<std::string> args, const std::string& password, const std::string& what) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e)
    if (!std::string_view(*e).starts_with("PGPASSWORD=")) env_strings.emplace_back(*e);
  if (!password.empty()) env_strings.push_back("PGPASSWORD=" + password);
  std::vector<char*> envp, argv;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  char err_template[] = "/tmp/regie-pgtool-XXXXXX";
  int err_fd = mkstemp(err_template);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (err_fd >= 0) posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  std::string err_text;
  int status = 0;
  if (rc == 0) waitpid(pid, &status, 0);
  if (err_fd >= 0) {
    close(err_fd);
    std::ifstream in(err_template);
    err_text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    std::filesystem::remove(err_template);
  }
  if (rc != 0)
    return Error{ErrorCode::unavailable,
                 fmt::format("{}: {} is not installed (Debian package postgresql-client)", what, args[0])};
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    while (!err_text.empty() && (err_text.back() == '\n' || err_text.back() == ' ')) err_text.pop_back();
    return Error{ErrorCode::internal, fmt::format("{}: {} failed: {}", what, args[0], err_text)};
  }
  return ok_status();
}

Result<BackupInfo> pg_backup(const std::string& url, const std::string& out) {
  auto conn = pg_connection(url);
  if (!conn) return conn.error();
  auto tmp = temporary_beside(out, ".part");
  auto st = run_pg_tool({"pg_dump", "--format=custom", "--no-owner", "--file=" + tmp, "--dbname=" + conn->first},
                        conn->second, fmt::format("{}: backup failed", out));
  if (!st) {
    std::filesystem::remove(tmp);
    return st.error();
  }
  if (auto moved = move_into_place(tmp, out); !moved) return moved.error();
  return BackupInfo{"postgresql", static_cast<long long>(std::filesystem::file_size(out))};
}

Status pg_restore(const std::string& in, const std::string& url) {
  if (!std::filesystem::is_regular_file(in)) return invalid(fmt::format("{}: no such file", in));
  auto conn = pg_connection(url);
  if (!conn) return conn.error();
  return run_pg_tool({"pg_restore", "--clean", "--if-exists", "--single-transaction", "--no-owner",
                      "--exit-on-error", "--dbname=" + conn->first, in},
                     conn->second, "--db: restore failed");
}

}  // namespace

Result<BackupInfo> backup(const std::string& url, const std::string& out) {
  if (out.empty() || out == "-") return invalid("--output: give a file to write the backup to");
  return is_postgres(url) ? pg_backup(url, out) : sqlite_backup(url, out);
}

Status restore(const std::string& in, const std::string& url) {
  if (!std::filesystem::exists(in)) return invalid(fmt::format("{}: no such file", in));
  return is_postgres(url) ? pg_restore(in, url) : sqlite_restore(in, url);
}

}  // namespace regie::store
