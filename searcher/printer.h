// One structured-output interface for every command (after notmuch's sprinter.h, with text
// beside each value as iproute2's print_*() put it): a command writes its result once, as a
// document of maps, lists and scalars and, next to each part, the text a person reads. The JSON
// back end (json_printer.h) writes the document, the text back end (text_printer.h) the text;
// each ignores the other's calls. So a command has one printing function for both formats,
// and the CLI and `nsearch serve` write the same JSON through the same back end.
#pragma once

#include <cstdint>
#include <string_view>

namespace nsearch {

class Printer {
 public:
  virtual ~Printer() = default;

  // The document. A map's entries are map_key() then one value; end() closes the innermost
  // map or list.
  virtual Printer& begin_map() = 0;
  virtual Printer& begin_list() = 0;
  virtual Printer& end() = 0;
  virtual Printer& map_key(std::string_view key) = 0;
  virtual Printer& string(std::string_view value) = 0;
  virtual Printer& integer(std::int64_t value) = 0;
  virtual Printer& real(double value) = 0;
  virtual Printer& boolean(bool value) = 0;
  virtual Printer& null() = 0;

  // What a person reads, written as given.
  virtual Printer& text(std::string_view text) = 0;
  // Whether text() is written: text that takes work to lay out is made only for a reader.
  virtual bool is_text() const = 0;

  // A string or null (empty).
  Printer& string_or_null(std::string_view value) { return value.empty() ? null() : string(value); }
};

}  // namespace nsearch
