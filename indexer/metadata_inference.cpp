#include "indexer/metadata_inference.h"

#include <algorithm>
#include <set>

#include "indexer/boilerplate.h"
#include "indexer/date_finder.h"
#include "indexer/outlet_finder.h"
#include "indexer/text_lines.h"
#include "indexer/title_finder.h"

namespace nsearch {

namespace {

Provenance provenance(const TextLine& line, std::string rule, std::string phrase) {
  return Provenance{line.number, std::string(line.text), std::move(rule), std::move(phrase)};
}

// text without the given (1-based, file-numbered) lines; runs of blank lines left by them are
// closed up.
std::string without_lines(std::string_view text, int first_line, const std::set<int>& drop) {
  std::string out;
  int number = first_line;
  int blanks = 0;
  while (!text.empty() || number == first_line) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!drop.count(number)) {
      bool blank = trim_text(line).empty();
      blanks = blank ? blanks + 1 : 0;
      if (blanks < 2 && !(blank && out.empty())) {
        out.append(line);
        out += '\n';
      }
    }
    ++number;
    if (nl == std::string_view::npos) break;
  }
  std::string_view kept = trim_text(out);
  return std::string(kept);
}

}  // namespace

MetadataInference infer_metadata(std::string_view text, int first_line, const InferenceOptions& options) {
  MetadataInference m;
  std::vector<TextLine> lines = non_empty_lines(text, first_line);
  if (lines.empty()) return m;
  TitleFinding title = find_title(lines, options.profile);
  if (title.line >= lines.size()) {  // every line is chrome or metadata: the first line, as written
    title = TitleFinding{};
    title.rule = "first line";
  }
  m.title = std::string(lines[title.line].text);
  m.title_from = provenance(lines[title.line], title.rule, m.title);

  OutletFinding outlet = find_outlet(lines, title.line, options.profile);
  std::optional<size_t> keep;
  if (!outlet.outlet.name.empty()) {
    m.source = outlet.outlet.name;
    m.co_sources = outlet.outlet.co_sources;
    m.source_from = provenance(lines[outlet.line], outlet.rule, outlet.phrase);
    keep = outlet.line;
  }

  DateFinding date = find_date(lines, title.line, options.reference);
  if (!date.date.empty()) {
    m.date = date.date;
    m.date_from = provenance(lines[date.line], date.rule, date.phrase);
  }
  m.date_not_resolved = date.not_resolved;

  std::set<int> drop;
  for (const DroppedLine& d : find_boilerplate(lines, title, options.profile, keep)) {
    m.dropped.push_back({lines[d.line].number, std::string(lines[d.line].text), d.reason});
    drop.insert(lines[d.line].number);
  }
  // The headline is the title now: left in the body, `show` and snippets would print it twice.
  drop.insert(lines[title.line].number);
  m.body = without_lines(text, first_line, drop);
  return m;
}

}  // namespace nsearch
