/*
** embed - krant inside someone else's application: limits, out-of-memory
** and interruption, for every registered function of kfuncs.h.
**
**   build/embed EXTENSION [--quick]
**
** 1. SQLITE_LIMIT_LENGTH: a text longer than the connection's limit gives
**    SQLITE_TOOBIG with the message "NAME(): text is too big" (or SQLite's
**    own "string or blob too big"), never a crash or a truncated answer; an
**    output (JSON, regexp_replace) longer than the limit gives SQLITE_TOOBIG.
** 1b. Hostile text: every function on long runs of each hostile kind of
**    tests/bench/corpus.h and on each kind of invalid UTF-8 succeeds.
** 1c. A text of 65 MB whose analysis does not fit (no block over 128 MB
**    can be allocated): extract_quotes and extract_speakers give
**    SQLITE_TOOBIG, "NAME(): text is too big", not a generic out of memory;
**    an article under the same limit is analysed as always. (Not --quick.)
** 2. Out of memory: SQLite's allocator is replaced (SQLITE_CONFIG_MALLOC) by
**    one that fails the N-th allocation and every later one, for N = 0, 1,
**    2, ... until the query runs through without a failure; also with only
**    the N-th allocation failing. Each run must end in SQLITE_NOMEM or with
**    exactly the right answer (the checksum of an undisturbed run), never a
**    crash, a leak (under ASan/valgrind) or a silently different result. The
**    same for loading the extension.
** 3. sqlite3_interrupt() from a second thread, and a progress handler, stop
**    a long query over many articles promptly with SQLITE_INTERRUPT.
** --quick runs the out-of-memory loop on fewer texts (for valgrind).
** Ends with "N passed, N failed".
*/
#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../bench/corpus.h"
#include "kfuncs.h"

static const char *ext_path;
static long npass, nfail;
static int quick;

#define CHECK(cond, ...) do{ if( cond ) npass++; else { nfail++; printf("FAIL " __VA_ARGS__); printf("\n"); } }while(0)

static double now(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- a failing allocator -------------------------------------------------- */

static sqlite3_mem_methods orig;
static long fail_at = -1;   /* the allocation number that fails; -1 never */
static int fail_once;       /* only that one, or that one and every later one */
static long nalloc;
static int nfailed;

static int should_fail(void){
  long k;
  if( fail_at < 0 ) return 0;
  k = nalloc++;
  if( k == fail_at || (!fail_once && k > fail_at) ){ nfailed++; return 1; }
  return 0;
}
static int fail_over;       /* allocations of more bytes than this fail; 0 none */
static void *m_malloc(int n){ return should_fail() || (fail_over && n > fail_over) ? 0 : orig.xMalloc(n); }
static void *m_realloc(void *p, int n){
  return should_fail() || (fail_over && n > fail_over) ? 0 : orig.xRealloc(p, n);
}

static void arm(long at, int once){ nalloc = 0; nfailed = 0; fail_once = once; fail_at = at; }
static void disarm(void){ fail_at = -1; }

static void install_allocator(void){
  sqlite3_mem_methods m;
  sqlite3_config(SQLITE_CONFIG_GETMALLOC, &orig);
  m = orig;
  m.xMalloc = m_malloc;
  m.xRealloc = m_realloc;
  if( sqlite3_config(SQLITE_CONFIG_MALLOC, &m) != SQLITE_OK ){
    fprintf(stderr, "embed: cannot install the test allocator\n");
    exit(2);
  }
}

/* ---- helpers ------------------------------------------------------------------ */

static sqlite3 *open_db(void){
  sqlite3 *db;
  char *err = 0;
  if( sqlite3_open(":memory:", &db) != SQLITE_OK ) exit(2);
  sqlite3_enable_load_extension(db, 1);
  if( sqlite3_load_extension(db, ext_path, 0, &err) != SQLITE_OK ){
    fprintf(stderr, "embed: cannot load %s: %s\n", ext_path, err ? err : "?");
    exit(2);
  }
  return db;
}

static uint64_t fnv(uint64_t h, const void *p, size_t n){
  const unsigned char *u = p;
  while( n-- ){ h ^= *u++; h *= 1099511628211ull; }
  return h;
}

/* Run st to the end; the checksum of all output in *h. Returns the final
** result code (SQLITE_DONE on success). */
static int drain(sqlite3_stmt *st, uint64_t *h){
  int rc;
  *h = 1469598103934665603ull;
  while( (rc = sqlite3_step(st)) == SQLITE_ROW ){
    int i, n = sqlite3_column_count(st);
    for(i = 0; i < n; i++){
      int t = sqlite3_column_type(st, i);
      const void *p = sqlite3_column_blob(st, i);
      *h = fnv(*h, &t, sizeof(t));
      if( p ) *h = fnv(*h, p, (size_t)sqlite3_column_bytes(st, i));
    }
  }
  return rc;
}

/* Prepare sql, bind a text of n bytes to ?1, run it. */
static int run_bound(sqlite3 *db, const char *sql, const char *z, size_t n, uint64_t *h){
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, 0);
  if( rc != SQLITE_OK ) return rc;
  rc = sqlite3_bind_text64(st, 1, z, n, SQLITE_TRANSIENT, SQLITE_UTF8);
  if( rc == SQLITE_OK ) rc = drain(st, h);
  sqlite3_finalize(st);
  return rc;
}

/* The text the functions are tested on: one generated article. */
static cbuf sample_article(size_t size){
  static cparas ps;
  cbuf b = {0, 0, 0};
  if( ps.n == 0 ) corpus_paragraphs(&ps);
  corpus_article(&b, &ps, size);
  return b;
}

/* ---- 1. SQLITE_LIMIT_LENGTH ------------------------------------------------------ */

static void test_limits(void){
  sqlite3 *db = open_db();
  cbuf art = sample_article(3000);
  int i;
  for(i = 0; i < KF_NFUNC; i++){
    const kf_func *f = &kf_funcs[i];
    sqlite3_stmt *st;
    char *sql, want[128];
    uint64_t h;
    int rc;
    if( !kf_registered(db, f) ) continue;
    /* a bound text longer than the limit that was set after binding */
    sql = kf_bound_sql(f);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000000000);
    rc = sqlite3_prepare_v2(db, sql, -1, &st, 0);
    CHECK(rc == SQLITE_OK, "limits: %s: prepare: %s", f->name, sqlite3_errmsg(db));
    if( rc == SQLITE_OK ){
      sqlite3_bind_text64(st, 1, art.z, art.n, SQLITE_STATIC, SQLITE_UTF8);
      sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000);
      rc = drain(st, &h);
      snprintf(want, sizeof(want), "%s(): text is too big", f->name);
      CHECK(rc == SQLITE_TOOBIG && (strcmp(sqlite3_errmsg(db), want) == 0
                                    || strcmp(sqlite3_errmsg(db), "string or blob too big") == 0),
            "limits: %s on a text over SQLITE_LIMIT_LENGTH: rc %d, '%s'", f->name, rc, sqlite3_errmsg(db));
      sqlite3_finalize(st);
    }
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000000000);
    free(sql);
    /* the JSON form (or any output) over the limit: TOOBIG, or fits */
    if( kf_has_json(db, f) || !f->tvf ){
      kf_func g = *f;
      g.tvf = 0;
      sql = kf_bound_sql(&g);
      rc = sqlite3_prepare_v2(db, sql, -1, &st, 0);
      if( rc == SQLITE_OK ){
        sqlite3_bind_text64(st, 1, art.z, art.n, SQLITE_STATIC, SQLITE_UTF8);
        sqlite3_limit(db, SQLITE_LIMIT_LENGTH, (int)art.n + 10);
        rc = drain(st, &h);
        CHECK(rc == SQLITE_DONE || rc == SQLITE_TOOBIG,
              "limits: %s with its output near SQLITE_LIMIT_LENGTH: rc %d, '%s'", f->name, rc,
              sqlite3_errmsg(db));
        sqlite3_finalize(st);
      }
      sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000000000);
      free(sql);
    }
  }
  free(art.z);
  sqlite3_close(db);
}

/* ---- 1c. a text too big for its analysis -------------------------------------- */

static void test_big(void){
  static const char *const fn[] = { "extract_quotes", "extract_speakers" };
  sqlite3 *db;
  cbuf art, big = {0, 0, 0};
  uint64_t h;
  char sql[96], want[96];
  int i, rc;
  if( quick ) return;
  db = open_db();
  art = sample_article(4000);
  while( big.n < (65u << 20) ) cb_add(&big, art.z, art.n);
  fail_over = 128 << 20;
  for(i = 0; i < 2; i++){
    snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s(?1)", fn[i]);
    snprintf(want, sizeof(want), "%s(): text is too big", fn[i]);
    rc = run_bound(db, sql, big.z, big.n, &h);
    CHECK(rc == SQLITE_TOOBIG && strcmp(sqlite3_errmsg(db), want) == 0,
          "big: %s on 65 MB that its analysis cannot hold: rc %d, '%s'", fn[i], rc, sqlite3_errmsg(db));
    rc = run_bound(db, sql, art.z, art.n, &h);
    CHECK(rc == SQLITE_DONE, "big: %s on an article, with the same limit: rc %d, '%s'", fn[i], rc,
          sqlite3_errmsg(db));
  }
  fail_over = 0;
  free(art.z);
  free(big.z);
  sqlite3_close(db);
}

/* ---- 1b. hostile text: no error ---------------------------------------------

Every function on each kind of hostile text (corpus.h) and on each kind of
invalid UTF-8 alone must succeed: such text is not a caller's mistake. */

static void test_hostile(void){
  static const struct { const char *name; const char *z; size_t n; } bad[] = {
    { "stray continuation bytes", "Jan \x80\xbf zei", 10 },
    { "overlong form",            "Jan \xc0\xaf zei", 10 },
    { "encoded surrogate",        "Jan \xed\xa0\x80 zei", 11 },
    { "over U+10FFFF",            "Jan \xf4\x90\x80\x80 zei", 12 },
    { "FE and FF",                "Jan \xfe\xff zei", 10 },
    { "truncated sequence",       "Jan \xe2\x80", 6 },
    { "embedded NUL",             "Jan\0 zei", 8 },
  };
  sqlite3 *db = open_db();
  cbuf h = {0, 0, 0};
  int i, k;
  for(i = 0; i < KF_NFUNC; i++){
    const kf_func *f = &kf_funcs[i];
    char *sql;
    if( !kf_registered(db, f) ) continue;
    sql = kf_bound_sql(f);
    for(k = 0; k < (int)(sizeof(hostile_unit) / sizeof(hostile_unit[0])); k++){
      uint64_t sum;
      int rc;
      h.n = 0;
      if( k == 5 ){ while( h.n < 4000 ) cb_add(&h, hostile_unit[k], 15); }
      else repeat_to(&h, hostile_unit[k], 4000);
      rc = run_bound(db, sql, h.z, h.n, &sum);
      CHECK(rc == SQLITE_DONE, "hostile: %s on 4000 bytes of hostile text %d: rc %d '%s'",
            f->name, k, rc, sqlite3_errmsg(db));
    }
    for(k = 0; k < (int)(sizeof(bad) / sizeof(bad[0])); k++){
      uint64_t sum;
      int rc = run_bound(db, sql, bad[k].z, bad[k].n, &sum);
      CHECK(rc == SQLITE_DONE, "hostile: %s on invalid UTF-8 (%s): rc %d '%s'",
            f->name, bad[k].name, rc, sqlite3_errmsg(db));
    }
    free(sql);
  }
  free(h.z);
  sqlite3_close(db);
}

/* ---- 2. out of memory ---------------------------------------------------------- */

/* Load the extension with the N-th allocation failing: an error or success,
** never a crash or leak, and a connection that still works. */
static void test_oom_load(void){
  long n;
  for(n = 0; n < 100000; n++){
    sqlite3 *db;
    char *err = 0;
    int rc, injected;
    if( sqlite3_open(":memory:", &db) != SQLITE_OK ) exit(2);
    sqlite3_enable_load_extension(db, 1);
    arm(n, 0);
    rc = sqlite3_load_extension(db, ext_path, 0, &err);
    injected = nfailed;
    disarm();
    sqlite3_free(err);
    if( !injected ){
      CHECK(rc == SQLITE_OK, "oom: load without a failure: rc %d", rc);
      sqlite3_close(db);
      printf("oom: loading the extension survives each of its %ld allocations failing\n", n);
      return;
    }
    CHECK(sqlite3_exec(db, "SELECT 1", 0, 0, 0) == SQLITE_OK, "oom: connection unusable after a failed load (allocation %ld)", n);
    sqlite3_close(db);
  }
}

/* One function on one text under every allocation failure. */
static void oom_one(const kf_func *f, const char *label, const char *z, size_t nz){
  sqlite3 *db = open_db();
  char *sql = kf_bound_sql(f);
  uint64_t want = 0, h;
  long n, bad = 0;
  int once, rc;
  rc = run_bound(db, sql, z, nz, &want);
  CHECK(rc == SQLITE_DONE, "oom: %s on %s fails without OOM: rc %d %s", f->name, label, rc, sqlite3_errmsg(db));
  for(once = 0; once < 2; once++){
    for(n = 0; n < 1000000; n++){
      arm(n, once);
      rc = run_bound(db, sql, z, nz, &h);
      disarm();
      if( nfailed == 0 ){
        CHECK(rc == SQLITE_DONE && h == want, "oom: %s on %s: no failure injected, rc %d", f->name, label, rc);
        break;
      }
      if( rc == SQLITE_NOMEM || (rc == SQLITE_DONE && h == want) ) continue;
      bad++;
      if( bad <= 3 ){
        nfail++;
        printf("FAIL oom: %s on %s, allocation %ld failing%s: rc %d '%s'%s\n", f->name, label, n,
               once ? " (once)" : "", rc, sqlite3_errmsg(db),
               rc == SQLITE_DONE ? " with a different result" : "");
      }
    }
    if( bad == 0 ) npass++;
    if( !once ) printf("oom: %-18s %-8s %6ld allocations, each failing: %s\n", f->name, label, n,
                       bad ? "FAILED" : "NOMEM or the right answer");
  }
  free(sql);
  sqlite3_close(db);
}

static void test_oom(void){
  cbuf art = sample_article(quick ? 600 : 1500), hostile = {0, 0, 0};
  sqlite3 *db = open_db();
  int i;
  corpus_hostile(&hostile, quick ? 400 : 1200);
  test_oom_load();
  for(i = 0; i < KF_NFUNC; i++){
    if( !kf_registered(db, &kf_funcs[i]) ) continue;
    oom_one(&kf_funcs[i], "article", art.z, art.n);
    if( !quick ) oom_one(&kf_funcs[i], "hostile", hostile.z, hostile.n);
  }
  sqlite3_close(db);
  free(art.z);
  free(hostile.z);
}

/* ---- 3. interruption ----------------------------------------------------------- */

typedef struct interrupter {
  sqlite3 *db;
  double delay, at;
} interrupter;

static void *interrupt_later(void *arg){
  interrupter *it = arg;
  usleep((useconds_t)(it->delay * 1e6));
  it->at = now();
  sqlite3_interrupt(it->db);
  return 0;
}

static double deadline;
static int progress_stop(void *arg){ (void)arg; return now() > deadline; }

static void test_interrupt(void){
  sqlite3 *db = open_db();
  sqlite3_stmt *st;
  cparas ps = {0, 0, 0};
  cbuf b = {0, 0, 0};
  int i, k;
  corpus_paragraphs(&ps);
  sqlite3_exec(db, "CREATE TABLE articles(body TEXT); BEGIN", 0, 0, 0);
  sqlite3_prepare_v2(db, "INSERT INTO articles VALUES (?1)", -1, &st, 0);
  for(i = 0; i < 200; i++){
    b.n = 0;
    corpus_article(&b, &ps, 3000);
    sqlite3_bind_text(st, 1, b.z, (int)b.n, SQLITE_STATIC);
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_exec(db, "COMMIT", 0, 0, 0);
  for(i = 0; i < KF_NFUNC; i++){
    const kf_func *f = &kf_funcs[i];
    char *q, *sql;
    if( !kf_registered(db, f) ) continue;
    /* the whole corpus 100000 times over: far longer than the test waits */
    q = kf_corpus_sql(f);
    sql = malloc(strlen(q) + 200);
    sprintf(sql, "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 100000) "
                 "SELECT count(*) FROM r, (%s)", q);
    for(k = 0; k < 2; k++){
      uint64_t h;
      double t0 = now(), late;
      int rc;
      pthread_t th;
      interrupter it = { db, 0.2, 0 };
      if( k == 0 ){
        pthread_create(&th, 0, interrupt_later, &it);
      }else{
        deadline = t0 + 0.2;
        sqlite3_progress_handler(db, 1000, progress_stop, 0);
      }
      rc = sqlite3_prepare_v2(db, sql, -1, &st, 0);
      if( rc == SQLITE_OK ){
        rc = drain(st, &h);
        sqlite3_finalize(st);
      }
      late = now() - (k == 0 ? (pthread_join(th, 0), it.at) : deadline);
      if( k == 1 ) sqlite3_progress_handler(db, 0, 0, 0);
      CHECK(rc == SQLITE_INTERRUPT && late < 1.0,
            "interrupt: %s by %s: rc %d '%s' after %.3f s", f->name,
            k ? "a progress handler" : "sqlite3_interrupt", rc, sqlite3_errmsg(db), late);
      if( k == 0 ) printf("interrupt: %-18s stopped %.1f ms after sqlite3_interrupt\n", f->name, late * 1000);
    }
    free(q);
    free(sql);
  }
  free(b.z);
  cp_free(&ps);
  sqlite3_close(db);
}

int main(int argc, char **argv){
  if( argc < 2 ){
    fprintf(stderr, "usage: %s EXTENSION [--quick]\n", argv[0]);
    return 2;
  }
  ext_path = argv[1];
  quick = argc > 2 && strcmp(argv[2], "--quick") == 0;
  install_allocator();
  test_limits();
  test_hostile();
  test_big();
  test_oom();
  test_interrupt();
  printf("%ld passed, %ld failed\n", npass, nfail);
  return nfail ? 1 : 0;
}
