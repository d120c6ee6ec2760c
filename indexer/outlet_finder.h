// The outlet an article credits, read from its own text, in this order: an attribution line
// (`المصدر : الجزيرة + وكالات`, `مصدر الخبر / المشهد`, `رابط الخبر بصحيفة الوئام: …`), a sign-off
// line naming an outlet (`ميدل إيست أون لاين`), a dateline (`الرياض - واس`, `عين اليوم – سنغافورة`,
// `الباحة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس`), a lead attribution (`علمت وكالة الأناضول`,
// `أفاد مراسل الجزيرة`). No outlet is known by name: which side of a dateline is the outlet is
// read from its marks («», (), وكالة, an abbreviation such as أ ف ب) or from the folder (the side
// that recurs across its files).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/folder_profile.h"
#include "indexer/text_lines.h"

namespace nsearch {

// An outlet's name and the co-sources credited with it: `الجزيرة + وكالات` -> الجزيرة, {وكالات}.
struct OutletName {
  std::string name;
  std::vector<std::string> co_sources;
};
OutletName outlet_name(std::string_view credit);

// The credit of an attribution line ("" when the line is not one).
std::string attribution_credit(std::string_view line);

// A last line that names an outlet: a few words, no sentence, with a word for a kind of outlet
// (وكالة، صحيفة، قناة، موقع، نيوز، نت، أون لاين …) or a name in «».
bool is_sign_off(const TextLine& line);

struct OutletFinding {
  OutletName outlet;   // name "" when none found
  size_t line = 0;     // index into the lines given
  std::string rule;    // "attribution line", "sign-off", "dateline", "lead attribution"
  std::string phrase;  // the words it was read from
};

// lines: the article's non-empty lines; title: index of its title line; profile may be null.
OutletFinding find_outlet(const std::vector<TextLine>& lines, size_t title, const FolderProfile* profile);

}  // namespace nsearch
