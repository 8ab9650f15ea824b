/*
** glue_regexp.c - PCRE2 regular expressions for SQL users.
**
**   text REGEXP pattern            regexp(pattern, text) -> 1 or 0
**   regexp_replace(text, pattern, replacement)   every match replaced; $1, ${name}
**   regexp_matches(text, pattern)  one row per match:
**
**   CREATE TABLE regexp_matches(
**     match      TEXT,     -- the matched text
**     groups     TEXT,     -- JSON array of the capture groups (null when unset)
**     start      INTEGER,  -- 1-based character position of the match
**     length     INTEGER,  -- its length in characters
**     byte_start INTEGER,  -- 0-based byte offset
**     byte_end   INTEGER,  -- byte offset just past the match
**     text       HIDDEN,
**     pattern    HIDDEN
**   );
**
** Patterns are compiled with PCRE2_UTF | PCRE2_UCP (Unicode letters and
** classes) and PCRE2_MATCH_INVALID_UTF (a subject with invalid UTF-8 is
** matched safely; no match spans an invalid sequence), JIT-compiled where
** PCRE2 has a JIT, and matched under a match limit and a depth limit so that
** no pattern can run away. A constant pattern is compiled once per
** statement (scalars) or once per connection while it stays the same
** (regexp_matches).
*/
#include "glue.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#define KR_MATCH_LIMIT 10000000   /* backtracking steps per match attempt */
#define KR_DEPTH_LIMIT 100000     /* nested backtracking frames */
#define KR_HEAP_LIMIT  (64 * 1024)  /* KiB of heap for backtracking */

/* A compiled pattern and the match context carrying its limits.
**
** Without a JIT (a PCRE2 built without one, or a system that forbids
** executable memory), PCRE2's interpreter checks the UTF-8 of the subject
** from the start offset to the end at every call when the pattern has
** PCRE2_MATCH_INVALID_UTF, which makes the thousands of calls of one
** regexp_matches or regexp_replace quadratic. Then the pattern is also
** compiled without that option (plain): a subject that is valid UTF-8
** (checked once) is matched with it and PCRE2_NO_UTF_CHECK, in linear time.
** Build with -DKR_REGEXP_NO_JIT to test that path on a machine with a JIT. */
typedef struct kr_re {
  pcre2_code *code;
  pcre2_code *plain;      /* NULL when code is JIT-compiled */
  pcre2_match_context *mctx;
} kr_re;

static void re_free(void *p){
  kr_re *re = p;
  if( re == 0 ) return;
  pcre2_code_free(re->code);
  pcre2_code_free(re->plain);
  pcre2_match_context_free(re->mctx);
  sqlite3_free(re);
}

/* Compile pattern[0..n). On failure returns NULL and sets *pzErr (or
** leaves it NULL for out-of-memory). */
static kr_re *re_compile(const char *fname, const unsigned char *pat, int64_t n, char **pzErr){
  int errcode = 0;
  PCRE2_SIZE erroff = 0;
  kr_re *re = sqlite3_malloc(sizeof(*re));
  *pzErr = 0;
  if( re == 0 ) return 0;
  memset(re, 0, sizeof(*re));
  re->code = pcre2_compile((PCRE2_SPTR)pat, (PCRE2_SIZE)n,
                           PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF,
                           &errcode, &erroff, 0);
  if( re->code == 0 ){
    PCRE2_UCHAR msg[256];
    if( pcre2_get_error_message(errcode, msg, sizeof(msg)) < 0 ) strcpy((char *)msg, "unknown error");
    *pzErr = sqlite3_mprintf("%s(): bad pattern at offset %lld: %s", fname,
                             (long long)erroff, (const char *)msg);
    sqlite3_free(re);
    return 0;
  }
#ifndef KR_REGEXP_NO_JIT
  if( pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) != 0 )
#endif
  {
    re->plain = pcre2_compile((PCRE2_SPTR)pat, (PCRE2_SIZE)n, PCRE2_UTF | PCRE2_UCP,
                              &errcode, &erroff, 0);
  }
  re->mctx = pcre2_match_context_create(0);
  if( re->mctx == 0 ){
    re_free(re);
    return 0;
  }
  pcre2_set_match_limit(re->mctx, KR_MATCH_LIMIT);
  pcre2_set_depth_limit(re->mctx, KR_DEPTH_LIMIT);
  pcre2_set_heap_limit(re->mctx, KR_HEAP_LIMIT);
  return re;
}

/* The code to match the subject z[0..n) with, and the options every call
** takes (see kr_re). */
static const pcre2_code *re_code_for(const kr_re *re, const unsigned char *z, int64_t n,
                                     uint32_t *opts){
  *opts = 0;
  if( re->plain && kr_utf8_valid(z, n) ){
    *opts = PCRE2_NO_UTF_CHECK;
    return re->plain;
  }
  return re->code;
}

/* The error text for a failed match (a negative pcre2_match result other
** than no-match). */
static char *match_error(const char *fname, int rc){
  PCRE2_UCHAR msg[256];
  if( pcre2_get_error_message(rc, msg, sizeof(msg)) < 0 ) strcpy((char *)msg, "unknown error");
  return sqlite3_mprintf("%s(): %s", fname, (const char *)msg);
}

static void result_error(sqlite3_context *ctx, char *msg){
  if( msg == 0 ){
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_error(ctx, msg, -1);
  sqlite3_free(msg);
}

/* The compiled form of the scalar's pattern argument iArg, cached in the
** statement's auxiliary data while the pattern is constant. */
static kr_re *scalar_pattern(sqlite3_context *ctx, const char *fname, sqlite3_value **argv,
                             int iArg, int *isNull){
  const unsigned char *pat;
  int64_t npat;
  char *err = 0;
  kr_re *re = sqlite3_get_auxdata(ctx, iArg);
  *isNull = 0;
  if( re ) return re;
  switch( kr_arg_text(ctx, argv[iArg], fname, &pat, &npat) ){
    case -1: return 0;
    case 0: *isNull = 1; return 0;
  }
  re = re_compile(fname, pat, npat, &err);
  if( re == 0 ){
    result_error(ctx, err);
    return 0;
  }
  sqlite3_set_auxdata(ctx, iArg, re, re_free);
  /* set_auxdata may have freed it already (out of memory): ask again */
  re = sqlite3_get_auxdata(ctx, iArg);
  if( re == 0 ) sqlite3_result_error_nomem(ctx);
  return re;
}

/* regexp(pattern, text): the function behind `text REGEXP pattern`. */
static void regexp_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const unsigned char *z;
  int64_t n;
  int isNull, rc;
  pcre2_match_data *md;
  kr_re *re;
  (void)argc;
  if( sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL ) return;
  re = scalar_pattern(ctx, "regexp", argv, 0, &isNull);
  if( re == 0 ) return;
  if( kr_arg_text(ctx, argv[1], "regexp", &z, &n) <= 0 ) return;
  md = pcre2_match_data_create(1, 0);
  if( md == 0 ){ sqlite3_result_error_nomem(ctx); return; }
  rc = pcre2_match(re->code, (PCRE2_SPTR)z, (PCRE2_SIZE)n, 0, 0, md, re->mctx);
  pcre2_match_data_free(md);
  if( rc >= 0 ) sqlite3_result_int(ctx, 1);
  else if( rc == PCRE2_ERROR_NOMATCH ) sqlite3_result_int(ctx, 0);
  else result_error(ctx, match_error("regexp", rc));
}

/* regexp_replace(text, pattern, replacement) */
static void regexp_replace_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const unsigned char *z, *rep;
  int64_t n, nrep;
  int isNull, rc, i;
  PCRE2_SIZE outlen;
  PCRE2_UCHAR *out;
  const pcre2_code *code;
  uint32_t check;
  kr_re *re;
  (void)argc;
  for(i = 0; i < 3; i++) if( sqlite3_value_type(argv[i]) == SQLITE_NULL ) return;
  re = scalar_pattern(ctx, "regexp_replace", argv, 1, &isNull);
  if( re == 0 ) return;
  if( kr_arg_text(ctx, argv[0], "regexp_replace", &z, &n) <= 0 ) return;
  if( kr_arg_text(ctx, argv[2], "regexp_replace", &rep, &nrep) <= 0 ) return;
  /* PCRE2_NO_UTF_CHECK covers the replacement too: both must be valid */
  code = re_code_for(re, z, n, &check);
  if( check && !kr_utf8_valid(rep, nrep) ){ code = re->code; check = 0; }
  outlen = (PCRE2_SIZE)n + (PCRE2_SIZE)nrep + 64;
  for(;;){
    out = sqlite3_malloc64(outlen + 1);
    if( out == 0 ){ sqlite3_result_error_nomem(ctx); return; }
    rc = pcre2_substitute(code, (PCRE2_SPTR)z, (PCRE2_SIZE)n, 0,
                          PCRE2_SUBSTITUTE_GLOBAL | PCRE2_SUBSTITUTE_OVERFLOW_LENGTH | check,
                          0, re->mctx, (PCRE2_SPTR)rep, (PCRE2_SIZE)nrep, out, &outlen);
    if( rc != PCRE2_ERROR_NOMEMORY ) break;
    sqlite3_free(out);
    if( (sqlite3_int64)outlen > sqlite3_limit(sqlite3_context_db_handle(ctx), SQLITE_LIMIT_LENGTH, -1) ){
      sqlite3_result_error_toobig(ctx);
      return;
    }
  }
  if( rc < 0 ){
    sqlite3_free(out);
    result_error(ctx, match_error("regexp_replace", rc));
    return;
  }
  sqlite3_result_text64(ctx, (const char *)out, (sqlite3_uint64)outlen, sqlite3_free, SQLITE_UTF8);
}

/* ---- regexp_matches ---------------------------------------------------- */

/* The connection's most recent pattern, so that a constant pattern joined
** with many rows is compiled once. Used only inside one fill call at a
** time (SQLite serialises a connection), never shared between connections. */
typedef struct re_cache {
  char *pat;
  int64_t npat;
  kr_re *re;
} re_cache;

static void re_cache_free(void *p){
  re_cache *c = p;
  if( c == 0 ) return;
  sqlite3_free(c->pat);
  re_free(c->re);
  sqlite3_free(c);
}

static kr_re *cached_pattern(re_cache *c, const unsigned char *pat, int64_t npat, char **pzErr){
  kr_re *re;
  if( c->re && c->npat == npat && memcmp(c->pat, pat, (size_t)npat) == 0 ) return c->re;
  re = re_compile("regexp_matches", pat, npat, pzErr);
  if( re == 0 ) return 0;
  re_free(c->re);
  sqlite3_free(c->pat);
  c->re = 0;
  c->pat = sqlite3_malloc64((sqlite3_uint64)npat + 1);
  if( c->pat == 0 ){
    re_free(re);
    return 0;
  }
  memcpy(c->pat, pat, (size_t)npat);
  c->npat = npat;
  c->re = re;
  return re;
}

/* Length of the character at byte i, for stepping past an empty match. */
static int64_t char_len(const unsigned char *z, int64_t n, int64_t i){
  int len;
  kr_decode(z, n, i, &len);
  return len;
}

static int matches_fill(sqlite3 *db, void *aux, sqlite3_value **argv, kr_rows *rows, char **pzErr){
  const unsigned char *z, *pat;
  int64_t n, npat;
  PCRE2_SIZE pos = 0;
  uint32_t opts = 0, ngroup = 0, check = 0;
  const pcre2_code *code;
  pcre2_match_data *md;
  kr_text t;
  kr_re *re;
  int rc;
  rc = kr_value_text(db, argv[1], &pat, &npat);
  if( rc != SQLITE_OK ) return rc;
  re = cached_pattern(aux, pat, npat, pzErr);
  if( re == 0 ) return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  rc = kr_value_text(db, argv[0], &z, &n);
  if( rc != SQLITE_OK ) return rc;
  if( kr_text_init(&t, (const char *)z, n) ) return SQLITE_NOMEM;
  pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &ngroup);
  code = re_code_for(re, z, n, &check);
  md = pcre2_match_data_create_from_pattern(code, 0);
  if( md == 0 ){
    kr_text_free(&t);
    return SQLITE_NOMEM;
  }
  while( pos <= (PCRE2_SIZE)n && rows->rc == SQLITE_OK ){
    PCRE2_SIZE *ov;
    sqlite3_str *g;
    char *groups;
    int m = pcre2_match(code, (PCRE2_SPTR)z, (PCRE2_SIZE)n, pos, opts | check, md, re->mctx);
    int i;
    if( m == PCRE2_ERROR_NOMATCH ){
      if( opts == 0 || pos >= (PCRE2_SIZE)n ) break;
      /* an empty match was here: step one character and go on */
      pos += (PCRE2_SIZE)char_len(z, n, (int64_t)pos);
      opts = 0;
      continue;
    }
    if( m < 0 ){
      *pzErr = match_error("regexp_matches", m);
      rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
      break;
    }
    ov = pcre2_get_ovector_pointer(md);
    kr_rows_text(rows, (const char *)z + ov[0], (int64_t)(ov[1] - ov[0]));
    g = sqlite3_str_new(db);
    sqlite3_str_appendchar(g, 1, '[');
    for(i = 1; i <= (int)ngroup; i++){
      if( i > 1 ) sqlite3_str_appendchar(g, 1, ',');
      if( i >= m || ov[2 * i] == PCRE2_UNSET ) sqlite3_str_append(g, "null", 4);
      else kr_json_string(g, (const char *)z + ov[2 * i], (int64_t)(ov[2 * i + 1] - ov[2 * i]));
    }
    sqlite3_str_appendchar(g, 1, ']');
    groups = sqlite3_str_finish(g);
    if( groups == 0 ){ rc = SQLITE_NOMEM; break; }
    kr_rows_cstr(rows, groups);
    sqlite3_free(groups);
    kr_rows_span(rows, &t, (int64_t)ov[0], (int64_t)ov[1]);
    pos = ov[1];
    /* after an empty match, the next one may not be empty at the same place */
    opts = ov[0] == ov[1] ? (PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED) : 0;
    if( opts && pos >= (PCRE2_SIZE)n ) break;
  }
  pcre2_match_data_free(md);
  kr_text_free(&t);
  return rc;
}

static const char *const matches_col[] = {
  "match", "groups", "start", "length", "byte_start", "byte_end"
};
static const char *const matches_type[] = {
  "TEXT", "TEXT", "INTEGER", "INTEGER", "INTEGER", "INTEGER"
};
static const char *const matches_arg[] = { "text", "pattern" };

static const kr_tvf matches_def = {
  "regexp_matches", matches_col, matches_type, 6, matches_arg, 2, 2, matches_fill
};

int kr_register_regexp(sqlite3 *db, char **pzErr){
  re_cache *cache;
  int rc;
  (void)pzErr;
  rc = sqlite3_create_function_v2(db, "regexp", 2, KR_PURE, 0, regexp_func, 0, 0, 0);
  if( rc == SQLITE_OK ){
    rc = sqlite3_create_function_v2(db, "regexp_replace", 3, KR_PURE, 0, regexp_replace_func, 0, 0, 0);
  }
  if( rc != SQLITE_OK ) return rc;
  cache = sqlite3_malloc(sizeof(*cache));
  if( cache == 0 ) return SQLITE_NOMEM;
  memset(cache, 0, sizeof(*cache));
  return kr_register_tvf_ex(db, &matches_def, cache, 0, re_cache_free);
}
