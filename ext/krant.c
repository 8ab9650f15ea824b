/*
** krant - analyse Dutch and Flemish news articles in SQLite.
**
** This file is the extension's only entry point. Load it with
**
**     .load ./dist/krant                      -- sqlite3 shell
**     conn.load_extension("./dist/krant")     -- Python
**     db.loadExtension("./dist/krant")        -- Node, better-sqlite3
**
** and it registers every function and table-valued function of krant on
** that connection, family by family (see glue.h; the README has the full
** reference):
**
**   krant_version(), krant_debug()                       this file
**   sentences(text)                                      glue_text.c
**   regexp(pattern, text), regexp_replace(), regexp_matches()   glue_regexp.c
**   parse_dutch_date(), extract_dates()                  glue_dates.c
**   extract_quotes(), extract_speakers(), speaker_key()  glue_quotes.c
**
** Registration stops at the first failure, with a message in *pzErrMsg.
*/
#define KR_GLUE_NO_INIT3
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
#include "glue.h"
#include "core/lexicon.h"

#include <pcre2.h>
#include <unicode/uversion.h>

#ifndef KRANT_VERSION
# define KRANT_VERSION "v0.0.0"
#endif
#include "commit.h"   /* KRANT_COMMIT, written by the Makefile */

/* The oldest SQLite krant works with: sqlite3_str (3.25), eponymous
** virtual tables with HIDDEN columns, SQLITE_INNOCUOUS (3.31). */
#define KR_MIN_SQLITE 3031000

static void version_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc; (void)argv;
  sqlite3_result_text(ctx, KRANT_VERSION, -1, SQLITE_STATIC);
}

static void debug_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  char pcre[32];
  uint32_t jit = 0;
  UVersionInfo uv;
  char icu[U_MAX_VERSION_STRING_LENGTH];
  char *s;
  (void)argc; (void)argv;
  if( pcre2_config(PCRE2_CONFIG_VERSION, pcre) < 0 ) pcre[0] = 0;
  pcre2_config(PCRE2_CONFIG_JIT, &jit);
  u_getVersion(uv);
  u_versionToString(uv, icu);
  s = sqlite3_mprintf(
    "krant %s\ncommit %s\nsqlite %s\npcre2 %s (jit %s)\nicu %s\nlexicons %d",
    KRANT_VERSION, KRANT_COMMIT, sqlite3_libversion(), pcre, jit ? "on" : "off",
    icu, kr_nlexicons);
  if( s == 0 ){ sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_text(ctx, s, -1, sqlite3_free);
}

static int register_self(sqlite3 *db, char **pzErr){
  int rc = sqlite3_create_function_v2(db, "krant_version", 0, KR_PURE, 0, version_func, 0, 0, 0);
  (void)pzErr;
  if( rc == SQLITE_OK ){
    /* not deterministic: the answer depends on the libraries loaded */
    rc = sqlite3_create_function_v2(db, "krant_debug", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                    0, debug_func, 0, 0, 0);
  }
  return rc;
}

static const struct {
  const char *family;
  int (*reg)(sqlite3 *, char **);
} families[] = {
  { "krant",  register_self },
  { "text",   kr_register_text },
  { "regexp", kr_register_regexp },
  { "dates",  kr_register_dates },
  { "quotes", kr_register_quotes },
};

#ifdef _WIN32
__declspec(dllexport)
#else
__attribute__((visibility("default")))
#endif
int sqlite3_krant_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi){
  size_t i;
  SQLITE_EXTENSION_INIT2(pApi);
  if( sqlite3_libversion_number() < KR_MIN_SQLITE ){
    *pzErrMsg = sqlite3_mprintf("krant needs SQLite 3.31.0 or later, this is %s",
                                sqlite3_libversion());
    return SQLITE_ERROR;
  }
  for(i = 0; i < sizeof(families) / sizeof(families[0]); i++){
    char *err = 0;
    int rc = families[i].reg(db, &err);
    if( rc != SQLITE_OK ){
      *pzErrMsg = sqlite3_mprintf("krant: cannot register the %s functions: %s",
                                  families[i].family, err ? err : sqlite3_errstr(rc));
      sqlite3_free(err);
      return rc;
    }
  }
  return SQLITE_OK;
}
