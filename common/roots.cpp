#include "common/roots.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace nsearch {

std::vector<RootRecord> parse_roots(const std::string& json) {
  std::vector<RootRecord> roots;
  auto j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_array()) return roots;
  for (const auto& r : j) {
    if (r.is_string()) {
      std::string path = r.get<std::string>();
      roots.push_back(RootRecord{path, unique_root_name(path, roots), ""});
    } else if (r.is_object()) {
      roots.push_back(RootRecord{r.value("path", ""), r.value("name", ""), r.value("last_scan", "")});
    }
  }
  return roots;
}

std::string roots_json(const std::vector<RootRecord>& roots) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& r : roots) j.push_back({{"path", r.path}, {"name", r.name}, {"last_scan", r.last_scan}});
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool path_under(const std::string& path, const std::string& root) {
  if (path == root) return true;
  if (root == "/") return path.size() > 1 && path[0] == '/';
  return path.size() > root.size() && path.compare(0, root.size(), root) == 0 && path[root.size()] == '/';
}

std::string unique_root_name(const std::string& path, const std::vector<RootRecord>& recorded) {
  std::string base = path.substr(path.find_last_of('/') + 1);
  if (base.empty()) base = "root";
  auto taken = [&](const std::string& name) {
    return std::any_of(recorded.begin(), recorded.end(), [&](const RootRecord& r) { return r.name == name; });
  };
  std::string name = base;
  for (int n = 2; taken(name); ++n) name = base + "-" + std::to_string(n);
  return name;
}

}  // namespace nsearch
