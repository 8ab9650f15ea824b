/*
** dates.h - the Dutch date engine: finds and resolves temporal expressions.
**
** The engine scans a UTF-8 text once, left to right: a tokenizer turns it
** into words, numbers and punctuation (looking every word up once in the
** date lexicons), and a set of matchers, each looking at most a few tokens
** ahead, recognises date, time, duration and set expressions. Values are
** ISO 8601 / TIMEX3 strings at the expression's own granularity, resolved
** against a reference date (the article's date) and, for weekdays, months,
** seasons and holidays without a year, the tense of their clause.
** Time and memory are linear in the text (a fixed window of tokens).
*/
#ifndef KR_DATES_H
#define KR_DATES_H

#include "kr.h"
#include "lexicon.h"

/* One word of the date lexicons, with what every lexicon says of it. A
** token of the text points at the entry of its word (or at an empty entry,
** date_key_none in date_scan.h) and reads the fields by name. */
typedef struct kr_date_key {
  const char *key;          /* the lower-case word (a lexicon cell, or the
                            ** lexicon's own text for a compound) */
  uint64_t k8;              /* its first 8 bytes, zero-padded: one compare
                            ** decides a short word */
  uint32_t dwc;             /* its classes in date_words (bit per class) */
  int16_t mon, wd, nw, hol, dw;   /* first row in each lexicon, or -1 */
  uint8_t ndw;              /* rows of date_words from dw on (one per class) */
  int8_t dpart;             /* a compound ending in a part of the day
                            ** (dinsdagavond): the part, else -1 */
  uint8_t tcls;             /* its class in tense_words (0: none) */
  int32_t card, ord;        /* its value as a cardinal / ordinal number, or -1 */
  uint8_t reach;            /* where it can start an expression: see
                            ** KR_REACH_NEVER in date_scan.h */
  uint16_t tflags;          /* token flags it sets (F_CAND, F_HPRE, F_DATEW) */
  uint8_t n;                /* key length */
  uint8_t hpre;             /* it starts a holiday phrase ("goede vrijdag") */
  uint8_t hword;            /* it is a word of a holiday phrase of several
                            ** words: a phrase goes on only over such words */
} kr_date_key;

#define KR_DATE_SLOT_BITS 13
#define KR_DATE_SLOTS (1 << KR_DATE_SLOT_BITS)   /* hash slots */
#define KR_DATE_KEYS  2047   /* distinct words (the lexicons have ~700, and
                             ** the compounds of a weekday or deictic word
                             ** with a part of the day ~300 more); at most
                             ** 2047, since a slot holds the entry + 1 in 11
                             ** bits */
#define KR_DATE_CBUF  8192   /* bytes for the text of those compounds */
#define KR_DATE_WROWS 1024   /* rows of date_words.tsv */
#define KR_DATE_MROWS 128    /* rows of months.tsv and of weekdays.tsv */
#define KR_WD_FULL   1       /* forms of weekdays.tsv, column 2 */
#define KR_WD_ABBR   2
#define KR_WD_PLURAL 3

/* The lexicons the engine uses, indexed into a hash table of every word.
** It is built once per database connection (kr_date_lex_new) and then only
** read, by any number of calls: a word of the text costs one hash, computed
** while the tokenizer lower-cases it, and, for the few words that are in a
** lexicon, one compare. The compounds of a weekday or deictic word with a
** part of the day (dinsdagavond, gisternacht) are entries of their own,
** made when the index is built, so the tokenizer never splits a word. */
typedef struct kr_date_lex {
  const kr_lexicon *months, *weekdays, *numbers, *holidays, *words, *tense;
  uint16_t slot[KR_DATE_SLOTS];   /* 0 empty, else fingerprint << 11 | key + 1 */
  kr_date_key key[KR_DATE_KEYS];
  int nkey;
  int max_reach;            /* the longest reach of a token that leads an
                            ** expression (see KR_REACH_NEVER) */
  uint32_t pflags[128];     /* the token flags of each ASCII sign, worked
                            ** out once (punct_flags in dates.c) */
  uint32_t gflags[64];      /* the same for U+2000..U+203F (quote marks,
                            ** dashes) */
  int ncbuf;                /* bytes used in cbuf */
  char cbuf[KR_DATE_CBUF];  /* the text of the compound entries */
  uint8_t wclass[KR_DATE_WROWS];  /* class (C_*) of each row of `words` */
  uint8_t mon_num[KR_DATE_MROWS];  /* each row of `months`: the month 1..12 */
  uint8_t mon_abbr[KR_DATE_MROWS]; /* 1: an abbreviation (feb) */
  uint8_t wd_num[KR_DATE_MROWS];   /* each row of `weekdays`: 1 Monday .. 7 */
  uint8_t wd_form[KR_DATE_MROWS];  /* its form: KR_WD_FULL, _ABBR, _PLURAL */
  int16_t wval[KR_DATE_WROWS];    /* its value column read as a number */
} kr_date_lex;

/* Index the lexicons into *lx. Returns KR_OK, or KR_NOMEM when one is
** missing or too large for the table. */
int kr_date_lex_init(kr_date_lex *lx);

/* A new index in memory from kr_malloc, or NULL when that fails (or a
** lexicon is missing). Free it with kr_date_lex_free. */
kr_date_lex *kr_date_lex_new(void);
void kr_date_lex_free(kr_date_lex *lx);

/* A reference moment: a day, with or without a clock time. */
typedef struct kr_dref {
  int ok;                   /* 0: no reference */
  int y, m, d;
  int has_time, hh, mi;
} kr_dref;

/* Parse a reference: 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM[:SS]',
** 'YYYY-MM-DDTHH:MM[:SS]', or a Dutch expression of a day ('15 februari
** 2022'). Returns 1 and fills *ref, or 0 when the text is not a valid
** reference. */
int kr_dref_parse(const kr_date_lex *lx, const char *z, int64_t n, kr_dref *ref);

#define KR_DATE_DATE     0
#define KR_DATE_TIME     1
#define KR_DATE_DURATION 2
#define KR_DATE_SET      3

/* One temporal expression found in a text. */
typedef struct kr_date {
  int64_t b0, b1;           /* byte span */
  int64_t c0, c1;           /* the same span in characters, 0-based, counted
                            ** the SQLite way (see kr_text) */
  int type;                 /* KR_DATE_* */
  char value[32];           /* TIMEX3 value; "" = NULL (unresolved) */
  char first[16], last[16]; /* bounding days YYYY-MM-DD; "" = NULL */
  char point[32];           /* a duration counted from the reference
                            ** ("binnen twee weken"): the date it reaches;
                            ** "" otherwise */
  int weak;                 /* only a date when it is the whole text */
} kr_date;

/* Called for every expression in text order; return nonzero to stop. */
typedef int (*kr_date_cb)(void *arg, const kr_date *d);

/* Scan z[0..n) and report every temporal expression to cb. The text of an
** embedded post ("— Naam (@handle) 15 februari 2022") is resolved against
** the post's date. Returns KR_OK (also when cb stopped the scan). Never
** allocates. */
int kr_dates_scan(const kr_date_lex *lx, const char *z, int64_t n,
                  const kr_dref *ref, kr_date_cb cb, void *arg);

/* The same as kr_dates_scan, with a larger window from kr_malloc (fewer
** moves of the context tokens on a long text; the results are the same):
** what extract_dates uses. Returns KR_OK (also when cb stopped the scan),
** or KR_NOMEM when the window cannot be allocated (then cb was not called). */
int kr_dates_each(const kr_date_lex *lx, const char *z, int64_t n,
                  const kr_dref *ref, kr_date_cb cb, void *arg);

/* The value of the first date expression in z[0..n) as parse_dutch_date()
** gives it: copied into out (32 bytes). Returns 1 when there is a value,
** 0 when there is none (no expression, or it cannot be resolved). */
int kr_date_parse(const kr_date_lex *lx, const char *z, int64_t n,
                  const kr_dref *ref, char *out);

/* The dates of a text as a growable array (extract_dates). */
typedef struct kr_dates {
  kr_date *a;
  int64_t n, cap;
} kr_dates;

/* Append every expression of z[0..n) to out. Returns KR_OK or KR_NOMEM. */
int kr_dates_extract(const kr_date_lex *lx, const char *z, int64_t n,
                     const kr_dref *ref, kr_dates *out);
void kr_dates_free(kr_dates *d);

/* Calendar helpers, exported for the unit tests. */
int64_t kr_days_from_civil(int y, int m, int d);
void kr_civil_from_days(int64_t z, int *y, int *m, int *d);
void kr_easter(int y, int *m, int *d);

#endif
