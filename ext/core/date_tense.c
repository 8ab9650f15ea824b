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
**   future  - zal, gaat, komende ..., and the passive auxiliary wordt/worden
**             ("wordt zondag beslist"; but "'s nachts wordt hier hard
**             gereden" is generic: see date_active_tense)
** The marker nearest to the date inside its clause decides; when the clause
** has none, the nearest one in the sentence. Clauses end at , ; : brackets,
** quote marks and dashes, and before a conjunction (dat, omdat, en ...).
** At most BACK tokens before and TENSE_AHEAD after the date are looked at,
** so the cost per date is bounded; the scan loop keeps that many tokens in
** the window (WIN_AHEAD), so a window boundary never changes the result.
**
** The tokenizer marks sentence starts (F_SENT) and clause ends (F_CLAUSE);
** what marker a token is, is worked out the first time a date asks and kept
** in the token (tok.mark), since the dates of one sentence share it.
*/
#include "date_scan.h"
#include <string.h>

static int abs_i(int x){ return x < 0 ? -x : x; }

/* The class of token t in tense_words (TW_NONE for a number, a sign or a
** word that is not there: their entry is date_key_none). */
static int tense_class(const tok *t){ return t->tcls; }

static int ends_with(const char *lc, int n, const char *suf){
  int k = (int)strlen(suf);
  return n >= k && memcmp(lc + n - k, suf, (size_t)k) == 0;
}

static int is_prefix_word(const scan *s, const char *z, int n){
  const kr_date_key *e = date_key(s->lx, z, n);
  return e && e->tcls == TW_PREFIX;
}

/* A past participle: ge...d/t/en, a separable prefix + ge... (opgepakt),
** or an inseparable be-/ver-/ont-/her-/er- verb in -d/-t (beëindigd).
** lc[0..n) is word k in lower case. */
static int is_participle(const scan *s, int k, const char *lc, int n){
  const tok *t = &s->t[k];
  int j;
  if( t->kind != K_WORD || n < 5 ) return 0;
  if( !(ends_with(lc, n, "d") || ends_with(lc, n, "t") || ends_with(lc, n, "en")) ) return 0;
  if( t->e->mon >= 0 || t->e->wd >= 0 || t->e->nw >= 0 || t->e->dw >= 0 ) return 0;
  if( memcmp(lc, "ge", 2) == 0 ) return 1;
  for(j = 2; j + 2 < n && j <= 6; j++){
    if( memcmp(lc + j, "ge", 2) == 0 && is_prefix_word(s, lc, j) ) return 1;
  }
  if( ends_with(lc, n, "en") ) return 0;
  /* be-/ver-/ont-/her- forms are also present tense (begint, verkoopt):
  ** only a clause-final one is taken for a participle */
  if( !(k + 1 < s->nt && s->t[k + 1].kind == K_PUNCT) ) return 0;
  return memcmp(lc, "be", 2) == 0 || memcmp(lc, "ver", 3) == 0
      || memcmp(lc, "ont", 3) == 0 || memcmp(lc, "her", 3) == 0;
}

static int is_dateword(const tok *t){ return (t->flags & F_DATEW) != 0; }

/* A weak past form: maakte, kondigde. Many nouns end in -te too (boete,
** drukte), so the word must stand where a finite verb stands: right after a
** subject pronoun, right before a date ("maakte dinsdag bekend"), or at the
** end of a clause ("die het kabinet maandag aankondigde,"). lc[0..n) is
** word k in lower case. */
static int is_weak_past(const scan *s, int k, const char *lc, int n){
  const tok *t = &s->t[k];
  if( t->kind != K_WORD || n < 5 ) return 0;
  /* only the singular: -den/-ten are as often infinitives (laten, worden) */
  if( !(ends_with(lc, n, "de") || ends_with(lc, n, "te")) ) return 0;
  if( ends_with(lc, n, "ende") || ends_with(lc, n, "ste") ) return 0;
  if( t->e->mon >= 0 || t->e->wd >= 0 || t->e->nw >= 0 || t->e->dw >= 0 || t->e->hol >= 0 ) return 0;
  if( (t->flags & F_CAP) && k > 0 && !(t->flags & F_NL) ) return 0;   /* a name */
  if( k > 0 ){
    const tok *p = &s->t[k - 1];
    if( p->kind == K_WORD && ((p->e->dwc & (1u << C_ART)) || (p->e->dwc & (1u << C_MOD)) || p->e->nw >= 0) ) return 0;
    if( tense_class(p) == TW_SUBJ || is_dateword(p) ) return 1;
  }
  if( k + 1 >= s->nt || s->t[k + 1].kind == K_PUNCT ) return 1;
  /* right before a date, or before "tot" or "sinds" (dirprep) and a date:
  ** "werkte tot december" */
  return is_dateword(&s->t[k + 1])
      || ((s->t[k + 1].e->dwc & (1u << C_DIRPREP)) && k + 2 < s->nt && is_dateword(&s->t[k + 2]));
}

/* Can word t end as a participle (-d, -t, -en) or a weak past form (-de,
** -te)? Answered from the last byte of a word of ASCII letters, so that
** most words need not be lower-cased. */
static int ends_as_verb(const scan *s, const tok *t){
  int last;
  if( !(t->flags & F_ASCII) ) return 1;
  last = s->z[t->b1 - 1] | 0x20;
  return last == 'd' || last == 't' || last == 'n' || last == 'e';
}

/* What marker token k is (tok.mark), worked out once. */
enum { MK_NONE = 1, MK_PAST, MK_FUT, MK_PASS, MK_AUX, MK_PART };

static int mark_of(scan *s, int k){
  tok *t = &s->t[k];
  if( !t->mark ){
    int c = tense_class(t), m = MK_NONE;
    if( c == TW_PAST ) m = MK_PAST;
    else if( c == TW_FUT ) m = MK_FUT;
    else if( c == TW_PASS ) m = MK_PASS;
    else if( c == TW_PERF ) m = MK_AUX;
    else if( c == TW_NONE && t->kind == K_WORD && t->nlc >= 5 && ends_as_verb(s, t) ){
      char lc[32];
      int n = tok_lc(s, t, lc);
      if( is_participle(s, k, lc, n) ) m = MK_PART;
      else if( is_weak_past(s, k, lc, n) ) m = MK_PAST;
    }
    t->mark = (uint8_t)m;
  }
  return t->mark;
}

static int clause_break(const scan *s, int k){ return (s->t[k].flags & F_CLAUSE) != 0; }

/* A conjunction that starts a clause; one between two date words joins
** them ("maandag of dinsdag", "mei en juni") and starts none. Inlined: the
** clause walks ask it of every token. */
KR_HOT int is_conj(const scan *s, int k){
  int c = tense_class(&s->t[k]);
  if( c != TW_CONJ && c != TW_SUB ) return 0;
  return !(k > 0 && k + 1 < s->nt && is_dateword(&s->t[k - 1]) && is_dateword(&s->t[k + 1]));
}

static int sentence_start(const scan *s, int k){
  return k <= 0 || (s->t[k].flags & F_SENT) != 0;
}

/* Options of the tense look-up. */
#define T_CLAUSE 1   /* the clause only, no fall-back to the sentence */
#define T_NOPASS 2   /* the passive auxiliary (wordt) marks no future */

/* What a walk over tokens finds of the markers around [i0, i1): the
** nearest past or future marker (best: -1, 1 or 0 for none, at distance
** bestd), the nearest perfect auxiliary (aux, or -1) and whether there is
** a participle (part). */
typedef struct marks { int best, bestd, aux, part; } marks;

static void marks_init(marks *m){ m->best = 0; m->bestd = 1 << 30; m->aux = -1; m->part = 0; }

/* Walk [a, b) in order into *f: a nearer marker replaces the one found
** (the first one wins a tie). */
static void marks_walk(scan *s, int a, int b, int i0, int i1, int opts, marks *f){
  int k;
  for(k = a; k < b; k++){
    int c, m = 0, d;
    if( k == i0 && i1 > i0 ){ k = i1 - 1; continue; }   /* the expression itself */
    c = mark_of(s, k);
    if( c == MK_NONE ) continue;                          /* most words */
    if( c == MK_PAST ) m = -1;
    else if( c == MK_FUT || (c == MK_PASS && !(opts & T_NOPASS)) ) m = 1;
    else if( c == MK_AUX ){ if( f->aux < 0 || abs_i(k - i0) < abs_i(f->aux - i0) ) f->aux = k; }
    else if( c == MK_PART ) f->part = 1;
    if( m ){
      d = k < i0 ? i0 - k : k - i1;
      if( d < f->bestd ){ f->bestd = d; f->best = m; }
    }
  }
}

/* The tense the markers found give: -1 past, 1 future, 0 none; an
** auxiliary with a participle is a perfect (past) at the auxiliary. */
static int marks_tense(const marks *f, int i0, int i1){
  if( f->aux >= 0 && f->part ){
    int d = f->aux < i0 ? i0 - f->aux : f->aux - i1;
    if( d < f->bestd ) return -1;
  }
  return f->best;
}

/* The nearest marker to [i0, i1) in [a, b): -1 past, 1 future, 0 none. */
static int nearest_marker(scan *s, int a, int b, int i0, int i1, int opts){
  marks f;
  marks_init(&f);
  marks_walk(s, a, b, i0, i1, opts, &f);
  return marks_tense(&f, i0, i1);
}

/* The tense of [i0, i1): of its clause, else (not T_CLAUSE, and not in a
** subordinate clause) of its sentence. */
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

/* The clause first; else the sentence, as nearest_marker(s0, s1) finds it.
** The clause holds no past or future marker then (it would have given a
** tense), so of the clause only its auxiliary and participle count: the
** sentence is walked before and after the clause, with those merged in
** between, in the order of the tokens (so the same auxiliary wins a
** tie). */
static int tense_of(scan *s, int i0, int i1, int opts){
  span_tk a;
  marks c, f;
  int m;
  around(s, i0, i1, &a);
  marks_init(&c);
  marks_walk(s, a.c0, a.c1, i0, i1, opts, &c);
  m = marks_tense(&c, i0, i1);
  if( m || (opts & T_CLAUSE) || tense_class(&s->t[a.c0]) == TW_SUB ) return m;
  marks_init(&f);
  marks_walk(s, a.s0, a.c0, i0, i1, opts, &f);
  if( c.aux >= 0 && (f.aux < 0 || abs_i(c.aux - i0) < abs_i(f.aux - i0)) ) f.aux = c.aux;
  f.part |= c.part;
  marks_walk(s, a.c1, a.s1, i0, i1, opts, &f);
  return marks_tense(&f, i0, i1);
}

int date_tense(scan *s, int i0, int i1){ return tense_of(s, i0, i1, 0); }
int date_clause_tense(scan *s, int i0, int i1){ return tense_of(s, i0, i1, T_CLAUSE); }
int date_active_tense(scan *s, int i0, int i1){ return tense_of(s, i0, i1, T_NOPASS); }

/* A finite present-tense verb: a lower-case word in -t (stemt, vergadert,
** opent) that is no date word, no word of tense_words (het, niet and the
** adverbs in -t are listed there as notverb) and no participle. */
static int is_present_t(const scan *s, int k){
  const tok *t;
  char lc[32];
  int n;
  if( k < 0 || k >= s->nt ) return 0;
  t = &s->t[k];
  if( t->kind != K_WORD || (t->flags & F_CAP) ) return 0;
  if( t->tcls == TW_PRES ) return 1;                 /* wil, kan, moeten */
  if( t->nlc < 4 ) return 0;
  if( t->tcls || t->e->dw >= 0 || t->e->mon >= 0 || t->e->wd >= 0 || t->e->nw >= 0 || t->e->hol >= 0 ) return 0;
  n = tok_lc(s, t, lc);
  return ends_with(lc, n, "t") && memcmp(lc, "ge", 2) != 0;
}

/* A present-tense verb after a fronted date: a verb in -t, or any verb
** form followed by its subject pronoun ("Zaterdag spelen we thuis"). */
static int is_present_after(const scan *s, int k){
  const tok *t;
  char lc[32];
  if( k >= s->nt ) return 0;
  t = &s->t[k];
  if( t->kind != K_WORD || (t->flags & F_CAP) || (t->tcls && t->tcls != TW_PRES) ) return 0;
  if( is_present_t(s, k) ) return 1;
  return t->nlc >= 4 && ends_with(lc, tok_lc(s, t, lc), "en") && t->e->dw < 0 && t->e->nw < 0
      && k + 1 < s->nt && tense_class(&s->t[k + 1]) == TW_SUBJ;
}

int date_present(scan *s, int i0, int i1){
  int k = i0 - 1, b = i0;     /* b: where the date begins, with its preposition */
  /* a preposition that ties the date to a verb may stand between them
  ** ("de raad beslist in december", "de minister presenteert op dinsdag
  ** haar plan"), or begin the fronted date ("Op dinsdag presenteert ..."); a
  ** word in -t after an article is a noun ("het debat op dinsdag") */
  if( k >= 0 && (s->t[k].e->dwc & (1u << C_VERBPREP)) ){
    b = k; k--;
    if( k >= 1 && (s->t[k - 1].e->dwc & (1u << C_ART)) ) k = -1;
  }
  if( k >= 0 && tense_class(&s->t[k]) == TW_REPORT ) return 0;
  if( is_present_t(s, k) ) return 1;
  if( !sentence_start(s, b) && !(b > 0 && clause_break(s, b - 1)) ) return 0;
  return i1 < s->nt && tense_class(&s->t[i1]) != TW_REPORT && is_present_after(s, i1);
}

/* Does the clause around [i0, i1) have no past or future marker but a
** finite present-tense verb ("het onderzoek ... moet tegen Pasen klaar
** zijn")? Its tense is then the present, whatever the rest of the
** sentence says. */
int date_clause_present(scan *s, int i0, int i1){
  span_tk a;
  int k;
  around(s, i0, i1, &a);
  if( nearest_marker(s, a.c0, a.c1, i0, i1, 0) ) return 0;
  for(k = a.c0; k < a.c1; k++){
    if( k >= i0 && k < i1 ) continue;
    if( tense_class(&s->t[k]) == TW_REPORT ) return 0;
    if( is_present_t(s, k) ) return 1;
  }
  return 0;
}

/* Does token k make its clause habitual: an adverb of habit (vroeger,
** meestal) or a word of repeat (elke dag, dagelijks)? */
static int is_habit(const scan *s, int k){
  const tok *t = &s->t[k];
  return tense_class(t) == TW_HABIT || (t->e->dwc & ((1u << C_EVERY) | (1u << C_OFTEN)));
}

int date_verb_at(scan *s, int k){
  const tok *t;
  char lc[32];
  int n;
  if( k < 0 || k >= s->nt ) return 0;
  t = &s->t[k];
  if( t->kind != K_WORD ) return 0;
  switch( t->tcls ){
    case TW_PAST: case TW_FUT: case TW_PASS: case TW_PERF: case TW_REPORT: case TW_PRES: return 1;
  }
  if( is_present_t(s, k) ) return 1;
  if( t->tcls || (t->flags & F_CAP) || t->nlc < 5 || t->e != &date_key_none ) return 0;
  n = tok_lc(s, t, lc);
  return memcmp(lc, "ge", 2) == 0 && (lc[n - 1] == 'd' || lc[n - 1] == 't');
}

/* One walk over the clause each way (the bounds of around(), without
** the sentence): this runs at every clock time and holiday. */
int date_habitual(scan *s, int i0, int i1){
  int k;
  for(k = i0 - 1; k >= 0 && i0 - k <= BACK && !clause_break(s, k) && !sentence_start(s, k + 1)
                  && !is_conj(s, k + 1); k--){
    if( is_habit(s, k) ) return 1;
  }
  for(k = i1; k < s->nt && k - i1 < TENSE_AHEAD && !clause_break(s, k) && !sentence_start(s, k)
              && !is_conj(s, k); k++){
    if( is_habit(s, k) ) return 1;
  }
  return 0;
}
