/*
** bench_workflow - the speed of the SQL workflow (issue 6), in numbers.
**
**   build/bench_workflow dist/krant.so [DATABASE]
**
** 1. Builds a database file (default build/bench-workflow.db, made anew)
**    with sql/schema.sql and BENCH_WF_ARTICLES (default 100000) articles of
**    about 4 KB, generated like `make bench`'s corpus (tests/bench/corpus.h:
**    paragraphs of examples/articles and built-in ones, varied), spread over
**    8 outlets and two years of publication dates.
** 2. Throughput on the first BENCH_WF_SAMPLE (default 10000) articles: the
**    bare functions (extract_quotes, extract_speakers, extract_dates with the
**    publication date, every output column read, nothing stored), then
**    sql/analyze.sql with :batch set to the same number, which stores it all.
**    Prints both rates and analyze.sql's share of the bare rate (the target
**    is at least 75 %), and the database growth per analysed article.
**    analyze.sql analyses each article once for both its quotes and its
**    speakers (krant keeps the analysis of the last text, sql/schema.sql
**    calls the two in turn per article); so the bare functions are also
**    timed article by article in that order, and analyze.sql's share of
**    that rate, the cost of storing alone, is printed too.
** 3. Analyses the rest with analyze.sql, then times every report of sql/reports
**    on the whole database (the target: under a second each), on a
**    connection set up like sql/report_html.sql's (64 MB page cache, the
**    file memory-mapped). The keyword report runs with its default pattern.
**
** A benchmark, not a test: it exits 0 unless it cannot run at all.
*/
#include <sqlite3.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../bench/corpus.h"

static double now(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU seconds of this process: the throughput comparison uses them, so
** that other processes on the machine do not tilt it. */
static double cpu(void){
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long env_long(const char *name, long dflt){
  const char *v = getenv(name);
  return v && *v ? atol(v) : dflt;
}

static void die(sqlite3 *db, const char *what){
  fprintf(stderr, "bench_workflow: %s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
  exit(2);
}

static char *read_file(const char *path){
  FILE *f = fopen(path, "rb");
  long n;
  char *z;
  if( f == 0 ){ fprintf(stderr, "bench_workflow: cannot read %s\n", path); exit(2); }
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  z = malloc((size_t)n + 1);
  if( z == 0 || fread(z, 1, (size_t)n, f) != (size_t)n ){ fprintf(stderr, "read %s\n", path); exit(2); }
  z[n] = 0;
  fclose(f);
  return z;
}

/* Step st to its end, reading every column of every row; dies on an
** error. Returns the rows seen. */
static long long drain(sqlite3 *db, sqlite3_stmt *st){
  long long rows = 0;
  int rc, i;
  while( (rc = sqlite3_step(st)) == SQLITE_ROW ){
    for(i = 0; i < sqlite3_column_count(st); i++) (void)sqlite3_column_bytes(st, i);
    rows++;
  }
  if( rc != SQLITE_DONE ) die(db, sqlite3_sql(st));
  return rows;
}

/* Run every statement of sql, binding :batch (when it occurs) to batch,
** stepping every row and reading every column. Returns the rows seen. */
static long long run_sql(sqlite3 *db, const char *sql, long batch){
  long long rows = 0;
  const char *tail = sql;
  while( tail && *tail ){
    sqlite3_stmt *st = 0;
    int idx;
    if( sqlite3_prepare_v2(db, tail, -1, &st, &tail) != SQLITE_OK ) die(db, "prepare");
    if( st == 0 ) continue;               /* only comments or white space left */
    idx = sqlite3_bind_parameter_index(st, ":batch");
    if( idx > 0 && batch > 0 ) sqlite3_bind_int64(st, idx, batch);
    rows += drain(db, st);
    sqlite3_finalize(st);
  }
  return rows;
}

static long long one_int(sqlite3 *db, const char *sql){
  sqlite3_stmt *st;
  long long v = 0;
  if( sqlite3_prepare_v2(db, sql, -1, &st, 0) != SQLITE_OK ) die(db, sql);
  if( sqlite3_step(st) == SQLITE_ROW ) v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

/* The bare functions article by article, as an application would call
** them: for each article its quotes, then its speakers (which reuse the
** analysis just made of the same text), then its dates, every column
** read. Returns the rows seen. */
static long long bare_by_article(sqlite3 *db, long sample){
  static const char *const q[3] = {
    "SELECT * FROM extract_quotes(?1)",
    "SELECT s.*, speaker_key(s.name) FROM extract_speakers(?1) s",
    "SELECT * FROM extract_dates(?1, ?2)",
  };
  sqlite3_stmt *arts, *st[3];
  long long rows = 0;
  int k;
  if( sqlite3_prepare_v2(db, "SELECT body, published FROM articles WHERE id <= ?1 ORDER BY id",
                         -1, &arts, 0) ) die(db, "prepare");
  for(k = 0; k < 3; k++) if( sqlite3_prepare_v2(db, q[k], -1, &st[k], 0) ) die(db, q[k]);
  sqlite3_bind_int64(arts, 1, sample);
  while( sqlite3_step(arts) == SQLITE_ROW ){
    for(k = 0; k < 3; k++){
      sqlite3_bind_value(st[k], 1, sqlite3_column_value(arts, 0));
      if( k == 2 ) sqlite3_bind_value(st[k], 2, sqlite3_column_value(arts, 1));
      rows += drain(db, st[k]);
      sqlite3_reset(st[k]);
    }
  }
  for(k = 0; k < 3; k++) sqlite3_finalize(st[k]);
  sqlite3_finalize(arts);
  return rows;
}

static const char *const outlets[] = {
  "NOS", "NRC", "de Volkskrant", "Trouw", "De Standaard", "De Morgen", "VRT NWS", "Het Parool",
};

/* n articles: the corpus generator's `date ...` line becomes `published`
** (moved into 2023-2024 so that the weeks are dense), the rest the body. */
static double build_articles(sqlite3 *db, const cparas *ps, long n){
  sqlite3_stmt *st;
  cbuf b = {0, 0, 0};
  double bytes = 0;
  long i;
  if( sqlite3_exec(db, "BEGIN", 0, 0, 0) ) die(db, "begin");
  if( sqlite3_prepare_v2(db, "INSERT INTO articles(origin, source, published, title, body, lang)"
        " VALUES (?1, ?2, date('2023-01-01', ?3 || ' days'), ?4, ?5, ?6)", -1, &st, 0) ){
    die(db, "insert");
  }
  for(i = 0; i < n; i++){
    char origin[32], days[16];
    const char *body;
    int k = (int)cpick(8);
    b.n = 0;
    corpus_article(&b, ps, 2000 + cpick(5000));
    body = strchr(b.z, '\n') + 1;
    snprintf(origin, sizeof(origin), "bench:%ld", i + 1);
    snprintf(days, sizeof(days), "+%d", (int)cpick(730));
    sqlite3_bind_text(st, 1, origin, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, outlets[k], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, days, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, "Titel", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, body, (int)(b.z + b.n - body), SQLITE_STATIC);
    sqlite3_bind_text(st, 6, k >= 4 && k <= 6 ? "nl-BE" : "nl-NL", -1, SQLITE_STATIC);
    if( sqlite3_step(st) != SQLITE_DONE ) die(db, "insert");
    sqlite3_reset(st);
    bytes += (double)(b.z + b.n - body);
  }
  sqlite3_finalize(st);
  if( sqlite3_exec(db, "COMMIT", 0, 0, 0) ) die(db, "commit");
  free(b.z);
  return bytes;
}

static long long db_bytes(sqlite3 *db){
  return one_int(db, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size");
}

int main(int argc, char **argv){
  sqlite3 *db;
  char *err = 0, *schema, *analyze, sql[512];
  const char *path = argc > 2 ? argv[2] : "build/bench-workflow.db";
  long n = env_long("BENCH_WF_ARTICLES", 100000);
  long sample = env_long("BENCH_WF_SAMPLE", 10000);
  cparas ps = {0, 0, 0};
  double t0, t_bare, t_an, t_art, w_bare = 0, w_an = 0, w_art = 0, mb, t_all = now();
  int k;
  long long before, after, rows;
  glob_t g;
  size_t i;
  if( argc < 2 ){ fprintf(stderr, "usage: %s EXTENSION [DATABASE]\n", argv[0]); return 2; }
  if( sample > n ) sample = n;
  setvbuf(stdout, 0, _IOLBF, 0);          /* each line as it is printed */
  unlink(path);
  if( sqlite3_open(path, &db) != SQLITE_OK ) die(db, "open");
  sqlite3_enable_load_extension(db, 1);
  if( sqlite3_load_extension(db, argv[1], 0, &err) != SQLITE_OK ){
    fprintf(stderr, "bench_workflow: cannot load %s: %s\n", argv[1], err ? err : "?");
    return 2;
  }
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", 0, 0, 0);
  schema = read_file("sql/schema.sql");
  analyze = read_file("sql/analyze.sql");
  run_sql(db, schema, 0);

  corpus_paragraphs(&ps);
  t0 = now();
  mb = build_articles(db, &ps, n) / 1048576.0;
  printf("bench_workflow: SQLite %s; %ld articles, %.1f MB of text, built in %.1f s (%s)\n",
         sqlite3_libversion(), n, mb, now() - t0, path);
  mb = one_int(db, "SELECT sum(length(CAST(body AS BLOB))) FROM articles WHERE id <= 10000") / 1048576.0;
  if( sample != 10000 ){
    snprintf(sql, sizeof(sql), "SELECT sum(length(CAST(body AS BLOB))) FROM articles WHERE id <= %ld", sample);
    mb = one_int(db, sql) / 1048576.0;
  }

  /* 2. the bare functions, then analyze.sql, on the same sample */
  snprintf(sql, sizeof(sql),
    "SELECT q.* FROM articles a, extract_quotes(a.body) q WHERE a.id <= %ld;"
    "SELECT s.*, speaker_key(s.name) FROM articles a, extract_speakers(a.body) s WHERE a.id <= %ld;"
    "SELECT d.* FROM articles a, extract_dates(a.body, a.published) d WHERE a.id <= %ld;",
    sample, sample, sample);
  /* best of three runs each, in CPU time; the analysis is deleted between.
  ** Both sides run on this connection with the page cache that
  ** analyze.sql sets (64 MB): the same for every run of either side. */
  run_sql(db, "PRAGMA cache_size = -65536;", 0);
  t_bare = t_an = t_art = 1e9;
  before = after = 0;
  rows = 0;
  for(k = 0; k < 3; k++){
    double w0 = now(), c0 = cpu(), w1, c1;
    rows = run_sql(db, sql, 0);
    c1 = cpu() - c0; w1 = now() - w0;
    if( c1 < t_bare ){ t_bare = c1; w_bare = w1; }
    w0 = now(); c0 = cpu();
    (void)bare_by_article(db, sample);
    c1 = cpu() - c0; w1 = now() - w0;
    if( c1 < t_art ){ t_art = c1; w_art = w1; }
    if( k == 0 ) before = db_bytes(db);
    w0 = now(); c0 = cpu();
    run_sql(db, analyze, sample);
    c1 = cpu() - c0; w1 = now() - w0;
    if( c1 < t_an ){ t_an = c1; w_an = w1; }
    if( k == 0 ) after = db_bytes(db);
    if( k < 2 ){
      run_sql(db, "PRAGMA foreign_keys = ON; DELETE FROM analysed;"
                  " DELETE FROM temp.analyse_cursor;", 0);
    }
  }
  printf("\non the first %ld articles (%.1f MB), best of three runs, CPU time (wall time):\n", sample, mb);
  printf("  bare functions   %7.2f s (%6.2f s) %8.0f articles/s %6.1f MB/s  (%lld rows)\n",
         t_bare, w_bare, sample / t_bare, mb / t_bare, rows);
  printf("  sql/analyze.sql  %7.2f s (%6.2f s) %8.0f articles/s %6.1f MB/s"
         "  = %.0f %% of the bare rate (target >= 75 %%)\n",
         t_an, w_an, sample / t_an, mb / t_an, 100.0 * t_bare / t_an);
  /* analyze.sql analyses each article once for its quotes and speakers
  ** (schema.sql); so do the bare functions called article by article: the
  ** share of that rate is the cost of storing alone */
  printf("  bare functions, article by article, quotes then speakers of each (one analysis):\n"
         "                   %7.2f s (%6.2f s) %8.0f articles/s %6.1f MB/s"
         "  analyze.sql = %.0f %% of it (storing %.0f us per article)\n",
         t_art, w_art, sample / t_art, mb / t_art, 100.0 * t_art / t_an,
         1e6 * (t_an - t_art) / sample);
  printf("  database growth  %.0f bytes per analysed article (%.1f MB for %ld; the text itself %.0f bytes per article)\n",
         (double)(after - before) / sample, (after - before) / 1048576.0, sample, mb * 1048576.0 / sample);

  /* 3. analyse the rest, then the reports on all of it */
  if( n > sample ){
    double c0 = cpu();
    t0 = now();
    run_sql(db, analyze, 0);
    t0 = now() - t0;
    c0 = cpu() - c0;
    printf("  the other %ld articles analysed in %.1f s CPU (%.1f s wall; %.0f articles/s)\n",
           n - sample, c0, t0, (n - sample) / c0);
  }
  /* the report connection as sql/report_html.sql sets it up */
  run_sql(db, "PRAGMA cache_size = -65536; PRAGMA mmap_size = 2000000000;", 0);
  printf("\nreports on %lld analysed articles (%lld quotes, %lld speakers, %lld date mentions;"
         " database %.0f MB):\n",
         one_int(db, "SELECT count(*) FROM analysed"), one_int(db, "SELECT count(*) FROM quotes"),
         one_int(db, "SELECT count(*) FROM speakers"), one_int(db, "SELECT count(*) FROM date_mentions"),
         db_bytes(db) / 1048576.0);
  printf("  (best of three runs; with PRAGMA cache_size = -65536 and mmap_size = 2000000000, as make report;\n"
         "   the target is judged on the wall time, or on the CPU time when other processes slow the machine down)\n");
  if( glob("sql/reports/*.sql", 0, 0, &g) == 0 ){
    for(i = 0; i < g.gl_pathc; i++){
      char *rep = read_file(g.gl_pathv[i]);
      double best = 1e9, best_cpu = 1e9;
      for(k = 0; k < 3; k++){
        double t = now(), c = cpu();
        rows = run_sql(db, rep, 0);
        t = now() - t;
        c = cpu() - c;
        if( t < best ) best = t;
        if( c < best_cpu ) best_cpu = c;
      }
      printf("  %-40s %7.3f s (CPU %6.3f s) %5lld rows  %s\n", g.gl_pathv[i], best, best_cpu, rows,
             best < 1.0 ? "ok" : best_cpu < 1.0 ? "ok in CPU time (the wall time: a busy machine)"
                                                : "SLOW (target: under 1 s)");
      free(rep);
    }
    globfree(&g);
  }
  printf("\ntotal %.1f s\n", now() - t_all);
  free(schema);
  free(analyze);
  cp_free(&ps);
  sqlite3_close(db);
  return 0;
}
