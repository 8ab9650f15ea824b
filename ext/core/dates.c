/*
** dates.c - the Dutch date engine: tokenizer, lexicon look-ups, the scan
** loop and the public entry points. The matchers that recognise the
** expression families live in date_match.c, tense detection in
** date_tense.c, calendar arithmetic and value formatting in date_cal.c.
**
** The text is cut into tokens (words, numbers, punctuation) kept in a fixed
** window; every word is looked up once in a hash table of the date
** lexicons (kr_date_lex), so a word costs one hash. The scan loop tries the matchers at
** every token that can start an expression; each matcher looks at most
** LOOK tokens ahead, so the whole scan is linear in the text.
*/
#include "date_scan.h"
#include <string.h>

static const char *const class_name[C_NCLASS] = {
  "deictic", "mod", "unit", "dir", "ahead", "part", "daypart", "season",
  "vague", "vagueunit", "every", "often", "prep", "conn", "decade", "bc",
  "now", "flemish", "clock", "few", "frac", "yhalf", "art", "clockprep",
  "dirprep", "measure", "times", "qletter"
};

/* ---- lexicons ------------------------------------------------------------ */

static uint32_t hash_bytes(const char *z, int n){
  uint32_t h = 2166136261u;
  int i;
  for(i = 0; i < n; i++){ h ^= (unsigned char)z[i]; h *= 16777619u; }
  return h;
}

/* The entry of word z[0..n), or NULL. The slot array is small (16 KB) and
** holds a fingerprint, so a word that is in no lexicon is rejected without
** touching the entries. */
const kr_date_key *date_key(const kr_date_lex *lx, const char *z, int n){
  uint32_t h = hash_bytes(z, n), i = h & (KR_DATE_SLOTS - 1), fp = (h >> 16) | 1;
  for(;;){
    uint32_t v = lx->slot[i];
    if( v == 0 ) return 0;
    if( (v >> 16) == fp ){
      const kr_date_key *e = &lx->key[(v & 0xFFFF) - 1];
      if( e->n == n && memcmp(e->key, z, (size_t)n) == 0 ) return e;
    }
    i = (i + 1) & (KR_DATE_SLOTS - 1);
  }
}

/* The entry of z[0..n), created when absent (NULL when the table is full). */
static kr_date_key *key_slot(kr_date_lex *lx, const char *z, int n){
  uint32_t h = hash_bytes(z, n), i = h & (KR_DATE_SLOTS - 1), fp = (h >> 16) | 1;
  kr_date_key *e;
  if( n > 255 ) return 0;
  for(;;){
    uint32_t v = lx->slot[i];
    if( v == 0 ) break;
    e = &lx->key[(v & 0xFFFF) - 1];
    if( (v >> 16) == fp && e->n == n && memcmp(e->key, z, (size_t)n) == 0 ) return e;
    i = (i + 1) & (KR_DATE_SLOTS - 1);
  }
  if( lx->nkey >= KR_DATE_KEYS ) return 0;
  e = &lx->key[lx->nkey++];
  lx->slot[i] = fp << 16 | (uint32_t)lx->nkey;
  e->key = z; e->n = (uint8_t)n;
  e->mon = e->wd = e->nw = e->hol = e->dw = -1;
  return e;
}

static const char *const tense_name[] = {
  "", "past", "fut", "perf", "notverb", "conj", "prefix", "sub", "subj"
};

/* Index every key of lexicon lx; which says which field it fills. */
static int index_lexicon(kr_date_lex *dl, const kr_lexicon *lx, int which){
  int r;
  for(r = 0; r < lx->nrow; r++){
    const char *k = lx->cell[(size_t)r * (size_t)lx->ncol];
    int n = lx->len[(size_t)r * (size_t)lx->ncol], w = 0, i;
    kr_date_key *e;
    while( w < n && k[w] != ' ' ) w++;
    if( !(e = key_slot(dl, k, w)) ) return KR_NOMEM;
    if( w < n ){ e->hpre = 1; continue; }       /* first word of a phrase */
    switch( which ){
      case 0: if( e->mon < 0 ) e->mon = (int16_t)r; break;
      case 1: if( e->wd < 0 ) e->wd = (int16_t)r; break;
      case 2: if( e->nw < 0 ) e->nw = (int16_t)r; break;
      case 3: if( e->hol < 0 ) e->hol = (int16_t)r; break;
      case 4:
        if( e->dw < 0 ) e->dw = (int16_t)r;
        for(i = 0; i < C_NCLASS; i++){
          if( strcmp(kr_lexicon_cell(lx, r, 1), class_name[i]) == 0 ){ e->dwc |= 1u << i; break; }
        }
        break;
      case 5:
        for(i = 1; i < (int)(sizeof tense_name / sizeof tense_name[0]); i++){
          if( strcmp(kr_lexicon_cell(lx, r, 1), tense_name[i]) == 0 ){
            /* a conjunction outranks the other readings (en, dat) */
            if( !e->tense || e->tense == TW_PREFIX || i == TW_CONJ || i == TW_SUB ) e->tense = (uint8_t)i;
            break;
          }
        }
        break;
    }
  }
  return KR_OK;
}

int kr_date_lex_init(kr_date_lex *lx){
  int r, rc = KR_OK;
  memset(lx, 0, sizeof *lx);
  lx->months = kr_lexicon_get("months");
  lx->weekdays = kr_lexicon_get("weekdays");
  lx->numbers = kr_lexicon_get("number_words");
  lx->holidays = kr_lexicon_get("holidays");
  lx->words = kr_lexicon_get("date_words");
  lx->tense = kr_lexicon_get("tense_words");
  if( !lx->months || !lx->weekdays || !lx->numbers || !lx->holidays
   || !lx->words || !lx->tense ) return KR_NOMEM;
  if( rc == KR_OK ) rc = index_lexicon(lx, lx->months, 0);
  if( rc == KR_OK ) rc = index_lexicon(lx, lx->weekdays, 1);
  if( rc == KR_OK ) rc = index_lexicon(lx, lx->numbers, 2);
  if( rc == KR_OK ) rc = index_lexicon(lx, lx->holidays, 3);
  if( rc == KR_OK ) rc = index_lexicon(lx, lx->words, 4);
  if( rc == KR_OK ) rc = index_lexicon(lx, lx->tense, 5);
  if( rc != KR_OK ) return rc;
  /* the parts of the day that can end a compound (dinsdag+avond) */
  for(r = 0; r < lx->words->nrow && lx->nsuffix < 24; r++){
    if( strcmp(kr_lexicon_cell(lx->words, r, 1), "daypart") == 0 ){
      lx->suffix_row[lx->nsuffix++] = r;
    }
  }
  return KR_OK;
}

const char *date_word_val(const scan *s, const tok *t, int cls, int col){
  const kr_lexicon *lx = s->lx->words;
  const char *k;
  size_t n;
  int r = t->dw;
  if( r < 0 ) return "";
  k = lx->cell[(size_t)r * (size_t)lx->ncol];
  n = (size_t)lx->len[(size_t)r * (size_t)lx->ncol];
  for(; r < lx->nrow && kr_lexicon_key_is(lx, r, k, n); r++){
    if( strcmp(kr_lexicon_cell(lx, r, 1), class_name[cls]) == 0 ){
      return kr_lexicon_cell(lx, r, col);
    }
  }
  return "";
}

int date_atoi(const char *z){
  int v = 0, neg = 0;
  if( *z == '-' ){ neg = 1; z++; }else if( *z == '+' ) z++;
  while( *z >= '0' && *z <= '9' ){ v = v * 10 + (*z - '0'); z++; }
  return neg ? -v : v;
}

/* Look a word up and fill the token's rows. */
static void classify(scan *s, tok *t, const char *k, int n){
  const kr_date_key *e = date_key(s->lx, k, n);
  if( !e ) return;
  t->mon = e->mon; t->wd = e->wd; t->nw = e->nw; t->hol = e->hol; t->dw = e->dw;
  t->dwc = e->dwc;
  t->tcls = e->tense;
  if( e->hpre ) t->flags |= F_HPRE;
}

/* A compound that ends in a part of the day: dinsdagavond, gisteravond,
** morgenochtend. Sets the token's weekday or deictic row to that of the
** first part and dpart to the part of the day. */
static void split_compound(scan *s, tok *t){
  const kr_date_lex *lx = s->lx;
  int i;
  for(i = 0; i < lx->nsuffix; i++){
    int r = lx->suffix_row[i];
    const char *suf = lx->words->cell[(size_t)r * (size_t)lx->words->ncol];
    int ns = lx->words->len[(size_t)r * (size_t)lx->words->ncol];
    int np = t->nlc - ns;
    const kr_date_key *e;
    if( np < 4 || memcmp(t->lc + np, suf, (size_t)ns) != 0 ) continue;
    if( !(e = date_key(lx, t->lc, np)) ) continue;
    if( e->wd >= 0 && strcmp(kr_lexicon_cell(lx->weekdays, e->wd, 2), "full") == 0 ){
      t->wd = e->wd;
    }else if( e->dwc & (1u << C_DEICTIC) ){
      t->dw = e->dw;
      t->dwc = e->dwc;
    }else continue;
    t->dpart = (int8_t)date_dpart_index(kr_lexicon_cell(lx->words, r, 2));
    return;
  }
}

int date_dpart_index(const char *code){
  int i;
  for(i = 0; i < 4; i++) if( strcmp(code, kr_dpart_code[i]) == 0 ) return i;
  return 0;
}

/* ---- tokenizer ----------------------------------------------------------- */

static int is_letter_at(const scan *s, int64_t p, uint32_t *pc, int *plen){
  unsigned char c;
  if( p >= s->n ) return 0;
  c = s->z[p];
  if( c < 0x80 ){
    *plen = 1; *pc = c;
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }
  *pc = kr_decode(s->z, s->n, p, plen);
  return kr_is_alpha(*pc);
}

static int is_digit_at(const scan *s, int64_t p){
  return p < s->n && s->z[p] >= '0' && s->z[p] <= '9';
}

/* Read the next token into *t; returns 0 at the end of the text. */
static int next_token(scan *s, tok *t){
  uint16_t flags = 0;
  int64_t p = s->pos;
  uint32_t c;
  int len;
  /* white space */
  while( p < s->n ){
    unsigned char b = s->z[p];
    if( b == ' ' || b == '\t' || b == '\r' ){ flags |= F_SP; p++; continue; }
    if( b == '\n' ){ flags |= F_SP | F_NL; p++; continue; }
    if( b >= 0x80 ){
      c = kr_decode(s->z, s->n, p, &len);
      if( c == 0x2028 || c == 0x2029 ){ flags |= F_SP | F_NL; p += len; continue; }
      if( kr_is_space(c) ){ flags |= F_SP; p += len; continue; }
    }
    break;
  }
  if( p >= s->n ){ s->pos = p; return 0; }
  if( p == 0 ) flags |= F_NL;
  memset(t, 0, offsetof(tok, lc));
  t->mon = t->wd = t->nw = t->hol = t->dw = -1;
  t->dpart = -1;
  t->b0 = p;
  if( flags & F_NL ) s->para++;
  t->para = s->para;
  if( is_digit_at(s, p) ){
    int64_t v = 0;
    int nd = 0;
    t->kind = K_NUM;
    while( is_digit_at(s, p) ){
      if( v < 100000000 ) v = v * 10 + (s->z[p] - '0');
      nd++; p++;
    }
    t->num = (int32_t)v;
    t->nd = (uint8_t)(nd > 255 ? 255 : nd);
    /* ordinal suffixes (3e, 1ste, 12de) and Flemish times (19u30, 19u) */
    if( p < s->n && is_letter_at(s, p, &c, &len) ){
      int64_t q = p;
      char suf[8];
      int ns = 0;
      while( q < s->n && ns < 7 && is_letter_at(s, q, &c, &len) && c < 0x80 ){
        suf[ns++] = (char)(c | 0x20); q++;
      }
      if( !is_letter_at(s, q, &c, &len) ){
        suf[ns] = 0;
        if( nd <= 2 && (strcmp(suf, "e") == 0 || strcmp(suf, "ste") == 0
                        || strcmp(suf, "de") == 0 || strcmp(suf, "ste") == 0) ){
          t->flags |= F_ORD; p = q;
        }else if( nd <= 2 && (strcmp(suf, "u") == 0 || strcmp(suf, "h") == 0) ){
          t->kind = K_TIME; t->mi = 0; p = q;
          if( is_digit_at(s, p) && is_digit_at(s, p + 1) && !is_digit_at(s, p + 2) ){
            t->mi = (int16_t)((s->z[p] - '0') * 10 + (s->z[p + 1] - '0'));
            p += 2;
          }
        }
      }
    }
  }else if( is_letter_at(s, p, &c, &len) ){
    int nlc = 0, upper = 0, lower = 0;
    t->kind = K_WORD;
    if( c < 0x80 ? (c >= 'A' && c <= 'Z') : kr_is_upper(c) ) t->flags |= F_CAP;
    while( p < s->n && s->z[p] < 0x80 ){           /* ASCII fast path */
      unsigned char b = s->z[p];
      if( (unsigned char)((b | 0x20) - 'a') > 25 ) break;
      if( b & 0x20 ) lower = 1; else upper = 1;
      if( nlc >= 0 ){
        if( nlc + 4 < (int)sizeof t->lc ) t->lc[nlc++] = (char)(b | 0x20); else nlc = -1;
      }
      p++;
    }
    while( is_letter_at(s, p, &c, &len) ){
      if( nlc >= 0 ){
        uint32_t lc = c < 0x80 ? (c | 0x20) : kr_to_lower(c);
        if( c < 0x80 ){ if( c & 0x20 ) lower = 1; else upper = 1; }
        else if( kr_is_upper(c) ) upper = 1; else lower = 1;
        if( nlc + 4 < (int)sizeof t->lc ){
          if( lc < 0x80 ) t->lc[nlc++] = (char)lc;
          else nlc += kr_encode(lc, t->lc + nlc);
        }else nlc = -1;
      }
      p += len;
    }
    if( upper && !lower ) t->flags |= F_UPPER;
    t->nlc = (uint8_t)(nlc < 0 ? 0 : nlc);
    t->b1 = p;
    if( nlc > 0 ){
      classify(s, t, t->lc, nlc);
      if( t->mon < 0 && t->wd < 0 && t->hol < 0 && t->dw < 0 && nlc >= 9 ){
        split_compound(s, t);
      }
    }
  }else{
    t->kind = K_PUNCT;
    t->ch = kr_decode(s->z, s->n, p, &len);
    p += len;
  }
  t->b1 = p;
  t->flags |= flags;
  s->pos = p;
  return 1;
}

/* ---- the scan loop -------------------------------------------------------- */

/* Fill the window: keep the BACK tokens before `from` as context. */
static int refill(scan *s, int from){
  int keep = from > BACK ? from - BACK : 0;
  if( keep > 0 ){
    memmove(s->t, s->t + keep, sizeof(tok) * (size_t)(s->nt - keep));
    s->nt -= keep;
    s->base += keep;
  }
  while( s->nt < WIN ){
    if( !next_token(s, &s->t[s->nt]) ){ s->eof = 1; break; }
    s->nt++;
  }
  return keep;
}

static void emit_flush(scan *s){
  if( s->has_pend && !s->stop ){
    if( s->cb(s->arg, &s->pend) ) s->stop = 1;
  }
  s->has_pend = 0;
}

/* Report a hit: format it, let it lend its year to a pending bare date
** ("mei en juni 2011"), flush the pending one and keep this one pending. */
void date_emit(scan *s, const hit *h){
  kr_date d;
  if( s->stop ) return;
  if( h->weak == 1 && !date_whole_text(s, h->i0, h->i1) ) return;
  if( h->weak == 2 && !s->weak_ok ) return;
  d.b0 = s->t[h->i0].b0;
  d.b1 = s->t[h->i1 - 1].b1;
  d.weak = h->weak;
  dval_format(&h->v, &d);
  if( s->has_pend && s->pend_noyear && h->year_given && h->v.g != G_NONE
   && date_joined(s, s->pend.b1, h->i0) ){
    dval v = s->pendv;
    v.y = h->v.y;
    dval_format(&v, &s->pend);
  }
  emit_flush(s);
  s->pend = d;
  s->pendv = h->v;
  s->pend_noyear = h->noyear;
  s->has_pend = 1;
  if( h->v.g == G_DAY || h->v.g == G_DT || h->v.g == G_DPART ){
    if( h->v.g != G_NONE && kr_valid_ymd(h->v.y, h->v.m, h->v.d) ){
      s->anchor = kr_days_from_civil(h->v.y, h->v.m, h->v.d);
      s->anchor_para = s->t[h->i0].para;
      s->has_anchor = 1;
    }
  }
}

/* Is every token of the text inside [i0, i1), apart from punctuation? */
int date_whole_text(const scan *s, int i0, int i1){
  int k;
  if( !s->weak_ok || !s->eof || s->base != 0 ) return 0;
  for(k = 0; k < s->nt; k++){
    if( k >= i0 && k < i1 ) continue;
    if( s->t[k].kind != K_PUNCT ) return 0;
  }
  return 1;
}

static void scan_run(scan *s){
  int i = 0;
  refill(s, 0);
  for(;;){
    int limit = s->eof ? s->nt : s->nt - LOOK;
    while( i < limit && !s->stop ){
      int next = date_match_at(s, i);
      i = next > i ? next : i + 1;
    }
    if( s->stop || s->eof ) break;
    i -= refill(s, i);
  }
  emit_flush(s);
}

static void scan_init(scan *s, const kr_date_lex *lx, const char *z, int64_t n,
                      const kr_dref *ref, kr_date_cb cb, void *arg){
  memset(s, 0, offsetof(scan, t));
  s->lx = lx;
  s->z = (const unsigned char *)z;
  s->n = n;
  if( ref && ref->ok ){
    s->ref = *ref;
    s->rday = kr_days_from_civil(ref->y, ref->m, ref->d);
  }
  s->cb = cb;
  s->arg = arg;
  s->para = 0;
}

int kr_dates_scan(const kr_date_lex *lx, const char *z, int64_t n,
                  const kr_dref *ref, kr_date_cb cb, void *arg){
  scan s;
  if( z == 0 || n <= 0 ) return KR_OK;
  scan_init(&s, lx, z, n, ref, cb, arg);
  scan_run(&s);
  return KR_OK;
}

/* ---- parse_dutch_date ---------------------------------------------------- */

/* The first date or time wins; a duration or set, or a fall-back such as
** "nu", only when nothing else follows. */
typedef struct first_arg { kr_date d, alt; int found, has_alt; } first_arg;

static int take_first(void *arg, const kr_date *d){
  first_arg *f = (first_arg *)arg;
  if( d->weak == 2 || ((d->type == KR_DATE_DURATION && !d->point[0]) || d->type == KR_DATE_SET) ){
    if( !f->has_alt ){ f->alt = *d; f->has_alt = 1; }
    return 0;
  }
  f->d = *d;
  f->found = 1;
  return 1;
}

static int parse_first(const kr_date_lex *lx, const char *z, int64_t n,
                       const kr_dref *ref, kr_date *out){
  scan s;
  first_arg f;
  if( z == 0 || n <= 0 ) return 0;
  f.found = f.has_alt = 0;
  scan_init(&s, lx, z, n, ref, take_first, &f);
  s.weak_ok = 1;
  scan_run(&s);
  if( !f.found && f.has_alt ){ f.d = f.alt; f.found = 1; }
  if( f.found ) *out = f.d;
  return f.found;
}

int kr_date_parse(const kr_date_lex *lx, const char *z, int64_t n,
                  const kr_dref *ref, char *out){
  kr_date d;
  out[0] = 0;
  if( !parse_first(lx, z, n, ref, &d) ) return 0;
  /* a duration counted from now ("binnen twee weken") parses as the date
  ** it reaches; see README */
  if( d.type == KR_DATE_DURATION && d.point[0] ){
    memcpy(out, d.point, sizeof d.point);
  }else{
    memcpy(out, d.value, sizeof d.value);
  }
  return out[0] != 0;
}

/* ---- references ------------------------------------------------------------ */

static int digits(const char *z, int64_t n, int64_t at, int k, int *v){
  int i;
  *v = 0;
  if( at + k > n ) return 0;
  for(i = 0; i < k; i++){
    if( z[at + i] < '0' || z[at + i] > '9' ) return 0;
    *v = *v * 10 + (z[at + i] - '0');
  }
  return 1;
}

int kr_dref_parse(const kr_date_lex *lx, const char *z, int64_t n, kr_dref *ref){
  int y, m, d, hh = 0, mi = 0, ss = 0;
  kr_date out;
  memset(ref, 0, sizeof *ref);
  if( z == 0 ) return 0;
  while( n > 0 && (z[n - 1] == ' ' || z[n - 1] == '\t' || z[n - 1] == '\n') ) n--;
  while( n > 0 && (z[0] == ' ' || z[0] == '\t' || z[0] == '\n') ){ z++; n--; }
  if( n >= 10 && digits(z, n, 0, 4, &y) && z[4] == '-' && digits(z, n, 5, 2, &m)
   && z[7] == '-' && digits(z, n, 8, 2, &d) ){
    if( !kr_valid_ymd(y, m, d) ) return 0;
    if( n == 10 ){
      ref->ok = 1; ref->y = y; ref->m = m; ref->d = d;
      return 1;
    }
    if( (z[10] == ' ' || z[10] == 'T') && n >= 16 && digits(z, n, 11, 2, &hh)
     && z[13] == ':' && digits(z, n, 14, 2, &mi)
     && (n == 16 || (n == 19 && z[16] == ':' && digits(z, n, 17, 2, &ss))) ){
      if( hh > 23 || mi > 59 || ss > 59 ) return 0;
      ref->ok = 1; ref->y = y; ref->m = m; ref->d = d;
      ref->has_time = 1; ref->hh = hh; ref->mi = mi;
      return 1;
    }
    return 0;
  }
  /* a Dutch expression of a day, needing no reference itself */
  if( !parse_first(lx, z, n, 0, &out) || out.value[0] == 0 ) return 0;
  if( strlen(out.value) < 10 || out.value[4] != '-' || out.value[7] != '-' ) return 0;
  if( !kr_dref_parse(lx, out.value, 10, ref) ) return 0;
  if( out.value[10] == 'T' && out.value[13] == ':' ){
    ref->has_time = 1;
    ref->hh = (out.value[11] - '0') * 10 + (out.value[12] - '0');
    ref->mi = (out.value[14] - '0') * 10 + (out.value[15] - '0');
  }
  return 1;
}

/* ---- extract_dates ------------------------------------------------------- */

typedef struct all_arg { kr_dates *out; int rc; } all_arg;

static int take_all(void *arg, const kr_date *d){
  all_arg *a = (all_arg *)arg;
  if( kr_grow((void **)&a->out->a, &a->out->cap, a->out->n + 1, sizeof(kr_date)) ){
    a->rc = KR_NOMEM;
    return 1;
  }
  a->out->a[a->out->n++] = *d;
  return 0;
}

int kr_dates_extract(const kr_date_lex *lx, const char *z, int64_t n,
                     const kr_dref *ref, kr_dates *out){
  all_arg a;
  a.out = out;
  a.rc = KR_OK;
  kr_dates_scan(lx, z, n, ref, take_all, &a);
  if( a.rc != KR_OK ){ kr_dates_free(out); }
  return a.rc;
}

void kr_dates_free(kr_dates *d){
  kr_free(d->a);
  d->a = 0;
  d->n = d->cap = 0;
}
