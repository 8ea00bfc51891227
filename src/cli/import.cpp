// `regie import`: iJw/iWmo 3.2 messages into the care maps, and the
// population CSV exports (households.csv, allocations.csv) into the store.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/app.h"
#include "common/sealer.h"
#include "service/interop.h"
#include "domain/account.h"

namespace regie::cli {

namespace {

const service::Principal kCommandLine{"cli", "command line", domain::Role::administrator, ""};

constexpr std::uintmax_t kMaxMessageBytes = 16 * 1024 * 1024;

// The size is checked on the file system before anything is read, so that an
// oversized file never sits in memory; files are read one at a time.
Result<std::string> read_message(const std::string& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return invalid("Regie /: het bestand kan niet worden gelezen");
  if (size > kMaxMessageBytes)
    return invalid("Regie /: het bestand is groter dan 16 MiB (" + std::to_string(size) + " bytes)");
  std::ifstream in(path, std::ios::binary);
  if (!in) return invalid("Regie /: het bestand kan niet worden gelezen");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The start of a file, enough to find its message namespace for the batch order.
std::string head_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

}  // namespace

void add_import(CLI::App& app, Context& ctx) {
  auto* imp = app.add_subcommand("import", "Import provision data into the store (iJw/iWmo messages, CSV exports)");
  imp->require_subcommand(1);
  struct Opts {
    std::string db, key_file, schema_dir, households, allocations;
    std::vector<std::string> files;
  };
  auto o = std::make_shared<Opts>();
  for (const char* kind : {"ijw", "iwmo"}) {
    auto* cmd = imp->add_subcommand(kind, std::string("Import ") + kind + " 3.2 XML messages (301, 305, 307, 323)");
    add_db_option(*cmd, o->db);
    cmd->add_option("--secret-key-file", o->key_file,
                    "Key file that opens the stored BSNs (default for SQLite: the database path + .key)");
    cmd->add_option("--schema-dir", o->schema_dir, "Folder with the official XSDs, for full schema validation")
        ->check(CLI::ExistingDirectory);
    cmd->add_option("files", o->files, "XML message files")->required()->check(CLI::ExistingFile);
    cmd->callback([&ctx, kind, o] {
      auto standard = *interop::parse_standard(kind);
      auto s = open_store(o->db, false);
      if (!s) return void(ctx.exit_code = fail(s.error()));
      std::string key = o->key_file;
      if (key.empty() && !o->db.starts_with("postgres")) key = o->db + ".key";
      if (key.empty() || !std::filesystem::exists(key)) {
        std::cerr << "regie: no BSN key file" << (key.empty() ? "" : " at " + key)
                  << "; give --secret-key-file (the server's key) to match clients by BSN\n";
        return void(ctx.exit_code = kEnvironment);
      }
      auto sealer = Sealer::from_key_file(key, false);
      if (!sealer) {
        std::cerr << "regie: " << sealer.error().message << "\n";
        return void(ctx.exit_code = kEnvironment);
      }
      // Allocations first, then starts, stops and declarations, whatever order the files came in.
      struct Item {
        std::string path;
        int order;
      };
      std::vector<Item> items;
      for (auto& f : o->files) {
        auto k = interop::peek_kind(head_of(f), standard);
        items.push_back({f, k ? static_cast<int>(*k) : 0});
      }
      std::stable_sort(items.begin(), items.end(), [](auto& a, auto& b) { return a.order < b.order; });
      SystemClock clock;
      service::Interop svc(**s, clock, &*sealer);
      int refused = 0;
      for (auto& it : items) {
        service::ImportOptions options{o->schema_dir, std::filesystem::path(it.path).filename().string()};
        auto xml = read_message(it.path);
        auto r = xml ? svc.import_message(kCommandLine, *xml, standard, options) : Result<service::ImportResult>(xml.error());
        if (!r) {
          int code = fail(Error{r.error().code, it.path + ": " + r.error().message});
          if (!refused) ctx.exit_code = code;
          ++refused;
          continue;
        }
        if (r->already_imported) {
          std::cout << it.path << ": " << r->message << " was imported before; nothing changed\n";
          continue;
        }
        std::cout << it.path << ": imported " << r->message << " (provisions:";
        for (auto& p : r->provisions) std::cout << " " << p;
        std::cout << ")\n";
        for (auto& w : r->warnings) std::cerr << "regie: " << it.path << ": " << w << "\n";
      }
      if (refused)
        std::cerr << "regie: " << refused << " of " << items.size()
                  << " message(s) refused; nothing of a refused message was stored\n";
    });
  }

  auto* csv = imp->add_subcommand("csv", "Import households.csv and allocations.csv (DATA-FORMATS.md) into the store");
  add_db_option(*csv, o->db);
  csv->add_option("--households", o->households, "households.csv")->required()->check(CLI::ExistingFile);
  csv->add_option("--allocations", o->allocations, "allocations.csv")->required()->check(CLI::ExistingFile);
  csv->callback([&ctx, o] {
    auto s = open_store(o->db, false);
    if (!s) return void(ctx.exit_code = fail(s.error()));
    SystemClock clock;
    service::Interop svc(**s, clock, nullptr);
    auto r = svc.import_csv(kCommandLine, o->households, o->allocations);
    if (!r) return void(ctx.exit_code = fail(r.error()));
    std::cout << "Imported " << r->households << " households, " << r->members << " members, " << r->provisions
              << " provisions and " << r->organisations << " new providers\n";
  });
}

}  // namespace regie::cli
