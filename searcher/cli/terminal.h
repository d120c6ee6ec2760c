// What the CLI knows of the terminal it writes to: whether stdout is one, its size, how it
// treats right-to-left text (--bidi), and the pager that long output goes through, like git's.
#pragma once

#include <cstddef>
#include <string>

#include "searcher/text_layout.h"

namespace nsearch::cli {

struct Screen {
  bool terminal = false;              // stdout is a terminal
  std::size_t columns = 0, rows = 0;  // 0 when unknown
};

// stdout's terminal, if it is one: size from the terminal, else $COLUMNS and $LINES.
Screen screen();

// --bidi: "logical", "isolate", "visual", or "auto": $NSEARCH_BIDI if set, else logical when
// stdout is not a terminal, visual in a terminal known not to do bidi (xterm, which sets
// $XTERM_VERSION; the Linux console; tmux and screen), isolate otherwise. Throws
// Error(ErrorCode::usage).
BidiMode bidi_mode(const std::string& option, const Screen& screen);

// Writes text to stdout, through $PAGER (default `less`, with LESS=FRX unless $LESS is set)
// when paging is on, stdout is a terminal and text is longer than the screen. "" or "cat" as
// $PAGER turns paging off.
void write_paged(const std::string& text, const Screen& screen, bool paging);

}  // namespace nsearch::cli
