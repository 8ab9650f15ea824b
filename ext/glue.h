/*
** glue.h - the thin layer between the krant core and SQLite.
**
** Every SQL-facing file (krant.c and the glue_*.c family files) includes
** this header. Only krant.c says SQLITE_EXTENSION_INIT1; the others get the
** API pointer through SQLITE_EXTENSION_INIT3 below.
**
** Table-valued functions are described by a kr_tvf and registered with
** kr_register_tvf(): the engine in glue.c does the series.c-style work
** (HIDDEN argument columns, xBestIndex slots, NULL argument -> no rows,
** re-filtering one cursor per outer row, 1-based rowids) and also provides
** the scalar form that returns the same rows as a JSON array of objects.
** A family only writes the `fill` callback that turns arguments into rows.
*/
#ifndef KR_GLUE_H
#define KR_GLUE_H

#include <sqlite3ext.h>
#ifndef KR_GLUE_NO_INIT3
SQLITE_EXTENSION_INIT3
#endif

#include "core/kr.h"
#include "core/text.h"

/* Flags for pure scalar functions. */
#define KR_PURE (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

/* Read a value as UTF-8 text, the krant way: NULL stays NULL (*pz = NULL),
** INTEGER and REAL are read as their text, a BLOB as UTF-8 bytes; the
** length comes from sqlite3_value_bytes (texts may hold NUL bytes).
** Returns SQLITE_OK, SQLITE_NOMEM, or SQLITE_TOOBIG when the text is longer
** than the connection's SQLITE_LIMIT_LENGTH. */
int kr_value_text(sqlite3 *db, sqlite3_value *v, const unsigned char **pz, int64_t *pn);

/* The same for a scalar function's argument: on failure the error is set
** on ctx (naming the function fname) and -1 is returned; 0 means NULL,
** 1 means text in *pz, *pn. */
int kr_arg_text(sqlite3_context *ctx, sqlite3_value *v, const char *fname,
                const unsigned char **pz, int64_t *pn);

/* ---- Result rows ------------------------------------------------------- */

#define KR_CELL_NULL 0
#define KR_CELL_INT  1
#define KR_CELL_REAL 2
#define KR_CELL_TEXT 3

typedef struct kr_cell {
  int type;
  int64_t i;        /* INT value; for TEXT the arena offset */
  double r;         /* REAL value */
  int64_t n;        /* TEXT byte length */
} kr_cell;

/* A growable table of cells, ncol per row, texts copied into an arena.
** Errors are sticky: after an allocation failure every append is a no-op
** and rc is SQLITE_NOMEM. Reset keeps the capacity, so a cursor that is
** filtered once per article keeps memory flat. */
typedef struct kr_rows {
  int ncol;
  kr_cell *cell;
  int64_t ncell, capcell;
  char *arena;
  int64_t narena, caparena;
  int rc;
} kr_rows;

void kr_rows_init(kr_rows *r, int ncol);
void kr_rows_reset(kr_rows *r);
void kr_rows_free(kr_rows *r);
int64_t kr_rows_count(const kr_rows *r);
void kr_rows_null(kr_rows *r);
void kr_rows_int(kr_rows *r, int64_t v);
void kr_rows_real(kr_rows *r, double v);
void kr_rows_text(kr_rows *r, const char *z, int64_t n);
void kr_rows_cstr(kr_rows *r, const char *z);   /* NULL pointer -> SQL NULL */
/* The two columns start (1-based character) and length (characters) of
** [b0, b1), widened to whole characters as SQLite counts them. */
void kr_rows_start_length(kr_rows *r, const kr_text *t, int64_t b0, int64_t b1);
/* The four span columns start, length, byte_start, byte_end of [b0, b1). */
void kr_rows_span(kr_rows *r, const kr_text *t, int64_t b0, int64_t b1);
/* Value of a cell as SQL result. */
void kr_rows_result(sqlite3_context *ctx, const kr_rows *r, int64_t row, int col);

/* ---- Table-valued functions --------------------------------------------- */

typedef struct kr_tvf kr_tvf;
struct kr_tvf {
  const char *name;            /* SQL name of the function and of the module */
  const char *const *col;      /* ncol visible column names */
  const char *const *coltype;  /* their declared types (TEXT, INTEGER, REAL) */
  int ncol;
  const char *const *arg;      /* narg argument names (HIDDEN columns) */
  int narg;
  int nreq;                    /* the first nreq arguments are required */
  /* Fill rows from the arguments. argv has narg entries; an optional
  ** argument that was not given is a NULL pointer. Required arguments are
  ** never SQL NULL here (a NULL one gives no rows without calling fill).
  ** Return SQLITE_OK, or an error code with *pzErr set to a message from
  ** sqlite3_mprintf that names the function. */
  int (*fill)(sqlite3 *db, void *aux, sqlite3_value **argv, kr_rows *rows, char **pzErr);
};

/* Register the table-valued function (an eponymous-only virtual table,
** innocuous) and, when with_json is set, the scalar function of the same
** name that returns the rows as a JSON array of objects (one per arity from
** nreq to narg). aux is handed to fill; it is not freed. */
int kr_register_tvf(sqlite3 *db, const kr_tvf *def, void *aux, int with_json);
/* The same, handing ownership of aux to the module: xDestroy(aux) runs when
** the connection closes (or at once if registration fails). */
int kr_register_tvf_ex(sqlite3 *db, const kr_tvf *def, void *aux, int with_json,
                       void (*xDestroy)(void *));

/* Append the rows as a JSON array of objects to str. */
void kr_rows_json(sqlite3_str *str, const kr_tvf *def, const kr_rows *r);

/* Append z[0..n) to str as a JSON string (invalid UTF-8 becomes U+FFFD). */
void kr_json_string(sqlite3_str *str, const char *z, int64_t n);

/* ---- Family registration ---------------------------------------------- */

/* Each family file defines one of these; krant.c calls them in turn. On
** failure they return an SQLite error code and may set *pzErr. */
int kr_register_text(sqlite3 *db, char **pzErr);     /* glue_text.c */
int kr_register_regexp(sqlite3 *db, char **pzErr);   /* glue_regexp.c */
int kr_register_dates(sqlite3 *db, char **pzErr);    /* glue_dates.c */
int kr_register_quotes(sqlite3 *db, char **pzErr);   /* glue_quotes.c */

#endif
