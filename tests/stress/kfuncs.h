/*
** kfuncs.h - the krant SQL functions that the hardening tools exercise.
**
** The benchmark (tests/bench/bench.c), the thread test (tests/threads.c),
** the embedding test (tests/stress/embed.c) and the SQL-level fuzz targets
** (tests/fuzz/sql_fuzz.c) all read this one table. A new SQL function is
** picked up everywhere by adding ONE line below; an entry whose function is
** not (yet) registered by the extension is skipped at run time, so the table
** may name functions that are still being written.
**
** call: how the function is called. "$1" stands for the article text and
**       "$2" for the second argument; arg2 is that argument's usual value as
**       an SQL literal (the fuzz targets replace it with part of their input).
*/
#ifndef KFUNCS_H
#define KFUNCS_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct kf_func {
  const char *name;   /* the SQL name; skipped when the extension lacks it */
  int tvf;            /* 1: table-valued function (rows); 0: scalar */
  const char *call;   /* the call, with $1 (text) and $2 (second argument) */
  const char *arg2;   /* the default second argument, an SQL literal, or 0 */
} kf_func;

static const kf_func kf_funcs[] = {
  { "sentences",        1, "sentences($1)",                    0 },
  { "regexp_matches",   1, "regexp_matches($1, $2)",           "'\\b\\p{Lu}\\p{Ll}+'" },
  { "regexp",           0, "regexp($2, $1)",                   "'[0-9]{4}'" },
  { "regexp_replace",   0, "regexp_replace($1, $2, '<$0>')",   "'\\p{Lu}\\p{Ll}+'" },
  { "parse_dutch_date", 0, "parse_dutch_date($1, $2)",         "'2022-02-16'" },
  { "extract_dates",    1, "extract_dates($1, $2)",            "'2022-02-16'" },
  { "extract_quotes",   1, "extract_quotes($1)",               0 },
  { "extract_speakers", 1, "extract_speakers($1)",             0 },
  { "speaker_key",      0, "speaker_key($1)",                  0 },
};

#define KF_NFUNC ((int)(sizeof(kf_funcs) / sizeof(kf_funcs[0])))

/* The call with $1 replaced by text and $2 by arg2 (or the default), in a
** malloc'd string. */
static inline char *kf_expand(const kf_func *f, const char *text, const char *arg2){
  const char *p;
  size_t cap = strlen(f->call) + 4 * (strlen(text) + 64) + (arg2 ? strlen(arg2) : 0) + 256, n = 0;
  char *out = malloc(cap);
  if( out == 0 ) abort();
  if( arg2 == 0 ) arg2 = f->arg2 ? f->arg2 : "NULL";
  for(p = f->call; *p; p++){
    const char *sub = 0;
    if( p[0] == '$' && p[1] == '1' ) sub = text;
    else if( p[0] == '$' && p[1] == '2' ) sub = arg2;
    if( sub ){
      size_t k = strlen(sub);
      if( n + k + 1 >= cap ) abort();
      memcpy(out + n, sub, k);
      n += k;
      p++;
    }else{
      out[n++] = *p;
    }
  }
  out[n] = 0;
  return out;
}

/* A query that runs f over every row of `articles` (column body) and returns
** all of its output: the rows of a table-valued function, or the scalar's
** value per article. malloc'd. */
static inline char *kf_corpus_sql(const kf_func *f){
  char *call = kf_expand(f, "a.body", 0), *sql = malloc(strlen(call) + 128);
  if( sql == 0 ) abort();
  if( f->tvf ) sprintf(sql, "SELECT x.* FROM articles a, %s x", call);
  else sprintf(sql, "SELECT %s FROM articles a", call);
  free(call);
  return sql;
}

/* The same on one bound text ?1 (and an optional second argument ?2 that
** falls back to the default when NULL). */
static inline char *kf_bound_sql(const kf_func *f){
  char arg2[256];
  char *call, *sql;
  snprintf(arg2, sizeof(arg2), "coalesce(?2, %s)", f->arg2 ? f->arg2 : "NULL");
  call = kf_expand(f, "?1", f->arg2 ? arg2 : "?2");
  sql = malloc(strlen(call) + 64);
  if( sql == 0 ) abort();
  if( f->tvf ) sprintf(sql, "SELECT * FROM %s", call);
  else sprintf(sql, "SELECT %s", call);
  free(call);
  return sql;
}

/* Is name registered on db (as a function, or as a module for a
** table-valued function)? */
static inline int kf_registered(sqlite3 *db, const kf_func *f){
  sqlite3_stmt *st;
  int found = 0;
  const char *sql = f->tvf ? "SELECT 1 FROM pragma_module_list WHERE name = ?1"
                           : "SELECT 1 FROM pragma_function_list WHERE name = ?1";
  if( sqlite3_prepare_v2(db, sql, -1, &st, 0) != SQLITE_OK ) return 0;
  sqlite3_bind_text(st, 1, f->name, -1, SQLITE_STATIC);
  found = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  return found;
}

/* Does a table-valued function also have its JSON scalar form? */
static inline int kf_has_json(sqlite3 *db, const kf_func *f){
  kf_func g = *f;
  if( !f->tvf ) return 0;
  g.tvf = 0;
  return kf_registered(db, &g);
}

static inline const kf_func *kf_find(const char *name){
  int i;
  for(i = 0; i < KF_NFUNC; i++) if( strcmp(kf_funcs[i].name, name) == 0 ) return &kf_funcs[i];
  return 0;
}

#endif
