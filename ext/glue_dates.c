/*
** glue_dates.c - the SQL face of the date engine (ext/core/dates.h):
**
**   parse_dutch_date(text [, reference])   the value of the first date
**   extract_dates(text [, reference])       one row per temporal expression
**                                           (table-valued; the scalar of the
**                                           same name returns JSON)
**
** The reference is 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM[:SS]', 'YYYY-MM-DDTHH:MM'
** or a Dutch date; anything else is an error naming the function and the
** value. A NULL reference is the same as none.
*/
#include "glue.h"
#include "core/dates.h"
#include <string.h>

/* The date lexicons are indexed once per connection, in kr_register_dates,
** into a kr_date_lex shared by extract_dates (the module and its JSON
** scalar) and parse_dutch_date (both arities) of that connection. Each of
** the three registrations holds a reference; the last one to go (when the
** connection closes, or when a function is replaced) frees the index.
** Nothing is shared between connections, and an allocation failure fails
** that one registration only. */
typedef struct date_aux {
  kr_date_lex *lx;
  int refs;             /* changed only under the connection's mutex */
} date_aux;

static void aux_unref(void *p){
  date_aux *a = (date_aux *)p;
  if( --a->refs == 0 ){ kr_date_lex_free(a->lx); sqlite3_free(a); }
}

/* Read the optional reference argument. Returns SQLITE_OK (ref->ok = 0 when
** absent or NULL) or an error code with *pzErr set. */
static int read_ref(sqlite3 *db, const kr_date_lex *lx, sqlite3_value *v, const char *fname,
                    kr_dref *ref, char **pzErr){
  const unsigned char *z;
  int64_t n;
  int rc;
  memset(ref, 0, sizeof *ref);
  if( v == 0 || sqlite3_value_type(v) == SQLITE_NULL ) return SQLITE_OK;
  rc = kr_value_text(db, v, &z, &n);
  if( rc != SQLITE_OK ) return rc;
  if( !kr_dref_parse(lx, (const char *)z, n, ref) ){
    /* the value as the message shows it: at most 200 bytes, invalid UTF-8
    ** and control characters as U+FFFD, so the message is valid text */
    char shown[801];
    int64_t i = 0, o = 0;
    while( z && i < n && i < 200 ){
      int len;
      uint32_t c = kr_decode(z, n, i, &len);
      if( c < 0x20 || c == 0x7F ) c = 0xFFFD;
      o += kr_encode(c, shown + o);
      i += len;
    }
    shown[o] = 0;
    *pzErr = sqlite3_mprintf("%s(): invalid reference date '%s'", fname, shown);
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

/* ---- parse_dutch_date ---------------------------------------------------- */

/* The reference is usually the same for every row of a statement (a
** constant, or one article's date): once parsed it is kept as the
** argument's auxiliary data, which SQLite drops when the value changes. */
static void parse_dutch_date_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const kr_date_lex *lx = ((const date_aux *)sqlite3_user_data(ctx))->lx;
  const unsigned char *z;
  int64_t n;
  kr_dref ref, *kept = 0;
  char out[32], *err = 0;
  int rc;
  if( kr_arg_text(ctx, argv[0], "parse_dutch_date", &z, &n) <= 0 ) return;
  if( argc > 1 && (kept = (kr_dref *)sqlite3_get_auxdata(ctx, 1)) != 0 ){
    ref = *kept;
  }else{
    rc = read_ref(sqlite3_context_db_handle(ctx), lx, argc > 1 ? argv[1] : 0, "parse_dutch_date", &ref, &err);
    if( rc != SQLITE_OK ){
      if( err ){ sqlite3_result_error(ctx, err, -1); sqlite3_free(err); }
      else sqlite3_result_error_code(ctx, rc);
      return;
    }
    if( argc > 1 && ref.ok && (kept = (kr_dref *)sqlite3_malloc(sizeof *kept)) != 0 ){
      *kept = ref;
      sqlite3_set_auxdata(ctx, 1, kept, sqlite3_free);
    }
  }
  if( kr_date_parse(lx, (const char *)z, n, &ref, out) ){
    sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
  }
}

/* ---- extract_dates -------------------------------------------------------- */

static const char *const date_cols[] = {
  "expression", "value", "type", "first_day", "last_day",
  "start", "length", "byte_start", "byte_end", "days"
};
static const char *const date_coltypes[] = {
  "TEXT", "TEXT", "TEXT", "TEXT", "TEXT", "INTEGER", "INTEGER", "INTEGER", "INTEGER", "REAL"
};
static const char *const date_args[] = { "text", "reference" };
static const char *const date_types[] = { "date", "time", "duration", "set" };

/* A text cell of n bytes at z, NULL when empty. */
static void cell_text(kr_rows *rows, const char *z, size_t n){
  if( n ) kr_rows_text(rows, z, (int64_t)n);
  else kr_rows_null(rows);
}

/* The rows are appended as the engine reports the expressions, with no
** array of them in between. */
typedef struct date_rows {
  kr_rows *rows;
  const char *z;
  int has_ref;        /* a reference day was given */
  int64_t ref_day;    /* its day number (kr_days_from_civil) */
} date_rows;

/* The day number of a 'YYYY-MM-DD' that the engine wrote. */
static int64_t day_of(const char *d){
  int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
  int m = (d[5] - '0') * 10 + (d[6] - '0');
  int dd = (d[8] - '0') * 10 + (d[9] - '0');
  return kr_days_from_civil(y, m, dd);
}

static int date_row(void *arg, const kr_date *e){
  date_rows *a = (date_rows *)arg;
  kr_rows *rows = a->rows;
  /* each length is measured once (the day columns are read twice) */
  size_t nfirst = strlen(e->first), nlast = strlen(e->last);
  kr_rows_text(rows, a->z + e->b0, e->b1 - e->b0);
  cell_text(rows, e->value, strlen(e->value));
  kr_rows_cstr(rows, date_types[e->type & 3]);
  cell_text(rows, e->first, nfirst);
  cell_text(rows, e->last, nlast);
  /* the span columns (start, length, byte_start, byte_end) from the
  ** character offsets the tokenizer counted (see kr_rows_span) */
  kr_rows_int(rows, e->c0 + 1);
  kr_rows_int(rows, e->c1 - e->c0);
  kr_rows_int(rows, e->b0);
  kr_rows_int(rows, e->b1);
  /* days: from the reference day to the middle of the period, -1 for
  ** "gisteren", 0.5 for "dit weekend" written on a Saturday; NULL without
  ** a reference or without first and last day */
  if( a->has_ref && nfirst == 10 && nlast == 10 ){
    kr_rows_real(rows, (double)(day_of(e->first) + day_of(e->last)) / 2.0 - (double)a->ref_day);
  }else{
    kr_rows_null(rows);
  }
  return rows->rc != SQLITE_OK;           /* stop after a failed allocation */
}

static int extract_dates_fill(sqlite3 *db, void *aux, sqlite3_value **argv, kr_rows *rows, char **pzErr){
  const unsigned char *z;
  int64_t n;
  kr_dref ref;
  date_rows a;
  const kr_date_lex *lx = ((const date_aux *)aux)->lx;
  int rc;
  rc = kr_value_text(db, argv[0], &z, &n);
  if( rc != SQLITE_OK || z == 0 ) return rc;
  rc = read_ref(db, lx, argv[1], "extract_dates", &ref, pzErr);
  if( rc != SQLITE_OK ) return rc;
  if( n == 0 ) return SQLITE_OK;
  a.rows = rows;
  a.z = (const char *)z;
  a.has_ref = ref.ok;
  a.ref_day = ref.ok ? kr_days_from_civil(ref.y, ref.m, ref.d) : 0;
  if( kr_dates_each(lx, (const char *)z, n, &ref, date_row, &a) != KR_OK ) return SQLITE_NOMEM;
  return rows->rc;
}

static const kr_tvf extract_dates_def = {
  "extract_dates", date_cols, date_coltypes, 10, date_args, 2, 1, extract_dates_fill
};

int kr_register_dates(sqlite3 *db, char **pzErr){
  date_aux *a = (date_aux *)sqlite3_malloc(sizeof *a);
  int rc, n;
  (void)pzErr;
  if( a == 0 ) return SQLITE_NOMEM;
  a->refs = 1;
  a->lx = kr_date_lex_new();
  if( a->lx == 0 ){ sqlite3_free(a); return SQLITE_NOMEM; }
  /* each registration takes a reference; a failed one drops it at once */
  rc = kr_register_tvf_ex(db, &extract_dates_def, a, 1, aux_unref);
  for(n = 1; n <= 2 && rc == SQLITE_OK; n++){
    a->refs++;
    rc = sqlite3_create_function_v2(db, "parse_dutch_date", n, KR_PURE, a,
                                    parse_dutch_date_fn, 0, 0, aux_unref);
  }
  return rc;
}
