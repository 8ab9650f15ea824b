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
** At most BACK tokens before and TENSE_AHEAD after the date are looked at,
** so the cost per date is bounded; the scan loop keeps that many tokens in
** the window (WIN_AHEAD), so a window boundary never changes the result.
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

/* A conjunction that starts a clause; one between two date words joins
** them ("maandag of dinsdag", "mei en juni") and starts none. */
static int is_conj(const scan *s, int k){
  int c = tense_class(s, &s->t[k]);
  if( c != TW_CONJ && c != TW_SUB ) return 0;
  return !(k > 0 && k + 1 < s->nt && is_dateword(&s->t[k - 1]) && is_dateword(&s->t[k + 1]));
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

/* The tense of [i0, i1): of its clause, else (clause_only 0, and not in
** a subordinate clause) of its sentence. */
typedef struct span_tk { int s0, s1, c0, c1; } span_tk;

/* The sentence [s0, s1) and the clause [c0, c1) around [i0, i1). */
static void around(const scan *s, int i0, int i1, span_tk *a){
  int s0 = i0, s1 = i1, c0 = i0, c1 = i1;
  while( s0 > 0 && !sentence_start(s, s0) && i0 - s0 < BACK ) s0--;
  while( s1 < s->nt && !sentence_start(s, s1) && s1 - i1 < TENSE_AHEAD ) s1++;
  while( c0 > s0 && !clause_break(s, c0 - 1) && !is_conj(s, c0) ) c0--;
  while( c1 < s1 && !clause_break(s, c1) && !is_conj(s, c1) ) c1++;
  a->s0 = s0; a->s1 = s1; a->c0 = c0; a->c1 = c1;
}

static int tense_of(scan *s, int i0, int i1, int clause_only){
  span_tk a;
  int m, s0, s1, c0;
  around(s, i0, i1, &a);
  s0 = a.s0; s1 = a.s1; c0 = a.c0;
  m = nearest_marker(s, c0, a.c1, i0, i1);
  if( m || clause_only || tense_class(s, &s->t[c0]) == TW_SUB ) return m;
  return nearest_marker(s, s0, s1, i0, i1);
}

int date_tense(scan *s, int i0, int i1){ return tense_of(s, i0, i1, 0); }
int date_clause_tense(scan *s, int i0, int i1){ return tense_of(s, i0, i1, 1); }

/* A finite present-tense verb: a lower-case word in -t (stemt, vergadert,
** opent) that is no date word, no word of tense_words (het, niet and the
** adverbs in -t are listed there as notverb) and no participle. */
static int is_present_t(const scan *s, int k){
  const tok *t;
  if( k < 0 || k >= s->nt ) return 0;
  t = &s->t[k];
  if( t->kind != K_WORD || t->nlc < 4 || (t->flags & F_CAP) || !ends_with(t, "t") ) return 0;
  if( t->tcls || t->dw >= 0 || t->mon >= 0 || t->wd >= 0 || t->nw >= 0 || t->hol >= 0 ) return 0;
  return memcmp(t->lc, "ge", 2) != 0;
}

/* A present-tense verb after a fronted date: a verb in -t, or any verb
** form followed by its subject pronoun ("Zaterdag spelen we thuis"). */
static int is_present_after(const scan *s, int k){
  const tok *t;
  if( k >= s->nt ) return 0;
  t = &s->t[k];
  if( t->kind != K_WORD || (t->flags & F_CAP) || t->tcls ) return 0;
  if( is_present_t(s, k) ) return 1;
  return t->nlc >= 4 && ends_with(t, "en") && t->dw < 0 && t->nw < 0 && k + 1 < s->nt
      && tense_class(s, &s->t[k + 1]) == TW_SUBJ;
}

int date_present(scan *s, int i0, int i1){
  int k = i0 - 1;
  if( k >= 0 && s->t[k].kind == K_WORD && tense_class(s, &s->t[k]) == TW_REPORT ) return 0;
  if( is_present_t(s, k) ) return 1;
  if( !sentence_start(s, i0) && !(k >= 0 && clause_break(s, k)) ) return 0;
  return i1 < s->nt && tense_class(s, &s->t[i1]) != TW_REPORT && is_present_after(s, i1);
}

/* One walk over the clause each way (the bounds of around(), without
** the sentence): this runs at every clock time and holiday. */
int date_habitual(scan *s, int i0, int i1){
  int k;
  for(k = i0 - 1; k >= 0 && i0 - k <= BACK && !clause_break(s, k) && !sentence_start(s, k + 1)
                  && !is_conj(s, k + 1); k--){
    if( s->t[k].tcls == TW_HABIT && s->t[k].kind == K_WORD ) return 1;
  }
  for(k = i1; k < s->nt && k - i1 < TENSE_AHEAD && !clause_break(s, k) && !sentence_start(s, k)
              && !is_conj(s, k); k++){
    if( s->t[k].tcls == TW_HABIT && s->t[k].kind == K_WORD ) return 1;
  }
  return 0;
}
