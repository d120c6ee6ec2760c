#include "indexer/source_names.h"

#include <fstream>

#include "common/analyzer.h"
#include "common/errors.h"

namespace nsearch {

namespace {

std::string trim(const std::string& s) {
  std::size_t a = s.find_first_not_of(" \t\r"), b = s.find_last_not_of(" \t\r");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

}  // namespace

std::map<std::string, std::string> read_source_names(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw Error(ErrorCode::usage, "cannot read the source names file " + file.string());
  std::map<std::string, std::string> names;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::string where = file.string() + ":" + std::to_string(number) + ": ";
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    std::size_t tab = line.find('\t');
    if (tab == std::string::npos) throw Error(ErrorCode::usage, where + "expected KEY<TAB>NAME");
    std::string key = normalize_source(line.substr(0, tab)), name = trim(line.substr(tab + 1));
    if (key.empty() || name.empty()) throw Error(ErrorCode::usage, where + "expected KEY<TAB>NAME, both non-empty");
    names[key] = name;
  }
  return names;
}

}  // namespace nsearch
