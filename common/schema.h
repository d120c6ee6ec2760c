// The index schema: every term prefix, value slot and metadata key nsearch writes.
// Indexer and searcher both read from this table; nothing else names a prefix or a slot. The
// fields a query names and the facets (title, source, date, year, month, ...) are the table of
// common/fields.h, whose entries refer to the prefixes and slots below.
//
// Conventions follow omega: single capitals are Xapian's registered prefixes (Q unique id,
// S title), everything of our own starts with X. Prefixed terms are boolean (wdf 0, no
// positions) unless a comment says otherwise.
#pragma once

#include <xapian.h>
#include <string_view>

namespace nsearch::schema {

// Bumped when the layout below changes; an index with another version is refused
// ("run `nsearch index --rebuild`").
// What each version changed: bench/results/schema-versions.md.
inline constexpr int kSchemaVersion = 11;

// ---- Term prefixes -------------------------------------------------------------------------
// (no prefix) Words of title and body as the analyzer normalizes them, NOT stemmed, with
//             positions. Title first, then a gap of kFieldGap positions, then the body, so a
//             phrase never matches across the two. Title words get wdf kTitleWdf per occurrence.
//             Stemming happens at query time: a query word matches every indexed word with its
//             stem (searcher/term_forms.h), and `=word` is the plain term. Indexing stems and
//             exact forms both (schema 2) took 35-50% longer and 7% more space.
//             These words are also the spelling data: "did you mean" picks the most frequent
//             word one edit away (searcher/speller.h); Xapian's spelling table is not built.
inline constexpr std::string_view kTerm = "";
// Q  Unique article id: the JSON or front-matter `id`, else the root's name, "/" and the file's
//    path relative to the root ("aljazeera/2024-10-23.txt"; a root that is a single file: its
//    name). One per doc; replace_document(Q…) is how an article is updated. Of two files that
//    claim one id, the one whose absolute path sorts first (bytes) keeps it (docs/indexing.md).
inline constexpr std::string_view kId = "Q";
// S  Title words (normalized, not stemmed, with positions): `title:` queries.
inline constexpr std::string_view kTitle = "S";
// XS Source key (normalize_source(): analyzer normalization, spaces collapsed): `source:`.
inline constexpr std::string_view kSource = "XS";
// XY Year of the article's date, "2025".
inline constexpr std::string_view kYear = "XY";
// XM Month of the article's date, "202510" (absent when only the year is known).
inline constexpr std::string_view kMonth = "XM";
// XD Day of the article's date, "20251023" (absent when only year or month is known).
inline constexpr std::string_view kDay = "XD";
// XF Origin file key (file_key() of the absolute path the article came from): lets a
//    re-run find every article of a changed or vanished file.
inline constexpr std::string_view kFile = "XF";
// XA Author words: each word of the article's author, normalized as the analyzer does (not
//    stemmed), so that `author:` finds a name by any of its words.
inline constexpr std::string_view kAuthor = "XA";
// XB Story band: one term per LSH band of the body's MinHash signature, "XB" + band number (2
//    hex digits) + the band's hash (10 hex digits; indexer/story_signature.h). Articles sharing
//    a band term are candidates for one story; none for an article without body words.
inline constexpr std::string_view kStoryBand = "XB";

// ---- Value slots ---------------------------------------------------------------------------
enum Slot : Xapian::valueno {
  // Earliest day the date can mean, "YYYYMMDD" ("2025-10" -> "20251001"), followed by "HHMMSS"
  // when the time of day is known (Date::sort_key): newest-first sorting, --since (a day bound
  // "YYYYMMDD" compares below every time of that day).
  kSlotDateStart = 0,
  // Latest day the date can mean, "YYYYMMDD" ("2025-10" -> "20251031"): --until.
  kSlotDateEnd = 1,
  // Source key as in XS: the source facet (ValueCountMatchSpy); display name in metadata.
  kSlotSource = 2,
  // "YYYY": year facet.
  kSlotYear = 3,
  // "YYYY-MM": month facet (empty when only the year is known).
  kSlotMonth = 4,
  // Hex content hash of the article (title, body, metadata): an unchanged article is skipped.
  kSlotContentHash = 5,
  // Date as given after parsing, at its precision: "2025-10", "2024-10-23", "2015-07-21 02:52:00" (display).
  kSlotDateText = 6,
  // Oldest-first sort key: kSlotDateStart's value, or "~" for an undated article so it sorts
  // after every date. (Newest-first sorts kSlotDateStart descending: undated, empty, last.)
  // Plain value sorts, not a KeyMaker, because remote shard servers cannot run KeyMakers.
  kSlotOldestKey = 7,
  // Origin: the XF key of the file the article came from ("" for standard input), so that a
  // run finds which file holds an id without reading the document data.
  kSlotOrigin = 8,
  // MinHash signature of the body (indexer/story_signature.h): 128 minima, the low 16 bits of
  // each, little-endian; empty for an article without body words.
  kSlotSignature = 9,
  // Story key: the kSlotOldestKey value and id of the story's first member, "\x1f" between
  // (common/story_key.h), so keys sort by (date and time, id); empty for an article no other
  // matches. The collapse key of a search (Xapian never collapses an empty key). An article's
  // story is the earliest of itself and the articles whose signatures match its own (estimated
  // Jaccard >= 0.5): it depends on the set of articles only, not on the order they were indexed
  // in (indexer/story_linker.h). When a story changes, only this value changes, and the story
  // lists (kMetaStoryPrefix) of the article's database with it.
  kSlotStory = 10,
  // The article's own story key (its kSlotOldestKey value and id, as in kSlotStory): what the
  // story linker compares, read without the article's term list.
  kSlotMemberKey = 11,
  // The article without its body: Article::head_json(), the JSON object
  // {"id","title","source","date","url","author","path","line"} (and "co_sources", "inferred"
  // when set). What a hit line, a story member and a re-run need, read without the body.
  kSlotHead = 12,
  // The author's words, normalized, one space between: the author facet (ValueCountMatchSpy;
  // the facet codes hold only source and date). Empty for an article without an author.
  kSlotAuthor = 13,
};

// ---- Document data --------------------------------------------------------------------------
// The body as given (original, un-normalized text): snippets and `nsearch show`. Everything
// else of the article is in kSlotHead, so that a hit that shows no snippet never reads it.

// ---- Metadata keys --------------------------------------------------------------------------
// All in shard 0 (the first database of the stub): Xapian reads metadata from the first
// database of a combined set. The three version keys are in every shard, so that a shard
// served on its own is checked too.
// Schema version (decimal string) this index was written with.
inline constexpr std::string_view kMetaSchemaVersion = "nsearch:schema_version";
// Analyzer version (decimal string); terms from another analyzer would not match queries.
inline constexpr std::string_view kMetaAnalyzerVersion = "nsearch:analyzer_version";
// Analyzer variant the index was built with ("default"; others only from the ablation bench,
// via `nsearch index --analyzer-variant`). The searcher analyzes queries with the same variant.
inline constexpr std::string_view kMetaAnalyzerVariant = "nsearch:analyzer_variant";
// JSON array of the roots (common/roots.h): {"path","name","last_scan"} each. A bare
// `nsearch index` re-scans them; `nsearch roots` lists them.
inline constexpr std::string_view kMetaRoots = "nsearch:roots";
// ISO 8601 UTC time of the last completed commit of an `nsearch index` run.
inline constexpr std::string_view kMetaLastUpdate = "nsearch:last_update";
// Number of shards N the index was created with (decimal string; absent: every database of
// the stub is one). Each shard is a chain of databases of which only the last, open one takes
// new articles (indexer/index_store.h): the last N databases of the stub. A new article goes
// to open database fnv1a(its Q term) % N; N is fixed until `--rebuild --shards N`.
inline constexpr std::string_view kMetaShards = "nsearch:shards";
// Prefix of per-file manifest entries: key kMetaFilePrefix + absolute path, value JSON
// {"size","mtime","hash","articles","id_base","scanned","contested"}: articles the index holds
// from it, the id a file without an `id` gets, when the run that read it started (ns; a file
// modified less than a second before is re-read, as its mtime may not show a later change),
// and whether another file kept one of its ids (then it is re-read every run). Committed only
// after all the file's articles are. A path too long for a metadata key is keyed by its hash
// (common/file_entries.h), as are the contested entries below.
inline constexpr std::string_view kMetaFilePrefix = "nsearch:file:";
// Prefix of the files that lost an id to another file (value "1"): they are re-read every run,
// so that one of them takes the id back when the file that kept it lets it go.
inline constexpr std::string_view kMetaContestedPrefix = "nsearch:contested:";
// Prefix of source display names: key kMetaSourcePrefix + source key, value display name.
inline constexpr std::string_view kMetaSourcePrefix = "nsearch:source:";
// Prefix of author display names: key kMetaAuthorPrefix + the author facet's value (its
// normalized words), value the author as first written ("لندن: رنيم حنوش").
inline constexpr std::string_view kMetaAuthorPrefix = "nsearch:author:";
// Story lists, per database: key kMetaStoryPrefix + the id of a story's first member, value
// the member keys (kSlotMemberKey) of the story's members in this database, sorted
// (common/story_key.h). Written in the same commit as the members' kSlotStory values: a
// story's members and their count are one look-up per database, and an article changes story
// without a term of it being rewritten (Xapian would read all its positions to do that).
inline constexpr std::string_view kMetaStoryPrefix = "nsearch:story:";

// Facet codes (common/facet_codes.h), per shard, written at every commit of that shard: each
// article's source and date as one number, so that counting facets over a million matches
// reads a few MB of metadata instead of two values per match.
// Prefix of the code chunks: key + chunk number (8 hex digits), value facet_codes::kChunkDocs
// little-endian uint32 codes for docids chunk * kChunkDocs + 1 onwards.
inline constexpr std::string_view kMetaFacetCodesPrefix = "nsearch:facet_codes:";
// The shard's source keys in code order (code 1 first), one per line.
inline constexpr std::string_view kMetaFacetSources = "nsearch:facet_sources";
// The shard's last docid when the codes were written (decimal). xapian-compact merging several
// databases renumbers documents, and the codes no longer fit: then this differs from the
// database's last docid, and the searcher counts from the value slots instead.
inline constexpr std::string_view kMetaFacetStamp = "nsearch:facet_stamp";
// The database's last docid when compaction wrote it (indexer/database_merge.h), in decimal: a
// sealed database whose last docid differs (never compacted, or given articles since) is
// compacted at the end of the run that finds it.
inline constexpr std::string_view kMetaCompacted = "nsearch:compacted";

// ---- Weights and layout ---------------------------------------------------------------------
inline constexpr Xapian::termcount kTitleWdf = 3;  // wdf per title occurrence (body: 1)
inline constexpr Xapian::termpos kFieldGap = 100;  // positions skipped between title and body

}  // namespace nsearch::schema
