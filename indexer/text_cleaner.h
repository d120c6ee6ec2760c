// Article text as its writer meant it, safe to store and to print: the parser runs every field
// through one of these before anything is stored, indexed or shown.
//
// - Markup (title, body): stray tags (`<b>`, `<br/>`, `<!-- -->`) are removed, a line-breaking
//   tag (`br`, `p`, `div`, `li`, `tr`, `h1`-`h6`) leaving a line break so that words on either
//   side stay apart; then HTML entities, named (`&quot;`, `&nbsp;`) and numeric (`&#8220;`,
//   `&#x27;`), are decoded once. Tags are stripped first, so an escaped `&lt;b&gt;` stays text.
// - Spaces: NBSP and its kin (U+00A0, U+2007, U+202F) become a plain space; a zero-width space
//   (U+200B) becomes a space between two visible characters and disappears beside a space.
//   Zero-width joiners, bidi marks, embeddings and isolates, ALM, BOM and soft hyphens are
//   removed: they never split or glue words, and are never printed raw.
// - Terminal control: escape sequences (CSI `ESC [ ... final`, OSC `ESC ] ... BEL|ESC \`,
//   DCS/SOS/PM/APC strings, two-byte escapes, and their C1 forms) are removed whole, then every
//   other C0 and C1 control character. Line feeds and tabs stay in text; CR LF and a lone CR
//   become a line feed. Decoded entities go through the same pass (`&#27;` is removed too).
//
// Input is valid UTF-8 (the parser rejects anything else before cleaning).
#pragma once

#include <string>
#include <string_view>

namespace nsearch {

// Title and body: markup, then spaces and controls.
std::string clean_text(std::string_view text);

// One-line fields (source, author, url): entities decoded, spaces and controls cleaned, line
// breaks and tabs turned into spaces, surrounding spaces trimmed.
std::string clean_line(std::string_view text);

// Ids: controls, escape sequences and invisible characters removed, surrounding spaces
// trimmed; nothing else changes (an id is typed back to `nsearch show`).
std::string clean_id(std::string_view text);

}  // namespace nsearch
