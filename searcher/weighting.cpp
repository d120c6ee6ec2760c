#include "searcher/weighting.h"

#include <cstdio>
#include <cstdlib>

#include "common/errors.h"

namespace nsearch {

namespace {

[[noreturn]] void bad_spec(const std::string& spec) {
  throw Error(ErrorCode::usage,
              "'" + spec + "' is not a weighting; use dlh, pl2, inl2, bm25[:K1,B], bm25plus[:K1,B] or lm[:MU]");
}

// "bm25:1.2,0.75" -> k1, b; bare "bm25" keeps Xapian's defaults.
void read_pair(const std::string& spec, const std::string& args, double& a, double& b) {
  if (!args.empty() && std::sscanf(args.c_str(), "%lf,%lf", &a, &b) != 2) bad_spec(spec);
}

}  // namespace

std::unique_ptr<Xapian::Weight> make_weighting(const std::string& spec) {
  std::string name = spec.substr(0, spec.find(':'));
  std::string args = name.size() < spec.size() ? spec.substr(name.size() + 1) : "";
  if (name == "dlh" && args.empty()) return std::make_unique<Xapian::DLHWeight>();
  if (name == "pl2" && args.empty()) return std::make_unique<Xapian::PL2Weight>();
  if (name == "inl2" && args.empty()) return std::make_unique<Xapian::InL2Weight>();
  if (name == "bm25" || name == "bm25plus") {
    double k1 = 1.2, b = 0.75;
    read_pair(spec, args, k1, b);
    if (name == "bm25") return std::make_unique<Xapian::BM25Weight>(k1, 0, 1, b, 0.5);
    return std::make_unique<Xapian::BM25PlusWeight>(k1, 0, 1, b, 0.5, 1.0);
  }
  if (name == "lm") {
    double mu = args.empty() ? 2000 : std::atof(args.c_str());
    if (mu <= 0) bad_spec(spec);
    return std::make_unique<Xapian::LMWeight>(0, Xapian::Weight::DIRICHLET_SMOOTHING, mu, 0);
  }
  bad_spec(spec);
}

Xapian::Query with_word_floor(const Xapian::Query& word) {
  Xapian::Query floor((new Xapian::FixedWeightPostingSource(kMatchedWordWeight))->release());
  return Xapian::Query(Xapian::Query::OP_AND, word, floor);
}

Xapian::TfIdfWeight counting_weight() { return Xapian::TfIdfWeight("nnn"); }

}  // namespace nsearch
