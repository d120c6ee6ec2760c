// Baseline (a): Xapian's stock pipeline, as a new user would write it. TermGenerator with
// Stem("arabic") and STEM_SOME, positions, title with weight 2; QueryParser with the same
// stemmer, default OR, BM25 defaults; default flush threshold, one commit at the end.
//   xapian_baseline index DB < articles.jsonl
//   xapian_baseline search DB QUERIES.tsv RUN.trec LATENCIES.txt
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include <xapian.h>

#include "bench/bench_io.h"

namespace {

int index(const std::string& path) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("arabic"));
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  nsearch::bench::for_each_article([&](const nsearch::bench::BenchArticle& a) {
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(a.title, 2);
    tg.increase_termpos();
    tg.index_text(a.body);
    doc.set_data(a.id + "\n" + a.body);  // the id, then the text snippets are made from
    doc.add_boolean_term("Q" + a.id);
    db.replace_document("Q" + a.id, doc);
  });
  db.commit();
  return 0;
}

int search(const std::string& path, const std::string& queries_path, const std::string& run, const std::string& lat) {
  Xapian::Database db(path);
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("arabic"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  auto queries = nsearch::bench::read_queries(queries_path);
  auto parse = [&](const std::string& text) {
    try {
      return qp.parse_query(text);
    } catch (const Xapian::QueryParserError&) {
      return qp.parse_query(text, 0);
    }
  };
  // Timed pass, like nsearch's: 10 hits with snippets.
  std::vector<double> ms;
  for (const auto& [qid, text] : queries) {
    auto t0 = std::chrono::steady_clock::now();
    Xapian::Enquire enquire(db);
    enquire.set_query(parse(text));
    Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      std::string data = it.get_document().get_data();
      (void)mset.snippet(data.substr(data.find('\n') + 1), 200);
    }
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  // Untimed pass: the top 100 for relevance.
  std::ofstream out(run);
  for (const auto& [qid, text] : queries) {
    Xapian::Enquire enquire(db);
    enquire.set_query(parse(text));
    Xapian::MSet mset = enquire.get_mset(0, 100);
    unsigned rank = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      std::string data = it.get_document().get_data();
      out << qid << " Q0 " << data.substr(0, data.find('\n')) << " " << ++rank << " " << it.get_weight() << " xapian\n";
    }
  }
  nsearch::bench::write_latencies(lat, ms);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "index" && argc == 3) return index(argv[2]);
  if (mode == "search" && argc == 6) return search(argv[2], argv[3], argv[4], argv[5]);
  std::fprintf(stderr, "usage: xapian_baseline index DB < jsonl | search DB QUERIES RUN LATENCIES\n");
  return 2;
}
