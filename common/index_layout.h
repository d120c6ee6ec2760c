// The on-disk layout of an index directory, read and written only here.
//
// DIR/XAPIANDB is a stub naming the current generation's databases, one line "BACKEND PATH"
// each: `nsearch index` writes "glass db-G/i" (an index from before segments may be the single
// line "glass db-G"); a stub written by hand may also name "remote HOST:PORT" shards. Blank
// lines and lines starting with # are skipped. A new stub is renamed over the old one, so a
// reader sees one or the other, never a partial file.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace nsearch::layout {

struct StubLine {
  std::string backend;  // "glass", "auto", "remote", ...
  std::string path;     // as written: relative to the stub's folder, absolute, or HOST:PORT
};

// DIR/XAPIANDB.
std::filesystem::path stub_of(const std::filesystem::path& dir);
// The database lines of a stub file; none when there is no such file.
std::vector<StubLine> read_stub(const std::filesystem::path& stub);
// Replaces DIR/XAPIANDB, atomically, with one "glass PATH" line per database.
void write_stub(const std::filesystem::path& dir, const std::vector<std::string>& databases);

// Generation G's folder name, "db-G", and back (0 for a name that is none).
std::string generation_name(int number);
int generation_number(const std::string& name);
// Database i of a generation: "db-G/i".
std::string database_path(const std::string& generation, std::size_t i);
// The generation a stub's first database belongs to ("" when it lists none).
std::string generation_of(const std::vector<StubLine>& stub);

}  // namespace nsearch::layout
