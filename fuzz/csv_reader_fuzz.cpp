// CsvReader on arbitrary bytes: it must read or refuse every input without
// a crash, a leak, undefined behaviour or unbounded memory. The input goes
// through an in-memory file because the reader streams from a path.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/csv.h"

namespace {

int memory_file() {
  static int fd = memfd_create("csv", 0);
  return fd;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  int fd = memory_file();
  if (fd < 0 || ftruncate(fd, 0) != 0) return 0;
  if (size && pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) return 0;
  auto reader = regie::CsvReader::open("/proc/self/fd/" + std::to_string(fd));
  if (!reader) return 0;
  auto& r = **reader;
  (void)r.require_columns({"household", "start_date", "amount"});
  const int column = r.column("amount");
  std::size_t total = 0;
  while (r.next()) {
    for (auto f : r.fields()) total += f.size();
    total += r.field(column).size();
    if (r.line() % 7 == 0) total += r.where(column).size();
  }
  if (r.error()) total += r.error()->message.size();
  return total == static_cast<std::size_t>(-1);
}
