#include "http/connection_guard.h"

#include <dirent.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <utility>
#include <vector>

#include "common/log.h"

namespace regie::http {
namespace {

using Clock = std::chrono::steady_clock;

int local_port(int fd) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return -1;
  if (addr.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
  if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
  return -1;
}

// The peer as the library writes it into Request::remote_addr / remote_port.
bool peer_of(int fd, std::string* address, std::string* peer) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return false;
  char host[NI_MAXHOST];
  if (::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, nullptr, 0, NI_NUMERICHOST) != 0)
    return false;
  int port = addr.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port)
                                        : ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
  *address = host;
  *peer = std::string(host) + ":" + std::to_string(port);
  return true;
}

// Accepted sockets of the server's port: sockets with that local port and a peer.
std::vector<std::pair<int, std::string>> accepted_sockets(int port, std::vector<std::string>* clients) {
  std::vector<std::pair<int, std::string>> out;
  DIR* dir = ::opendir("/proc/self/fd");
  if (!dir) return out;
  while (auto* entry = ::readdir(dir)) {
    char* end = nullptr;
    long fd = std::strtol(entry->d_name, &end, 10);
    if (end == entry->d_name || *end != '\0' || fd == ::dirfd(dir)) continue;
    struct stat st {};
    if (::fstat(static_cast<int>(fd), &st) != 0 || !S_ISSOCK(st.st_mode)) continue;
    if (local_port(static_cast<int>(fd)) != port) continue;
    std::string address, peer;
    if (!peer_of(static_cast<int>(fd), &address, &peer)) continue;  // the listening socket
    out.emplace_back(static_cast<int>(fd), peer);
    clients->push_back(address);
  }
  ::closedir(dir);
  return out;
}

// A short answer written straight to a socket no worker will read.
void refuse_busy(int fd) {
  static const std::string body =
      R"({"error":{"code":"throttled","message":"too many open connections from this address; try again shortly"}})";
  const std::string answer = "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nConnection: close\r\n"
                             "Content-Type: application/json; charset=utf-8\r\nContent-Length: " +
                             std::to_string(body.size()) + "\r\n\r\n" + body;
  [[maybe_unused]] auto n = ::send(fd, answer.data(), answer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_WR);
}

}  // namespace

// The library's thread pool with the guard around each connection's work.
class ConnectionGuard::Queue : public httplib::TaskQueue {
 public:
  Queue(ConnectionGuard& guard, std::size_t threads) : guard_(guard), pool_(threads) {}
  void enqueue(std::function<void()> fn) override {
    int fd = -1;
    std::uint64_t generation = 0;
    if (!guard_.admit(&fd, &generation)) return;  // the socket is closed; the task is dropped with it
    if (fd < 0) {
      pool_.enqueue(std::move(fn));
      return;
    }
    pool_.enqueue([this, fd, generation, fn = std::move(fn)] {
      guard_.started(fd, generation);
      fn();
      guard_.finished(fd, generation);
    });
  }
  void shutdown() override { pool_.shutdown(); }

 private:
  ConnectionGuard& guard_;
  httplib::ThreadPool pool_;
};

ConnectionGuard::ConnectionGuard(ConnectionLimits limits) : limits_(limits) {
  watchdog_ = std::thread([this] { watch(); });
}

ConnectionGuard::~ConnectionGuard() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  watchdog_.join();
}

void ConnectionGuard::set_port(int port) {
  std::lock_guard lock(mutex_);
  port_ = port;
}

httplib::TaskQueue* ConnectionGuard::make_task_queue(std::size_t threads) { return new Queue(*this, threads); }

bool ConnectionGuard::admit(int* fd, std::uint64_t* generation) {
  std::lock_guard lock(mutex_);
  if (port_ < 0) return true;
  // The library hands the queue a closure, not the socket: the socket just
  // accepted is the one of our port that the table does not know yet (or
  // knows under an earlier peer, when its number was reused).
  std::vector<std::string> clients;
  auto sockets = accepted_sockets(port_, &clients);
  int found = -1;
  std::string peer, client;
  int unknown = 0;
  for (std::size_t i = 0; i < sockets.size(); ++i) {
    auto it = by_fd_.find(sockets[i].first);
    if (it != by_fd_.end() && it->second.peer == sockets[i].second) continue;
    ++unknown;
    found = sockets[i].first;
    peer = sockets[i].second;
    client = clients[i];
  }
  if (unknown != 1) return true;  // cannot tell which: serve it unguarded rather than guess
  std::size_t same_client = 0;
  for (auto& [_, c] : by_fd_)
    if (c.client == client) ++same_client;
  if (limits_.max_per_client > 0 && same_client >= static_cast<std::size_t>(limits_.max_per_client) &&
      !(limits_.uncapped && limits_.uncapped(client))) {
    refuse_busy(found);
    ::close(found);
    return false;
  }
  if (auto old = by_fd_.find(found); old != by_fd_.end()) fd_of_peer_.erase(old->second.peer);
  Connection c;
  c.peer = peer;
  c.client = client;
  c.generation = next_generation_++;
  by_fd_[found] = c;
  fd_of_peer_[peer] = found;
  *fd = found;
  *generation = c.generation;
  return true;
}

void ConnectionGuard::started(int fd, std::uint64_t generation) {
  std::lock_guard lock(mutex_);
  auto it = by_fd_.find(fd);
  if (it == by_fd_.end() || it->second.generation != generation) return;
  it->second.phase = Phase::headers;
  it->second.deadline = Clock::now() + std::chrono::seconds(limits_.header_timeout_s);
}

void ConnectionGuard::finished(int fd, std::uint64_t generation) {
  std::lock_guard lock(mutex_);
  auto it = by_fd_.find(fd);
  if (it == by_fd_.end() || it->second.generation != generation) return;
  fd_of_peer_.erase(it->second.peer);
  by_fd_.erase(it);
}

ConnectionGuard::Connection* ConnectionGuard::find(const httplib::Request& req) {
  auto it = fd_of_peer_.find(req.remote_addr + ":" + std::to_string(req.remote_port));
  if (it == fd_of_peer_.end()) return nullptr;
  auto c = by_fd_.find(it->second);
  return c == by_fd_.end() ? nullptr : &c->second;
}

void ConnectionGuard::headers_read(const httplib::Request& req, std::uint64_t content_length) {
  std::lock_guard lock(mutex_);
  if (auto* c = find(req)) {
    if (content_length == 0) {
      c->phase = Phase::handling;
      return;
    }
    c->phase = Phase::body;
    auto allowance = static_cast<std::int64_t>(content_length) / std::max<std::int64_t>(1, limits_.min_body_bytes_per_s);
    c->deadline = Clock::now() + std::chrono::seconds(limits_.header_timeout_s + allowance);
  }
}

void ConnectionGuard::handler_started(const httplib::Request& req) {
  std::lock_guard lock(mutex_);
  if (auto* c = find(req)) c->phase = Phase::handling;
}

void ConnectionGuard::answered(const httplib::Request& req) {
  std::lock_guard lock(mutex_);
  auto it = fd_of_peer_.find(req.remote_addr + ":" + std::to_string(req.remote_port));
  if (it == fd_of_peer_.end()) return;
  auto& c = by_fd_.at(it->second);
  if (c.close_after) {
    // The answer is in the socket's send queue and leaves before the FIN; the
    // library then finds the stream ended instead of reading the rest of a
    // broken request as the next one (and answering it).
    ::shutdown(it->second, SHUT_RDWR);
    return;
  }
  c.phase = Phase::headers;
  c.deadline = Clock::now() + std::chrono::seconds(limits_.keep_alive_timeout_s + limits_.header_timeout_s);
}

bool ConnectionGuard::closing(const httplib::Request& req) {
  std::lock_guard lock(mutex_);
  auto* c = find(req);
  return c && c->close_after;
}

void ConnectionGuard::close_after_answer(const httplib::Request& req) {
  std::lock_guard lock(mutex_);
  if (auto* c = find(req)) c->close_after = true;
}

void ConnectionGuard::watch() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, std::chrono::milliseconds(200));
    const auto now = Clock::now();
    for (auto& [fd, c] : by_fd_) {
      if (c.phase == Phase::queued || c.phase == Phase::handling || now < c.deadline) continue;
      // The number could belong to a newer connection by now; only the peer tells.
      std::string address, peer;
      if (!peer_of(fd, &address, &peer) || peer != c.peer) continue;
      ::shutdown(fd, SHUT_RDWR);
      const char* phase = c.phase == Phase::body ? "body" : "headers";
      c.phase = Phase::handling;  // once is enough; the worker closes it
      c.close_after = true;       // bytes already received are not run as a request
      log::warn("connection.timed_out", std::string(R"({"phase":")") + phase + "\"}");
    }
  }
}

}  // namespace regie::http
