// Chunked RFC 4180 parsing. A record that straddles a chunk boundary is parsed
// again after the buffer is compacted and refilled.
#include "common/csv.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace regie {
namespace {
// Large reads: fewer system calls and re-parsed straddling records. The fuzz
// build (fuzz/) makes it tiny, so that records straddle chunks all the time.
#ifndef REGIE_CSV_CHUNK
#define REGIE_CSV_CHUNK (1 << 22)
#endif
constexpr std::size_t kChunk = REGIE_CSV_CHUNK;
}

Result<std::unique_ptr<CsvReader>> CsvReader::open(const std::string& path) {
  std::unique_ptr<CsvReader> r(new CsvReader());
  r->path_ = path;
  if (path == "-") {
    r->file_ = stdin;
  } else {
    r->file_ = std::fopen(path.c_str(), "rb");
    if (!r->file_) return invalid(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    r->owns_file_ = true;
  }
  r->buf_.resize(kChunk);
  if (!r->next()) {
    if (r->error_) return *r->error_;
    return invalid(fmt::format("{}: the file is empty; a header row is required", path));
  }
  for (auto f : r->fields_) r->header_.emplace_back(f);
  // A byte-order mark is not part of the first column name.
  if (!r->header_.empty() && r->header_[0].starts_with("\xEF\xBB\xBF")) r->header_[0].erase(0, 3);
  return r;
}

CsvReader::~CsvReader() {
  if (owns_file_ && file_) std::fclose(file_);
}

int CsvReader::column(std::string_view name) const {
  for (std::size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == name) return static_cast<int>(i);
  return -1;
}

Result<std::vector<int>> CsvReader::require_columns(const std::vector<std::string_view>& names) const {
  std::vector<int> out;
  std::string missing;
  for (auto n : names) {
    int c = column(n);
    if (c < 0) missing += (missing.empty() ? "" : ", ") + std::string(n);
    out.push_back(c);
  }
  if (!missing.empty()) return invalid(fmt::format("{}:1: missing column(s) in the header: {}", path_, missing));
  return out;
}

std::string CsvReader::where(int column_index) const {
  std::string name = column_index >= 0 && static_cast<std::size_t>(column_index) < header_.size()
                         ? header_[column_index]
                         : std::string("?");
  return fmt::format("{}:{}: column '{}'", path_, record_line_, name);
}

bool CsvReader::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ == buf_.size()) buf_.resize(buf_.size() * 2);  // one record larger than a chunk
  std::size_t n = std::fread(buf_.data() + end_, 1, buf_.size() - end_, file_);
  if (n == 0) {
    eof_ = true;
    return false;
  }
  end_ += n;
  return true;
}

bool CsvReader::next() {
  if (error_) return false;
  for (;;) {
    if (pos_ >= end_ && !fill()) return false;
    if (parse_record()) {
      if (fields_.size() == 1 && fields_[0].empty()) continue;  // a blank line is not a record
      return true;
    }
    if (error_) return false;
    // Incomplete record at the end of the buffer: read more, unless there is no more.
    if (!fill()) {
      if (pos_ < end_) {
        // The last record has no final newline; parse it with EOF as terminator.
        if (parse_record() && !(fields_.size() == 1 && fields_[0].empty())) return true;
      }
      return false;
    }
  }
}

// Parses one record starting at pos_. Returns false if the buffer ends before
// the record does (and more input may follow) or on a syntax error.
bool CsvReader::parse_record() {
  fields_.clear();
  unescaped_.clear();
  const char* p = buf_.data() + pos_;
  const char* e = buf_.data() + end_;
  long lines = 0;
  auto& found = spans_;
  found.clear();
  for (;;) {
    if (p < e && *p == '"') {
      ++p;
      std::string value;
      bool has_escape = false;
      const char* start = p;
      for (;;) {
        if (p >= e) {
          if (eof_) {
            error_ = invalid(fmt::format("{}:{}: a quoted field is not closed", path_, line_));
            return false;
          }
          return false;
        }
        if (*p == '"') {
          if (p + 1 >= e && !eof_) return false;
          if (p + 1 < e && p[1] == '"') {
            value.append(start, p + 1);
            p += 2;
            start = p;
            has_escape = true;
            continue;
          }
          break;
        }
        // Skip to the next quote in one library call (quoted runs can be long);
        // the line breaks inside still count as physical lines.
        const char* q = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(e - p)));
        const char* stop = q ? q : e;
        for (const char* n = p; (n = static_cast<const char*>(std::memchr(n, '\n', stop - n))) != nullptr; ++n) ++lines;
        p = stop;
      }
      Span s{start, p};
      if (has_escape) {
        value.append(start, p);
        unescaped_.push_back(std::move(value));
        s.escaped = static_cast<int>(unescaped_.size()) - 1;
      }
      ++p;  // closing quote
      found.push_back(s);
      if (p < e && *p != ',' && *p != '\n' && *p != '\r') {
        error_ = invalid(fmt::format("{}:{}: unexpected character after a closing quote", path_, line_ + lines));
        return false;
      }
    } else {
      const char* start = p;
      while (p < e && *p != ',' && *p != '\n' && *p != '\r') {
        if (*p == '"') {
          error_ = invalid(fmt::format("{}:{}: a quote inside an unquoted field", path_, line_ + lines));
          return false;
        }
        ++p;
      }
      found.push_back(Span{start, p});
    }
    if (p >= e) {
      if (!eof_) return false;
      break;  // last record without newline
    }
    if (*p == ',') {
      ++p;
      continue;
    }
    if (*p == '\r') {
      if (p + 1 >= e && !eof_) return false;
      ++p;
      if (p < e && *p == '\n') ++p;
    } else {
      ++p;  // '\n'
    }
    ++lines;
    break;
  }
  for (auto& s : found) {
    if (s.escaped >= 0)
      fields_.emplace_back(unescaped_[s.escaped]);
    else
      fields_.emplace_back(s.b, static_cast<std::size_t>(s.e - s.b));
  }
  record_line_ = line_;
  line_ += lines;
  pos_ = static_cast<std::size_t>(p - buf_.data());
  return true;
}

std::string csv_escape(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace regie
