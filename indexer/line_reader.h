// Streams lines from JSON Lines input: plain, gzip or xz files, or standard input ("-"),
// without loading a whole file in memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace nsearch {

class LineReader {
 public:
  virtual ~LineReader() = default;
  // Next line without its newline; false at the end. Throws std::runtime_error when the
  // input cannot be read or decompressed (the message names the problem).
  virtual bool next(std::string& line) = 0;
  // Bytes of the file (compressed, if it is) consumed so far: for progress and the summary.
  // Standard input counts the bytes read from it (decompressed, if it was gzip).
  virtual std::uint64_t raw_bytes() const = 0;

  // Picks the decoder from the name: *.xz -> xz, anything else through zlib, which reads
  // gzip and plain text alike. "-" is standard input.
  static std::unique_ptr<LineReader> open(const std::filesystem::path& path);
};

}  // namespace nsearch
