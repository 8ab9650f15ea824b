/*
** glue_text.c - the text family: sentences(text).
**
**   CREATE TABLE sentences(
**     sentence   TEXT,     -- the sentence, trimmed of surrounding white space
**     paragraph  INTEGER,  -- 1-based paragraph (every line break ends one)
**     start      INTEGER,  -- 1-based character position: substr(text, start, length)
**     length     INTEGER,  -- length in characters
**     byte_start INTEGER,  -- 0-based byte offset
**     byte_end   INTEGER,  -- byte offset just past the sentence
**     text       HIDDEN    -- the argument
**   );
**
** The segmentation itself is ext/core/text.c (kr_segment).
*/
#include "glue.h"

static int sentences_fill(sqlite3 *db, void *aux, sqlite3_value **argv, kr_rows *rows, char **pzErr){
  const unsigned char *z;
  int64_t n, i;
  kr_text t;
  kr_segments seg;
  int rc = kr_value_text(db, argv[0], &z, &n);
  (void)aux; (void)pzErr;
  if( rc != SQLITE_OK || z == 0 ) return rc;
  if( kr_text_init(&t, (const char *)z, n) ) return SQLITE_NOMEM;
  if( kr_segment(&t, &seg) ){
    kr_text_free(&t);
    return SQLITE_NOMEM;
  }
  for(i = 0; i < seg.nsent && rows->rc == SQLITE_OK; i++){
    const kr_sentence *s = &seg.sent[i];
    kr_rows_text(rows, (const char *)z + s->b0, s->b1 - s->b0);
    kr_rows_int(rows, s->paragraph);
    kr_rows_span(rows, &t, s->b0, s->b1);
  }
  kr_segments_free(&seg);
  kr_text_free(&t);
  return SQLITE_OK;
}

static const char *const sentences_col[] = {
  "sentence", "paragraph", "start", "length", "byte_start", "byte_end"
};
static const char *const sentences_type[] = {
  "TEXT", "INTEGER", "INTEGER", "INTEGER", "INTEGER", "INTEGER"
};
static const char *const sentences_arg[] = { "text" };

static const kr_tvf sentences_def = {
  "sentences", sentences_col, sentences_type, 6, sentences_arg, 1, 1, sentences_fill
};

int kr_register_text(sqlite3 *db, char **pzErr){
  (void)pzErr;
  return kr_register_tvf(db, &sentences_def, 0, 0);
}
