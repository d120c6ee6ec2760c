#include "indexer/line_reader.h"

#include <lzma.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace nsearch {

namespace {

constexpr size_t kChunk = 1 << 16;

// Splits a byte stream into lines; subclasses supply fill().
class BufferedLineReader : public LineReader {
 public:
  bool next(std::string& line) override {
    line.clear();
    while (true) {
      if (pos_ < buf_.size()) {
        const char* start = buf_.data() + pos_;
        const void* nl = std::memchr(start, '\n', buf_.size() - pos_);
        if (nl) {
          size_t n = static_cast<const char*>(nl) - start;
          line.append(start, n);
          pos_ += n + 1;
          return true;
        }
        line.append(start, buf_.size() - pos_);
        pos_ = buf_.size();
      }
      if (eof_) return !line.empty();
      buf_.resize(kChunk);
      size_t n = fill(buf_.data(), kChunk);
      buf_.resize(n);
      pos_ = 0;
      if (n == 0) eof_ = true;
    }
  }

 protected:
  // Returns 0 at the end of input.
  virtual size_t fill(char* out, size_t capacity) = 0;

 private:
  std::vector<char> buf_;
  size_t pos_ = 0;
  bool eof_ = false;
};

class ZlibLineReader : public BufferedLineReader {
 public:
  explicit ZlibLineReader(const std::filesystem::path& path) : name_(path.string()), stdin_(path == "-") {
    file_ = stdin_ ? gzdopen(dup(0), "rb") : gzopen(path.c_str(), "rb");
    if (!file_) throw std::runtime_error(std::string("cannot open: ") + std::strerror(errno));
    gzbuffer(file_, kChunk);
  }
  ~ZlibLineReader() override { gzclose(file_); }
  // A pipe has no file offset (gzoffset is -1 there): stdin counts the bytes it delivered,
  // after decompression when it was gzip.
  std::uint64_t raw_bytes() const override {
    z_off_t n = stdin_ ? gztell(file_) : gzoffset(file_);
    return n < 0 ? 0 : static_cast<std::uint64_t>(n);
  }

 protected:
  size_t fill(char* out, size_t capacity) override {
    int n = gzread(file_, out, static_cast<unsigned>(capacity));
    if (n < 0) {
      int err = 0;
      const char* msg = gzerror(file_, &err);
      throw std::runtime_error(std::string("cannot read: ") + (err == Z_ERRNO ? std::strerror(errno) : msg));
    }
    return static_cast<size_t>(n);
  }

 private:
  std::string name_;
  bool stdin_ = false;
  gzFile file_ = nullptr;
};

class XzLineReader : public BufferedLineReader {
 public:
  explicit XzLineReader(const std::filesystem::path& path) {
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) throw std::runtime_error(std::string("cannot open: ") + std::strerror(errno));
    if (lzma_stream_decoder(&strm_, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK) {
      std::fclose(file_);
      throw std::runtime_error("cannot start the xz decoder");
    }
    in_.resize(kChunk);
  }
  ~XzLineReader() override {
    lzma_end(&strm_);
    std::fclose(file_);
  }
  std::uint64_t raw_bytes() const override { return consumed_; }

 protected:
  size_t fill(char* out, size_t capacity) override {
    strm_.next_out = reinterpret_cast<uint8_t*>(out);
    strm_.avail_out = capacity;
    while (strm_.avail_out == capacity && !done_) {
      if (strm_.avail_in == 0 && !input_eof_) {
        size_t n = std::fread(in_.data(), 1, in_.size(), file_);
        if (std::ferror(file_)) throw std::runtime_error(std::string("cannot read: ") + std::strerror(errno));
        consumed_ += n;
        input_eof_ = n == 0;
        strm_.next_in = in_.data();
        strm_.avail_in = n;
      }
      lzma_ret ret = lzma_code(&strm_, input_eof_ ? LZMA_FINISH : LZMA_RUN);
      if (ret == LZMA_STREAM_END) {
        done_ = true;
      } else if (ret != LZMA_OK) {
        throw std::runtime_error(ret == LZMA_DATA_ERROR || ret == LZMA_FORMAT_ERROR || ret == LZMA_BUF_ERROR
                                     ? "corrupt or truncated xz data"
                                     : "xz decoding failed");
      }
    }
    return capacity - strm_.avail_out;
  }

 private:
  std::FILE* file_ = nullptr;
  lzma_stream strm_ = LZMA_STREAM_INIT;
  std::vector<uint8_t> in_;
  std::uint64_t consumed_ = 0;
  bool input_eof_ = false;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<LineReader> LineReader::open(const std::filesystem::path& path) {
  if (path.extension() == ".xz") return std::make_unique<XzLineReader>(path);
  return std::make_unique<ZlibLineReader>(path);
}

}  // namespace nsearch
