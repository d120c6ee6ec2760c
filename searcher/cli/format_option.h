// --format text|json of the commands that print one document (show, stats, roots, sources,
// analyze, index): the Printer back end (searcher/printer.h) that writes it.
#pragma once

#include <memory>
#include <string>

#include "searcher/json_printer.h"

namespace nsearch::cli {

// Throws Error(ErrorCode::usage) unless format is text or json. The printer appends to out.
std::unique_ptr<Printer> document_printer(const std::string& format, std::string& out,
                                          JsonPrinter::Layout layout = JsonPrinter::Layout::Indented);

}  // namespace nsearch::cli
