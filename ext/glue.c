/*
** glue.c - shared SQLite glue: the core's allocator, argument reading,
** result rows, JSON output and the engine behind every table-valued
** function (see glue.h).
*/
#include "glue.h"

#include <string.h>

/* ---- The core's allocator: SQLite's, so its limits and hooks apply -------- */

void *kr_malloc(size_t n){ return sqlite3_malloc64((sqlite3_uint64)n); }
void *kr_realloc(void *p, size_t n){ return sqlite3_realloc64(p, (sqlite3_uint64)n); }
void kr_free(void *p){ sqlite3_free(p); }

/* ---- Arguments ------------------------------------------------------------ */

int kr_value_text(sqlite3 *db, sqlite3_value *v, const unsigned char **pz, int64_t *pn){
  int type = sqlite3_value_type(v);
  *pz = 0;
  *pn = 0;
  if( type == SQLITE_NULL ) return SQLITE_OK;
  /* text first, then bytes: the length is that of the text form */
  *pz = sqlite3_value_text(v);
  *pn = sqlite3_value_bytes(v);
  if( *pz == 0 ){
    *pn = 0;
    return SQLITE_NOMEM;
  }
  if( db && *pn > sqlite3_limit(db, SQLITE_LIMIT_LENGTH, -1) ){
    *pz = 0;
    *pn = 0;
    return SQLITE_TOOBIG;
  }
  return SQLITE_OK;
}

int kr_arg_text(sqlite3_context *ctx, sqlite3_value *v, const char *fname,
                const unsigned char **pz, int64_t *pn){
  int rc = kr_value_text(sqlite3_context_db_handle(ctx), v, pz, pn);
  if( rc == SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
    return -1;
  }
  if( rc == SQLITE_TOOBIG ){
    char *msg = sqlite3_mprintf("%s(): text is too big", fname);
    sqlite3_result_error(ctx, msg ? msg : "text is too big", -1);
    sqlite3_result_error_code(ctx, SQLITE_TOOBIG);
    sqlite3_free(msg);
    return -1;
  }
  return *pz ? 1 : 0;
}

/* ---- Result rows ------------------------------------------------------------ */

void kr_rows_init(kr_rows *r, int ncol){
  memset(r, 0, sizeof(*r));
  r->ncol = ncol;
}

void kr_rows_reset(kr_rows *r){
  r->ncell = 0;
  r->narena = 0;
  r->rc = SQLITE_OK;
}

void kr_rows_free(kr_rows *r){
  sqlite3_free(r->cell);
  sqlite3_free(r->arena);
  kr_rows_init(r, r->ncol);
}

int64_t kr_rows_count(const kr_rows *r){
  return r->ncol ? r->ncell / r->ncol : 0;
}

/* A new cell at the end, or NULL after a failed allocation. Every
** appender sets all the fields its type reads, so the cell is not cleared;
** the common case (room left) is a compare and an increment. */
static kr_cell *new_cell_grow(kr_rows *r){
  if( r->rc ) return 0;
  if( kr_grow((void **)&r->cell, &r->capcell, r->ncell + 1, sizeof(kr_cell)) ){
    r->rc = SQLITE_NOMEM;
    return 0;
  }
  return &r->cell[r->ncell++];
}

static inline kr_cell *new_cell(kr_rows *r){
  if( r->ncell < r->capcell && !r->rc ) return &r->cell[r->ncell++];
  return new_cell_grow(r);
}

void kr_rows_null(kr_rows *r){
  kr_cell *c = new_cell(r);
  if( c ) c->type = KR_CELL_NULL;
}

void kr_rows_int(kr_rows *r, int64_t v){
  kr_cell *c = new_cell(r);
  if( c ){ c->type = KR_CELL_INT; c->i = v; }
}

void kr_rows_real(kr_rows *r, double v){
  kr_cell *c = new_cell(r);
  if( c ){ c->type = KR_CELL_REAL; c->r = v; }
}

void kr_rows_text(kr_rows *r, const char *z, int64_t n){
  kr_cell *c;
  if( z == 0 ){ kr_rows_null(r); return; }
  c = new_cell(r);
  if( c == 0 ) return;
  if( r->narena + n + 1 > r->caparena && kr_grow((void **)&r->arena, &r->caparena, r->narena + n + 1, 1) ){
    r->rc = SQLITE_NOMEM;
    r->ncell--;
    return;
  }
  if( n ) memcpy(r->arena + r->narena, z, (size_t)n);
  r->arena[r->narena + n] = 0;
  c->type = KR_CELL_TEXT;
  c->i = r->narena;
  c->n = n;
  r->narena += n + 1;
}

void kr_rows_cstr(kr_rows *r, const char *z){
  if( z == 0 ) kr_rows_null(r);
  else kr_rows_text(r, z, (int64_t)strlen(z));
}

void kr_rows_start_length(kr_rows *r, const kr_text *t, int64_t b0, int64_t b1){
  int64_t c0 = kr_text_char_at(t, b0);
  kr_rows_int(r, c0 + 1);
  /* a span may end inside what SQLite counts as one character (a PCRE2
  ** match before stray continuation bytes): the length then takes that
  ** whole character, so substr(text, start, length) covers the span */
  kr_rows_int(r, b1 > b0 ? kr_text_char_at(t, b1 - 1) + 1 - c0 : 0);
}

void kr_rows_span(kr_rows *r, const kr_text *t, int64_t b0, int64_t b1){
  kr_rows_start_length(r, t, b0, b1);
  kr_rows_int(r, b0);
  kr_rows_int(r, b1);
}

void kr_rows_result(sqlite3_context *ctx, const kr_rows *r, int64_t row, int col){
  const kr_cell *c = &r->cell[row * r->ncol + col];
  switch( c->type ){
    case KR_CELL_INT: sqlite3_result_int64(ctx, c->i); break;
    case KR_CELL_REAL: sqlite3_result_double(ctx, c->r); break;
    case KR_CELL_TEXT:
      sqlite3_result_text64(ctx, r->arena + c->i, (sqlite3_uint64)c->n, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    default: sqlite3_result_null(ctx); break;
  }
}

/* ---- JSON ----------------------------------------------------------------- */

void kr_json_string(sqlite3_str *str, const char *z, int64_t n){
  const unsigned char *u = (const unsigned char *)z;
  int64_t i = 0, run = 0;
  sqlite3_str_appendchar(str, 1, '"');
  while( i < n ){
    unsigned char b = u[i];
    int len;
    uint32_t c;
    if( b >= 0x20 && b < 0x80 && b != '"' && b != '\\' ){ i++; run++; continue; }
    if( run ){ sqlite3_str_append(str, (const char *)u + i - run, (int)run); run = 0; }
    if( b < 0x80 ){
      switch( b ){
        case '"': sqlite3_str_append(str, "\\\"", 2); break;
        case '\\': sqlite3_str_append(str, "\\\\", 2); break;
        case '\n': sqlite3_str_append(str, "\\n", 2); break;
        case '\r': sqlite3_str_append(str, "\\r", 2); break;
        case '\t': sqlite3_str_append(str, "\\t", 2); break;
        default: sqlite3_str_appendf(str, "\\u%04x", b); break;
      }
      i++;
      continue;
    }
    c = kr_decode(u, n, i, &len);
    if( c == 0xFFFD ) sqlite3_str_append(str, "\\ufffd", 6);
    else sqlite3_str_append(str, (const char *)u + i, len);
    i += len;
  }
  if( run ) sqlite3_str_append(str, (const char *)u + i - run, (int)run);
  sqlite3_str_appendchar(str, 1, '"');
}

void kr_rows_json(sqlite3_str *str, const kr_tvf *def, const kr_rows *r){
  int64_t row, nrow = kr_rows_count(r);
  sqlite3_str_appendchar(str, 1, '[');
  for(row = 0; row < nrow; row++){
    int col;
    if( row ) sqlite3_str_appendchar(str, 1, ',');
    sqlite3_str_appendchar(str, 1, '{');
    for(col = 0; col < def->ncol; col++){
      const kr_cell *c = &r->cell[row * r->ncol + col];
      if( col ) sqlite3_str_appendchar(str, 1, ',');
      sqlite3_str_appendf(str, "\"%s\":", def->col[col]);
      switch( c->type ){
        case KR_CELL_INT: sqlite3_str_appendf(str, "%lld", (long long)c->i); break;
        case KR_CELL_REAL: sqlite3_str_appendf(str, "%!.15g", c->r); break;
        case KR_CELL_TEXT: kr_json_string(str, r->arena + c->i, c->n); break;
        default: sqlite3_str_append(str, "null", 4); break;
      }
    }
    sqlite3_str_appendchar(str, 1, '}');
  }
  sqlite3_str_appendchar(str, 1, ']');
}

/* ---- Table-valued function engine ------------------------------------------ */

typedef struct tvf_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
  const kr_tvf *def;
  void *aux;
} tvf_vtab;

typedef struct tvf_cursor {
  sqlite3_vtab_cursor base;
  kr_rows rows;
  int64_t row;           /* 0-based current row */
} tvf_cursor;

typedef struct tvf_module {
  sqlite3_module module;
  const kr_tvf *def;
  void *aux;
  void (*xDestroy)(void *);
} tvf_module;

static int tvf_connect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                       sqlite3_vtab **ppVtab, char **pzErr){
  tvf_module *m = pAux;
  const kr_tvf *def = m->def;
  tvf_vtab *v;
  sqlite3_str *s = sqlite3_str_new(db);
  char *sql;
  int i, rc;
  (void)argc; (void)argv;
  sqlite3_str_appendall(s, "CREATE TABLE x(");
  for(i = 0; i < def->ncol; i++){
    sqlite3_str_appendf(s, "%s%s %s", i ? ", " : "", def->col[i], def->coltype[i]);
  }
  for(i = 0; i < def->narg; i++){
    sqlite3_str_appendf(s, ", %s HIDDEN", def->arg[i]);
  }
  sqlite3_str_appendall(s, ")");
  sql = sqlite3_str_finish(s);
  if( sql == 0 ) return SQLITE_NOMEM;
  rc = sqlite3_declare_vtab(db, sql);
  sqlite3_free(sql);
  if( rc != SQLITE_OK ){
    *pzErr = sqlite3_mprintf("%s(): %s", def->name, sqlite3_errmsg(db));
    return rc;
  }
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  v = sqlite3_malloc(sizeof(*v));
  if( v == 0 ) return SQLITE_NOMEM;
  memset(v, 0, sizeof(*v));
  v->db = db;
  v->def = def;
  v->aux = m->aux;
  *ppVtab = &v->base;
  return SQLITE_OK;
}

static int tvf_disconnect(sqlite3_vtab *pVtab){
  sqlite3_free(pVtab);
  return SQLITE_OK;
}

static int tvf_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor){
  tvf_vtab *v = (tvf_vtab *)pVtab;
  tvf_cursor *c = sqlite3_malloc(sizeof(*c));
  if( c == 0 ) return SQLITE_NOMEM;
  memset(c, 0, sizeof(*c));
  kr_rows_init(&c->rows, v->def->ncol);
  *ppCursor = &c->base;
  return SQLITE_OK;
}

static int tvf_close(sqlite3_vtab_cursor *cur){
  tvf_cursor *c = (tvf_cursor *)cur;
  kr_rows_free(&c->rows);
  sqlite3_free(c);
  return SQLITE_OK;
}

static int tvf_next(sqlite3_vtab_cursor *cur){
  ((tvf_cursor *)cur)->row++;
  return SQLITE_OK;
}

static int tvf_eof(sqlite3_vtab_cursor *cur){
  tvf_cursor *c = (tvf_cursor *)cur;
  return c->row >= kr_rows_count(&c->rows);
}

static int tvf_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  tvf_cursor *c = (tvf_cursor *)cur;
  /* hidden argument columns read back as NULL: the arguments themselves are
  ** not kept once the rows are made */
  if( i < c->rows.ncol ) kr_rows_result(ctx, &c->rows, c->row, i);
  return SQLITE_OK;
}

static int tvf_rowid(sqlite3_vtab_cursor *cur, sqlite_int64 *pRowid){
  *pRowid = ((tvf_cursor *)cur)->row + 1;
  return SQLITE_OK;
}

/* Run fill with the arguments in argv (narg slots, absent ones NULL
** pointers); a NULL required argument gives no rows. */
static int run_fill(sqlite3 *db, const kr_tvf *def, void *aux, sqlite3_value **argv,
                    kr_rows *rows, char **pzErr){
  int i, rc;
  kr_rows_reset(rows);
  for(i = 0; i < def->nreq; i++){
    if( argv[i] == 0 || sqlite3_value_type(argv[i]) == SQLITE_NULL ) return SQLITE_OK;
  }
  rc = def->fill(db, aux, argv, rows, pzErr);
  if( rc == SQLITE_OK ) rc = rows->rc;
  if( rc != SQLITE_OK ) kr_rows_reset(rows);
  return rc;
}

static int tvf_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                      int argc, sqlite3_value **argv){
  tvf_cursor *c = (tvf_cursor *)cur;
  tvf_vtab *v = (tvf_vtab *)cur->pVtab;
  const kr_tvf *def = v->def;
  sqlite3_value *slot[16];
  int i, j = 0, rc;
  char *err = 0;
  (void)idxStr;
  memset(slot, 0, sizeof(slot));
  for(i = 0; i < def->narg && i < 16; i++){
    if( (idxNum & (1 << i)) && j < argc ) slot[i] = argv[j++];
  }
  c->row = 0;
  for(i = 0; i < def->nreq && i < 16; i++){
    if( !(idxNum & (1 << i)) ){
      /* the plan of last resort of tvf_best_index: the caller's mistake */
      sqlite3_free(v->base.zErrMsg);
      v->base.zErrMsg = sqlite3_mprintf("%s(): missing argument '%s'", def->name, def->arg[i]);
      return SQLITE_ERROR;
    }
  }
  rc = run_fill(v->db, def, v->aux, slot, &c->rows, &err);
  if( rc != SQLITE_OK ){
    sqlite3_free(v->base.zErrMsg);
    if( err == 0 && rc == SQLITE_NOMEM ) return SQLITE_NOMEM;
    if( err == 0 && rc == SQLITE_TOOBIG ) err = sqlite3_mprintf("%s(): text is too big", def->name);
    v->base.zErrMsg = err;
  }
  return rc;
}

/* Arguments are HIDDEN columns ncol..ncol+narg-1. Each usable equality
** constraint on one takes the argv slot of its position, in column order;
** an unusable one makes the plan impossible (SQLITE_CONSTRAINT), so that
** SQLite picks a join order where the argument is known. A plan without a
** required argument at all gets a prohibitive cost rather than an error:
** SQLite also asks about plans for parts of a WHERE clause (the terms of
** an OR on the output columns), without the argument's constraint, and
** takes another plan; when it is the only plan, the call lacks the
** argument, and tvf_filter says so. */
static int tvf_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *info){
  tvf_vtab *v = (tvf_vtab *)pVtab;
  const kr_tvf *def = v->def;
  int idx[16], i, mask = 0, unusable = 0, n = 0;
  for(i = 0; i < 16; i++) idx[i] = -1;
  for(i = 0; i < info->nConstraint; i++){
    const struct sqlite3_index_constraint *p = &info->aConstraint[i];
    int a = p->iColumn - def->ncol;
    if( a < 0 || a >= def->narg || a >= 16 ) continue;
    if( p->op != SQLITE_INDEX_CONSTRAINT_EQ ) continue;
    if( !p->usable ){ unusable |= 1 << a; continue; }
    idx[a] = i;
    mask |= 1 << a;
  }
  for(i = 0; i < def->narg && i < 16; i++){
    if( idx[i] >= 0 ){
      info->aConstraintUsage[idx[i]].argvIndex = ++n;
      info->aConstraintUsage[idx[i]].omit = 1;
    }
  }
  if( unusable & ~mask ) return SQLITE_CONSTRAINT;
  info->idxNum = mask;
  info->estimatedCost = 10.0;
  info->estimatedRows = 20;
  for(i = 0; i < def->nreq; i++){
    if( !(mask & (1 << i)) ){
      info->estimatedCost = 1e300;
      info->estimatedRows = 2147483647;
    }
  }
  return SQLITE_OK;
}

static void tvf_json_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  tvf_module *m = sqlite3_user_data(ctx);
  const kr_tvf *def = m->def;
  sqlite3_value *slot[16];
  kr_rows rows;
  char *err = 0, *json;
  sqlite3_str *s;
  int i, rc;
  memset(slot, 0, sizeof(slot));
  for(i = 0; i < argc && i < 16; i++) slot[i] = argv[i];
  for(i = 0; i < def->nreq; i++){
    if( sqlite3_value_type(slot[i]) == SQLITE_NULL ) return; /* NULL in, NULL out */
  }
  kr_rows_init(&rows, def->ncol);
  rc = run_fill(sqlite3_context_db_handle(ctx), def, m->aux, slot, &rows, &err);
  if( rc != SQLITE_OK ){
    kr_rows_free(&rows);
    if( rc == SQLITE_NOMEM && err == 0 ){ sqlite3_result_error_nomem(ctx); return; }
    if( err == 0 && rc == SQLITE_TOOBIG ) err = sqlite3_mprintf("%s(): text is too big", def->name);
    sqlite3_result_error(ctx, err ? err : sqlite3_errstr(rc), -1);
    sqlite3_result_error_code(ctx, rc);
    sqlite3_free(err);
    return;
  }
  s = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  kr_rows_json(s, def, &rows);
  kr_rows_free(&rows);
  rc = sqlite3_str_errcode(s);
  json = sqlite3_str_finish(s);
  if( rc != SQLITE_OK || json == 0 ){
    sqlite3_free(json);
    if( rc == SQLITE_TOOBIG ) sqlite3_result_error_toobig(ctx);
    else sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_text(ctx, json, -1, sqlite3_free);
  sqlite3_result_subtype(ctx, 'J');  /* JSON, for json_* functions */
}

static void tvf_module_free(void *p){
  tvf_module *m = p;
  if( m->xDestroy ) m->xDestroy(m->aux);
  sqlite3_free(m);
}

int kr_register_tvf(sqlite3 *db, const kr_tvf *def, void *aux, int with_json){
  return kr_register_tvf_ex(db, def, aux, with_json, 0);
}

int kr_register_tvf_ex(sqlite3 *db, const kr_tvf *def, void *aux, int with_json,
                       void (*xDestroy)(void *)){
  static const sqlite3_module base = {
    0,                 /* iVersion */
    0,                 /* xCreate: 0 keeps the table eponymous-only */
    tvf_connect, tvf_best_index, tvf_disconnect, 0,
    tvf_open, tvf_close, tvf_filter, tvf_next, tvf_eof, tvf_column, tvf_rowid,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  };
  tvf_module *m;
  int rc, n;
  if( def->narg > 16 ){
    if( xDestroy ) xDestroy(aux);
    return SQLITE_MISUSE;
  }
  m = sqlite3_malloc(sizeof(*m));
  if( m == 0 ){
    if( xDestroy ) xDestroy(aux);
    return SQLITE_NOMEM;
  }
  m->module = base;
  m->def = def;
  m->aux = aux;
  m->xDestroy = xDestroy;
  rc = sqlite3_create_module_v2(db, def->name, &m->module, m, tvf_module_free);
  if( rc != SQLITE_OK || !with_json ) return rc;
  /* the JSON scalar shares the module's description; the module owns it */
  for(n = def->nreq; n <= def->narg && rc == SQLITE_OK; n++){
    rc = sqlite3_create_function_v2(db, def->name, n, KR_PURE, m, tvf_json_func, 0, 0, 0);
  }
  return rc;
}
