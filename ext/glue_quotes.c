/*
** glue_quotes.c - the quotes family: extract_quotes(text),
** extract_speakers(text) and speaker_key(name).
**
**   CREATE TABLE extract_quotes(
**     quote          TEXT,    -- the quoted words (marks excluded) or the reported content
**     kind           TEXT,    -- 'direct', 'indirect', 'mixed' or 'embed'
**     speaker        TEXT,    -- canonical name of the source, NULL when unknown
**     mention        TEXT,    -- the words at the quote naming the source ('Ze', 'de minister')
**     role           TEXT,    -- the speaker's function, or NULL
**     cue            TEXT,    -- 'zegt', 'aldus', 'volgens', 'laat weten', ':' or NULL
**     confidence     REAL,    -- 0..1
**     paragraph      INTEGER, -- 1-based paragraph of the quote's start
**     start          INTEGER, -- 1-based character position: substr(text, start, length)
**     length         INTEGER, -- length in characters
**     byte_start     INTEGER, -- 0-based byte offset
**     byte_end       INTEGER, -- byte offset just past the quote
**     mention_start  INTEGER, -- 1-based character position of the mention, or NULL
**     mention_length INTEGER, -- its length in characters, or NULL
**     text           HIDDEN   -- the argument
**   );
**
**   CREATE TABLE extract_speakers(
**     name         TEXT,    -- canonical name, the same as extract_quotes.speaker
**     kind         TEXT,    -- 'person', 'organisation' or 'anonymous'
**     role         TEXT,    -- function or title, or NULL
**     organisation TEXT,    -- party, company or institution tied to the speaker, or NULL
**     gender       TEXT,    -- 'm', 'f' or NULL
**     quotes       INTEGER, -- number of quotes
**     words        INTEGER, -- words quoted
**     mentions     INTEGER, -- references to the speaker (names, pronouns, role nouns)
**     aliases      TEXT,    -- JSON array of the other forms used
**     first_start  INTEGER, -- 1-based character position of the first mention
**     first_length INTEGER, -- its length in characters
**     given_name   TEXT,    -- persons: given name(s) or initials, else NULL
**     particle     TEXT,    -- persons: 'van der', 'De', else NULL
**     surname      TEXT,    -- persons: the surname without particle
**     sort_name    TEXT,    -- persons: 'Meulen, Pieter van der'; 'De Wever, Bart'
**     text         HIDDEN   -- the argument
**   );
**
** Both read one analysis of the article (ext/core/quotes.c, speakers.c).
*/
#include <string.h>
#include <unicode/utypes.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include "glue.h"
#include "core/quotes.h"

/* What extract_quotes and extract_speakers keep on one connection (a
** connection runs one statement step at a time, so no two analyses use it
** at once): the word cache of the analysis, and the analysis of the last
** text, so that the other function (or the same one again) on the same
** text does not analyse it a second time. The workflow's analysis calls
** both on every article in turn (sql/schema.sql), as does a query asking
** for both. A text is compared byte for byte; texts over MEMO_MAX bytes
** are analysed without being kept. The memory kept is that of one
** article's analysis, until the next text or the connection's end. */
#define MEMO_MAX (1 << 20)
#define BIG_TEXT (64 << 20)

typedef struct qa_conn {
  kr_qa_cache *cache;
  int refs;                 /* the two modules that share it */
  int valid;                /* memo holds the analysis of text[0..n) */
  unsigned char *text;      /* a copy of the last text kept */
  int64_t n, cap;
  kr_text t;                /* the view of text */
  kr_qa a;                  /* its analysis */
} qa_conn;

static void memo_clear(qa_conn *c) {
  if (c->valid) {
    kr_qa_free(&c->a);
    kr_text_free(&c->t);
    c->valid = 0;
  }
}

static void conn_release(void *p) {
  qa_conn *c = p;
  if (--c->refs > 0) return;
  memo_clear(c);
  kr_free(c->text);
  kr_qa_cache_free(c->cache);
  kr_free(c);
}

/* One analysis of argument 0 (analyse() below): its text view u->t and
** analysis u->a; *pz gets NULL for SQL NULL. When u->owned is set they are
** the caller's to free with release() (a text too long to keep);
** otherwise they belong to the qa_conn. */
typedef struct qa_use {
  kr_text tl;               /* a text not kept */
  kr_qa al;
  const kr_text *t;
  const kr_qa *a;
  int owned;
} qa_use;

static int analyse(sqlite3 *db, sqlite3_value *v, qa_conn *c, qa_use *u, const unsigned char **pz) {
  int64_t n;
  int rc = kr_value_text(db, v, pz, &n);
  u->owned = 0;
  if (rc != SQLITE_OK || *pz == 0) return rc;
  if (c->valid && c->n == n && memcmp(c->text, *pz, (size_t)n) == 0) {
    /* the same text again (the view's remembered last position holds for
    ** any later look-up: kr_text_char_at() goes back to a checkpoint) */
    u->t = &c->t;
    u->a = &c->a;
    return SQLITE_OK;
  }
  memo_clear(c);
  kr_text *t = &u->tl;
  kr_qa *a = &u->al;
  const unsigned char *z = *pz;
  if (n <= MEMO_MAX && !kr_grow((void **)&c->text, &c->cap, n + 1, 1)) {
    memcpy(c->text, z, (size_t)n);
    c->n = n;
    z = c->text;
    t = &c->t;
    a = &c->a;
  } else {
    u->owned = 1;
  }
  if (kr_text_init(t, (const char *)z, n)) return SQLITE_NOMEM;
  rc = kr_qa_run_cached(t, a, c->cache);
  if (rc != KR_OK) {
    kr_text_free(t);
    u->owned = 0;
    /* the analysis takes about 12 bytes per byte of text: a text of tens
    ** of MB whose analysis does not fit (or exceeds the largest block
    ** SQLite allocates, 2 GB) is too big, not a passing shortage */
    return rc == KR_TOOBIG || n > BIG_TEXT ? SQLITE_TOOBIG : SQLITE_NOMEM;
  }
  if (!u->owned) c->valid = 1;
  u->t = t;
  u->a = a;
  return SQLITE_OK;
}

static void release(qa_use *u) {
  if (!u->owned) return;
  kr_qa_free(&u->al);
  kr_text_free(&u->tl);
}

static void str_cell(kr_rows *rows, const kr_qa *a, kr_str s) {
  if (s.off < 0) kr_rows_null(rows);
  else kr_rows_text(rows, a->arena + s.off, s.n);
}

static int quotes_fill(sqlite3 *db, void *aux, sqlite3_value **argv, kr_rows *rows, char **pzErr) {
  qa_use u;
  const unsigned char *z;
  (void)pzErr;
  int rc = analyse(db, argv[0], aux, &u, &z);
  if (rc != SQLITE_OK || z == 0) return rc;
  const kr_qa *a = u.a;
  for (int64_t i = 0; i < a->nq && rows->rc == SQLITE_OK; i++) {
    const kr_quote *q = &a->q[i];
    const kr_entity *e = q->entity >= 0 ? &a->ent[q->entity] : NULL;
    kr_rows_text(rows, (const char *)z + q->b0, q->b1 - q->b0);
    kr_rows_cstr(rows, kr_quote_kind_name[q->kind]);
    if (e) str_cell(rows, a, e->name); else kr_rows_null(rows);
    if (q->m0 >= 0) kr_rows_text(rows, (const char *)z + q->m0, q->m1 - q->m0); else kr_rows_null(rows);
    if (e) str_cell(rows, a, e->role); else kr_rows_null(rows);
    str_cell(rows, a, q->cue);
    kr_rows_real(rows, (double)(int)(q->confidence * 100 + 0.5) / 100.0);
    kr_rows_int(rows, q->paragraph);
    kr_rows_span(rows, u.t, q->b0, q->b1);
    if (q->m0 >= 0) {
      kr_rows_start_length(rows, u.t, q->m0, q->m1);
    } else {
      kr_rows_null(rows);
      kr_rows_null(rows);
    }
  }
  release(&u);
  return SQLITE_OK;
}

static int speakers_fill(sqlite3 *db, void *aux, sqlite3_value **argv, kr_rows *rows, char **pzErr) {
  qa_use u;
  const unsigned char *z;
  (void)pzErr;
  int rc = analyse(db, argv[0], aux, &u, &z);
  if (rc != SQLITE_OK || z == 0) return rc;
  const kr_qa *a = u.a;
  for (int64_t i = 0; i < a->nent && rows->rc == SQLITE_OK; i++) {
    const kr_entity *e = &a->ent[i];
    str_cell(rows, a, e->name);
    kr_rows_cstr(rows, kr_entity_kind_name[e->kind]);
    str_cell(rows, a, e->role);
    str_cell(rows, a, e->org);
    if (e->gender == 'm') kr_rows_cstr(rows, "m");
    else if (e->gender == 'f') kr_rows_cstr(rows, "f");
    else kr_rows_null(rows);
    kr_rows_int(rows, e->nquotes);
    kr_rows_int(rows, e->nwords);
    kr_rows_int(rows, e->nmentions);
    str_cell(rows, a, e->aliases);
    if (e->f0 >= 0) {
      kr_rows_start_length(rows, u.t, e->f0, e->f1);
    } else {
      kr_rows_null(rows);
      kr_rows_null(rows);
    }
    str_cell(rows, a, e->given);
    str_cell(rows, a, e->particle);
    str_cell(rows, a, e->surname);
    str_cell(rows, a, e->sort_name);
  }
  release(&u);
  return SQLITE_OK;
}

/* speaker_key() of a name that is all ASCII (most names), without ICU:
** NFKD changes no ASCII character and removes none, and case folding is
** A-Z to a-z, so this gives what the general way below gives (a test
** compares the two). Returns 0, doing nothing, for any other name. */
static int ascii_key(sqlite3_context *ctx, const unsigned char *z, int64_t n) {
  for (int64_t i = 0; i < n; i++) if (z[i] >= 0x80) return 0;
  char *out = sqlite3_malloc64((uint64_t)n + 1);
  if (!out) { sqlite3_result_error_nomem(ctx); return 1; }
  int64_t k = 0;
  int sp = 1;
  for (int64_t i = 0; i < n; i++) {
    unsigned char c = z[i];
    if (c == ' ' || (c >= 9 && c <= 13) || c == '-' || c == '.' || c == '\'' || c == ',') {
      if (!sp) { out[k++] = ' '; sp = 1; }
      continue;
    }
    out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    sp = 0;
  }
  while (k > 0 && out[k - 1] == ' ') k--;
  sqlite3_result_text64(ctx, out, (uint64_t)k, sqlite3_free, SQLITE_UTF8);
  return 1;
}

/* speaker_key(name): NFKD, accents removed, case folded (ICU), every run of
** white space, hyphens, dots and apostrophes made one space, trimmed. */
static void speaker_key_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const unsigned char *z;
  int64_t n;
  (void)argc;
  int r = kr_arg_text(ctx, argv[0], "speaker_key", &z, &n);
  if (r <= 0) return;
  if (n > 1 << 20) { sqlite3_result_error(ctx, "speaker_key(): name too long", -1); return; }
  if (ascii_key(ctx, z, n)) return;
  /* invalid UTF-8 becomes one U+FFFD per character as SQLite counts them,
  ** as everywhere in krant */
  char *clean = sqlite3_malloc64((uint64_t)n * 3 + 4);
  if (!clean) { sqlite3_result_error_nomem(ctx); return; }
  int64_t cn = 0;
  for (int64_t i = 0; i < n;) {
    int len;
    cn += kr_encode(kr_decode(z, n, i, &len), clean + cn);
    i += len;
  }
  z = (const unsigned char *)clean;
  n = cn;
  UErrorCode err = U_ZERO_ERROR;
  int32_t ulen = 0;
  u_strFromUTF8WithSub(NULL, 0, &ulen, (const char *)z, (int32_t)n, 0xFFFD, NULL, &err);
  err = U_ZERO_ERROR;
  UChar *u = sqlite3_malloc64((uint64_t)(ulen + 1) * sizeof(UChar));
  UChar *d = sqlite3_malloc64((uint64_t)(ulen * 4 + 8) * sizeof(UChar));
  UChar *f = sqlite3_malloc64((uint64_t)(ulen * 8 + 16) * sizeof(UChar));
  char *out = NULL;
  if (!u || !d || !f) goto nomem;
  u_strFromUTF8WithSub(u, ulen + 1, &ulen, (const char *)z, (int32_t)n, 0xFFFD, NULL, &err);
  if (U_FAILURE(err)) goto bad;
  const UNormalizer2 *nfkd = unorm2_getNFKDInstance(&err);
  if (U_FAILURE(err)) goto bad;
  int32_t dlen = unorm2_normalize(nfkd, u, ulen, d, ulen * 4 + 8, &err);
  if (U_FAILURE(err)) goto bad;
  /* drop combining marks, map separators to one space */
  int32_t k = 0, sp = 1;
  for (int32_t i = 0; i < dlen; i++) {
    UChar c = d[i];
    int8_t cat = u_charType(c);
    if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_COMBINING_SPACING_MARK) continue;
    int sep = u_isUWhiteSpace(c) || c == '-' || c == 0x2010 || c == 0x2011 || c == '.' || c == '\'' || c == 0x2019 ||
              c == 0x2018 || c == ',';
    if (sep) { if (!sp) { d[k++] = ' '; sp = 1; } continue; }
    d[k++] = c;
    sp = 0;
  }
  while (k > 0 && d[k - 1] == ' ') k--;
  int32_t flen = u_strFoldCase(f, ulen * 8 + 16, d, k, U_FOLD_CASE_DEFAULT, &err);
  if (U_FAILURE(err)) goto bad;
  int32_t olen = 0;
  u_strToUTF8(NULL, 0, &olen, f, flen, &err);
  err = U_ZERO_ERROR;
  out = sqlite3_malloc64((uint64_t)olen + 1);
  if (!out) goto nomem;
  u_strToUTF8(out, olen + 1, &olen, f, flen, &err);
  if (U_FAILURE(err)) goto bad;
  sqlite3_result_text(ctx, out, olen, sqlite3_free);
  out = NULL;
  goto done;
bad:
  sqlite3_result_error(ctx, "speaker_key(): cannot normalise the name", -1);
  goto done;
nomem:
  sqlite3_result_error_nomem(ctx);
done:
  sqlite3_free(clean);
  sqlite3_free(u);
  sqlite3_free(d);
  sqlite3_free(f);
  sqlite3_free(out);
}

static const char *const quotes_col[] = {
  "quote", "kind", "speaker", "mention", "role", "cue", "confidence", "paragraph",
  "start", "length", "byte_start", "byte_end", "mention_start", "mention_length"
};
static const char *const quotes_type[] = {
  "TEXT", "TEXT", "TEXT", "TEXT", "TEXT", "TEXT", "REAL", "INTEGER",
  "INTEGER", "INTEGER", "INTEGER", "INTEGER", "INTEGER", "INTEGER"
};
static const char *const speakers_col[] = {
  "name", "kind", "role", "organisation", "gender", "quotes", "words", "mentions", "aliases",
  "first_start", "first_length", "given_name", "particle", "surname", "sort_name"
};
static const char *const speakers_type[] = {
  "TEXT", "TEXT", "TEXT", "TEXT", "TEXT", "INTEGER", "INTEGER", "INTEGER", "TEXT",
  "INTEGER", "INTEGER", "TEXT", "TEXT", "TEXT", "TEXT"
};
static const char *const text_arg[] = { "text" };

static const kr_tvf quotes_def = {
  "extract_quotes", quotes_col, quotes_type, 14, text_arg, 1, 1, quotes_fill
};
static const kr_tvf speakers_def = {
  "extract_speakers", speakers_col, speakers_type, 15, text_arg, 1, 1, speakers_fill
};

/* Both functions share one qa_conn per connection (see above). */
int kr_register_quotes(sqlite3 *db, char **pzErr) {
  (void)pzErr;
  qa_conn *c = kr_malloc(sizeof *c);
  if (c) {
    memset(c, 0, sizeof *c);
    c->cache = kr_qa_cache_new();
    if (!c->cache) { kr_free(c); c = NULL; }
  }
  if (!c) return SQLITE_NOMEM;
  c->refs = 2;
  /* each registration releases its reference when it fails or when the
  ** connection closes */
  int rc = kr_register_tvf_ex(db, &quotes_def, c, 1, conn_release);
  if (rc == SQLITE_OK) rc = kr_register_tvf_ex(db, &speakers_def, c, 1, conn_release);
  else conn_release(c);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "speaker_key", 1, KR_PURE, 0, speaker_key_func, 0, 0);
  return rc;
}
