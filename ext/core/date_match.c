/*
** date_match.c - the matchers of the date engine.
**
** date_match_at() is called at every token that can start an expression.
** Each matcher recognises one family (numeric dates, day + month, weekdays,
** relative units, counts, holidays, clock times ...), looking at most LOOK
** tokens ahead, resolves the value (see the resolve_* helpers) and reports
** it with put(). A matcher returns the index of the token after what it
** consumed, or 0 when it does not apply. Impossible dates (31 februari,
** 2022-13-01) are consumed without a report, so that their parts are not
** read as other dates.
*/
#include "date_scan.h"
#include <string.h>

/* ---- token helpers -------------------------------------------------------- */

KR_HOT tok *T(scan *s, int i){ return i >= 0 && i < s->nt ? &s->t[i] : 0; }

KR_HOT int is_word(scan *s, int i){ tok *t = T(s, i); return t && t->kind == K_WORD; }
KR_HOT int is_num(scan *s, int i){ tok *t = T(s, i); return t && t->kind == K_NUM; }

/* Is token i a word of class c of date_words? (Only words have classes:
** the entry of any other token is date_key_none.) */
KR_HOT int has_cls(scan *s, int i, int c){
  tok *t = T(s, i);
  return t && ((t->e->dwc >> c) & 1);
}
KR_HOT int is_punct(scan *s, int i, uint32_t ch){
  tok *t = T(s, i);
  return t && t->kind == K_PUNCT && t->ch == ch;
}
static int is_dash(scan *s, int i){
  return is_punct(s, i, '-') || is_punct(s, i, 0x2013) || is_punct(s, i, 0x2014);
}
static int is_apos(scan *s, int i){
  return is_punct(s, i, '\'') || is_punct(s, i, 0x2019) || is_punct(s, i, 0x2018);
}
/* Token i follows token i-1 without white space. */
KR_HOT int adj(scan *s, int i){ tok *t = T(s, i); return t && !(t->flags & F_SP); }

static inline int lc_is_n(scan *s, int i, const char *w, size_t n){
  tok *t = T(s, i);
  return t && tok_is(s, t, w, (int)n);
}
/* Is token i the word w (a string literal, lower case)? */
#define lc_is(s, i, w) lc_is_n(s, i, w, sizeof(w) - 1)
static int wval(scan *s, int i, int c){ return date_word_num(s, T(s, i), c); }
static const char *wstr(scan *s, int i, int c, int col){ return date_word_val(s, T(s, i), c, col); }

/* The last byte of word i in lower case. */
static char last_letter(scan *s, int i){
  char buf[32];
  int n = tok_lc(s, T(s, i), buf);
  return n ? buf[n - 1] : 0;
}

/* The end of a text or of a clause: nothing, punctuation or a new line. */
static int ends_here(scan *s, int i){
  tok *t = T(s, i);
  return !t || t->kind == K_PUNCT || (t->flags & F_NL);
}

static int sentence_start_tok(scan *s, int i){
  tok *p = T(s, i - 1);
  if( !p || (s->t[i].flags & F_NL) ) return 1;
  return p->kind == K_PUNCT && (p->ch == '.' || p->ch == '!' || p->ch == '?' || p->ch == ':'
                                || kr_quote_mark(p->ch));
}

/* The value of token i as a number word of kind "card" or "ord", or -1. */
static int number_word(scan *s, int i, const char *kind){
  tok *t = T(s, i);
  if( !t || t->kind != K_WORD ) return -1;
  return kind[0] == 'c' ? t->e->card : t->e->ord;
}

/* ---- values ----------------------------------------------------------------- */

static void v_init(dval *v, int g){ memset(v, 0, sizeof *v); v->g = g; v->type = KR_DATE_DATE; }
static void v_day(dval *v, int64_t day){ v_init(v, G_DAY); dval_day(v, day); }
static void v_month(dval *v, int y, int m){ v_init(v, G_MONTH); v->y = y; v->m = m; }
static void v_year(dval *v, int y){ v_init(v, G_YEAR); v->y = y; }
static void v_week(dval *v, int64_t day, int g){ v_init(v, g); kr_iso_week(day, &v->y, &v->x); }
static void v_lit(dval *v, const char *lit, int type){
  v_init(v, G_LIT);
  v->type = type;
  {
    size_t n = strlen(lit);
    if( n >= sizeof v->lit ) n = sizeof v->lit - 1;
    memcpy(v->lit, lit, n);
    v->lit[n] = 0;
  }
}

static int put_hit(scan *s, int i0, int i1, const dval *v, int noyear, int year_given, int weak){
  hit h;
  h.i0 = i0; h.i1 = i1; h.v = *v;
  h.noyear = noyear; h.year_given = year_given; h.weak = weak;
  date_emit(s, &h);
  return i1;
}
static int put(scan *s, int i0, int i1, const dval *v){ return put_hit(s, i0, i1, v, 0, 0, 0); }

/* ---- resolution --------------------------------------------------------- */

/* Direction for an expression without a year: -1 past, 1 future, 0 none.
** A preposition (sinds, tot) decides before the tense. */
static int direction(scan *s, int i0, int i1){
  int k = i0 - 1;
  if( has_cls(s, k, C_ART) ) k--;
  if( has_cls(s, k, C_DIRPREP) ){
    /* "werkte tot december": an end bound in a past-tense clause lies in
    ** the past */
    if( wval(s, k, C_DIRPREP) > 0 && date_clause_tense(s, i0, i1) < 0 ) return -1;
    return wval(s, k, C_DIRPREP);
  }
  /* tot zeker 19 januari, sinds ongeveer maart */
  if( is_word(s, k) && !T(s, k)->e->dwc && has_cls(s, k - 1, C_DIRPREP) ) return wval(s, k - 1, C_DIRPREP);
  if( lc_is(s, k, "m") && is_punct(s, k - 1, '/') && lc_is(s, k - 2, "t") ) return 1;
  if( lc_is(s, k, "met") && lc_is(s, k - 1, "en") && lc_is(s, k - 2, "tot") ) return 1;
  return date_tense(s, i0, i1);
}

static int64_t resolve_weekday(scan *s, int wd, int dir, int strict){
  int rw = kr_weekday(s->rday);
  int back = (rw - wd + 7) % 7, fwd = (wd - rw + 7) % 7;
  if( strict ){ if( back == 0 ) back = 7; if( fwd == 0 ) fwd = 7; }
  if( dir < 0 ) return s->rday - back;
  if( dir > 0 ) return s->rday + fwd;
  return back <= fwd ? s->rday - back : s->rday + fwd;
}

static int resolve_month(scan *s, int m, int dir, int strict){
  int ry = s->ref.y, rm = s->ref.m, back, fwd;
  if( dir < 0 ) return (m < rm || (m == rm && !strict)) ? ry : ry - 1;
  if( dir > 0 ) return (m > rm || (m == rm && !strict)) ? ry : ry + 1;
  if( m == rm ) return ry;
  back = (rm - m + 12) % 12; fwd = (m - rm + 12) % 12;
  if( back < fwd ) return m < rm ? ry : ry - 1;
  return m > rm ? ry : ry + 1;
}

/* The year of day d of month m: the nearest (or the last / next one for a
** direction); a weekday that fits decides among the years within half a
** year. Returns 0 when no year has that day. */
static int resolve_dm(scan *s, int m, int d, int wd, int dir){
  int y, best = 0;
  int64_t bestd = 0;
  /* a written weekday that fits a year within half a year outweighs the
  ** tense ("staat gepland op vrijdag 13 december") */
  for(y = s->ref.y - 1; wd && y <= s->ref.y + 1; y++){
    int64_t day;
    if( !kr_valid_ymd(y, m, d) ) continue;
    day = kr_days_from_civil(y, m, d);
    if( kr_weekday(day) == wd && (day > s->rday ? day - s->rday : s->rday - day) <= 183 ) return y;
  }
  for(y = s->ref.y - 1; y <= s->ref.y + 1; y++){
    int64_t day, dist;
    if( !kr_valid_ymd(y, m, d) ) continue;
    day = kr_days_from_civil(y, m, d);
    if( dir < 0 && day > s->rday ) continue;
    if( dir > 0 && day < s->rday ) continue;
    dist = day > s->rday ? day - s->rday : s->rday - day;
    if( wd && kr_weekday(day) == wd && dist <= 183 ) dist -= 1000;
    if( !best || dist < bestd || (dist == bestd && day > s->rday) ){ best = y; bestd = dist; }
  }
  return best;
}

/* ---- numbers, days, months, years ---------------------------------------- */

/* A day of the month at token i: 15, 3e, 1ste, drieëntwintig, derde. */
static int day_at(scan *s, int i, int *d){
  tok *t = T(s, i);
  int v;
  if( !t ) return 0;
  if( t->kind == K_NUM ){
    if( t->nd > 2 || t->num < 1 || t->num > 31 ) return 0;
    *d = t->num;
    return 1;
  }
  if( t->kind != K_WORD || t->e->nw < 0 ) return 0;
  if( (v = number_word(s, i, "ord")) >= 1 && v <= 31 ){ *d = v; return 1; }
  if( (v = number_word(s, i, "card")) >= 2 && v <= 31 ){ *d = v; return 1; }
  return 0;
}

/* A month name at token i (with the dot of an abbreviation). Returns the
** number of tokens, sets *m and *abbr. */
static int month_at(scan *s, int i, int *m, int *abbr){
  tok *t = T(s, i);
  if( !t || t->kind != K_WORD || t->e->mon < 0 ) return 0;
  *m = s->lx->mon_num[t->e->mon];
  *abbr = s->lx->mon_abbr[t->e->mon];
  if( *abbr && is_punct(s, i + 1, '.') && adj(s, i + 1) ) return 2;
  return 1;
}

static int two_digit_year(int yy){ return yy < 50 ? 2000 + yy : 1900 + yy; }

/* "voor Christus", "v. Chr.", "na Christus", "n.Chr." at i: returns tokens
** used and sets *bc (1 before Christ, 0 after). */
static int bc_at(scan *s, int i, int *bc){
  int k = i;
  if( lc_is(s, k, "voor") || lc_is(s, k, "v") ) *bc = 1;
  else if( lc_is(s, k, "na") || lc_is(s, k, "n") ) *bc = 0;
  else return 0;
  k++;
  if( is_punct(s, k, '.') ) k++;
  if( !has_cls(s, k, C_BC) ) return 0;
  k++;
  if( is_punct(s, k, '.') && adj(s, k) ) k++;
  return k - i;
}

/* A year after a day and month or a month: 2022, '22, 82 (two digits,
** when nothing clock-like follows), 234 voor Christus. Returns tokens used;
** *y = 0 when the year is outside 1..9999. */
static int year_after(scan *s, int i, int *y, int allow2){
  int k = i, bc = 0, nb;
  tok *t;
  if( is_punct(s, k, ',') && is_num(s, k + 1) && T(s, k + 1)->nd == 4 ) k++;
  if( is_apos(s, k) && is_num(s, k + 1) && adj(s, k + 1) && T(s, k + 1)->nd == 2 ){
    *y = two_digit_year(T(s, k + 1)->num);
    return k + 2 - i;
  }
  t = T(s, k);
  if( !t || t->kind != K_NUM || (t->flags & F_ORD) ) return 0;
  if( t->nd > 4 && !is_word(s, k + 1) ){ *y = 0; return k + 1 - i; }   /* 15 maart 10000 */
  if( (nb = bc_at(s, k + 1, &bc)) > 0 && t->nd <= 4 ){
    *y = bc ? 0 : t->num;
    return k + 1 + nb - i;
  }
  /* 2022,5 or 20.30 is a number or a time; "2024, 09.15 uur" is a year
  ** and a clock time */
  if( (is_punct(s, k + 1, ':') || is_punct(s, k + 1, '.') || is_punct(s, k + 1, ','))
   && is_num(s, k + 2) && adj(s, k + 1) && adj(s, k + 2) ) return 0;
  if( t->nd == 4 ){
    if( has_cls(s, k + 1, C_MEASURE) ) return 0;
    if( (t->num < 1000 || t->num > 2200) && is_word(s, k + 1) ) return 0;
    *y = t->num;
    return k + 1 - i;
  }
  if( t->nd == 2 && allow2 && !is_word(s, k + 1) && !is_num(s, k + 1) ){
    *y = two_digit_year(t->num);
    return k + 1 - i;
  }
  return 0;
}

/* A range connector at i: - – tot, tot en met, t/m, en, of. Tokens used. */
static int range_conn(scan *s, int i){
  if( is_dash(s, i) ) return 1;
  if( lc_is(s, i, "tot") ){
    if( lc_is(s, i + 1, "en") && lc_is(s, i + 2, "met") ) return 3;
    return 1;
  }
  if( lc_is(s, i, "t") && is_punct(s, i + 1, '/') && lc_is(s, i + 2, "m") ){
    return is_punct(s, i + 3, '.') ? 4 : 3;
  }
  if( lc_is(s, i, "tm") || lc_is(s, i, "en") || lc_is(s, i, "of") ) return 1;
  return 0;
}

int date_joined(const scan *s, int64_t b, int i){
  scan *ss = (scan *)s;
  int k;
  for(k = i - 1; k >= 0 && k >= i - 4; k--){
    if( ss->t[k].b1 == b ) return k < i - 1 && range_conn(ss, k + 1) == i - 1 - k;
    if( ss->t[k].b1 < b ) return 0;
  }
  return 0;
}

int date_time_joined(const scan *s, int64_t b, int i){
  scan *ss = (scan *)s;
  int k;
  for(k = i - 1; k >= 0 && k >= i - 3; k--){
    if( ss->t[k].b1 == b ) return 1;
    if( ss->t[k].b1 < b ) return 0;
    if( !lc_is(ss, k, "op") && !is_punct(ss, k, ',') ) return 0;
  }
  return 0;
}

/* ---- numeric dates: 15-02-2022, 2022-02-15, 15/2/22, 9/2012, 2022-02 ---- */

static int m_numeric(scan *s, int start, int i, int wd){
  int part[4], nd[4], np = 1, k = i + 1;
  uint32_t sep = 0;
  tok *t = T(s, i);
  dval v;
  part[0] = t->num; nd[0] = t->nd;
  if( t->flags & F_ORD ) return 0;
  while( np < 4 && T(s, k) && T(s, k)->kind == K_PUNCT && adj(s, k) && is_num(s, k + 1) && adj(s, k + 1)
         && !(T(s, k + 1)->flags & F_ORD) ){
    uint32_t c = T(s, k)->ch;
    if( c != '-' && c != '/' && c != '.' ) break;
    if( sep && c != sep ) break;
    sep = c;
    part[np] = T(s, k + 1)->num; nd[np] = T(s, k + 1)->nd;
    np++; k += 2;
  }
  if( np == 1 ) return 0;
  if( np == 4 ) return k;                      /* 80-32-89-89: not a date */
  if( np == 3 ){
    int y, m, d;
    if( nd[0] == 4 && nd[1] <= 2 && nd[2] <= 2 ){ y = part[0]; m = part[1]; d = part[2]; }
    else if( nd[0] <= 2 && nd[1] <= 2 && (nd[2] == 4 || nd[2] == 2) ){
      d = part[0]; m = part[1]; y = nd[2] == 2 ? two_digit_year(part[2]) : part[2];
    }else return sep == '.' ? 0 : k;
    if( !kr_valid_ymd(y, m, d) ) return k;
    v_init(&v, G_DAY); v.y = y; v.m = m; v.d = d;
    return put_hit(s, start, k, &v, 0, 1, 0);
  }
  /* two parts */
  if( sep == '.' ) return 0;                   /* a clock time or a decimal */
  if( nd[0] == 4 && nd[1] == 2 && sep == '-' && part[1] >= 1 && part[1] <= 12 ){
    v_month(&v, part[0], part[1]);
    return put_hit(s, start, k, &v, 0, 1, 0);
  }
  if( nd[0] == 4 && (nd[1] == 4 || nd[1] == 2) && part[0] >= 1000 && part[0] <= 2200 ){
    int y2 = nd[1] == 4 ? part[1] : part[0] / 100 * 100 + part[1];
    if( y2 <= part[0] || y2 > 2200 ) return 0;
    v_year(&v, part[0]);
    put_hit(s, i, i + 1, &v, 0, 1, 0);
    v_year(&v, y2);
    return put_hit(s, i + 2, k, &v, 0, 1, 0);
  }
  if( nd[0] <= 2 && nd[1] == 4 && part[0] >= 1 && part[0] <= 12 ){
    v_month(&v, part[1], part[0]);
    return put_hit(s, start, k, &v, 0, 1, 0);
  }
  /* day-month with a dash ("op 15-2", "vanaf 01-04"): only after a
  ** preposition of time, with a two-digit part, and not before a unit or
  ** a noun, because "3-1" and "won met 12-10" are scores; or the whole text */
  if( sep == '-' && nd[0] <= 2 && nd[1] <= 2 && !wd && start == i && kr_valid_ymd(2000, part[1], part[0]) ){
    int y;
    tok *nx = T(s, k);
    int op = lc_is(s, i - 1, "op");
    int after = lc_is(s, i - 1, "vanaf") || lc_is(s, i - 1, "per") || lc_is(s, i - 1, "sinds")
             || has_cls(s, i - 1, C_DIRPREP);
    int fits = ends_here(s, k) || (nx->kind == K_WORD && (nx->e->tcls || (nx->e->dwc & (1u << C_CLOCKPREP))));
    /* "op" also introduces scores ("kwam op 12-10 voorsprong"): then the
    ** date must end the clause or meet a verb; after vanaf, sinds, per, tot
    ** only a unit or a count may not follow */
    if( after && !fits && (nx->kind == K_NUM || (nx->kind == K_WORD
        && (nx->e->dwc & ((1u << C_UNIT) | (1u << C_MEASURE) | (1u << C_CLOCK))))) ) after = 0;
    if( !(((op && fits) || after) && (nd[0] == 2 || nd[1] == 2)) && !date_whole_text(s, i, k) ) return 0;
    if( !s->ref.ok ){ v_init(&v, G_NONE); return put(s, start, k, &v); }
    y = resolve_dm(s, part[1], part[0], 0, direction(s, start, k));
    if( !y ) return k;
    v_init(&v, G_DAY); v.y = y; v.m = part[1]; v.d = part[0];
    return put_hit(s, start, k, &v, 1, 0, 0);
  }
  if( sep == '/' && nd[0] <= 2 && nd[1] <= 2 ){
    int y;
    if( part[0] == 24 && part[1] == 7 ) return k;            /* 24/7 */
    if( !kr_valid_ymd(2000, part[1], part[0]) ) return k;     /* 8/32 */
    /* "debatteert op 8/4 over het plan": after "op" or a preposition of
    ** direction, before a word that is no unit, measure or clock word */
    int prep = (lc_is(s, i - 1, "op") || lc_is(s, i - 1, "vanaf") || has_cls(s, i - 1, C_DIRPREP)) && T(s, k)
            && T(s, k)->kind == K_WORD && !(T(s, k)->e->dwc & ((1u << C_UNIT) | (1u << C_MEASURE) | (1u << C_CLOCK)));
    if( !(ends_here(s, k) || wd || start < i || s->weak_ok || prep) ) return 0;
    if( !s->ref.ok ){ v_init(&v, G_NONE); return put(s, start, k, &v); }
    int dir = direction(s, start, k);
    if( dir < 0 && date_clause_present(s, start, k) ) dir = 1;   /* its own clause speaks */
    y = resolve_dm(s, part[1], part[0], wd, dir);
    if( !y ) return k;
    v_init(&v, G_DAY); v.y = y; v.m = part[1]; v.d = part[0];
    return put_hit(s, start, k, &v, 1, 0, 0);
  }
  return 0;
}

/* ---- day + month (+ year): 15 februari 2022, 1-3 maart, 12de juli ------- */

static int m_daymonth(scan *s, int start, int i, int wd){
  int d1, d2 = 0, i2 = -1, j = i + 1, m, abbr, ml, y = 0, yl = 0, r, k;
  dval v;
  if( !day_at(s, i, &d1) ) return 0;
  if( (is_punct(s, j, '.') || is_punct(s, j, '-')) && adj(s, j) && T(s, j + 1) && T(s, j + 1)->e->mon >= 0 ) j++;
  /* a range: 1-3 maart, 9 tot en met zondag 12 maart, (de nacht) van 3 op
  ** 4 maart; the second end may have its weekday */
  r = range_conn(s, j);
  if( !r && lc_is(s, j, "op") && lc_is(s, i - 1, "van") ) r = -1;
  if( r ){
    int w = j + (r < 0 ? 1 : r), dd = w;
    if( T(s, w) && T(s, w)->kind == K_WORD && T(s, w)->e->wd >= 0 && T(s, w)->e->dpart < 0 ) dd++;
    if( day_at(s, dd, &d2) && T(s, dd + 1) && T(s, dd + 1)->e->mon >= 0 && (r > 0 || d2 == d1 + 1) ){
      i2 = w; j = dd + 1;
    }else d2 = 0;
  }
  if( !(ml = month_at(s, j, &m, &abbr)) ) return 0;
  k = j + ml;
  if( (is_punct(s, k, '.') || is_punct(s, k, '-')) && adj(s, k) && is_num(s, k + 1) && adj(s, k + 1) ) k++;
  yl = year_after(s, k, &y, 1);
  if( yl && y == 0 ) return k + yl;            /* before Christ or out of range */
  k += yl;
  if( !yl ){
    int dir;
    if( !s->ref.ok ){
      v_init(&v, G_NONE);
      if( i2 >= 0 ){ put(s, i, i + 1, &v); return put(s, i2, k, &v); }
      return put(s, start, k, &v);
    }
    dir = direction(s, start, k);
    /* "de rechtszaak dient op 14 oktober": a present-tense verb at the
    ** date, or in its own clause, announces the coming one */
    if( !dir && !wd && (date_present(s, start, k) || date_clause_present(s, start, k)) ) dir = 1;
    y = resolve_dm(s, m, wd || !d2 ? d1 : d2, wd, dir);   /* wd is d1's weekday */
    if( !y ) return k;
  }
  if( !kr_valid_ymd(y, m, d1) || (d2 && !kr_valid_ymd(y, m, d2)) ) return k;
  v_init(&v, G_DAY); v.y = y; v.m = m; v.d = d1;
  if( i2 >= 0 ){
    put_hit(s, start, i + 1, &v, !yl, yl > 0, 0);
    v.d = d2;
    return put_hit(s, i2, k, &v, !yl, yl > 0, 0);
  }
  return put_hit(s, start, k, &v, !yl, yl > 0, 0);
}

/* "jan 24, 2014": a month, a day and a comma-separated year. */
static int m_month_day_year(scan *s, int start, int i){
  int m, abbr, ml, k, d, y;
  dval v;
  if( !(ml = month_at(s, i, &m, &abbr)) ) return 0;
  k = i + ml;
  if( !is_num(s, k) || T(s, k)->nd > 2 || (T(s, k)->flags & F_ORD) ) return 0;
  d = T(s, k)->num;
  if( is_punct(s, k + 1, ',') && is_num(s, k + 2) && T(s, k + 2)->nd == 4 ){
    y = T(s, k + 2)->num;
    if( !kr_valid_ymd(y, m, d) ) return k + 3;
    v_init(&v, G_DAY); v.y = y; v.m = m; v.d = d;
    return put_hit(s, start, k + 3, &v, 0, 1, 0);
  }
  /* the English order without a year ("Aug 8", "feb 18"): only where the
  ** day ends the clause and the month is abbreviated, follows a weekday
  ** or starts the text, so that "in mei 8 procent" stays a month */
  if( !ends_here(s, k + 1) || is_punct(s, k + 1, '.') || is_punct(s, k + 1, ':')
   || is_punct(s, k + 1, ',') || d < 1 || d > 31 ) return 0;
  if( !(abbr || start < i || (i == 0 && s->base == 0)) ) return 0;
  if( !s->ref.ok ){ v_init(&v, G_NONE); return put(s, start, k + 1, &v); }
  y = resolve_dm(s, m, d, 0, direction(s, start, k + 1));
  if( !y ) return k + 1;
  v_init(&v, G_DAY); v.y = y; v.m = m; v.d = d;
  return put_hit(s, start, k + 1, &v, 1, 0, 0);
}

/* A date after a weekday ("dinsdag 15 februari", "zo 7/12/2014"). */
static int date_after_weekday(scan *s, int start, int i, int wd){
  int r;
  if( is_num(s, i) && (r = m_numeric(s, start, i, wd)) ) return r;
  if( (r = m_daymonth(s, start, i, wd)) ) return r;
  if( (r = m_month_day_year(s, start, i)) ) return r;
  return 0;
}

/* ---- clock times ----------------------------------------------------------- */

/* The day a clock time belongs to: the last day named in this or the
** previous paragraph, else the reference. Returns 0 when there is none. */
static int time_day(scan *s, int i, int64_t *day){
  if( s->has_anchor && s->anchor_para >= s->t[i].para - 1 ){ *day = s->anchor; return 1; }
  if( s->ref.ok ){ *day = s->rday; return 1; }
  return 0;
}

/* A part of the day after a clock time: 's avonds, in de namiddag.
** Returns tokens used, *part = DP_*. */
static int dpart_after(scan *s, int i, int *part){
  if( is_apos(s, i) && lc_is(s, i + 1, "s") && has_cls(s, i + 2, C_DAYPART) ){
    *part = date_dpart_index(wstr(s, i + 2, C_DAYPART, 2));
    return 3;
  }
  if( lc_is(s, i, "in") && lc_is(s, i + 1, "de") && has_cls(s, i + 2, C_DAYPART) ){
    *part = date_dpart_index(wstr(s, i + 2, C_DAYPART, 2));
    return 3;
  }
  return 0;
}

static int put_time(scan *s, int i0, int i1, int hh, int mi, int fromref){
  dval v;
  int64_t day;
  if( hh < 0 || hh > 24 || mi < 0 || mi > 59 || (hh == 24 && mi) ) return 0;
  if( hh == 24 ) hh = 0;
  if( !fromref && date_habitual(s, i0, i1) ) return i1;   /* consumed, not reported */
  if( fromref ){ if( !s->ref.ok ){ v_init(&v, G_NONE); v.type = KR_DATE_TIME; return put(s, i0, i1, &v); } day = s->rday; }
  else if( !time_day(s, i0, &day) ){ v_init(&v, G_NONE); v.type = KR_DATE_TIME; return put(s, i0, i1, &v); }
  v_day(&v, day);
  v.g = G_DT; v.hh = hh; v.mi = mi; v.type = KR_DATE_TIME;
  return put(s, i0, i1, &v);
}

/* A numeric clock time at i: 14:30, 14.30 (uur), 19u30, 6 uur.
** Sets *hh, *mi; returns tokens used (with "uur"); *uur = written with uur
** or a colon / Flemish u; *minutes = minutes were written. */
static int clock_at(scan *s, int i, int *hh, int *mi, int *sure, int *minutes){
  tok *t = T(s, i);
  int k;
  *sure = 0; *minutes = 0;
  if( !t ) return 0;
  if( t->kind == K_TIME ){
    *hh = t->num; *mi = t->mi; *sure = 1; *minutes = 1;
    s->flemish = 1;
    return 1;
  }
  if( t->kind != K_NUM || t->nd > 2 || (t->flags & F_ORD) ) return 0;
  *hh = t->num; *mi = 0;
  k = i + 1;
  if( (is_punct(s, k, ':') || is_punct(s, k, '.')) && adj(s, k) && is_num(s, k + 1) && adj(s, k + 1)
   && T(s, k + 1)->nd == 2 ){
    *sure = is_punct(s, k, ':');
    *mi = T(s, k + 1)->num;
    *minutes = 1;
    k += 2;
    if( is_punct(s, k, ':') && adj(s, k) && is_num(s, k + 1) && T(s, k + 1)->nd == 2 ) k += 2;
  }
  if( has_cls(s, k, C_CLOCK) && strcmp(wstr(s, k, C_CLOCK, 2), "UUR") == 0 ){
    *sure = 1; k++;
    /* "14 uur 15", "om 20 uur 30": the minutes after uur, unless a unit
    ** follows them ("2 uur 15 minuten" is a duration) */
    if( !*minutes && is_num(s, k) && T(s, k)->nd == 2 && T(s, k)->num <= 59
     && !(T(s, k)->flags & F_ORD) && !has_cls(s, k + 1, C_UNIT) && !has_cls(s, k + 1, C_MEASURE)
     && !is_num(s, k + 1) && !((is_punct(s, k + 1, ':') || is_punct(s, k + 1, '.') || is_punct(s, k + 1, ','))
                               && adj(s, k + 1) && is_num(s, k + 2)) ){
      *mi = T(s, k)->num; *minutes = 1; k++;
    }
  }
  if( *hh > 24 || *mi > 59 ) return 0;
  return k - i;
}

static int m_clock(scan *s, int i){
  int hh, mi, sure, mins, n, k, part, pn, prep, live;
  int hh2, mi2, sure2, mins2, n2, r;
  if( !(n = clock_at(s, i, &hh, &mi, &sure, &mins)) ) return 0;
  k = i + n;
  prep = has_cls(s, i - 1, C_CLOCKPREP) || is_dash(s, i - 1);
  live = (s->t[i].flags & F_NL) && mins && ends_here(s, k) && (!T(s, k) || (T(s, k)->flags & F_NL));
  /* a range: tussen 10 en 16 uur, van 9.00 tot 17.00 uur, 10-16 uur */
  if( (r = range_conn(s, k)) && (n2 = clock_at(s, k + r, &hh2, &mi2, &sure2, &mins2)) && sure2
   && !(T(s, k + r)->flags & F_ORD) && (prep || sure || is_dash(s, k)) && !has_cls(s, k + r + n2, C_UNIT) ){
    /* both ends generic in a habitual clause ("elke werkdag tussen 13u30
    ** en 16u"): one decision for the range */
    if( date_habitual(s, i, k + r + n2) ) return k + r + n2;
    if( !put_time(s, i, k, hh, mi, 0) ) return 0;
    put_time(s, k + r, k + r + n2, hh2, mi2, 0);
    return k + r + n2;
  }
  if( !sure && !(mins && (prep || live)) && !(prep && has_cls(s, k, C_CLOCK)) ){
    if( !(mins && date_whole_text(s, i, k)) ) return 0;
  }
  if( !mins && !sure ) return 0;
  if( !mins && !prep && !is_dash(s, k) ) {
    /* "6 uur" without "om": a duration, unless a part of the day follows
    ** or precedes it joined to a day ("sinds dinsdagochtend 6 uur",
    ** "zondag ochtend 9 uur"), or it is the whole text ("15 uur" asked of
    ** parse_dutch_date) */
    tok *pv = T(s, i - 1);
    int after_part = pv && pv->kind == K_WORD
      && (pv->e->dpart >= 0 || (has_cls(s, i - 1, C_DAYPART) && T(s, i - 2) && T(s, i - 2)->e->wd >= 0));
    if( !after_part && !dpart_after(s, k, &part) && !date_whole_text(s, i, k) ) return 0;
  }
  if( has_cls(s, k, C_DIR) || has_cls(s, k, C_MEASURE) ) return 0;
  if( (pn = dpart_after(s, k, &part)) ){
    if( (part == DP_EV || part == DP_AF) && hh < 12 ) hh += 12;
    k += pn;
  }
  return put_time(s, i, k, hh, mi, live) ? k : 0;
}

/* An hour in words or digits (1..12) at i. */
static int hour_word(scan *s, int i){
  int v = number_word(s, i, "card");
  if( v >= 1 && v <= 12 ) return v;
  if( is_num(s, i) && T(s, i)->nd <= 2 && T(s, i)->num >= 1 && T(s, i)->num <= 12
   && !(T(s, i)->flags & F_ORD) && !is_punct(s, i + 1, ':') && !is_punct(s, i + 1, '.') ) return T(s, i)->num;
  return 0;
}

/* The 12-hour clock of words: one to five o'clock is taken as the
** afternoon (half drie = 14:30), unless a part of the day says otherwise. */
static int word_hour(scan *s, int k, int h, int *used){
  int part, n = dpart_after(s, k, &part);
  *used = n;
  if( n ){
    if( (part == DP_EV || part == DP_AF) && h < 12 ) return h + 12;
    if( part == DP_NI && h == 12 ) return 0;
    return h;
  }
  return h <= 5 ? h + 12 : h;
}

/* Clock times in words: half drie, kwart over vier, tien over half drie,
** drie uur (after om/rond ...). */
static int m_wordtime(scan *s, int i){
  int k = i, h, mins = 0, n = 0, used;
  const char *c = has_cls(s, i, C_CLOCK) ? wstr(s, i, C_CLOCK, 2) : "";
  if( strcmp(c, "HALF") == 0 && (h = hour_word(s, i + 1)) ){
    h = h - 1; mins = 30; k = i + 2;
  }else if( strcmp(c, "KWART") == 0 && (lc_is(s, i + 1, "over") || lc_is(s, i + 1, "voor"))
         && (h = hour_word(s, i + 2)) ){
    if( lc_is(s, i + 1, "over") ) mins = 15; else { h = h - 1; mins = 45; }
    k = i + 3;
  }else if( (n = number_word(s, i, "card")) >= 1 && n <= 29
         && (lc_is(s, i + 1, "over") || lc_is(s, i + 1, "voor")) ){
    int over = lc_is(s, i + 1, "over"), base;
    k = i + 2;
    if( has_cls(s, k, C_CLOCK) && strcmp(wstr(s, k, C_CLOCK, 2), "HALF") == 0 ){ base = 30; k++; }
    else base = 0;
    if( !(h = hour_word(s, k)) ) return 0;
    k++;
    if( base == 30 ){ h = h - 1; mins = over ? 30 + n : 30 - n; }
    else if( over ) mins = n;
    else { h = h - 1; mins = 60 - n; }
  }else if( (h = hour_word(s, i)) && T(s, i)->kind == K_WORD && has_cls(s, i + 1, C_CLOCK)
         && strcmp(wstr(s, i + 1, C_CLOCK, 2), "UUR") == 0
         && (has_cls(s, i - 1, C_CLOCKPREP) || dpart_after(s, i + 2, &n)) ){
    k = i + 2;
  }else return 0;
  if( h == 0 ) h = 12;
  if( has_cls(s, k, C_CLOCK) && strcmp(wstr(s, k, C_CLOCK, 2), "UUR") == 0 ) k++;
  if( has_cls(s, k, C_UNIT) || has_cls(s, k, C_MEASURE) ) return 0;   /* half uur, half miljoen */
  h = word_hour(s, k, h, &used);
  k += used;
  return put_time(s, i, k, h, mins, 0) ? k : 0;
}

/* ---- counts and durations --------------------------------------------------- */

/* A count at i in halves (3 = anderhalf): 3, 1,5, drie, een paar, enkele,
** half. Returns tokens used; *vague for paar/enkele. */
static int count_at(scan *s, int i, int *h2, int *vague){
  tok *t = T(s, i);
  int v;
  *vague = 0;
  if( !t ) return 0;
  if( t->kind == K_NUM ){
    if( (t->flags & F_ORD) || t->nd > 4 ) return 0;
    if( is_punct(s, i + 1, ',') && adj(s, i + 1) && is_num(s, i + 2) && adj(s, i + 2) ){
      tok *f = T(s, i + 2);
      int tenth = f->num;
      int k;
      for(k = f->nd; k > 1; k--) tenth /= 10;
      *h2 = t->num * 2 + (tenth >= 3 && tenth <= 7 ? 1 : tenth > 7 ? 2 : 0);
      return 3;
    }
    *h2 = t->num * 2;
    return 1;
  }
  if( t->kind != K_WORD ) return 0;
  if( lc_is(s, i, "een") || lc_is(s, i, "één") ){
    int n = 0;
    if( has_cls(s, i + 1, C_FEW) || lc_is(s, i + 1, "half") || lc_is(s, i + 1, "halve") ){
      n = count_at(s, i + 1, h2, vague);
      return n ? n + 1 : 0;
    }
    *h2 = 2;
    return 1;
  }
  if( has_cls(s, i, C_FEW) ){ *vague = 1; *h2 = wval(s, i, C_FEW) * 2; return 1; }
  if( has_cls(s, i, C_FRAC) ){ *h2 = wval(s, i, C_FRAC); return 1; }
  if( lc_is(s, i, "half") || lc_is(s, i, "halve") ){ *h2 = 1; return 1; }
  if( (v = number_word(s, i, "card")) > 0 ){ *h2 = v * 2; return 1; }
  return 0;
}

enum { U_Y, U_M, U_W, U_D, U_H, U_MIN, U_S, U_N };

/* Add a count (in halves) of unit code u to amounts a[] (in units of the
** finest kind that holds it exactly). Returns 0 for unknown units. */
static int add_unit(long a[U_N], const char *u, int h2){
  long n = h2 / 2;
  int half = h2 & 1;
  if( !strcmp(u, "Y") ){ a[U_Y] += n; a[U_M] += half * 6; }
  else if( !strcmp(u, "M") ){ a[U_M] += n; a[U_D] += half * 15; }
  else if( !strcmp(u, "W") ){ a[U_W] += n; a[U_D] += half * 3; a[U_H] += half * 12; }
  else if( !strcmp(u, "D") ){ a[U_D] += n; a[U_H] += half * 12; }
  else if( !strcmp(u, "E") ){ a[U_D] += n; a[U_H] += half * 12; }
  else if( !strcmp(u, "H") ){ a[U_H] += n; a[U_MIN] += half * 30; }
  else if( !strcmp(u, "MIN") ){ a[U_MIN] += n; a[U_S] += half * 30; }
  else if( !strcmp(u, "S") ){ a[U_S] += n; }
  else if( !strcmp(u, "KW") ){ a[U_MIN] += 15 * n + half * 7; }
  else if( !strcmp(u, "Q") ){ a[U_M] += 3 * n + half; }
  else if( !strcmp(u, "DE") ){ a[U_Y] += 10 * n + half * 5; }
  else if( !strcmp(u, "CE") ){ a[U_Y] += 100 * n + half * 50; }
  else if( !strcmp(u, "WE") ){ a[U_W] += n; }
  else return 0;
  return 1;
}

static char *put_long(char *p, long v){
  char tmp[24];
  int n = 0;
  do{ tmp[n++] = (char)('0' + v % 10); v /= 10; }while( v && n < 20 );
  while( n ) *p++ = tmp[--n];
  return p;
}

/* The duration literal: P1Y2M, P3W, PT1H30M, PXD for a vague count. */
static void dur_literal(char *out, const long a[U_N], int vague, int finest){
  static const char L[U_N] = { 'Y', 'M', 'W', 'D', 'H', 'M', 'S' };
  char *p = out;
  int u, t = 0;
  *p++ = 'P';
  if( vague ){
    if( finest >= U_H ) *p++ = 'T';
    *p++ = 'X'; *p++ = L[finest]; *p = 0;
    return;
  }
  for(u = 0; u < U_N; u++){
    if( !a[u] ) continue;
    if( u >= U_H && !t ){ *p++ = 'T'; t = 1; }
    if( p - out > 20 ) break;
    p = put_long(p, a[u]);
    *p++ = L[u];
  }
  if( p == out + 1 ){ *p++ = '0'; *p++ = 'D'; }
  *p = 0;
}

/* The moment `a` (direction sign) away from the reference, at the
** granularity of the finest unit. */
static void offset_value(scan *s, dval *v, const long a[U_N], int sign, int finest){
  int y = s->ref.y, m = s->ref.m, d = s->ref.d;
  int64_t day;
  long mins;
  if( !s->ref.ok ){ v_init(v, G_NONE); return; }
  if( a[U_Y] > 20000 || a[U_M] > 240000 || a[U_W] > 1000000 || a[U_D] > 4000000 ){ v_init(v, G_NONE); return; }
  kr_add_months(&y, &m, sign * (int)(a[U_Y] * 12 + a[U_M]));
  if( d > kr_dim(y, m) ) d = kr_dim(y, m);
  day = kr_days_from_civil(y, m, d) + sign * (a[U_W] * 7 + a[U_D]);
  if( finest == U_Y && !a[U_M] ){ v_year(v, y); return; }
  if( finest <= U_M && finest != U_W ){ v_month(v, y, m); return; }
  if( finest == U_W ){ v_week(v, day, G_WEEK); return; }
  if( finest == U_D ){ v_day(v, day); return; }
  mins = (s->ref.has_time ? s->ref.hh * 60 + s->ref.mi : 12 * 60)
       + sign * (a[U_H] * 60 + a[U_MIN] + (a[U_S] + 30) / 60 * (a[U_S] >= 30));
  while( mins < 0 ){ mins += 1440; day--; }
  day += mins / 1440; mins %= 1440;
  v_day(v, day);
  if( s->ref.has_time ){ v->g = G_DT; v->hh = (int)(mins / 60); v->mi = (int)(mins % 60); }
}

/* Counts: drie weken (P3W), drie weken geleden, over twee maanden,
** binnen 5 dagen, afgelopen 2 weken, +2 maanden 5 dagen, 15 uur 29 minuten
** geleden. */
static int m_count(scan *s, int start, int i, int modsign){
  long a[U_N] = {0};
  int j = i, ahead = 0, sign = 0, vague = 0, finest = -1, ncomp = 0, dir = 0;
  dval v;
  char lit[24];
  if( has_cls(s, j, C_AHEAD) ){
    ahead = lc_is(s, j, "over") ? 2 : 1;
    j++;
    if( lc_is(s, j, "de") ) j++;
  }else if( (is_punct(s, j, '+') || is_punct(s, j, '-')) && is_num(s, j + 1) && adj(s, j + 1)
            && !is_num(s, j - 1) ){
    sign = is_punct(s, j, '+') ? 1 : -1;
    j++;
  }
  while( ncomp < 3 ){
    int h2, vg, c = count_at(s, j, &h2, &vg), u;
    const char *code;
    if( !c || !has_cls(s, j + c, C_UNIT) ) break;
    code = wstr(s, j + c, C_UNIT, 2);
    if( !add_unit(a, code, h2) ) break;
    vague |= vg;
    for(u = U_N - 1; u >= 0; u--) if( a[u] ){ if( u > finest ) finest = u; break; }
    j += c + 1;
    ncomp++;
  }
  if( !ncomp ) return 0;
  if( has_cls(s, j, C_DIR) ){ dir = wval(s, j, C_DIR); j++; }
  else if( lc_is(s, j, "vanaf") && has_cls(s, j + 1, C_NOW) ){ dir = 1; j += 2; }
  else if( lc_is(s, j, "voor") && ends_here(s, j + 1) ){ dir = -1; j++; }
  if( modsign ) dir = modsign;
  if( sign ) dir = sign;
  if( !dir && ahead == 2 ) dir = 1;
  if( dir ){
    offset_value(s, &v, a, dir, finest);
    return put(s, start, j, &v);
  }
  dur_literal(lit, a, vague, finest);
  v_lit(&v, lit, KR_DATE_DURATION);
  if( ahead ){
    dval p;
    kr_date d;
    offset_value(s, &p, a, 1, finest);
    dval_format(&p, &d);
    memcpy(v.point, d.value, sizeof v.point);
  }
  return put(s, ahead ? start : i, j, &v);
}

/* ---- holidays -------------------------------------------------------------- */

/* The date of holiday row r in year y (0 when it has none). */
static int64_t holiday_day(scan *s, int r, int y){
  const kr_lexicon *lx = s->lx->holidays;
  const char *rule = kr_lexicon_cell(lx, r, 1);
  int a = date_atoi(kr_lexicon_cell(lx, r, 2)), b = date_atoi(kr_lexicon_cell(lx, r, 3));
  int c = date_atoi(kr_lexicon_cell(lx, r, 4));
  int m, d;
  int64_t day;
  if( y < 1 || y > 9999 ) return 0;
  if( !strcmp(rule, "fixed") ) return kr_days_from_civil(y, a, b);
  if( !strcmp(rule, "easter") ){ kr_easter(y, &m, &d); return kr_days_from_civil(y, m, d) + a; }
  if( !strcmp(rule, "region") ) return kr_days_from_civil(y, a, s->flemish ? c : b);
  if( !strcmp(rule, "nth") || !strcmp(rule, "nthreg") ){
    int n = !strcmp(rule, "nthreg") && s->flemish ? date_atoi(kr_lexicon_cell(lx, r, 5)) : c;
    day = kr_days_from_civil(y, a, 1);
    day += (b - kr_weekday(day) + 7) % 7;
    return day + 7 * (n - 1);
  }
  if( !strcmp(rule, "kings") ){
    if( y < 2014 ) return 0;
    day = kr_days_from_civil(y, 4, 27);
    return kr_weekday(day) == 7 ? day - 1 : day;
  }
  if( !strcmp(rule, "queens") ){
    if( y < 1949 || y > 2013 ) return 0;
    day = kr_days_from_civil(y, 4, 30);
    if( kr_weekday(day) == 7 ) return y >= 1980 ? day - 1 : day + 1;
    return day;
  }
  return 0;
}

/* The longest holiday phrase at i (words joined by spaces or hyphens):
** returns the tokens used and sets *row. */
static int holiday_phrase(scan *s, int i, int *row){
  char buf[72 + 32];    /* a phrase of up to 72 bytes; tok_lc writes 32 */
  int n = 0, k = i, best = 0, words = 0;
  while( words < 5 && is_word(s, k) ){
    tok *t = T(s, k);
    int r;
    /* a phrase of several words goes on over words of such phrases only */
    if( words && !t->e->hword ) break;
    if( !t->nlc || n + t->nlc + 1 >= 72 ) break;
    if( words ) buf[n++] = ' ';
    n += tok_lc(s, t, buf + n);
    words++;
    /* one word is a holiday when the lexicons say so (hol) */
    r = words > 1 || t->e->hol >= 0 ? kr_lexicon_find(s->lx->holidays, buf, (size_t)n) : -1;
    if( r >= 0 ){ best = k + 1 - i; *row = r; }
    k++;
    if( is_punct(s, k, '-') && adj(s, k) && adj(s, k + 1) ) k++;
    if( !(T(s, i)->flags & F_HPRE) ) break;
  }
  return best;
}

static int m_holiday(scan *s, int i){
  int row = 0, n = holiday_phrase(s, i, &row), k, y = 0, yl, dir;
  int64_t day = 0;
  dval v;
  if( !n ) return 0;
  k = i + n;
  if( !strcmp(kr_lexicon_cell(s->lx->holidays, row, 4), "cap") && !(T(s, i)->flags & F_CAP) ) return 0;
  if( (yl = year_after(s, k, &y, 0)) ){
    k += yl;
    day = holiday_day(s, row, y);
  }else if( s->has_pend && s->pendv.g == G_DAY && is_punct(s, i - 1, ',')
         && T(s, i - 2) && T(s, i - 2)->b1 == s->pend.b1 ){
    /* in apposition to a date ("maandag 20 mei, tweede pinksterdag"): the
    ** holiday of that date's year */
    day = holiday_day(s, row, s->pendv.y);
  }else if( !has_cls(s, i - 1, C_DIRPREP) && date_habitual(s, i, k) ){
    return k;                                  /* "vroeger vierden we kerst thuis" */
  }else if( s->ref.ok ){                       /* (but "tot Pasen elke zaterdag" is a bound) */
    dir = direction(s, i, k);
    if( dir < 0 && !has_cls(s, i - 1, C_DIRPREP) && date_clause_present(s, i, k) ) dir = 1;
    if( dir < 0 ){
      day = holiday_day(s, row, s->ref.y);
      if( !day || day > s->rday ) day = holiday_day(s, row, s->ref.y - 1);
    }else{
      day = holiday_day(s, row, s->ref.y);
      if( dir == 0 && day && day < s->rday && s->rday - day <= 7 ){ /* just past */ }
      else if( !day || day < s->rday ) day = holiday_day(s, row, s->ref.y + 1);
    }
  }else{
    v_init(&v, G_NONE);
    return put(s, i, k, &v);
  }
  if( !day ){ v_init(&v, G_NONE); return put(s, i, k, &v); }
  v_day(&v, day);
  return put_hit(s, i, k, &v, 0, yl > 0, 0);
}

/* ---- seasons, weeks, relative units --------------------------------------- */

/* Season ordinal (year * 4 + index) of a day. */
static int season_of(int64_t day){
  int y, m, d, md;
  kr_civil_from_days(day, &y, &m, &d);
  md = m * 100 + d;
  if( md < 320 ) return (y - 1) * 4 + 3;
  if( md < 621 ) return y * 4 + 0;
  if( md < 923 ) return y * 4 + 1;
  if( md < 1221 ) return y * 4 + 2;
  return y * 4 + 3;
}

static void season_value(dval *v, int ord){ v_init(v, G_SEASON); v->y = ord / 4; v->x = ord % 4; }

/* Prefix of a noun phrase: [part [van]] [article] [modifier]. */
typedef struct pre {
  int start, j;     /* first token; head token */
  int part;         /* a part word was seen */
  int art;          /* an article was seen */
  int has_mod, mod; /* a modifier and its value */
} pre;

static void parse_pre(scan *s, int i, pre *p){
  int j = i;
  memset(p, 0, sizeof *p);
  p->start = i;
  if( has_cls(s, j, C_PART) && !(has_cls(s, j, C_CLOCK) && hour_word(s, j + 1)) ){
    p->part = 1; j++;
    if( is_punct(s, j, '-') && adj(s, j) ) j++;
    if( lc_is(s, j, "van") ) j++;
  }
  if( has_cls(s, j, C_ART) ){ p->art = 1; j++; }
  if( has_cls(s, j, C_MOD) ){ p->has_mod = 1; p->mod = wval(s, j, C_MOD); j++; }
  p->j = j;
}

static int m_season(scan *s, pre *p){
  int j = p->j, idx, k, y = 0, yl = 0, cur, ord, dir;
  dval v;
  idx = 0;
  {
    const char *c = wstr(s, j, C_SEASON, 2);
    int q;
    for(q = 0; q < 4; q++) if( !strcmp(c, kr_season_code[q]) ) idx = q;
  }
  k = j + 1;
  if( lc_is(s, k, "van") && (is_num(s, k + 1) || is_apos(s, k + 1)) ) k++;
  yl = year_after(s, k, &y, 0);
  if( !yl && k > j + 1 ) k--;
  if( yl ){
    if( !y ) return k + yl;
    season_value(&v, y * 4 + idx);
    return put_hit(s, p->start, k + yl, &v, 0, 1, 0);
  }
  if( !p->art && !p->has_mod && !p->part ) return 0;
  if( !s->ref.ok ){ v_init(&v, G_NONE); return put(s, p->start, k, &v); }
  cur = season_of(s->rday);
  /* deze zomer: the current or next one, but in a past-tense clause the
  ** current or last one ("deze lente was het droog", written in July) */
  dir = p->has_mod ? (p->mod ? p->mod * 2 : date_clause_tense(s, p->start, k) < 0 ? -1 : 0)
                   : direction(s, p->start, k);
  ord = cur;
  while( ord % 4 != idx ) ord++;              /* the next one, or this one */
  if( dir == 2 && ord == cur ) ord += 4;
  if( dir < 0 ){
    ord = cur;
    while( ord % 4 != idx ) ord--;
    if( dir == -2 && ord == cur ) ord -= 4;
  }
  season_value(&v, ord);
  return put(s, p->start, k, &v);
}

/* Weekend: het weekend, dit weekend, afgelopen weekend, komend weekend. */
static int m_weekend(scan *s, pre *p){
  int k = p->j + 1, rw, dir;
  int64_t mon;
  dval v;
  if( !p->art && !p->has_mod ) return 0;
  if( !s->ref.ok ){ v_init(&v, G_NONE); return put(s, p->start, k, &v); }
  rw = kr_weekday(s->rday);
  mon = s->rday - (rw - 1);
  if( p->has_mod ){
    if( p->mod < 0 ) mon -= 7;
    else if( p->mod > 0 && rw >= 6 ) mon += 7;
  }else{
    dir = direction(s, p->start, k);
    if( dir < 0 && rw < 6 ) mon -= 7;
  }
  v_week(&v, mon, G_WE);
  return put(s, p->start, k, &v);
}

/* week, maand, jaar, kwartaal, eeuw ... after a modifier. */
static int m_relunit(scan *s, pre *p){
  int j = p->j, k = j + 1, mod = p->mod, y, m, q;
  const char *u = wstr(s, j, C_UNIT, 2);
  dval v;
  if( !p->has_mod ){
    if( !(p->part && p->art) ) return 0;      /* eind van het jaar */
    mod = 0;
  }
  if( !s->ref.ok ){ v_init(&v, G_NONE); return put(s, p->start, k, &v); }
  if( !strcmp(u, "W") ) v_week(&v, s->rday + 7 * mod, G_WEEK);
  else if( !strcmp(u, "M") ){ y = s->ref.y; m = s->ref.m; kr_add_months(&y, &m, mod); v_month(&v, y, m); }
  else if( !strcmp(u, "Y") ){
    int m, abbr, ml;
    /* "volgend jaar maart", "vorig jaar december": that month of that year */
    if( (ml = month_at(s, k, &m, &abbr)) && !is_num(s, k + ml) && (!abbr || ml == 2) ){
      v_month(&v, s->ref.y + mod, m);
      return put(s, p->start, k + ml, &v);
    }
    v_year(&v, s->ref.y + mod);
  }
  else if( !strcmp(u, "Q") ){
    q = (s->ref.y * 4 + (s->ref.m - 1) / 3) + mod;
    v_init(&v, G_QUARTER); v.y = q / 4; v.x = q % 4 + 1;
  }else if( !strcmp(u, "DE") ){ v_init(&v, G_DECADE); v.x = s->ref.y / 10 + mod; }
  else if( !strcmp(u, "CE") ){ v_init(&v, G_CENT); v.x = (s->ref.y - 1) / 100 + mod; }
  else if( !strcmp(u, "D") || !strcmp(u, "E") ){
    v_day(&v, s->rday + mod);
    return put_hit(s, p->start, k, &v, 0, 0, 1);          /* "de volgende dag" is anaphoric */
  }else if( !strcmp(u, "H") ){
    v_day(&v, s->rday);
    if( s->ref.has_time ){ v.g = G_DT; v.hh = (s->ref.hh + mod + 24) % 24; v.mi = 0; }
    return put_hit(s, p->start, k, &v, 0, 0, 1);
  }else return 0;
  return put(s, p->start, k, &v);
}

/* ---- weekdays ------------------------------------------------------------------ */

/* "Volgend weekend staan er twee crossen op het programma: zaterdag in Mol
** en zondag in Kapellen": a weekday in a sentence that named a relative
** week or weekend before it ("volgend weekend", "vorige week") lies in
** that week. Returns the week's offset (1, -1), or 0. Looks back a bounded
** number of tokens, to the start of the sentence. */
static int sentence_week(scan *s, int start){
  int i;
  for(i = start - 1; i >= start - 24; i--){
    tok *t = T(s, i);
    if( !t ) break;
    if( has_cls(s, i, C_UNIT) && (lc_is(s, i, "week") || lc_is(s, i, "weekend"))
     && has_cls(s, i - 1, C_MOD) && wval(s, i - 1, C_MOD) != 0 )
      return wval(s, i - 1, C_MOD);
    if( t->flags & F_SENT ) break;
  }
  return 0;
}

static int m_weekday(scan *s, int start, int j, int has_mod, int mod, int weekmod){
  tok *t = T(s, j);
  int form = s->lx->wd_form[t->e->wd];
  int wd = s->lx->wd_num[t->e->wd], k = j + 1, r, part;
  int64_t day;
  dval v;
  if( form == KR_WD_PLURAL ){
    char lit[16] = "XXXX-WXX-0";
    lit[9] = (char)('0' + wd);
    v_lit(&v, lit, KR_DATE_SET);
    return put(s, start, k, &v);
  }
  /* a date follows: dinsdag 15 februari 2022, zo 7/12/2014 */
  if( t->e->dpart < 0 ){
    int k2 = is_punct(s, k, ',') ? k + 1 : k;
    if( (is_num(s, k2) || is_word(s, k2)) && (r = date_after_weekday(s, start, k2, wd)) ) return r;
    if( is_punct(s, k, '.') && adj(s, k) && form == KR_WD_ABBR ){
      k2 = is_punct(s, k + 1, ',') ? k + 2 : k + 1;
      if( (r = date_after_weekday(s, start, k2, wd)) ) return r;
    }
  }
  if( form != KR_WD_FULL ){
    /* "ma.", "zat." alone (parse_dutch_date): the day; in running text an
    ** abbreviation counts only before a date (see weekdays.tsv) */
    if( form == KR_WD_ABBR && is_punct(s, k, '.') && adj(s, k) && date_whole_text(s, start, k + 1) ){
      if( !s->ref.ok ){ v_init(&v, G_NONE); return put_hit(s, start, k + 1, &v, 0, 0, 1); }
      v_day(&v, resolve_weekday(s, wd, has_mod ? mod : direction(s, start, k + 1), has_mod));
      return put_hit(s, start, k + 1, &v, 0, 0, 1);
    }
    return 0;
  }
  if( t->e->dpart < 0 && has_cls(s, k, C_DAYPART) && !lc_is(s, k, "morgen") && !has_cls(s, k, C_DEICTIC) ) k++;
  else if( t->e->dpart < 0 && lc_is(s, k, "morgen") && !(T(s, k)->flags & F_CAP) && ends_here(s, k + 1) ) k++;
  if( has_cls(s, k, C_MOD) && wval(s, k, C_MOD) != 0 && !has_cls(s, k + 1, C_UNIT) ){
    has_mod = 1; mod = wval(s, k, C_MOD); k++;
  }else if( (lc_is(s, k, "a") || lc_is(s, k, "jl") || lc_is(s, k, "j")) && is_punct(s, k + 1, '.') ){
    int m2 = lc_is(s, k, "a") ? 1 : -1;
    if( lc_is(s, k, "a") && lc_is(s, k + 2, "s") ){ has_mod = 1; mod = m2; k += 3; if( is_punct(s, k, '.') ) k++; }
    else if( lc_is(s, k, "jl") ){ has_mod = 1; mod = m2; k += 2; }
  }
  (void)part;
  if( !s->ref.ok ){ v_init(&v, G_NONE); return put(s, start, k, &v); }
  if( !weekmod && !has_mod ) weekmod = sentence_week(s, start);
  if( weekmod ){
    int64_t mon = s->rday - (kr_weekday(s->rday) - 1) + 7 * weekmod;
    day = mon + wd - 1;
  }else if( has_mod && mod == 0 ){
    day = s->rday - (kr_weekday(s->rday) - 1) + wd - 1;
  }else if( has_mod ){
    day = resolve_weekday(s, wd, mod, 1);
  }else{
    /* no tense marker: in a habitual clause the day is generic ("op
    ** zaterdag is de markt meestal open") and goes unreported; a
    ** present-tense verb at the day speaks of the coming one ("de raad
    ** stemt maandag"); else the nearest (README) */
    int dir = direction(s, start, k);
    if( !dir && date_habitual(s, start, k) ) return k;
    if( !dir && date_present(s, start, k) ) dir = 1;
    day = resolve_weekday(s, wd, dir, 0);
  }
  v_day(&v, day);
  return put(s, start, k, &v);
}

/* ---- months and years ----------------------------------------------------------- */

static int m_month(scan *s, pre *p){
  int j = p->j, m, abbr, ml, k, y = 0, yl, mod = 0, relyear = 0, r;
  tok *t = T(s, j);
  dval v;
  if( (r = m_month_day_year(s, p->start, j)) ) return r;
  ml = month_at(s, j, &m, &abbr);
  k = j + ml;
  if( is_punct(s, k, '-') && adj(s, k) && is_num(s, k + 1) && adj(s, k + 1) && T(s, k + 1)->nd == 4 ) k++;
  yl = year_after(s, k, &y, abbr);
  if( yl ){
    k += yl;
    if( !y ) return k;
    v_month(&v, y, m);
    return put_hit(s, p->start, k, &v, 0, 1, 0);
  }
  if( k > j + ml ) return 0;
  if( abbr && !(has_cls(s, j - 1, C_PREP) && !(t->flags & F_CAP) && ends_here(s, k)) ) return 0;
  /* augustus vorig jaar, maart van dit jaar */
  {
    int q = k;
    if( lc_is(s, q, "van") ) q++;
    if( has_cls(s, q, C_ART) ) q++;
    if( has_cls(s, q, C_MOD) && has_cls(s, q + 1, C_UNIT) && !strcmp(wstr(s, q + 1, C_UNIT, 2), "Y") ){
      relyear = 1; mod = wval(s, q, C_MOD); k = q + 2;
    }
  }
  /* a capitalised month in mid-sentence with nothing around it is a name */
  if( !relyear && !p->part && !p->has_mod && (t->flags & F_CAP) && !(t->flags & F_UPPER)
   && !sentence_start_tok(s, j) && !has_cls(s, j - 1, C_PREP) ) return 0;
  if( !s->ref.ok ){ v_init(&v, G_NONE); return put(s, p->start, k, &v); }
  if( relyear ) y = s->ref.y + mod;
  else if( p->has_mod && p->mod ) y = resolve_month(s, m, p->mod, 1);
  else if( p->has_mod ) y = s->ref.y;
  else{
    /* no tense marker: a present-tense verb at the month announces the
    ** coming one ("de raad beslist in december"), as for weekdays */
    int dir = direction(s, p->start, k);
    /* ... or a present-tense verb in its own clause ("als er in februari
    ** weer een griepgolf komt") */
    if( !dir && (date_present(s, p->start, k) || date_clause_present(s, p->start, k)) ) dir = 1;
    y = resolve_month(s, m, dir, 0);
  }
  v_month(&v, y, m);
  /* "september vorig jaar" lends its year to a bare month before it
  ** ("tussen april en september vorig jaar") */
  return put_hit(s, p->start, k, &v, !relyear && !p->has_mod, relyear, 0);
}

/* A bare year: in 2021, sinds 2019, eind 2021, (met) 2021 at the end of a
** clause; never a count (2000 stemmen). */
static int m_year(scan *s, int start, int i, int part){
  tok *t = T(s, i), *nx = T(s, i + 1);
  int k = i + 1, bc, nb, ok = part, strong;
  dval v;
  if( !t || t->kind != K_NUM || t->nd != 4 || (t->flags & F_ORD) ) return 0;
  if( nx && nx->kind == K_PUNCT && !(nx->flags & F_SP) && (nx->ch == ',' || nx->ch == '.')
   && is_num(s, i + 2) && adj(s, i + 2) ) return 0;
  if( is_punct(s, i - 1, 0x20AC) || is_punct(s, i - 1, '$') || has_cls(s, i + 1, C_MEASURE) ) return 0;
  if( (is_punct(s, i - 1, '.') || is_punct(s, i - 1, ',')) && !(t->flags & F_SP) ) return 0;
  if( (nb = bc_at(s, k, &bc)) ){
    k += nb;
    if( bc ) return k;
    v_year(&v, t->num);
    return put(s, start, k, &v);
  }
  if( t->num < 1000 || t->num > 2200 ) return 0;
  strong = lc_is(s, i - 1, "in") || lc_is(s, i - 1, "sinds") || lc_is(s, i - 1, "sedert")
        || lc_is(s, i - 1, "vanaf") || lc_is(s, i - 1, "jaar") || lc_is(s, i - 1, "tussen");
  if( !ok && strong ) ok = 1;
  /* "tot en met 2030": that bound is a date */
  if( !ok && t->num >= 1900 && t->num <= 2100 && lc_is(s, i - 1, "met") && lc_is(s, i - 2, "en") && lc_is(s, i - 3, "tot") ) ok = 1;
  /* a year after an article and an adjective ("een bewogen 2021", "het
  ** rampzalige 2020"), when no noun follows it: a clause end, a
  ** preposition, a conjunction or a verb ("een kleine 2000 bezoekers" is
  ** a count) */
  if( !ok && t->num >= 1900 && t->num <= 2100 && has_cls(s, i - 2, C_ART) && is_word(s, i - 1)
   && !(T(s, i - 1)->flags & F_CAP) && !T(s, i - 1)->e->dwc && T(s, i - 1)->e->nw < 0
   && (ends_here(s, i + 1) || (is_word(s, i + 1) && ((T(s, i + 1)->e->dwc & ((1u << C_PREP) | (1u << C_CONN)))
                                                    || T(s, i + 1)->e->tcls))) ) ok = 1;
  /* the second end of a range of years ("tussen 1998 en 2004") */
  if( !ok && s->has_pend && s->pendv.g == G_YEAR && date_joined(s, s->pend.b1, i) ) ok = 1;
  /* after another preposition a number is a year unless a noun follows
  ** that it counts ("tegen 2000 mensen"): a year when an article or a verb
  ** follows ("voor 2030 de uitstoot halveren", "tegen 2030 moet",
  ** "voor 2030 geregeld"), and at the end of the clause */
  if( !ok && has_cls(s, i - 1, C_PREP) ){
    ok = !is_word(s, i + 1) || (T(s, i + 1)->e->dwc & ((1u << C_CONN) | (1u << C_PREP) | (1u << C_ART)))
      || T(s, i + 1)->e->mon >= 0 || (T(s, i + 1)->flags & F_CAP) || date_verb_at(s, i + 1);
  }
  if( !ok && t->num >= 1900 && t->num <= 2100 && ends_here(s, i + 1) && is_word(s, i - 1)
   && !is_num(s, i - 1) ) ok = 1;
  if( !ok && (is_punct(s, i - 1, '(') && is_punct(s, i + 1, ')')) ) ok = 1;
  if( !ok ){
    if( date_whole_text(s, i, i + 1) ){
      v_year(&v, t->num);
      return put_hit(s, start, k, &v, 0, 1, 1);
    }
    return 0;
  }
  v_year(&v, t->num);
  return put_hit(s, start, k, &v, 0, 1, 0);
}

/* ---- decades, centuries, quarters ------------------------------------------ */

static int decade_of(scan *s, int i, int *dec, int *used){
  int v;
  *used = 1;
  if( (v = number_word(s, i, "card")) >= 10 && v <= 90 && v % 10 == 0 ){
    *dec = 190 + v / 10; return 1;
  }
  if( is_apos(s, i) && is_num(s, i + 1) && T(s, i + 1)->nd == 2 && T(s, i + 1)->num % 10 == 0 ){
    *dec = two_digit_year(T(s, i + 1)->num) / 10; *used = 2; return 1;
  }
  if( is_num(s, i) && T(s, i)->nd == 2 && T(s, i)->num % 10 == 0 ){
    *dec = two_digit_year(T(s, i)->num) / 10; return 1;
  }
  if( is_num(s, i) && T(s, i)->nd == 4 && T(s, i)->num % 10 == 0 ){
    *dec = T(s, i)->num / 10; return 1;
  }
  return 0;
}

static int m_decade(scan *s, pre *p){
  int j = p->j, dec, used;
  dval v;
  if( lc_is(s, j, "jaren") && decade_of(s, j + 1, &dec, &used) ){
    v_init(&v, G_DECADE); v.x = dec;
    return put(s, p->start, j + 1 + used, &v);
  }
  if( has_cls(s, j, C_DECADE) && lc_is(s, j + 1, "jaren") ){
    v_init(&v, G_DECADE); v.x = 190 + wval(s, j, C_DECADE);
    return put(s, p->start, j + 2, &v);
  }
  return 0;
}

/* An ordinal at i: derde, 3e, 19de. */
static int ordinal_at(scan *s, int i){
  int v = number_word(s, i, "ord");
  if( v > 0 ) return v;
  if( is_num(s, i) && (T(s, i)->flags & F_ORD) ) return T(s, i)->num;
  return 0;
}

/* de 19e eeuw, het derde kwartaal (van 2021), de eerste helft van 2022. */
static int m_ordinal_period(scan *s, pre *p){
  int j = p->j, n = ordinal_at(s, j), k, y = 0, yl;
  const char *u;
  dval v;
  if( !n ) return 0;
  k = j + 1;
  if( has_cls(s, k, C_UNIT) ) u = wstr(s, k, C_UNIT, 2);
  else if( has_cls(s, k, C_YHALF) ) u = "HALF";
  else return 0;
  if( !strcmp(u, "CE") ){
    if( n < 1 || n > 100 ) return 0;
    v_init(&v, G_CENT); v.x = n - 1;
    return put(s, p->start, k + 1, &v);
  }
  if( strcmp(u, "Q") && strcmp(u, "HALF") ) return 0;
  if( n > (!strcmp(u, "Q") ? 4 : 2) ) return 0;
  k++;
  if( lc_is(s, k, "van") && is_num(s, k + 1) ) k++;
  if( (yl = year_after(s, k, &y, 0)) ) k += yl;
  else{
    int cur, dir;
    if( lc_is(s, k - 1, "van") ) k--;
    if( !s->ref.ok ){ v_init(&v, G_NONE); return put(s, p->start, k, &v); }
    /* like a month: in the past tense the last such quarter ("boekte in het
    ** vierde kwartaal", written in February), in the future the next one */
    y = s->ref.y;
    cur = !strcmp(u, "Q") ? (s->ref.m - 1) / 3 + 1 : (s->ref.m - 1) / 6 + 1;
    dir = direction(s, p->start, k);
    if( dir < 0 && n > cur ) y--;
    else if( dir > 0 && n < cur ) y++;
  }
  v_init(&v, !strcmp(u, "Q") ? G_QUARTER : G_HALF);
  v.y = y; v.x = n;
  return put_hit(s, p->start, k, &v, 0, yl > 0, 0);
}

/* Q3 2021 */
static int m_qletter(scan *s, int i){
  int k = i + 1, y = 0, yl;
  dval v;
  if( !(T(s, i)->flags & F_CAP) || !is_num(s, k) || !adj(s, k) || T(s, k)->num < 1 || T(s, k)->num > 4
   || T(s, k)->nd != 1 ) return 0;
  k++;
  if( (yl = year_after(s, k, &y, 1)) ) k += yl;
  else if( s->ref.ok ) y = s->ref.y;
  else { v_init(&v, G_NONE); return put(s, i, k, &v); }
  v_init(&v, G_QUARTER); v.y = y; v.x = T(s, i + 1)->num;
  return put(s, i, k, &v);
}

/* ---- deictic words and parts of the day ----------------------------------------- */

static int m_deictic(scan *s, int i){
  tok *t = T(s, i);
  int off = wval(s, i, C_DEICTIC), k = i + 1;
  const char *extra = wstr(s, i, C_DEICTIC, 3);
  dval v;
  if( lc_is(s, i, "morgen") && (has_cls(s, i - 1, C_ART) || has_cls(s, i - 1, C_MOD) 
      || (has_cls(s, i - 2, C_ART) && is_word(s, i - 1) && T(s, i - 1)->nlc > 2
          && last_letter(s, i - 1) == 'e')
      || has_cls(s, i - 1, C_EVERY) || lc_is(s, i - 1, "die") || lc_is(s, i - 1, "van")) ) return 0;
  if( !s->ref.ok ){ v_init(&v, G_NONE); return put(s, i, k, &v); }
  if( !strcmp(extra, "MIDNIGHT") ){
    /* the coming midnight, or in the past tense ("brak rond middernacht
    ** uit", "sinds middernacht") the one that began the reference day */
    v_day(&v, s->rday + (direction(s, i, k) < 0 ? 0 : 1));
    v.g = G_DT; v.hh = 0; v.mi = 0; v.type = KR_DATE_TIME;
    return put(s, i, k, &v);
  }
  v_day(&v, s->rday + off);
  if( extra[0] && t->e->dpart < 0 ){
    v.g = G_DPART; v.x = date_dpart_index(extra);
  }else if( t->e->dpart < 0 && has_cls(s, k, C_DAYPART) && !lc_is(s, k, "morgens") ){
    k++;
  }
  return put(s, i, k, &v);
}

/* deze avond, deze namiddag: the reference day with its part. */
static int m_daypart(scan *s, pre *p){
  int j = p->j;
  dval v;
  if( !(p->has_mod && p->mod == 0) ){
    if( !p->has_mod && !p->art && !p->part && date_whole_text(s, j, j + 1) && s->ref.ok ){
      v_day(&v, s->rday); v.g = G_DPART; v.x = date_dpart_index(wstr(s, j, C_DAYPART, 2));
      return put_hit(s, j, j + 1, &v, 0, 0, 1);
    }
    return 0;
  }
  if( !s->ref.ok ){ v_init(&v, G_NONE); return put(s, p->start, j + 1, &v); }
  v_day(&v, s->rday); v.g = G_DPART; v.x = date_dpart_index(wstr(s, j, C_DAYPART, 2));
  return put(s, p->start, j + 1, &v);
}

/* 's avonds on its own: a part of the day of a definite day when the clause
** is in the past or future tense (the passive "wordt" is no future here);
** generic ("'s nachts wordt hier hard gereden", "vroeger werkte hij vaak
** tot 's avonds laat") otherwise, and then not reported. */
static int m_genitive(scan *s, int i){
  int part, dir;
  int64_t day;
  dval v;
  if( !(lc_is(s, i + 1, "s") && adj(s, i + 1) && has_cls(s, i + 2, C_DAYPART)) ) return 0;
  part = date_dpart_index(wstr(s, i + 2, C_DAYPART, 2));
  dir = date_active_tense(s, i, i + 3);
  if( !dir || date_habitual(s, i, i + 3) || !time_day(s, i, &day) ) return i + 3;
  v_day(&v, day); v.g = G_DPART; v.x = part;
  return put(s, i, i + 3, &v);
}

/* ---- vague references and sets ------------------------------------------------- */

static int m_vague(scan *s, pre *p){
  int j = p->j;
  dval v;
  if( !p->has_mod || !p->mod || !has_cls(s, j, C_VAGUEUNIT) ) return 0;
  v_lit(&v, p->mod < 0 ? "PAST_REF" : "FUTURE_REF", KR_DATE_DATE);
  return put(s, p->start, j + 1, &v);
}

static int m_set(scan *s, int i){
  int j = i + 1;
  tok *t = T(s, j);
  char lit[24];
  dval v;
  if( has_cls(s, i, C_OFTEN) ){
    v_lit(&v, wstr(s, i, C_OFTEN, 2), KR_DATE_SET);
    return put(s, i, i + 1, &v);
  }
  if( !t ) return 0;
  if( t->e->wd >= 0 && !strcmp(kr_lexicon_cell(s->lx->weekdays, t->e->wd, 2), "full") ){
    strcpy(lit, "XXXX-WXX-0");
    lit[9] = (char)('0' + date_atoi(kr_lexicon_cell(s->lx->weekdays, t->e->wd, 1)));
    if( t->e->dpart >= 0 ){ lit[10] = 'T'; memcpy(lit + 11, kr_dpart_code[t->e->dpart], 2); lit[13] = 0; }
  }else if( t->e->mon >= 0 ){
    int m = date_atoi(kr_lexicon_cell(s->lx->months, t->e->mon, 1));
    strcpy(lit, "XXXX-00");
    lit[5] = (char)('0' + m / 10); lit[6] = (char)('0' + m % 10);
  }else if( has_cls(s, j, C_UNIT) ){
    const char *u = wstr(s, j, C_UNIT, 2);
    if( !strcmp(u, "WE") ) strcpy(lit, "XXXX-WXX-WE");
    else if( !strcmp(u, "H") ) strcpy(lit, "PT1H");
    else if( !strcmp(u, "MIN") ) strcpy(lit, "PT1M");
    else { lit[0] = 'P'; lit[1] = '1'; lit[2] = u[0]; lit[3] = 0; }
  }else if( has_cls(s, j, C_DAYPART) ){
    strcpy(lit, "XXXX-XX-XXT");
    strcat(lit, wstr(s, j, C_DAYPART, 2));
  }else return 0;
  v_lit(&v, lit, KR_DATE_SET);
  return put(s, i, j + 1, &v);
}

/* twee keer per week */
static int m_times(scan *s, int i){
  int h2, vg, c = count_at(s, i, &h2, &vg), k;
  char lit[8];
  dval v;
  if( !c || !has_cls(s, i + c, C_TIMES) || !lc_is(s, i + c + 1, "per") || !has_cls(s, i + c + 2, C_UNIT) ) return 0;
  k = i + c + 3;
  lit[0] = 'P'; lit[1] = '1'; lit[2] = wstr(s, i + c + 2, C_UNIT, 2)[0]; lit[3] = 0;
  v_lit(&v, lit, KR_DATE_SET);
  return put(s, i, k, &v);
}

/* ---- the n-th weekday of a month ---------------------------------------- */

/* eerste dinsdag in oktober, laatste zondag van maart 2014, derde dag in
** oktober: an ordinal (or laatste) at i, a weekday or "dag", in/van and a
** month with an optional year. */
static int m_nth_in_month(scan *s, int start, int i){
  int n = ordinal_at(s, i), wd = 0, k = i + 2, m, abbr, ml, y = 0, yl, dir;
  int64_t first, day;
  tok *w = T(s, i + 1);
  dval v;
  if( lc_is(s, i, "laatste") ) n = -1;
  else if( n < 1 || n > 5 ) return 0;
  if( !w || w->kind != K_WORD ) return 0;
  if( w->e->wd >= 0 && w->e->dpart < 0 && !strcmp(kr_lexicon_cell(s->lx->weekdays, w->e->wd, 2), "full") ){
    wd = date_atoi(kr_lexicon_cell(s->lx->weekdays, w->e->wd, 1));
  }else if( !(has_cls(s, i + 1, C_UNIT) && !strcmp(wstr(s, i + 1, C_UNIT, 2), "D") && n > 0) ) return 0;
  if( !lc_is(s, k, "in") && !lc_is(s, k, "van") ) return 0;
  k++;
  if( !(ml = month_at(s, k, &m, &abbr)) ) return 0;
  k += ml;
  if( (yl = year_after(s, k, &y, 0)) ){
    if( !y ) return k + yl;
    k += yl;
  }else{
    if( !s->ref.ok ){ v_init(&v, G_NONE); return put(s, start, k, &v); }
    dir = direction(s, start, k);
    y = resolve_month(s, m, dir, 0);
  }
  if( !wd ){                                   /* derde dag in oktober */
    if( !kr_valid_ymd(y, m, n) ) return k;
    day = kr_days_from_civil(y, m, n);
  }else if( n > 0 ){
    first = kr_days_from_civil(y, m, 1);
    day = first + (wd - kr_weekday(first) + 7) % 7 + 7 * (n - 1);
    if( day >= first + kr_dim(y, m) ) return k;  /* no fifth one */
  }else{
    int64_t last = kr_days_from_civil(y, m, kr_dim(y, m));
    day = last - (kr_weekday(last) - wd + 7) % 7;
  }
  v_day(&v, day);
  return put_hit(s, start, k, &v, 0, yl > 0, 0);
}

/* ---- dispatch -------------------------------------------------------------------- */

static int m_prefixed(scan *s, int i){
  pre p;
  int j, r;
  tok *h;
  if( (r = m_nth_in_month(s, i, has_cls(s, i, C_ART) ? i + 1 : i)) ) return r;
  parse_pre(s, i, &p);
  j = p.j;
  h = T(s, j);
  if( !h ) return 0;
  if( p.has_mod && p.mod && (is_num(s, j) || h->e->nw >= 0 || has_cls(s, j, C_FEW))
   && (r = m_count(s, p.start, j, p.mod)) ) return r;
  if( j == i && !p.part && !p.art && !p.has_mod && h->kind == K_WORD && h->e->mon < 0 && h->e->wd < 0
   && !(h->e->dwc & ((1u << C_SEASON) | (1u << C_DAYPART) | (1u << C_DECADE))) && !lc_is(s, j, "jaren") ){
    /* an ordinal and a quarter or century needs no article ("derde
    ** kwartaal"); "eerste helft" without one is as often a match's */
    if( h->e->ord > 0 && has_cls(s, j + 1, C_UNIT) ) return m_ordinal_period(s, &p);
    return 0;
  }
  if( h->kind == K_WORD ){
    if( h->e->mon >= 0 && (r = m_month(s, &p)) ) return r;
    if( h->e->wd >= 0 ) {
      if( (r = m_weekday(s, p.start, j, p.has_mod, p.mod, 0)) ) return r;
    }
    if( p.has_mod && has_cls(s, j, C_UNIT) && !strcmp(wstr(s, j, C_UNIT, 2), "W")
     && T(s, j + 1) && T(s, j + 1)->e->wd >= 0 ){
      if( (r = m_weekday(s, p.start, j + 1, 0, 0, p.mod)) ) return r;
    }
    if( has_cls(s, j, C_VAGUEUNIT) && (r = m_vague(s, &p)) ) return r;
    if( has_cls(s, j, C_UNIT) && !strcmp(wstr(s, j, C_UNIT, 2), "WE") && (r = m_weekend(s, &p)) ) return r;
    if( has_cls(s, j, C_UNIT) && (r = m_relunit(s, &p)) ) return r;
    if( has_cls(s, j, C_SEASON) && (r = m_season(s, &p)) ) return r;
    if( (r = m_decade(s, &p)) ) return r;
    if( (r = m_ordinal_period(s, &p)) ) return r;
    if( has_cls(s, j, C_DAYPART) && (r = m_daypart(s, &p)) ) return r;
    if( (p.part || p.art) && h->e->hol >= 0 && (r = m_holiday(s, j)) ) return r;
  }else if( h->kind == K_NUM && p.part && j > i ){
    if( (r = m_year(s, p.start, j, 1)) ) return r;
    if( (r = m_ordinal_period(s, &p)) ) return r;
  }else if( h->kind == K_NUM && (p.art) ){
    if( (r = m_ordinal_period(s, &p)) ) return r;
  }
  return 0;
}

int date_match_at(scan *s, int i){
  tok *t;
  int r;
  if( i < 0 || i >= s->nt ) return i;   /* outside the token window */
  t = &s->t[i];
  if( t->kind == K_WORD ){
    if( t->e->mon < 0 && t->e->wd < 0 && t->e->nw < 0 && t->e->hol < 0 && t->e->dw < 0 && !(t->flags & F_HPRE) ) return i;
    if( t->e->dwc & (1u << C_FLEMISH) ) s->flemish = 1;
    /* words that only join or bound an expression start none */
    if( t->e->mon < 0 && t->e->wd < 0 && t->e->nw < 0 && t->e->hol < 0 && !(t->flags & F_HPRE)
     && !(t->e->dwc & ~(JOIN_ONLY | (1u << C_FLEMISH))) ) return i;
    if( (t->e->hol >= 0 || (t->flags & F_HPRE)) && (r = m_holiday(s, i)) ) return r;
    if( (t->e->dwc & ((1u << C_EVERY) | (1u << C_OFTEN))) && (r = m_set(s, i)) ) return r;
    if( t->e->nw >= 0 || (t->e->dwc & ((1u << C_FEW) | (1u << C_FRAC))) ){
      if( (r = m_times(s, i)) ) return r;
      if( (r = m_wordtime(s, i)) ) return r;
      if( (r = m_daymonth(s, i, i, 0)) ) return r;
      if( (r = m_count(s, i, i, 0)) ) return r;
    }
    if( (t->e->dwc & (1u << C_CLOCK)) && (r = m_wordtime(s, i)) ) return r;
    if( (t->e->dwc & (1u << C_CLOCK)) && (r = m_count(s, i, i, 0)) ) return r;
    if( (t->e->dwc & (1u << C_DEICTIC)) && (r = m_deictic(s, i)) ) return r;
    if( (r = m_prefixed(s, i)) ) return r;
    if( (t->e->dwc & (1u << C_AHEAD)) && (r = m_count(s, i, i, 0)) ) return r;
    if( (t->e->dwc & (1u << C_QLETTER)) && (r = m_qletter(s, i)) ) return r;
    if( t->e->dwc & (1u << C_VAGUE) ){
      dval v;
      v_lit(&v, wstr(s, i, C_VAGUE, 2), KR_DATE_DATE);
      return put(s, i, i + 1, &v);
    }
    if( (t->e->dwc & (1u << C_NOW)) && s->ref.ok && s->weak_ok ){
      dval v;
      v_day(&v, s->rday);
      if( s->ref.has_time ){ v.g = G_DT; v.hh = s->ref.hh; v.mi = s->ref.mi; }
      return put_hit(s, i, i + 1, &v, 0, 0, 2);
    }
    return i;
  }
  if( t->kind == K_NUM ){
    if( (r = m_numeric(s, i, i, 0)) ) return r;
    if( (r = m_daymonth(s, i, i, 0)) ) return r;
    if( (r = m_clock(s, i)) ) return r;
    if( (r = m_times(s, i)) ) return r;
    if( (r = m_count(s, i, i, 0)) ) return r;
    if( (r = m_year(s, i, i, 0)) ) return r;
    if( t->flags & F_ORD ){
      pre p;
      parse_pre(s, i, &p);
      if( (r = m_ordinal_period(s, &p)) ) return r;
    }
    return i;
  }
  if( t->kind == K_TIME ) return (r = m_clock(s, i)) ? r : i;
  if( t->kind == K_PUNCT ){
    if( is_apos(s, i) && (r = m_genitive(s, i)) ) return r;
    if( (t->ch == '+' || t->ch == '-') && is_num(s, i + 1) && (r = m_count(s, i, i, 0)) ) return r;
  }
  return i;
}
