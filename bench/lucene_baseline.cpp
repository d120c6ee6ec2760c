// Baseline (b): Lucene++ (Debian's liblucene++-dev) with its contrib ArabicAnalyzer, the
// analyzer behind Elasticsearch's `arabic`: fields title and body analyzed (title and body
// stored, as a snippet-making engine would), id stored; MultiFieldQueryParser over title
// and body with default OR and default similarity; IndexWriter defaults, one commit.
//   lucene_baseline index DIR < articles.jsonl
//   lucene_baseline search DIR QUERIES.tsv RUN.trec LATENCIES.txt
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include <lucene++/ArabicAnalyzer.h>
#include <lucene++/LuceneHeaders.h>
#include <lucene++/MultiFieldQueryParser.h>

#include "bench/bench_io.h"

namespace {

using namespace Lucene;

AnalyzerPtr arabic() { return newLucene<ArabicAnalyzer>(LuceneVersion::LUCENE_CURRENT); }

int index(const std::string& path) {
  IndexWriterPtr writer = newLucene<IndexWriter>(FSDirectory::open(StringUtils::toUnicode(path)), arabic(), true,
                                                 IndexWriter::MaxFieldLengthUNLIMITED);
  nsearch::bench::for_each_article([&](const nsearch::bench::BenchArticle& a) {
    DocumentPtr doc = newLucene<Document>();
    String id = StringUtils::toUnicode(a.id);
    doc->add(newLucene<Field>(L"id", id, Field::STORE_YES, Field::INDEX_NOT_ANALYZED));
    doc->add(newLucene<Field>(L"title", StringUtils::toUnicode(a.title), Field::STORE_YES, Field::INDEX_ANALYZED));
    doc->add(newLucene<Field>(L"body", StringUtils::toUnicode(a.body), Field::STORE_YES, Field::INDEX_ANALYZED));
    writer->updateDocument(newLucene<Term>(L"id", id), doc);
  });
  writer->close();
  return 0;
}

int search(const std::string& path, const std::string& queries_path, const std::string& run, const std::string& lat) {
  IndexReaderPtr reader = IndexReader::open(FSDirectory::open(StringUtils::toUnicode(path)), true);
  SearcherPtr searcher = newLucene<IndexSearcher>(reader);
  Collection<String> fields = newCollection<String>(L"title", L"body");
  QueryParserPtr parser = newLucene<MultiFieldQueryParser>(LuceneVersion::LUCENE_CURRENT, fields, arabic());
  auto queries = nsearch::bench::read_queries(queries_path);
  auto parse = [&](const std::string& text) -> QueryPtr {
    // A question is words, not query syntax (like Elasticsearch's match query): the parser's
    // operator characters become spaces, which the Arabic tokenizer splits on anyway.
    String plain = StringUtils::toUnicode(text);
    for (auto& c : plain) {
      if (String(L"+-&|!(){}[]^\"~*?:\\/").find(c) != String::npos) c = L' ';
    }
    try {
      return parser->parse(plain);
    } catch (LuceneException&) {
      return QueryPtr();
    }
  };
  // Timed pass, like nsearch's: the 10 best with their stored text fetched.
  std::vector<double> ms;
  for (const auto& [qid, text] : queries) {
    auto t0 = std::chrono::steady_clock::now();
    if (QueryPtr q = parse(text)) {
      TopDocsPtr top = searcher->search(q, 10);
      for (auto sd : top->scoreDocs) (void)searcher->doc(sd->doc)->get(L"body");
    }
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  // The top 100 for relevance, ids only (timed into LATENCIES.ids, as nsearch_latency does).
  std::ofstream out(run);
  std::vector<double> deep_ms;
  for (const auto& [qid, text] : queries) {
    auto t0 = std::chrono::steady_clock::now();
    QueryPtr q = parse(text);
    if (q) {
      TopDocsPtr top = searcher->search(q, 100);
      unsigned rank = 0;
      for (auto sd : top->scoreDocs) {
        out << qid << " Q0 " << StringUtils::toUTF8(searcher->doc(sd->doc)->get(L"id")) << " " << ++rank << " "
            << sd->score << " lucene\n";
      }
    }
    deep_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  nsearch::bench::write_latencies(lat, ms);
  nsearch::bench::write_latencies(lat + ".ids", deep_ms);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  try {
    if (mode == "index" && argc == 3) return index(argv[2]);
    if (mode == "search" && argc == 6) return search(argv[2], argv[3], argv[4], argv[5]);
  } catch (LuceneException& e) {
    std::fprintf(stderr, "lucene_baseline: %s\n", StringUtils::toUTF8(e.getError()).c_str());
    return 1;
  }
  std::fprintf(stderr, "usage: lucene_baseline index DIR < jsonl | search DIR QUERIES RUN LATENCIES\n");
  return 2;
}
