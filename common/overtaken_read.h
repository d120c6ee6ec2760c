// Reads that a committing writer can overtake. A reader holds one revision; a writer that
// commits twice meanwhile may reuse the blocks the reader is reading. Xapian 1.4 reports that
// as DatabaseModifiedError, or sometimes as DatabaseCorruptError ("Expected block 21 to be
// level 1, not 0": tests/concurrency_test.cpp), also while a database is being opened. The
// cure for both is to read again on the newest revision. A corrupt error when there is no newer
// revision is real corruption, and is rethrown.
#pragma once

#include <string>

#include <xapian.h>

#include "common/errors.h"

namespace nsearch {

// Tries of one read while a writer keeps overtaking it, each on the newest revision. Two were
// not always enough: the concurrency test (commits every 150 articles) failed about once in 25
// runs on a loaded machine.
inline constexpr int kOvertakenReadAttempts = 4;

// read() does the reading; reopen() moves the handles it uses to the newest revision and says
// whether there was one. After the last try a corrupt error is rethrown as it is.
template <typename Read, typename Reopen>
auto read_newest(Read read, Reopen reopen) {
  for (int attempt = 1;; ++attempt) {
    try {
      return read();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kOvertakenReadAttempts) {
        throw Error(ErrorCode::io,
                    "the index changed while being read, " + std::to_string(kOvertakenReadAttempts) +
                        " times in a row (a writer is committing faster than this reader reads); try again");
      }
      reopen();
    } catch (const Xapian::DatabaseCorruptError&) {
      if (attempt == kOvertakenReadAttempts || !reopen()) throw;
    }
  }
}

// The same for reads through one handle.
template <typename Read>
auto read_newest(Xapian::Database& db, Read read) {
  return read_newest([&] { return read(db); }, [&] { return db.reopen(); });
}

}  // namespace nsearch
