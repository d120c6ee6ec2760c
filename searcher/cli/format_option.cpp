#include "searcher/cli/format_option.h"

#include "common/errors.h"
#include "searcher/text_printer.h"

namespace nsearch::cli {

std::unique_ptr<Printer> document_printer(const std::string& format, std::string& out, JsonPrinter::Layout layout) {
  if (format == "text") return std::make_unique<TextPrinter>(out);
  if (format == "json") return std::make_unique<JsonPrinter>(out, layout);
  throw Error(ErrorCode::usage, "--format must be text or json");
}

}  // namespace nsearch::cli
