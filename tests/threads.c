/*
** threads - krant on many connections at once.
**
**   build/threads EXTENSION [ROUNDS]
**
** Writes a database of articles (generated normal text plus a few hostile
** texts) to a temporary file, then:
**   1. one connection runs every registered function of tests/stress/kfuncs.h
**      over all articles (and the JSON scalar form of every table-valued
**      function that has one) and records a checksum of all output, per
**      function;
**   2. 8 threads, each with its own connection and its own load of the
**      extension, run the same queries ROUNDS times (default 4), in an order
**      that differs per thread, and compare every checksum with step 1.
** Any difference or error is a failure. Run it under ThreadSanitizer with
** `make test-tsan`. Ends with "N passed, N failed" like the main runner.
*/
#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench/corpus.h"
#include "stress/kfuncs.h"

#define NTHREAD 8
#define MAXQ (2 * KF_NFUNC)

static const char *ext_path;
static char db_path[256];
static int rounds = 4;

/* The queries actually run: one per registered function (plus JSON forms). */
static struct query {
  char label[64];
  char *sql;
  uint64_t want;      /* checksum of the single-threaded run */
} queries[MAXQ];
static int nquery;

static uint64_t fnv(uint64_t h, const void *p, size_t n){
  const unsigned char *u = p;
  while( n-- ){ h ^= *u++; h *= 1099511628211ull; }
  return h;
}

static sqlite3 *open_conn(void){
  sqlite3 *db;
  char *err = 0;
  if( sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, 0) != SQLITE_OK ){
    fprintf(stderr, "threads: cannot open %s\n", db_path);
    exit(2);
  }
  sqlite3_enable_load_extension(db, 1);
  if( sqlite3_load_extension(db, ext_path, 0, &err) != SQLITE_OK ){
    fprintf(stderr, "threads: cannot load %s: %s\n", ext_path, err ? err : "?");
    exit(2);
  }
  return db;
}

/* Checksum of every value of every row (type, then bytes) and of the error
** that ended the query, if any; 0 with *err set when the query could not
** run at all. */
static uint64_t run_query(sqlite3 *db, const char *sql, char *err, size_t nerr){
  sqlite3_stmt *st;
  uint64_t h = 1469598103934665603ull;
  int rc;
  err[0] = 0;
  if( sqlite3_prepare_v2(db, sql, -1, &st, 0) != SQLITE_OK ){
    snprintf(err, nerr, "%s", sqlite3_errmsg(db));
    return 0;
  }
  while( (rc = sqlite3_step(st)) == SQLITE_ROW ){
    int i, n = sqlite3_column_count(st);
    for(i = 0; i < n; i++){
      int t = sqlite3_column_type(st, i);
      const void *p = sqlite3_column_blob(st, i);
      h = fnv(h, &t, sizeof(t));
      if( p ) h = fnv(h, p, (size_t)sqlite3_column_bytes(st, i));
    }
    h = fnv(h, "\n", 1);
  }
  if( rc != SQLITE_DONE ){
    /* an error is part of the answer: every thread must give the same one */
    const char *msg = sqlite3_errmsg(db);
    h = fnv(h, &rc, sizeof(rc));
    h = fnv(h, msg, strlen(msg));
    if( rc == SQLITE_NOMEM || rc == SQLITE_MISUSE ) snprintf(err, nerr, "%s", msg);
  }
  sqlite3_finalize(st);
  return err[0] ? 0 : h;
}

static void make_database(void){
  sqlite3 *db;
  sqlite3_stmt *st;
  cparas ps = {0, 0, 0};
  cbuf b = {0, 0, 0};
  int fd, i;
  snprintf(db_path, sizeof(db_path), "/tmp/krant-threads-XXXXXX");
  fd = mkstemp(db_path);
  if( fd < 0 ){ perror("mkstemp"); exit(2); }
  close(fd);
  corpus_paragraphs(&ps);
  if( sqlite3_open(db_path, &db) != SQLITE_OK ) exit(2);
  sqlite3_exec(db, "PRAGMA journal_mode=OFF; CREATE TABLE articles(id INTEGER PRIMARY KEY, body TEXT); BEGIN", 0, 0, 0);
  sqlite3_prepare_v2(db, "INSERT INTO articles(body) VALUES (?1)", -1, &st, 0);
  for(i = 0; i < 120; i++){
    b.n = 0;
    if( i % 20 == 19 ) corpus_hostile(&b, 8192);     /* some hostile articles */
    else corpus_article(&b, &ps, 1500 + cpick(4000));
    sqlite3_bind_text(st, 1, b.z, (int)b.n, SQLITE_STATIC);
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_exec(db, "COMMIT", 0, 0, 0);
  sqlite3_close(db);
  free(b.z);
  cp_free(&ps);
}

static void make_queries(void){
  sqlite3 *db = open_conn();
  int i;
  for(i = 0; i < KF_NFUNC; i++){
    const kf_func *f = &kf_funcs[i];
    if( !kf_registered(db, f) ) continue;
    snprintf(queries[nquery].label, sizeof(queries[0].label), "%s", f->name);
    queries[nquery++].sql = kf_corpus_sql(f);
    if( kf_has_json(db, f) ){
      /* the JSON scalar form of the table-valued function */
      kf_func g = *f;
      g.tvf = 0;
      snprintf(queries[nquery].label, sizeof(queries[0].label), "%s (json)", f->name);
      queries[nquery++].sql = kf_corpus_sql(&g);
    }
  }
  for(i = 0; i < nquery; i++){
    char err[256];
    sqlite3_stmt *st;
    queries[i].want = run_query(db, queries[i].sql, err, sizeof(err));
    if( err[0] ){
      fprintf(stderr, "threads: %s fails single-threaded: %s\n", queries[i].label, err);
      exit(1);
    }
    /* say so when the reference answer itself is an error */
    if( sqlite3_prepare_v2(db, queries[i].sql, -1, &st, 0) == SQLITE_OK ){
      int rc;
      while( (rc = sqlite3_step(st)) == SQLITE_ROW ){}
      if( rc != SQLITE_DONE ) printf("threads: note: %s ends in an error: %s\n", queries[i].label, sqlite3_errmsg(db));
      sqlite3_finalize(st);
    }
  }
  sqlite3_close(db);
}

typedef struct worker {
  int id;
  long pass, fail;
} worker;

static void *work(void *arg){
  worker *w = arg;
  sqlite3 *db = open_conn();
  int r, k;
  for(r = 0; r < rounds; r++){
    for(k = 0; k < nquery; k++){
      /* every thread walks the queries in its own order */
      int q = (k + w->id + r) % nquery;
      char err[256];
      uint64_t h = run_query(db, queries[q].sql, err, sizeof(err));
      if( !err[0] && h == queries[q].want ){ w->pass++; continue; }
      w->fail++;
      printf("FAIL thread %d round %d: %s: %s\n", w->id, r, queries[q].label,
             err[0] ? err : "output differs from the single-threaded run");
    }
  }
  sqlite3_close(db);
  return 0;
}

int main(int argc, char **argv){
  pthread_t th[NTHREAD];
  worker w[NTHREAD];
  long pass = 0, fail = 0;
  int i;
  if( argc < 2 ){
    fprintf(stderr, "usage: %s EXTENSION [ROUNDS]\n", argv[0]);
    return 2;
  }
  ext_path = argv[1];
  if( argc > 2 ) rounds = atoi(argv[2]);
  if( sqlite3_threadsafe() == 0 ){
    fprintf(stderr, "threads: this SQLite is not thread-safe\n");
    return 2;
  }
  make_database();
  make_queries();
  printf("threads: %d connections x %d rounds x %d queries:", NTHREAD, rounds, nquery);
  for(i = 0; i < nquery; i++) printf(" %s", queries[i].label);
  printf("\n");
  for(i = 0; i < NTHREAD; i++){
    memset(&w[i], 0, sizeof(w[i]));
    w[i].id = i;
    if( pthread_create(&th[i], 0, work, &w[i]) != 0 ){ perror("pthread_create"); return 2; }
  }
  for(i = 0; i < NTHREAD; i++){
    pthread_join(th[i], 0);
    pass += w[i].pass;
    fail += w[i].fail;
  }
  for(i = 0; i < nquery; i++) free(queries[i].sql);
  unlink(db_path);
  printf("%ld passed, %ld failed\n", pass, fail);
  return fail ? 1 : 0;
}
