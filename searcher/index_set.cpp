#include "searcher/index_set.h"

#include <cstdlib>

#include "common/errors.h"
#include "common/index_layout.h"
#include "common/open_index.h"

namespace nsearch {

namespace fs = std::filesystem;

namespace {

// One database line of a stub, or a plain database directory.
struct Part {
  std::string remote_host;  // empty: local
  unsigned remote_port = 0;
  fs::path local;
  std::string name() const {
    return remote_host.empty() ? local.string() : remote_host + ":" + std::to_string(remote_port);
  }
};

Part parse_remote(const std::string& address, const fs::path& stub) {
  std::size_t colon = address.rfind(':');
  Part p;
  if (colon != std::string::npos && colon > 0) {
    p.remote_host = address.substr(0, colon);
    p.remote_port = static_cast<unsigned>(std::strtoul(address.c_str() + colon + 1, nullptr, 10));
  }
  if (p.remote_host.empty() || p.remote_port == 0 || p.remote_port > 65535) {
    throw Error(ErrorCode::usage, stub.string() + ": 'remote " + address + "' is not HOST:PORT");
  }
  return p;
}

std::vector<Part> parts_of(const fs::path& location) {
  std::error_code ec;
  fs::path stub = fs::is_directory(location, ec) ? layout::stub_of(location) : location;
  if (!fs::is_regular_file(stub, ec)) return {Part{"", 0, location}};  // a database directory
  std::vector<Part> parts;
  for (const auto& [backend, path] : layout::read_stub(stub)) {
    if (backend == "remote")
      parts.push_back(parse_remote(path, stub));
    else
      parts.push_back(Part{"", 0, fs::path(path).is_absolute() ? fs::path(path) : stub.parent_path() / path});
  }
  if (parts.empty()) throw Error(ErrorCode::unreadable, stub.string() + " lists no databases");
  return parts;
}

Xapian::Database open_part(const Part& part) {
  if (part.remote_host.empty()) return open_index_for_reading(part.local);
  Xapian::Database db = Xapian::Remote::open(part.remote_host, part.remote_port, 10000, 10000);
  check_index_versions(db, part.name());
  return db;
}

}  // namespace

IndexSet open_index_set(const std::vector<fs::path>& locations, bool allow_partial) {
  IndexSet set;
  set.locations = locations;
  set.allow_partial = allow_partial;
  for (const auto& location : locations) {
    for (const Part& part : parts_of(location)) {
      set.listed.push_back(part.name());
      try {
        set.shards.push_back(open_part(part));
        set.db.add_database(set.shards.back());
        set.parts.push_back(part.name());
        set.has_remote |= !part.remote_host.empty();
      } catch (const Xapian::NetworkError& e) {
        std::string why =
            "shard server " + part.name() + " (listed in " + location.string() + ") cannot be reached: " + e.get_msg();
        if (!allow_partial) throw Error(ErrorCode::unreachable, why);
        set.missing.push_back(why);
      }
    }
  }
  if (set.parts.empty()) throw Error(ErrorCode::io, "no shard could be opened: " + set.missing.front());
  return set;
}

bool listing_changed(const IndexSet& set) {
  std::vector<std::string> now;
  try {
    for (const auto& location : set.locations)
      for (const Part& part : parts_of(location)) now.push_back(part.name());
  } catch (const Error&) {
    return false;
  }
  return now != set.listed;
}

}  // namespace nsearch
