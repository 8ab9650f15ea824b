/*
** quotes.h - quotes and their speakers in a Dutch news article.
**
** One analysis of an article (kr_qa_run) finds every quote (direct, indirect,
** mixed, embedded post) and resolves its source to an entity. extract_quotes
** prints the quotes, extract_speakers the entities that have a quote: both
** read the same kr_qa result, so names agree and the work is done once.
**
** All offsets are byte offsets into the text; strings built by the analysis
** (canonical names, roles, cues) live in its arena and are referred to by a
** kr_str. Linear time in the length of the text; memory proportional to it
** (about 12 bytes a byte of news text, most of it the tokens).
*/
#ifndef KR_QUOTES_H
#define KR_QUOTES_H

#include "kr.h"
#include "text.h"

/* A string in the analysis arena; off < 0 means "none" (SQL NULL). */
typedef struct kr_str {
  int64_t off, n;
} kr_str;

#define KR_QK_DIRECT   0
#define KR_QK_INDIRECT 1
#define KR_QK_MIXED    2
#define KR_QK_EMBED    3

extern const char *const kr_quote_kind_name[4];

typedef struct kr_quote {
  int64_t b0, b1;     /* the quote span */
  int kind;           /* KR_QK_* */
  int entity;         /* index into kr_qa.ent, or -1 when the source is unknown */
  int64_t m0, m1;     /* the mention at the quote; m0 < 0 when none */
  kr_str cue;         /* lower-case cue ("zegt", "laat weten", ":"), or none */
  double confidence;  /* 0..1 */
  int32_t paragraph;  /* 1-based */
} kr_quote;

#define KR_EK_PERSON 0
#define KR_EK_ORG    1
#define KR_EK_ANON   2

extern const char *const kr_entity_kind_name[3];

typedef struct kr_entity {
  int kind;                 /* KR_EK_* */
  int gender;               /* 'm', 'f' or 0 */
  kr_str name;              /* canonical name */
  kr_str role, org;         /* or none */
  kr_str given, particle, surname, sort_name;  /* persons only, else none */
  int64_t nquotes, nwords, nmentions;
  int64_t f0, f1;           /* first mention, bytes */
  kr_str aliases;           /* JSON array text of the other surface forms */
} kr_entity;

typedef struct kr_qa {
  kr_quote *q;
  int64_t nq, capq;
  kr_entity *ent;
  int64_t nent, capent;
  char *arena;
  int64_t narena, caparena;
  void *priv;               /* working state, freed by kr_qa_free */
} kr_qa;

/* Analyse t (already set up with kr_text_init). Fills a->q (in text order)
** and a->ent. Returns KR_OK, KR_NOMEM or, for a text of 2 GiB or more
** (more than SQLite ever passes), KR_TOOBIG; then a holds no rows. */
int kr_qa_run(const kr_text *t, kr_qa *a);

/* A cache of word classifications (the lexicon flags of a lower-cased word
** form) that a caller analysing many articles keeps between calls, so that
** the words every article uses are looked up once, not once per article.
** Fixed size (about 200 KB, allocated on first use), so memory stays
** flat; the results of the analysis do not depend on it. One cache must
** not be used by two analyses at the same time (keep one per connection). */
typedef struct kr_qa_cache kr_qa_cache;
kr_qa_cache *kr_qa_cache_new(void);            /* NULL when out of memory */
void kr_qa_cache_free(kr_qa_cache *c);
/* kr_qa_run() with a cache (c may be NULL). */
int kr_qa_run_cached(const kr_text *t, kr_qa *a, kr_qa_cache *c);
void kr_qa_free(kr_qa *a);

/* Pointer to the bytes of a kr_str (NULL when none). */
const char *kr_qa_str(const kr_qa *a, kr_str s);

#endif
