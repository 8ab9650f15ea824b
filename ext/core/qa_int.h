/*
** qa_int.h - internal state of the quote analysis, shared by quotes.c
** (tokens, quote marks, cues) and speakers.c (noun phrases, entities).
** Not part of the public API.
*/
#ifndef KR_QA_INT_H
#define KR_QA_INT_H

#include "quotes.h"
#include "lexicon.h"
#include <string.h>

/* Token flags */
#define T_WORD    0x0001
#define T_CAP     0x0002   /* first letter upper case */
#define T_ALLCAP  0x0004   /* two or more letters, all upper case */
#define T_MARK    0x0008   /* quote mark */
#define T_PUNCT   0x0010
#define T_INITIAL 0x0020   /* "J." */
#define T_SSTART  0x0040   /* first token of a sentence */
#define T_PSTART  0x0080   /* first token of a paragraph */
#define T_DIGIT   0x0100   /* starts with a digit */
#define T_USED    0x0200   /* consumed by an attribution */
#define T_SIG     0x0400   /* signature line of an embedded post */
#define T_LOWER   0x0800   /* first letter lower case */
#define T_SURNAME 0x1000   /* a capitalised particle opening a sentence that
                           ** starts a surname written before ("De Schrijver") */
#define T_DASHQ   0x4000   /* inside dash-led speech */

/* Mark flags */
#define M_OPEN    1
#define M_CLOSE   2
#define M_SINGLE  4
#define M_DOUBLE  8
#define M_APOS    16       /* may be an apostrophe (possessive "Timmermans’") */

/* Lexicon flags of a word (computed lazily) */
#define L_DONE   (1u << 0)
#define L_CUE    (1u << 1)
#define L_ROLE   (1u << 2)
#define L_ORG    (1u << 3)
#define L_ANON   (1u << 4)
#define L_NAT    (1u << 5)
#define L_HON    (1u << 6)
#define L_PART   (1u << 7)   /* name particle */
#define L_PRON   (1u << 8)
#define L_DET    (1u << 9)
#define L_PREP   (1u << 10)
#define L_CONJ   (1u << 11)
#define L_ADV    (1u << 12)
#define L_TIME   (1u << 13)
#define L_AUX    (1u << 14)
#define L_NEG    (1u << 15)
#define L_VERB   (1u << 16)
#define L_GIVEN  (1u << 17)
#define L_AGE    (1u << 18)   /* "45-jarige" */
#define L_FUNC   (L_DET|L_PREP|L_CONJ|L_ADV|L_TIME|L_AUX|L_NEG|L_VERB)
#define L_PLACE  (1u << 19)   /* organisations.tsv type place */
#define L_PARTY  (1u << 20)   /* organisations.tsv named organisation */
#define L_OFHEAD (1u << 21)   /* organisations.tsv column of: "Port of ..." */
#define L_RADJ   (1u << 22)   /* role_adjectives.tsv: "technisch (directeur)" */
#define L_PPREP  (1u << 23)   /* particles.tsv position prep: "op", "in" (with L_PART) */
#define L_POBJ   (1u << 24)   /* pronouns.tsv case obj: "hem", "haar" (with L_PRON) */
#define L_DEMONYM (1u << 25)  /* roles.tsv kind demonym, also after a hyphen: "Belg", "West-Vlaming" */

/* A token. Offsets and indexes are 32-bit (kr_qa_run refuses a text of
** 2 GiB or more, which SQLite never passes) so that a token takes 32
** bytes: the token array is most of the memory of the analysis. The
** lexicon flags and the length of the lower-cased form of its word type
** are copied into the token (tok_typed(), as the tokenizer types it):
** the analysis asks for them at nearly every step, and the token is at
** hand where its type, one of thousands, mostly is not in the cache. */
typedef struct qa_tok {
  int32_t b0, b1;     /* bytes */
  int32_t para;       /* 0-based paragraph */
  int32_t span;       /* top-level quote span holding the token, -1 none */
  int32_t type;       /* word type (qa_state.ty); 0 for punctuation and marks */
  uint32_t lex;       /* the L_* flags of the type */
  int16_t lwn;        /* qa_type.lwn of the type */
  uint16_t flags;     /* T_* */
  uint8_t mark;       /* M_* for T_MARK tokens */
  uint8_t nw;         /* speakers.c: name_word() + 1 once computed, else 0 */
} qa_tok;
_Static_assert(sizeof(qa_tok) == 32, "a token is 32 bytes: two to a cache line");

/* A word type: the words of an article with the same lower-cased form and
** the same capitalisation class (T_CAP, T_LOWER) share one, so that their
** lexicon flags are computed once. A word without a stored form (longer
** than TYPE_MAXLEN bytes) has a type of its own. Type 0 is shared by every
** token that is not a word. */
typedef struct qa_type {
  /* first the fields every look-up of a type reads; a type is 32 bytes and
  ** the array starts at a cache line (grow_aligned()), so a type is read
  ** from one line */
  uint64_t w0;        /* the first eight bytes of the stored form, zero-padded
                      ** (the whole form of most words: the look-up compares
                      ** it here, without reading qa_state.lw), else 0 */
  uint32_t lex;       /* L_* once L_DONE is set */
  uint16_t ep;        /* the analysis that last met the type (qa_state.epoch): a
                      ** type kept from an earlier one is new to this one */
  int8_t lwn;         /* length of the lower-cased form, -1 when not stored */
  uint8_t cls;        /* the capitalisation class of its tokens (type_cls()) */
  /* the rest */
  uint32_t lw;        /* offset of the lower-cased form in qa_state.lw */
  int32_t tok;        /* first token of the type */
  int16_t cue;        /* first row in cues.tsv, -1 none (valid with L_DONE) */
  uint16_t cuecls;    /* CC_* classes of the cue rows of the word (valid with L_DONE) */
  int8_t gender;      /* from roles/honorifics/given names/pronouns: 'm','f',0 (valid with L_DONE) */
  uint8_t iscue;      /* is the form in cues.tsv: 0 not looked up, CUE_NO, CUE_YES,
                      ** or CUE_NONE (a stored form that is not there at all) */
} qa_type;
_Static_assert(sizeof(qa_type) == 32, "a word type is 32 bytes: two to a cache line");

#define CUE_NO   1
#define CUE_YES  2
#define CUE_NONE 3   /* as CUE_NO, and true of every token of the form: kept
                     ** by a type from one article to the next */

/* Cue classes (column 2 of cues.tsv) as bits, so that hot paths test a
** bit instead of comparing strings. */
#define CC_SAY       (1u << 0)
#define CC_THINK     (1u << 1)
#define CC_MARK      (1u << 2)
#define CC_PART      (1u << 3)
#define CC_THINKPART (1u << 4)
#define CC_SEP       (1u << 5)
#define CC_ACCORDING (1u << 6)
#define CC_AFTER     (1u << 7)
#define CC_KLINKT    (1u << 8)
#define CC_OTHER     (1u << 9)
#define CC_DAT       (1u << 10)  /* a stance verb that counts only with a dat-clause */

/* A pair of quote marks (or an open mark ended by its paragraph). */
typedef struct qa_span {
  int64_t o, c;       /* token of the open / close mark; c = -1 when unclosed */
  int64_t b0, b1;     /* content bytes (inside the marks) */
  int64_t last;       /* last token inside */
  int depth;          /* 0 = outermost */
  int state;          /* S_* */
} qa_span;

#define S_NONE    0     /* not (yet) a quote */
#define S_DIRECT  1     /* a direct quote */
#define S_PART    2     /* part of a mixed or indirect quote */
#define S_SKIP    3     /* headline, caption, title: never a quote */

/* A noun phrase that may name a source. Token ranges are [a, b). */
typedef struct qa_np {
  int32_t a, b;       /* the whole mention (without brackets/apposition) */
  int32_t pron;       /* pronoun token, or -1 */
  int32_t det;        /* determiner token, or -1 */
  int32_t n0, n1;     /* the name, or n0 = n1 = -1 */
  int32_t r0, r1;     /* role words before the name (or head role), or -1 */
  int32_t v0, v1;     /* "van ..." complement, or -1 */
  int32_t br0, br1;   /* bracket content after the mention, or -1 */
  int32_t ap0, ap1;   /* apposition between commas after the name, or -1 */
  int32_t head;       /* lower-case head noun of an unnamed source, or -1 */
  int hon_gender;     /* gender from an honorific / gendered role, or 0 */
} qa_np;

/* End (exclusive) of a phrase with its bracket ("Jan Smit (VVD)"). */
static inline int64_t qa_np_end(const qa_np *np) {
  return np->br1 >= 0 && np->br1 + 1 > np->b ? np->br1 + 1 : np->b;
}

/* End (exclusive) of everything a phrase covers, bracket and apposition
** included ("Jan Smit, wethouder van Zwolle,"). */
static inline int64_t qa_np_reach(const qa_np *np) {
  int64_t r = qa_np_end(np);
  return np->ap1 >= 0 && np->ap1 + 1 > r ? np->ap1 + 1 : r;
}

/* A quote found by the detector, before speaker resolution. */
typedef struct qa_q {
  int64_t b0, b1;
  int kind;
  int64_t ma, mb;     /* mention tokens [ma, mb), ma = -1 when none */
  int64_t inherit;    /* index of the qa_q whose speaker this one takes, -1 */
  int64_t c1a, c1b, c2a, c2b, c0;   /* cue tokens: aux c0, main [c1a,c1b), particle [c2a,c2b) */
  int colon;          /* cue is ':' */
  int nested;         /* inside another direct quote */
  double conf;
  int32_t para;
  int entity;
  int64_t emb_name0, emb_name1; /* embed: display name bytes */
  int64_t emb_m1;     /* embed: end of "(@handle)" */
} qa_q;

typedef struct qa_ent_priv qa_ent_priv;


/* The lexicons the analysis reads (slx: those of the sentence test).
** kr_lexicon_get() finds a lexicon by comparing names: with a cache they
** are looked up once, not for every article. */
typedef struct qa_lexset {
  const kr_lexicon *cues, *roles, *org, *anon, *nat, *hon, *part, *pron, *func, *given, *captions, *radj;
  kr_seg_lex slx;
  int letterless;       /* some key of them has no letter: a word without
                        ** one ("1.200", "14.30") may be in a lexicon */
} qa_lexset;

typedef struct qa_state {
  const kr_text *t;
  kr_qa *out;
  qa_tok *tok;          /* aligned to a cache line in tok_mem (tok_grow()) */
  void *tok_mem;
  int64_t ntok, captok;
  qa_span *sp;
  int64_t nsp, capsp;
  qa_q *qq;
  int64_t nqq, capqq;
  int64_t *para_tok;    /* first token of each paragraph, npara+1 entries */
  uint8_t *para_flag;   /* P_* */
  int64_t cappt, cappf, capst;   /* allocated entries of para_tok, para_flag, sent_tok */
  int64_t npara;
  int64_t *sent_tok;    /* first token of each sentence, nsent+1 entries */
  int64_t nsent;
  qa_type *ty;          /* word types, aligned as tok in ty_mem (ty_grow()) */
  void *ty_mem;
  int64_t nty, capty;
  uint16_t epoch;       /* the number of this analysis (qa_type.ep) */
  int32_t *tyslot;      /* hash table of the types with a stored form, -1 = empty */
  int64_t ntyslot;      /* a power of two */
  /* the tokenizer splits paragraphs and sentences as it goes (as
  ** kr_segment() would: a paragraph is a line, trimmed; a sentence ends
  ** where kr_sentence_break() says) */
  int64_t lend;         /* the byte that ends the line of the last token ('\n' or the end) */
  int64_t pend;         /* the end of its paragraph (the line trimmed) */
  int64_t s0;           /* the first byte of its sentence */
  int64_t sresume;      /* a terminal before this byte ends no sentence */
  int64_t snext;        /* the first byte of the next sentence, INT64_MAX when unknown */
  int64_t segend;       /* the smaller of lend and snext: a token there starts a segment */
  int32_t tpara;        /* the paragraph index of the last token */
  int64_t *mk;          /* the tokens that are quote marks (T_MARK), in text order */
  int64_t nmk, capmk;
  int64_t *cw;          /* the word tokens with a capital (T_CAP), in text order */
  int64_t ncw, capcw;
  int64_t *cue;         /* the word tokens whose form is a cue (L_CUE), in text order */
  int64_t ncue, capcue;
  int handles;          /* a word starts with '@' (an embedded post may be signed) */
  int rc;
  int64_t resume;       /* reported speech: token where a sentence's scan goes on, or -1 */
  qa_lexset lx;         /* the lexicons */
  qa_ent_priv *ep;      /* entity working state (speakers.c) */
  kr_qa_cache *cache;   /* word classifications kept across calls, or NULL */
  char *lw;             /* lower-cased word forms (qa_type.lw) */
  int64_t lwused, lwcap;
} qa_state;

#define P_HEAD     1    /* headline, subhead, time stamp: no quotes */
#define P_CAPTION  2    /* photo caption */
#define P_QUESTION 4    /* interviewer's question (ends in '?', no marks) */
#define P_EMBED    8    /* holds an embedded post */
#define P_BYLINE  16    /* the author's byline ("Door Jan Jansen") */

/* quotes.c */
int qa_find(const kr_lexicon *lx, const char *w, size_t n);
int qa_key_is(const kr_lexicon *lx, int r, const char *w, size_t n);
int qa_lookup(const qa_state *s, const kr_lexicon *lx, const char *w, size_t n);
int qa_is_cue_slow(qa_state *s, int64_t i);
int qa_word_is_slow(const qa_state *s, int64_t i, const char *w, size_t n);
int qa_lower(const qa_state *s, int64_t i, char *buf, int cap);
int qa_cue_class(const qa_state *s, int row, const char *cls);
int64_t qa_arena_add(kr_qa *a, const char *z, int64_t n);

/* speakers.c */
int qa_np_forward(qa_state *s, int64_t i, int64_t lim, qa_np *np);
int qa_np_backward(qa_state *s, int64_t j, int64_t lim, qa_np *np);
int qa_np_plausible(qa_state *s, const qa_np *np, int allow_pron);
int qa_resolve(qa_state *s);      /* resolves s->qq, fills s->out */
void qa_ent_free(qa_state *s);
/* The entity working state of an analysis is kept by the cache for the
** next one: qa_ent_give() returns it (or frees it when it grew too big;
** p may be NULL); qa_ent_release() frees a kept one. */
void qa_ent_give(qa_ent_priv **keep, qa_ent_priv *p);
void qa_ent_release(qa_ent_priv *p);
int qa_org_epithet(const qa_state *s, int64_t k);

/* The hot predicates, inline: the common case is a flag already computed
** (lexicon flags, cue flag) or a stored lower-cased form compared with a
** constant word (strlen and memcmp of a literal fold at compile time). */

/* Is i the index of a token (0 <= i < ntok)? One unsigned comparison, as
** ntok is never negative: these tests run millions of times. */
static inline int tok_ok(const qa_state *s, int64_t i) { return (uint64_t)i < (uint64_t)s->ntok; }

/* The word type of token i. */
static inline qa_type *qa_ty(const qa_state *s, int64_t i) { return &s->ty[s->tok[i].type]; }

/* Lexicon flags (L_*) of token i, computed once per word type. */
static inline uint32_t qa_lex(qa_state *s, int64_t i) { return s->tok[i].lex; }

/* The 0-based sentence of token i (-1 when the text has none). */
static inline int64_t qa_sent_of(const qa_state *s, int64_t i) {
  int64_t lo = 0, hi = s->nsent;   /* the last sentence starting at or before i */
  while (lo < hi) {
    int64_t mid = lo + (hi - lo) / 2;
    if (s->sent_tok[mid] <= i) lo = mid + 1; else hi = mid;
  }
  return lo - 1;
}

/* Gender of the word of token i (after qa_lex). */
static inline int qa_gender(const qa_state *s, int64_t i) { return qa_ty(s, i)->gender; }

/* Is token i a form in cues.tsv? The cheap test used on every word. */
static inline int qa_is_cue(qa_state *s, int64_t i) {
  if (!(s->tok[i].lex & L_CUE)) return 0;   /* (most words: no look at the type) */
  uint8_t c = qa_ty(s, i)->iscue;
  return c ? c == CUE_YES : qa_is_cue_slow(s, i);
}

/* Is token i a word? (Any i.) */
static inline int is_word(const qa_state *s, int64_t i) { return tok_ok(s, i) && (s->tok[i].flags & T_WORD); }

/* Is token i (any i) a role noun (roles.tsv) that is no function word or
** pronoun? */
static inline int qa_is_role_word(qa_state *s, int64_t i) {
  if (!is_word(s, i)) return 0;
  uint32_t l = qa_lex(s, i);
  return (l & L_ROLE) && !(l & (L_FUNC | L_PRON));
}

/* Is token i the punctuation character c (ASCII)? (Any i.) */
static inline int tok_is_char(const qa_state *s, int64_t i, char c) {
  if (!tok_ok(s, i)) return 0;
  const qa_tok *t = &s->tok[i];
  return (t->flags & T_PUNCT) && t->b1 - t->b0 == 1 && s->t->z[t->b0] == (unsigned char)c;
}

/* Does punctuation token i (any i) start with the character whose UTF-8
** is u[0..n)? A punctuation token is one character (or two of ",,"). */
static inline int tok_starts(const qa_state *s, int64_t i, const char *u, int n) {
  if (!tok_ok(s, i) || !(s->tok[i].flags & T_PUNCT)) return 0;
  const qa_tok *t = &s->tok[i];
  return t->b1 - t->b0 >= n && !memcmp(s->t->z + t->b0, u, (size_t)n);
}

/* Is token i a sentence-final mark: . ! ? or … (U+2026)? */
static inline int tok_is_final(const qa_state *s, int64_t i) {
  if (!tok_ok(s, i) || !(s->tok[i].flags & T_PUNCT)) return 0;
  unsigned char c = s->t->z[s->tok[i].b0];
  return c == '.' || c == '!' || c == '?' || (c == 0xE2 && tok_starts(s, i, "\xE2\x80\xA6", 3));
}

/* Is token i a dash: - or an en or em dash (U+2013, U+2014)? */
static inline int tok_is_dash(const qa_state *s, int64_t i) {
  if (!tok_ok(s, i) || !(s->tok[i].flags & T_PUNCT)) return 0;
  unsigned char c = s->t->z[s->tok[i].b0];
  return c == '-' || (c == 0xE2 && (tok_starts(s, i, "\xE2\x80\x93", 3) || tok_starts(s, i, "\xE2\x80\x94", 3)));
}

/* Is token i the word w (lower case)? */
static inline int qa_word_is(const qa_state *s, int64_t i, const char *w) {
  if (!tok_ok(s, i)) return 0;
  const qa_tok *t = &s->tok[i];
  size_t n = strlen(w);
  if (t->lwn >= 0) return (size_t)t->lwn == n && !memcmp(s->lw + s->ty[t->type].lw, w, n);
  /* lower-casing keeps the length of the words compared (qa_word_is_slow) */
  if (s->tok[i].b1 - s->tok[i].b0 != (int64_t)n) return 0;
  return qa_word_is_slow(s, i, w, n);
}

#endif
