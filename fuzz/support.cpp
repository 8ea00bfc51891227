#include "support.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <functional>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/clock.h"
#include "http/server.h"
#include "support/fixtures.h"
#include "support/totp.h"
#include "store/bundle.h"

namespace regie::fuzz {

namespace {

[[noreturn]] void give_up(const std::string& why) {
  std::fprintf(stderr, "fuzz harness: %s\n", why.c_str());
  // Where the server's threads wait tells a hang's cause; gdb shows it when
  // asked (it needs the permission to attach to this process).
  const char* stacks = std::getenv("REGIE_FUZZ_HANG_STACKS");
  if (stacks && std::string_view(stacks) == "1") {
    std::fflush(stderr);
    auto command = "gdb -p " + std::to_string(getpid()) + " -batch -ex 'thread apply all bt 25' 1>&2";
    (void)std::system(command.c_str());
  }
  std::abort();
}

// How long the server may take to finish a request once its client has sent
// everything. Generous, for a loaded machine and sanitizer builds; a handler
// stuck for longer holds a worker for good, which is what the limit is for.
constexpr int kAnswerSeconds = 10;
// After a complete answer on a kept-alive connection, how long to wait for
// the answer to a pipelined request before closing.
constexpr int kSilenceMs = 20;
// Inputs between session checks; a check costs a few requests.
constexpr std::uint64_t kCheckEvery = 64;
// Inputs after which the store is built anew, so an hours-long run does not
// slow down with everything it created.
constexpr std::uint64_t kRebuildEvery = 50'000;

int connect_loopback(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) give_up("no socket");
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  // Closing with a reset leaves no TIME-WAIT on either side. Tens of
  // thousands of connections a run otherwise fill the loopback with them,
  // and a new connection whose ports match one stalls for seconds in the
  // kernel before the server ever sees it: a hang of the harness, not of
  // the server.
  linger no_wait{1, 0};
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &no_wait, sizeof no_wait);
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    // Interrupted by a signal, the connection goes on; wait for its outcome.
    int error = errno;
    if (error == EINTR) {
      pollfd p{fd, POLLOUT, 0};
      socklen_t len = sizeof error;
      while (poll(&p, 1, kAnswerSeconds * 1000) < 0 && errno == EINTR) {
      }
      if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len) != 0) error = EIO;
    }
    if (error != 0) {
      close(fd);
      return -1;
    }
  }
  return fd;
}

// poll() that resumes when a signal interrupts it: libFuzzer's SIGALRM
// (its -timeout watchdog) arrives every few seconds and is no timeout.
int poll_for(pollfd& p, const std::function<int()>& left_ms) {
  for (;;) {
    int ready = poll(&p, 1, left_ms());
    if (ready >= 0 || errno != EINTR) return ready;
  }
}

// True when `answer` ends exactly after one or more complete HTTP responses
// (framed by Content-Length, chunked, or bodiless), so the client need not
// wait for the server to close a kept-alive connection.
bool complete(std::string_view answer) {
  std::size_t pos = 0;
  bool any = false;
  while (pos < answer.size()) {
    auto head_end = answer.find("\r\n\r\n", pos);
    if (head_end == std::string_view::npos) return false;
    std::string head(answer.substr(pos, head_end - pos));
    for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::size_t body = head_end + 4;
    if (auto at = head.find("\r\ncontent-length:"); at != std::string::npos) {
      const std::size_t length = std::strtoull(head.c_str() + at + 17, nullptr, 10);
      if (answer.size() - body < length) return false;
      pos = body + length;
    } else if (head.find("\r\ntransfer-encoding: chunked") != std::string::npos) {
      auto end = answer.find("\r\n0\r\n\r\n", body - 2);
      if (end == std::string_view::npos) return false;
      pos = end + 7;
    } else if (head.find(" 204 ") != std::string::npos || head.find(" 304 ") != std::string::npos) {
      pos = body;
    } else {
      return false;  // delimited by the server closing
    }
    any = true;
  }
  return any;
}

// Sends `request` and reads the answer until the server closes, or until a
// complete answer has been followed by a short silence (a kept-alive
// connection). nullopt when the deadline passes first. The sending side is
// not half-closed: the server takes that for a client that has gone, and
// drops the answer, which would hide everything behind the request line.
std::optional<std::string> round_trip(int port, std::string_view request, int seconds) {
  int fd = connect_loopback(port);
  if (fd < 0) return std::nullopt;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  auto left_ms = [&] {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    return static_cast<int>(std::max<long long>(ms, 0));
  };
  std::string answer;
  char buf[16384];
  std::size_t sent = 0;
  bool closed = false;
  // Read while writing: a server that answers early (413, 400) and stops
  // reading must not deadlock a large request against a full socket buffer.
  while (sent < request.size()) {
    pollfd p{fd, POLLOUT | POLLIN, 0};
    if (poll_for(p, left_ms) <= 0) {
      close(fd);
      return std::nullopt;
    }
    if (p.revents & POLLIN) {
      ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n > 0) answer.append(buf, static_cast<std::size_t>(n));
      if (n <= 0) closed = true;  // the rest of the request is moot
      if (closed) break;
      continue;
    }
    if (p.revents & (POLLERR | POLLHUP)) {
      closed = true;
      break;
    }
    ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      closed = true;
      break;
    }
    sent += static_cast<std::size_t>(n);
  }
  while (!closed) {
    const bool done = complete(answer);
    pollfd p{fd, POLLIN, 0};
    int ready = poll_for(p, [&] { return done ? std::min(kSilenceMs, left_ms()) : left_ms(); });
    if (ready == 0 && done) break;  // a kept-alive connection, answered
    if (ready <= 0) {
      close(fd);
      return std::nullopt;
    }
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;  // closed, or reset after an early answer
    answer.append(buf, static_cast<std::size_t>(n));
  }
  close(fd);
  return answer;
}

}  // namespace

TempFolder::TempFolder() {
  // Memory-backed when there is such a place: every request commits (the
  // audit trail), and a disk's sync per commit would set the pace of the run.
  const char* base = std::getenv("TMPDIR");
  std::string dir = base && *base ? base : access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
  std::string templ = dir + "/regie-fuzz-XXXXXX";
  if (!mkdtemp(templ.data())) give_up("cannot create a temporary folder");
  path_ = templ;
}

TempFolder::~TempFolder() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::unique_ptr<store::Store> seeded_store(const std::string& path) {
  auto s = store::Store::open(path);
  if (!s) give_up("cannot open the store: " + s.error().message);
  if (auto m = (*s)->migrate(); !m) give_up("cannot migrate the store: " + m.error().message);
  if (auto w = regie::store::write_bundle(*(*s), testing::small_bundle()); !w) give_up("cannot seed the store: " + w.error().message);
  return std::move(*s);
}

FreshStores::FreshStores() : template_(folder_.file("template.db")), work_(folder_.file("work.db")) {
  seeded_store(template_).reset();  // closing checkpoints the WAL: the one file is the whole database
}

store::Store& FreshStores::next() {
  current_.reset();
  namespace fs = std::filesystem;
  for (auto suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(work_ + suffix);
  fs::copy_file(template_, work_);
  auto s = store::Store::open(work_);
  if (!s) give_up("cannot open a copy of the seeded store: " + s.error().message);
  current_ = std::move(*s);
  return *current_;
}

std::string request_line_safe(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (c <= 0x20 || c >= 0x7f || c == '#') {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

struct RequestHarness::World {
  TempFolder folder;
  ManualClock clock{1'546'300'800};  // 2019-01-01, as the API tests
  std::unique_ptr<store::Store> store;
  std::unique_ptr<http::Server> server;
  std::thread thread;
  int port = 0;
  std::map<std::string, std::string, std::less<>> headers;  // role placeholder name -> header lines

  ~World() {
    if (server) server->stop();
    if (thread.joinable()) thread.join();
    server.reset();
    store.reset();
  }
};

RequestHarness& RequestHarness::get() {
  static RequestHarness* harness = new RequestHarness();  // never destroyed: threads may outlive exit handlers
  return *harness;
}

RequestHarness::RequestHarness() {
  // The request log is formatted on every request (it once killed the
  // server), so it stays on at info level; only its output goes nowhere.
  auto logger = std::make_shared<spdlog::logger>("regie", std::make_shared<spdlog::sinks::null_sink_mt>());
  logger->set_level(spdlog::level::info);
  spdlog::set_default_logger(logger);
  build();
}

void RequestHarness::build() {
  world_.reset();
  auto w = std::make_unique<World>();
  w->store = seeded_store(w->folder.file("regie.db"));
  http::ServerOptions o;
  o.host = "127.0.0.1";
  o.port = 0;
  o.rate_limit_per_second = 0;  // one client sends thousands of requests a second
  // A request the fuzzer left unfinished waits this long for its rest; the
  // default (10 s) would make such inputs a thousand times slower than the
  // rest. The client sends each input at once on loopback, so nothing
  // complete is cut short.
  o.read_timeout_ms = 100;
  o.keep_alive_timeout_s = 1;
  o.secret_key_file = w->folder.file("secret.key");
  o.questionnaires_dir = REGIE_QUESTIONNAIRES;
  o.web_root = w->folder.file("web");
  std::filesystem::create_directories(o.web_root);
  {
    std::FILE* f = std::fopen((o.web_root + "/index.html").c_str(), "w");
    if (!f) give_up("cannot write the web root");
    std::fputs("<!doctype html><html lang=\"nl\"><title>Regie</title></html>", f);
    std::fclose(f);
  }
  testing::enrol_test_second_factors(*w->store, o.secret_key_file, w->clock.now_seconds());
  auto created = http::Server::create(*w->store, w->clock, o);
  if (!created) give_up("cannot create the server: " + created.error().message);
  w->server = std::move(*created);
  w->port = w->server->bind();
  if (w->port <= 0) give_up("cannot bind a loopback port");
  w->thread = std::thread([s = w->server.get()] { s->run(); });

  testing::TestCodes codes;
  httplib::Client client("127.0.0.1", w->port);
  client.set_connection_timeout(kAnswerSeconds);
  client.set_read_timeout(kAnswerSeconds);
  const std::pair<const char*, const char*> users[] = {{"dir", "dir.a"}, {"admin", "admin"}, {"analyst", "ana"},
                                                       {"lead", "lead"}};
  for (auto [role, user] : users) {
    nlohmann::json body = {{"username", user}, {"password", std::string("secret-") + user},
                           {"code", codes.next(user, w->clock)}};
    auto r = client.Post("/api/v1/session", body.dump(), "application/json");
    for (int attempt = 0; attempt < 50 && !r; ++attempt) {  // the server thread may not accept yet
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      r = client.Post("/api/v1/session", body.dump(), "application/json");
    }
    if (!r || r->status != 200) give_up(std::string("cannot sign in as ") + user);
    auto cookie = r->get_header_value("Set-Cookie");
    auto csrf = nlohmann::json::parse(r->body, nullptr, false).value("csrf_token", "");
    w->headers[role] = "Cookie: " + cookie.substr(0, cookie.find(';')) + "\r\nX-CSRF-Token: " + csrf;
  }
  world_ = std::move(w);
}

const std::string& RequestHarness::headers_of(std::string_view role) const {
  auto it = world_->headers.find(role);
  if (it == world_->headers.end()) give_up("no such role in the harness");
  return it->second;
}

std::string RequestHarness::expand(std::string_view request) const {
  std::string out;
  out.reserve(request.size() + 256);
  std::size_t i = 0;
  while (i < request.size()) {
    bool replaced = false;
    if (request[i] == '{') {
      for (auto p : kPlaceholders) {
        if (request.substr(i).starts_with(p)) {
          out += headers_of(p.substr(2, p.size() - 4));
          i += p.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += request[i++];
  }
  return out;
}

std::string RequestHarness::exchange(std::string_view request) {
  const auto started = std::chrono::steady_clock::now();
  auto answer = round_trip(world_->port, request, kAnswerSeconds);
  const auto took =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  // Slow answers come before hangs; they are worth a line in the log.
  if (answer && took > 2000)
    std::fprintf(stderr, "fuzz harness: %lld ms for %s\n", static_cast<long long>(took),
                 std::string(request.substr(0, std::min(request.find('\r'), std::size_t{120}))).c_str());
  if (!answer) {
    auto line = request.substr(0, std::min(request.find('\r'), std::size_t{120}));
    if (const char* stacks = std::getenv("REGIE_FUZZ_HANG_STACKS"); stacks && std::string_view(stacks) == "1") {
      auto command = "ss -tanoi | grep -A1 ':" + std::to_string(world_->port) + "\\b' 1>&2";
      (void)std::system(command.c_str());
    }
    give_up("the server did not finish a request within " + std::to_string(kAnswerSeconds) +
            " s of its client sending the last byte (port " + std::to_string(world_->port) + "): " + std::string(line));
  }
  return *answer;
}

bool RequestHarness::sessions_valid() {
  for (auto& [role, headers] : world_->headers) {
    auto answer = round_trip(world_->port, "GET /api/v1/session HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n" +
                                               headers + "\r\n\r\n",
                             kAnswerSeconds);
    if (!answer || !answer->starts_with("HTTP/1.1 200")) return false;
  }
  return true;
}

void RequestHarness::after_input() {
  auto health =
      round_trip(world_->port, "GET /healthz HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n\r\n", kAnswerSeconds);
  if (!health) give_up("the server no longer answers /healthz within " + std::to_string(kAnswerSeconds) + " s");
  if (!health->starts_with("HTTP/1.1 200"))
    give_up("/healthz answered: " + health->substr(0, std::min<std::size_t>(health->size(), 200)));
  ++inputs_;
  if (inputs_ % kRebuildEvery == 0 || (inputs_ % kCheckEvery == 0 && !sessions_valid())) {
    std::fprintf(stderr, "fuzz harness: store and server built anew after %llu inputs\n",
                 static_cast<unsigned long long>(inputs_));
    build();
  }
}

}  // namespace regie::fuzz
