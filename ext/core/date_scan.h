/*
** date_scan.h - the scanner state of the date engine, shared by dates.c
** (tokenizer, scan loop), date_match.c (matchers) and date_tense.c.
*/
#ifndef KR_DATE_SCAN_H
#define KR_DATE_SCAN_H

#include "date_int.h"
#include "text.h"
#include <stddef.h>
#include <string.h>

/* A small helper that every matcher calls many times: always inlined. */
#ifdef __GNUC__
#define KR_HOT static inline __attribute__((always_inline))
#else
#define KR_HOT static inline
#endif

/* A function off the hot path: never inlined into it, so that the hot loop
** keeps its variables in registers. */
#ifdef __GNUC__
#define KR_COLD static __attribute__((noinline))
#else
#define KR_COLD static
#endif

#define WIN  256   /* tokens in the window on the stack (kr_dates_scan) */
#define WIN_BIG 2048   /* in the window kr_dates_extract allocates: fewer
                     ** moves of the context tokens on long texts */
#define LOOK 24    /* the most tokens a matcher looks ahead */
#define BACK 64    /* tokens kept before the scan position, as context */
#define TENSE_AHEAD (LOOK * 4)   /* the most tokens date_tense looks past an
                     ** expression for the end of its sentence */
/* Tokens the window holds after the scan position (unless the text ends
** there): an expression (LOOK), the tense look-ahead after it and the one
** token after that which the tense tests peek at. So no result depends on
** where a window boundary falls. */
#define WIN_AHEAD (LOOK + TENSE_AHEAD + 2)

/* Classes of date_words.tsv (the order of class_name in dates.c). */
enum {
  C_DEICTIC, C_MOD, C_UNIT, C_DIR, C_AHEAD, C_PART, C_DAYPART, C_SEASON,
  C_VAGUE, C_VAGUEUNIT, C_EVERY, C_OFTEN, C_PREP, C_CONN, C_DECADE, C_BC,
  C_NOW, C_FLEMISH, C_CLOCK, C_FEW, C_FRAC, C_YHALF, C_ART, C_CLOCKPREP,
  C_DIRPREP, C_MEASURE, C_TIMES, C_QLETTER, C_VERBPREP, C_NCLASS
};

/* Classes of words that only join or bound an expression: they start none
** (but a Flemish word is visited: it marks the text as Flemish). */
#define JOIN_ONLY ((1u << C_PREP) | (1u << C_CLOCKPREP) | (1u << C_CONN) | (1u << C_DIRPREP) \
                   | (1u << C_MEASURE) | (1u << C_TIMES) | (1u << C_BC) | (1u << C_VERBPREP))

enum { K_WORD = 1, K_NUM, K_PUNCT, K_TIME };

/* Classes of tense_words.tsv (tense_name in dates.c). */
#define TW_NONE 0
#define TW_PAST 1
#define TW_FUT  2
#define TW_PERF 3
#define TW_NOTVERB 4
#define TW_CONJ 5
#define TW_PREFIX 6
#define TW_SUB 7
#define TW_SUBJ 8
#define TW_REPORT 9
#define TW_HABIT 10
#define TW_PRES 11
#define TW_PASS 12

#define F_SP    1    /* white space before the token */
#define F_NL    2    /* first token of a line */
#define F_CAP   4    /* word starts with a capital */
#define F_UPPER 8    /* word is all capitals */
#define F_ORD   16   /* number with an ordinal suffix (3e, 1ste) */
#define F_HPRE  32   /* word that starts a holiday phrase (goede vrijdag) */
#define F_CAND  64   /* token that can start an expression (the scan loop
                     ** tries the matchers at these only) */
#define F_ASCII 128  /* word of ASCII letters only: its lower case is its
                     ** bytes with bit 0x20 set */
#define F_SENT  256  /* first token of a sentence, as date_tense sees it:
                     ** the first of a line, or after . ! ? and a space, a
                     ** capital or an opening quote mark or bracket */
#define F_CLAUSE 512 /* punctuation that ends a clause: , ; : ( ) - and
                     ** quote marks */
#define F_DATEW 1024 /* a number, or a word that names a day, month or
                     ** holiday, or a deictic word or modifier: the tense
                     ** rules see a conjunction between two of them as
                     ** joining them (date_tense.c) */
#define F_ANCHOR 2048 /* a candidate of reach 0 (see below): it anchors an
                     ** expression; a leading word is tried only with one
                     ** of these near it */

/* The reach of a token that can start an expression (F_CAND): 0 when it
** anchors one itself (a number, a month, a unit ...); N when it only leads
** one (de, een, vorige, begin, over ...) and so starts an expression only
** when an anchor follows within N tokens; KR_REACH_NEVER when it starts
** none in running text (later, nu). The scan loop tries the matchers at a
** leading token only when an anchor is that near, which spares most of the
** attempts at the commonest words; every expression a matcher accepts
** holds an anchor within the reach of its first token. */
#define KR_REACH_NEVER 255

/* A token: kept small, since the tokenizer writes one for every word and
** sign of the text. What the lexicons say of a word is read through e,
** and the lower-case form of a word is made only when a matcher asks for
** it (tok_lc). */
typedef struct tok {
  int64_t b0, b1;       /* byte span */
  int64_t c0;           /* b0 in characters, counted the SQLite way */
  const kr_date_key *e; /* the entry of its word (date_key_none for a word
                        ** in no lexicon, a number or punctuation) */
  int32_t num;          /* K_NUM: value (saturated); K_TIME: hour */
  uint32_t ch;          /* K_PUNCT: the code point */
  int32_t para;         /* paragraph (line) number */
  int16_t mi;           /* K_TIME: minutes */
  uint16_t flags;
  uint8_t kind, nd;     /* nd: digits of a number */
  uint8_t nlc;          /* bytes of the word in lower case (0: too long
                        ** for a date word, over 28) */
  uint8_t reach;        /* see KR_REACH_NEVER */
  uint8_t tcls;         /* e->tcls, at hand for the walks of date_tense.c */
  uint8_t mark;         /* the tense marker it is, once date_tense.c has
                        ** looked (0: not yet) */
} tok;

/* The entry of a token that is no word of the lexicons. */
extern const kr_date_key date_key_none;

/* One expression found by a matcher: tokens [i0, i1). */
typedef struct hit {
  int i0, i1;
  dval v;
  int noyear;           /* a day or month whose year was inferred */
  int year_given;       /* the year was written */
  int weak;             /* a date only when it is the whole text */
} hit;

typedef struct scan {
  const kr_date_lex *lx;
  const unsigned char *z;
  int64_t n, pos;
  int64_t start;        /* where the scan began (a line start) */
  int64_t xb;           /* bytes minus characters before pos (multi-byte
                        ** characters), for the character offsets */
  int prev_end;         /* the last token read was . ! or ? (F_SENT) */
  kr_dref ref;
  int64_t rday;         /* the reference day */
  kr_date_cb cb;
  void *arg;
  int stop, eof, weak_ok;
  int nt, base;         /* tokens in the window; index of t[0] in the text */
  int32_t para;
  int flemish;          /* the text used a Flemish word */
  int64_t anchor;       /* the last day named, for clock times */
  int32_t anchor_para;
  int has_anchor;
  int has_pend, pend_noyear;
  kr_date pend;         /* the last hit, held back to borrow a year */
  dval pendv;
  int win;             /* capacity of t */
  tok *t;               /* the window of tokens */
} scan;

/* dates.c */
/* Column col of the row of class cls (C_*) of a date word, "" if none;
** date_word_num: its value column as a number (0 if none). */
const char *date_word_val(const scan *s, const tok *t, int cls, int col);
int date_word_num(const scan *s, const tok *t, int cls);
int date_atoi(const char *z);
int date_dpart_index(const char *code);
const kr_date_key *date_key(const kr_date_lex *lx, const char *z, int n);
/* The word of token t in lower case, copied into buf (32 bytes); returns
** its length, t->nlc (0 for a word over 28 bytes, and for a non-word). */
int tok_lc(const scan *s, const tok *t, char *buf);
/* Is token t the word w[0..n) (lower case)? A word of the lexicons is its
** entry's key; another word of ASCII letters is compared byte by byte. */
static inline int tok_is(const scan *s, const tok *t, const char *w, int n){
  char buf[32];
  int k;
  if( t->kind != K_WORD || t->nlc != n ) return 0;
  if( t->e != &date_key_none ) return memcmp(t->e->key, w, (size_t)n) == 0;
  if( t->flags & F_ASCII ){
    for(k = 0; k < n; k++) if( (s->z[t->b0 + k] | 0x20) != (unsigned char)w[k] ) return 0;
    return 1;
  }
  tok_lc(s, t, buf);
  return memcmp(buf, w, (size_t)n) == 0;
}
void date_emit(scan *s, const hit *h);
int date_whole_text(const scan *s, int i0, int i1);

/* date_match.c: try every matcher at token i; returns the token after the
** expression found, or i when there is none. */
int date_match_at(scan *s, int i);
/* Are byte offset b and token i joined by a range connector only? */
int date_joined(const scan *s, int64_t b, int i);
/* Is byte offset b followed by token i with only "op" or a comma between
** ("om 20.00 uur op zaterdag 5 maart")? */
int date_time_joined(const scan *s, int64_t b, int i);

/* date_tense.c: is token k a verb form, that no counted noun can be: a
** word of tense_words of a verb class, a present-tense verb in -t or a
** past participle in ge-...-d/-t ("voor 2030 geregeld")? */
int date_verb_at(scan *s, int k);
/* date_tense.c: the tense around tokens [i0, i1): -1 past, 1 future,
** 0 present or unknown. */
int date_tense(scan *s, int i0, int i1);
/* The same, from the clause of [i0, i1) alone (no fall-back to the rest
** of the sentence). */
int date_clause_tense(scan *s, int i0, int i1);
/* The same as date_tense, but the passive auxiliary (wordt, worden) marks
** no future: for a part of the day in the genitive, which with it is
** generic ("'s nachts wordt hier hard gereden"). */
int date_active_tense(scan *s, int i0, int i1);
/* Is the clause of [i0, i1) habitual ("vroeger", "meestal")? Its clock
** times and holidays name no definite day (GUIDELINES) and go unreported. */
int date_habitual(scan *s, int i0, int i1);
/* Does a present-tense verb other than a reporting verb stand right
** before [i0, i1) ("de raad stemt maandag", "de raad beslist in december")
** or right after it at the start of its clause ("Maandag stemt de raad",
** "In november opent de bibliotheek", "Zaterdag spelen we")? In news
** such a date is one to come (an announcement). */
int date_present(scan *s, int i0, int i1);
/* Has the clause of [i0, i1) no past or future marker but a finite
** present-tense verb other than a reporting verb ("... en moet tegen Pasen
** klaar zijn")? Its tense is the present even when the sentence around it
** speaks of the past. */
int date_clause_present(scan *s, int i0, int i1);

#endif
