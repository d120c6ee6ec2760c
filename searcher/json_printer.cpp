#include "searcher/json_printer.h"

#include <stdexcept>

namespace nsearch {

Printer& JsonPrinter::open(nlohmann::json container) {
  open_.push_back(&place(std::move(container)));
  return *this;
}

Printer& JsonPrinter::end() {
  if (open_.empty()) throw std::logic_error("JsonPrinter: end() without a map or list");
  open_.pop_back();
  if (open_.empty()) write(root_);
  return *this;
}

Printer& JsonPrinter::map_key(std::string_view key) {
  if (open_.empty() || !open_.back()->is_object()) throw std::logic_error("JsonPrinter: a key outside a map");
  key_ = key;
  return *this;
}

nlohmann::json& JsonPrinter::place(nlohmann::json value) {
  if (open_.empty()) {
    root_ = std::move(value);
    if (!root_.is_structured()) write(root_);
    return root_;
  }
  nlohmann::json& container = *open_.back();
  if (container.is_array()) {
    container.push_back(std::move(value));
    return container.back();
  }
  nlohmann::json& slot = container[key_];
  slot = std::move(value);
  return slot;
}

void JsonPrinter::write(const nlohmann::json& value) {
  out_ += value.dump(layout_ == Layout::Indented ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace);
  out_ += '\n';
}

}  // namespace nsearch
