// The display names `nsearch index --source-names FILE` gives to source keys: a UTF-8 text file,
// one outlet a line, "KEY<TAB>NAME" (alriyadh<TAB>الرياض); blank lines and lines starting with
// # are skipped. KEY is a source as the articles write it (normalized like every source, so
// Alriyadh is alriyadh); NAME is shown in results and facets, and `--source NAME` finds it.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace nsearch {

// Source key -> display name. Throws Error(ErrorCode::usage) naming the file and line of a bad line.
std::map<std::string, std::string> read_source_names(const std::filesystem::path& file);

}  // namespace nsearch
