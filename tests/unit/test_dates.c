/*
** test_dates.c - unit tests of the date engine core (ext/core/dates.h):
** calendar arithmetic, Easter, reference parsing, the scalar parse, spans
** of extract, linearity on long date-like input and allocation failure.
*/
#include "kt.h"
#include "core/dates.h"
#include <stdlib.h>
#include <string.h>

static kr_date_lex *plx;
#define lx (*plx)

static const char *parse(const char *z, const char *refz){
  static char out[32];
  kr_dref ref;
  memset(&ref, 0, sizeof ref);
  if( refz ) kr_dref_parse(&lx, refz, (int64_t)strlen(refz), &ref);
  if( !kr_date_parse(&lx, z, (int64_t)strlen(z), &ref, out) ) return "NULL";
  return out;
}

static void test_calendar(void){
  int y, m, d;
  KT_INT(kr_days_from_civil(1970, 1, 1), 0);
  KT_INT(kr_days_from_civil(2022, 2, 16), 19039);
  kr_civil_from_days(19039, &y, &m, &d);
  KT_INT(y * 10000 + m * 100 + d, 20220216);
  kr_civil_from_days(kr_days_from_civil(1600, 2, 29), &y, &m, &d);
  KT_INT(y * 10000 + m * 100 + d, 16000229);
  kr_easter(2022, &m, &d); KT_INT(m * 100 + d, 417);
  kr_easter(2024, &m, &d); KT_INT(m * 100 + d, 331);
  kr_easter(2025, &m, &d); KT_INT(m * 100 + d, 420);
  kr_easter(2038, &m, &d); KT_INT(m * 100 + d, 425);   /* the latest date */
  kr_easter(2285, &m, &d); KT_INT(m * 100 + d, 322);   /* the earliest */
}

static void test_reference(void){
  kr_dref r;
  KT_INT(kr_dref_parse(&lx, "2022-02-16", 10, &r), 1);
  KT_INT(r.y * 10000 + r.m * 100 + r.d, 20220216);
  KT_INT(r.has_time, 0);
  KT_INT(kr_dref_parse(&lx, "2022-02-16 14:05", 16, &r), 1);
  KT_INT(r.hh * 100 + r.mi, 1405);
  KT_INT(kr_dref_parse(&lx, "2022-02-16T14:05:09", 19, &r), 1);
  KT_INT(kr_dref_parse(&lx, "2022-02-29", 10, &r), 0);
  KT_INT(kr_dref_parse(&lx, "2022-02-16 25:00", 16, &r), 0);
  KT_INT(kr_dref_parse(&lx, "x", 1, &r), 0);
  KT_INT(kr_dref_parse(&lx, "", 0, &r), 0);
  KT_INT(kr_dref_parse(&lx, "dinsdag 15 februari 2022", 24, &r), 1);
  KT_INT(r.y * 10000 + r.m * 100 + r.d, 20220215);
  KT_INT(kr_dref_parse(&lx, "gisteren", 8, &r), 0);
}

static void test_parse(void){
  KT_STR(parse("15 februari 2022", 0), "2022-02-15");
  KT_STR(parse("dinsdag", "2022-02-16"), "2022-02-15");
  KT_STR(parse("dinsdag", 0), "NULL");
  KT_STR(parse("De wedstrijd wordt zondag gespeeld.", "2022-02-16"), "2022-02-20");
  KT_STR(parse("Hij kwam zondag terug en zei dat het goed ging.", "2022-02-16"), "2022-02-13");
  KT_STR(parse("Koningsdag 2025", 0), "2025-04-26");
  KT_STR(parse("Koningsdag 2022", 0), "2022-04-27");
  KT_STR(parse("Koninginnedag 1979", 0), "1979-04-30");
  KT_STR(parse("Koninginnedag 2006", 0), "2006-04-29");   /* 30 April was a Sunday */
  KT_STR(parse("Prinsjesdag 2024", 0), "2024-09-17");
  KT_STR(parse("Hemelvaartsdag 2024", 0), "2024-05-09");
  KT_STR(parse("Goede Vrijdag 2023", 0), "2023-04-07");
  KT_STR(parse("Moederdag 2022", 0), "2022-05-08");
  KT_STR(parse("29 februari 2024", 0), "2024-02-29");
  KT_STR(parse("29 februari 2023", 0), "NULL");
  KT_STR(parse("00-00-2022", 0), "NULL");
  KT_STR(parse("de jaren negentig", 0), "199");
  KT_STR(parse("19u30", "2022-02-16"), "2022-02-16T19:30");
  KT_STR(parse("drie weken", 0), "P3W");
  KT_STR(parse("anderhalf uur", 0), "PT1H30M");
  KT_STR(parse("2000 soldaten", "2022-02-16"), "NULL");
  KT_STR(parse("zo", "2022-02-16"), "NULL");
}

typedef struct span_arg { int n; int64_t b0[8], b1[8]; } span_arg;
static int collect(void *arg, const kr_date *d){
  span_arg *a = (span_arg *)arg;
  if( a->n < 8 ){ a->b0[a->n] = d->b0; a->b1[a->n] = d->b1; }
  a->n++;
  return 0;
}

/* Character offsets count a multi-byte character once, as SQLite does. */
static void test_chars(void){
  const char *z = "Één café, één crème brûlée: 3 mei.";
  kr_dref ref;
  kr_dates d;
  memset(&d, 0, sizeof d);
  kr_dref_parse(&lx, "2022-02-16", 10, &ref);
  KT_INT(kr_dates_extract(&lx, z, (int64_t)strlen(z), &ref, &d), KR_OK);
  KT_INT(d.n, 1);
  if( d.n == 1 ){
    KT_INT(d.a[0].b0, 36); KT_INT(d.a[0].b1, 41);
    KT_INT(d.a[0].c0, 28); KT_INT(d.a[0].c1, 33);
  }
  kr_dates_free(&d);
}

/* Words as the tokenizer reads them: compounds with a part of the day
** (entries of their own in the index), words of more than eight letters,
** capitals, holiday phrases of several words, a word that goes on with a
** letter that is not ASCII. */
static void test_words(void){
  KT_STR(parse("dinsdagavond", "2022-02-16"), "2022-02-15");
  KT_STR(parse("gisteravond", "2022-02-16"), "2022-02-15");
  KT_STR(parse("zondagnamiddag", "2022-02-16"), "2022-02-13");
  KT_STR(parse("Donderdagochtend", "2022-02-16"), "2022-02-17");
  KT_STR(parse("donderdag", "2022-02-16"), "2022-02-17");
  KT_STR(parse("DINSDAG", "2022-02-16"), "2022-02-15");
  KT_STR(parse("vanavond", "2022-02-16"), "2022-02-16TEV");
  KT_STR(parse("3 september", "2022-02-16"), "2021-09-03");
  KT_STR(parse("de eerste kerstdag", "2022-02-16"), "2022-12-25");
  KT_STR(parse("tweede pinksterdag", "2022-02-16"), "2022-06-06");
  KT_STR(parse("Goede Vrijdag", "2022-02-16"), "2022-04-15");
  KT_STR(parse("eerste paasdag 2023", 0), "2023-04-09");
  KT_STR(parse("x eerste dag", "2022-02-16"), "NULL");
  KT_STR(parse("meiëndag", "2022-02-16"), "NULL");     /* not "mei" */
  KT_STR(parse("15 mei 2022, café", 0), "2022-05-15");
}

/* Character offsets after malformed UTF-8: a lead byte takes every
** continuation byte after it, as SQLite counts (C0 AF and F8 88 80 80 are
** one character each). */
static void test_chars_malformed(void){
  static const char z[] = "\xc0\xaf\xf8\x88\x80\x80 3 februari, \xc3\xa9\xc3\xa9 maandag";
  kr_dref ref;
  kr_dates d;
  memset(&d, 0, sizeof d);
  kr_dref_parse(&lx, "2022-02-16", 10, &ref);
  KT_INT(kr_dates_extract(&lx, z, (int64_t)sizeof z - 1, &ref, &d), KR_OK);
  KT_INT(d.n, 2);
  if( d.n == 2 ){
    KT_INT(d.a[0].b0, 7); KT_INT(d.a[0].c0, 3); KT_INT(d.a[0].c1, 13);
    KT_INT(d.a[1].b0, 24); KT_INT(d.a[1].c0, 18); KT_INT(d.a[1].c1, 25);
  }
  kr_dates_free(&d);
}

/* The index is built per connection: a failed allocation fails that one
** build, and the next one works. */
static void test_lex_nomem(void){
  kr_date_lex *a;
  kt_fail_alloc_after(0);
  a = kr_date_lex_new();
  kt_fail_alloc_after(-1);
  KT_CHECK(a == 0);
  a = kr_date_lex_new();
  KT_CHECK(a != 0);
  if( a ){
    char out[32];
    kr_dref ref;
    KT_INT(kr_dref_parse(a, "15 februari 2022", 16, &ref), 1);
    KT_INT(kr_date_parse(a, "gisteren", 8, &ref, out), 1);
    KT_STR(out, "2022-02-14");
  }
  kr_date_lex_free(a);
}

static void test_spans(void){
  const char *z = "Op dinsdag 15 februari 2022 om 14.30 uur, en \xff\x00 gisteren.";
  int64_t n = 58;
  kr_dref ref;
  span_arg a;
  memset(&a, 0, sizeof a);
  kr_dref_parse(&lx, "2022-02-16", 10, &ref);
  kr_dates_scan(&lx, z, n, &ref, collect, &a);
  KT_INT(a.n, 3);
  KT_INT(a.b0[0], 3);  KT_INT(a.b1[0], 27);
  KT_INT(a.b0[1], 31); KT_INT(a.b1[1], 40);
  KT_INT(a.b0[2], 48); KT_INT(a.b1[2], 56);
}

/* 100 000 date-like tokens in a row: linear, and every one is found. */
static void test_long(void){
  int64_t n = 100000 * 6, i;
  char *z = (char *)malloc((size_t)n);
  kr_dref ref;
  kr_dates d;
  memset(&d, 0, sizeof d);
  for(i = 0; i < 100000; i++) memcpy(z + i * 6, "1 mei ", 6);
  kr_dref_parse(&lx, "2022-02-16", 10, &ref);
  KT_INT(kr_dates_extract(&lx, z, n, &ref, &d), KR_OK);
  KT_INT(d.n, 100000);
  kr_dates_free(&d);
  free(z);
}

static void test_nomem(void){
  kr_dref ref;
  kr_dates d;
  memset(&d, 0, sizeof d);
  kr_dref_parse(&lx, "2022-02-16", 10, &ref);
  kt_fail_alloc_after(0);
  KT_INT(kr_dates_extract(&lx, "gisteren en morgen", 18, &ref, &d), KR_NOMEM);
  kt_fail_alloc_after(-1);
  KT_INT(d.n, 0);
  KT_CHECK(d.a == 0);
}

/* The tense of a date must not depend on where a window of tokens ends:
** the same sentence, its future marker 70 tokens after the weekday, is
** preceded by 0..600 filler words, so the window boundary falls before,
** inside and after it (the kr_dates_scan window is 256 tokens; the extract
** window about one token per three bytes, fewer than these two-byte words). Every position must give the same value. */
static void test_window(void){
  static const char tail[] = "Het bestuur komt maandag bijeen";
  kr_dref ref;
  char *z;
  int pad, bad_x = 0, bad_s = 0;
  size_t cap = 600 * 6 + 80 * 6 + sizeof tail + 32;
  kr_dref_parse(&lx, "2022-02-16", 10, &ref);
  z = (char *)malloc(cap);
  if( !z ){ KT_CHECK(0); return; }
  for(pad = 0; pad <= 600; pad += 7){
    size_t n = 0;
    int k;
    kr_dates d;
    char first[32];
    for(k = 0; k < pad; k++){ memcpy(z + n, "x ", 2); n += 2; }
    memcpy(z + n, tail, sizeof tail - 1); n += sizeof tail - 1;
    for(k = 0; k < 70; k++){ memcpy(z + n, " x", 2); n += 2; }
    memcpy(z + n, " zal.", 5); n += 5;
    memset(&d, 0, sizeof d);
    if( kr_dates_extract(&lx, z, (int64_t)n, &ref, &d) != KR_OK || d.n != 1
     || strcmp(d.a[0].value, "2022-02-21") != 0 ) bad_x++;
    kr_dates_free(&d);
    first[0] = 0;
    /* the scalar parse scans with the small window */
    if( !kr_date_parse(&lx, z, (int64_t)n, &ref, first) || strcmp(first, "2022-02-21") != 0 ) bad_s++;
  }
  KT_INT(bad_x, 0);
  KT_INT(bad_s, 0);
  free(z);
}

void test_dates(void){
  plx = kr_date_lex_new();
  KT_CHECK(plx != 0);
  if( !plx ) return;
  test_calendar();
  test_reference();
  test_parse();
  test_spans();
  test_long();
  test_nomem();
  test_chars();
  test_words();
  test_chars_malformed();
  test_lex_nomem();
  test_window();
  kr_date_lex_free(plx);
  plx = 0;
}
