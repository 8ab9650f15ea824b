/*
** dates.c - the Dutch date engine: tokenizer, lexicon look-ups, the scan
** loop and the public entry points. The matchers that recognise the
** expression families live in date_match.c, tense detection in
** date_tense.c, calendar arithmetic and value formatting in date_cal.c.
**
** The text is cut into tokens (words, numbers, punctuation) kept in a fixed
** window; every word is looked up once in a hash table of the date
** lexicons (kr_date_lex), so a word costs one hash. The tokenizer is the
** part that sees every byte of the text: it reads a word of ASCII letters
** eight bytes at a time, hashing it as it goes, keeps tokens small and
** leaves the rest (the lower-case form of a word, the tense marker it is)
** to be worked out when a matcher asks. The scan loop tries the matchers
** at every token that can start an expression; each matcher looks at most
** LOOK tokens ahead, so the whole scan is linear in the text.
*/
#include "date_scan.h"
#include <string.h>
#ifdef KR_DATE_CHECK
#include <stdlib.h>
#endif

static const char *const class_name[C_NCLASS] = {
  "deictic", "mod", "unit", "dir", "ahead", "part", "daypart", "season",
  "vague", "vagueunit", "every", "often", "prep", "conn", "decade", "bc",
  "now", "flemish", "clock", "few", "frac", "yhalf", "art", "clockprep",
  "dirprep", "measure", "times", "qletter", "verbprep"
};

/* ---- lexicons ------------------------------------------------------------ */

/* The entry of a word that is in no lexicon (and of numbers, punctuation). */
const kr_date_key date_key_none = {
  .key = "", .k8 = 0, .dwc = 0, .mon = -1, .wd = -1, .nw = -1, .hol = -1, .dw = -1,
  .dpart = -1, .tcls = 0, .card = -1, .ord = -1, .reach = 0, .tflags = 0, .n = 0,
  .hpre = 0, .hword = 0
};

/* Words are hashed eight bytes at a time, the bytes after the word masked
** off (so a word is hashed from a buffer of at least 32 bytes; a word holds
** no NUL byte, so its bytes alone tell its length): the top
** KR_DATE_SLOT_BITS bits of the hash pick its slot, the next 5 bits are
** the fingerprint kept in the slot (so that the slot array is small, 16 KB,
** and stays in the cache, and a word that is in no lexicon is mostly
** rejected without touching the entries). The tokenizer hashes an ASCII
** word the same way as it reads it (ascii_word). */
#define HASH_M 0x9E3779B97F4A7C15ull
#define SLOT_OF(h) ((uint32_t)((h) >> (64 - KR_DATE_SLOT_BITS)))
#define FP_OF(h) ((uint32_t)((h) >> (59 - KR_DATE_SLOT_BITS)) & 0x1F)
#define SLOT_KEY(v) ((int)((v) & 0x7FF) - 1)   /* the entry of a slot */

static uint64_t hash_lc(const char *lc, int n){
  uint64_t h = 0, c;
  int i;
  for(i = 0; i < n; i += 8){
    memcpy(&c, lc + i, 8);
    if( n - i < 8 ) c &= ~0ull >> (64 - 8 * (n - i));
    h = (h ^ c) * HASH_M;
  }
  return h;
}

/* The hash of any word z[0..n) (n <= 28), through a padded copy. */
static uint64_t hash_bytes(const char *z, int n){
  char buf[32] = {0};
  memcpy(buf, z, (size_t)n);
  return hash_lc(buf, n);
}

/* The entry of the word whose hash is h, whose first eight bytes (in lower
** case, zero-padded) are c8 and whose length is n (at most 28), or NULL.
** rest(arg, key, n) compares the bytes after the first eight. */
static inline const kr_date_key *find_hashed(const kr_date_lex *lx, uint64_t h, uint64_t c8, int n,
                                             int (*rest)(const void *, const char *, int), const void *arg){
  uint32_t i = SLOT_OF(h), fp = FP_OF(h);
  for(;;){
    uint32_t v = lx->slot[i];
    if( v == 0 ) return 0;
    if( (v >> 11) == fp ){
      const kr_date_key *e = &lx->key[SLOT_KEY(v)];
      if( e->k8 == c8 && e->n == n && (n <= 8 || rest(arg, e->key, n)) ) return e;
    }
    i = (i + 1) & (KR_DATE_SLOTS - 1);
  }
}

/* Does the lower-case word at arg go on after its first eight bytes as
** key[0..n) does? */
static int lc_rest(const void *arg, const char *key, int n){
  return memcmp((const char *)arg + 8, key + 8, (size_t)(n - 8)) == 0;
}

/* The entry of the lower-case word lc[0..n) (0 < n <= 28, in a buffer of
** 32 bytes), or NULL. */
static const kr_date_key *find_lc(const kr_date_lex *lx, const char *lc, int n){
  uint64_t c8;
  memcpy(&c8, lc, 8);
  if( n < 8 ) c8 &= ~0ull >> (64 - 8 * n);
  return find_hashed(lx, hash_lc(lc, n), c8, n, lc_rest, lc);
}

/* The entry of the lower-case word z[0..n), or NULL. */
const kr_date_key *date_key(const kr_date_lex *lx, const char *z, int n){
  char buf[32] = {0};
  if( n <= 0 || n > 28 ) return 0;
  memcpy(buf, z, (size_t)n);
  return find_lc(lx, buf, n);
}

/* The entry of z[0..n), created when absent (NULL when the table is full).
** z must outlive the index: a lexicon cell, or the index's cbuf. */
static kr_date_key *key_slot(kr_date_lex *lx, const char *z, int n){
  uint64_t h;
  uint32_t i, fp;
  kr_date_key *e;
  if( n > 28 ) return 0;                     /* longer than any word looked up */
  h = hash_bytes(z, n); i = SLOT_OF(h); fp = FP_OF(h);
  for(;;){
    uint32_t v = lx->slot[i];
    if( v == 0 ) break;
    e = &lx->key[SLOT_KEY(v)];
    if( (v >> 11) == fp && e->n == n && memcmp(e->key, z, (size_t)n) == 0 ) return e;
    i = (i + 1) & (KR_DATE_SLOTS - 1);
  }
  if( lx->nkey >= KR_DATE_KEYS || lx->nkey * 2 >= KR_DATE_SLOTS ) return 0;
  e = &lx->key[lx->nkey++];
  lx->slot[i] = (uint16_t)(fp << 11 | (uint32_t)lx->nkey);
  *e = date_key_none;
  e->key = z; e->n = (uint8_t)n;
  memcpy(&e->k8, z, (size_t)(n < 8 ? n : 8));
  return e;
}

static const char *const tense_name[] = {
  "", "past", "fut", "perf", "notverb", "conj", "prefix", "sub", "subj", "report", "habit", "pres", "pass"
};

/* Mark every word of holiday phrase k[0..n) ("tweede pinksterdag") as a
** word of a phrase (hword), so that holiday_phrase() reads on only over
** such words. */
static int index_phrase_words(kr_date_lex *dl, const char *k, int n){
  int a = 0, b;
  while( a < n ){
    kr_date_key *e;
    for(b = a; b < n && k[b] != ' '; b++){}
    if( !(e = key_slot(dl, k + a, b - a)) ) return KR_NOMEM;
    e->hword = 1;
    a = b + 1;
  }
  return KR_OK;
}

/* Index every key of lexicon lx; which says which field it fills. */
static int index_lexicon(kr_date_lex *dl, const kr_lexicon *lx, int which){
  int r;
  for(r = 0; r < lx->nrow; r++){
    const char *k = lx->cell[(size_t)r * (size_t)lx->ncol];
    int n = lx->len[(size_t)r * (size_t)lx->ncol], w = 0, i;
    kr_date_key *e;
    while( w < n && k[w] != ' ' ) w++;
    if( !(e = key_slot(dl, k, w)) ) return KR_NOMEM;
    if( w < n ){                                /* first word of a phrase */
      e->hpre = 1;
      if( which == 3 && index_phrase_words(dl, k, n) != KR_OK ) return KR_NOMEM;
      continue;
    }
    switch( which ){
      case 0: if( e->mon < 0 ) e->mon = (int16_t)r; break;
      case 1: if( e->wd < 0 ) e->wd = (int16_t)r; break;
      case 2: {
        int v = date_atoi(kr_lexicon_cell(lx, r, 1));
        const char *kind = kr_lexicon_cell(lx, r, 2);
        if( e->nw < 0 ) e->nw = (int16_t)r;
        if( v >= 0 ){
          if( !strcmp(kind, "card") && e->card < 0 ) e->card = v;
          if( !strcmp(kind, "ord") && e->ord < 0 ) e->ord = v;
        }
        break;
      }
      case 3: if( e->hol < 0 ) e->hol = (int16_t)r; break;
      case 4:
        if( e->dw < 0 ) e->dw = (int16_t)r;
        e->ndw++;                               /* the rows of a key are adjacent */
        for(i = 0; i < C_NCLASS; i++){
          if( strcmp(kr_lexicon_cell(lx, r, 1), class_name[i]) == 0 ){ e->dwc |= 1u << i; break; }
        }
        dl->wclass[r] = (uint8_t)i;             /* C_NCLASS: an unknown class */
        dl->wval[r] = (int16_t)date_atoi(kr_lexicon_cell(lx, r, 2));
        break;
      case 5:
        for(i = 1; i < (int)(sizeof tense_name / sizeof tense_name[0]); i++){
          if( strcmp(kr_lexicon_cell(lx, r, 1), tense_name[i]) == 0 ){
            /* a conjunction outranks the other readings (en, dat) */
            if( !e->tcls || e->tcls == TW_PREFIX || i == TW_CONJ || i == TW_SUB ) e->tcls = (uint8_t)i;
            break;
          }
        }
        break;
    }
  }
  return KR_OK;
}

/* The reach of each class of date_words (see KR_REACH_NEVER): how many
** tokens after a word of the class the anchor of an expression it starts
** can lie at most. The longest leads: "begin - van de afgelopen een halve
** week" (part, 7), "over de een halve week" (ahead, 4), "de afgelopen een
** halve week" (art, 4), "een keer per week" (een, 3), "elke week" (every). */
static const uint8_t class_reach[C_NCLASS] = {
  [C_MOD] = 4, [C_DIR] = KR_REACH_NEVER, [C_AHEAD] = 5, [C_PART] = 7,
  [C_EVERY] = 2, [C_PREP] = KR_REACH_NEVER, [C_CONN] = KR_REACH_NEVER,
  [C_BC] = KR_REACH_NEVER, [C_NOW] = KR_REACH_NEVER, [C_ART] = 4,
  [C_CLOCKPREP] = KR_REACH_NEVER, [C_DIRPREP] = KR_REACH_NEVER,
  [C_MEASURE] = KR_REACH_NEVER, [C_TIMES] = KR_REACH_NEVER, [C_VERBPREP] = KR_REACH_NEVER
};

/* The reach of a word: 0 when any of its readings anchors an expression,
** else the longest reach of its readings ("een" leads a count: 4). */
static uint8_t key_reach(const kr_date_key *e){
  int c, r = -1;
  if( e->mon >= 0 || e->wd >= 0 || e->hol >= 0 || e->hpre ) return 0;
  if( e->nw >= 0 ){
    if( !(e->card == 1 && e->ord < 0) ) return 0;
    r = 4;
  }
  for(c = 0; c < C_NCLASS; c++){
    if( !((e->dwc >> c) & 1) ) continue;
    if( class_reach[c] == 0 ) return 0;
    if( class_reach[c] != KR_REACH_NEVER && class_reach[c] > r ) r = class_reach[c];
  }
  return r < 0 ? KR_REACH_NEVER : (uint8_t)r;
}

/* The token flags and the reach of a word, once, when it is indexed. */
static void key_flags(kr_date_key *e){
  e->tflags = 0;
  if( e->hpre ) e->tflags |= F_HPRE;
  /* a Flemish word is visited too: it marks the text as Flemish */
  if( e->mon >= 0 || e->wd >= 0 || e->nw >= 0 || e->hol >= 0 || e->hpre
   || (e->dwc & ~JOIN_ONLY) ) e->tflags |= F_CAND;
  e->reach = key_reach(e);
}

/* The reach of a sign that leads an expression ('s avonds, +2 dagen). */
#define PUNCT_REACH 2

/* The flags of a punctuation mark c: a clause end (F_CLAUSE), a mark that
** may open a sentence (F_OPENS: a quote mark or a bracket), a mark that
** ends one (F_END; neither is kept in the token) and a sign that leads an
** expression (F_CAND: 's avonds, +2 dagen). */
#define F_OPENS 0x10000
#define F_END   0x20000   /* . ! or ?: the next token may start a sentence */
static unsigned punct_flags(uint32_t c){
  int qm = (c == '"' || c == '\'' || c >= 0x80) ? kr_quote_mark(c) : 0;
  unsigned f = 0;
  if( qm || c == '(' ) f |= F_OPENS;
  if( c == '.' || c == '!' || c == '?' ) f |= F_END;
  /* a pictograph ends a sentence of a post as a full stop would ("Zaterdag
  ** spelen we thuis 🏠 Eindelijk terug ...") */
  if( (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) ) f |= F_END;
  if( c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == 0x2013 || c == 0x2014 || qm ) f |= F_CLAUSE;
  if( c == '\'' || c == 0x2019 || c == 0x2018 || c == '+' || c == '-' ) f |= F_CAND;
  return f;
}

/* ---- compounds with a part of the day ---------------------------------------- */

/* Can entry e begin a compound with a part of the day: the full name of a
** weekday (dinsdag+avond) or a deictic word (gister+avond)? */
static int compound_head(const kr_date_lex *lx, const kr_date_key *e){
  return (e->wd >= 0 && lx->wd_form[e->wd] == KR_WD_FULL) || (e->dwc & (1u << C_DEICTIC));
}

/* How the word w[0..n) splits into a head of at least four bytes and a
** part of the day that ends it: the first part of the day (in the order
** of date_words) that leaves a head. Returns that part's row in
** date_words and sets *head, or returns -1. */
static int compound_split(const kr_date_lex *lx, const char *w, int n, const kr_date_key **head){
  const kr_lexicon *words = lx->words;
  int r;
  for(r = 0; r < words->nrow; r++){
    const char *suf = words->cell[(size_t)r * (size_t)words->ncol];
    int ns = words->len[(size_t)r * (size_t)words->ncol], np = n - ns;
    if( lx->wclass[r] != C_DAYPART || np < 4 || memcmp(w + np, suf, (size_t)ns) != 0 ) continue;
    if( (*head = date_key(lx, w, np)) != 0 && compound_head(lx, *head) ) return r;
  }
  return -1;
}

/* Enter compound w[0..n) (in cbuf, or a word the index already holds)
** with what it says: the weekday or the deictic word of its head, and its
** part of the day. A word of nine bytes or more only, and not one that a
** lexicon names a month, weekday, holiday or date word itself. */
static int add_compound(kr_date_lex *lx, const char *w, int n){
  const kr_date_key *head, *old = date_key(lx, w, n);
  kr_date_key *e;
  int r;
  if( n < 9 || n > 28 ) return KR_OK;
  if( old && (old->mon >= 0 || old->wd >= 0 || old->hol >= 0 || old->dw >= 0) ) return KR_OK;
  if( (r = compound_split(lx, w, n, &head)) < 0 ) return KR_OK;
  if( !(e = key_slot(lx, w, n)) ) return KR_NOMEM;
  if( head->wd >= 0 && lx->wd_form[head->wd] == KR_WD_FULL ){
    e->wd = head->wd;
  }else{
    e->dw = head->dw;
    e->ndw = head->ndw;
    e->dwc = head->dwc;
  }
  e->dpart = (int8_t)date_dpart_index(kr_lexicon_cell(lx->words, r, 2));
  e->tflags |= F_CAND;
  e->reach = 0;
  return KR_OK;
}

/* Every compound of a head word of the index with a part of the day. The
** text of a new compound goes to cbuf; a word the index already holds
** keeps its own. */
static int add_compounds(kr_date_lex *lx){
  const kr_lexicon *words = lx->words;
  int k, r, nk = lx->nkey;
  for(k = 0; k < nk; k++){
    const kr_date_key *h = &lx->key[k];
    if( h->n < 4 || !compound_head(lx, h) ) continue;
    for(r = 0; r < words->nrow; r++){
      const char *suf = words->cell[(size_t)r * (size_t)words->ncol];
      int ns = words->len[(size_t)r * (size_t)words->ncol], n = h->n + ns, rc;
      char *w = lx->cbuf + lx->ncbuf;
      const kr_date_key *e;
      if( lx->wclass[r] != C_DAYPART || n < 9 || n > 28 ) continue;
      if( lx->ncbuf + n > KR_DATE_CBUF ) return KR_NOMEM;
      memcpy(w, h->key, h->n);
      memcpy(w + h->n, suf, (size_t)ns);
      if( (rc = add_compound(lx, w, n)) != KR_OK ) return rc;
      if( (e = date_key(lx, w, n)) != 0 && e->key == w ) lx->ncbuf += n;   /* a new entry */
    }
  }
  return KR_OK;
}

int kr_date_lex_init(kr_date_lex *lx){
  int r, k, rc = KR_OK;
  memset(lx, 0, sizeof *lx);
  lx->months = kr_lexicon_get("months");
  lx->weekdays = kr_lexicon_get("weekdays");
  lx->numbers = kr_lexicon_get("number_words");
  lx->holidays = kr_lexicon_get("holidays");
  lx->words = kr_lexicon_get("date_words");
  lx->tense = kr_lexicon_get("tense_words");
  if( !lx->months || !lx->weekdays || !lx->numbers || !lx->holidays
   || !lx->words || !lx->tense || lx->words->nrow > KR_DATE_WROWS
   || lx->months->nrow > KR_DATE_MROWS || lx->weekdays->nrow > KR_DATE_MROWS ) return KR_NOMEM;
  if( rc == KR_OK ) rc = index_lexicon(lx, lx->months, 0);
  if( rc == KR_OK ) rc = index_lexicon(lx, lx->weekdays, 1);
  if( rc == KR_OK ) rc = index_lexicon(lx, lx->numbers, 2);
  if( rc == KR_OK ) rc = index_lexicon(lx, lx->holidays, 3);
  if( rc == KR_OK ) rc = index_lexicon(lx, lx->words, 4);
  if( rc == KR_OK ) rc = index_lexicon(lx, lx->tense, 5);
  if( rc != KR_OK ) return rc;
  for(k = 0; k < lx->nkey; k++) key_flags(&lx->key[k]);
  /* the columns the matchers read, as numbers */
  for(r = 0; r < lx->months->nrow; r++){
    lx->mon_num[r] = (uint8_t)date_atoi(kr_lexicon_cell(lx->months, r, 1));
    lx->mon_abbr[r] = strcmp(kr_lexicon_cell(lx->months, r, 2), "abbr") == 0;
  }
  for(r = 0; r < lx->weekdays->nrow; r++){
    const char *form = kr_lexicon_cell(lx->weekdays, r, 2);
    lx->wd_num[r] = (uint8_t)date_atoi(kr_lexicon_cell(lx->weekdays, r, 1));
    lx->wd_form[r] = !strcmp(form, "full") ? KR_WD_FULL : !strcmp(form, "abbr") ? KR_WD_ABBR
                   : !strcmp(form, "plural") ? KR_WD_PLURAL : 0;
  }
  lx->max_reach = PUNCT_REACH;
  for(k = 0; k < 128; k++) lx->pflags[k] = punct_flags((uint32_t)k);
  for(k = 0; k < 64; k++) lx->gflags[k] = punct_flags(0x2000 + (uint32_t)k);
  /* the compounds with a part of the day need the weekday forms above */
  if( (rc = add_compounds(lx)) != KR_OK ) return rc;
  /* the date words of the tense rules (F_DATEW) and the anchors
  ** (F_ANCHOR), compounds included */
  for(k = 0; k < lx->nkey; k++){
    kr_date_key *e = &lx->key[k];
    if( e->wd >= 0 || e->mon >= 0 || e->hol >= 0 || (e->dwc & ((1u << C_DEICTIC) | (1u << C_MOD))) ){
      e->tflags |= F_DATEW;
    }
    if( (e->tflags & F_CAND) && e->reach == 0 ) e->tflags |= F_ANCHOR;
    if( (e->tflags & F_CAND) && e->reach != KR_REACH_NEVER && e->reach > lx->max_reach ) lx->max_reach = e->reach;
  }
  return KR_OK;
}

kr_date_lex *kr_date_lex_new(void){
  kr_date_lex *lx = (kr_date_lex *)kr_malloc(sizeof *lx);
  if( lx && kr_date_lex_init(lx) != KR_OK ){ kr_free(lx); lx = 0; }
  return lx;
}

void kr_date_lex_free(kr_date_lex *lx){ kr_free(lx); }

/* The row of class cls among the rows of token t's date word, or -1. The
** rows of one key are adjacent, e->ndw of them from e->dw (a compound such
** as "gisteravond" points at the rows of "gister"). */
static int word_row(const scan *s, const tok *t, int cls){
  int r = t->e->dw, end = r + t->e->ndw;
  for(; r >= 0 && r < end; r++){
    if( s->lx->wclass[r] == cls ) return r;
  }
  return -1;
}

const char *date_word_val(const scan *s, const tok *t, int cls, int col){
  int r = word_row(s, t, cls);
  return r < 0 ? "" : kr_lexicon_cell(s->lx->words, r, col);
}

int date_word_num(const scan *s, const tok *t, int cls){
  int r = word_row(s, t, cls);
  return r < 0 ? 0 : s->lx->wval[r];
}

int date_atoi(const char *z){
  int v = 0, neg = 0;
  if( *z == '-' ){ neg = 1; z++; }else if( *z == '+' ) z++;
  while( *z >= '0' && *z <= '9' ){ v = v * 10 + (*z - '0'); z++; }
  return neg ? -v : v;
}

int date_dpart_index(const char *code){
  int i;
  for(i = 0; i < 4; i++) if( strcmp(code, kr_dpart_code[i]) == 0 ) return i;
  return 0;
}

/* ---- tokenizer ----------------------------------------------------------- */

/* Byte classes: the tokenizer looks every ASCII byte up once. B_OTHER
** is 0 (the bytes the table leaves out); the classes from B_SPACE on are
** the ones white space may begin with. */
enum { B_OTHER, B_DIGIT, B_LETTER, B_SPACE, B_NL, B_HIGH };
static const uint8_t bclass[256] = {
  [' '] = B_SPACE, ['\t'] = B_SPACE, ['\r'] = B_SPACE, ['\n'] = B_NL,
  ['0' ... '9'] = B_DIGIT, ['a' ... 'z'] = B_LETTER, ['A' ... 'Z'] = B_LETTER,
  [0x80 ... 0xFF] = B_HIGH
};

/* Letter classes of a code point >= 0x80 as text.h gives them, with the
** Latin-1 letters (U+00C0..U+00FF but the signs U+00D7 and U+00F7), the
** commonest in Dutch text, answered without a call. */
static inline int latin1_letter(uint32_t c){ return c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7; }
static inline int is_alpha_hi(uint32_t c){
  if( c >= 0xC0 && c <= 0xFF ) return latin1_letter(c);
  if( c >= 0x2000 && c <= 0x206F ) return 0;   /* quote marks, dashes, spaces */
  return kr_is_alpha(c);
}
static inline int is_upper_hi(uint32_t c){ return latin1_letter(c) ? c <= 0xDE : kr_is_upper(c); }
static inline uint32_t to_lower_hi(uint32_t c){
  return latin1_letter(c) ? (c <= 0xDE ? c + 0x20 : c) : kr_to_lower(c);
}

static int is_digit_at(const unsigned char *z, int64_t n, int64_t p){
  return p < n && bclass[z[p]] == B_DIGIT;
}

/* What a helper of the tokenizer returns: the position after what it read
** and the token flags it found. A value, not pointers, so that the token
** loop keeps its state in registers. */
typedef struct tstep { int64_t p; unsigned flags; } tstep;

/* After a number t that ends at p: an ordinal suffix (3e, 1ste, 12de) or
** a Flemish time (19u30, 19u). */
static tstep number_suffix(const unsigned char *z, int64_t n, tok *t, int64_t p){
  int64_t q = p;
  char suf[8];
  int ns = 0;
  tstep r = { p, 0 };
  while( q < n && ns < 7 && bclass[z[q]] == B_LETTER ){ suf[ns++] = (char)(z[q] | 0x20); q++; }
  if( q < n && bclass[z[q]] == B_LETTER ) return r;
  if( q < n && z[q] >= 0x80 ){
    int len;
    if( is_alpha_hi(kr_decode(z, n, q, &len)) ) return r;
  }
  if( t->nd > 2 ) return r;
  suf[ns] = 0;
  if( strcmp(suf, "e") == 0 || strcmp(suf, "ste") == 0 || strcmp(suf, "de") == 0 ){
    r.p = q;
    r.flags = F_ORD;
  }else if( strcmp(suf, "u") == 0 || strcmp(suf, "h") == 0 ){
    t->kind = K_TIME; t->mi = 0;
    if( is_digit_at(z, n, q) && is_digit_at(z, n, q + 1) && !is_digit_at(z, n, q + 2) ){
      t->mi = (int16_t)((z[q] - '0') * 10 + (z[q + 1] - '0'));
      q += 2;
    }
    r.p = q;
  }
  return r;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
#define KR_SWAR 1
#define ONES 0x0101010101010101ull
#endif

/* The word that starts at p, lower-cased into lc (32 bytes; ASCII letters
** eight at a time). Sets *nlc to its length in lower case (0 when over 28
** bytes, too long for a date word). Returns the position after it and the
** flags F_UPPER (all capitals) and F_ASCII (ASCII letters only). The
** tokenizer reads the words that ascii_word does not read with it, and
** tok_lc() a word again. */
static tstep read_word(const unsigned char *z, int64_t n, int64_t p, char *lc, int *nlc){
  int k = 0, lower = 0, upper = 0, ascii = 1;
  tstep r;
  for(;;){
    unsigned b;
#ifdef KR_SWAR
    while( p + 8 <= n && k <= 24 ){
      uint64_t x, y, letter, stop, m;
      int j;
      memcpy(&x, z + p, 8);
      y = (x & 0x7F * ONES) | 0x20 * ONES;           /* lower case, if a letter */
      letter = (y + 0x1F * ONES) & ~(y + 0x05 * ONES) & ~x & 0x80 * ONES;  /* a..z */
      memcpy(lc + k, &y, 8);
      stop = ~letter & 0x80 * ONES;
      j = stop ? __builtin_ctzll(stop) >> 3 : 8;
      m = j == 8 ? ~0ull : (1ull << (8 * j)) - 1;
      lower |= (x & m & 0x20 * ONES) != 0;
      upper |= (~x & m & 0x20 * ONES) != 0;
      k += j; p += j;
      if( j < 8 ) break;
    }
#endif
    if( p >= n ) break;
    b = z[p];
    if( bclass[b] == B_LETTER ){
      if( b & 0x20 ) lower = 1; else upper = 1;
      lc[k & 31] = (char)(b | 0x20); k++;
      p++;
    }else if( b >= 0x80 ){
      int len, j, ne;
      char enc[4];
      uint32_t c = kr_decode(z, n, p, &len);
      if( !is_alpha_hi(c) ) break;
      if( is_upper_hi(c) ) upper = 1; else lower = 1;
      ne = kr_encode(to_lower_hi(c), enc);
      for(j = 0; j < ne; j++){ lc[k & 31] = enc[j]; k++; }
      ascii = 0;
      p += len;
    }else break;
  }
  *nlc = k > 28 ? 0 : k;
  r.p = p;
  r.flags = (upper && !lower ? F_UPPER : 0) | (ascii ? F_ASCII : 0);
  return r;
}

int tok_lc(const scan *s, const tok *t, char *buf){
  int n;
  if( t->kind != K_WORD || t->nlc == 0 ) return 0;
  if( t->e != &date_key_none ){
    memcpy(buf, t->e->key, t->nlc);            /* a lexicon word: its key */
  }else if( t->flags & F_ASCII ){
    const unsigned char *z = s->z + t->b0;
    int k;
    for(k = 0; k < t->nlc; k++) buf[k] = (char)(z[k] | 0x20);
  }else{
    read_word(s->z, s->n, t->b0, buf, &n);
  }
  return t->nlc;
}

/* Bytes minus characters (as SQLite counts them) in z[a..b), a at the
** start of a character: the continuation bytes that a lead byte (>= 0xC0)
** takes. Eight ASCII bytes at a time. */
static int64_t extra_bytes(const unsigned char *z, int64_t a, int64_t b){
  int64_t x = 0;
  while( a < b ){
    uint64_t w;
    if( a + 8 <= b ){
      memcpy(&w, z + a, 8);
      if( (w & 0x8080808080808080ull) == 0 ){ a += 8; continue; }
    }
    if( z[a] >= 0xC0 ){
      int64_t q = a + 1;
      while( q < b && (z[q] & 0xC0) == 0x80 ) q++;
      x += q - a - 1;
      a = q;
    }else a++;
  }
  return x;
}

/* Does the ASCII word at arg (a pointer to its first byte) go on after its
** first eight letters as key[0..n) does (in lower case)? */
static int ascii_rest(const void *arg, const char *key, int n){
  const unsigned char *w = (const unsigned char *)arg;
  int k;
  for(k = 8; k < n; k++) if( (w[k] | 0x20) != (unsigned char)key[k] ) return 0;
  return 1;
}

/* The eight bytes of z[0..n) from q on (q <= n), zero-padded at the end of
** the text (a NUL byte is no letter, so a word stops there). */
static inline uint64_t load8(const unsigned char *z, int64_t n, int64_t q){
  uint64_t x = 0;
  int k;
  if( q + 8 <= n ){ memcpy(&x, z + q, 8); return x; }
  for(k = 0; q + k < n; k++) x |= (uint64_t)z[q + k] << (8 * k);
  return x;
}

#ifdef KR_SWAR
/* The lower-case letters of the eight bytes x (y: each byte with bit 0x20
** set, which is its lower case if it is a letter), and the high bits of
** the bytes that are no ASCII letter (stop): a letter is a byte below 0x80
** whose y is 0x61..0x7A (y + 0x1F reaches 0x80, y + 0x05 does not). A
** byte of 0xE1 or more carries into the byte above it, but only the first
** stop byte (the lowest set bit of stop) is used, and the letters below it
** carry nothing, so the carries do no harm. */
#define LETTERS(x, y, stop) do{ \
    y = (x) | 0x20 * ONES; \
    stop = (~(y + 0x1F * ONES) | (y + 0x05 * ONES) | (x)) & 0x80 * ONES; \
  }while(0)

/* Look up the ASCII word at p of k letters whose hash is h and whose first
** eight bytes in lower case (zero-padded) are c8; fill t's fields of a word
** (nlc, and e, reach and tcls when it is a lexicon word) and return the
** token flags of its entry. */
static inline unsigned ascii_lookup(const kr_date_lex *lx, const unsigned char *w, int k, uint64_t h,
                                    uint64_t c8, tok *t){
  const kr_date_key *e;
  t->nlc = (uint8_t)k;
  if( (e = find_hashed(lx, h, c8, k, ascii_rest, w)) == 0 ) return 0;
  t->e = e; t->reach = e->reach; t->tcls = e->tcls;
  return e->tflags;
}

/* The rest of ascii_word() for a word of eight letters or more (x: its
** first eight bytes, y: those in lower case). Out of line, so that the
** short words of the fill loop keep their variables in registers. */
KR_COLD tstep ascii_long(const kr_date_lex *lx, const unsigned char *z, int64_t n, int64_t p,
                         tok *t, uint64_t x, uint64_t y){
  uint64_t stop, m, h = y * HASH_M, c8 = y, lower = x;
  int64_t q;
  int k;
  tstep r = { p, 0 };
  for(q = p + 8;; q += 8){
    x = load8(z, n, q);
    LETTERS(x, y, stop);
    if( stop ){
      k = __builtin_ctzll(stop) >> 3;
      m = (1ull << (8 * k)) - 1;
      if( k ) h = (h ^ (y & m)) * HASH_M;
      lower |= x & m;
      q += k;
      break;
    }
    h = (h ^ y) * HASH_M;
    lower |= x;
  }
  if( q < n && z[q] >= 0x80 ) return r;            /* café: a letter may follow */
  r.p = q;
  r.flags = F_ASCII | ((lower & 0x20 * ONES) ? 0 : F_UPPER)    /* F_UPPER: no lower case */
          | (z[p] & 0x20 ? 0 : F_CAP);
  k = (int)(q - p);
  if( k > 28 ) return r;                           /* too long for a date word */
  r.flags |= ascii_lookup(lx, z + p, k, h, c8, t);
  return r;
}

#endif

/* A word of ASCII letters at p, read eight bytes at a time (lower-cased
** and hashed as it goes) and looked up (most words): sets t->nlc, t->e and
** t->reach. Returns the position after it and its flags (F_CAP too), or
** position p when the word goes on with a letter that is not ASCII:
** latin_word or long_word reads it then. A word of up to seven letters
** (most words) is read from one load, its end and case found in it. */
static inline tstep ascii_word(const kr_date_lex *lx, const unsigned char *z, int64_t n, int64_t p,
                               tok *t){
  tstep r = { p, 0 };
#ifdef KR_SWAR
  uint64_t x = load8(z, n, p), y, stop, m, c8;
  int k;
  LETTERS(x, y, stop);
  if( !stop ) r = ascii_long(lx, z, n, p, t, x, y);
  else{
    k = __builtin_ctzll(stop) >> 3;                /* 1..7 letters */
    /* café: a letter may follow (the byte after the word is in x, or
    ** it is the zero padding at the end of the text) */
    if( x & (0x80ull << (8 * k)) ) return r;
    m = (1ull << (8 * k)) - 1;
    c8 = y & m;
    r.p = p + k;
    r.flags = F_ASCII | ((x & m & 0x20 * ONES) ? 0 : F_UPPER)   /* F_UPPER: no lower case */
            | ((unsigned)(~x >> 3) & F_CAP)        /* no bit 0x20 in the first letter */
            | ascii_lookup(lx, z + p, k, c8 * HASH_M, c8, t);
  }
#else
  (void)lx; (void)z; (void)n; (void)t;
#endif
  return r;
}

#if F_CAP != 4
#error "ascii_word() takes F_CAP from bit 0x20 of the first letter"
#endif

/* Any other word at p: read with read_word and looked up. */
static tstep long_word(const kr_date_lex *lx, const unsigned char *z, int64_t n, int64_t p, tok *t){
  char lc[32];
  int nlc;
  tstep r = read_word(z, n, p, lc, &nlc);
  t->nlc = (uint8_t)nlc;
  if( nlc > 0 ){
    const kr_date_key *e = find_lc(lx, lc, nlc);
    if( e ){ t->e = e; t->reach = e->reach; t->tcls = e->tcls; r.flags |= e->tflags; }
  }
  return r;
}

/* A word at p of ASCII letters and Latin-1 letters written C3 xx (U+00C0..
** U+00FF: geëist, café, Curaçao), the commonest words that ascii_word
** leaves, read as read_word reads them and looked up; adds its continuation
** bytes to s->xb (what extra_bytes counts). Returns position p, having
** changed nothing, when the word holds another character that is not
** ASCII: other_token() reads it then. */
KR_COLD tstep latin_word(scan *s, tok *t, int64_t p){
  const unsigned char *z = s->z;
  const int64_t n = s->n;
  char lc[32];
  int k = 0, lower = 0, upper = 0, extra = 0;
  int64_t q = p;
  tstep r = { p, 0 };
  while( q < n ){
    unsigned b = z[q];
    if( bclass[b] == B_LETTER ){
      if( b & 0x20 ) lower = 1; else upper = 1;
      lc[k & 31] = (char)(b | 0x20); k++;
      q++;
    }else if( b == 0xC3 && q + 1 < n && (z[q + 1] & 0xC0) == 0x80
           && !(q + 2 < n && (z[q + 2] & 0xC0) == 0x80) ){
      uint32_t c = 0xC0 + (z[q + 1] & 0x3Fu);
      if( !latin1_letter(c) ) break;           /* the signs U+00D7, U+00F7 */
      if( is_upper_hi(c) ) upper = 1; else lower = 1;
      c = to_lower_hi(c);
      lc[k & 31] = (char)0xC3; k++;
      lc[k & 31] = (char)(0x80 | (c & 0x3F)); k++;
      q += 2; extra++;
    }else if( b == 0xE2 && q + 1 < n && z[q + 1] == 0x80 ){
      break;                                   /* U+2000..U+203F (or a bad
                                               ** sequence): no letter */
    }else if( b >= 0x80 ){
      return r;
    }else break;
  }
  s->xb += extra;
  r.p = q;
  r.flags = (upper && !lower ? F_UPPER : 0) | (extra ? 0 : F_ASCII);   /* Pasen’s */
  t->nlc = (uint8_t)(k > 28 ? 0 : k);
  if( t->nlc > 0 ){
    const kr_date_key *e = find_lc(s->lx, lc, t->nlc);
    if( e ){ t->e = e; t->reach = e->reach; t->tcls = e->tcls; r.flags |= e->tflags; }
  }
  return r;
}

/* Make t the punctuation mark c; returns its flags (punct_flags, from the
** table of the index for an ASCII sign). */
static inline unsigned punct_token(const kr_date_lex *lx, tok *t, uint32_t c){
  unsigned f = c < 128 ? lx->pflags[c] : c - 0x2000 < 64 ? lx->gflags[c - 0x2000] : punct_flags(c);
  t->kind = K_PUNCT;
  t->ch = c;
  if( f & F_CAND ) t->reach = PUNCT_REACH;
  return f;
}

/* The sign at p when it is a character U+2000..U+203F (bytes E2 80 xx:
** the curly quote marks, dashes and ellipsis of news text) that is no
** white space, read as kr_decode reads it (three bytes, no continuation
** byte after them); else 0. No such character is a letter (is_alpha_hi),
** so it is a punctuation token: the tokenizer makes it one without the
** calls of high_space() and other_token(). */
static inline uint32_t gen_punct(const unsigned char *z, int64_t n, int64_t p){
  uint32_t c;
  if( p + 2 >= n || z[p] != 0xE2 || z[p + 1] != 0x80 || (z[p + 2] & 0xC0) != 0x80 ) return 0;
  if( p + 3 < n && (z[p + 3] & 0xC0) == 0x80 ) return 0;
  c = 0x2000 + (z[p + 2] & 0x3Fu);
  if( c <= 0x200B || c == 0x2028 || c == 0x2029 || c == 0x202F ) return 0;   /* kr_is_space */
  return c;
}

/* White space from p on that is not all ASCII (a byte >= 0x80 at p):
** returns the position after it and the flags it sets (F_SP, F_NL for a
** line or paragraph separator). Counts the extra bytes of its characters. */
KR_COLD tstep high_space(scan *s, int64_t p){
  const unsigned char *z = s->z;
  tstep r = { p, 0 };
  while( r.p < s->n ){
    unsigned cls = bclass[z[r.p]];
    int len = 1;
    if( cls == B_HIGH ){
      uint32_t c = kr_decode(z, s->n, r.p, &len);
      if( c == 0x2028 || c == 0x2029 ) r.flags |= F_SP | F_NL;
      else if( kr_is_space(c) ) r.flags |= F_SP;
      else break;
      s->xb += len - 1;
    }else if( cls == B_SPACE ) r.flags |= F_SP;
    else if( cls == B_NL ) r.flags |= F_SP | F_NL;
    else break;
    r.p += len;
  }
  return r;
}

/* Any token at p but a word that ascii_word reads or an ASCII sign: a
** number, a sign that is not ASCII, or a word with a letter that is not
** ASCII (cls: the class of the byte at p).
** Fills t but for its span and flags; returns the position after it and
** its flags. Counts the extra bytes of its characters. */
KR_COLD tstep other_token(scan *s, tok *t, int64_t p, unsigned cls){
  const unsigned char *z = s->z;
  const int64_t n = s->n;
  uint32_t c = 0;
  int len = 1;
  tstep r = { p, 0 };
  if( cls == B_HIGH ) c = kr_decode(z, n, p, &len);
  if( cls == B_LETTER || (cls == B_HIGH && is_alpha_hi(c)) ){
    t->kind = K_WORD;
    r = long_word(s->lx, z, n, p, t);
    s->xb += extra_bytes(z, p, r.p);
    if( cls == B_HIGH && is_upper_hi(c) ) r.flags |= F_CAP;
  }else if( cls == B_DIGIT ){
    int64_t v = 0;
    int nd = 0;
    t->kind = K_NUM;
    while( r.p < n && bclass[z[r.p]] == B_DIGIT ){
      if( v < 100000000 ) v = v * 10 + (z[r.p] - '0');
      nd++; r.p++;
    }
    t->num = (int32_t)v;
    t->nd = (uint8_t)(nd > 255 ? 255 : nd);
    if( r.p < n && (bclass[z[r.p]] == B_LETTER || z[r.p] >= 0x80) ) r = number_suffix(z, n, t, r.p);
    r.flags |= F_CAND | F_ANCHOR | (t->kind == K_NUM ? F_DATEW : 0);   /* reach 0 */
  }else{
    s->xb += len - 1;
    r.p += len;
    r.flags = punct_token(s->lx, t, cls == B_HIGH ? c : z[p]);
  }
  return r;
}

/* What a token holds before the tokenizer reads it: no entry, no value. */
static const tok tok_blank = { .e = &date_key_none };

/* White space from p on that the fill loop does not skip itself (more
** than one space, a tab, a line break, or a byte >= 0x80), up to the next
** token or the end of the text. flags are the token flags so far: F_SP
** when one space was skipped already, else F_NL at most (the first token
** of the scanned range, which drops it when white space precedes it).
** Returns the position of the next token (n at the end) and its flags;
** counts the extra bytes of the characters it skips in s->xb. */
KR_COLD tstep skip_space(scan *s, int64_t p, unsigned flags){
  const unsigned char *z = s->z;
  const int64_t n = s->n;
  unsigned f = flags & F_SP;
  int64_t p0 = p;
  while( p < n ){
    unsigned cls = bclass[z[p]];
    if( cls == B_SPACE ) f |= F_SP;
    else if( cls == B_NL ) f |= F_SP | F_NL;
    else if( cls != B_HIGH || gen_punct(z, n, p) ) break;   /* a token (a quote mark: no space) */
    else{
      tstep r = high_space(s, p);
      if( r.p == p ) break;                    /* no space: a token */
      f |= r.flags;
      p = r.p;
      continue;
    }
    p++;
  }
  if( p == p0 ) f = flags;                     /* no white space */
  return (tstep){ p, f };
}

/* Fill the window with tokens from s->pos on, up to its capacity or the
** end of the text (then s->eof is set). This loop runs for every word and
** sign of the text. It reads a single ASCII space, words of ASCII letters
** and ASCII signs (most of a text) itself; skip_space(), other_token(),
** latin_word() read the rest. The scanner state it changes (the position,
** the extra bytes of the characters read, the paragraph number, whether a
** sentence just ended) is kept in locals, so that it stays in registers
** (the stores into the tokens could otherwise alias it); the helpers that
** count extra bytes are handed xb through s->xb and it is read back. */
static void fill(scan *s){
  const unsigned char *z = s->z;
  const int64_t n = s->n;
  int64_t p = s->pos, xb = s->xb;
  int32_t para = s->para;
  unsigned prev = s->prev_end ? F_END : 0;    /* the last token read was . ! or ? */
  unsigned first = p == s->start ? F_NL : 0;  /* a token at the start is the first of a line */
  tok *t = s->t + s->nt, *tend = s->t + s->win;
  for(; t < tend; t++){
    unsigned flags = first, cls;
    tstep r;
    first = 0;
    if( p >= n ) goto eof;
    if( z[p] == ' ' ){                         /* most tokens: one space before */
      flags = F_SP;
      if( ++p >= n ) goto eof;
    }
    cls = bclass[z[p]];
    if( cls >= B_SPACE ){                      /* more white space, or a byte >= 0x80 */
      s->xb = xb;
      r = skip_space(s, p, flags);
      xb = s->xb;
      p = r.p;
      flags = r.flags;
      if( p >= n ) goto eof;
      cls = bclass[z[p]];
    }
    if( flags & F_NL ){                        /* a line starts a sentence */
      para++;
      flags |= F_SENT;
    }
    *t = tok_blank;
    t->b0 = p;
    t->c0 = p - xb;
    t->para = para;
    r.p = p;
    if( cls == B_LETTER ){
      t->kind = K_WORD;
      r = ascii_word(s->lx, z, n, p, t);
      if( r.p == p ){
        if( !(z[p] & 0x20) ) flags |= F_CAP;
        s->xb = xb;
        r = latin_word(s, t, p);
        xb = s->xb;
      }
    }else if( cls == B_OTHER ){               /* an ASCII sign */
      r.flags = punct_token(s->lx, t, z[p]);
      r.p = p + 1;
    }else if( cls == B_HIGH ){
      uint32_t c = gen_punct(z, n, p);
      if( c ){                                 /* as other_token() makes it */
        r.flags = punct_token(s->lx, t, c);
        r.p = p + 3;
        xb += 2;
      }
    }
    if( r.p == p ){
      s->xb = xb;
      r = other_token(s, t, p, cls);
      xb = s->xb;
    }
    flags |= r.flags;
    p = r.p;
    /* a sentence starts after . ! ? and a space at a capital or at a
    ** mark that opens it */
    if( prev && (flags & F_SP) && (flags & (F_CAP | F_OPENS)) ) flags |= F_SENT;
    prev = flags & F_END;
    t->flags = (uint16_t)flags;                /* without F_OPENS and F_END */
    t->b1 = p;
  }
  goto done;
eof:
  s->eof = 1;
done:
  s->nt = (int)(t - s->t);
  s->pos = p;
  s->xb = xb;
  s->para = para;
  s->prev_end = prev != 0;
}

/* ---- the scan loop -------------------------------------------------------- */

/* Fill the window: keep the BACK tokens before `from` as context, and the
** one before them, so that every context token the tense rules look at
** has the token before it at hand, wherever the window begins. */
static int refill(scan *s, int from){
  int keep = from > BACK + 1 ? from - BACK - 1 : 0;
  if( keep > 0 ){
    memmove(s->t, s->t + keep, sizeof(tok) * (size_t)(s->nt - keep));
    s->nt -= keep;
    s->base += keep;
  }
  fill(s);
  return keep;
}

/* Is token t all ASCII (as many characters as bytes)? */
static int tok_ascii(const tok *t){
  if( t->kind == K_WORD ) return (t->flags & F_ASCII) != 0;
  return t->kind != K_PUNCT || t->ch < 0x80;      /* numbers are ASCII */
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
  const tok *last = &s->t[h->i1 - 1];
  if( s->stop ) return;
  if( h->weak == 1 && !date_whole_text(s, h->i0, h->i1) ) return;
  if( h->weak == 2 && !s->weak_ok ) return;
  d.b0 = s->t[h->i0].b0;
  d.b1 = s->t[h->i1 - 1].b1;
  /* characters: those before the first token, and those of the span up
  ** to the start of its last token, and of that token */
  d.c0 = s->t[h->i0].c0;
  d.c1 = last->c0 + (d.b1 - last->b0) - (tok_ascii(last) ? 0 : extra_bytes(s->z, last->b0, d.b1));
  d.weak = h->weak;
  dval_format(&h->v, &d);
  if( s->has_pend && s->pend_noyear && h->year_given && h->v.g != G_NONE
   && date_joined(s, s->pend.b1, h->i0) ){
    dval v = s->pendv;
    v.y = h->v.y;
    dval_format(&v, &s->pend);
  }
  /* a clock time directly before the day it is on ("om 20.00 uur op
  ** zaterdag 5 maart", "om 17 uur morgen") takes that day */
  if( s->has_pend && s->pendv.g == G_DT && s->pendv.type == KR_DATE_TIME && h->v.g == G_DAY
   && date_time_joined(s, s->pend.b1, h->i0) ){
    dval v = s->pendv;
    v.y = h->v.y; v.m = h->v.m; v.d = h->v.d;
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

/* May token i start an expression: is an anchor within its reach? In
** parse_dutch_date (weak_ok) every candidate is tried: "nu" alone is a
** date there. The window holds LOOK tokens after i, more than any reach. */
static int may_start(const scan *s, int i){
  const tok *t = &s->t[i];
  unsigned any = 0;
  int k, end;
  if( t->reach == 0 || s->weak_ok ) return 1;
  if( t->reach == KR_REACH_NEVER ) return 0;
  end = i + t->reach < s->nt - 1 ? i + t->reach : s->nt - 1;
  for(k = i + 1; k <= end; k++) any |= s->t[k].flags;   /* no branch on each */
  return (any & F_ANCHOR) != 0;
}

#ifdef KR_DATE_CHECK
#define JUMP_TO_ANCHORS 0   /* the check build tries every candidate */
#else
#define JUMP_TO_ANCHORS 1
#endif

/* Try the matchers at every candidate from token i on that may start an
** expression, refilling the window as the scan nears its end. Outside
** parse_dutch_date a candidate far from any anchor is no start: a leader
** before the next anchor's position minus the longest reach has no
** anchor within its reach, so the loop jumps over those (the next anchor
** is looked for once, not at every leader). */
static void scan_run(scan *s){
  int i = 0, na = -1;   /* na: the next anchor at or after i, once found */
  refill(s, 0);
  for(;;){
    int limit = s->eof ? s->nt : s->nt - WIN_AHEAD;
    while( i < limit && !s->stop ){
      int next;
      const tok *t = s->t;
      if( JUMP_TO_ANCHORS && !s->weak_ok ){
        int reach = s->lx->max_reach, end = limit + reach < s->nt ? limit + reach : s->nt;
        if( na < i ){
          for(na = i; na < end && !(t[na].flags & F_ANCHOR); na++){}
        }
        if( na - reach > i ) i = na - reach;
        if( i >= limit ) break;
      }
      while( i < limit && !(t[i].flags & F_CAND) ) i++;   /* most tokens */
      if( i >= limit ) break;
      if( !may_start(s, i) ){
#ifdef KR_DATE_CHECK
        if( date_match_at(s, i) != i ) abort();
#endif
        i++; continue;
      }
      next = date_match_at(s, i);
      i = next > i ? next : i + 1;
    }
    if( s->stop || s->eof ) break;
    i -= refill(s, i);
    na = -1;
  }
  emit_flush(s);
}

/* Set up a scan of z[from..n) whose first byte is character cfrom. */
static void scan_init(scan *s, const kr_date_lex *lx, const char *z, int64_t from, int64_t n,
                      int64_t cfrom, const kr_dref *ref, kr_date_cb cb, void *arg, tok *win, int nwin){
  memset(s, 0, sizeof *s);
  s->lx = lx;
  s->z = (const unsigned char *)z;
  s->n = n;
  s->pos = s->start = from;
  s->xb = from - cfrom;
  if( ref && ref->ok ){
    s->ref = *ref;
    s->rday = kr_days_from_civil(ref->y, ref->m, ref->d);
  }
  s->cb = cb;
  s->arg = arg;
  s->t = win;
  s->win = nwin;
}

/* ---- embedded posts -------------------------------------------------------- */

/* An embedded social-media post ends in a signature line "— Name (@handle)
** 15 februari 2022"; the relative dates of its text ("gisteren") are
** resolved against that date, not the article's (GUIDELINES). The post's
** text is what stands before the dash on the signature line or, when the
** signature has a line of its own, the line before it. */
typedef struct post {
  int64_t a, b;         /* the post's text */
  kr_dref ref;          /* the date of its signature */
} post;

static int64_t line_start(const char *z, int64_t p){
  while( p > 0 && z[p - 1] != '\n' ) p--;
  return p;
}

/* The first post whose signature's "(@" is at or after from: returns 1
** and fills *pt. Every step looks a bounded distance around the "(@", so
** the search stays linear. */
static int next_post(const kr_date_lex *lx, const char *z, int64_t n, int64_t from, post *pt){
  int64_t at, k, e, d, l0;
  for(at = from; at + 1 < n; at++){
    const char *q = memchr(z + at, '(', (size_t)(n - 1 - at));
    if( q == 0 ) break;
    at = q - z;
    if( z[at + 1] != '@' ) continue;
    for(k = at + 2; k < n && k < at + 64 && z[k] != ')' && z[k] != '\n'; k++){}
    if( k >= n || z[k] != ')' ) continue;
    for(e = k + 1; e < n && e < k + 48 && z[e] != '\n'; e++){}
    if( !kr_dref_parse(lx, z + k + 1, e - k - 1, &pt->ref) ) continue;
    /* the dash before the name: "—", "–" or " - " */
    l0 = line_start(z, at);
    for(d = at - 1; d >= l0 && d > at - 160; d--){
      if( ((unsigned char)z[d] == 0xE2 && d + 2 < at && (unsigned char)z[d + 1] == 0x80
           && ((unsigned char)z[d + 2] == 0x94 || (unsigned char)z[d + 2] == 0x93))
       || (z[d] == '-' && d > l0 && z[d - 1] == ' ' && z[d + 1] == ' ') ) break;
    }
    if( d < l0 || d <= at - 160 ) continue;
    pt->b = d;
    pt->a = l0;
    { int64_t q = l0; while( q < d && (z[q] == ' ' || z[q] == '\t') ) q++;
      if( q == d && l0 > 0 ){ pt->b = l0 - 1; pt->a = line_start(z, l0 - 1); } }
    if( pt->a < from ) pt->a = from;
    if( pt->b <= pt->a ) continue;
    return 1;
  }
  return 0;
}

/* Scan z[from..to), whose first byte is character cfrom, with reference
** ref; returns nonzero when cb stopped. Otherwise *cto is set to the
** character that byte `to` is: the tokenizer has read every byte of the
** range and counted the extra bytes of its characters (s.xb), so the text
** need not be read again to count them. */
static int scan_range(const kr_date_lex *lx, const char *z, int64_t from, int64_t to, int64_t cfrom,
                      const kr_dref *ref, kr_date_cb cb, void *arg, tok *win, int nwin, int64_t *cto){
  scan s;
  scan_init(&s, lx, z, from, to, cfrom, ref, cb, arg, win, nwin);
  scan_run(&s);
  *cto = to - s.xb;
#ifdef KR_DATE_CHECK
  if( !s.stop && *cto != cfrom + (to - from) - extra_bytes(s.z, from, to) ) abort();
#endif
  return s.stop;
}

/* Scan with a window of nwin tokens at win: the article's text with ref,
** the text of every embedded post with the post's own date. */
static void scan_with(const kr_date_lex *lx, const char *z, int64_t n, const kr_dref *ref,
                      kr_date_cb cb, void *arg, tok *win, int nwin){
  int64_t pos = 0, cpos = 0, ca;
  post pt;
  while( next_post(lx, z, n, pos, &pt) ){
    ca = cpos;
    if( pt.a > pos && scan_range(lx, z, pos, pt.a, cpos, ref, cb, arg, win, nwin, &ca) ) return;
    if( scan_range(lx, z, pt.a, pt.b, ca, &pt.ref, cb, arg, win, nwin, &cpos) ) return;
    pos = pt.b;
  }
  scan_range(lx, z, pos, n, cpos, ref, cb, arg, win, nwin, &ca);
}

int kr_dates_scan(const kr_date_lex *lx, const char *z, int64_t n,
                  const kr_dref *ref, kr_date_cb cb, void *arg){
  tok win[WIN];
  if( z == 0 || n <= 0 ) return KR_OK;
  scan_with(lx, z, n, ref, cb, arg, win, WIN);
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
  tok win[WIN];
  if( z == 0 || n <= 0 ) return 0;
  f.found = f.has_alt = 0;
  scan_init(&s, lx, z, 0, n, 0, ref, take_first, &f, win, WIN);
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

int kr_dates_each(const kr_date_lex *lx, const char *z, int64_t n,
                  const kr_dref *ref, kr_date_cb cb, void *arg){
  tok *win;
  int nwin = WIN_BIG;
  if( z == 0 || n <= 0 ) return KR_OK;
  /* a window that holds an article whole spares the moves of the context
  ** tokens: about one token per three bytes at most in running text */
  if( n / 3 + LOOK < nwin ) nwin = (int)(n / 3) + LOOK;
  if( nwin < WIN ) nwin = WIN;
  win = (tok *)kr_malloc(sizeof(tok) * (size_t)nwin);
  if( win == 0 ) return KR_NOMEM;
  scan_with(lx, z, n, ref, cb, arg, win, nwin);
  kr_free(win);
  return KR_OK;
}

int kr_dates_extract(const kr_date_lex *lx, const char *z, int64_t n,
                     const kr_dref *ref, kr_dates *out){
  all_arg a;
  a.out = out;
  a.rc = KR_OK;
  if( kr_dates_each(lx, z, n, ref, take_all, &a) != KR_OK ) a.rc = KR_NOMEM;
  if( a.rc != KR_OK ){ kr_dates_free(out); }
  return a.rc;
}

void kr_dates_free(kr_dates *d){
  kr_free(d->a);
  d->a = 0;
  d->n = d->cap = 0;
}
