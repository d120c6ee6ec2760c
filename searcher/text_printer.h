// The text back end of Printer (printer.h): writes the text a command gives beside its values,
// and nothing of the document.
#pragma once

#include <string>

#include "searcher/printer.h"

namespace nsearch {

class TextPrinter final : public Printer {
 public:
  // Appends to out.
  explicit TextPrinter(std::string& out) : out_(out) {}

  Printer& begin_map() override { return *this; }
  Printer& begin_list() override { return *this; }
  Printer& end() override { return *this; }
  Printer& map_key(std::string_view) override { return *this; }
  Printer& string(std::string_view) override { return *this; }
  Printer& integer(std::int64_t) override { return *this; }
  Printer& real(double) override { return *this; }
  Printer& boolean(bool) override { return *this; }
  Printer& null() override { return *this; }
  Printer& text(std::string_view text) override {
    out_ += text;
    return *this;
  }
  bool is_text() const override { return true; }

 private:
  std::string& out_;
};

}  // namespace nsearch
