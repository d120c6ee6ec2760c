// An article's facets (source and date) packed into one 32-bit code, stored per shard in
// metadata chunks (schema.h). The indexer writes them from the XS/XY/XM terms; the searcher
// counts facets by looking codes up by docid, which at a million matches is several times
// cheaper than reading two value slots per match (docs/performance.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

namespace nsearch::facet_codes {

// code = source << kDateBits | date. date = year * 13 + month (month 0: only the year is
// known; date 0: undated). source: 1-based index into the shard's source list; 0: none.
inline constexpr unsigned kDateBits = 17;  // year 9999, month 12: 130,000 < 2^17
inline constexpr std::uint32_t kMaxSources = (std::uint32_t{1} << (32 - kDateBits)) - 1;
inline constexpr Xapian::docid kChunkDocs = 4096;

inline std::uint32_t date_code(int year, int month) { return static_cast<std::uint32_t>(year * 13 + month); }
inline std::uint32_t date_of(std::uint32_t code) { return code & ((std::uint32_t{1} << kDateBits) - 1); }
inline std::uint32_t source_of(std::uint32_t code) { return code >> kDateBits; }
inline int year_of(std::uint32_t date) { return static_cast<int>(date / 13); }
inline int month_of(std::uint32_t date) { return static_cast<int>(date % 13); }

// Metadata key of the chunk holding docid's code, and docid's place in it.
inline std::uint32_t chunk_of(Xapian::docid did) { return (did - 1) / kChunkDocs; }
inline std::size_t index_in_chunk(Xapian::docid did) { return (did - 1) % kChunkDocs; }
std::string chunk_key(std::uint32_t chunk);

// Chunk values: little-endian uint32 codes.
std::string encode(const std::uint32_t* codes, std::size_t n);
// The code at index i of an encoded chunk; 0 past its end.
std::uint32_t decode_at(const std::string& chunk, std::size_t i);

// The source list as stored (kMetaFacetSources) and back.
std::string join_sources(const std::vector<std::string>& keys);
std::vector<std::string> split_sources(const std::string& stored);

}  // namespace nsearch::facet_codes
