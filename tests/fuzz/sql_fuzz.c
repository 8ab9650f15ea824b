/*
** sql_fuzz.c - the SQL-level fuzz target of one krant function, chosen at
** build time with -DKF_FUNC=name (an entry of tests/stress/kfuncs.h).
**
** The extension's sources are compiled into the fuzz binary (instrumented
** for coverage and the sanitizers) and registered on every connection
** through sqlite3_auto_extension(); SQLite itself is the system library.
**
** The input is bound as ?1, the text. When it holds byte 0x1F, what follows
** the first one is bound as ?2, the second argument (a reference date, a
** pattern); otherwise the function's usual second argument is used. Every
** input runs the table-valued function (or the scalar) and, when it has one,
** the JSON scalar form. Checks: no error other than SQLITE_TOOBIG /
** SQLITE_NOMEM, or, when the input gave a second argument, a caller's
** mistake (SQLITE_ERROR with a message naming the function); every span (start, length, byte_start, byte_end) in bounds
** and in agreement with SQLite's own character count; the first column
** (sentence, match, quote, expression) exactly the bytes of its span; the
** JSON form valid JSON with as many objects as the table has rows.
*/
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../stress/kfuncs.h"

#define STR2(x) #x
#define STR(x) STR2(x)

int sqlite3_krant_init(sqlite3 *db, char **pzErrMsg, const void *pApi);

#define ASSERT(c) do{ if( !(c) ){ fprintf(stderr, "invariant failed: %s (%s:%d)\n", #c, __FILE__, __LINE__); abort(); } }while(0)

static sqlite3 *db;
static const kf_func *fn;
static sqlite3_stmt *st_rows, *st_json, *st_count;

/* Characters in z[0..b) as SQLite counts them (the SQLITE_SKIP_UTF8 rule). */
static int64_t nchar(const unsigned char *z, int64_t b){
  int64_t i = 0, c = 0;
  while( i < b ){
    if( z[i++] >= 0xC0 ) while( i < b && (z[i] & 0xC0) == 0x80 ) i++;
    c++;
  }
  return c;
}

/* 0-based index of the character (as SQLite counts them) that holds byte b
** of z[0..n); n gives the number of characters. */
static int64_t char_of(const unsigned char *z, int64_t n, int64_t b){
  return b >= n ? nchar(z, n) : nchar(z, b + 1) - 1;
}

static int colidx(sqlite3_stmt *st, const char *name){
  int i;
  for(i = 0; i < sqlite3_column_count(st); i++){
    if( strcmp(sqlite3_column_name(st, i), name) == 0 ) return i;
  }
  return -1;
}

int LLVMFuzzerInitialize(int *argc, char ***argv){
  char *sql;
  (void)argc; (void)argv;
  fn = kf_find(STR(KF_FUNC));
  if( fn == 0 ){ fprintf(stderr, "sql_fuzz: no function %s in kfuncs.h\n", STR(KF_FUNC)); exit(2); }
  sqlite3_auto_extension((void (*)(void))sqlite3_krant_init);
  if( sqlite3_open(":memory:", &db) != SQLITE_OK ) exit(2);
  if( !kf_registered(db, fn) ){ fprintf(stderr, "sql_fuzz: %s is not registered\n", fn->name); exit(2); }
  /* keep single inputs from allocating without bound */
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 10000000);
  sql = kf_bound_sql(fn);
  if( sqlite3_prepare_v2(db, sql, -1, &st_rows, 0) != SQLITE_OK ){
    fprintf(stderr, "sql_fuzz: %s: %s\n", sql, sqlite3_errmsg(db));
    exit(2);
  }
  free(sql);
  if( kf_has_json(db, fn) ){
    kf_func g = *fn;
    char *q;
    g.tvf = 0;
    q = kf_bound_sql(&g);
    sql = malloc(strlen(q) + 128);
    sprintf(sql, "SELECT json_valid(j), json_array_length(j) FROM (SELECT %s AS j)", q + 7);
    if( sqlite3_prepare_v2(db, sql, -1, &st_json, 0) != SQLITE_OK ){
      fprintf(stderr, "sql_fuzz: %s: %s\n", sql, sqlite3_errmsg(db));
      exit(2);
    }
    free(q);
    free(sql);
  }
  return 0;
}

/* A failure that is allowed: a resource limit, or, when the input gave a
** second argument, a caller's mistake named after the function. A text is
** never a caller's mistake: without a second argument any error is a bug. */
static int has_arg2;
static void check_error(int rc){
  const char *msg = sqlite3_errmsg(db);
  if( rc == SQLITE_TOOBIG || rc == SQLITE_NOMEM ) return;
  if( rc == SQLITE_ERROR && has_arg2 && strncmp(msg, fn->name, strlen(fn->name)) == 0 ) return;
  fprintf(stderr, "unexpected error %d: %s\n", rc, msg);
  abort();
}

static void bind(sqlite3_stmt *st, const uint8_t *data, size_t size){
  const uint8_t *sep = memchr(data, 0x1F, size);
  size_t n1 = sep ? (size_t)(sep - data) : size;
  sqlite3_bind_text64(st, 1, (const char *)data, n1, SQLITE_STATIC, SQLITE_UTF8);
  if( sep && sqlite3_bind_parameter_count(st) >= 2 ){
    sqlite3_bind_text64(st, 2, (const char *)sep + 1, size - n1 - 1, SQLITE_STATIC, SQLITE_UTF8);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size){
  const uint8_t *sep = memchr(data, 0x1F, size);
  const unsigned char *z = data;
  int64_t n = sep ? (int64_t)(sep - data) : (int64_t)size, rows = 0;
  int rc, cs, cl, cb0, cb1;
  (void)st_count;
  has_arg2 = sep != 0;
  bind(st_rows, data, size);
  cs = colidx(st_rows, "start");
  cl = colidx(st_rows, "length");
  cb0 = colidx(st_rows, "byte_start");
  cb1 = colidx(st_rows, "byte_end");
  while( (rc = sqlite3_step(st_rows)) == SQLITE_ROW ){
    int i;
    rows++;
    for(i = 0; i < sqlite3_column_count(st_rows); i++) (void)sqlite3_column_text(st_rows, i);
    if( fn->tvf && cs >= 0 && cb0 >= 0 ){
      int64_t b0 = sqlite3_column_int64(st_rows, cb0), b1 = sqlite3_column_int64(st_rows, cb1);
      int64_t s = sqlite3_column_int64(st_rows, cs), l = sqlite3_column_int64(st_rows, cl);
      const char *first = sqlite3_column_name(st_rows, 0);
      ASSERT(0 <= b0 && b0 <= b1 && b1 <= n);
      /* a span is widened to whole characters (it can start or end inside
      ** one only on malformed UTF-8), so substr(text, start, length) holds it */
      ASSERT(s == char_of(z, n, b0) + 1);
      ASSERT(l == (b1 > b0 ? char_of(z, n, b1 - 1) + 1 - (s - 1) : 0));
      if( strcmp(first, "sentence") == 0 || strcmp(first, "match") == 0
       || strcmp(first, "quote") == 0 || strcmp(first, "expression") == 0 ){
        ASSERT(sqlite3_column_bytes(st_rows, 0) == b1 - b0);
        if( b1 > b0 ) ASSERT(memcmp(sqlite3_column_blob(st_rows, 0), z + b0, (size_t)(b1 - b0)) == 0);
      }
    }
  }
  if( rc != SQLITE_DONE ) check_error(rc);
  sqlite3_reset(st_rows);
  sqlite3_clear_bindings(st_rows);
  if( st_json && rc == SQLITE_DONE ){
    bind(st_json, data, size);
    rc = sqlite3_step(st_json);
    if( rc == SQLITE_ROW ){
      if( sqlite3_column_type(st_json, 0) != SQLITE_NULL ){
        ASSERT(sqlite3_column_int(st_json, 0) == 1);
        ASSERT(sqlite3_column_int64(st_json, 1) == rows);
      }
    }else if( rc != SQLITE_DONE ){
      check_error(rc);
    }
    sqlite3_reset(st_json);
    sqlite3_clear_bindings(st_json);
  }
  return 0;
}
