// `regie restore` on SQLite: arbitrary bytes as a would-be backup file. The
// restore checks the file (SQLite's integrity check, a Regie schema) before
// it touches the target database; whatever the bytes, it refuses with a
// message or restores, and a restored database then opens as a store that
// says whether its schema is current.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "store/backup.h"
#include "support.h"

using namespace regie;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static fuzz::TempFolder folder;
  const auto in = folder.file("backup.db"), target = folder.file("restored.db");
  namespace fs = std::filesystem;
  for (auto suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::remove(in + suffix);
    fs::remove(target + suffix);
  }
  {
    std::FILE* f = std::fopen(in.c_str(), "wb");
    if (!f || std::fwrite(data, 1, size, f) != size || std::fclose(f) != 0) std::abort();
  }
  auto st = store::restore(in, target);
  if (!st) {
    if (st.error().message.empty()) std::abort();
    return 0;
  }
  auto s = store::Store::open(target);
  if (s) (void)(*s)->is_current();
  return 0;
}
