// The JSON back end of Printer (printer.h): each top-level value, once complete, is written
// followed by a newline, indented by two spaces or on one line (json lines, --batch). Keys come
// out in byte order, invalid UTF-8 as U+FFFD, as nlohmann::json writes them: the shape every
// command's JSON has had since format_version 1.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "searcher/printer.h"

namespace nsearch {

class JsonPrinter final : public Printer {
 public:
  enum class Layout { Indented, OneLine };
  // Appends to out.
  JsonPrinter(std::string& out, Layout layout) : out_(out), layout_(layout) {}

  Printer& begin_map() override { return open(nlohmann::json::object()); }
  Printer& begin_list() override { return open(nlohmann::json::array()); }
  Printer& end() override;
  Printer& map_key(std::string_view key) override;
  Printer& string(std::string_view value) override { return put(std::string(value)); }
  Printer& integer(std::int64_t value) override { return put(value); }
  Printer& real(double value) override { return put(value); }
  Printer& boolean(bool value) override { return put(value); }
  Printer& null() override { return put(nullptr); }
  Printer& text(std::string_view) override { return *this; }
  bool is_text() const override { return false; }

 private:
  Printer& open(nlohmann::json container);
  // Places value in the open container (under the pending key), or writes it if there is none.
  nlohmann::json& place(nlohmann::json value);
  Printer& put(nlohmann::json value) {
    place(std::move(value));
    return *this;
  }
  void write(const nlohmann::json& value);

  std::string& out_;
  Layout layout_;
  nlohmann::json root_;
  std::vector<nlohmann::json*> open_;  // the containers begun and not yet ended, outermost first
  std::string key_;
};

// What print(Printer&) writes as one indented JSON document.
template <typename Print>
std::string json_document(Print&& print) {
  std::string out;
  JsonPrinter p(out, JsonPrinter::Layout::Indented);
  print(p);
  return out;
}

}  // namespace nsearch
