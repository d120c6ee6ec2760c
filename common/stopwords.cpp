#include "common/stopwords.h"

#include <iterator>
#include <string>
#include <unordered_set>

namespace nsearch {

namespace {

// Normalized forms (alef variants -> ا, ى -> ي, ة -> ه, ؤ/ئ -> ء); a test checks that every
// entry is its own normalization, so no variant needs listing twice. Content verbs that news
// queries need (قال، اعلن) are deliberately absent.
constexpr std::string_view kStopwords[] = {
    "في",      "من",    "الي",   "علي",   "عن",    "مع",   "ان",    "او",    "ام",    "ثم",     "حتي",    "اذا",
    "اذ",      "لا",    "لم",    "لن",    "ما",    "ماذا", "متي",   "كيف",   "اين",   "هل",     "قد",     "لقد",
    "كان",     "كانت",  "يكون",  "تكون",  "هو",    "هي",   "هم",    "هن",    "هما",   "انا",    "نحن",    "انت",
    "انتم",    "هذا",   "هذه",   "هءلاء", "ذلك",   "تلك",  "الذي",  "التي",  "الذين", "اللذين", "اللتين", "اللاتي",
    "اللواتي", "كل",    "بعض",   "غير",   "بين",   "عند",  "عندما", "لدي",   "منذ",   "خلال",   "حول",    "ضد",
    "دون",     "تحت",   "فوق",   "امام",  "وراء",  "قبل",  "بعد",   "حيث",   "كما",   "لكن",    "بل",     "ايضا",
    "اي",      "الا",   "اما",   "انه",   "انها",  "انهم", "وان",   "فان",   "وفي",   "ومن",    "والي",   "وعلي",
    "وعن",     "ومع",   "وهو",   "وهي",   "وقد",   "ولا",  "ولم",   "ولن",   "وما",   "وكان",   "وكانت",  "وهذا",
    "وهذه",    "وذلك",  "وكل",   "به",    "بها",   "له",   "لها",   "لهم",   "بهم",   "منه",    "منها",   "منهم",
    "عليه",    "عليها", "عليهم", "فيه",   "فيها",  "فيهم", "اليه",  "اليها", "عنه",   "عنها",   "ذات",    "يا",
    "ليس",     "ليست",  "كذلك",  "هناك",  "هنا",   "ثمه",  "سوف",   "لو",    "لولا",  "مثل",    "نحو",    "عبر",
    "وفق",     "تم",    "وتم",   "ولكن",  "فقد",   "فيما", "بينما", "حين",   "اذن",   "كلا",    "كلتا",   "لان",
    "لذلك",    "ايا",   "وهم",   "كم",    "لماذا",
};

// Questions are often typed with the interrogative and the pronoun after it as one word (ماهو,
// ماهي, منهو for ما هو, ما هي, من هو): still two function words, with no content of their own.
constexpr std::string_view kInterrogatives[] = {"ما", "من", "ماذا", "متي", "كيف", "اين", "هل", "كم", "لماذا"};
constexpr std::string_view kPronouns[] = {"هو", "هي", "هم", "هن", "هما"};

const std::unordered_set<std::string_view>& stopword_set() {
  static const std::unordered_set<std::string_view> set(std::begin(kStopwords), std::end(kStopwords));
  return set;
}

bool is_glued_question(std::string_view w) {
  if (w.starts_with("و")) w.remove_prefix(std::string_view("و").size());
  for (auto q : kInterrogatives) {
    if (!w.starts_with(q)) continue;
    std::string_view rest = w.substr(q.size());
    for (auto p : kPronouns)
      if (rest == p) return true;
  }
  return false;
}

}  // namespace

bool is_arabic_stopword(std::string_view normalized) {
  return stopword_set().count(normalized) != 0 || is_glued_question(normalized);
}

std::span<const std::string_view> arabic_stopwords() { return kStopwords; }

}  // namespace nsearch
