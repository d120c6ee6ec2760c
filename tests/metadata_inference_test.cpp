// The finders behind metadata inference, as pure functions over text and a folder profile:
// stated and relative dates, the outlet's signals in their order, the headline, boilerplate.
#include <gtest/gtest.h>

#include <string>

#include <fmt/core.h>

#include "common/normalizer.h"
#include "indexer/date_finder.h"
#include "indexer/folder_profile.h"
#include "indexer/metadata_inference.h"
#include "indexer/outlet_finder.h"
#include "indexer/text_lines.h"

namespace nsearch {
namespace {

Date day(const char* text) { return *parse_date(text); }

// The first date stated in text: "2015-08-25", "2020-10", or "--9-13" without a year.
std::string stated(const std::string& text) {
  auto t = tokenize(text);
  for (size_t i = 0; i < t.size(); ++i) {
    if (auto s = stated_date_at(t, i)) {
      if (s->year == 0) return fmt::format("--{}-{}", s->month, s->day);
      return s->day ? fmt::format("{:04}-{:02}-{:02}", s->year, s->month, s->day)
                    : fmt::format("{:04}-{:02}", s->year, s->month);
    }
  }
  return "";
}

MetadataInference infer(const std::string& text, const char* reference = nullptr,
                        const FolderProfile* profile = nullptr) {
  InferenceOptions o;
  o.profile = profile;
  if (reference) o.reference = day(reference);
  return infer_metadata(text, 1, o);
}

TEST(StatedDates, BothMonthSeriesAndBothDigitSets) {
  EXPECT_EQ(stated("في 25 أغسطس 2015"), "2015-08-25");
  EXPECT_EQ(stated("في 25 آب 2015"), "2015-08-25");
  EXPECT_EQ(stated("في ٢٥ اغسطس/آب ٢٠١٥م"), "2015-08-25");
  EXPECT_EQ(stated("31 ديسمبر (كانون الأول) 2013"), "2013-12-31");
  EXPECT_EQ(stated("في تشرين الأول 2020"), "2020-10");
  EXPECT_EQ(stated("في ديسمبر من العام 2023"), "2023-12");
  EXPECT_EQ(stated("بتاريخ 13 سبتمبر/أيلول"), "--9-13");  // no year: needs a reference
  EXPECT_EQ(stated("بتاريخ 04/08/2015م"), "2015-08-04");
  // A bare month name is not a date (مارس is also a verb), nor is "آب" alone (a father).
  EXPECT_EQ(stated("مارس الرياضة"), "");
  EXPECT_EQ(stated("زار آب ابنه"), "");
  EXPECT_EQ(stated_date_at(tokenize("31 فبراير 2015"), 0), std::nullopt);
}

TEST(StatedDates, HijriConvertedWithIcusUmmAlQuraCalendar) {
  EXPECT_EQ(stated("25 شوال 1436هـ"), "2015-08-10");
  EXPECT_EQ(stated("الأحد 10 شوال ١٤٣٦ هـ"), "2015-07-26");
  EXPECT_EQ(stated("1 رمضان 1446 هـ"), "2025-03-01");
  EXPECT_EQ(hijri_to_gregorian(1436, 10, 25).text(), "2015-08-10");
  EXPECT_TRUE(hijri_to_gregorian(1436, 13, 1).empty());
}

TEST(Dates, DaysAndWeekdays) {
  long d = days_from_date(2025, 8, 25);
  EXPECT_EQ(date_from_days(d).text(), "2025-08-25");
  EXPECT_EQ(weekday_of(d), 1);  // a Monday
  EXPECT_EQ(date_from_days(days_from_date(2024, 2, 28) + 1).text(), "2024-02-29");
}

TEST(DateFinder, DatelineStatesTheDayAndPrefersTheGregorian) {
  auto m = infer("عنوان\nالباحة 25 شوال 1436هـ الموافق 11 أغسطس 2015م واس\nنص الخبر.", "2026-01-01");
  EXPECT_EQ(m.date.text(), "2015-08-11");
  EXPECT_EQ(m.date_from.rule, "dateline");
  EXPECT_EQ(m.date_from.line, 2);
}

// A date inside a sentence is an event's: neither the article's date nor a dateline whose
// last words would be taken for the outlet.
TEST(DateFinder, ADateInASentenceIsNoDateline) {
  for (const char* line : {"صدر في 15 رمضان 1436هـ قرار جديد", "الرياض 15 رمضان 1436هـ قرار جديد."}) {
    auto m = infer(std::string("عنوان\n") + line + "\nنص الخبر.", "2026-01-01");
    EXPECT_EQ(m.source, "") << line;
    EXPECT_NE(m.date_from.rule, "dateline") << line;
  }
}

TEST(DateFinder, RelativeExpressionsAgainstTheReference) {
  // 2025-08-27 is a Wednesday.
  EXPECT_EQ(infer("عنوان\nوصل اليوم الجمعة إلى أنقرة.", "2025-04-06").date.text(), "2025-04-04");
  EXPECT_EQ(infer("عنوان\nقال اليوم (الاثنين) إن", "2025-08-27").date.text(), "2025-08-25");
  EXPECT_EQ(infer("عنوان\nاستقبل أمس الأحد الوفد", "2025-08-27").date.text(), "2025-08-25");
  EXPECT_EQ(infer("عنوان\nوصل أول أمس السبت", "2025-08-27").date.text(), "2025-08-25");
  EXPECT_EQ(infer("عنوان\nوصل صباح اليوم إلى", "2025-08-27").date.text(), "2025-08-27");
  auto dated = infer(
      "عنوان\nأعلن وزير الخارجية في مؤتمر صحفي عقده في العاصمة اليوم الأحد 12 أبريل 2015 أن المحادثات ستستأنف قريبا.",
      "2015-04-14");
  EXPECT_EQ(dated.date.text(), "2015-04-12");
  EXPECT_EQ(dated.date_from.rule, "today, dated");
}

TEST(DateFinder, StampKeepsThePrecisionItSupports) {
  EXPECT_EQ(infer("عنوان\nمنذ 2 شهور\nنص.", "2025-12-10").date.text(), "2025-10");
  EXPECT_EQ(infer("عنوان\nمنذ 3 ساعات\nنص.", "2025-12-10").date.text(), "2025-12-10");
  EXPECT_EQ(infer("عنوان\nمنذ يومين\nنص.", "2025-12-10").date.text(), "2025-12-08");
  EXPECT_EQ(infer("عنوان\nمنذ سنتين\nنص.", "2025-12-10").date.text(), "2023");
  EXPECT_EQ(stamp_date("منذ فترة طويلة بين الجانبين", day("2025-12-10")), std::nullopt);
}

TEST(DateFinder, NoReferenceOrAReferenceLongAfterTheTextResolvesNothing) {
  EXPECT_TRUE(infer("عنوان\nوصل اليوم الجمعة.").date.empty());
  auto old = infer("عنوان\nوصل اليوم الجمعة لبحث خطة 2015.", "2026-12-01");
  EXPECT_TRUE(old.date.empty());
  EXPECT_NE(old.date_not_resolved.find("2015"), std::string::npos);
  // Event dates further in the text are not the article's date.
  EXPECT_TRUE(infer("عنوان\nنص أول.\nوكان قد زار أنقرة في 13 سبتمبر 2014 الماضي.").date.empty());
}

// The latest year is looked for sixteen bytes at a time: it is found at any offset, in either
// digit set, and a longer number is no year.
TEST(DateFinder, TheTextsLatestYearIsFoundWhereverItStands) {
  for (std::string year : {"2012", "٢٠١٢", "۲۰۱۲"}) {
    for (size_t pad = 0; pad < 40; ++pad) {
      std::string text = "عنوان\nوصل اليوم الجمعة " + std::string(pad, 'x') + " خطة " + year + " و 12019 و 1998.";
      auto m = infer(text, "2026-12-01");
      EXPECT_TRUE(m.date.empty()) << text;
      EXPECT_NE(m.date_not_resolved.find("after 2012,"), std::string::npos) << text << ": " << m.date_not_resolved;
    }
  }
  EXPECT_FALSE(infer("عنوان\nوصل اليوم الجمعة لبحث خطة 2012 و2025.", "2026-12-01").date.empty());
}

TEST(OutletFinder, AttributionLineNormalizedWithItsCoSources) {
  auto m = infer("عنوان\nنص الخبر.\nالمصدر : الجزيرة + وكالات");
  EXPECT_EQ(m.source, "الجزيرة");
  EXPECT_EQ(m.co_sources, std::vector<std::string>{"وكالات"});
  EXPECT_EQ(m.source_from.rule, "attribution line");
  EXPECT_EQ(infer("عنوان\nمصدر الخبر / المشهد\nنص.\nالمصدر: وكالة نوفا").source, "المشهد");
  EXPECT_EQ(infer("عنوان\nنص.\nرابط الخبر بصحيفة الوئام: عنوان").source, "الوئام");
  EXPECT_EQ(outlet_name("«الشرق الأوسط»").name, "الشرق الأوسط");
}

// A name is one line of single spaces: a tab inside a dateline or a credit never reaches the
// stored source (found by the article fuzzer).
TEST(OutletFinder, NamesAreSingleSpaced) {
  EXPECT_EQ(outlet_name("وكالة\tالأنباء   السعودية + وكالات").name, "وكالة الأنباء السعودية");
  auto m = infer("عنوان\nنص الخبر.\nالمصدر :\tالجزيرة\t\tنت");
  EXPECT_EQ(m.source, "الجزيرة نت");
}

TEST(OutletFinder, SignOffNamesAnOutletNotAPrompt) {
  EXPECT_EQ(infer("عنوان\nنص الخبر الطويل.\nميدل إيست أون لاين").source, "ميدل إيست أون لاين");
  EXPECT_EQ(infer("عنوان\nنص الخبر الطويل.\nمناقشة حول هذا post").source, "");
  EXPECT_EQ(infer("عنوان\nنص الخبر الطويل.\nشارك").source, "");
  EXPECT_EQ(infer("عنوان\nنص الخبر الطويل.\nعبدالله عبود آل سرحان").source, "");
}

TEST(OutletFinder, DatelineSideMarkedOrRecurringAcrossTheFolder) {
  EXPECT_EQ(infer("عنوان\nباريس - أ.ف.ب: قال الرئيس").source, "أ.ف.ب");
  EXPECT_EQ(infer("عنوان\nالقاهرة: «الشرق الأوسط»\nنص").source, "");  // a colon, not a dash
  EXPECT_EQ(infer("عنوان\nعدن - (ا ف ب): رست").source, "ا ف ب");
  // Unmarked, a single file cannot tell the city from the agency ...
  EXPECT_EQ(infer("عنوان\nعين اليوم – سنغافورة\nنص.").source, "");
  // ... the folder can: the part of its datelines that recurs most is its outlet.
  FolderProfile folder;
  for (const char* city : {"جدة", "الرياض", "واشنطن", "سنغافورة"}) {
    folder.add_text(fmt::format("خبر من {}\nعين اليوم – {}\nنص.", city, city));
  }
  folder.add_text("خبر آخر\nمنيف الشهراني – الرياض\nنص.");
  EXPECT_EQ(infer("عنوان\nعين اليوم – سنغافورة\nنص.", nullptr, &folder).source, "عين اليوم");
  EXPECT_EQ(infer("عنوان\nمنيف الشهراني – الرياض\nنص.", nullptr, &folder).source, "");
  auto spa = infer("عنوان\nالرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\nنص.");
  EXPECT_EQ(spa.source, "واس");
}

TEST(OutletFinder, LeadAttributionAfterTheOtherSignals) {
  EXPECT_EQ(infer("عنوان\nعلمت وكالة الأناضول من مصادر أمنية أن").source, "وكالة الأناضول");
  EXPECT_EQ(infer("عنوان\nأفاد مراسل الجزيرة بأن وفدا").source, "الجزيرة");
  EXPECT_EQ(infer("عنوان\nأفاد مراسل الجزيرة بأن وفدا\nنص.\nالمصدر : العربية").source, "العربية");
}

TEST(TitleFinder, BannerAboveTheHeadlineAndTheHeadlineRepeated) {
  auto m = infer("عاجل ليبيا الان\n\nلقاء تاريخي بين الطرابلسي وصدام\n\nمصدر الخبر / المشهد\n\nنص الخبر.");
  EXPECT_EQ(m.title, "لقاء تاريخي بين الطرابلسي وصدام");
  EXPECT_EQ(m.body.find("عاجل"), std::string::npos);
  auto r = infer("اتفاق بوساطة تركية\n\nمنذ 2 شهور\nاتفاق بوساطة تركية\n\nعلمت وكالة الأناضول أن.", "2025-12-10");
  EXPECT_EQ(r.title, "اتفاق بوساطة تركية");
  EXPECT_EQ(r.body, "علمت وكالة الأناضول أن.");  // the headline is the title, once
  // A long first line that is a sentence is the title: no banner rule for it.
  EXPECT_EQ(infer("شهدت مدينة بنغازي لقاءات أمنية رفيعة المستوى جمعت حفتر وقالن.\nالمصدر: وكالة").title,
            "شهدت مدينة بنغازي لقاءات أمنية رفيعة المستوى جمعت حفتر وقالن.");
}

TEST(Boilerplate, LinesRecurringAcrossTheFolderAreChrome) {
  FolderProfile folder;
  for (int i = 0; i < 6; ++i) {
    folder.add_text(fmt::format(
        "خبر رقم {}\nشارك عبر تويتر\nنص الخبر {} في سطر طويل من الكلمات الكثيرة.\nتعليقات القراء 12\n", i, i));
  }
  EXPECT_TRUE(folder.is_chrome(TextLine("شارك عبر تويتر", 1)));
  EXPECT_TRUE(folder.is_chrome(TextLine("تعليقات القراء 7", 1)));  // a short line's digits folded
  EXPECT_FALSE(folder.is_chrome(TextLine("نص الخبر 3 في سطر طويل من الكلمات الكثيرة.", 1)));  // a longer line's are not
  auto m = infer("شارك عبر تويتر\nخبر جديد\nنص الخبر الجديد في سطر طويل من الكلمات الكثيرة.\nتعليقات القراء 3", nullptr,
                 &folder);
  EXPECT_EQ(m.title, "خبر جديد");
  EXPECT_EQ(m.body, "نص الخبر الجديد في سطر طويل من الكلمات الكثيرة.");
  ASSERT_EQ(m.dropped.size(), 2u);
  EXPECT_EQ(m.dropped[0].reason, "above the headline");
  EXPECT_EQ(m.dropped[1].reason, "recurs in 6 of the folder's 6 files");
}

TEST(Boilerplate, ShortLinesAfterTheTextEndsButNotTheOutletsLine) {
  auto m = infer("عنوان\nنص الخبر الأول في سطر طويل من الكلمات الكثيرة.\nمناقشة حول هذا post");
  EXPECT_EQ(m.body, "نص الخبر الأول في سطر طويل من الكلمات الكثيرة.");
  auto kept = infer("عنوان\nنص الخبر الأول في سطر طويل من الكلمات الكثيرة.\nميدل إيست أون لاين");
  EXPECT_NE(kept.body.find("ميدل إيست"), std::string::npos);
}

// tokenize reads the forms of most characters from a table: every word it makes must have the
// key normalize_word gives the same word, alone or beside letters it could compose with.
TEST(TextLines, WordKeysAreTheNormalizersForms) {
  auto utf8 = [](char32_t c) {
    std::string s;
    if (c < 0x80) {
      s += static_cast<char>(c);
    } else if (c < 0x800) {
      s += static_cast<char>(0xC0 | (c >> 6));
      s += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      s += static_cast<char>(0xE0 | (c >> 12));
      s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (c & 0x3F));
    }
    return s;
  };
  std::vector<char32_t> chars;
  for (char32_t c = 1; c < 0x0800; ++c) chars.push_back(c);
  for (char32_t c : {0x0870, 0x08F0, 0x200C, 0x2160, 0xFB50, 0xFDF2, 0xFEFB, 0xFF21}) chars.push_back(c);
  std::string expected;
  size_t words = 0;
  for (char32_t c : chars) {
    std::string alone = utf8(c);
    for (const std::string& text :
         {alone, fmt::format("ب{}ت", alone), fmt::format("ا{}", alone), fmt::format("A{}b", alone)}) {
      for (const TextToken& t : tokenize(text)) {
        if (t.kind != TextToken::Kind::Word) continue;
        normalize_word(std::string_view(text).substr(t.begin, t.end - t.begin), false, expected);
        EXPECT_EQ(t.key, expected) << "U+" << std::hex << static_cast<unsigned>(c) << " in " << text;
        ++words;
      }
    }
  }
  EXPECT_GT(words, 3000u);
}

TEST(TextLines, HostileTextNeverBreaksTheFinders) {
  for (std::string text : {std::string(""), std::string("\n\n\n"), std::string("منذ"), std::string("- -: «"),
                           std::string("اليوم"), std::string("امس الاول"), std::string(1000, '-'),
                           std::string("25 شوال 99999999999 هـ"), std::string("\xEF\xBB\xBF\xE2\x80\x8F")}) {
    auto m = infer(text, "2025-01-01");
    (void)m;
  }
}

}  // namespace
}  // namespace nsearch
