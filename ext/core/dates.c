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
#ifdef KR_DATE_CHECK
#include <stdlib.h>
#endif

static const char *const class_name[C_NCLASS] = {
  "deictic", "mod", "unit", "dir", "ahead", "part", "daypart", "season",
  "vague", "vagueunit", "every", "often", "prep", "conn", "decade", "bc",
  "now", "flemish", "clock", "few", "frac", "yhalf", "art", "clockprep",
  "dirprep", "measure", "times", "qletter"
};

/* ---- lexicons ------------------------------------------------------------ */

/* The block of a word that is in no lexicon (and of numbers, punctuation). */
static const kr_date_cls date_cls_none = {
  .dwc = 0, .mon = -1, .wd = -1, .nw = -1, .hol = -1, .dw = -1, .dpart = -1,
  .tcls = 0, .card = -1, .ord = -1, .reach = 0, .tflags = 0
};

static uint32_t hash_lc(const char *lc, int n);

/* The hash of any word z[0..n) (n <= 28), through a padded copy. */
static uint32_t hash_bytes(const char *z, int n){
  char buf[32] = {0};
  memcpy(buf, z, (size_t)n);
  return hash_lc(buf, n);
}

/* The entry of word z[0..n) whose hash is h, or NULL. The slot array is
** small (8 KB) and holds a fingerprint, so a word that is in no lexicon is
** rejected without touching the entries. */
const kr_date_key *date_key_h(const kr_date_lex *lx, uint32_t h, const char *z, int n){
  uint32_t i = h & (KR_DATE_SLOTS - 1), fp = (h >> 16) | 1;
  for(;;){
    uint32_t v = lx->slot[i];
    if( v == 0 ) return 0;
    if( (v >> 16) == fp ){
      const kr_date_key *e = &lx->key[(v & 0xFFFF) - 1];
      if( e->n == n ){
        int k = 0;
        while( k < n && e->key[k] == z[k] ) k++;
        if( k == n ) return e;
      }
    }
    i = (i + 1) & (KR_DATE_SLOTS - 1);
  }
}

const kr_date_key *date_key(const kr_date_lex *lx, const char *z, int n){
  if( n <= 0 || n > 28 ) return 0;
  return date_key_h(lx, hash_bytes(z, n), z, n);
}

/* The entry of z[0..n), created when absent (NULL when the table is full). */
static kr_date_key *key_slot(kr_date_lex *lx, const char *z, int n){
  uint32_t h, i, fp;
  kr_date_key *e;
  if( n > 28 ) return 0;                     /* longer than a token's lc */
  h = hash_bytes(z, n); i = h & (KR_DATE_SLOTS - 1); fp = (h >> 16) | 1;
  for(;;){
    uint32_t v = lx->slot[i];
    if( v == 0 ) break;
    e = &lx->key[(v & 0xFFFF) - 1];
    if( (v >> 16) == fp && e->n == n && memcmp(e->key, z, (size_t)n) == 0 ) return e;
    i = (i + 1) & (KR_DATE_SLOTS - 1);
  }
  if( lx->nkey >= KR_DATE_KEYS || lx->nkey * 2 >= KR_DATE_SLOTS ) return 0;
  e = &lx->key[lx->nkey++];
  lx->slot[i] = fp << 16 | (uint32_t)lx->nkey;
  e->key = z; e->n = (uint8_t)n;
  memcpy(&e->k8, z, (size_t)(n < 8 ? n : 8));
  e->c = date_cls_none;
  return e;
}

static const char *const tense_name[] = {
  "", "past", "fut", "perf", "notverb", "conj", "prefix", "sub", "subj", "report", "habit"
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

/* Note the first two letters of a word that can begin a compound with a
** part of the day (dinsdag+avond, gister+avond). */
static void note_head(kr_date_lex *lx, const char *k, int n){
  unsigned a, b;
  if( n < 2 ) return;
  a = (unsigned char)k[0] - 'a'; b = (unsigned char)k[1] - 'a';
  if( a < 26 && b < 26 ) lx->head2[a] |= 1u << b;
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
  [C_MEASURE] = KR_REACH_NEVER, [C_TIMES] = KR_REACH_NEVER
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

/* Words that only join or bound an expression start none. */
#define JOIN_ONLY ((1u << C_PREP) | (1u << C_CLOCKPREP) | (1u << C_CONN) | (1u << C_DIRPREP) \
                   | (1u << C_MEASURE) | (1u << C_TIMES) | (1u << C_BC))

/* The token flags and the reach of a word, once, when it is indexed. */
static void key_flags(kr_date_key *e){
  e->tflags = 0;
  if( e->hpre ) e->tflags |= F_HPRE;
  /* a Flemish word is visited too: it marks the text as Flemish */
  if( e->mon >= 0 || e->wd >= 0 || e->nw >= 0 || e->hol >= 0 || e->hpre
   || (e->dwc & ~JOIN_ONLY) ) e->tflags |= F_CAND;
  e->reach = key_reach(e);
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
  /* the parts of the day that can end a compound (dinsdag+avond) */
  for(r = 0; r < lx->words->nrow && lx->nsuffix < 24; r++){
    if( lx->wclass[r] == C_DAYPART ) lx->suffix_row[lx->nsuffix++] = r;
  }
  /* and the words that can begin one: full weekday names, deictic words */
  for(k = 0; k < lx->nkey; k++){
    const kr_date_key *e = &lx->key[k];
    if( (e->wd >= 0 && strcmp(kr_lexicon_cell(lx->weekdays, e->wd, 2), "full") == 0)
     || (e->dwc & (1u << C_DEICTIC)) ) note_head(lx, e->key, e->n);
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
** rows of one key are adjacent; the key is the row's own (a compound such
** as "gisteravond" points at the rows of "gister"). */
static int word_row(const scan *s, const tok *t, int cls){
  const kr_lexicon *lx = s->lx->words;
  const char *k;
  size_t n;
  int r = t->dw;
  if( r < 0 ) return -1;
  k = lx->cell[(size_t)r * (size_t)lx->ncol];
  n = (size_t)lx->len[(size_t)r * (size_t)lx->ncol];
  for(; r < lx->nrow && kr_lexicon_key_is(lx, r, k, n); r++){
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

/* A compound that ends in a part of the day: dinsdagavond, gisteravond,
** morgenochtend. Sets the token's weekday or deictic row to that of the
** first part and dpart to the part of the day. */
static void split_compound(scan *s, tok *t){
  const kr_date_lex *lx = s->lx;
  unsigned a = (unsigned char)t->lc[0] - 'a', b = (unsigned char)t->lc[1] - 'a';
  int i;
  if( a >= 26 || b >= 26 || !((lx->head2[a] >> b) & 1) ) return;
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
    t->flags |= F_CAND;
    t->reach = 0;
    return;
  }
}

int date_dpart_index(const char *code){
  int i;
  for(i = 0; i < 4; i++) if( strcmp(code, kr_dpart_code[i]) == 0 ) return i;
  return 0;
}

/* ---- tokenizer ----------------------------------------------------------- */

/* Byte classes: the tokenizer looks every ASCII byte up once. */
enum { B_OTHER, B_SPACE, B_NL, B_DIGIT, B_LETTER, B_HIGH };
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

/* Decode the character at p (a byte >= 0x80) and count its extra bytes. */
static uint32_t decode_high(scan *s, int64_t p, int *len){
  return kr_decode(s->z, s->n, p, len);
}

static int is_digit_at(const scan *s, int64_t p){
  return p < s->n && bclass[s->z[p]] == B_DIGIT;
}

/* After a number: an ordinal suffix (3e, 1ste, 12de) or a Flemish time
** (19u30, 19u). Returns the new position. */
static int64_t number_suffix(scan *s, tok *t, int64_t p){
  int64_t q = p;
  char suf[8];
  int ns = 0;
  while( q < s->n && ns < 7 && bclass[s->z[q]] == B_LETTER ){ suf[ns++] = (char)(s->z[q] | 0x20); q++; }
  if( q < s->n && bclass[s->z[q]] == B_LETTER ) return p;
  if( q < s->n && s->z[q] >= 0x80 ){
    int len;
    if( is_alpha_hi(decode_high(s, q, &len)) ) return p;
  }
  if( t->nd > 2 ) return p;
  suf[ns] = 0;
  if( strcmp(suf, "e") == 0 || strcmp(suf, "ste") == 0 || strcmp(suf, "de") == 0 ){
    t->flags |= F_ORD;
    return q;
  }
  if( strcmp(suf, "u") == 0 || strcmp(suf, "h") == 0 ){
    t->kind = K_TIME; t->mi = 0;
    if( is_digit_at(s, q) && is_digit_at(s, q + 1) && !is_digit_at(s, q + 2) ){
      t->mi = (int16_t)((s->z[q] - '0') * 10 + (s->z[q + 1] - '0'));
      q += 2;
    }
    return q;
  }
  return p;
}

/* The hash of a lower-case word lc[0..n) (n <= 28) held in a buffer of
** at least 32 bytes: eight bytes at a time, the bytes after the word
** masked off. The tokenizer and the lexicon index use the same function. */
static uint32_t hash_lc(const char *lc, int n){
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)n, c;
  int i;
  for(i = 0; i < n; i += 8){
    memcpy(&c, lc + i, 8);
    if( n - i < 8 ) c &= ~0ull >> (64 - 8 * (n - i));
    h = (h ^ c) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
  }
  return (uint32_t)(h ^ (h >> 32));
}

/* The entry of the lower-case word lc[0..n) (0 < n <= 28, in a buffer of
** 32 bytes), or NULL. A word of up to eight bytes (most are) is hashed and
** compared as one 64-bit number; the hash is that of hash_lc. */
static inline const kr_date_key *find_lc(const kr_date_lex *lx, const char *lc, int n){
  uint64_t c, h;
  uint32_t i, fp;
  if( n > 8 ) return date_key_h(lx, hash_lc(lc, n), lc, n);
  memcpy(&c, lc, 8);
  if( n < 8 ) c &= ~0ull >> (64 - 8 * n);
  h = ((0x9E3779B97F4A7C15ull ^ (uint64_t)n) ^ c) * 0xFF51AFD7ED558CCDull;
  h ^= h >> 29;
  h = (uint32_t)(h ^ (h >> 32));
  i = (uint32_t)h & (KR_DATE_SLOTS - 1);
  fp = (uint32_t)(h >> 16) | 1;
  for(;;){
    uint32_t v = lx->slot[i];
    if( v == 0 ) return 0;
    if( (v >> 16) == fp ){
      const kr_date_key *e = &lx->key[(v & 0xFFFF) - 1];
      if( e->k8 == c && e->n == n ) return e;
    }
    i = (i + 1) & (KR_DATE_SLOTS - 1);
  }
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
#define KR_SWAR 1
#define ONES 0x0101010101010101ull
#endif

/* A word from p: lower-cased into t->lc (ASCII letters eight at a time)
** and then hashed, so that its look-up costs one probe. Returns the
** position after it. */
static int64_t read_word(scan *s, tok *t, int64_t p){
  const unsigned char *z = s->z;
  int64_t n = s->n;
  int nlc = 0, lower = 0, upper = 0;
  for(;;){
    unsigned b;
#ifdef KR_SWAR
    while( p + 8 <= n && nlc <= 24 ){
      uint64_t x, y, letter, stop, m;
      int k;
      memcpy(&x, z + p, 8);
      y = (x & 0x7F * ONES) | 0x20 * ONES;           /* lower case, if a letter */
      letter = (y + 0x1F * ONES) & ~(y + 0x05 * ONES) & ~x & 0x80 * ONES;  /* a..z */
      memcpy(t->lc + nlc, &y, 8);
      stop = ~letter & 0x80 * ONES;
      k = stop ? __builtin_ctzll(stop) >> 3 : 8;
      m = k == 8 ? ~0ull : (1ull << (8 * k)) - 1;
      lower |= (x & m & 0x20 * ONES) != 0;
      upper |= (~x & m & 0x20 * ONES) != 0;
      nlc += k; p += k;
      if( k < 8 ) break;
    }
#endif
    if( p >= n ) break;
    b = z[p];
    if( bclass[b] == B_LETTER ){
      if( b & 0x20 ) lower = 1; else upper = 1;
      t->lc[nlc & 31] = (char)(b | 0x20); nlc++;
      p++;
    }else if( b >= 0x80 ){
      int len, k, ne;
      char enc[4];
      uint32_t c = decode_high(s, p, &len);
      if( !is_alpha_hi(c) ) break;
      if( is_upper_hi(c) ) upper = 1; else lower = 1;
      ne = kr_encode(to_lower_hi(c), enc);
      for(k = 0; k < ne; k++){ t->lc[nlc & 31] = enc[k]; nlc++; }
      s->xb += len - 1;
      p += len;
    }else break;
  }
  if( upper && !lower ) t->flags |= F_UPPER;
  if( nlc > 28 ) nlc = 0;                    /* too long to be a date word */
  t->nlc = (uint8_t)nlc;
  if( nlc > 0 ){
    const kr_date_key *e = find_lc(s->lx, t->lc, nlc);
    if( e ){ t->c = e->c; t->flags |= e->c.tflags; }
    if( nlc >= 9 && (!e || (e->mon < 0 && e->wd < 0 && e->hol < 0 && e->dw < 0)) ){
      split_compound(s, t);
    }
  }
  return p;
}

/* Read the next token into *t; returns 0 at the end of the text. */
#ifdef __GNUC__
__attribute__((always_inline))
#endif
static inline int next_token(scan *s, tok *t){
  const unsigned char *z = s->z;
  int64_t p = s->pos, n = s->n;
  unsigned flags = 0, cls = B_OTHER;
  uint32_t c = 0;
  int len = 1;
  /* white space */
  for(; p < n; p++){
    cls = bclass[z[p]];
    if( cls == B_SPACE ){ flags |= F_SP; continue; }
    if( cls == B_NL ){ flags |= F_SP | F_NL; continue; }
    if( cls == B_HIGH ){
      c = decode_high(s, p, &len);
      if( c == 0x2028 || c == 0x2029 ) flags |= F_SP | F_NL;
      else if( kr_is_space(c) ) flags |= F_SP;
      else break;
      s->xb += len - 1;
      p += len - 1;
      continue;
    }
    break;
  }
  if( p >= n ){ s->pos = p; return 0; }
  if( p == s->start ) flags |= F_NL;
  t->b0 = p;
  t->c0 = p - s->xb;
  t->c = date_cls_none;
  t->num = 0; t->ch = 0; t->mi = 0; t->nd = 0; t->nlc = 0;
  if( flags & F_NL ) s->para++;
  t->para = s->para;
  t->flags = (uint16_t)flags;
  if( cls == B_DIGIT ){
    int64_t v = 0;
    int nd = 0;
    t->kind = K_NUM;
    t->flags |= F_CAND;
    while( p < n && bclass[z[p]] == B_DIGIT ){
      if( v < 100000000 ) v = v * 10 + (z[p] - '0');
      nd++; p++;
    }
    t->num = (int32_t)v;
    t->nd = (uint8_t)(nd > 255 ? 255 : nd);
    if( p < n && (bclass[z[p]] == B_LETTER || z[p] >= 0x80) ) p = number_suffix(s, t, p);
  }else if( cls == B_LETTER || (cls == B_HIGH && is_alpha_hi(c)) ){
    t->kind = K_WORD;
    if( cls == B_LETTER ? !(z[p] & 0x20) : is_upper_hi(c) ) t->flags |= F_CAP;
    p = read_word(s, t, p);
  }else{
    t->kind = K_PUNCT;
    if( cls == B_HIGH ){ t->ch = c; s->xb += len - 1; p += len; }
    else { t->ch = z[p]; p++; }
    if( t->ch == '\'' || t->ch == 0x2019 || t->ch == 0x2018 || t->ch == '+' || t->ch == '-' ){
      t->flags |= F_CAND;
      t->reach = 2;                           /* 's avonds, +2 dagen */
    }
  }
  t->b1 = p;
  t->c1 = p - s->xb;
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
  while( s->nt < s->win ){
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
  d.c0 = s->t[h->i0].c0;
  d.c1 = s->t[h->i1 - 1].c1;
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
  int k, end;
  if( t->reach == 0 || s->weak_ok ) return 1;
  if( t->reach == KR_REACH_NEVER ) return 0;
  end = i + t->reach < s->nt - 1 ? i + t->reach : s->nt - 1;
  for(k = i + 1; k <= end; k++){
    if( (s->t[k].flags & F_CAND) && s->t[k].reach == 0 ) return 1;
  }
  return 0;
}

static void scan_run(scan *s){
  int i = 0;
  refill(s, 0);
  for(;;){
    int limit = s->eof ? s->nt : s->nt - WIN_AHEAD;
    while( i < limit && !s->stop ){
      int next;
      if( !(s->t[i].flags & F_CAND) ){ i++; continue; }
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
  }
  emit_flush(s);
}

static void scan_init(scan *s, const kr_date_lex *lx, const char *z, int64_t n,
                      const kr_dref *ref, kr_date_cb cb, void *arg, tok *win, int nwin){
  memset(s, 0, sizeof *s);
  s->lx = lx;
  s->z = (const unsigned char *)z;
  s->n = n;
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

/* Scan z[from..to) with reference ref; returns nonzero when cb stopped. */
static int scan_range(const kr_date_lex *lx, const char *z, int64_t from, int64_t to, int64_t xb,
                      const kr_dref *ref, kr_date_cb cb, void *arg, tok *win, int nwin){
  scan s;
  scan_init(&s, lx, z, to, ref, cb, arg, win, nwin);
  s.pos = s.start = from;
  s.xb = xb;
  scan_run(&s);
  return s.stop;
}

/* Bytes minus characters (as SQLite counts them) in z[a..b), a at the
** start of a character. */
static int64_t extra_bytes(const char *z, int64_t a, int64_t b){
  int64_t x = 0;
  while( a < b ){
    if( (unsigned char)z[a] >= 0xC0 ){
      int64_t q = a + 1;
      while( q < b && ((unsigned char)z[q] & 0xC0) == 0x80 ) q++;
      x += q - a - 1;
      a = q;
    }else a++;
  }
  return x;
}

/* Scan with a window of nwin tokens at win: the article's text with ref,
** the text of every embedded post with the post's own date. */
static void scan_with(const kr_date_lex *lx, const char *z, int64_t n, const kr_dref *ref,
                      kr_date_cb cb, void *arg, tok *win, int nwin){
  int64_t pos = 0, xb = 0;
  post pt;
  while( next_post(lx, z, n, pos, &pt) ){
    if( pt.a > pos && scan_range(lx, z, pos, pt.a, xb, ref, cb, arg, win, nwin) ) return;
    xb += extra_bytes(z, pos, pt.a);
    if( scan_range(lx, z, pt.a, pt.b, xb, &pt.ref, cb, arg, win, nwin) ) return;
    xb += extra_bytes(z, pt.a, pt.b);
    pos = pt.b;
  }
  scan_range(lx, z, pos, n, xb, ref, cb, arg, win, nwin);
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
  scan_init(&s, lx, z, n, ref, take_first, &f, win, WIN);
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
  tok *win;
  int nwin = WIN_BIG;
  a.out = out;
  a.rc = KR_OK;
  if( z == 0 || n <= 0 ) return KR_OK;
  /* a window that holds an article whole spares the moves of the context
  ** tokens: about one token per three bytes at most in running text */
  if( n / 3 + LOOK < nwin ) nwin = (int)(n / 3) + LOOK;
  if( nwin < WIN ) nwin = WIN;
  win = (tok *)kr_malloc(sizeof(tok) * (size_t)nwin);
  if( win == 0 ) return KR_NOMEM;
  scan_with(lx, z, n, ref, take_all, &a, win, nwin);
  kr_free(win);
  if( a.rc != KR_OK ){ kr_dates_free(out); }
  return a.rc;
}

void kr_dates_free(kr_dates *d){
  kr_free(d->a);
  d->a = 0;
  d->n = d->cap = 0;
}
