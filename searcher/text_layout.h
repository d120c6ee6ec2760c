// Laying text out for a terminal: display widths, wrapping at spaces only, and the three ways of
// writing mixed Arabic and Latin lines (BidiMode). The caller says how wide the screen is and
// which mode to use; nothing here looks at the terminal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nsearch {

// A piece of a line, highlighted (a matched word) or not.
struct Styled {
  std::string text;
  bool highlight = false;
};
using StyledLine = std::vector<Styled>;

enum class BidiMode {
  Logical,  // the text as stored, no control characters (pipes, files)
  Isolate,  // logical order; each line starts with a mark of its direction (LRM/RLM) and each
            // field of a metadata line sits in a first-strong isolate (FSI…PDI): for terminals
            // that apply the bidi algorithm themselves
  Visual,   // reordered by ICU's bidi algorithm and Arabic letters shaped into presentation
            // forms, right-to-left lines aligned right: for terminals that do neither
};

// How highlights are marked: ANSI codes (no width) or visible markers such as **.
struct Marks {
  std::string open, close;
  std::size_t width = 0;  // columns taken by open plus close
};

// Columns UTF-8 text takes on a terminal: 0 for combining marks and format characters (bidi
// controls), 2 for East Asian wide characters, 1 otherwise. Invalid bytes count 1 each.
std::size_t display_width(std::string_view text);

// Article text made safe to print: control characters (escape sequences, bells) become U+FFFD
// and bidi controls are dropped (they would reorder the lines nsearch lays out); tabs and
// newlines stay, for wrap_text to fold.
std::string printable(std::string_view text);

// Whether the first strong character of text is right-to-left (Arabic, Hebrew...).
bool starts_right_to_left(std::string_view text);

// Unbreakable units joined by `separator` into lines of at most width columns (counting the
// marks of highlights); a unit wider than that gets a line of its own. width 0: one line.
std::vector<StyledLine> wrap_units(const std::vector<StyledLine>& units, const std::string& separator,
                                   std::size_t width, const Marks& marks);

// Text wrapped at spaces only (runs of whitespace, newlines included, become one space).
std::vector<StyledLine> wrap_text(const StyledLine& text, std::size_t width, const Marks& marks);

// One field of a metadata line, isolated in Isolate mode so that its direction does not leak
// into its neighbours'.
std::string field(const std::string& text, BidiMode mode);

// A line for the terminal in `mode`, with highlights marked; rtl is the line's direction
// (Visual aligns a right-to-left line to width when width is not 0).
std::string render_line(const StyledLine& line, bool rtl, BidiMode mode, const Marks& marks, std::size_t width);

}  // namespace nsearch
