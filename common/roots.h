// The roots an index was built from (metadata schema::kMetaRoots): what a bare `nsearch index`
// re-scans, `nsearch roots` lists and `nsearch index --forget` removes. Each root has a short
// name, recorded with it, that begins the id of every article file under it
// ("aljazeera/2024-10-23.txt"), so the same relative path under two roots is two articles.
#pragma once

#include <string>
#include <vector>

namespace nsearch {

struct RootRecord {
  std::string path;       // absolute, normalized: a directory or a single file
  std::string name;       // unique among the recorded roots; never contains '/'
  std::string last_scan;  // ISO 8601 UTC time of the last run that scanned all of it ("" never)
};

// Reads the metadata value ("" or unparseable: none). An index from before root names
// recorded bare paths: those get names in order.
std::vector<RootRecord> parse_roots(const std::string& json);
std::string roots_json(const std::vector<RootRecord>& roots);

// True when path is root or lies below it (component-wise on the strings: "/a/bc" is not
// under "/a/b").
bool path_under(const std::string& path, const std::string& root);

// A name for a new root at path: its last component ("root" for "/"), with "-2", "-3", …
// appended when a recorded root already has it.
std::string unique_root_name(const std::string& path, const std::vector<RootRecord>& recorded);

}  // namespace nsearch
