#include "searcher/text_layout.h"

#include <memory>

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ushape.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace nsearch {

namespace {

constexpr const char* kIsolateOpen = "\u2068";   // FIRST STRONG ISOLATE
constexpr const char* kIsolateClose = "\u2069";  // POP DIRECTIONAL ISOLATE
constexpr const char* kLeftMark = "\u200E";
constexpr const char* kRightMark = "\u200F";

std::size_t char_width(UChar32 c) {
  if (c < 0) return 1;  // an invalid byte, shown as one replacement character
  switch (u_charType(c)) {
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_FORMAT_CHAR:
    case U_CONTROL_CHAR: return 0;
    default: break;
  }
  int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

bool is_bidi_control(UChar32 c) {
  return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// Adjacent pieces of the same style as one.
StyledLine merged(const StyledLine& line) {
  StyledLine out;
  for (const auto& p : line) {
    if (p.text.empty()) continue;
    if (!out.empty() && out.back().highlight == p.highlight)
      out.back().text += p.text;
    else
      out.push_back(p);
  }
  return out;
}

std::size_t line_width(const StyledLine& line, const Marks& marks) {
  std::size_t w = 0;
  for (const auto& p : merged(line)) w += display_width(p.text) + (p.highlight ? marks.width : 0);
  return w;
}

// Greedy fill: each gap between units is a separator, highlighted when gap_highlight says so.
std::vector<StyledLine> fill(const std::vector<StyledLine>& units, const std::vector<bool>& gap_highlight,
                             const std::string& separator, std::size_t width, const Marks& marks) {
  std::vector<StyledLine> lines;
  StyledLine current;
  bool empty = true;
  for (std::size_t i = 0; i < units.size(); ++i) {
    StyledLine candidate = current;
    if (!empty) candidate.push_back({separator, gap_highlight[i]});
    candidate.insert(candidate.end(), units[i].begin(), units[i].end());
    if (!empty && width > 0 && line_width(candidate, marks) > width) {
      lines.push_back(merged(current));
      current = units[i];
    } else {
      current = std::move(candidate);
    }
    empty = false;
  }
  if (!empty) lines.push_back(merged(current));
  return lines;
}

std::u16string to_u16(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  return std::u16string(reinterpret_cast<const char16_t*>(u.getBuffer()), static_cast<std::size_t>(u.length()));
}

std::string to_utf8(const std::u16string& text) {
  std::string out;
  icu::UnicodeString(reinterpret_cast<const UChar*>(text.data()), static_cast<int32_t>(text.size())).toUTF8String(out);
  return out;
}

// Presentation forms of the Arabic letters of visual-order text, for terminals that draw each
// code point on its own.
std::u16string shaped(const std::u16string& visual) {
  if (visual.empty()) return visual;
  const uint32_t options = U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_VISUAL_LTR | U_SHAPE_LENGTH_GROW_SHRINK;
  std::u16string out(visual.size() * 2 + 8, u'\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = u_shapeArabic(reinterpret_cast<const UChar*>(visual.data()), static_cast<int32_t>(visual.size()),
                            reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()), options, &status);
  if (U_FAILURE(status)) return visual;
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// [begin, end) of text in display order, bidi controls left out.
std::u16string reversed(const std::u16string& text, int32_t begin, int32_t end) {
  std::u16string out(static_cast<std::size_t>(end - begin) * 2 + 8, u'\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = ubidi_writeReverse(reinterpret_cast<const UChar*>(text.data()) + begin, end - begin,
                                 reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()),
                                 UBIDI_KEEP_BASE_COMBINING | UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS, &status);
  if (U_FAILURE(status)) return {};
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::u16string forward(const std::u16string& text, int32_t begin, int32_t end) {
  std::u16string out;
  for (int32_t i = begin; i < end;) {
    UChar32 c;
    int32_t start = i;
    U16_NEXT(text.data(), i, end, c);
    if (!is_bidi_control(c)) out.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
  }
  return out;
}

// The line's pieces in display order (left to right), shaped.
StyledLine visual_order(const StyledLine& line, bool rtl) {
  std::u16string text;
  std::vector<bool> flags;  // per UTF-16 unit
  for (const auto& p : line) {
    std::u16string u = to_u16(p.text);
    text += u;
    flags.insert(flags.end(), u.size(), p.highlight);
  }
  if (text.empty()) return {};
  std::unique_ptr<UBiDi, decltype(&ubidi_close)> bidi(ubidi_open(), &ubidi_close);
  UErrorCode status = U_ZERO_ERROR;
  ubidi_setPara(bidi.get(), reinterpret_cast<const UChar*>(text.data()), static_cast<int32_t>(text.size()),
                rtl ? UBIDI_RTL : UBIDI_LTR, nullptr, &status);
  int32_t runs = U_SUCCESS(status) ? ubidi_countRuns(bidi.get(), &status) : 0;
  if (U_FAILURE(status)) return line;
  StyledLine out;
  for (int32_t r = 0; r < runs; ++r) {
    int32_t start = 0, length = 0;
    UBiDiDirection dir = ubidi_getVisualRun(bidi.get(), r, &start, &length);
    // Pieces of one style within the run, in logical order; a run right to left shows them last first.
    std::vector<std::pair<int32_t, int32_t>> pieces;
    for (int32_t i = start; i < start + length;) {
      int32_t j = i;
      while (j < start + length && flags[static_cast<std::size_t>(j)] == flags[static_cast<std::size_t>(i)]) ++j;
      pieces.emplace_back(i, j);
      i = j;
    }
    if (dir == UBIDI_RTL) {
      for (auto p = pieces.rbegin(); p != pieces.rend(); ++p)
        out.push_back(
            {to_utf8(shaped(reversed(text, p->first, p->second))), flags[static_cast<std::size_t>(p->first)]});
    } else {
      for (const auto& [b, e] : pieces)
        out.push_back({to_utf8(shaped(forward(text, b, e))), flags[static_cast<std::size_t>(b)]});
    }
  }
  return merged(out);
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t w = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    w += char_width(c);
  }
  return w;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c == '\t' || c == '\n' || c == '\r') {
      out += static_cast<char>(c);
    } else if (c < 0 || u_charType(c) == U_CONTROL_CHAR) {
      out += "\uFFFD";
    } else if (!is_bidi_control(c)) {
      out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
  return out;
}

bool starts_right_to_left(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    UCharDirection d = u_charDirection(c);
    if (d == U_LEFT_TO_RIGHT) return false;
    if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC) return true;
  }
  return false;
}

std::vector<StyledLine> wrap_units(const std::vector<StyledLine>& units, const std::string& separator,
                                   std::size_t width, const Marks& marks) {
  return fill(units, std::vector<bool>(units.size(), false), separator, width, marks);
}

std::vector<StyledLine> wrap_text(const StyledLine& text, std::size_t width, const Marks& marks) {
  std::vector<StyledLine> words;
  std::vector<bool> gaps;  // whether the space before each word is inside a highlight
  bool in_word = false, gap_highlight = false;
  for (const auto& piece : text) {
    for (char c : piece.text) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (in_word) gap_highlight = piece.highlight;
        in_word = false;
        continue;
      }
      if (!in_word) {
        words.emplace_back();
        gaps.push_back(words.size() > 1 && gap_highlight && piece.highlight);
        in_word = true;
      }
      StyledLine& w = words.back();
      if (w.empty() || w.back().highlight != piece.highlight) w.push_back({"", piece.highlight});
      w.back().text += c;
    }
  }
  return fill(words, gaps, " ", width, marks);
}

std::string field(const std::string& text, BidiMode mode) {
  return mode == BidiMode::Logical ? text : kIsolateOpen + text + kIsolateClose;
}

std::string render_line(const StyledLine& line, bool rtl, BidiMode mode, const Marks& marks, std::size_t width) {
  StyledLine pieces = mode == BidiMode::Visual ? visual_order(line, rtl) : merged(line);
  std::string out;
  if (mode == BidiMode::Isolate) out = rtl ? kRightMark : kLeftMark;
  for (const auto& p : pieces) out += p.highlight ? marks.open + p.text + marks.close : p.text;
  if (mode == BidiMode::Visual && rtl && width > 0) {
    std::size_t w = line_width(pieces, marks);
    if (w < width) out = std::string(width - w, ' ') + out;
  }
  return out;
}

}  // namespace nsearch
