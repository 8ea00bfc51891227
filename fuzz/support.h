// What the store and request targets share: a migrated SQLite store in a
// temporary folder, seeded with the test fixtures, and a real Regie server
// on a loopback port inside the fuzzing process with signed-in sessions.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "store/store.h"

namespace regie::fuzz {

// A fresh temporary folder (under $TMPDIR, else /dev/shm, else /tmp), removed with its contents on destruction.
class TempFolder {
 public:
  TempFolder();
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// A migrated SQLite store at `path`, holding the small fixture bundle
// (tests/support/fixtures.h: directors dir.a with H1 and dir.b with H2, a team
// lead, a professional, an administrator and an analyst). Aborts when that
// fails: without it the target would test nothing.
std::unique_ptr<store::Store> seeded_store(const std::string& path);

// A seeded store made once, handed out as a fresh copy for each input, so
// that what one input stored cannot change how the next is judged (and a
// copy costs a file copy, not the migrations).
class FreshStores {
 public:
  FreshStores();
  // Closes the previous copy and opens a new one.
  store::Store& next();

 private:
  TempFolder folder_;
  std::string template_, work_;
  std::unique_ptr<store::Store> current_;
};

// Placeholders in a request that the harness replaces with the headers of a
// signed-in user (a session cookie and its CSRF token, as two header lines
// without the final CRLF), so that fuzzed requests reach the routes behind
// sign-in: {{dir}} (director dir.a, household H1), {{admin}} (administrator),
// {{analyst}} (analyst) and {{lead}} (team lead).
inline constexpr std::string_view kPlaceholders[] = {"{{dir}}", "{{admin}}", "{{analyst}}", "{{lead}}"};

// The server under test, created on first use and kept for the whole run.
class RequestHarness {
 public:
  static RequestHarness& get();
  // Replaces the placeholders in `request` by their headers.
  std::string expand(std::string_view request) const;
  // Writes `request` as is on a new connection and returns everything the
  // server answers until it closes the connection (or, kept alive, has
  // answered completely). The server's read and keep-alive timeouts are 1 s
  // here, so aborts when no end comes within 10 s: a request that holds a
  // worker after its client is done is a finding.
  std::string exchange(std::string_view request);
  // After each input: the server must still answer /healthz on a new
  // connection (abort otherwise), and every so often the sessions are checked
  // and, when an input signed one out or disabled an account, the store and
  // server are built anew.
  void after_input();
  // The headers {{role}} stands for, e.g. headers_of("dir").
  const std::string& headers_of(std::string_view role) const;

 private:
  RequestHarness();
  struct World;
  void build();
  bool sessions_valid();
  std::unique_ptr<World> world_;
  std::uint64_t inputs_ = 0;
};

// Percent-encodes the bytes that would break a request line (controls,
// space, '#', bytes of 0x80 and above), so that arbitrary bytes reach a
// route's decoded query or path values instead of the framing.
std::string request_line_safe(std::string_view text);

}  // namespace regie::fuzz
