/*
** bench - throughput and memory of every krant function.
**
**   build/bench dist/krant.so
**
** 1. Builds a corpus of BENCH_MB (default 56) MB of article text in a
**    temporary in-memory database: articles of about 4 KB, generated from
**    the example articles (examples/articles) and built-in paragraphs (tests/bench/corpus.h).
** 2. Times a trivial scan of the same text (SELECT sum(length(body)) FROM
**    articles), then every registered function of tests/stress/kfuncs.h over
**    the whole corpus, reading every output column of every row (numbers
**    as numbers, text as bytes; BENCH_ONLY=name,... times only those
**    functions), each the best of three runs like the scan. Prints MB/s,
**    wall-clock and CPU MB/s, articles/s, output rows/s, the time as a
**    multiple of the trivial scan,
**    and the peak memory the query allocated through SQLite (the extension
**    allocates through SQLite, so sqlite3_memory_highwater sees it).
** 3. Scalars again on short strings (dates, names): calls/s.
** 4. A scaling table: each function on ONE text of 1, 4, 16 and 64 MB of
**    normal and of hostile text (BENCH_SCALE_MB sets the largest size). The
**    CPU time per MB (page faults included, other processes not) should
**    stay flat; growth means non-linear behaviour, or memory: the fresh
**    pages each run touched are printed too, with what one costs here. A size
**    that takes longer than BENCH_GUARD seconds (default 20) ends the row.
**
** A benchmark, not a test: it always exits 0 unless it cannot run at all.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <malloc.h>
#include <sys/mman.h>

#include "corpus.h"
#include "../stress/kfuncs.h"

static double now(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of this process: less sensitive than wall-clock time to other
** work on a shared machine. */
static double cpu_now(void){
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double env_num(const char *name, double dflt){
  const char *v = getenv(name);
  return v && *v ? atof(v) : dflt;
}

/* BENCH_ONLY=name[,name...] limits the run to those functions (for
** profiling one of them); unset, every function is timed. */
static int bench_wanted(const char *name){
  const char *only = getenv("BENCH_ONLY"), *p;
  size_t n = strlen(name);
  if( only == 0 || *only == 0 ) return 1;
  for(p = only; (p = strstr(p, name)) != 0; p += n){
    if( (p == only || p[-1] == ',') && (p[n] == 0 || p[n] == ',') ) return 1;
  }
  return 0;
}

static void die(sqlite3 *db, const char *what){
  fprintf(stderr, "bench: %s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
  exit(2);
}

static void exec(sqlite3 *db, const char *sql){
  char *err = 0;
  if( sqlite3_exec(db, sql, 0, 0, &err) != SQLITE_OK ){
    fprintf(stderr, "bench: %s: %s\n", sql, err ? err : "?");
    exit(2);
  }
}

/* The result of one timed query. */
typedef struct run {
  double sec;
  double cpu;       /* CPU seconds over the same run */
  long long rows;
  long long peak;   /* bytes allocated through SQLite above the level at the start */
  long long minflt; /* fresh pages the process touched (minor page faults) */
  int rc;           /* SQLITE_DONE, or the error */
  char err[160];
} run;

/* Run sql (with the optional text bound to ?1), stepping every row and
** reading every column, as an application would. */
static run timed(sqlite3 *db, const char *sql, const char *bind, size_t nbind){
  run r;
  sqlite3_stmt *st;
  long long base;
  double t0, c0;
  struct rusage ru;
  memset(&r, 0, sizeof(r));
  if( sqlite3_prepare_v2(db, sql, -1, &st, 0) != SQLITE_OK ){
    r.rc = sqlite3_errcode(db);
    snprintf(r.err, sizeof(r.err), "%s", sqlite3_errmsg(db));
    return r;
  }
  if( bind ) sqlite3_bind_text64(st, 1, bind, nbind, SQLITE_STATIC, SQLITE_UTF8);
  base = sqlite3_memory_used();
  sqlite3_memory_highwater(1);
  getrusage(RUSAGE_SELF, &ru);
  r.minflt = -ru.ru_minflt;
  t0 = now();
  c0 = cpu_now();
  while( (r.rc = sqlite3_step(st)) == SQLITE_ROW ){
    int i, n = sqlite3_column_count(st);
    /* each column read as an application reads it: numbers as numbers,
    ** text and blobs as bytes (sqlite3_column_bytes on an INTEGER would
    ** time SQLite's number-to-text conversion, not the function) */
    for(i = 0; i < n; i++){
      switch( sqlite3_column_type(st, i) ){
        case SQLITE_INTEGER: (void)sqlite3_column_int64(st, i); break;
        case SQLITE_FLOAT:   (void)sqlite3_column_double(st, i); break;
        case SQLITE_NULL:    break;
        default:             (void)sqlite3_column_bytes(st, i); break;
      }
    }
    r.rows++;
  }
  r.sec = now() - t0;
  r.cpu = cpu_now() - c0;
  r.peak = sqlite3_memory_highwater(0) - base;
  getrusage(RUSAGE_SELF, &ru);
  r.minflt += ru.ru_minflt;
  if( r.rc != SQLITE_DONE ) snprintf(r.err, sizeof(r.err), "%s", sqlite3_errmsg(db));
  sqlite3_finalize(st);
  return r;
}

static const char *human_bytes(long long b, char *buf, size_t n){
  if( b < 0 ) b = 0;
  if( b >= 10ll << 20 ) snprintf(buf, n, "%lld MB", b >> 20);
  else if( b >= 10ll << 10 ) snprintf(buf, n, "%lld KB", b >> 10);
  else snprintf(buf, n, "%lld B", b);
  return buf;
}

/* ---- 1. the corpus ---------------------------------------------------------- */

static long long build_corpus(sqlite3 *db, const cparas *ps, double mb, long long *narticles){
  sqlite3_stmt *st;
  cbuf b = {0, 0, 0};
  long long total = 0, n = 0;
  exec(db, "CREATE TABLE articles(id INTEGER PRIMARY KEY, body TEXT)");
  exec(db, "BEGIN");
  if( sqlite3_prepare_v2(db, "INSERT INTO articles(body) VALUES (?1)", -1, &st, 0) ) die(db, "insert");
  while( total < (long long)(mb * 1048576) ){
    b.n = 0;
    corpus_article(&b, ps, 2000 + cpick(5000));
    sqlite3_bind_text(st, 1, b.z, (int)b.n, SQLITE_STATIC);
    if( sqlite3_step(st) != SQLITE_DONE ) die(db, "insert");
    sqlite3_reset(st);
    total += (long long)b.n;
    n++;
  }
  sqlite3_finalize(st);
  exec(db, "COMMIT");
  free(b.z);
  *narticles = n;
  return total;
}

/* Short strings for the scalars: date expressions and names. */
static void build_shorts(sqlite3 *db, int n){
  static const char *const shorts[] = {
    "15 februari 2022", "gisteren", "vorige week dinsdag", "3 mei", "om 14.30 uur",
    "di 15-02-2022", "eind maart", "de jaren negentig", "drie weken geleden", "Pasen 2023",
    "geen datum hier", "2000 soldaten", "komende zondag", "1 t/m 3 maart", "2022-02-15",
    "Jan de Vries", "mevrouw El Amrani", "Pieter van der Meulen", "Bart De Wever", "de minister",
  };
  sqlite3_stmt *st;
  int i, k = (int)(sizeof(shorts) / sizeof(shorts[0]));
  exec(db, "CREATE TABLE shorts(s TEXT)");
  exec(db, "BEGIN");
  if( sqlite3_prepare_v2(db, "INSERT INTO shorts VALUES (?1)", -1, &st, 0) ) die(db, "shorts");
  for(i = 0; i < n; i++){
    sqlite3_bind_text(st, 1, shorts[i % k], -1, SQLITE_STATIC);
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  exec(db, "COMMIT");
}

/* ---- 2. throughput --------------------------------------------------------- */

static double trivial_scan(sqlite3 *db){
  double best = 1e9;
  int i;
  for(i = 0; i < 3; i++){
    run r = timed(db, "SELECT sum(length(body)) FROM articles", 0, 0);
    if( r.sec < best ) best = r.sec;
  }
  return best;
}

static void throughput(sqlite3 *db, long long bytes, long long narticles, double scan){
  int i, rep;
  char mem[32];
  double mb = bytes / 1048576.0;
  printf("\n%-18s %9s %9s %11s %12s %12s %8s %10s\n", "function", "MB/s", "CPU MB/s",
         "articles/s", "rows out", "rows/s", "x scan", "peak mem");
  printf("%-18s %9.1f %9s %11.0f %12s %12s %8.2f %10s\n", "(trivial scan)", mb / scan, "-",
         narticles / scan, "-", "-", 1.0, "-");
  for(i = 0; i < KF_NFUNC; i++){
    const kf_func *f = &kf_funcs[i];
    char *sql;
    run r;
    if( !kf_registered(db, f) || !bench_wanted(f->name) ) continue;
    sql = kf_corpus_sql(f);
    /* the best of three runs, wall-clock and CPU time each, as for the
    ** trivial scan: a single run measures the machine's moment as much as
    ** the function (runs of one build vary by 5-10 % here) */
    r = timed(db, sql, 0, 0);
    for(rep = 1; rep < 3 && r.rc == SQLITE_DONE; rep++){
      run again = timed(db, sql, 0, 0);
      if( again.rc != SQLITE_DONE ){ r = again; break; }
      if( again.sec < r.sec ) r.sec = again.sec;
      if( again.cpu < r.cpu ) r.cpu = again.cpu;
    }
    free(sql);
    if( r.rc != SQLITE_DONE ){
      printf("%-18s error: %s\n", f->name, r.err);
      continue;
    }
    printf("%-18s %9.1f %9.1f %11.0f %12lld %12.0f %8.2f %10s\n", f->name, mb / r.sec,
           r.cpu > 0 ? mb / r.cpu : 0.0,
           narticles / r.sec, r.rows, r.rows / r.sec, r.sec / scan,
           human_bytes(r.peak, mem, sizeof(mem)));
    fflush(stdout);
  }
}

/* ---- 3. scalars on short strings ------------------------------------------- */

static void short_calls(sqlite3 *db, int n){
  int i, header = 0;
  for(i = 0; i < KF_NFUNC; i++){
    const kf_func *f = &kf_funcs[i];
    char *call, *sql;
    run r;
    if( f->tvf || !kf_registered(db, f) || !bench_wanted(f->name) ) continue;
    if( !header ){
      printf("\n%-18s %14s   (on %d short strings: dates, names)\n", "scalar", "calls/s", n);
      header = 1;
    }
    call = kf_expand(f, "s", 0);
    sql = malloc(strlen(call) + 64);
    sprintf(sql, "SELECT %s FROM shorts", call);
    r = timed(db, sql, 0, 0);
    if( r.rc != SQLITE_DONE ) printf("%-18s error: %s\n", f->name, r.err);
    else printf("%-18s %14.0f\n", f->name, r.rows / r.sec);
    free(call);
    free(sql);
  }
}

/* ---- 4. scaling ------------------------------------------------------------- */

/* Microseconds the first touch of a fresh page of memory costs here (the
** kernel maps and zeroes it): on a virtual machine it can be many times
** the cost on bare metal, and a text far bigger than any before needs
** fresh memory in proportion to its size. */
static double fresh_page_us(void){
  size_t n = (size_t)64 << 20, i;
  char *p = mmap(0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  double t0;
  if( p == MAP_FAILED ) return 0;
  t0 = now();
  for(i = 0; i < n; i += 4096) p[i] = 1;
  t0 = now() - t0;
  munmap(p, n);
  return t0 * 1e6 / (double)(n / 4096);
}

static void scaling(sqlite3 *db, const cparas *ps, double maxmb, double guard){
  static const double sizes[] = { 1, 4, 16, 64, 256 };
  cbuf text[2][5];
  int nsize = 0, i, s, kind;
  memset(text, 0, sizeof(text));
  while( nsize < 5 && sizes[nsize] <= maxmb ) nsize++;
  if( nsize == 0 ) return;   /* BENCH_SCALE_MB below 1: no table */
  for(s = 0; s < nsize; s++){
    size_t size = (size_t)(sizes[s] * 1048576);
    corpus_normal(&text[0][s], ps, size);
    corpus_hostile(&text[1][s], size);
  }
  printf("\nscaling: CPU milliseconds per MB on one text of N MB (flat = linear), and the fresh\n"
         "pages of memory touched per MB of text at the smallest and the largest size: a fresh\n"
         "page costs %.1f us on this machine, a time counted in the ms per MB\n",
         fresh_page_us());
  printf("%-18s %-8s", "function", "text");
  for(s = 0; s < nsize; s++) printf(" %8.0f MB", sizes[s]);
  printf("   growth   fresh pages/MB\n");
  for(i = 0; i < KF_NFUNC; i++){
    const kf_func *f = &kf_funcs[i];
    char *sql;
    if( !kf_registered(db, f) || !bench_wanted(f->name) ) continue;
    sql = kf_bound_sql(f);
    for(kind = 0; kind < 2; kind++){
      double first = 0, last = 0, pf_first = 0, pf_last = 0;
      printf("%-18s %-8s", f->name, kind ? "hostile" : "normal");
      for(s = 0; s < nsize; s++){
        /* every size is timed at least twice (the small ones three times)
        ** and the best kept: the first run at a new size also pays for the
        ** fresh pages of its first big allocations (SQLite's copy of the
        ** text, the analysis arrays), a one-off cost that would pass for
        ** non-linear growth */
        run r = timed(db, sql, text[kind][s].z, text[kind][s].n);
        double per;
        int rep;
        for(rep = 1; rep < (s < 2 ? 3 : 2) && r.rc == SQLITE_DONE; rep++){
          run again = timed(db, sql, text[kind][s].z, text[kind][s].n);
          if( again.cpu < r.cpu ) r = again;
        }
        per = r.cpu * 1000 / (text[kind][s].n / 1048576.0);
        if( r.rc != SQLITE_DONE ){
          printf("  error: %.60s", r.err);
          break;
        }
        printf(" %11.2f", per);
        fflush(stdout);
        if( s == 0 ){ first = per; pf_first = r.minflt / (text[kind][s].n / 1048576.0); }
        last = per;
        pf_last = r.minflt / (text[kind][s].n / 1048576.0);
        if( r.sec > guard ){
          printf("  (stopped: %.0f s)", r.sec);
          break;
        }
      }
      printf("   x%.1f   %6.0f -> %.0f\n", first > 0 ? last / first : 0.0, pf_first, pf_last);
    }
    free(sql);
  }
  for(kind = 0; kind < 2; kind++) for(s = 0; s < 5; s++) free(text[kind][s].z);
}

int main(int argc, char **argv){
  sqlite3 *db;
  char *err = 0;
  cparas ps = {0, 0, 0};
  long long bytes, narticles;
  double t0 = now(), scan, mb = env_num("BENCH_MB", 56);
  int nfile;
  /* freed memory stays with the process, as in a long-running application
  ** after its first big article: glibc would otherwise map and unmap every
  ** big block anew, and the fresh-page faults (costly in a VM) would be
  ** timed with each call */
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  struct rusage ru;
  if( argc < 2 ){
    fprintf(stderr, "usage: %s EXTENSION\n", argv[0]);
    return 2;
  }
  if( sqlite3_open(":memory:", &db) != SQLITE_OK ) die(db, "open");
  sqlite3_enable_load_extension(db, 1);
  if( sqlite3_load_extension(db, argv[1], 0, &err) != SQLITE_OK ){
    fprintf(stderr, "bench: cannot load %s: %s\n", argv[1], err ? err : "?");
    return 2;
  }
  nfile = corpus_paragraphs(&ps);
  bytes = build_corpus(db, &ps, mb, &narticles);
  build_shorts(db, 100000);
  printf("krant bench: SQLite %s; corpus %.1f MB in %lld articles from %zu paragraphs"
         " (%d example files + built-in), built in %.1f s\n",
         sqlite3_libversion(), bytes / 1048576.0, narticles, ps.n, nfile, now() - t0);
  scan = trivial_scan(db);
  throughput(db, bytes, narticles, scan);
  short_calls(db, 100000);
  scaling(db, &ps, env_num("BENCH_SCALE_MB", 64), env_num("BENCH_GUARD", 20));
  getrusage(RUSAGE_SELF, &ru);
  printf("\ntotal %.1f s; process peak RSS %ld MB (corpus and test texts included)\n",
         now() - t0, ru.ru_maxrss / 1024);
  sqlite3_close(db);
  return 0;
}
