// Limits on connections that cpp-httplib 0.11 (Debian's) does not enforce
// itself: its read timeout applies to each read, so a client sending a header
// line every few seconds, or a body one byte at a time, holds a worker for as
// long as it likes, and one client may hold every worker.
//
// The guard sits in the server's task queue, where every accepted connection
// passes, and keeps a table of open connections: who (the peer address), in
// which phase (waiting for a worker, reading the request line and headers,
// reading the body, being answered) and until when that phase may last. A
// watchdog shuts down the socket of a connection whose phase ran out, so the
// library's blocking read returns and the worker is free again.
#pragma once
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace regie::http {

struct ConnectionLimits {
  int header_timeout_s = 10;       // request line and headers, from the first byte a worker waits for
  int keep_alive_timeout_s = 5;    // idle time between requests on one connection (the library's own limit)
  std::int64_t min_body_bytes_per_s = 64 * 1024;  // a body may take header_timeout_s + its size at this rate
  int max_per_client = 16;         // open connections of one peer address; 0: no cap
  // Peers exempt from the cap: a reverse proxy carries every user's connections.
  std::function<bool(const std::string&)> uncapped = {};
};

class ConnectionGuard {
 public:
  explicit ConnectionGuard(ConnectionLimits limits);
  ~ConnectionGuard();
  ConnectionGuard(const ConnectionGuard&) = delete;
  ConnectionGuard& operator=(const ConnectionGuard&) = delete;

  // The server's port, known once it is bound: accepted sockets are recognised by it.
  void set_port(int port);
  // A task queue for httplib::Server::new_task_queue, running `threads` workers.
  httplib::TaskQueue* make_task_queue(std::size_t threads);

  // The request line and headers of `req` are read (the pre-routing handler).
  // Without a body there is nothing more to wait for: the handler's phase starts.
  void headers_read(const httplib::Request& req, std::uint64_t content_length);
  // Its handler runs: the body is read too, no deadline while the answer is made.
  void handler_started(const httplib::Request& req);
  // The answer is written; the connection waits for its next request.
  void answered(const httplib::Request& req);
  // The request's framing is broken: after its answer nothing more is read on
  // the connection (the bytes that follow are not a request).
  void close_after_answer(const httplib::Request& req);

  // True once the connection is being closed (broken framing, or a phase that
  // ran out): whatever the library still parses from it is not to be run.
  bool closing(const httplib::Request& req);

 private:
  enum class Phase { queued, headers, body, handling };
  struct Connection {
    std::string peer;    // "address:port", as the library reports it in the request
    std::string client;  // the address alone
    std::uint64_t generation = 0;
    Phase phase = Phase::queued;
    std::chrono::steady_clock::time_point deadline{};
    bool close_after = false;
  };
  class Queue;

  // Called on the listening thread right after accept(); false refuses the connection.
  bool admit(int* fd, std::uint64_t* generation);
  void started(int fd, std::uint64_t generation);
  void finished(int fd, std::uint64_t generation);
  Connection* find(const httplib::Request& req);  // mutex held
  void watch();

  ConnectionLimits limits_;
  int port_ = -1;
  mutable std::mutex mutex_;
  std::map<int, Connection> by_fd_;
  std::map<std::string, int> fd_of_peer_;
  std::uint64_t next_generation_ = 1;
  bool stopping_ = false;
  std::condition_variable wake_;
  std::thread watchdog_;
};

}  // namespace regie::http
