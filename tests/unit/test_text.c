/* test_text.c - unit tests of the text view and segmentation (ext/core/text.c). */
#include "kt.h"
#include "core/text.h"
#include "core/lexicon.h"

#include <string.h>

/* The sentences of s joined by " | ". */
static void sentences_of(const char *s, char *out, size_t cap){
  kr_text t;
  kr_segments seg;
  int64_t i;
  size_t o = 0;
  out[0] = 0;
  if( kr_text_init(&t, s, (int64_t)strlen(s)) || kr_segment(&t, &seg) ){
    strcpy(out, "NOMEM");
    return;
  }
  for(i = 0; i < seg.nsent; i++){
    int64_t n = seg.sent[i].b1 - seg.sent[i].b0;
    if( o + (size_t)n + 4 >= cap ) break;
    if( i ){ memcpy(out + o, " | ", 3); o += 3; }
    memcpy(out + o, s + seg.sent[i].b0, (size_t)n);
    o += (size_t)n;
    out[o] = 0;
  }
  kr_segments_free(&seg);
  kr_text_free(&t);
}

static void test_counting(void){
  kr_text t;
  /* "é" is 2 bytes, "😀" 4, "e" + U+0301 is 2 characters */
  const char *s = "ab\xc3\xa9" "c\xf0\x9f\x98\x80" "e\xcc\x81";
  KT_INT(kr_text_init(&t, s, (int64_t)strlen(s)), KR_OK);
  KT_INT(t.nchar, 7);
  KT_INT(kr_text_char_at(&t, 0), 0);
  KT_INT(kr_text_char_at(&t, 2), 2);
  KT_INT(kr_text_char_at(&t, 3), 2);        /* inside é */
  KT_INT(kr_text_char_at(&t, 4), 3);
  KT_INT(kr_text_char_at(&t, 5), 4);
  KT_INT(kr_text_char_at(&t, 9), 5);
  KT_INT(kr_text_nchar(&t, 0, t.n), 7);
  kr_text_free(&t);
  /* malformed: a stray continuation byte is one character, a lead byte
  ** takes every continuation byte after it (as SQLite counts) */
  {
    const char m[] = "a\x80\x80" "b\xc3\xa9\xa9\xa9" "c\xff" "d";
    KT_INT(kr_text_init(&t, m, (int64_t)sizeof(m) - 1), KR_OK);
    KT_INT(t.nchar, 8);
    KT_INT(kr_text_char_at(&t, 3), 3);
    KT_INT(kr_text_char_at(&t, 8), 5);
    kr_text_free(&t);
  }
  /* embedded NUL counts as a character */
  {
    const char m[] = "a\0b";
    KT_INT(kr_text_init(&t, m, 3), KR_OK);
    KT_INT(t.nchar, 3);
    kr_text_free(&t);
  }
  /* long text: the checkpoints */
  {
    char big[1000];
    int i;
    for(i = 0; i < 500; i++){ big[2 * i] = (char)0xc3; big[2 * i + 1] = (char)0xa9; }
    KT_INT(kr_text_init(&t, big, 1000), KR_OK);
    KT_INT(t.nchar, 500);
    KT_INT(kr_text_char_at(&t, 640), 320);
    KT_INT(kr_text_char_at(&t, 641), 320);
    KT_INT(kr_text_char_at(&t, 1000), 500);
    kr_text_free(&t);
  }
  /* every byte of a mixed text, looked up out of order, against a plain
  ** count: whole blocks of ASCII (the fast path), accents, stray
  ** continuation bytes, NULs and a character across a checkpoint */
  {
    static const char *const piece[] = {
      "De minister zei gisteren dat het plan doorgaat, ook al is er kritiek. ",
      "\xc3\xa9\xc3\xa9n", "\x80", "\xe2\x80\x9c", "a\0b", "\xff", "\xc3\xa9\xa9", "xyz"
    };
    char big[1100];   /* about 1000 bytes: room for the last piece */
    int64_t id[1101], n = 0, b, k, ch = 0;
    int in = 0, ok = 1;
    for(k = 0; n < 990; k++){
      const char *p = piece[k % 8];
      size_t len = k % 8 == 4 ? 3 : strlen(p);
      memcpy(big + n, p, len);
      n += (int64_t)len;
    }
    /* the character of each byte, as SQLite counts */
    for(b = 0; b < n; b++){
      unsigned char c = (unsigned char)big[b];
      if( (c & 0xC0) == 0x80 && in ){ id[b] = ch - 1; continue; }
      id[b] = ch++;
      in = c >= 0xC0;
    }
    id[n] = ch;
    KT_INT(kr_text_init(&t, big, n), KR_OK);
    KT_INT(t.nchar, ch);
    for(k = 0; k <= n; k++){
      b = (k * 337) % (n + 1);
      if( kr_text_char_at(&t, b) != id[b] ) ok = 0;
    }
    KT_CHECK(ok);
    kr_text_free(&t);
  }
}

static void test_decode(void){
  int len;
  const unsigned char ok[] = "\xc3\xa9";
  const unsigned char overlong[] = "\xc0\xaf";
  const unsigned char surrogate[] = "\xed\xa0\x80";
  const unsigned char truncated[] = "\xe2\x82";
  const unsigned char big[] = "\xf4\x90\x80\x80";
  KT_INT(kr_decode(ok, 2, 0, &len), 0xE9); KT_INT(len, 2);
  KT_INT(kr_decode(overlong, 2, 0, &len), 0xFFFD); KT_INT(len, 2);
  KT_INT(kr_decode(surrogate, 3, 0, &len), 0xFFFD); KT_INT(len, 3);
  KT_INT(kr_decode(truncated, 2, 0, &len), 0xFFFD); KT_INT(len, 2);
  KT_INT(kr_decode(big, 4, 0, &len), 0xFFFD); KT_INT(len, 4);
  KT_INT(kr_decode(ok, 2, 1, &len), 0xFFFD); KT_INT(len, 1);
}

/* kr_utf8_valid: strict, like PCRE2's own check (see glue_regexp.c). */
static void test_utf8_valid(void){
  static const struct { const char *z; int n, valid; } cases[] = {
    { "", 0, 1 },
    { "gewone tekst van meer dan acht bytes", 36, 1 },
    { "caf\xC3\xA9 \xE2\x80\x98ja\xE2\x80\x99 \xF0\x9F\x98\x80", 19, 1 },
    { "\xEF\xBF\xBD", 3, 1 },                 /* U+FFFD itself */
    { "\xF4\x8F\xBF\xBF", 4, 1 },            /* U+10FFFF */
    { "ab\x80" "cd", 5, 0 },                 /* stray continuation byte */
    { "\xC0\x80", 2, 0 },                     /* overlong NUL */
    { "\xE0\x80\xAF", 3, 0 },                 /* overlong '/' */
    { "\xED\xA0\x80", 3, 0 },                 /* a surrogate */
    { "\xF4\x90\x80\x80", 4, 0 },             /* above U+10FFFF */
    { "\xE2\x80", 2, 0 },                     /* truncated at the end */
    { "\xE2\x80x", 3, 0 },                    /* truncated inside */
    { "\xEF\xBF\xBD\x80", 4, 0 },             /* U+FFFD and a stray byte */
    { "abcdefgh\xFF", 9, 0 },                  /* after an ASCII block */
  };
  size_t i;
  for(i = 0; i < sizeof cases / sizeof cases[0]; i++){
    KT_INT(kr_utf8_valid((const unsigned char *)cases[i].z, cases[i].n), cases[i].valid);
  }
}

static void test_classes(void){
  char out[16];
  KT_CHECK(kr_is_upper(0xC9));   /* É */
  KT_CHECK(kr_is_lower(0xEB));   /* ë */
  KT_CHECK(kr_is_alpha(0x15F));  /* ş */
  KT_CHECK(!kr_is_alpha('3'));
  KT_CHECK(kr_is_space(0xA0));
  KT_INT(kr_quote_mark(0x2018), KR_QM_OPEN | KR_QM_SINGLE);
  KT_INT(kr_quote_mark(0x201E), KR_QM_OPEN | KR_QM_DOUBLE);
  KT_INT(kr_quote_mark('a'), 0);
  {
    int64_t n = kr_lower_utf8((const unsigned char *)"\xc3\x89\xc3\xa9N", 5, out, sizeof(out));
    out[n < 0 ? 0 : n] = 0;
    KT_STR(out, "\xc3\xa9\xc3\xa9n");
  }
  KT_INT(kr_lower_utf8((const unsigned char *)"ABCDEF", 6, out, 3), -1);
}

static void test_sentences(void){
  char out[2048];
  sentences_of("Hij kwam. Zij ging.", out, sizeof(out));
  KT_STR(out, "Hij kwam. | Zij ging.");
  sentences_of("Dhr. Jansen en mevr. De Vries kwamen o.a. naar Den Haag. Daarna niet.", out, sizeof(out));
  KT_STR(out, "Dhr. Jansen en mevr. De Vries kwamen o.a. naar Den Haag. | Daarna niet.");
  sentences_of("Premier J.P. Balkenende sprak. Hij zweeg.", out, sizeof(out));
  KT_STR(out, "Premier J.P. Balkenende sprak. | Hij zweeg.");
  sentences_of("Het kost 3.5 miljoen euro. Om 14.30 uur begint het.", out, sizeof(out));
  KT_STR(out, "Het kost 3.5 miljoen euro. | Om 14.30 uur begint het.");
  sentences_of("\xe2\x80\x98Ik ga.\xe2\x80\x99 Hij liep weg.", out, sizeof(out));
  KT_STR(out, "\xe2\x80\x98Ik ga.\xe2\x80\x99 | Hij liep weg.");
  sentences_of("(Zie ook pagina 3.) Verder.", out, sizeof(out));
  KT_STR(out, "(Zie ook pagina 3.) | Verder.");
  sentences_of("\xe2\x80\x98Waarom?\xe2\x80\x99 vroeg hij. Niemand wist het!", out, sizeof(out));
  KT_STR(out, "\xe2\x80\x98Waarom?\xe2\x80\x99 vroeg hij. | Niemand wist het!");
  sentences_of("Ze kochten appels, peren enz. Daarna gingen ze.", out, sizeof(out));
  KT_STR(out, "Ze kochten appels, peren enz. | Daarna gingen ze.");
  sentences_of("Kop zonder punt\n\nEerste alinea. Tweede zin.\nNieuwe regel", out, sizeof(out));
  KT_STR(out, "Kop zonder punt | Eerste alinea. | Tweede zin. | Nieuwe regel");
  sentences_of("Wat nu... Niemand weet het.", out, sizeof(out));
  KT_STR(out, "Wat nu... | Niemand weet het.");
  sentences_of("Hij kwam i.p.v. Piet. Dat was m.b.t. de begroting.", out, sizeof(out));
  KT_STR(out, "Hij kwam i.p.v. Piet. | Dat was m.b.t. de begroting.");
  sentences_of(",,Dit is het.'' Hij zweeg. ,,Echt.''", out, sizeof(out));
  KT_STR(out, ",,Dit is het.'' | Hij zweeg. | ,,Echt.''");
  sentences_of("", out, sizeof(out));
  KT_STR(out, "");
  sentences_of("   \n \n", out, sizeof(out));
  KT_STR(out, "");
}

static void test_paragraphs(void){
  kr_text t;
  kr_segments seg;
  const char *s = "Eerste.\n\n  Tweede alinea.\r\nDerde. Nog een zin.\n";
  KT_INT(kr_text_init(&t, s, (int64_t)strlen(s)), KR_OK);
  KT_INT(kr_segment(&t, &seg), KR_OK);
  KT_INT(seg.npara, 3);
  KT_INT(seg.nsent, 4);
  KT_INT(seg.sent[3].paragraph, 3);
  KT_INT(seg.para[1].b0, 11);
  kr_segments_free(&seg);
  kr_text_free(&t);
}

static void test_out_of_memory(void){
  kr_text t;
  kr_segments seg;
  const char *s = "Een. Twee. Drie. Vier.";
  long n;
  /* every allocation failure is reported, never a crash or a leak */
  for(n = 0; n < 4; n++){
    int rc;
    kt_fail_alloc_after(n);
    rc = kr_text_init(&t, s, (int64_t)strlen(s));
    if( rc == KR_OK ){
      rc = kr_segment(&t, &seg);
      if( rc == KR_OK ) kr_segments_free(&seg);
      kr_text_free(&t);
    }
    kt_fail_alloc_after(-1);
    KT_CHECK(rc == KR_OK || rc == KR_NOMEM);
  }
}

static void test_lexicon(void){
  const kr_lexicon *lx = kr_lexicon_get("abbreviations");
  int r;
  KT_CHECK(lx != 0);
  KT_CHECK(kr_lexicon_get("no_such_lexicon") == 0);
  r = kr_lexicon_find(lx, "dhr.", 4);
  KT_CHECK(r >= 0);
  KT_STR(kr_lexicon_cell(lx, r, 0), "dhr.");
  KT_INT(kr_lexicon_find(lx, "dhr", 3), -1);
  r = kr_lexicon_find(lx, "enz.", 4);
  KT_STR(kr_lexicon_cell(lx, r, 1), "end");
  KT_STR(kr_lexicon_cell(lx, -1, 0), "");
  /* the hash index finds the first row of every key of every lexicon */
  {
    int k, bad = 0, rows = 0;
    for(k = 0; k < kr_nlexicons; k++){
      const kr_lexicon *l = kr_lexicons[k];
      int row;
      KT_CHECK(kr_lexicon_get(l->name) == l);
      for(row = 0; row < l->nrow; row++){
        const char *key = kr_lexicon_cell(l, row, 0);
        int f = kr_lexicon_find(l, key, strlen(key));
        rows++;
        if( f < 0 || f > row || strcmp(kr_lexicon_cell(l, f, 0), key) != 0
         || (f > 0 && strcmp(kr_lexicon_cell(l, f - 1, 0), key) == 0) ) bad++;
      }
      KT_INT(kr_lexicon_find(l, "\x01no such key", 13), -1);
    }
    KT_INT(bad, 0);
    KT_CHECK(rows > 1000);
  }
}

void test_text(void){
  test_counting();
  test_decode();
  test_utf8_valid();
  test_classes();
  test_sentences();
  test_paragraphs();
  test_out_of_memory();
  test_lexicon();
}
