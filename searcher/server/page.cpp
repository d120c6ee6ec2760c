#include "searcher/server/page.h"

#include <algorithm>

#include <fmt/core.h>

#include "searcher/server/html.h"
#include "searcher/story_output.h"

namespace nsearch::server {

namespace {

constexpr const char* kFormId = "searchform";

std::string head(const std::string& title) {
  return "<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         escape_html(title) +
         "</title>\n<link rel=\"stylesheet\" href=\"/assets/style.css\">\n"
         "<script src=\"/assets/app.js\" defer></script>\n</head>\n<body>\n";
}

const char* kFoot = "</body>\n</html>\n";

// The page for these params: only what differs from the defaults goes into the link.
std::string search_href(const cli::SearchParams& p) {
  std::string q = "q=" + url_encode(p.query);
  for (const auto& s : p.sources) q += "&source=" + url_encode(s);
  if (!p.since.empty()) q += "&since=" + url_encode(p.since);
  if (!p.until.empty()) q += "&until=" + url_encode(p.until);
  if (p.sort != "relevance") q += "&sort=" + url_encode(p.sort);
  if (p.duplicates != "collapse") q += "&duplicates=" + url_encode(p.duplicates);
  if (p.offset) q += "&offset=" + std::to_string(p.offset);
  return "/?" + escape_html(q);
}

std::string article_href(const std::string& id, const std::string& query) {
  return escape_html("/article/" + url_encode(id) + (query.empty() ? "" : "?q=" + url_encode(query)));
}

std::string hidden(const char* name, const std::string& value) {
  if (value.empty()) return "";
  return fmt::format("<input type=\"hidden\" name=\"{}\" value=\"{}\">", name, escape_html(value));
}

std::string header(const cli::SearchParams& p) {
  std::string s = "<header>\n<a class=\"brand\" href=\"/\">nsearch</a>\n";
  s += fmt::format("<form class=\"search\" id=\"{}\" action=\"/\" method=\"get\" role=\"search\">\n", kFormId);
  s += "<input type=\"search\" name=\"q\" value=\"" + escape_html(p.query) +
       "\" aria-label=\"كلمات البحث\" placeholder=\"ابحث في الأخبار\" autofocus>\n";
  s += fmt::format("<select name=\"sort\" form=\"{}\" aria-label=\"الترتيب\">", kFormId);
  for (const auto& [value, label] :
       {std::pair{"relevance", "الأكثر صلة"}, std::pair{"newest", "الأحدث"}, std::pair{"oldest", "الأقدم"}}) {
    s += fmt::format("<option value=\"{}\"{}>{}</option>", value, p.sort == value ? " selected" : "", label);
  }
  s += "</select>\n" + hidden("since", p.since) + hidden("until", p.until) +
       hidden("duplicates", p.duplicates == "collapse" ? "" : p.duplicates);
  s += "<button type=\"submit\">بحث</button>\n</form>\n</header>\n";
  return s;
}

const Facet* facet_named(const SearchResult& r, const std::string& name) {
  for (const auto& f : r.facets) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

// Checkboxes of the search form (by its id), so that ticking one filters.
std::string source_facet(const cli::SearchParams& p, const PageResults& results) {
  const SearchResult& from = results.sources ? *results.sources : results.result;
  const Facet* f = facet_named(from, "source");
  if (!f || f->values.empty()) return "";
  std::string s = "<section class=\"facet\" id=\"sources\">\n<h3>المصادر</h3>\n";
  for (const auto& v : f->values) {
    bool on = std::find(p.sources.begin(), p.sources.end(), v.value) != p.sources.end();
    s += fmt::format(
        "<label><input type=\"checkbox\" name=\"source\" form=\"{}\" value=\"{}\"{}> <bdi>{}</bdi> "
        "<span class=\"count\">({})</span></label>\n",
        kFormId, escape_html(v.value), on ? " checked" : "", escape_html(v.value), v.count);
  }
  s += fmt::format("<button type=\"submit\" form=\"{}\">تصفية</button>\n</section>\n", kFormId);
  return s;
}

// One bar a month, oldest on the right (the page reads right to left); each bar is a link to
// the same search in that month.
std::string month_histogram(const cli::SearchParams& p, const SearchResult& r) {
  const Facet* f = facet_named(r, "month");
  if (!f || f->values.empty()) return "";
  std::vector<FacetValue> months = f->values;
  std::sort(months.begin(), months.end(), [](const auto& a, const auto& b) { return a.value < b.value; });
  Xapian::doccount most = 1;
  for (const auto& m : months) most = std::max(most, m.count);
  constexpr int kWidth = 230, kHeight = 70;
  double bar = double(kWidth) / double(months.size());
  std::string s = "<section class=\"facet\" id=\"months\">\n<h3>حسب الشهر</h3>\n";
  // direction="ltr": in the page's right-to-left flow the labels' text-anchor would flip and push
  // them out of the picture.
  s += fmt::format(
      "<svg class=\"histogram\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "direction=\"ltr\">\n",
      kWidth, kHeight + 14, kWidth, kHeight + 14);
  for (std::size_t i = 0; i < months.size(); ++i) {
    cli::SearchParams in_month = p;
    in_month.since = in_month.until = months[i].value;
    in_month.offset = 0;
    double h = std::max(2.0, double(kHeight) * double(months[i].count) / double(most));
    double x = double(kWidth) - double(i + 1) * bar;
    s += fmt::format(
        "<a href=\"{}\" class=\"month\" data-month=\"{}\"><rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
        "height=\"{:.1f}\"/><title>{} ({})</title></a>\n",
        search_href(in_month), escape_html(months[i].value), x + 1, double(kHeight) - h, std::max(1.0, bar - 2), h,
        escape_html(months[i].value), months[i].count);
  }
  s += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", kWidth, kHeight + 12,
                   escape_html(months.front().value));
  s += fmt::format("<text x=\"0\" y=\"{}\" text-anchor=\"start\">{}</text>\n</svg>\n", kHeight + 12,
                   escape_html(months.back().value));
  if (!p.since.empty() || !p.until.empty()) {
    cli::SearchParams any_date = p;
    any_date.since.clear();
    any_date.until.clear();
    any_date.offset = 0;
    s += "<p><a href=\"" + search_href(any_date) + "\">كل التواريخ</a></p>\n";
  }
  return s + "</section>\n";
}

// Text isolated from the line around it, its direction its own.
std::string bdi_html(const std::string& text) { return "<bdi>" + escape_html(text) + "</bdi>"; }

// A date and time read left to right: in a right-to-left line "2015-07-24 16:03:41" would show
// its time first.
std::string date_html(const std::string& date) { return "<time dir=\"ltr\">" + escape_html(date) + "</time>"; }

// "outlet · date · id", each part only when there is one.
std::string meta_line(const std::string& outlet, const std::string& date, const std::string& id) {
  std::string s;
  auto add = [&](const std::string& html) { s += (s.empty() ? "" : " · ") + html; };
  if (!outlet.empty()) add("<bdi class=\"outlet\">" + escape_html(outlet) + "</bdi>");
  if (!date.empty()) add(date_html(date));
  if (!id.empty()) add("<bdi class=\"id\">" + escape_html(id) + "</bdi>");
  return s;
}

// "+2 أخرى: الوئام، اليوم (الأولى: الوئام، 2015-07-21 02:21:56)": the page's own words for the
// CLI's story line, each name and date isolated so that the right-to-left line keeps its order.
std::string story_summary_html(const StoryInfo& story, const std::string& hit_id) {
  std::vector<std::string> outlets = other_outlets(story, hit_id);
  std::string named;
  for (std::size_t i = 0; i < outlets.size() && i < kOutletsNamed; ++i) named += (i ? "، " : "") + bdi_html(outlets[i]);
  if (outlets.size() > kOutletsNamed) named += fmt::format("، … ({} مصدرًا)", outlets.size());
  std::string s = fmt::format("+{} أخرى", story.count - 1);
  if (!named.empty()) s += ": " + named;
  const StoryMember& first = story.members.front();
  std::string first_of = first.source.empty() ? bdi_html(first.id) : bdi_html(first.source);
  if (!first.date.empty()) first_of += "، " + date_html(first.date);
  return s + " (الأولى: " + first_of + ")";
}

std::string story_members(const Hit& h, const std::string& query) {
  if (!h.story || h.story->count <= 1 || h.story->members.empty()) return "";
  std::string s =
      "<details class=\"story\"><summary>" + story_summary_html(*h.story, h.article.id) + "</summary>\n<ul>\n";
  for (const auto& m : h.story->members) {
    if (m.id == h.article.id) continue;
    std::string label =
        bdi_html(m.source.empty() ? "-" : m.source) + " · " + (m.date.empty() ? "-" : date_html(m.date));
    if (!m.title.empty()) label += " · " + bdi_html(m.title);
    s += "<li><a href=\"" + article_href(m.id, query) + "\">" + label + "</a></li>\n";
  }
  return s + "</ul></details>\n";
}

// The story's other members only when hits are collapsed: with every article shown they are hits too.
std::string hit_html(const Hit& h, bool collapsed, const std::string& query) {
  std::string title = h.title.text.empty() ? escape_html(h.article.title) : marked_html(h.title);
  if (title.empty()) title = escape_html(h.article.id);
  std::string s = "<article class=\"hit\">\n<h2><a href=\"" + article_href(h.article.id, query) + "\" dir=\"auto\">" +
                  title + "</a></h2>\n";
  s += "<p class=\"meta\">" + meta_line(h.source_name, h.article.date.text(), "") + "</p>\n";
  if (!h.snippet.text.empty()) {
    s += "<p class=\"snippet\" dir=\"auto\">" + std::string(h.snippet.truncated_start ? "…" : "") +
         marked_html(h.snippet) + (h.snippet.truncated_end ? "…" : "") + "</p>\n";
  }
  return s + (collapsed ? story_members(h, query) : "") + "</article>\n";
}

std::string summary(const SearchResult& r) {
  if (r.total == 0) return "<p class=\"summary\">لا نتائج</p>\n";
  std::string s = fmt::format("{}{} مقالة", r.total_is_estimate ? "نحو " : "", r.total);
  if (r.collapsed && r.stories != r.total)
    s += fmt::format(" في {}{} قصة", r.stories_is_estimate ? "نحو " : "", r.stories);
  if (!r.hits.empty()) s += fmt::format("، المعروض {}–{}", r.offset + 1, r.offset + r.hits.size());
  return "<p class=\"summary\">" + s + "</p>\n";
}

std::string pagination(const cli::SearchParams& p, const SearchResult& r) {
  std::string s;
  if (p.offset > 0) {
    cli::SearchParams prev = p;
    prev.offset = p.offset > p.limit ? p.offset - p.limit : 0;
    s += "<a rel=\"prev\" href=\"" + search_href(prev) + "\">→ السابق</a>";
  }
  if (r.more && !r.hits.empty()) {
    cli::SearchParams next = p;
    next.offset = p.offset + p.limit;
    s += "<a rel=\"next\" href=\"" + search_href(next) + "\">التالي ←</a>";
  }
  return s.empty() ? "" : "<nav class=\"pages\">" + s + "</nav>\n";
}

std::string notes(const cli::SearchParams& p, const SearchResult& r) {
  std::string s;
  for (const auto& w : r.warnings) s += "<p class=\"note\" dir=\"auto\">" + escape_html(w) + "</p>\n";
  if (r.suggestion) {
    cli::SearchParams suggested = p;
    suggested.query = *r.suggestion;
    suggested.offset = 0;
    s += "<p class=\"note\">هل تقصد: <a href=\"" + search_href(suggested) + "\">" + escape_html(*r.suggestion) +
         "</a>؟</p>\n";
  }
  return s;
}

}  // namespace

std::string search_page(const cli::SearchParams& p, const PageResults* results, const std::string& error) {
  std::string s = head(p.query.empty() ? "nsearch" : p.query + " — nsearch") + header(p);
  s += "<div class=\"layout\">\n<aside>\n";
  if (results) s += source_facet(p, *results) + month_histogram(p, results->result);
  s += "</aside>\n<main id=\"results\">\n";
  if (!error.empty()) s += "<p class=\"error\" dir=\"auto\">" + escape_html(error) + "</p>\n";
  if (results) {
    const SearchResult& r = results->result;
    s += summary(r) + notes(p, r);
    for (const auto& h : r.hits) s += hit_html(h, r.collapsed, p.query);
    s += pagination(p, r);
  }
  return s + "</main>\n</div>\n" + kFoot;
}

std::string article_page(const Article& a, const Snippet& title, const Snippet& body, const std::string& query) {
  cli::SearchParams back;
  back.query = query;
  std::string s = head((a.title.empty() ? a.id : a.title) + " — nsearch") + header(back);
  s += "<main class=\"article\">\n<h1 dir=\"auto\">" + (title.text.empty() ? escape_html(a.id) : marked_html(title)) +
       "</h1>\n";
  s += "<p class=\"meta\">" + meta_line(a.source, a.date.text(), a.id) + "</p>\n";
  if (std::string href = safe_href(a.url); !href.empty()) {
    s += "<p class=\"meta\"><a class=\"url\" href=\"" + href + "\" rel=\"noopener noreferrer nofollow\">" +
         escape_html(a.url) + "</a></p>\n";
  } else if (!a.url.empty()) {
    s += "<p class=\"meta url\">" + escape_html(a.url) + "</p>\n";
  }
  s += "<div class=\"body\" dir=\"auto\">" + marked_html(body) + "</div>\n</main>\n";
  return s + kFoot;
}

std::string message_page(const std::string& heading, const std::string& message) {
  cli::SearchParams none;
  return head(heading + " — nsearch") + header(none) + "<main class=\"article\">\n<h1>" + escape_html(heading) +
         "</h1>\n<p class=\"error\" dir=\"auto\">" + escape_html(message) + "</p>\n</main>\n" + kFoot;
}

}  // namespace nsearch::server
