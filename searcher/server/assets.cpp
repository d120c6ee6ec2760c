#include "searcher/server/assets.h"

#include <array>
#include <utility>

namespace nsearch::server {

namespace {

// System fonts only: no font is fetched.
constexpr std::string_view kStyle = R"css(
:root { --ink: #1d2125; --muted: #5f6b76; --line: #d9dee3; --accent: #0b5cab; --mark: #ffe58a; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.6 "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", Tahoma, sans-serif;
       color: var(--ink); background: #f6f7f9; }
header { background: #fff; border-bottom: 1px solid var(--line); padding: 12px 24px; display: flex; gap: 18px;
         align-items: center; flex-wrap: wrap; }
header .brand { font-weight: bold; color: var(--accent); text-decoration: none; font-size: 20px; }
form.search { display: flex; gap: 8px; flex: 1; flex-wrap: wrap; }
form.search input[type=search] { flex: 1; min-width: 220px; padding: 8px 12px; font: inherit;
                                 border: 1px solid var(--line); border-radius: 6px; }
form.search select, form.search button { font: inherit; padding: 6px 12px; border-radius: 6px;
                                         border: 1px solid var(--line); background: #fff; }
form.search button { background: var(--accent); color: #fff; border-color: var(--accent); }
.layout { display: grid; grid-template-columns: 260px 1fr; gap: 24px; padding: 18px 24px; max-width: 1200px; }
aside section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px;
                margin-bottom: 16px; }
aside h3 { margin: 0 0 6px; font-size: 15px; color: var(--muted); }
aside label { display: block; font-size: 15px; }
aside .count, .meta { color: var(--muted); font-size: 14px; }
svg.histogram a rect { fill: var(--accent); opacity: .75; }
svg.histogram a:hover rect, svg.histogram a:focus rect { opacity: 1; }
svg.histogram text { font-size: 10px; fill: var(--muted); }
.summary { color: var(--muted); margin: 0 0 12px; }
article.hit { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px;
              margin-bottom: 12px; }
article.hit h2 { font-size: 19px; margin: 0 0 4px; }
article.hit h2 a { color: var(--accent); text-decoration: none; }
.snippet { margin: 6px 0 0; }
mark { background: var(--mark); color: inherit; padding: 0 1px; border-radius: 2px; }
details.story summary { cursor: pointer; color: var(--muted); font-size: 14px; }
details.story ul { margin: 4px 0; padding-inline-start: 20px; font-size: 14px; }
nav.pages { display: flex; gap: 16px; margin: 16px 0; }
.error { background: #fdecea; border: 1px solid #f5c2bd; padding: 10px 14px; border-radius: 8px; }
main.article { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 24px;
               margin: 18px 24px; max-width: 900px; }
main.article .body { white-space: pre-wrap; }
@media (max-width: 760px) { .layout { grid-template-columns: 1fr; } }
)css";

// Submits the filter form when a facet box or the sort changes; without it the search button does.
constexpr std::string_view kScript = R"js(
document.addEventListener('change', function (event) {
  var box = event.target;
  if (box.matches('input[type=checkbox][form], select[form]')) {
    var form = document.getElementById(box.getAttribute('form'));
    if (form) form.submit();
  }
});
)js";

constexpr std::array<std::pair<std::string_view, Asset>, 2> kAssets{{
    {"/assets/style.css", {kStyle, "text/css; charset=utf-8"}},
    {"/assets/app.js", {kScript, "text/javascript; charset=utf-8"}},
}};

}  // namespace

const Asset* find_asset(std::string_view path) {
  for (const auto& [at, asset] : kAssets) {
    if (at == path) return &asset;
  }
  return nullptr;
}

}  // namespace nsearch::server
