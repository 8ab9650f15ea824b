/*
** text.c - the UTF-8 text view, character classes and Dutch sentence
** segmentation shared by every krant function. See text.h.
*/
#include "text.h"
#include "lexicon.h"

#include <string.h>
#include <unicode/uchar.h>

int kr_grow_cap(int64_t cap, int64_t need, size_t sz, size_t extra, int64_t *pNew){
  if( cap < 16 ) cap = 16;
  while( cap < need ){
    if( cap > INT64_MAX / 2 ) return KR_NOMEM;
    cap *= 2;
  }
  if( (uint64_t)cap > (SIZE_MAX - extra) / sz ) return KR_NOMEM;
  *pNew = cap;
  return KR_OK;
}

int kr_grow(void **pArr, int64_t *pCap, int64_t need, size_t sz){
  int64_t cap;
  void *p;
  if( need <= *pCap ) return KR_OK;
  if( kr_grow_cap(*pCap, need, sz, 0, &cap) ) return KR_NOMEM;
  p = kr_realloc(*pArr, (size_t)cap * sz);
  if( p == 0 ) return KR_NOMEM;
  *pArr = p;
  *pCap = cap;
  return KR_OK;
}

/* ---- Character counting ------------------------------------------------ */

/* The checkpoint table stores, for every KR_CKPT-th byte, the number of
** characters that start before it (times four) plus two bits: CK_INLEAD
** tells whether that byte is inside a character begun by a lead byte
** >= 0xC0, so that a continuation byte there belongs to the previous
** character; CK_ASCII that the KR_CKPT bytes from there on (up to the end
** of the text) are all ASCII, so that inside them a character index is
** the checkpoint's count plus the byte distance. */
#define CK_INLEAD 1
#define CK_ASCII  2

/* Are the eight bytes at p all ASCII (each one a character)? */
static inline int ascii8(const unsigned char *p){
  uint64_t x;
  memcpy(&x, p, 8);
  return (x & 0x8080808080808080ull) == 0;
}
/* Characters in the eight bytes at p, eight at a time: the bytes that are
** not continuation bytes (10xxxxxx) each start one. A continuation byte
** starts one too when no lead byte comes before it (since the last ASCII
** byte): *in says whether one came before p, and is updated. Returns 0
** (nothing done) when some continuation byte might count that way, that
** is when one follows an ASCII byte, or opens the eight bytes without a
** lead before it: then the caller goes byte by byte. */
static inline int utf8_count8(const unsigned char *p, int *in, int64_t *count){
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  const uint64_t H = 0x8080808080808080ull;
  uint64_t x, cont, start;
  memcpy(&x, p, 8);
  cont = x & ~(x << 1) & H;               /* bit 7 set, bit 6 clear */
  /* the byte before each one has its high bit set (the byte before p: *in) */
  if( cont & ~(((x << 8) | (uint64_t)(*in ? 0x80 : 0)) & H) ) return 0;
  start = ~cont & H;                      /* the bytes that start a character */
  *count += (int64_t)(((start >> 7) * 0x0101010101010101ull) >> 56);
  if( start ){
    /* the last of them: a lead byte or an ASCII byte */
    int last = (63 - __builtin_clzll(start)) / 8;
    *in = p[last] >= 0x80;
  }
  return 1;
#else
  (void)p; (void)in; (void)count;
  return 0;
#endif
}

/* Are the KR_CKPT bytes at p all ASCII? */
static inline int ascii_block(const unsigned char *p){
  uint64_t m = 0, x;
  int j;
  for(j = 0; j < KR_CKPT; j += 8){
    memcpy(&x, p + j, 8);
    m |= x;
  }
  return (m & 0x8080808080808080ull) == 0;
}

int kr_text_init(kr_text *t, const char *z, int64_t n){
  const unsigned char *u = (const unsigned char *)z;
  int64_t i, count = 0, k;
  int inlead = 0;
  memset(t, 0, sizeof(*t));
  t->z = u;
  t->n = n;
  t->nckpt = n / KR_CKPT + 1;
  t->ckpt = kr_malloc((size_t)t->nckpt * sizeof(int64_t));
  if( t->ckpt == 0 ){
    t->nckpt = 0;
    return KR_NOMEM;
  }
  for(k = 0, i = 0; i < n; ){
    unsigned char b;
    if( (i & (KR_CKPT - 1)) == 0 ){
      t->ckpt[k++] = count * 4 + CK_ASCII + inlead;
      /* a whole block of ASCII bytes at once: each is a character */
      if( i + KR_CKPT <= n && ascii_block(u + i) ){
        count += KR_CKPT;
        inlead = 0;
        i += KR_CKPT;
        continue;
      }
    }
    /* eight ASCII bytes at once: each is a character */
    if( (i & 7) == 0 && i + 8 <= n ){
      if( ascii8(u + i) ){
        count += 8;
        inlead = 0;
        i += 8;
        continue;
      }
      if( utf8_count8(u + i, &inlead, &count) ){
        t->ckpt[k - 1] &= ~(int64_t)CK_ASCII;
        i += 8;
        continue;
      }
    }
    b = u[i++];
    if( b >= 0x80 ) t->ckpt[k - 1] &= ~(int64_t)CK_ASCII;
    if( b >= 0xC0 ){ count++; inlead = 1; }
    else if( (b & 0xC0) == 0x80 && inlead ){ /* continuation */ }
    else { count++; inlead = 0; }
  }
  if( (n & (KR_CKPT - 1)) == 0 ) t->ckpt[k++] = count * 4 + CK_ASCII + inlead;
  t->nchar = count;
  return KR_OK;
}

void kr_text_free(kr_text *t){
  kr_free(t->ckpt);
  t->ckpt = 0;
  t->nckpt = 0;
}

/* Number of characters that start in [0, b); *inlead tells whether a
** continuation byte at b would belong to the character before it. */
static int64_t count_before(const kr_text *t, int64_t b, int *inlead){
  kr_text *memo = (kr_text *)t;   /* the memo is the view's scratch state */
  int64_t k, i, count;
  int in;
  if( b <= 0 ){ *inlead = 0; return 0; }
  if( b > t->n ) b = t->n;
  k = b / KR_CKPT;
  i = k * KR_CKPT;
  if( t->memo_b > i && t->memo_b <= b ){
    /* forward from the last look-up, which is closer than the checkpoint */
    i = t->memo_b;
    count = t->memo_count;
    in = t->memo_in;
  }else{
    count = t->ckpt[k] >> 2;
    in = (int)(t->ckpt[k] & CK_INLEAD);
  }
  while( i < b ){
    unsigned char c;
    /* eight ASCII bytes at once: each is a character */
    if( i + 8 <= b ){
      if( ascii8(t->z + i) ){
        count += 8;
        in = 0;
        i += 8;
        continue;
      }
      if( utf8_count8(t->z + i, &in, &count) ){
        i += 8;
        continue;
      }
    }
    c = t->z[i++];
    if( c < 0x80 ){ count++; in = 0; }
    else if( c >= 0xC0 ){ count++; in = 1; }
    else if( !in ){ count++; }
  }
  memo->memo_b = b;
  memo->memo_count = count;
  memo->memo_in = in;
  *inlead = in;
  return count;
}

int64_t kr_text_char_at(const kr_text *t, int64_t b){
  int inlead;
  int64_t c;
  if( b >= 0 && b <= t->n && (t->ckpt[b / KR_CKPT] & CK_ASCII) ){
    /* in a block of ASCII bytes: one character per byte */
    return (t->ckpt[b / KR_CKPT] >> 2) + b % KR_CKPT;
  }
  c = count_before(t, b, &inlead);
  /* a continuation byte of a character begun earlier is inside it */
  if( b > 0 && b < t->n && (t->z[b] & 0xC0) == 0x80 && inlead ) c--;
  return c;
}

int64_t kr_text_nchar(const kr_text *t, int64_t b0, int64_t b1){
  if( b1 <= b0 ) return 0;
  return kr_text_char_at(t, b1) - kr_text_char_at(t, b0);
}

/* ---- Decoding ------------------------------------------------------------ */

uint32_t kr_decode(const unsigned char *z, int64_t n, int64_t i, int *len){
  unsigned char b = z[i];
  int64_t j;
  int need;
  uint32_t c, min;
  if( b < 0x80 ){ *len = 1; return b; }
  if( b < 0xC0 ){ *len = 1; return 0xFFFD; }
  /* the character, as SQLite sees it, takes every continuation byte */
  for(j = i + 1; j < n && (z[j] & 0xC0) == 0x80; j++){}
  *len = (int)((j - i) > 0x7fffffff ? 0x7fffffff : (j - i));
  if( b < 0xE0 ){ need = 2; c = b & 0x1F; min = 0x80; }
  else if( b < 0xF0 ){ need = 3; c = b & 0x0F; min = 0x800; }
  else if( b < 0xF5 ){ need = 4; c = b & 0x07; min = 0x10000; }
  else return 0xFFFD;
  if( j - i != need ) return 0xFFFD;
  for(j = i + 1; j < i + need; j++) c = (c << 6) | (z[j] & 0x3F);
  if( c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) ) return 0xFFFD;
  return c;
}

/* kr_decode() with the ASCII case inline, for the loops of this file. */
static inline uint32_t decode_at(const unsigned char *z, int64_t n, int64_t i, int *len){
  if( z[i] < 0x80 ){ *len = 1; return z[i]; }
  return kr_decode(z, n, i, len);
}

int kr_utf8_valid(const unsigned char *z, int64_t n){
  int64_t i = 0;
  while( i < n ){
    uint32_t c;
    int len;
    if( i + 8 <= n && ascii8(z + i) ){ i += 8; continue; }   /* eight at a time */
    if( z[i] < 0x80 ){ i++; continue; }
    c = kr_decode(z, n, i, &len);
    /* kr_decode gives U+FFFD for every malformed sequence; a real U+FFFD
    ** is the three bytes EF BF BD */
    if( c == 0xFFFD && !(len == 3 && z[i] == 0xEF && z[i + 1] == 0xBF && z[i + 2] == 0xBD) ) return 0;
    i += len;
  }
  return 1;
}

int64_t kr_prev_char(const unsigned char *z, int64_t i){
  int64_t j = i - 1, k;
  if( (z[j] & 0xC0) != 0x80 ) return j;
  /* look back a few bytes for the lead byte; a longer run of continuation
  ** bytes is malformed and each byte is then taken on its own */
  for(k = j - 1; k >= 0 && k >= j - 4; k--){
    if( (z[k] & 0xC0) != 0x80 ) return z[k] >= 0xC0 ? k : j;
  }
  return j;
}

int kr_encode(uint32_t c, char *buf){
  unsigned char *u = (unsigned char *)buf;
  if( c < 0x80 ){ u[0] = (unsigned char)c; return 1; }
  if( c < 0x800 ){
    u[0] = (unsigned char)(0xC0 | (c >> 6));
    u[1] = (unsigned char)(0x80 | (c & 0x3F));
    return 2;
  }
  if( c < 0x10000 ){
    u[0] = (unsigned char)(0xE0 | (c >> 12));
    u[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    u[2] = (unsigned char)(0x80 | (c & 0x3F));
    return 3;
  }
  u[0] = (unsigned char)(0xF0 | (c >> 18));
  u[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
  u[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
  u[3] = (unsigned char)(0x80 | (c & 0x3F));
  return 4;
}

/* ---- Character classes ----------------------------------------------------- */

int kr_is_space(uint32_t c){
  if( c < 0x80 ) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  return c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029
      || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF || c == 0x1680
      || c == 0x85;
}

int kr_is_alpha(uint32_t c){
  if( c < 0x80 ) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  if( c == 0xFFFD ) return 0;
  return u_isalpha((UChar32)c) || (u_getCombiningClass((UChar32)c) > 0);
}

int kr_is_upper(uint32_t c){
  if( c < 0x80 ) return c >= 'A' && c <= 'Z';
  return u_isupper((UChar32)c) || u_istitle((UChar32)c);
}

int kr_is_lower(uint32_t c){
  if( c < 0x80 ) return c >= 'a' && c <= 'z';
  return u_islower((UChar32)c);
}

int kr_is_digit(uint32_t c){
  return c >= '0' && c <= '9';
}

int kr_is_alnum(uint32_t c){
  return kr_is_digit(c) || kr_is_alpha(c);
}

uint32_t kr_to_lower(uint32_t c){
  if( c < 0x80 ) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return (uint32_t)u_tolower((UChar32)c);
}

int64_t kr_lower_utf8(const unsigned char *z, int64_t n, char *out, int64_t cap){
  int64_t i = 0, o = 0;
  while( i < n ){
    int len;
    uint32_t c;
    if( z[i] < 0x80 ){
      if( o >= cap ) return -1;
      out[o++] = (char)((z[i] >= 'A' && z[i] <= 'Z') ? z[i] + 32 : z[i]);
      i++;
      continue;
    }
    c = kr_to_lower(kr_decode(z, n, i, &len));
    if( o + 4 > cap ) return -1;
    o += kr_encode(c, out + o);
    i += len;
  }
  return o;
}

int kr_quote_mark(uint32_t c){
  switch( c ){
    case 0x2018: return KR_QM_OPEN | KR_QM_SINGLE;                  /* ‘ */
    case 0x2019: return KR_QM_CLOSE | KR_QM_SINGLE;                 /* ’ */
    case 0x201A: return KR_QM_OPEN | KR_QM_SINGLE;                  /* ‚ */
    case 0x201B: return KR_QM_OPEN | KR_QM_SINGLE;                  /* ‛ */
    case 0x201C: return KR_QM_OPEN | KR_QM_CLOSE | KR_QM_DOUBLE;    /* “ */
    case 0x201D: return KR_QM_CLOSE | KR_QM_DOUBLE;                 /* ” */
    case 0x201E: return KR_QM_OPEN | KR_QM_DOUBLE;                  /* „ */
    case 0x201F: return KR_QM_OPEN | KR_QM_DOUBLE;                  /* ‟ */
    case 0x22:   return KR_QM_OPEN | KR_QM_CLOSE | KR_QM_DOUBLE;    /* " */
    case 0x27:   return KR_QM_OPEN | KR_QM_CLOSE | KR_QM_SINGLE;    /* ' */
    case 0xAB:   return KR_QM_OPEN | KR_QM_CLOSE | KR_QM_DOUBLE;    /* « */
    case 0xBB:   return KR_QM_OPEN | KR_QM_CLOSE | KR_QM_DOUBLE;    /* » */
    case 0x2039: return KR_QM_OPEN | KR_QM_CLOSE | KR_QM_SINGLE;    /* ‹ */
    case 0x203A: return KR_QM_OPEN | KR_QM_CLOSE | KR_QM_SINGLE;    /* › */
    default: return 0;
  }
}

/* ---- Segmentation ---------------------------------------------------------- */

static int is_terminal(uint32_t c){
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

static int is_closer(uint32_t c){
  return c == ')' || c == ']' || (kr_quote_mark(c) & KR_QM_CLOSE) != 0;
}

/* Can c begin a new sentence? */
static int is_sentence_opener(uint32_t c){
  if( kr_is_upper(c) || kr_is_digit(c) ) return 1;
  if( kr_quote_mark(c) & KR_QM_OPEN ) return 1;
  return c == '(' || c == '[' || c == '-' || c == 0x2013 || c == 0x2014
      || c == 0x2022 || c == '@' || c == '#' || c == 0xBF || c == 0xA1;
}

/* Does the '.' at byte `dot` close an abbreviation or an initial rather
** than a sentence? Looks at the word that ends at the dot. */
static int dot_is_abbreviation(const unsigned char *z, int64_t p0, int64_t dot,
                               const kr_lexicon *abbr, int64_t maxlen){
  int64_t w = dot, i;
  int letters = 0, upper_single = 1, run = 0;
  char low[64];
  int64_t nlow;
  /* fast path: an ASCII word without inner dots that is longer than any
  ** abbreviation (and than an initial) is an ordinary word */
  {
    int64_t a = dot;
    while( a > p0 && dot - a <= maxlen ){
      unsigned char c = z[a - 1];
      if( !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ) break;
      a--;
    }
    if( dot - a > maxlen ) return 0;
    if( a == dot && (a == p0 || z[a - 1] < 0x80) ) return 0;
    /* a short word of ASCII letters alone (what stands before it is no
    ** letter and no dot): an initial when it is one capital, else looked
    ** up as the general path below would, without decoding */
    if( a < dot && dot + 1 - a <= (int64_t)sizeof(low) && (a == p0 || (z[a - 1] < 0x80 && z[a - 1] != '.')) ){
      int64_t n = dot + 1 - a;
      if( n == 2 && z[a] >= 'A' && z[a] <= 'Z' ) return 1;
      if( abbr == 0 ) return 0;
      for(i = 0; i < n; i++) low[i] = (char)(z[a + i] >= 'A' && z[a + i] <= 'Z' ? z[a + i] + 32 : z[a + i]);
      i = kr_lexicon_find(abbr, low, (size_t)n);
      return i >= 0 && strcmp(kr_lexicon_cell(abbr, (int)i, 1), "end") != 0;
    }
  }
  /* the word: letters and dots back to a space or the paragraph start */
  while( w > p0 ){
    int64_t q = kr_prev_char(z, w);
    int len;
    uint32_t c = kr_decode(z, dot + 1, q, &len);
    if( !(kr_is_alpha(c) || c == '.') ) break;
    w = q;
    if( dot - w > 40 ) return 0;
  }
  if( w == dot ) return 0;
  /* initials: every letter is a single upper-case letter followed by '.' */
  for(i = w; i < dot; ){
    int len;
    uint32_t c = kr_decode(z, dot + 1, i, &len);
    if( c == '.' ){
      run = 0;
    }else{
      letters++;
      run++;
      if( run > 1 || !kr_is_upper(c) ) upper_single = 0;
    }
    i += len;
  }
  if( letters > 0 && upper_single ) return 1;
  if( abbr == 0 ) return 0;
  nlow = kr_lower_utf8(z + w, dot + 1 - w, low, sizeof(low));
  if( nlow < 0 ) return 0;
  i = kr_lexicon_find(abbr, low, (size_t)nlow);
  if( i < 0 ) return 0;
  /* column 1 says whether the abbreviation may also end a sentence */
  return strcmp(kr_lexicon_cell(abbr, (int)i, 1), "end") != 0;
}


/* Is the '.' at byte `dot` the end of a surname written as an initial
** ("tegen Kevin B. Het bewijs ...") rather than an initial inside a name?
** So when the initial is one capital letter after a space and the word
** at k, which opens the next sentence, is a function word or pronoun that
** cannot go on a name (no particle such as "De" or "Van"). */
static int initial_ends_sentence(const unsigned char *z, int64_t p0, int64_t dot, int64_t k, int64_t p1,
                                 const kr_seg_lex *lx){
  char low[16];
  int64_t e = k, n;
  int r;
  if( dot - 1 <= p0 || z[dot - 2] != ' ' || !(z[dot - 1] >= 'A' && z[dot - 1] <= 'Z') ) return 0;
  while( e < p1 && e - k < 12 && ((z[e] | 0x20) >= 'a' && (z[e] | 0x20) <= 'z') ) e++;
  if( e == k || e - k >= 12 || (e < p1 && z[e] >= 0x80) ) return 0;
  n = kr_lower_utf8(z + k, e - k, low, sizeof(low));
  if( n <= 0 ) return 0;
  r = kr_lexicon_find(lx->part, low, (size_t)n);
  if( r >= 0 && strcmp(kr_lexicon_cell(lx->part, r, 1), "inner") != 0 ) return 0;
  return kr_lexicon_find(lx->func, low, (size_t)n) >= 0 || kr_lexicon_find(lx->pron, low, (size_t)n) >= 0;
}

static int add_sentence(kr_segments *seg, int64_t b0, int64_t b1, int32_t para){
  if( b1 <= b0 ) return KR_OK;
  if( kr_grow((void **)&seg->sent, &seg->capsent, seg->nsent + 1, sizeof(kr_sentence)) ) return KR_NOMEM;
  seg->sent[seg->nsent].b0 = b0;
  seg->sent[seg->nsent].b1 = b1;
  seg->sent[seg->nsent].paragraph = para;
  seg->nsent++;
  return KR_OK;
}

/* kr_is_space() with the ASCII case inline. */
static inline int is_space_at(uint32_t c){
  return c < 0x80 ? c == ' ' || (c >= 0x09 && c <= 0x0D) : kr_is_space(c);
}

/* Trim white space from both ends of [*b0, *b1). */
static void trim(const unsigned char *z, int64_t *b0, int64_t *b1){
  /* the common case: no white space at either end */
  if( *b0 < *b1 && z[*b0] > ' ' && z[*b0] < 0x80 && z[*b1 - 1] > ' ' && z[*b1 - 1] < 0x80 ) return;
  while( *b0 < *b1 ){
    int len;
    uint32_t c = decode_at(z, *b1, *b0, &len);
    if( !is_space_at(c) ) break;
    *b0 += len;
  }
  while( *b1 > *b0 ){
    int64_t q = kr_prev_char(z, *b1);
    int len;
    uint32_t c;
    if( q < *b0 ) q = *b0;
    c = decode_at(z, *b1, q, &len);
    if( !is_space_at(c) ) break;
    *b1 = q;
  }
}

/* Bytes that can begin a sentence-ending character: '.', '!', '?' and the
** first byte of '…' (E2 80 A6). */
static const unsigned char can_end[256] = {
  ['.'] = 1, ['!'] = 1, ['?'] = 1, [0xE2] = 1
};

/* The high bit of some byte of the word x is set when a byte of x equals v
** (the classic test for a zero byte in x ^ v: exact about whether there is
** one, not about which). */
static inline uint64_t byte_eq(uint64_t x, unsigned char v){
  uint64_t y = x ^ (0x0101010101010101ull * v);
  return (y - 0x0101010101010101ull) & ~y;
}

/* The high bit of exactly those bytes of the word x that equal v (no
** borrow crosses from one byte to the next). */
static inline uint64_t byte_is(uint64_t x, unsigned char v){
  const uint64_t L = 0x7F7F7F7F7F7F7F7Full;
  uint64_t y = x ^ (0x0101010101010101ull * v);
  return ~(((y & L) + L) | y | L);
}

/* May one of the eight bytes of x begin a sentence-ending character? Yes
** for '.', '!', '?' and for any byte >= 0x80 (among them 0xE2, the first
** of '…'), without branches. */
static inline int may_end8(uint64_t x){
  return ((byte_eq(x, '.') | byte_eq(x, '!') | byte_eq(x, '?') | x) & 0x8080808080808080ull) != 0;
}

/* The first byte in [i, e) that can begin a sentence-ending character
** (see can_end), or e: eight bytes at a time, those that may hold one
** byte by byte. */
static int64_t next_can_end(const unsigned char *z, int64_t i, int64_t e){
  while( i + 8 <= e ){
    uint64_t x;
    memcpy(&x, z + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if( may_end8(x) ){
      /* exactly the bytes of can_end, the first of them by its bit */
      uint64_t m = byte_is(x, '.') | byte_is(x, '!') | byte_is(x, '?') | byte_is(x, 0xE2);
      for(; m; m &= m - 1){
        int64_t p = i + __builtin_ctzll(m) / 8;
        /* 0xE2 that does not begin '…' (a quote mark, a dash) ends no
        ** sentence: the caller would step over it, so go on at once */
        if( z[p] != 0xE2 || (p + 3 <= e && z[p + 1] == 0x80 && z[p + 2] == 0xA6) ) return p;
      }
    }
#else
    if( may_end8(x) ){
      int k;
      for(k = 0; k < 8; k++) if( can_end[z[i + k]] ) return i + k;
    }
#endif
    i += 8;
  }
  while( i < e && !can_end[z[i]] ) i++;
  return i;
}

void kr_trim_space(const unsigned char *z, int64_t *b0, int64_t *b1){
  trim(z, b0, b1);
}

void kr_seg_lex_init(kr_seg_lex *lx){
  const kr_lexicon *abbr = kr_lexicon_get("abbreviations");
  int r;
  lx->abbr = abbr;
  lx->func = kr_lexicon_get("function_words");
  lx->pron = kr_lexicon_get("pronouns");
  lx->part = kr_lexicon_get("particles");
  lx->maxlen = 1;
  for(r = 0; abbr && r < abbr->nrow; r++){
    if( abbr->len[(size_t)r * (size_t)abbr->ncol] - 1 > lx->maxlen ) lx->maxlen = abbr->len[(size_t)r * (size_t)abbr->ncol] - 1;
  }
}

int64_t kr_sentence_break(const kr_seg_lex *lx, const unsigned char *z, int64_t s0, int64_t i, int64_t p1,
                          int64_t *resume){
  int len;
  uint32_t c = decode_at(z, p1, i, &len);
  int64_t e, k;
  *resume = i + len;
  if( !is_terminal(c) ) return -1;
  /* the run of terminal punctuation, then closing marks and brackets */
  e = i + len;
  while( e < p1 ){
    uint32_t d = decode_at(z, p1, e, &len);
    if( !is_terminal(d) && !is_closer(d) ) break;
    e += len;
  }
  *resume = e;
  /* white space must follow, then something that opens a sentence */
  k = e;
  while( k < p1 ){
    uint32_t d = decode_at(z, p1, k, &len);
    if( !is_space_at(d) ) break;
    k += len;
  }
  if( k == e || k >= p1 ) return -1;
  {
    uint32_t d = decode_at(z, p1, k, &len);
    /* ",," opens a quote in the old print style */
    int lowhigh = d == ',' && k + 1 < p1 && z[k + 1] == ',';
    if( !is_sentence_opener(d) && !lowhigh ) return -1;
  }
  if( c == '.' && e == i + 1 && dot_is_abbreviation(z, s0, i, lx->abbr, lx->maxlen)
   && !initial_ends_sentence(z, s0, i, k, p1, lx) ) return -1;
  return k;
}

/* Split one paragraph [p0, p1) into sentences. */
static int split_paragraph(const kr_text *t, kr_segments *seg, int64_t p0, int64_t p1,
                           int32_t para, const kr_seg_lex *lx){
  const unsigned char *z = t->z;
  int64_t i = p0, s0 = p0;
  while( i < p1 ){
    int64_t e, k;
    /* only '.', '!', '?' and the first byte of '…' (E2 80 A6) can end a
    ** sentence: skip every other byte without decoding */
    i = next_can_end(z, i, p1);
    if( i >= p1 ) break;
    k = kr_sentence_break(lx, z, s0, i, p1, &e);
    if( k < 0 ){ i = e; continue; }
    {
      int64_t a = s0, b = e;
      trim(z, &a, &b);
      if( add_sentence(seg, a, b, para) ) return KR_NOMEM;
    }
    s0 = k;
    i = k;
  }
  {
    int64_t a = s0, b = p1;
    trim(z, &a, &b);
    if( add_sentence(seg, a, b, para) ) return KR_NOMEM;
  }
  return KR_OK;
}

int kr_segment(const kr_text *t, kr_segments *seg){
  memset(seg, 0, sizeof(*seg));
  return kr_segment_into(t, seg);
}

int kr_segment_into(const kr_text *t, kr_segments *seg){
  const unsigned char *z = t->z;
  kr_seg_lex lx;
  int64_t i = 0;
  int32_t para = 0;
  kr_seg_lex_init(&lx);
  seg->npara = seg->nsent = 0;
  {
    /* news text has about one sentence per 100 bytes and one paragraph per
    ** 400: reserve that much for an article at once rather than growing
    ** the arrays step by step (a huge text grows them as it goes) */
    int64_t m = t->n < (1 << 19) ? t->n : (1 << 19);
    if( kr_grow((void **)&seg->sent, &seg->capsent, m / 100 + 16, sizeof(kr_sentence))
     || kr_grow((void **)&seg->para, &seg->cappara, m / 400 + 16, sizeof(kr_paragraph)) ) goto nomem;
  }
  while( i <= t->n ){
    const unsigned char *nl = i < t->n ? memchr(z + i, '\n', (size_t)(t->n - i)) : 0;
    int64_t e = nl ? (int64_t)(nl - z) : t->n;
    int64_t a = i, b = e;
    trim(z, &a, &b);
    if( b > a ){
      para++;
      if( kr_grow((void **)&seg->para, &seg->cappara, seg->npara + 1, sizeof(kr_paragraph)) ) goto nomem;
      seg->para[seg->npara].b0 = a;
      seg->para[seg->npara].b1 = b;
      seg->npara++;
      if( split_paragraph(t, seg, a, b, para, &lx) ) goto nomem;
    }
    i = e + 1;
  }
  return KR_OK;
nomem:
  kr_segments_free(seg);
  return KR_NOMEM;
}

void kr_segments_free(kr_segments *seg){
  kr_free(seg->para);
  kr_free(seg->sent);
  memset(seg, 0, sizeof(*seg));
}
