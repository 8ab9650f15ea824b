/*
** date_tense.c - the tense of the clause around a date expression.
**
** A weekday, month, season or holiday without a year is resolved by the
** tense of its clause (GUIDELINES: past -> the last one, future -> the next
** one). Without a part-of-speech tagger the engine looks for markers:
**   past    - past-tense forms from tense_words.tsv (was, werd, zei ...),
**             weak past forms in -de/-te (maakte, kondigde),
**             and a perfect: an auxiliary (heeft, is, zijn) together with
**             a past participle (geëist, opgepakt, beëindigd) in the clause;
**   future  - zal, gaat, wordt/worden ("wordt zondag beslist"), komende ...
** The marker nearest to the date inside its clause decides; when the clause
** has none, the nearest one in the sentence. Clauses end at , ; : brackets,
** quote marks and dashes, and before a conjunction (dat, omdat, en ...).
** Only the window of tokens is looked at, so the cost per date is bounded.
*/
#include "date_scan.h"
#include <string.h>

static int abs_i(int x){ return x < 0 ? -x : x; }

static int tense_class(const scan *s, const tok *t){
  (void)s;
  return t->kind == K_WORD ? t->tcls : TW_NONE;
}

static int ends_with(const tok *t, const char *suf){
  int n = (int)strlen(suf);
  return t->nlc >= n && memcmp(t->lc + t->nlc - n, suf, (size_t)n) == 0;
}

static int is_prefix_word(const scan *s, const char *z, int n){
  const kr_date_key *e = date_key(s->lx, z, n);
  return e && e->tcls == TW_PREFIX;
}

/* A past participle: ge...d/t/en, a separable prefix + ge... (opgepakt),
** or an inseparable be-/ver-/ont-/her-/er- verb in -d/-t (beëindigd). */
static int is_participle(const scan *s, const tok *t){
  int k;
  if( t->kind != K_WORD || t->nlc < 5 ) return 0;
  if( !(ends_with(t, "d") || ends_with(t, "t") || ends_with(t, "en")) ) return 0;
  if( t->mon >= 0 || t->wd >= 0 || t->nw >= 0 || t->dw >= 0 ) return 0;
  if( memcmp(t->lc, "ge", 2) == 0 ) return 1;
  for(k = 2; k + 2 < t->nlc && k <= 6; k++){
    if( memcmp(t->lc + k, "ge", 2) == 0 && is_prefix_word(s, t->lc, k) ) return 1;
  }
  if( ends_with(t, "en") ) return 0;
  /* be-/ver-/ont-/her- forms are also present tense (begint, verkoopt):
  ** only a clause-final one is taken for a participle */
  if( !(&t[1] < &s->t[s->nt] && t[1].kind == K_PUNCT) ) return 0;
  return memcmp(t->lc, "be", 2) == 0 || memcmp(t->lc, "ver", 3) == 0
      || memcmp(t->lc, "ont", 3) == 0 || memcmp(t->lc, "her", 3) == 0;
}

static int is_dateword(const tok *t){
  return t->kind == K_NUM || (t->kind == K_WORD && (t->wd >= 0 || t->mon >= 0 || t->hol >= 0
         || (t->dwc & ((1u << C_DEICTIC) | (1u << C_MOD)))));
}

/* A weak past form: maakte, kondigde. Many nouns end in -te too (boete,
** drukte), so the word must stand where a finite verb stands: right after a
** subject pronoun, right before a date ("maakte dinsdag bekend"), or at the
** end of a clause ("die het kabinet maandag aankondigde,"). */
static int is_weak_past(const scan *s, int k){
  const tok *t = &s->t[k];
  if( t->kind != K_WORD || t->nlc < 5 ) return 0;
  /* only the singular: -den/-ten are as often infinitives (laten, worden) */
  if( !(ends_with(t, "de") || ends_with(t, "te")) ) return 0;
  if( ends_with(t, "ende") || ends_with(t, "ste") ) return 0;
  if( t->mon >= 0 || t->wd >= 0 || t->nw >= 0 || t->dw >= 0 || t->hol >= 0 ) return 0;
  if( (t->flags & F_CAP) && k > 0 && !(t->flags & F_NL) ) return 0;   /* a name */
  if( k > 0 ){
    const tok *p = &s->t[k - 1];
    if( p->kind == K_WORD && ((p->dwc & (1u << C_ART)) || (p->dwc & (1u << C_MOD)) || p->nw >= 0) ) return 0;
    if( tense_class(s, p) == TW_SUBJ || is_dateword(p) ) return 1;
  }
  if( k + 1 >= s->nt || s->t[k + 1].kind == K_PUNCT ) return 1;
  return is_dateword(&s->t[k + 1]);
}

static int clause_break(const scan *s, int k){
  const tok *t = &s->t[k];
  if( t->kind == K_PUNCT ){
    uint32_t c = t->ch;
    return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == 0x2013
        || c == 0x2014 || kr_quote_mark(c) != 0;
  }
  return 0;
}

static int is_conj(const scan *s, int k){
  int c = tense_class(s, &s->t[k]);
  return c == TW_CONJ || c == TW_SUB;
}

static int sentence_start(const scan *s, int k){
  const tok *p;
  if( k <= 0 || (s->t[k].flags & F_NL) ) return 1;
  p = &s->t[k - 1];
  if( p->kind == K_PUNCT && (p->ch == '.' || p->ch == '!' || p->ch == '?') ){
    /* a capital, or a quote mark or bracket that opens the next sentence */
    const tok *t = &s->t[k];
    return (t->flags & F_SP) && ((t->flags & F_CAP)
           || (t->kind == K_PUNCT && (kr_quote_mark(t->ch) || t->ch == '(')));
  }
  return 0;
}

/* The nearest marker to [i0, i1) in [a, b): -1 past, 1 future, 0 none. */
static int nearest_marker(const scan *s, int a, int b, int i0, int i1){
  int k, best = 0, bestd = 1 << 30, aux = -1, part = 0;
  for(k = a; k < b; k++){
    int c, m = 0, d;
    if( k >= i0 && k < i1 ) continue;
    c = tense_class(s, &s->t[k]);
    if( c == TW_PAST ) m = -1;
    else if( c == TW_FUT ) m = 1;
    else if( c == TW_PERF ){ if( aux < 0 || abs_i(k - i0) < abs_i(aux - i0) ) aux = k; }
    else if( c == TW_NONE ){
      if( is_participle(s, &s->t[k]) ) part = 1;
      else if( is_weak_past(s, k) ) m = -1;
    }
    if( m ){
      d = k < i0 ? i0 - k : k - i1;
      if( d < bestd ){ bestd = d; best = m; }
    }
  }
  if( aux >= 0 && part ){
    int d = aux < i0 ? i0 - aux : aux - i1;
    if( d < bestd ){ best = -1; }
  }
  return best;
}

int date_tense(scan *s, int i0, int i1){
  int s0 = i0, s1 = i1, c0 = i0, c1 = i1, m;
  /* the sentence */
  while( s0 > 0 && !sentence_start(s, s0) && i0 - s0 < BACK ) s0--;
  while( s1 < s->nt && !sentence_start(s, s1) && s1 - i1 < LOOK * 4 ) s1++;
  /* the clause */
  while( c0 > s0 && !clause_break(s, c0 - 1) && !is_conj(s, c0) ) c0--;
  while( c1 < s1 && !clause_break(s, c1) && !is_conj(s, c1) ) c1++;
  m = nearest_marker(s, c0, c1, i0, i1);
  if( m || tense_class(s, &s->t[c0]) == TW_SUB ) return m;
  return nearest_marker(s, s0, s1, i0, i1);
}
