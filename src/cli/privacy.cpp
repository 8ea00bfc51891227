// `regie privacy export|erase|retention`: the privacy rights of a household
// member (docs/privacy.md), run by an administrator who holds the database.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/app.h"
#include "service/privacy.h"

namespace regie::cli {

namespace {

// The BSN key: the given file, or for SQLite the one beside the database.
// Without one the export says a BSN is stored but does not show it.
std::optional<Sealer> optional_sealer(const std::string& db, const std::string& key_file) {
  std::string key = key_file;
  if (key.empty() && !db.starts_with("postgres")) key = db + ".key";
  if (key.empty() || !std::filesystem::exists(key)) return std::nullopt;
  auto s = Sealer::from_key_file(key, false);
  if (!s) return std::nullopt;
  return *s;
}

}  // namespace

void add_privacy(CLI::App& app, Context& ctx) {
  auto* privacy =
      app.add_subcommand("privacy", "A person's privacy rights: export, erasure, retention of closed files");
  privacy->require_subcommand(1);
  struct Opts {
    std::string db, person, format = "json", output, reason, as, key_file;
    bool dry_run = false;
  };
  auto o = std::make_shared<Opts>();

  auto* exp = privacy->add_subcommand("export", "Everything about one household member (JSON, or a FHIR R4 Bundle)");
  add_db_option(*exp, o->db);
  exp->add_option("--person", o->person, "The household member's id")->required();
  exp->add_option("--format", o->format, "json or fhir")->check(CLI::IsMember({"json", "fhir"}));
  exp->add_option("--output", o->output, "Output file (default: standard output)");
  exp->add_option("--secret-key-file", o->key_file, "BSN key file (default for SQLite: the database path + .key)");
  exp->add_option("--as", o->as, "The administrator's user name (default: the operating system user)");
  exp->callback([&ctx, o] {
    auto admin = open_as_administrator(o->db, o->as);
    if (!admin) return void(ctx.exit_code = fail(admin.error()));
    auto sealer = optional_sealer(o->db, o->key_file);
    SystemClock clock;
    service::Privacy svc(*admin->store, clock, sealer ? &*sealer : nullptr);
    std::string text;
    if (o->format == "fhir") {
      auto doc = svc.export_fhir(admin->who, o->person);
      if (!doc) return void(ctx.exit_code = fail(doc.error()));
      text = doc->dump(2);
    } else {
      auto doc = svc.export_json(admin->who, o->person);
      if (!doc) return void(ctx.exit_code = fail(doc.error()));
      text = doc->dump(2);
    }
    auto st = write_output(o->output, text + "\n");
    if (!st) ctx.exit_code = fail(st.error());
  });

  auto* erase = privacy->add_subcommand(
      "erase", "Erase a household member's data on request; what the law keeps is recorded with its legal ground");
  add_db_option(*erase, o->db);
  erase->add_option("--person", o->person, "The household member's id")->required();
  erase->add_option("--reason", o->reason, "Why, e.g. \"request of 2026-11-20, letter ref. 123\"")->required();
  erase->add_option("--as", o->as, "The administrator's user name (default: the operating system user)");
  erase->callback([&ctx, o] {
    auto admin = open_as_administrator(o->db, o->as);
    if (!admin) return void(ctx.exit_code = fail(admin.error()));
    SystemClock clock;
    service::Privacy svc(*admin->store, clock, nullptr);
    auto rec = svc.erase(admin->who, o->person, o->reason);
    if (!rec) return void(ctx.exit_code = fail(rec.error()));
    std::cout << service::erasure_json(*rec).dump(2) << "\n";
  });

  auto* retention = privacy->add_subcommand(
      "retention",
      "Erase closed files older than retention.closed_file_years, and remove them once nothing must be kept");
  add_db_option(*retention, o->db);
  retention->add_flag("--dry-run", o->dry_run, "List what would be erased or removed; change nothing");
  retention->add_option("--as", o->as, "The administrator's user name (default: the operating system user)");
  retention->callback([&ctx, o] {
    auto admin = open_as_administrator(o->db, o->as);
    if (!admin) return void(ctx.exit_code = fail(admin.error()));
    SystemClock clock;
    service::Privacy svc(*admin->store, clock, nullptr);
    auto report = svc.retention(admin->who, o->dry_run);
    if (!report) return void(ctx.exit_code = fail(report.error()));
    std::cout << service::retention_json(*report).dump(2) << "\n";
  });
}

}  // namespace regie::cli
