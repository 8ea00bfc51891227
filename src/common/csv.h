// Streaming RFC 4180 CSV reader: reads a file in fixed-size chunks so that
// exports of any size are processed in constant memory. Columns are found by
// header name; extra columns are ignored. Lines may end in LF or CRLF.
#pragma once
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace regie {

class CsvReader {
 public:
  // Opens `path` ("-" for standard input) and reads the header row.
  static Result<std::unique_ptr<CsvReader>> open(const std::string& path);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Index of a header column, or -1.
  int column(std::string_view name) const;
  // Looks up all `names`; the error names the file and every missing column.
  Result<std::vector<int>> require_columns(const std::vector<std::string_view>& names) const;

  // Reads the next record. Returns false at the end of the file or on a
  // malformed record (then error() is set). Fields stay valid until the next call.
  bool next();
  const std::vector<std::string_view>& fields() const { return fields_; }
  std::string_view field(int index) const {
    return index >= 0 && static_cast<std::size_t>(index) < fields_.size() ? fields_[index] : std::string_view{};
  }
  // Physical line number where the current record starts (header is line 1).
  long line() const { return record_line_; }
  const std::string& path() const { return path_; }
  const std::vector<std::string>& header() const { return header_; }
  const std::optional<Error>& error() const { return error_; }

  // "file.csv:12: column 'start_date': not a date (yyyy-mm-dd): '2019-13-01'"
  std::string where(int column_index) const;

 private:
  CsvReader() = default;
  bool fill();
  bool parse_record();

  std::string path_;
  std::FILE* file_ = nullptr;
  bool owns_file_ = false;
  bool eof_ = false;
  std::vector<char> buf_;
  std::size_t pos_ = 0, end_ = 0;
  long line_ = 1, record_line_ = 0;
  std::vector<std::string_view> fields_;
  std::vector<std::string> unescaped_;
  // Field boundaries of the record being parsed; a member so that no record allocates.
  struct Span {
    const char* b;
    const char* e;
    int escaped = -1;
  };
  std::vector<Span> spans_;
  std::vector<std::string> header_;
  std::optional<Error> error_;
};

// Quotes a field for CSV output when it needs it (comma, quote, line break).
std::string csv_escape(std::string_view field);

}  // namespace regie
