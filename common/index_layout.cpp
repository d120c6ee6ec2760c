#include "common/index_layout.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/errors.h"

namespace nsearch::layout {

namespace fs = std::filesystem;

fs::path stub_of(const fs::path& dir) { return dir / "XAPIANDB"; }

std::vector<StubLine> read_stub(const fs::path& stub) {
  std::ifstream in(stub);
  std::vector<StubLine> lines;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    StubLine entry;
    if (!(words >> entry.backend) || entry.backend[0] == '#') continue;
    std::getline(words >> std::ws, entry.path);
    lines.push_back(std::move(entry));
  }
  return lines;
}

void write_stub(const fs::path& dir, const std::vector<std::string>& databases) {
  fs::path tmp = dir / "XAPIANDB.tmp";
  {
    std::ofstream f(tmp, std::ios::trunc);
    for (const auto& p : databases) f << "glass " << p << "\n";
    f.flush();
    if (!f) throw Error(ErrorCode::io, "cannot write " + tmp.string());
  }
  fs::rename(tmp, stub_of(dir));
}

std::string generation_name(int number) { return "db-" + std::to_string(number); }

int generation_number(const std::string& name) { return name.rfind("db-", 0) == 0 ? std::atoi(name.c_str() + 3) : 0; }

std::string database_path(const std::string& generation, std::size_t i) { return generation + "/" + std::to_string(i); }

std::string generation_of(const std::vector<StubLine>& stub) {
  if (stub.empty()) return "";
  const std::string& path = stub.front().path;
  return path.substr(0, path.find('/'));
}

}  // namespace nsearch::layout
