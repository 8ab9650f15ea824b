/*
** runner - krant's test runner.
**
**   runner EXTENSION [FILE.test ...]
**
** 1. Runs the C unit tests of the core (tests/unit/test_*.c).
** 2. Runs every golden SQL file: each in a fresh in-memory database with
**    the extension loaded through sqlite3_load_extension(). A file is a
**    series of blocks separated by blank lines:
**
**        # a comment line
**        -- title of the case
**        SELECT ...;                 one or more statements
**        ----                        then the expected rows, or
**        ---- error                  then the exact error message
**
**    Rows print their columns joined by '|'; NULL prints as NULL, an empty
**    string as '', a newline inside a value as \n, a BLOB as X'hex'. A
**    block without a ---- line is setup: it must run without error. `----`
**    directly followed by a blank line (or the end) expects no rows.
** 3. Checks that every function and module the extension registers is
**    called somewhere in the SQL tests, as NAME( .
**
** Ends with "N passed, N failed" and exits 1 when anything failed.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#include "kt.h"

#define KT_SUITE(name) void name(void);
#include "unit_list.h"
#undef KT_SUITE

static long sql_pass, sql_fail;

/* ---- growable strings -------------------------------------------------- */

typedef struct buf { char *z; size_t n, cap; } buf;

static void buf_add(buf *b, const char *z, size_t n){
  if( b->n + n + 1 > b->cap ){
    b->cap = (b->n + n + 1) * 2;
    b->z = realloc(b->z, b->cap);
    if( !b->z ){ fprintf(stderr, "out of memory\n"); exit(2); }
  }
  memcpy(b->z + b->n, z, n);
  b->n += n;
  b->z[b->n] = 0;
}
static void buf_str(buf *b, const char *z){ buf_add(b, z, strlen(z)); }

static char *read_file(const char *path){
  FILE *f = fopen(path, "rb");
  buf b = {0, 0, 0};
  char tmp[65536];
  size_t n;
  if( !f ) return 0;
  buf_add(&b, "", 0);
  while( (n = fread(tmp, 1, sizeof(tmp), f)) > 0 ) buf_add(&b, tmp, n);
  fclose(f);
  return b.z;
}

/* ---- running SQL ----------------------------------------------------------- */

static void print_value(buf *out, sqlite3_stmt *st, int i){
  int t = sqlite3_column_type(st, i);
  if( t == SQLITE_NULL ){ buf_str(out, "NULL"); return; }
  if( t == SQLITE_BLOB ){
    const unsigned char *p = sqlite3_column_blob(st, i);
    int n = sqlite3_column_bytes(st, i), k;
    char hex[3];
    buf_str(out, "X'");
    for(k = 0; k < n; k++){ snprintf(hex, sizeof(hex), "%02X", p[k]); buf_str(out, hex); }
    buf_str(out, "'");
    return;
  }
  {
    const unsigned char *z = sqlite3_column_text(st, i);
    int n = sqlite3_column_bytes(st, i), k;
    if( n == 0 ){ buf_str(out, "''"); return; }
    for(k = 0; k < n; k++){
      if( z[k] == '\n' ) buf_str(out, "\\n");
      else if( z[k] == 0 ) buf_str(out, "\\0");
      else buf_add(out, (const char *)z + k, 1);
    }
  }
}

/* Run sql; append rows to out (one line each). Returns 0 or an error text
** (malloc'd). */
static char *run_sql(sqlite3 *db, const char *sql, buf *out){
  const char *tail = sql;
  while( tail && *tail ){
    sqlite3_stmt *st = 0;
    int rc = sqlite3_prepare_v2(db, tail, -1, &st, &tail);
    if( rc != SQLITE_OK ) return strdup(sqlite3_errmsg(db));
    if( st == 0 ) continue;   /* white space or a comment */
    while( (rc = sqlite3_step(st)) == SQLITE_ROW ){
      int i, n = sqlite3_column_count(st);
      for(i = 0; i < n; i++){
        if( i ) buf_str(out, "|");
        print_value(out, st, i);
      }
      buf_str(out, "\n");
    }
    if( rc != SQLITE_DONE ){
      char *e = strdup(sqlite3_errmsg(db));
      sqlite3_finalize(st);
      return e;
    }
    sqlite3_finalize(st);
  }
  return 0;
}

static sqlite3 *open_db(const char *ext){
  sqlite3 *db;
  char *err = 0;
  if( sqlite3_open(":memory:", &db) != SQLITE_OK ){
    fprintf(stderr, "cannot open a database\n");
    exit(2);
  }
  sqlite3_enable_load_extension(db, 1);
  if( sqlite3_load_extension(db, ext, 0, &err) != SQLITE_OK ){
    fprintf(stderr, "cannot load %s: %s\n", ext, err ? err : "?");
    exit(2);
  }
  return db;
}

/* ---- golden files ------------------------------------------------------------ */

static void report_fail(const char *file, int line, const char *title, const char *why,
                        const char *got, const char *want){
  sql_fail++;
  printf("FAIL %s:%d: %s\n  %s\n", file, line, title, why);
  if( want ) printf("  want:\n%s", want);
  if( got ) printf("  got:\n%s", got);
}

static void run_file(const char *ext, const char *path){
  char *text = read_file(path), *p, *line;
  sqlite3 *db;
  int lineno = 0;
  enum { IDLE, SQL, EXPECT } state = IDLE;
  buf sql = {0, 0, 0}, want = {0, 0, 0};
  char title[512];
  int case_line = 0, expect_error = 0, done = 0;
  if( !text ){
    report_fail(path, 0, "file", "cannot read the file", 0, 0);
    return;
  }
  db = open_db(ext);
  title[0] = 0;
  p = text;
  while( !done ){
    char *nl = strchr(p, '\n');
    int blank;
    if( nl ) *nl = 0; else done = 1;
    line = p;
    p = nl ? nl + 1 : p + strlen(p);
    lineno++;
    {
      size_t n = strlen(line);
      if( n && line[n - 1] == '\r' ) line[n - 1] = 0;
    }
    blank = line[strspn(line, " \t")] == 0;
    if( state == IDLE ){
      if( blank || line[0] == '#' ) continue;
      state = SQL;
      case_line = lineno;
      sql.n = 0; buf_add(&sql, "", 0);
      want.n = 0; buf_add(&want, "", 0);
      if( strncmp(line, "-- ", 3) == 0 ){
        snprintf(title, sizeof(title), "%s", line + 3);
        continue;
      }
      snprintf(title, sizeof(title), "case at line %d", lineno);
    }
    if( state == SQL ){
      if( strcmp(line, "----") == 0 || strcmp(line, "---- error") == 0 ){
        expect_error = line[4] != 0;
        state = EXPECT;
        if( done ) goto finish_case;
        continue;
      }
      if( !blank ){
        buf_str(&sql, line);
        buf_str(&sql, "\n");
        if( !done ) continue;
      }
      /* a block without ---- is setup */
      {
        buf out = {0, 0, 0};
        char *err = run_sql(db, sql.z, &out);
        if( err ){
          report_fail(path, case_line, title, "setup failed", err, 0);
          printf("\n");
          free(err);
        }
        free(out.z);
      }
      state = IDLE;
      continue;
    }
    /* EXPECT */
    if( !blank ){
      buf_str(&want, line);
      buf_str(&want, "\n");
      if( !done ) continue;
    }
finish_case:
    {
      buf got = {0, 0, 0};
      char *err;
      buf_add(&got, "", 0);
      err = run_sql(db, sql.z, &got);
      if( expect_error ){
        char *w = want.z;
        size_t wn = strlen(w);
        if( wn && w[wn - 1] == '\n' ) w[wn - 1] = 0;
        if( !err ){
          report_fail(path, case_line, title, "expected an error, got rows", got.z, 0);
        }else if( strcmp(err, w) != 0 ){
          buf a = {0, 0, 0}, b = {0, 0, 0};
          buf_str(&a, err); buf_str(&a, "\n");
          buf_str(&b, w); buf_str(&b, "\n");
          report_fail(path, case_line, title, "wrong error", a.z, b.z);
          free(a.z); free(b.z);
        }else sql_pass++;
      }else if( err ){
        buf a = {0, 0, 0};
        buf_str(&a, err); buf_str(&a, "\n");
        report_fail(path, case_line, title, "unexpected error", a.z, want.z);
        free(a.z);
      }else if( strcmp(got.z, want.z) != 0 ){
        report_fail(path, case_line, title, "wrong rows", got.z, want.z);
      }else sql_pass++;
      free(err);
      free(got.z);
      state = IDLE;
    }
  }
  free(sql.z);
  free(want.z);
  free(text);
  sqlite3_close(db);
}

/* ---- every registered function is tested ---------------------------------- */

static int in_list(char **list, int n, const char *name){
  int i;
  for(i = 0; i < n; i++) if( strcmp(list[i], name) == 0 ) return 1;
  return 0;
}

/* Names from a query of one text column, into a malloc'd array. */
static int names_of(sqlite3 *db, const char *sql, char ***out){
  sqlite3_stmt *st;
  int n = 0;
  *out = 0;
  if( sqlite3_prepare_v2(db, sql, -1, &st, 0) != SQLITE_OK ) return 0;
  while( sqlite3_step(st) == SQLITE_ROW ){
    *out = realloc(*out, sizeof(char *) * (size_t)(n + 1));
    (*out)[n++] = strdup((const char *)sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  return n;
}

static void check_coverage(const char *ext, int nfile, char **files){
  static const char *queries[] = {
    "SELECT DISTINCT name FROM pragma_function_list ORDER BY 1",
    "SELECT DISTINCT name FROM pragma_module_list ORDER BY 1",
  };
  buf all = {0, 0, 0};
  int q, i;
  buf_add(&all, "", 0);
  for(i = 0; i < nfile; i++){
    char *t = read_file(files[i]);
    if( t ){
      char *c;
      for(c = t; *c; c++) *c = (char)tolower((unsigned char)*c);
      buf_str(&all, t);
      free(t);
    }
  }
  for(q = 0; q < 2; q++){
    sqlite3 *plain, *loaded;
    char **before, **after;
    int nb, na, k;
    sqlite3_open(":memory:", &plain);
    loaded = open_db(ext);
    nb = names_of(plain, queries[q], &before);
    na = names_of(loaded, queries[q], &after);
    for(k = 0; k < na; k++){
      char pat[256];
      if( in_list(before, nb, after[k]) ) continue;
      snprintf(pat, sizeof(pat), "%s(", after[k]);
      if( strstr(all.z, pat) ) sql_pass++;
      else {
        sql_fail++;
        printf("FAIL coverage: %s %s is registered but no tests/sql file calls it\n",
               q ? "module" : "function", after[k]);
      }
    }
    for(k = 0; k < nb; k++) free(before[k]);
    for(k = 0; k < na; k++) free(after[k]);
    free(before);
    free(after);
    sqlite3_close(plain);
    sqlite3_close(loaded);
  }
  free(all.z);
}

int main(int argc, char **argv){
  int i;
  if( argc < 2 ){
    fprintf(stderr, "usage: %s EXTENSION [FILE.test ...]\n", argv[0]);
    return 2;
  }
#define KT_SUITE(name) name();
#include "unit_list.h"
#undef KT_SUITE
  printf("unit: %ld passed, %ld failed\n", kt_pass, kt_fail);
  for(i = 2; i < argc; i++) run_file(argv[1], argv[i]);
  check_coverage(argv[1], argc - 2, argv + 2);
  printf("sql: %ld passed, %ld failed\n", sql_pass, sql_fail);
  printf("%ld passed, %ld failed\n", kt_pass + sql_pass, kt_fail + sql_fail);
  return (kt_fail + sql_fail) ? 1 : 0;
}
