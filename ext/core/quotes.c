/*
** quotes.c - find the quotes of a Dutch news article.
**
** The analysis runs in fixed steps, each linear in the text:
**   1. tokens: words (with their apostrophes, hyphens and initials),
**      punctuation and quote marks, each mark classified by its neighbours
**      as able to open and/or close (an apostrophe between letters is part
**      of the word: zo'n, auto's, VVD'ers);
**   2. pairing of marks per paragraph with a stack, by style
**      (single with single, double with double: a close mark pairs with
**      the innermost open mark of its style); a quote left open at the
**      end of a paragraph continues when the next paragraph opens with the
**      same style (the Dutch convention), else it ends there;
**   3. paragraph roles: headlines and subheads (no final punctuation),
**      photo captions, interview questions, embedded social posts;
**   4. direct quotes: a pair of marks attributed after the close
**      ("', zegt X", "', aldus X") or before the open ("X zegt: '");
**      quotes nested in a direct quote count when they have their own
**      attribution;
**   5. reported speech per sentence: "X zei dat ...", "Volgens X ...",
**      "..., aldus X", "Dat zegt X" (pointing back), noun + marks
**      ("noemt het ..."), marks inside reported speech make it mixed;
**   6. continuation quotes: a whole sentence or paragraph in marks with no
**      attribution takes the speaker of the quote before it;
**   7. speakers (speakers.c): mentions are resolved to entities.
** Every look-around is bounded by a small constant number of tokens.
**
** Length: a quote is a quote whatever its length. Nothing bounds the span
** of a pair of marks, the number of paragraphs a quote runs over or the
** number of marks inside it (the stack of open marks grows as needed,
** linearly). The one limit is the text: 2 GiB or more is refused with
** KR_TOOBIG (token offsets are 32-bit; SQLite never passes such a text).
** An unattributed quote still has to look like speech (step 6: it starts
** a sentence with a capital or a digit), at any length.
*/
#include <stddef.h>
#include <string.h>
#include <stdlib.h>
#include "qa_int.h"

const char *const kr_quote_kind_name[4] = {"direct", "indirect", "mixed", "embed"};

#define WIN 14          /* tokens searched between a cue and its clause */

/* ---- lexicon look-up --------------------------------------------------- */

/* The first row of lx whose key is w[0..n), or -1 (the static hash index
** of the lexicon: one hash and usually one comparison). */
int qa_find(const kr_lexicon *lx, const char *w, size_t n) {
  return kr_lexicon_find(lx, w, n);
}

/* The same; kept as the analysis' single entry point for look-ups. */
int qa_lookup(const qa_state *s, const kr_lexicon *lx, const char *w, size_t n) {
  (void)s;
  return kr_lexicon_find(lx, w, n);
}

/* Does row r of lx have the key w[0..n)? */
int qa_key_is(const kr_lexicon *lx, int r, const char *w, size_t n) {
  if (!lx || r < 0 || r >= lx->nrow) return 0;
  size_t c = (size_t)r * (size_t)lx->ncol;
  return lx->len[c] == (int)n && !memcmp(lx->cell[c], w, n);
}

/* ---- small helpers ----------------------------------------------------- */

int64_t qa_arena_add(kr_qa *a, const char *z, int64_t n) {
  if (n < 0) n = 0;
  if (a->narena + n + 1 > a->caparena) {
    int64_t need = a->narena + n + 1;
    if (kr_grow((void **)&a->arena, &a->caparena, need, 1) != KR_OK) return -1;
  }
  int64_t off = a->narena;
  if (n) memcpy(a->arena + off, z, (size_t)n);
  a->arena[off + n] = 0;
  a->narena += n + 1;
  return off;
}

const char *kr_qa_str(const kr_qa *a, kr_str s) {
  return s.off < 0 ? NULL : a->arena + s.off;
}

/* Lower-case copy of token i into buf; returns its length or -1. */
int qa_lower(const qa_state *s, int64_t i, char *buf, int cap) {
  const qa_tok *t = &s->tok[i];
  const qa_type *y = qa_ty(s, i);
  if (t->b1 - t->b0 > cap - 8) return -1;
  if (y->lwn >= 0 && y->lwn < cap) {
    memcpy(buf, s->lw + y->lw, (size_t)y->lwn);
    buf[y->lwn] = 0;
    return y->lwn;
  }
  int64_t n = kr_lower_utf8(s->t->z + t->b0, t->b1 - t->b0, buf, cap - 1);
  if (n < 0) return -1;
  buf[n] = 0;
  return (int)n;
}

/* qa_word_is() for a token without a stored lower-cased form. */
int qa_word_is_slow(const qa_state *s, int64_t i, const char *w, size_t n) {
  const qa_tok *t = &s->tok[i];
  if ((size_t)(t->b1 - t->b0) != n) return 0;   /* lower-casing keeps the length of these words */
  const unsigned char *z = s->t->z + t->b0;
  for (size_t k = 0; k < n; k++) {
    unsigned char c = z[k];
    if (c >= 0x80) {
      /* a dash, a quote mark or other punctuation of U+2000..U+203F (E2 80
      ** xx; no case there) at the start: the lower-cased form starts
      ** with it too, so it is no word of ASCII letters ("dat" before ”) */
      if (k == 0 && n >= 3 && c == 0xE2 && z[1] == 0x80 && (unsigned char)w[0] < 0x80) return 0;
      char buf[64];
      int m = qa_lower(s, i, buf, sizeof buf);
      return m >= 0 && strcmp(buf, w) == 0;
    }
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c != (unsigned char)w[k]) return 0;
  }
  return 1;
}

/* The closed compound w[0..n) whose last part is a row of lx: a head of at
** least min_head bytes after a prefix of 3 or more, starting at a
** character boundary, the longest such head that accept (if given) takes.
** Returns the head's offset in w and sets *row, or -1. */
static int compound_head(const qa_state *s, const kr_lexicon *lx, const char *w, int n, int min_head,
                         int (*accept)(const kr_lexicon *lx, int row, int head_len), int *row) {
  if (!lx) return -1;
  for (int k = 3; k + min_head <= n; k++) {
    if (((unsigned char)w[k] & 0xC0) == 0x80) continue;
    int r = qa_lookup(s, lx, w + k, (size_t)(n - k));
    if (r >= 0 && (!accept || accept(lx, r, n - k))) { *row = r; return k; }
  }
  return -1;
}

/* The gender column of a row of roles.tsv. */
static int role_gender(const kr_lexicon *lx, int r) {
  const char *c = kr_lexicon_cell(lx, r, 1);
  return c[0] == 'f' ? 'f' : c[0] == 'm' ? 'm' : 0;
}

/* A head of four bytes or less is a role only when roles.tsv marks it
** "short" ("zakenman", "longarts"). */
static int role_head_ok(const kr_lexicon *lx, int r, int head_len) {
  return head_len >= 5 || strcmp(kr_lexicon_cell(lx, r, 3), "short") == 0;
}

/* Is w[0..n) a role noun, directly or as the last part of a compound
** ("bestuursvoorzitter", "Navo-topman", "oud-premier")? Sets *g. */
static int role_word(const qa_state *s, const char *w, int n, int *g) {
  const kr_lexicon *lx = s->lx.roles;
  if (!lx) return 0;
  int r = qa_lookup(s, lx, w, (size_t)n);
  if (r >= 0) { *g = role_gender(lx, r); return 1; }
  const char *h = NULL;
  for (int k = n - 1; k > 0; k--) if (w[k] == '-') { h = w + k + 1; break; }
  /* after a hyphen, the last part as a word of its own ("Navo-topman",
  ** "oud-mijnwerker": a closed compound itself) */
  if (h) return h < w + n && role_word(s, h, (int)(w + n - h), g);
  /* a closed compound: a suffix of 4+ bytes after a prefix of 3+ bytes */
  if (compound_head(s, lx, w, n, 4, role_head_ok, &r) < 0) return 0;
  *g = role_gender(lx, r);
  return 1;
}

/* Is the lower-cased word w[0..n) a demonym of roles.tsv ("belg"), or
** is its part after the last hyphen one ("west-vlaming")? */
static int demonym_word(const qa_state *s, const char *w, int n) {
  if (!s->lx.roles) return 0;
  int h = n;
  while (h > 0 && w[h - 1] != '-') h--;
  int r = qa_lookup(s, s->lx.roles, w, (size_t)n);
  if (r < 0 && h > 0 && n - h >= 3) r = qa_lookup(s, s->lx.roles, w + h, (size_t)(n - h));
  return r >= 0 && !strcmp(kr_lexicon_cell(s->lx.roles, r, 2), "demonym");
}

/* A head marked "head" in organisations.tsv. */
static int org_head_ok(const kr_lexicon *lx, int r, int head_len) {
  (void)head_len;
  return !strcmp(kr_lexicon_cell(lx, r, 3), "head");
}

/* Is the lower-case w[0..n) a closed compound whose last part (4+ bytes,
** after 3+ bytes) is a body's noun marked "head" in organisations.tsv
** ("zorgorganisatie", "zwemvereniging", "hockeyclub")? */
static int org_compound(const qa_state *s, const char *w, int n) {
  int r;
  return compound_head(s, s->lx.org, w, n, 4, org_head_ok, &r) >= 0;
}

/* Is the word at token k a noun that may stand for a body just named: a
** row of organisations.tsv marked "epithet", or a closed compound whose
** head is one ("het budgetinstituut")? */
int qa_org_epithet(const qa_state *s, int64_t k) {
  char w[64];
  int n = qa_lower(s, k, w, sizeof w), r;
  if (n <= 0 || !s->lx.org) return 0;
  r = qa_lookup(s, s->lx.org, w, (size_t)n);
  if (r < 0 && compound_head(s, s->lx.org, w, n, 4, org_head_ok, &r) < 0) return 0;
  return !strcmp(kr_lexicon_cell(s->lx.org, r, 5), "epithet");
}

/* A role that is no demonym ("de Nederlander"). */
static int role_not_demonym(const kr_lexicon *lx, int r, int head_len) {
  (void)head_len;
  return strcmp(kr_lexicon_cell(lx, r, 2), "demonym") != 0;
}

/* A capitalised word is a role when it is one ("Kamerlid") or when it is a
** closed compound whose head of 6 or more bytes is one ("Eurocommissaris",
** "Garagehouder"): shorter heads ("-man") are too often part of surnames. */
static int cap_role_word(const qa_state *s, const char *w, int n, int *g) {
  if (qa_lookup(s, s->lx.roles, w, (size_t)n) >= 0) return role_word(s, w, n, g);
  int r, k = compound_head(s, s->lx.roles, w, n, 6, role_not_demonym, &r);
  return k >= 0 && role_word(s, w + k, n - k, g);
}

/* The per-token path of the tokenizer is inlined into its loop (the calls
** cost more than the work of a short word); its rare cases are not (they
** would cost the common path registers). */
#if defined(__GNUC__) || defined(__clang__)
#define TOKEN_PATH static inline __attribute__((always_inline))
#define TOKEN_RARE static __attribute__((noinline))
#else
#define TOKEN_PATH static inline
#define TOKEN_RARE static
#endif

/* Word types (qa_type). Every word token up to TYPE_MAXLEN bytes gets its
** lower-cased form (in s->lw, stored once per type) and the type of that
** form and capitalisation class, found in a hash table as the token is
** made. Lexicon look-ups are done once per type, so once per distinct word
** of the article. */
#define TYPE_MAXLEN 40
#define FORM_MAX (TYPE_MAXLEN + TYPE_MAXLEN / 2 + 8)   /* lower-casing adds at most half */

/* Forms in s->lw are stored in whole words of eight bytes, the bytes
** after the form zero, so that they are hashed and compared a word at a
** time. */
static inline int64_t form_words(int64_t n) { return (n + 7) / 8; }

/* The eight bytes at p as a word. */
static inline uint64_t word_at(const char *p) {
  uint64_t x;
  memcpy(&x, p, 8);
  return x;
}

/* Do the zero-padded forms a and b of n bytes agree? */
static inline int same_form(const char *a, const char *b, int64_t n) {
  for (int64_t k = 0; k < form_words(n); k++) {
    uint64_t x, y;
    memcpy(&x, a + 8 * k, 8);
    memcpy(&y, b + 8 * k, 8);
    if (x != y) return 0;
  }
  return 1;
}

/* The capitalisation class of a word type, from the flags of its token:
** T_CAP and T_LOWER as two bits. */
static inline uint32_t type_cls(uint32_t flags) { return (flags & T_CAP ? 1u : 0u) | (flags & T_LOWER ? 2u : 0u); }

/* Hash of a zero-padded form w of n bytes and a class. */
static inline uint32_t form_hash(const char *w, int64_t n, uint32_t cls) {
  uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ull ^ cls;
  for (int64_t k = 0; k < form_words(n); k++) {
    uint64_t x;
    memcpy(&x, w + 8 * k, 8);
    h = (h ^ x) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  h ^= h >> 29;
  return (uint32_t)h;
}

/* Room for need entries of sz bytes in the array *arr of *cap entries, the
** first used of which are kept, as kr_grow() makes it; but the array
** starts at a cache line (64 bytes) of the allocation *mem (SQLite's
** allocator aligns to 8), so that no 32-byte token or type lies across two
** lines: reading one reads one line. The allocation is grown in place
** where the allocator can (a huge text's arrays are remapped, not copied
** into fresh memory); the entries move only when the new block's line
** falls elsewhere. */
#define LINE_ALIGN 64
static int grow_aligned(void **mem, void **arr, int64_t *cap, int64_t used, int64_t need, size_t sz) {
  int64_t c;
  if (need <= *cap) return KR_OK;
  if (kr_grow_cap(*cap, need, sz, LINE_ALIGN, &c)) return KR_NOMEM;
  size_t was = *mem ? (size_t)((char *)*arr - (char *)*mem) : 0;
  char *m = kr_realloc(*mem, (size_t)c * sz + LINE_ALIGN);
  if (!m) return KR_NOMEM;
  size_t off = (LINE_ALIGN - (uintptr_t)m % LINE_ALIGN) % LINE_ALIGN;
  if (off != was && used > 0) memmove(m + off, m + was, (size_t)used * sz);
  *mem = m;
  *arr = m + off;
  *cap = c;
  return KR_OK;
}

static int ty_grow(qa_state *s, int64_t need) {
  return grow_aligned(&s->ty_mem, (void **)&s->ty, &s->capty, s->nty, need, sizeof(qa_type));
}

static int tok_grow(qa_state *s, int64_t need) {
  return grow_aligned(&s->tok_mem, (void **)&s->tok, &s->captok, s->ntok, need, sizeof(qa_tok));
}

/* A new type of class cls (type_cls()) for token i (form of lwn bytes at
** lw, or lwn = -1). */
static int new_type(qa_state *s, int64_t i, uint32_t cls, int64_t lw, int lwn, int32_t *out) {
  if (s->nty >= s->capty && ty_grow(s, s->nty + 1)) return KR_NOMEM;
  if (s->nty > INT32_MAX - 1 || lw > (int64_t)UINT32_MAX) return KR_NOMEM;
  qa_type *y = &s->ty[s->nty];
  y->w0 = 0;
  y->lw = (uint32_t)lw;
  y->lex = 0;
  y->tok = (int32_t)i;
  y->lwn = (int8_t)lwn;
  y->cue = -1;
  y->cuecls = 0;
  y->cls = (uint8_t)cls;
  y->gender = 0;
  y->iscue = 0;
  y->ep = s->epoch;
  *out = (int32_t)s->nty++;
  return KR_OK;
}

/* The hash of the stored form and class of type y (as type_of_form()
** made it). */
static inline uint32_t type_hash(const qa_state *s, const qa_type *y) {
  return form_hash(s->lw + y->lw, y->lwn, y->cls);
}

/* Make the type table at least n slots (a power of two) and rehash. */
static int grow_types(qa_state *s, int64_t n) {
  if (s->nty == 0 && s->tyslot && s->ntyslot == n) {
    /* the empty table of a new analysis, in the array of the last one */
    memset(s->tyslot, 0xff, (size_t)n * sizeof(int32_t));
    return KR_OK;
  }
  int32_t *slot = kr_malloc((size_t)n * sizeof(int32_t));
  if (!slot) return KR_NOMEM;
  memset(slot, 0xff, (size_t)n * sizeof(int32_t));
  for (int64_t y = 0; y < s->nty; y++) {
    if (s->ty[y].lwn < 0) continue;
    int64_t x = type_hash(s, &s->ty[y]) & (uint64_t)(n - 1);
    while (slot[x] >= 0) x = (x + 1) & (n - 1);
    slot[x] = (int32_t)y;
  }
  kr_free(s->tyslot);
  s->tyslot = slot;
  s->ntyslot = n;
  return KR_OK;
}

/* Room for one more form at the end of s->lw (with 8 bytes to spare). */
static int lw_room(qa_state *s) {
  int64_t need = s->lwused + FORM_MAX + 16;
  return need <= s->lwcap ? KR_OK : kr_grow((void **)&s->lw, &s->lwcap, need, 1);
}

static uint32_t lex_compute(qa_state *s, qa_type *y);

/* Copy into token t the lexicon flags of its type, computed now for a new
** type, and the length of its form (see qa_tok). */
TOKEN_PATH void tok_typed(qa_state *s, qa_tok *t) {
  qa_type *y = &s->ty[t->type];
  t->lex = (y->lex & L_DONE) ? y->lex : lex_compute(s, y);
  t->lwn = y->lwn;
}

/* Give word token i (t) its type: its form (ln bytes) was just written at the
** end of s->lw; it is kept there only when the type is new. w0, when not
** 0, is the form of up to eight bytes as one zero-padded word (made by
** simple_word()): then it is hashed and compared as such. */
TOKEN_PATH int type_of_form(qa_state *s, qa_tok *t, int64_t i, int64_t ln, uint64_t w0) {
  char *w = s->lw + s->lwused;
  uint32_t cls = type_cls(t->flags);
  uint32_t h;
  if (w0) {
    /* form_hash() of one word */
    uint64_t x = (((uint64_t)ln * 0x9E3779B97F4A7C15ull ^ cls) ^ w0) * 0xff51afd7ed558ccdull;
    x ^= x >> 32;
    x ^= x >> 29;
    h = (uint32_t)x;
  } else {
    memset(w + ln, 0, 8);   /* the padding of the last word */
    h = form_hash(w, ln, cls);
  }
  /* the table is at most half full (grown after an insertion) */
  int64_t m = s->ntyslot - 1;
  for (int64_t x = h & (uint64_t)m;; x = (x + 1) & m) {
    int32_t y = s->tyslot[x];
    if (y < 0) {
      if (new_type(s, i, cls, s->lwused, (int)ln, &t->type)) return KR_NOMEM;
      if (w0) memcpy(w, &w0, 8);   /* the stored form, zero-padded */
      s->ty[t->type].w0 = word_at(w);
      s->tyslot[x] = t->type;
      s->lwused += 8 * form_words(ln);
      if (2 * (s->nty + 1) > s->ntyslot && grow_types(s, 2 * s->ntyslot)) return KR_NOMEM;
      if (lw_room(s)) return KR_NOMEM;
      tok_typed(s, t);
      return KR_OK;
    }
    qa_type *u = &s->ty[y];
    if (u->lwn == ln && u->cls == cls && (w0 ? u->w0 == w0 : same_form(s->lw + u->lw, w, ln))) {
      t->type = y;
      if (u->ep != s->epoch) {
        /* a type kept from an earlier article, new to this one: its
        ** classification (a function of its form and class) stays; only
        ** the cue test of a cue form depends on the token (cue_len_ok()) */
        u->ep = s->epoch;
        u->tok = (int32_t)i;
        if (u->iscue != CUE_NONE) u->iscue = 0;
      }
      tok_typed(s, t);
      return KR_OK;
    }
  }
}

/* The type of word token i whose lower-cased form is not made yet (not
** plain ASCII letters and digits): the general lower-casing, which may
** change the length. A word too long to be stored has a type of its own. */
static int type_of_word(qa_state *s, int64_t i) {
  qa_tok *t = &s->tok[i];
  int64_t n = t->b1 - t->b0, ln = -1;
  if (n <= TYPE_MAXLEN) {
    const unsigned char *z = s->t->z + t->b0;
    char *w = s->lw + s->lwused;
    int ascii = 1;
    for (int64_t k = 0; k < n; k++) {
      unsigned char c = z[k];
      if (c >= 0x80) { ascii = 0; break; }
      w[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    ln = ascii ? n : kr_lower_utf8(z, n, w, FORM_MAX);
    if (ln > 0 && ln <= TYPE_MAXLEN + 8) return type_of_form(s, t, i, ln, 0);
  }
  if (new_type(s, i, type_cls(t->flags), 0, -1, &t->type)) return KR_NOMEM;
  tok_typed(s, t);
  return KR_OK;
}

/* ---- the word classification cache --------------------------------------
** Direct-mapped: a word type (lower-cased form and capitalisation class)
** has one slot, chosen by its hash; a new type evicts the old one. An
** entry holds exactly what lex_compute() derives from the lexicons. */
#define CACHE_SLOTS 4096
#define CACHE_KEYMAX 32   /* longer words are not cached */

typedef struct cache_ent {
  uint32_t lex;         /* L_* flags; 0 = empty slot */
  int16_t cue;
  uint16_t cuecls;
  uint8_t cls;          /* qa_type.cls */
  uint8_t n;
  int8_t gender;
  char key[CACHE_KEYMAX];
} cache_ent;

/* The working arrays of an analysis, kept by the cache between calls:
** allocating and freeing them for every article of a query costs more
** than some steps of the analysis. Only the arrays of an ordinary
** article are kept (KEEP_MAX), so the memory kept stays that of one
** article; a bigger text frees its own. */
typedef struct qa_bufs {
  qa_tok *tok; void *tok_mem; int64_t captok;
  qa_type *ty; void *ty_mem; int64_t capty, nty;
  int32_t *tyslot; int64_t ntyslot;
  char *lw; int64_t lwcap, lwused;
  qa_span *sp; int64_t capsp;
  qa_q *qq; int64_t capqq;
  int64_t *mk; int64_t capmk;
  int64_t *cw; int64_t capcw;
  int64_t *cue; int64_t capcue;
  int64_t *para_tok, *sent_tok; int64_t cappt, capst;
  uint8_t *para_flag; int64_t cappf;
} qa_bufs;
#define KEEP_MAX (1 << 21)   /* bytes */

/* The word types are kept too, with their forms, hash table and
** classifications (lexicon flags, cue rows, gender: functions of the
** form and its class alone), so that a word met in an earlier article is
** found and classified at once: up to TYPES_KEEP of them; then the next
** article keeps the types the most recent articles met (types_compact()).
** 14000 keeps the arrays of the table (which grow by doubling) within
** 16384 types with the new types of an ordinary article: about 1 MB per
** connection and function. A table twice as big as the one before (7000)
** made extract_quotes about 4 % faster on real articles, whose vocabulary
** is large (fewer words classified again), and keeping the recent types
** rather than none another 1-2 % on a long corpus. */
#define TYPES_KEEP 14000

/* Does w[0..n) hold a letter (an ASCII letter, or any character outside
** ASCII, which may be one)? */
static int has_letter(const char *w, size_t n) {
  for (size_t k = 0; k < n; k++) {
    unsigned char c = (unsigned char)w[k];
    if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return 1;
  }
  return 0;
}

static void lexset_load(qa_lexset *l) {
  /* the lexicons by name; "words" says whether the words of the text are
  ** looked up in it (and so whether it counts for l->letterless) */
  static const struct { const char *name; size_t off; int words; } lex[] = {
    {"cues", offsetof(qa_lexset, cues), 1},           {"roles", offsetof(qa_lexset, roles), 1},
    {"organisations", offsetof(qa_lexset, org), 1},   {"anonymous", offsetof(qa_lexset, anon), 1},
    {"nationalities", offsetof(qa_lexset, nat), 1},   {"honorifics", offsetof(qa_lexset, hon), 1},
    {"particles", offsetof(qa_lexset, part), 1},      {"pronouns", offsetof(qa_lexset, pron), 1},
    {"function_words", offsetof(qa_lexset, func), 1}, {"given_names", offsetof(qa_lexset, given), 1},
    {"captions", offsetof(qa_lexset, captions), 0},   {"role_adjectives", offsetof(qa_lexset, radj), 1},
  };
  l->letterless = 0;
  for (size_t k = 0; k < sizeof lex / sizeof lex[0]; k++) {
    const kr_lexicon *x = kr_lexicon_get(lex[k].name);
    *(const kr_lexicon **)((char *)l + lex[k].off) = x;
    for (int r = 0; lex[k].words && x && r < x->nrow && !l->letterless; r++)
      l->letterless = !has_letter(kr_lexicon_cell(x, r, 0), (size_t)x->len[(size_t)r * (size_t)x->ncol]);
  }
  kr_seg_lex_init(&l->slx);
}

struct kr_qa_cache {
  qa_lexset lx;         /* the lexicons, once lx_ready */
  int lx_ready;
  cache_ent *e;         /* CACHE_SLOTS entries, allocated on first use */
  qa_bufs keep;         /* the arrays of the last analysis, or NULLs */
  uint16_t epoch;       /* the number of the last analysis (qa_type.ep) */
  qa_ent_priv *ep;      /* the entity arrays of the last analysis, or NULL */
};

kr_qa_cache *kr_qa_cache_new(void) {
  kr_qa_cache *c = kr_malloc(sizeof *c);
  if (c) memset(c, 0, sizeof *c);
  return c;
}

static void bufs_free(qa_bufs *b) {
  kr_free(b->tok_mem);
  kr_free(b->ty_mem);
  kr_free(b->tyslot);
  kr_free(b->lw);
  kr_free(b->sp);
  kr_free(b->qq);
  kr_free(b->mk);
  kr_free(b->cw);
  kr_free(b->cue);
  kr_free(b->para_tok);
  kr_free(b->sent_tok);
  kr_free(b->para_flag);
  memset(b, 0, sizeof *b);
}

void kr_qa_cache_free(kr_qa_cache *c) {
  if (!c) return;
  kr_free(c->e);
  bufs_free(&c->keep);
  qa_ent_release(c->ep);
  kr_free(c);
}

/* A full table of kept word types (more than TYPES_KEEP) keeps those that
** the most recent analyses met, at most TYPES_KEEP / 2 of them, in a hash
** table of their size; the others go. The frequent words of every
** article stay classified, the rare words of earlier ones are dropped,
** and the table stays small enough for the processor's cache. Last is
** the number of the last analysis (qa_type.ep). When there is no memory
** for the new hash table, the table starts afresh. */
#define AGE_MAX 255
static void types_compact(qa_state *s, uint16_t last) {
  int64_t hist[AGE_MAX + 1], kept = 0, ny = 1, lwu = 0;
  unsigned lim = 0;
  memset(hist, 0, sizeof hist);
  for (int64_t y = 1; y < s->nty; y++) {
    unsigned age = (uint16_t)(last - s->ty[y].ep);
    if (s->ty[y].lwn >= 0) hist[age > AGE_MAX ? AGE_MAX : age]++;
  }
  while (lim < AGE_MAX && kept + hist[lim] <= TYPES_KEEP / 2) kept += hist[lim++];
  /* type 0 stays; the forms move down in the order they were stored */
  for (int64_t y = 1; y < s->nty; y++) {
    qa_type *u = &s->ty[y];
    if (u->lwn < 0 || (uint16_t)(last - u->ep) >= lim) continue;
    int64_t size = 8 * form_words(u->lwn);
    memmove(s->lw + lwu, s->lw + u->lw, (size_t)size);
    s->ty[ny] = *u;
    s->ty[ny].lw = lwu;
    lwu += size;
    ny++;
  }
  s->nty = ny;
  s->lwused = lwu;
  int64_t n = 64;
  while (n < 4 * (ny + 1)) n *= 2;
  if (grow_types(s, n)) s->nty = s->lwused = 0;
}

/* The analysis takes the kept arrays (they are the cache's no longer). */
static void bufs_take(qa_state *s) {
  if (!s->cache) return;
  qa_bufs *b = &s->cache->keep;
  s->tok = b->tok; s->tok_mem = b->tok_mem; s->captok = b->captok;
  s->ty = b->ty; s->ty_mem = b->ty_mem; s->capty = b->capty; s->nty = b->nty;
  s->tyslot = b->tyslot; s->ntyslot = b->ntyslot;
  s->lw = b->lw; s->lwcap = b->lwcap; s->lwused = b->lwused;
  /* a new table when the kept one is more than half full (an earlier
  ** analysis ran out of memory growing it); a full one keeps its recent
  ** types only */
  if (2 * (s->nty + 1) > s->ntyslot) s->nty = s->lwused = 0;
  else if (s->nty > TYPES_KEEP) types_compact(s, s->cache->epoch);
  /* a new number for this analysis; when the numbers wrap, no kept type
  ** may hold the new one */
  s->epoch = ++s->cache->epoch;
  if (s->epoch == 0) {
    for (int64_t y = 0; y < s->nty; y++) s->ty[y].ep = 0;
    s->epoch = s->cache->epoch = 1;
  }
  s->sp = b->sp; s->capsp = b->capsp;
  s->qq = b->qq; s->capqq = b->capqq;
  s->mk = b->mk; s->capmk = b->capmk;
  s->cw = b->cw; s->capcw = b->capcw;
  s->cue = b->cue; s->capcue = b->capcue;
  s->para_tok = b->para_tok; s->cappt = b->cappt;
  s->sent_tok = b->sent_tok; s->capst = b->capst;
  s->para_flag = b->para_flag; s->cappf = b->cappf;
  memset(b, 0, sizeof *b);
  s->ep = s->cache->ep;
  s->cache->ep = NULL;
}

/* At the end of an analysis: its arrays go back to the cache when they
** are small enough, else they are freed. */
static void bufs_give(qa_state *s) {
  qa_bufs b = {s->tok, s->tok_mem, s->captok, s->ty, s->ty_mem, s->capty, s->nty, s->tyslot, s->ntyslot,
               s->lw, s->lwcap, s->lwused, s->sp, s->capsp, s->qq, s->capqq, s->mk, s->capmk, s->cw, s->capcw, s->cue, s->capcue,
               s->para_tok, s->sent_tok, s->cappt, s->capst, s->para_flag, s->cappf};
  int64_t bytes = b.captok * (int64_t)sizeof(qa_tok) + b.capty * (int64_t)sizeof(qa_type) +
                  b.ntyslot * (int64_t)sizeof(int32_t) + b.lwcap + b.capsp * (int64_t)sizeof(qa_span) +
                  b.capqq * (int64_t)sizeof(qa_q) + (b.capmk + b.capcw + b.capcue + b.cappt + b.capst) * (int64_t)sizeof(int64_t) +
                  b.cappf;
  if (s->cache && bytes <= KEEP_MAX) {
    bufs_free(&s->cache->keep);   /* none in practice: taken at the start */
    s->cache->keep = b;
  } else {
    bufs_free(&b);
  }
}

/* The slot of type y (stored form only), or NULL. */
static inline cache_ent *cache_slot(qa_state *s, const qa_type *y) {
  kr_qa_cache *c = s->cache;
  if (!c || y->lwn <= 0 || y->lwn > CACHE_KEYMAX) return NULL;
  if (!c->e) {
    c->e = kr_malloc(CACHE_SLOTS * sizeof(cache_ent));
    if (!c->e) return NULL;   /* no cache: the analysis works without */
    memset(c->e, 0, CACHE_SLOTS * sizeof(cache_ent));
  }
  return &c->e[(type_hash(s, y) * 0x9E3779B1u >> 7) & (CACHE_SLOTS - 1)];
}

/* Does slot e hold type y? */
static inline int cache_hit(const qa_state *s, const cache_ent *e, const qa_type *y) {
  return e->lex && e->n == y->lwn && e->cls == y->cls && !memcmp(e->key, s->lw + y->lw, (size_t)y->lwn);
}

/* Type y takes the classification in slot e (a hit). */
static inline void lex_from_cache(qa_type *y, const cache_ent *e) {
  y->lex = e->lex;
  y->cue = e->cue;
  y->cuecls = e->cuecls;
  y->gender = e->gender;
  y->iscue = (y->lex & L_CUE) ? CUE_YES : CUE_NONE;
}

/* The names of the cue classes, by the bit number of their CC_* bit
** (CC_OTHER: any other name). */
static const char *const cue_class_name[] = {"say", "think", "mark", "part", "thinkpart", "sep", "according",
                                             "after", "klinkt", NULL, "dat"};

/* The CC_* bit of cue class name c. */
static unsigned cue_class_bit(const char *c) {
  for (unsigned k = 0; k < sizeof cue_class_name / sizeof cue_class_name[0]; k++)
    if (cue_class_name[k] && !strcmp(c, cue_class_name[k])) return 1u << k;
  return CC_OTHER;
}

/* The classes of the cue rows from row r on that have the key w[0..n). */
static uint16_t cue_classes(const kr_lexicon *lx, int r, const char *w, size_t n) {
  unsigned m = 0;
  for (; r < lx->nrow && qa_key_is(lx, r, w, n); r++) m |= cue_class_bit(kr_lexicon_cell(lx, r, 2));
  return (uint16_t)m;
}

/* Can the first token of type y be a cue word (the byte lengths of the
** forms in cues.tsv)? */
static int cue_len_ok(const qa_state *s, const qa_type *y) {
  const qa_tok *t = &s->tok[y->tok];
  return (t->flags & T_WORD) && t->b1 - t->b0 <= 20 && t->b1 - t->b0 >= 2;
}

/* Lexicon flags of type y, computed once. */
static uint32_t lex_compute(qa_state *s, qa_type *y) {
  if (y->lex & L_DONE) return y->lex;
  cache_ent *ce = cache_slot(s, y);
  if (ce && cache_hit(s, ce, y)) {
    lex_from_cache(y, ce);
    if (!y->iscue) y->iscue = (y->lex & L_CUE) && cue_len_ok(s, y) ? CUE_YES : CUE_NO;   /* lex_from_cache() set it */
    return y->lex;
  }
  const qa_tok *t = &s->tok[y->tok];
  uint32_t f = L_DONE;
  y->cue = -1;
  y->cuecls = 0;
  if (t->flags & T_WORD) {
    char buf[64];
    const char *w = buf;
    int n;
    if (y->lwn > 0) { w = s->lw + y->lw; n = y->lwn; }
    else n = qa_lower(s, y->tok, buf, sizeof buf);
    /* a number ("1.200", "14.30") is in none of the lexicons, whose every
    ** key has a letter */
    if (n > 0 && (s->lx.letterless || has_letter(w, (size_t)n))) {
      unsigned h = kr_lexicon_hash(w, (size_t)n);   /* one hash for every lexicon */
      int r;
      int g = 0;
      if (s->lx.cues && (r = kr_lexicon_find_h(s->lx.cues, w, (size_t)n, h)) >= 0) {
        f |= L_CUE;
        y->cue = (int16_t)(r > 32000 ? 32000 : r);
        y->cuecls = cue_classes(s->lx.cues, r, w, (size_t)n);
      }
      if (n <= 16 && s->lx.func && (r = kr_lexicon_find_h(s->lx.func, w, (size_t)n, h)) >= 0) {
        for (; r < s->lx.func->nrow && qa_key_is(s->lx.func, r, w, (size_t)n); r++) {
          const char *c = kr_lexicon_cell(s->lx.func, r, 1);
          if (!strcmp(c, "det")) f |= L_DET;
          else if (!strcmp(c, "prep")) f |= L_PREP;
          else if (!strcmp(c, "conj")) f |= L_CONJ;
          else if (!strcmp(c, "adv")) f |= L_ADV;
          else if (!strcmp(c, "time")) f |= L_TIME;
          else if (!strcmp(c, "aux")) f |= L_AUX;
          else if (!strcmp(c, "neg")) f |= L_NEG;
          else if (!strcmp(c, "verb")) f |= L_VERB;
        }
      }
      if (n <= 6 && s->lx.pron && (r = kr_lexicon_find_h(s->lx.pron, w, (size_t)n, h)) >= 0) {
        f |= L_PRON;
        const char *c = kr_lexicon_cell(s->lx.pron, r, 1);
        y->gender = c[0] == 'm' ? 'm' : c[0] == 'f' ? 'f' : 0;
        if (!strcmp(kr_lexicon_cell(s->lx.pron, r, 3), "obj")) f |= L_POBJ;
      }
      if (n <= 9 && s->lx.hon && (r = kr_lexicon_find_h(s->lx.hon, w, (size_t)n, h)) >= 0) {
        f |= L_HON;
        const char *c = kr_lexicon_cell(s->lx.hon, r, 1);
        y->gender = c[0] == 'm' ? 'm' : c[0] == 'f' ? 'f' : 0;
      }
      if (n <= 6 && (r = kr_lexicon_find_h(s->lx.part, w, (size_t)n, h)) >= 0) {
        f |= L_PART;
        if (!strcmp(kr_lexicon_cell(s->lx.part, r, 1), "prep")) f |= L_PPREP;
      }
      /* every adjective there ends in -e, -s or -sch ("Vlaamse", "Vlaams", "Belgisch") */
      if ((w[n - 1] == 'e' || w[n - 1] == 's' || w[n - 1] == 'h') &&
          kr_lexicon_find_h(s->lx.nat, w, (size_t)n, h) >= 0) f |= L_NAT;
      if ((kr_lexicon_find_h(s->lx.anon, w, (size_t)n, h) >= 0)) f |= L_ANON;
      if (s->lx.radj && kr_lexicon_find_h(s->lx.radj, w, (size_t)n, h) >= 0) f |= L_RADJ;
      if (s->lx.org && (r = kr_lexicon_find_h(s->lx.org, w, (size_t)n, h)) >= 0) {
        const char *c = kr_lexicon_cell(s->lx.org, r, 1);
        if (!strcmp(c, "place")) f |= L_PLACE;
        else if (!strcmp(c, "generic")) f |= L_ORG;
        else if (strcmp(c, "english")) f |= L_PARTY;
        if (!strcmp(kr_lexicon_cell(s->lx.org, r, 2), "of")) f |= L_OFHEAD;
      } else if ((t->flags & T_LOWER) && org_compound(s, w, n)) {
        f |= L_ORG;
      }
      if (demonym_word(s, w, n)) f |= L_DEMONYM;
      if (!(f & (L_FUNC | L_PRON)) && ((t->flags & T_LOWER) || memchr(w, '-', (size_t)n) ? role_word(s, w, n, &g)
                                                                                : cap_role_word(s, w, n, &g))) { f |= L_ROLE; if (!y->gender) y->gender = (int8_t)g; }
      if ((t->flags & T_CAP) && s->lx.given && (r = kr_lexicon_find_h(s->lx.given, w, (size_t)n, h)) >= 0) {
        f |= L_GIVEN;
        const char *c = kr_lexicon_cell(s->lx.given, r, 1);
        if (!y->gender) y->gender = c[0] == 'm' ? 'm' : c[0] == 'f' ? 'f' : 0;
      } else if ((t->flags & T_CAP) && s->lx.given && !(f & (L_ROLE | L_FUNC | L_ORG | L_PLACE | L_PARTY))) {
        /* a double given name not listed as a whole ("Erik-Jan", "Anne-Fleur"):
        ** a given name when both parts are, with their gender when they agree */
        const char *dash = memchr(w, '-', (size_t)n);
        if (dash && dash > w && dash < w + n - 1) {
          int r1 = kr_lexicon_find(s->lx.given, w, (size_t)(dash - w));
          int r2 = kr_lexicon_find(s->lx.given, dash + 1, (size_t)(w + n - dash - 1));
          if (r1 >= 0 && r2 >= 0) {
            char g1 = kr_lexicon_cell(s->lx.given, r1, 1)[0], g2 = kr_lexicon_cell(s->lx.given, r2, 1)[0];
            f |= L_GIVEN;
            if (!y->gender && g1 == g2 && (g1 == 'm' || g1 == 'f')) y->gender = g1;
          }
        }
      }
      /* "45-jarige", and in words "negentienjarige", "minderjarige" */
      if ((n > 7 && !memcmp(w + n - 7, "-jarige", 7)) || (n >= 9 && !memcmp(w + n - 6, "jarige", 6))) f |= L_AGE;
    }
  }
  y->lex = f;
  if (!(f & L_CUE) && y->lwn > 0) y->iscue = CUE_NONE;
  else if (!y->iscue) y->iscue = (f & L_CUE) && cue_len_ok(s, y) ? CUE_YES : CUE_NO;
  if (ce) {
    ce->lex = f;
    ce->cue = y->cue;
    ce->cuecls = y->cuecls;
    ce->gender = y->gender;
    ce->cls = y->cls;
    ce->n = (uint8_t)y->lwn;
    memcpy(ce->key, s->lw + y->lw, (size_t)y->lwn);
  }
  return f;
}


/* Is the form of token i in cues.tsv, at a length a cue can have? Decided
** once per type and analysis (cue_len_ok() reads the type's first token
** in this text), from the lexicon flags tok_typed() gave the type. */
int qa_is_cue_slow(qa_state *s, int64_t i) {
  qa_type *y = qa_ty(s, i);
  if (y->iscue) return y->iscue == CUE_YES;
  y->iscue = CUE_NO;
  if (!cue_len_ok(s, y) || !s->lx.cues) return 0;
  /* (the type is classified: tok_typed() did it as the word came) */
  y->iscue = (y->lex & L_CUE) ? CUE_YES : CUE_NONE;
  return y->iscue == CUE_YES;
}

int qa_cue_class(const qa_state *s, int row, const char *cls) {
  return row >= 0 && s->lx.cues && !strcmp(kr_lexicon_cell(s->lx.cues, row, 2), cls);
}

/* Find, among the rows of the cue form of token i, one of class ccl (a
** CC_* bit). Returns the row or -1. */
static int cue_row(qa_state *s, int64_t i, unsigned ccl) {
  if (!(qa_lex(s, i) & L_CUE) || !(qa_ty(s, i)->cuecls & ccl)) return -1;
  int r = qa_ty(s, i)->cue;
  const kr_lexicon *lx = s->lx.cues;
  size_t c0 = (size_t)r * (size_t)lx->ncol;
  const char *k = lx->cell[c0];
  size_t kn = (size_t)lx->len[c0];
  /* the class of a row is compared by name: one string comparison */
  const char *name = ccl == CC_OTHER ? NULL : cue_class_name[__builtin_ctz(ccl)];
  for (; r < lx->nrow && qa_key_is(lx, r, k, kn); r++) {
    const char *c = kr_lexicon_cell(lx, r, 2);
    if (name ? !strcmp(c, name) : cue_class_bit(c) == ccl) return r;
  }
  return -1;
}

/* ---- 1. tokens --------------------------------------------------------- */

/* ASCII letters and digits inside a word: 1 lower case, 2 upper case,
** 4 digit; 'h' has 8 besides (a glued URL may start there: "...https:").
** Bytes >= 0x80 are 0, so a loop over a run needs no separate ASCII test. */
static const unsigned char ascii_word[256] = {
  ['0'] = 4, ['1'] = 4, ['2'] = 4, ['3'] = 4, ['4'] = 4, ['5'] = 4, ['6'] = 4, ['7'] = 4, ['8'] = 4, ['9'] = 4,
  ['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2, ['E'] = 2, ['F'] = 2, ['G'] = 2, ['H'] = 2, ['I'] = 2, ['J'] = 2,
  ['K'] = 2, ['L'] = 2, ['M'] = 2, ['N'] = 2, ['O'] = 2, ['P'] = 2, ['Q'] = 2, ['R'] = 2, ['S'] = 2, ['T'] = 2,
  ['U'] = 2, ['V'] = 2, ['W'] = 2, ['X'] = 2, ['Y'] = 2, ['Z'] = 2,
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1 | 8, ['i'] = 1, ['j'] = 1,
  ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
  ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};
#define AW_H 8

/* ASCII punctuation that is always a token of its own (the general path
** of tokenize() would make it so): no quote mark, no part of a word.
** PP_END: a terminal that may end a sentence. */
#define PP_END 2
static const unsigned char plain_punct[256] = {
  ['.'] = PP_END, [','] = 1, [';'] = 1, [':'] = 1, ['!'] = PP_END, ['?'] = PP_END, ['('] = 1, [')'] = 1,
};

/* The byte after an ASCII run in simple_word(): 0 ends the word; SW_MORE
** may continue it (a joiner; a byte >= 0x80, a letter outside ASCII, is
** tested apart); the others need a
** look at the word ('.' and ',' between digits, '.' after an initial or a
** title, ':' after "https"). */
#define SW_MORE  1
#define SW_DOT   2
#define SW_COMMA 3
#define SW_COLON 4
static const unsigned char sw_stop[256] = {
  ['-'] = SW_MORE, ['\''] = SW_MORE, ['&'] = SW_MORE, ['_'] = SW_MORE,
  ['.'] = SW_DOT, [','] = SW_COMMA, [':'] = SW_COLON,
};

/* ASCII fast paths of the text.h character functions: news text is mostly
** ASCII, and the tokenizer looks at every character. */
static inline uint32_t dec(const unsigned char *z, int64_t n, int64_t i, int *len) {
  if (z[i] < 0x80) { *len = 1; return z[i]; }
  return kr_decode(z, n, i, len);
}
static inline int c_space(uint32_t c) { return c < 0x80 ? c == ' ' || (c >= 0x09 && c <= 0x0D) : kr_is_space(c); }
static inline int c_alpha(uint32_t c) { return c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : kr_is_alpha(c); }
static inline int c_digit(uint32_t c) { return c >= '0' && c <= '9'; }
/* U+2000..U+206F (spaces, dashes, quote marks, other punctuation) holds
** no letter, digit or combining mark: no call to ICU for these. */
static inline int c_alnum(uint32_t c) {
  return c < 0x80 ? c_alpha(c) || c_digit(c) : (c >= 0x2000 && c <= 0x206F) ? 0 : kr_is_alnum(c);
}
static inline int c_upper(uint32_t c) { return c < 0x80 ? c >= 'A' && c <= 'Z' : kr_is_upper(c); }
static inline int c_lower(uint32_t c) { return c < 0x80 ? c >= 'a' && c <= 'z' : kr_is_lower(c); }
static inline int c_mark(uint32_t c) {
  return c < 0x80 ? (c == '"' || c == '\'' ? kr_quote_mark(c) : 0) : kr_quote_mark(c);
}

/* Number of ASCII upper-case letters in [p, e). */
static inline unsigned count_upper(const unsigned char *p, const unsigned char *e) {
  unsigned n = 0;
  for (; p < e; p++) n += *p >= 'A' && *p <= 'Z';
  return n;
}

static int is_apos(uint32_t c) { return c == 0x2019 || c == '\''; }

static int is_open_ctx(uint32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '-' || c == 0x2013 || c == 0x2014 || c == '/' || c_mark(c);
}
static int is_close_ctx(uint32_t c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' ||
         c == '}' || c == 0x2026 || c == '-' || c == 0x2013 || c == 0x2014 || c_mark(c);
}

static int starts_with(const unsigned char *z, int64_t n, int64_t i, const char *p) {
  size_t k = strlen(p);
  return i + (int64_t)k <= n && memcmp(z + i, p, k) == 0;
}

/* A word starting at byte i with first character c (byte length len):
** letters and digits, joined by hyphens, apostrophes between letters
** ("zo'n"), dots and commas between digits ("3,5"), '&' and '_'; an
** initial ("J.") or an abbreviated honorific ("dr.") keeps its dot.
** Fills t->b1 and t->flags. */
static void scan_word(qa_state *s, int64_t i, uint32_t c, int len, qa_tok *t) {
  const unsigned char *z = s->t->z;
  int64_t n = s->t->n, j = i + len;
  int64_t nupper = c_upper(c), nlow = c_lower(c);
  uint32_t last = c;
  while (j < n) {
    /* the common case: a run of ASCII letters and digits other than 'h',
    ** in a tight loop */
    const unsigned char *p = z + j, *pe = z + n;
    unsigned lo = 0, k;
    while (p < pe && (k = ascii_word[*p]) != 0 && !(k & AW_H)) { lo |= k; p++; }
    if (p > z + j) {
      /* upper-case letters matter only in a word without lower case */
      if (!(lo & 1)) nupper += count_upper(z + j, p);
      nlow |= lo & 1;
      last = p[-1];
      j = p - z;
      if (j >= n) break;
    }
    int l;
    uint32_t d = dec(z, n, j, &l);
    if (c_alnum(d)) {
      /* a URL glued to a word ("Kortunovhttps://") starts a new token */
      if (c_alpha(last) && d == 'h' && (starts_with(z, n, j, "http://") || starts_with(z, n, j, "https://"))) break;
      nupper += c_upper(d); nlow |= c_lower(d);
      last = d;
      j += l;
      continue;
    }
    if (j + l < n && (d == '-' || d == 0x2011 || is_apos(d) || d == '.' || d == ',' || d == '&' || d == '_')) {
      int l2;
      uint32_t e = dec(z, n, j + l, &l2);
      int ok;
      if (d == '.' || d == ',') ok = c_digit(last) && c_digit(e);
      else if (is_apos(d)) ok = c_alnum(last) && c_alpha(e);
      else ok = c_alnum(e);
      if (ok) {
        last = d;
        j += l;
        continue;
      }
    }
    break;
  }
  t->b1 = j;
  t->flags |= T_WORD;
  if (c_upper(c)) t->flags |= T_CAP;
  if (c_lower(c) || c == '@' || c == '#') t->flags |= T_LOWER;
  if (c_digit(c)) t->flags |= T_DIGIT;
  if (nupper >= 2 && nlow == 0) t->flags |= T_ALLCAP;   /* upper-case letters are letters */
  if (j < n && z[j] == '.') {
    int dot = 0;
    if (j - i == len && c_upper(c)) { dot = 1; t->flags |= T_INITIAL; }
    else if (j - i <= 5 && s->lx.hon) {
      char hw[16];
      int64_t wn = kr_lower_utf8(z + i, j + 1 - i, hw, sizeof hw - 1);
      if (wn > 0 && qa_lookup(s, s->lx.hon, hw, (size_t)wn) >= 0) dot = 1;
    }
    if (dot) t->b1 = j + 1;
  }
}

/* Eight bytes at a time: the high bit of each byte of x that is an ASCII
** letter or digit (for a byte b < 0x80, b + (0x80 - c) has its high bit
** set exactly when b >= c, and no carry leaves the byte). */
#define ONES 0x0101010101010101ull
#define HIGH 0x8080808080808080ull
static inline uint64_t alnum_bytes(uint64_t x) {
  uint64_t x7 = x & ~HIGH, l = x7 | 0x20 * ONES;
  uint64_t digit = (x7 + (0x80 - '0') * ONES) & ~(x7 + (0x80 - ':') * ONES);
  uint64_t letter = (l + (0x80 - 'a') * ONES) & ~(l + (0x80 - '{') * ONES);
  return (digit | letter) & ~x & HIGH;
}

/* The index (in memory order) of the first byte whose high bit is set in m
** (m != 0). */
static inline int first_byte(uint64_t m) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return __builtin_clzll(m) / 8;
#else
  return __builtin_ctzll(m) / 8;
#endif
}

/* A mask of the first b bytes (in memory order) of a word, 0 < b <= 8. */
static inline uint64_t first_bytes_mask(int b) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return ~0ull << (64 - 8 * b);
#else
  return ~0ull >> (64 - 8 * b);
#endif
}

/* Does the run of ASCII letters and digits before byte j >= 0x80 end
** there, as scan_word() would end it? Yes before a character E2 80 xx
** (U+2000..U+203F: dashes, quote marks, the ellipsis), which is no letter,
** unless it is U+2011 (a hyphen that joins) or U+2019 (an apostrophe that
** joins when a letter follows: "zo’n"; then, and for any byte >= 0x80
** after it, scan_word() decides). Any other byte >= 0x80: no (it may be a
** letter). */
static inline int ends_at_punct(const unsigned char *z, int64_t n, int64_t j) {
  if (j + 2 >= n || z[j] != 0xE2 || z[j + 1] != 0x80 || z[j + 2] == 0x91) return 0;
  if (z[j + 2] != 0x99) return 1;
  return j + 3 >= n || (z[j + 3] < 0x80 && !c_alpha(z[j + 3]));
}

/* Does the dot after the ASCII word w[0..len) (len <= 5) belong to it, as
** scan_word() decides: an initial ("J.") or an abbreviated honorific
** ("dr.")? */
static int dot_joins(const qa_state *s, const unsigned char *w, int64_t len) {
  if (len == 1 && ascii_word[w[0]] == 2) return 1;
  if (!s->lx.hon) return 0;
  char hw[8];   /* the word and its dot, lower case (ASCII: as kr_lower_utf8() makes it) */
  for (int64_t k = 0; k <= len; k++) hw[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
  return qa_lookup(s, s->lx.hon, hw, (size_t)len + 1) >= 0;
}

/* The end of the run of ASCII letters and digits at byte i, from byte j
** on (the bytes before it are letters or digits whose form is written),
** eight bytes at a time while the text has them; its form is written to w
** as it goes as far as a stored form may reach (s->lw has room for that). */
TOKEN_RARE int64_t word_run(const unsigned char *z, int64_t n, int64_t i, int64_t j, char *w) {
  for (;;) {
    if (j + 8 > n) {
      for (; j < n && ascii_word[z[j]]; j++) if (j - i < TYPE_MAXLEN + 8) w[j - i] = (char)(z[j] | 0x20);
      return j;
    }
    uint64_t x;
    memcpy(&x, z + j, 8);
    if (j - i <= TYPE_MAXLEN) {
      uint64_t lx = x | 0x20 * ONES;
      memcpy(w + (j - i), &lx, 8);
    }
    uint64_t stop = ~alnum_bytes(x) & HIGH;
    if (stop) return j + first_byte(stop);
    j += 8;
  }
}

/* The common word, in one tight pass: ASCII letters and digits starting
** at byte i (z[i] is one) and ended by a byte that cannot join or continue
** it (white space, most punctuation). Fills t as scan_word() would, writes
** its lower-cased form at the end of s->lw and returns its length (or -1
** when the word is longer than TYPE_MAXLEN), or returns 0 (nothing
** written to t) for any other case: then scan_word() does the general work.
** A form of up to eight bytes read as one word also goes to *w0 (as
** type_of_form() takes it). */
TOKEN_PATH int64_t simple_word(qa_state *s, int64_t i, qa_tok *t, uint64_t *w0) {
  const unsigned char *z = s->t->z;
  int64_t n = s->t->n, j = i;
  char *w = s->lw + s->lwused;
  /* most words end within their first eight bytes: those at once (the
  ** form written as it goes: '|0x20' lower-cases a letter and keeps a
  ** digit); a longer one, or one near the end of the text, by word_run() */
  uint64_t first = 0, stop = 0;   /* first: the first eight bytes of the form */
  if (i + 8 <= n) {
    uint64_t x;
    memcpy(&x, z + i, 8);
    first = x | 0x20 * ONES;
    memcpy(w, &first, 8);
    stop = ~alnum_bytes(x) & HIGH;
  }
  j = stop ? i + first_byte(stop) : word_run(z, n, i, first ? i + 8 : i, w);
  int64_t len = j - i;
  if (j < n) {
    /* may continue the word: a joiner, a letter outside ASCII; a dot may
    ** end an initial or a title; a colon may end "https" */
    unsigned k = z[j] >= 0x80 ? (ends_at_punct(z, n, j) ? 0 : SW_MORE) : sw_stop[z[j]];
    if (k) {
      if (k == SW_MORE) return 0;
      if ((k == SW_DOT || k == SW_COMMA) && ascii_word[z[j - 1]] == 4) return 0;
      if (k == SW_DOT && len <= 5 && dot_joins(s, z + i, len)) return 0;
      if (k == SW_COLON && memchr(z + i, 'h', (size_t)len)) return 0;
    }
  }
  /* the flags of a word by the class of its first byte (ascii_word) */
  static const uint16_t class_flags[8] = {
    [1] = T_WORD | T_LOWER, [2] = T_WORD | T_CAP, [4] = T_WORD | T_DIGIT
  };
  unsigned c = ascii_word[z[i]] & 7;
  t->b1 = (int32_t)j;
  t->flags |= class_flags[c];
  if (c != 1) {
    /* all capitals: two upper-case letters or more and no lower case */
    unsigned up = 0;
    int64_t k = i;
    for (; k < j && !(ascii_word[z[k]] & 1); k++) up += ascii_word[z[k]] == 2;
    if (k == j && up >= 2) t->flags |= T_ALLCAP;
  }
  if (first && len <= 8) *w0 = first & first_bytes_mask((int)len);
  return len > TYPE_MAXLEN ? -1 : len;
}

/* The first token at or after byte segend (b0) starts a segment: a new
** paragraph when it is past the end of its line (a token is never white
** space, so a paragraph, a line trimmed, starts at its first token), else
** the sentence that kr_sentence_break() found to start there. */
TOKEN_RARE int seg_start(qa_state *s, int64_t b0, qa_tok *t) {
  if (b0 >= s->lend) {
    const unsigned char *z = s->t->z;
    const unsigned char *nl = memchr(z + b0, '\n', (size_t)(s->t->n - b0));
    int64_t a = b0;
    s->lend = s->pend = nl ? (int64_t)(nl - z) : s->t->n;
    kr_trim_space(z, &a, &s->pend);
    if (s->npara + 2 > s->cappt && kr_grow((void **)&s->para_tok, &s->cappt, s->npara + 2, sizeof(int64_t))) return KR_NOMEM;
    s->para_tok[s->npara] = s->ntok;
    s->tpara = (int32_t)s->npara++;
    t->flags = T_PSTART;
  }
  if (s->nsent + 2 > s->capst && kr_grow((void **)&s->sent_tok, &s->capst, s->nsent + 2, sizeof(int64_t))) return KR_NOMEM;
  s->sent_tok[s->nsent++] = s->ntok;
  t->flags |= T_SSTART;
  t->para = s->tpara;
  s->s0 = s->sresume = b0;
  s->snext = INT64_MAX;
  s->segend = s->lend;
  return KR_OK;
}

/* A terminal character ('.', '!', '?', '…') at byte i of the paragraph of
** the last token: does the sentence end there, as kr_segment() would end
** it? Then the next one starts at snext. */
TOKEN_RARE void sentence_end(qa_state *s, int64_t i) {
  if (i < s->sresume) return;   /* inside a run of terminals already tested */
  int64_t k = kr_sentence_break(&s->lx.slx, s->t->z, s->s0, i, s->pend, &s->sresume);
  if (k >= 0) {
    s->snext = k;
    if (k < s->segend) s->segend = k;
  }
}

/* A new token at byte b0 (flags and end to be filled), or NULL. Its
** paragraph and sentence are found as the tokens come in text order. */
TOKEN_PATH qa_tok *new_tok(qa_state *s, int64_t b0) {
  if (s->ntok >= s->captok && tok_grow(s, s->ntok + 1) != KR_OK) return NULL;
  qa_tok *t = &s->tok[s->ntok];
  t->b0 = (int32_t)b0;
  t->flags = 0;
  t->mark = 0;
  t->nw = 0;
  t->span = -1;
  t->type = 0;
  t->lex = L_DONE;   /* those of type 0 (not a word) */
  t->lwn = -1;
  t->para = s->tpara;
  if (b0 >= s->segend && seg_start(s, b0, t)) return NULL;
  return t;
}

/* Room for the paragraphs and sentences, and the type of the tokens that
** are not words. */
static int tokens_init(qa_state *s) {
  int64_t n = s->t->n;
  /* news text has about one token per five bytes, a new word type every
  ** eight, a sentence per 100 and a paragraph per 400: reserve that much
  ** for an article (a huge text grows the arrays as it goes) */
  int64_t m = n < (1 << 19) ? n : (1 << 19), nslot = 64;
  while (nslot < m / 4) nslot *= 2;
  s->npara = s->nsent = 0;
  if (kr_grow((void **)&s->para_tok, &s->cappt, m / 400 + 16, sizeof(int64_t)) ||
      kr_grow((void **)&s->sent_tok, &s->capst, m / 100 + 16, sizeof(int64_t)) ||
      tok_grow(s, m / 5 + 16) ||
      ty_grow(s, s->nty + m / 8 + 16) ||
      kr_grow((void **)&s->lw, &s->lwcap, s->lwused + m + FORM_MAX + 16, 1))
    return KR_NOMEM;
  s->lend = s->segend = -1;   /* the first token starts a paragraph */
  s->handles = 0;
  s->tpara = 0;
  if (s->nty > 0) return KR_OK;   /* the table kept from the last article */
  if (grow_types(s, nslot)) return KR_NOMEM;
  int32_t y;
  if (new_type(s, -1, 0, 0, -1, &y)) return KR_NOMEM;   /* type 0: not a word */
  s->ty[0].lex = L_DONE;
  s->ty[0].iscue = CUE_NO;
  return KR_OK;
}

/* The ends of the last paragraph and sentence, and the paragraph flags. */
static int tokens_done(qa_state *s) {
  s->para_tok[s->npara] = s->ntok;
  s->sent_tok[s->nsent] = s->ntok;
  if (kr_grow((void **)&s->para_flag, &s->cappf, s->npara + 1, 1)) return KR_NOMEM;
  memset(s->para_flag, 0, (size_t)(s->npara + 1));
  return KR_OK;
}

/* The word tokens whose form is in cues.tsv (L_CUE), in text order: the
** cue words reported_speech() visits, one in about twenty words. */
TOKEN_PATH int note_cue(qa_state *s, int64_t k) {
  if (!(s->tok[k].lex & L_CUE)) return KR_OK;
  if (s->ncue >= s->capcue && kr_grow((void **)&s->cue, &s->capcue, s->ncue + 1, sizeof *s->cue)) return KR_NOMEM;
  s->cue[s->ncue++] = k;
  return KR_OK;
}

/* Make the next token of a word at i: its end, flags and type. ascii
** says that its first character c is an ASCII letter or digit. */
TOKEN_PATH int word_tok(qa_state *s, int64_t i, uint32_t c, int len, qa_tok *t, int ascii) {
  uint64_t w0 = 0;
  int64_t ln = ascii ? simple_word(s, i, t, &w0) : 0;
  int64_t k = s->ntok++;
  if (ln == 0) {
    scan_word(s, i, c, len, t);
    /* the dot of an initial or a title may end a sentence ("Kevin B. Het ...") */
    if (s->t->z[t->b1 - 1] == '.') sentence_end(s, t->b1 - 1);
  }
  if (t->flags & T_CAP) {
    /* the capitalised words, for speakers.c (narrative_names) */
    if (s->ncw >= s->capcw && kr_grow((void **)&s->cw, &s->capcw, s->ncw + 1, sizeof *s->cw)) return KR_NOMEM;
    s->cw[s->ncw++] = k;
  }
  if (ln > 0 ? type_of_form(s, t, k, ln, w0) : type_of_word(s, k)) return KR_NOMEM;
  return note_cue(s, k);
}

static int tokenize(qa_state *s) {
  const unsigned char *z = s->t->z;
  int64_t n = s->t->n, i = 0;
  if (tokens_init(s)) return KR_NOMEM;
  while (i < n) {
    int len;
    qa_tok *t;
    if (ascii_word[z[i]]) {
      /* the common case: a word that starts with an ASCII letter or digit */
      if (!(t = new_tok(s, i)) || word_tok(s, i, z[i], 1, t, 1)) return KR_NOMEM;
      i = t->b1;
      if (i < n && z[i] == ' ') i++;   /* the space after a word, at once */
      continue;
    }
    if (z[i] == ' ' || z[i] == '\n') { i++; continue; }
    if (plain_punct[z[i]] && !(z[i] == ',' && i + 1 < n && z[i + 1] == ',')) {
      /* common punctuation, a token of its own (",," is a quote mark) */
      if (!(t = new_tok(s, i))) return KR_NOMEM;
      t->b1 = (int32_t)(i + 1);
      t->flags |= T_PUNCT;
      s->ntok++;
      if (plain_punct[z[i]] == PP_END) sentence_end(s, i);
      i++;
      continue;
    }
    uint32_t c = dec(z, n, i, &len);
    if (c_space(c)) { i += len; continue; }
    if (!(t = new_tok(s, i))) return KR_NOMEM;
    uint32_t prev = 0;
    if (i > 0) { int pl; prev = z[i - 1] < 0x80 ? z[i - 1] : dec(z, n, kr_prev_char(z, i), &pl); }
    int nl = 0;
    uint32_t next = i + len < n ? dec(z, n, i + len, &nl) : 0;
    /* "'s", "'t", "'n" written with an apostrophe before the word, and a
    ** place name in capitals in a dateline ("'S-HERTOGENBOSCH -") */
    if (is_apos(c) && (next == 's' || next == 't' || next == 'n' || next == 'S') && (i == 0 || c_space(prev) || prev == '(')) {
      int l3 = 0;
      uint32_t after = i + len + nl < n ? dec(z, n, i + len + nl, &l3) : ' ';
      if (!c_alpha(after) && (next != 'S' || after == '-')) {
        t->b1 = i + len + nl;
        t->flags |= T_WORD | T_LOWER;
        if (type_of_word(s, s->ntok++) || note_cue(s, s->ntok - 1)) return KR_NOMEM;
        i = t->b1;
        continue;
      }
    }
    if (c_alnum(c) || ((c == '@' || c == '#') && c_alnum(next))) {
      if (c == '@') s->handles = 1;
      if (word_tok(s, i, c, len, t, c < 0x80 && ascii_word[c])) return KR_NOMEM;
      i = t->b1;
      continue;
    }
    /* quote marks, ",," and "''" included */
    int qm = c_mark(c);
    int mlen = len;
    if (c == ',' && next == ',') { qm = KR_QM_OPEN | KR_QM_DOUBLE; mlen = 2; }
    else if ((c == '\'' && next == '\'') || (c == 0x2019 && next == 0x2019)) { qm = KR_QM_CLOSE | KR_QM_DOUBLE; mlen = c == '\'' ? 2 : 6; }
    if (qm) {
      int l2 = 0;
      uint32_t after = i + mlen < n ? dec(z, n, i + mlen, &l2) : 0;
      int open_ok = (qm & KR_QM_OPEN) && i + mlen < n && !c_space(after) &&
                    (i == 0 || c_space(prev) || is_open_ctx(prev));
      int close_ok = (qm & KR_QM_CLOSE) && i > 0 && !c_space(prev) &&
                     (i + mlen >= n || c_space(after) || is_close_ctx(after));
      if (open_ok && close_ok && c_mark(prev) && !c_space(after)) close_ok = 0;
      t->b1 = i + mlen;
      if (open_ok || close_ok) {
        t->flags |= T_MARK;
        if (s->nmk >= s->capmk && kr_grow((void **)&s->mk, &s->capmk, s->nmk + 1, sizeof *s->mk)) return KR_NOMEM;
        s->mk[s->nmk++] = s->ntok;
        t->mark = (uint8_t)((open_ok ? M_OPEN : 0) | (close_ok ? M_CLOSE : 0) |
                           ((qm & KR_QM_DOUBLE) ? M_DOUBLE : M_SINGLE));
        if (close_ok && is_apos(c) && (prev == 's' || prev == 'x' || prev == 'z')) t->mark |= M_APOS;
      } else {
        t->flags |= T_PUNCT;
      }
      i = t->b1;
      s->ntok++;
      continue;
    }
    t->b1 = i + len;
    t->flags |= T_PUNCT;
    if (c == 0x2026) sentence_end(s, i);   /* '…' */
    i = t->b1;
    s->ntok++;
  }
  return tokens_done(s);
}

/* ---- 2. pairing of quote marks ----------------------------------------- */

static int add_span(qa_state *s, int64_t o, int64_t c, int64_t last, int depth) {
  if (s->nsp >= s->capsp && kr_grow((void **)&s->sp, &s->capsp, s->nsp + 1, sizeof(qa_span))) return KR_NOMEM;
  qa_span *x = &s->sp[s->nsp++];
  x->o = o;
  x->c = c;
  x->b0 = s->tok[o].b1;
  x->b1 = c >= 0 ? s->tok[c].b0 : s->tok[last].b1;
  x->last = c >= 0 ? c - 1 : last;
  if (x->b1 < x->b0) x->b1 = x->b0;
  x->depth = depth;
  x->state = S_NONE;
  return KR_OK;
}

static int cmp_span(const void *a, const void *b) {
  const qa_span *x = a, *y = b;
  return x->o < y->o ? -1 : x->o > y->o;
}

/* The stack of the open marks of a paragraph, with no bound on its depth
** (a quote of any length holds any number of marks that are never closed):
** each entry links to the entry below it of the same style, so that a
** close mark finds its open mark at once and pairing stays linear. */
typedef struct mark_stack {
  struct { int64_t tok, below; } *e;
  int64_t n, cap;
  int64_t top[2];     /* the topmost entry of each style (single, double), -1 none */
} mark_stack;

static int style_ix(int mark) { return (mark & M_DOUBLE) != 0; }

static int ms_push(mark_stack *m, const qa_state *s, int64_t k) {
  if (m->n >= m->cap && kr_grow((void **)&m->e, &m->cap, m->n + 1, sizeof m->e[0])) return KR_NOMEM;
  int st = style_ix(s->tok[k].mark);
  m->e[m->n].tok = k;
  m->e[m->n].below = m->top[st];
  m->top[st] = m->n++;
  return KR_OK;
}

/* Keep the entries below L only. */
static void ms_cut(mark_stack *m, int64_t L) {
  for (int st = 0; st < 2; st++)
    while (m->top[st] >= L) m->top[st] = m->e[m->top[st]].below;
  m->n = L;
}

static int pair_marks(qa_state *s) {
  mark_stack m = {NULL, 0, 0, {-1, -1}};
  int rc = KR_OK;
  int64_t mi = 0;   /* the quote marks (s->mk), in text order */
  for (int64_t p = 0; p < s->npara && rc == KR_OK; p++) {
    int64_t a = s->para_tok[p], b = s->para_tok[p + 1];
    while (mi < s->nmk && s->mk[mi] < a) mi++;
    for (; mi < s->nmk && s->mk[mi] < b && rc == KR_OK; mi++) {
      int64_t k = s->mk[mi];
      qa_tok *t = &s->tok[k];
      if (!t->mark) continue;
      if (t->mark & M_CLOSE) {
        /* the innermost open mark of the same style */
        int64_t L = m.top[style_ix(t->mark)];
        /* a possessive "Timmermans’ idee" is no close; but a verb or a
        ** function word after it ("de rekenmeesters’ staat", "… ’ en")
        ** owns nothing: the mark closes */
        if ((t->mark & M_APOS) && k + 1 < b && (s->tok[k + 1].flags & T_LOWER) && !qa_is_cue(s, k + 1) &&
            !((qa_lex(s, k + 1) & (L_VERB | L_AUX | L_PREP | L_CONJ | L_ADV | L_NEG)) && !(qa_lex(s, k + 1) & L_DET)))
          L = -1;
        /* a close of the other style where nothing of its own style is
        ** open ("‘Wij wisten van niets”, zegt ze"): it closes the innermost
        ** open mark when it can only be a close and ends the words before
        ** it (a comma or the end of the paragraph follows, or a sentence
        ** end precedes) */
        if (L < 0 && m.n > 0 && !(t->mark & (M_OPEN | M_APOS)) && m.e[m.n - 1].tok != k &&
            (k + 1 >= b || tok_is_char(s, k + 1, ',') || tok_is_final(s, k - 1)))
          L = m.n - 1;
        if (L >= 0) {
          rc = add_span(s, m.e[L].tok, k, k - 1, L < INT32_MAX ? (int)L : INT32_MAX);
          ms_cut(&m, L);
          continue;
        }
      }
      if (t->mark & M_OPEN) rc = ms_push(&m, s, k);
    }
    if (rc || m.n == 0 || b <= a) { ms_cut(&m, 0); continue; }
    /* a quote still open: continued by the next paragraph opening with the
    ** same style, else ended with this paragraph */
    int64_t o = m.e[0].tok;
    int style = s->tok[o].mark & (M_SINGLE | M_DOUBLE);
    int64_t nb = p + 1 < s->npara ? s->para_tok[p + 1] : s->ntok;
    ms_cut(&m, 1);
    if (nb < s->ntok && nb < s->para_tok[p + 2 <= s->npara ? p + 2 : s->npara] &&
        (s->tok[nb].flags & T_MARK) && (s->tok[nb].mark & M_OPEN) && (s->tok[nb].mark & style) && o != b - 1) {
      s->tok[nb].mark = 0;  /* the re-opening mark is consumed */
      continue;
    }
    if (o != b - 1) rc = add_span(s, o, -1, b - 1, 0);
    ms_cut(&m, 0);
  }
  kr_free(m.e);
  if (rc) return rc;
  int sorted = 1;   /* spans are added as they close: in order unless nested */
  for (int64_t x = 1; x < s->nsp && sorted; x++) sorted = cmp_span(&s->sp[x - 1], &s->sp[x]) <= 0;
  if (!sorted) qsort(s->sp, (size_t)s->nsp, sizeof(qa_span), cmp_span);
  for (int64_t x = 0; x < s->nsp; x++) {
    qa_span *q = &s->sp[x];
    if (q->depth) continue;
    int64_t end = q->c >= 0 ? q->c : q->last;
    for (int64_t k = q->o; k <= end && k < s->ntok; k++) s->tok[k].span = (int32_t)x;
  }
  return KR_OK;
}

/* ---- 3. paragraph roles ------------------------------------------------ */

static int64_t last_real_tok(const qa_state *s, int64_t a, int64_t b) {
  int64_t k = b - 1;
  while (k >= a && ((s->tok[k].flags & T_MARK) || tok_is_char(s, k, ')'))) k--;
  return k;
}

static int add_q(qa_state *s, qa_q **out) {
  if (s->nqq >= s->capqq && kr_grow((void **)&s->qq, &s->capqq, s->nqq + 1, sizeof(qa_q))) return KR_NOMEM;
  qa_q *q = &s->qq[s->nqq++];
  memset(q, 0, sizeof *q);
  q->ma = q->mb = -1;
  q->inherit = -1;
  q->c0 = q->c1a = q->c1b = q->c2a = q->c2b = -1;
  q->entity = -1;
  q->emb_name0 = -1;
  *out = q;
  return KR_OK;
}

/* "... — Name (@handle) 15 februari 2022" at the end of paragraph p. */
static int find_embed(qa_state *s, int64_t p) {
  int64_t a = s->para_tok[p], b = s->para_tok[p + 1];
  for (int64_t k = b - 2; k > a && k >= b - 12; k--) {
    if (!tok_is_char(s, k, '(')) continue;
    if (!(s->tok[k + 1].flags & T_WORD) || s->t->z[s->tok[k + 1].b0] != '@' || !tok_is_char(s, k + 2, ')')) continue;
    int64_t d = k - 1;
    while (d > a && d >= k - 8 && !tok_is_dash(s, d)) d--;
    if (!tok_is_dash(s, d) || d + 1 >= k) return KR_OK;
    int64_t pa = a, pb = d;   /* the post: tokens [pa, pb) */
    if (d == a) {
      /* the signature on a line of its own: the post is the paragraph
      ** before it, without the marks around it */
      if (p == 0 || s->para_tok[p - 1] >= a) return KR_OK;
      pa = s->para_tok[p - 1];
      pb = a;
      if ((s->tok[pa].flags & T_MARK) && s->tok[pa].span >= 0) {
        qa_span *sp = &s->sp[s->tok[pa].span];
        if (sp->c == pb - 1 || sp->c < 0) { sp->state = S_SKIP; pa++; if (sp->c == pb - 1) pb--; }
      }
      if (pb <= pa) return KR_OK;
      s->para_flag[p - 1] = (uint8_t)((s->para_flag[p - 1] & ~P_HEAD) | P_EMBED);
    }
    qa_q *q;
    if (add_q(s, &q)) return KR_NOMEM;
    q->kind = KR_QK_EMBED;
    q->b0 = s->tok[pa].b0;
    q->b1 = s->tok[pb - 1].b1;
    q->ma = d + 1;
    q->mb = k;
    q->emb_m1 = s->tok[k + 2].b1;
    q->conf = 0.9;
    q->para = s->tok[pa].para;
    for (int64_t j = d; j < b; j++) s->tok[j].flags |= T_SIG;
    s->para_flag[p] |= P_EMBED;
    return KR_OK;
  }
  return KR_OK;
}

static int classify_paragraphs(qa_state *s) {
  int64_t sn = 0;   /* the sentence of the last token of the paragraph */
  for (int64_t p = 0; p < s->npara; p++) {
    int64_t a = s->para_tok[p], b = s->para_tok[p + 1];
    if (a >= b) continue;
    if (s->handles && find_embed(s, p)) return KR_NOMEM;   /* (a post is signed with a handle) */
    if (s->para_flag[p] & P_EMBED) continue;
    int64_t k = last_real_tok(s, a, b);
    int inquote = s->tok[b - 1].span >= 0 && s->sp[s->tok[b - 1].span].c < 0;
    if (k < a || (!inquote && !tok_is_final(s, k) && !tok_is_char(s, k, ':') && !tok_is_char(s, k, ';')))
      s->para_flag[p] |= P_HEAD;
    /* a caption: the last sentence is "Beeld X" / "Foto X" */
    while (sn + 1 < s->nsent && s->sent_tok[sn + 1] <= b - 1) sn++;
    int64_t ls = s->sent_tok[sn] > a ? s->sent_tok[sn] : a;
    char w[16];
    int wn = b - ls <= 8 && (s->tok[ls].flags & T_WORD) ? qa_lower(s, ls, w, sizeof w) : -1;
    int r = wn > 0 ? qa_find(s->lx.captions, w, (size_t)wn) : -1;
    if (r >= 0 && !strcmp(kr_lexicon_cell(s->lx.captions, r, 1), "caption")) s->para_flag[p] |= P_CAPTION;
    /* a byline: "Door Jan Jansen" */
    wn = b - a <= 8 && (s->para_flag[p] & P_HEAD) && (s->tok[a].flags & T_CAP) ? qa_lower(s, a, w, sizeof w) : -1;
    r = wn > 0 ? qa_find(s->lx.captions, w, (size_t)wn) : -1;
    if (r >= 0 && !strcmp(kr_lexicon_cell(s->lx.captions, r, 1), "byline")) s->para_flag[p] |= P_BYLINE;
    if (tok_is_char(s, b - 1, '?')) {
      int marks = 0;
      for (int64_t j = a; j < b; j++) if (s->tok[j].flags & T_MARK) { marks = 1; break; }
      if (!marks) s->para_flag[p] |= P_QUESTION;
    }
  }
  return KR_OK;
}

#define P_NOQUOTE (P_HEAD | P_CAPTION | P_QUESTION)

/* ---- cue text ---------------------------------------------------------- */

static void set_cue(qa_q *q, int64_t aux, int64_t v, int64_t pa, int64_t pb) {
  q->c0 = aux;
  q->c1a = v;
  q->c1b = v >= 0 ? v + 1 : -1;
  q->c2a = pa;
  q->c2b = pb;
}

static void mark_used(qa_state *s, int64_t a, int64_t b) {
  for (int64_t k = a; k < b && k < s->ntok; k++) if (k >= 0) s->tok[k].flags |= T_USED;
}

/* Sentence-final boundary: the end (exclusive) of the clause that starts at
** i, looking at most WIN tokens ahead. */
static int64_t clause_end(const qa_state *s, int64_t i, int64_t pend) {
  int64_t k = i;
  while (k < pend && k < i + 3 * WIN && !tok_is_final(s, k) && !(s->tok[k].flags & T_MARK)) k++;
  return k;
}

/* Find the separable particle of cue row r of token v in (v, lim). */
static int64_t find_particle(qa_state *s, int64_t v, int64_t lim, int *prow) {
  const kr_lexicon *lx = s->lx.cues;
  int r = qa_ty(s, v)->cue;
  if (r < 0 || !(qa_ty(s, v)->cuecls & CC_SEP)) return -1;
  const char *k = kr_lexicon_cell(lx, r, 0);
  size_t kn = strlen(k);
  for (; r < lx->nrow && qa_key_is(lx, r, k, kn); r++) {
    if (strcmp(kr_lexicon_cell(lx, r, 2), "sep")) continue;
    const char *part = kr_lexicon_cell(lx, r, 3);
    for (int64_t j = v + 1; j < lim && j <= v + WIN; j++) {
      if (tok_is_final(s, j) || (s->tok[j].flags & T_MARK)) break;
      if (qa_word_is(s, j, part)) { *prow = r; return j; }
      if (qa_word_is(s, j, "dat") || qa_word_is(s, j, "of")) break;
    }
  }
  return -1;
}

/* Is token v a usable reporting verb? Fills *part (particle token or -1)
** and returns the cue row used, or -1. Separable forms need their particle
** unless the same form is also a plain speech verb. */
static int verb_cue(qa_state *s, int64_t v, int64_t lim, int64_t *part, int allow_think) {
  *part = -1;
  if (!(s->tok[v].flags & T_WORD) || !(qa_lex(s, v) & L_CUE)) return -1;
  int prow = -1;
  int64_t pt = find_particle(s, v, lim, &prow);
  if (pt >= 0) { *part = pt; return prow; }
  int r = cue_row(s, v, CC_SAY);
  if (r < 0 && allow_think) r = cue_row(s, v, CC_THINK);
  if (r < 0 && allow_think) r = cue_row(s, v, CC_MARK);
  return r;
}

/* ---- 4. direct quotes -------------------------------------------------- */

static int subject_ok(qa_state *s, const qa_np *np, int allow_first) {
  if (np->a < 0 || np->b <= np->a) return 0;
  if (np->pron >= 0) {
    char w[16];
    int n = qa_lower(s, np->pron, w, sizeof w);
    if (n < 0) return 0;
    int r = qa_lookup(s, s->lx.pron, w, (size_t)n);
    if (r < 0) return 0;
    const char *person = kr_lexicon_cell(s->lx.pron, r, 2);
    if (!strcmp(w, "het") || !strcmp(w, "men") || !strcmp(w, "zijn") || !strcmp(w, "hun")) return 0;
    if (person[0] != '3' && !allow_first) return 0;
    return 1;
  }
  return qa_np_plausible(s, np, 1);
}

/* Attribution after the close: "', zegt X", "', aldus X", "', heeft X
** gezegd", "', klinkt het bij X". */
static int attr_after(qa_state *s, qa_span *sp, qa_q *q, int64_t *npend) {
  if (sp->c < 0) return 0;
  int64_t p = s->tok[sp->c].para;
  int64_t pend = s->para_tok[p + 1];
  int64_t k = sp->c + 1;
  int bare = 0;   /* no comma and no punctuation inside the close */
  if (k < pend && (tok_is_char(s, k, ',') || tok_is_dash(s, k))) k++;
  else {
    /* without a comma after ?, ! or a comma inside the marks; else only
    ** when the quote opens its sentence and a speech verb or "aldus"
    ** follows at once ("‘Dat deugt niet’ zegt De Vries."), not a verb of
    ** thinking or naming, whose subject may be the quote ("‘Nee’ betekent
    ** nee") */
    int64_t in = sp->c - 1;
    if (!(tok_is_char(s, in, '?') || tok_is_char(s, in, '!') || tok_is_char(s, in, ',') || tok_is_char(s, in, '.'))) {
      if (!(s->tok[sp->o].flags & T_SSTART)) return 0;
      bare = 1;
    }
  }
  if (k >= pend || !(s->tok[k].flags & T_WORD) || (s->tok[k].flags & T_SIG)) return 0;
  if (qa_word_is(s, k, "zo") && k + 1 < pend) k++;
  int64_t lim = clause_end(s, k, pend);
  qa_np np;
  uint32_t lx = qa_lex(s, k);
  if (lx & L_CUE) {
    int r;
    if ((r = cue_row(s, k, CC_AFTER)) >= 0 || (r = cue_row(s, k, CC_ACCORDING)) >= 0) {
      int64_t a = k + 1;
      if (qa_word_is(s, k, "according") && qa_word_is(s, a, "to")) a++;
      if (!qa_np_forward(s, a, lim, &np) || !subject_ok(s, &np, 0)) return 0;
      /* "‘…’ Volgens de Zweed is hij …": a clause after the source makes
      ** "volgens" the start of a sentence of its own, not the quote's source */
      if (cue_row(s, k, CC_ACCORDING) >= 0) {
        int64_t w = qa_np_end(&np);
        if (w < lim && is_word(s, w) && (s->tok[w].flags & T_LOWER) && !(qa_lex(s, w) & (L_PREP | L_TIME | L_ADV | L_CONJ)))
          return 0;
      }
      q->ma = np.a; q->mb = np.b;
      set_cue(q, -1, k, a > k + 1 ? k + 1 : -1, a > k + 1 ? k + 2 : -1);
      *npend = np.b;
      return 1;
    }
    if (bare) {
      int64_t part;
      if ((r = verb_cue(s, k, lim, &part, 0)) < 0 || part >= 0) return 0;
      if (!qa_np_forward(s, k + 1, lim, &np) || !subject_ok(s, &np, 0)) return 0;
      q->ma = np.a; q->mb = np.b;
      set_cue(q, -1, k, -1, -1);
      *npend = np.b;
      return 1;
    }
    if (cue_row(s, k, CC_KLINKT) >= 0) {
      set_cue(q, -1, k, k + 1 < lim && qa_word_is(s, k + 1, "het") ? k + 1 : -1, k + 1 < lim && qa_word_is(s, k + 1, "het") ? k + 2 : -1);
      for (int64_t j = k + 1; j < lim && j < k + 5; j++) {
        if (qa_word_is(s, j, "bij") || qa_word_is(s, j, "uit") || qa_word_is(s, j, "van")) {
          if (qa_np_forward(s, j + 1, lim, &np) && subject_ok(s, &np, 0)) { q->ma = np.a; q->mb = np.b; *npend = np.b; }
          break;
        }
      }
      if (q->ma < 0) { *npend = k + 2; q->inherit = -4; }
      return 1;
    }
    int64_t part;
    r = verb_cue(s, k, lim, &part, 1);
    if (r >= 0) {
      if (!qa_np_forward(s, k + 1, lim, &np) || !subject_ok(s, &np, 0)) return 0;
      q->ma = np.a; q->mb = np.b;
      set_cue(q, -1, k, part, part >= 0 ? part + 1 : -1);
      *npend = part > np.b ? part + 1 : np.b;
      return 1;
    }
  }
  if (bare) return 0;
  if (lx & L_AUX) {
    /* "', heeft hij gezegd" */
    if (!qa_np_forward(s, k + 1, lim, &np) || !subject_ok(s, &np, 0)) return 0;
    for (int64_t j = np.b; j < lim && j < np.b + 6; j++) {
      if (cue_row(s, j, CC_PART) >= 0 || cue_row(s, j, CC_THINKPART) >= 0) {
        q->ma = np.a; q->mb = np.b;
        set_cue(q, k, j, -1, -1);
        *npend = j + 1;
        return 1;
      }
    }
    return 0;
  }
  /* English order: '"...," she said' */
  if (qa_np_forward(s, k, lim, &np) && subject_ok(s, &np, 0) && np.b < lim && cue_row(s, np.b, CC_SAY) >= 0) {
    char w[16];
    if (qa_lower(s, np.b, w, sizeof w) > 0 && (!strcmp(w, "said") || !strcmp(w, "says") || !strcmp(w, "writes") || !strcmp(w, "wrote"))) {
      q->ma = np.a; q->mb = np.b;
      set_cue(q, -1, np.b, -1, -1);
      *npend = np.b + 1;
      return 1;
    }
  }
  return 0;
}

/* First token of the clause that ends before token k. */
static int64_t clause_start(const qa_state *s, int64_t k) {
  int64_t p = s->tok[k].para;
  int64_t a = s->para_tok[p];
  int64_t j = k - 1;
  while (j > a && j > k - 30) {
    if (tok_is_final(s, j - 1)) break;
    if ((s->tok[j - 1].flags & T_MARK) && (s->tok[j - 1].mark & M_CLOSE)) break;
    /* inside a quote the clause starts after the mark that opens it */
    if ((s->tok[j - 1].flags & T_MARK) && s->tok[j - 1].span >= 0 && s->sp[s->tok[j - 1].span].o == j - 1) break;
    j--;
  }
  return j < a ? a : j;
}

/* Backward NP before token v, skipping time words and adverbs. */
static int subject_before(qa_state *s, int64_t v, int64_t lim, qa_np *np) {
  int64_t j = v;
  while (j > lim && (qa_lex(s, j - 1) & (L_TIME | L_ADV)) && !(qa_lex(s, j - 1) & L_PRON)) {
    j--;
    /* "Eerder deze week waarschuwde ...": the determiner of a time noun */
    if ((qa_lex(s, j) & L_TIME) && j > lim && (qa_lex(s, j - 1) & L_DET)) j--;
  }
  if (!qa_np_backward(s, j, lim, np) || !subject_ok(s, np, 0)) return 0;
  /* "Bij zijn voorstelling in Wolfsburg zei de Brusselaar": a phrase after
  ** a preposition (not "van", which may tie it to a noun before) is part of
  ** an adverbial, not the subject; the subject then follows the verb */
  int64_t p = np->a - 1;
  if (!(p >= lim && p >= 0 && is_word(s, p) && (qa_lex(s, p) & L_PREP) && !(qa_lex(s, p) & L_DET) &&
        !qa_word_is(s, p, "van")))
    return 1;
  /* ... unless the prepositional phrase belongs to a source before it: "Een
  ** melkveehouder in de Achterhoek zei" (an unnamed one keeps it in its
  ** description) */
  qa_np pre;
  if (p > lim && qa_np_backward(s, p, lim, &pre) && pre.b == p && pre.pron < 0 && subject_ok(s, &pre, 0)) {
    if (pre.n0 < 0) pre.b = np->b;
    *np = pre;
    return 1;
  }
  return 0;
}

/* A relative clause between commas right before token at ("Fenna Dekker,
** die al dertig jaar op de markt staat, noemt ..."): the token of its
** opening comma, so that the subject is looked for before it; else at. */
static int64_t skip_relative(qa_state *s, int64_t cs, int64_t at) {
  if (at - 3 < cs || !tok_is_char(s, at - 1, ',')) return at;
  for (int64_t j = at - 2; j > cs && j >= at - 3 * WIN; j--) {
    if (tok_is_final(s, j) || (s->tok[j].flags & T_MARK)) break;
    if (!tok_is_char(s, j, ',')) continue;
    if (qa_word_is(s, j + 1, "die") || qa_word_is(s, j + 1, "wie") || qa_word_is(s, j + 1, "dat") ||
        qa_word_is(s, j + 1, "waar") || qa_word_is(s, j + 1, "wiens") || qa_word_is(s, j + 1, "wier"))
      return j;
    break;
  }
  return at;
}

/* A name in apposition between commas right before token at, after a
** phrase that describes it ("Mijn producer, Wouter De Smedt, zei"): the
** subject is the whole phrase when it parses as one (its role then comes
** with the name), else the name. */
static int apposition_name(qa_state *s, int64_t cs, int64_t at, qa_np *np) {
  if (at - 3 < cs || !tok_is_char(s, at - 1, ',')) return 0;
  for (int64_t j = at - 2; j > cs && j >= at - WIN; j--) {
    if (tok_is_final(s, j) || (s->tok[j].flags & T_MARK)) return 0;
    if (!tok_is_char(s, j, ',')) continue;
    qa_np ap, pre, full;
    if (!(s->tok[j - 1].flags & T_LOWER) || !qa_np_forward(s, j + 1, at - 1, &ap) || ap.n0 < 0 || ap.a != j + 1 ||
        ap.b != at - 1 || !subject_ok(s, &ap, 0))
      return 0;
    if (qa_np_backward(s, j, cs, &pre) && qa_np_forward(s, pre.a, at, &full) && full.ap0 == j + 1 &&
        full.n0 == ap.n0 && subject_ok(s, &full, 0))
      *np = full;
    else
      *np = ap;
    return 1;
  }
  return 0;
}

/* The source of a reporting verb v in the clause [cs, ce): before the verb
** (or its auxiliary), else right after it. */
static int find_subject(qa_state *s, int64_t cs, int64_t ce, int64_t v, int64_t aux, qa_np *np) {
  int64_t at = aux >= 0 && aux < v ? aux : v;
  int64_t rel = skip_relative(s, cs, at);
  if (rel < at && subject_before(s, rel, cs, np)) return 1;
  if (apposition_name(s, cs, at, np)) return 1;
  /* Dutch inversion: a subject pronoun right after the finite verb is the
  ** subject, whatever stands before the verb ("Even later herhaalde hij") */
  if (at + 1 < ce && (qa_word_is(s, at + 1, "hij") || qa_word_is(s, at + 1, "zij") || qa_word_is(s, at + 1, "ze")) &&
      qa_np_forward(s, at + 1, ce, np) && np->pron == at + 1)
    return 1;
  if (subject_before(s, at, cs, np)) return 1;
  /* "X runt een zaak en schreef ...": the subject of the first verb */
  if (at > cs && (qa_word_is(s, at - 1, "en") || qa_word_is(s, at - 1, "maar")) && qa_np_forward(s, cs, at, np) &&
      np->a == cs && np->pron < 0 && subject_ok(s, np, 0))
    return 1;
  int64_t f = at + 1;
  if (f < ce && qa_np_forward(s, f, ce, np) && subject_ok(s, np, 0)) return 1;
  /* "Onze coach riep ons ... en zei:": the subject of the first verb */
  if (at > cs && (qa_word_is(s, at - 1, "en") || qa_word_is(s, at - 1, "maar")) && qa_np_forward(s, cs, at, np) &&
      np->a == cs && subject_ok(s, np, 0))
    return 1;
  return 0;
}

/* Attribution before the open: "X zegt: '", "X:", "Volgens X: '". */
static int attr_before(qa_state *s, qa_span *sp, qa_q *q, int allow_first) {
  int64_t o = sp->o;
  if (o < 1 || !tok_is_char(s, o - 1, ':') || s->tok[o - 1].para != s->tok[o].para) return 0;
  int64_t k = o - 1;
  int64_t cs = clause_start(s, k);
  if (s->para_flag[s->tok[o].para] & P_NOQUOTE) return 0;
  qa_np np;
  for (int64_t v = cs; v < k; v++) {
    if (!(s->tok[v].flags & T_WORD) || !(qa_lex(s, v) & (L_CUE | L_AUX))) continue;
    int r;
    if ((r = cue_row(s, v, CC_ACCORDING)) >= 0 || (r = cue_row(s, v, CC_AFTER)) >= 0) {
      if (qa_np_forward(s, v + 1, k, &np) && subject_ok(s, &np, allow_first)) {
        /* "Volgens X is Y klaar: ‘…’": the colon is the quote's cue, and
        ** "volgens" is left to the clause it reports */
        int64_t reach = qa_np_end(&np);
        q->ma = np.a; q->mb = np.b; set_cue(q, -1, reach < k ? k : v, -1, -1); return 1;
      }
      continue;
    }
    if ((qa_lex(s, v) & L_AUX) && !(qa_lex(s, v) & L_CUE)) {
      for (int64_t j = v + 1; j < k && j < v + 6; j++)
        if (cue_row(s, j, CC_PART) >= 0) {
          if (find_subject(s, cs, j, j, v, &np)) { q->ma = np.a; q->mb = np.b; set_cue(q, v, j, -1, -1); mark_used(s, j, j + 1); return 1; }
        }
      continue;
    }
    int64_t part;
    r = verb_cue(s, v, k, &part, 1);
    if (r < 0) continue;
    if (find_subject(s, cs, k, v, -1, &np) && (allow_first || subject_ok(s, &np, 0))) {
      q->ma = np.a; q->mb = np.b;
      set_cue(q, -1, v, part, part >= 0 ? part + 1 : -1);
      mark_used(s, v, v + 1);
      return 1;
    }
  }
  /* a bare "X: '...'" */
  int64_t a = cs;
  while (a < k && (qa_lex(s, a) & (L_CONJ | L_ADV)) && !(qa_lex(s, a) & L_DET)) a++;
  /* the phrase reaches the colon, a bracket after it included ("Jozef
  ** Ramaekers (78): ‘…’") */
  if (qa_np_forward(s, a, k, &np) && (np.b >= k || (np.br1 >= 0 && np.br1 + 1 >= k)) &&
      subject_ok(s, &np, allow_first)) {
    q->ma = np.a; q->mb = np.b; q->colon = 1;
    return 1;
  }
  /* "Van den Broeck wil ook een schoolstraat invoeren: '...'": the
  ** subject of the clause that the colon ends, a name or a pronoun right
  ** before its finite verb */
  if (qa_np_forward(s, a, k, &np) && (np.n0 >= 0 || np.pron >= 0) && np.b < k && is_word(s, np.b) &&
      (s->tok[np.b].flags & T_LOWER) && !(qa_lex(s, np.b) & (L_DET | L_PREP | L_CONJ)) && subject_ok(s, &np, 0)) {
    q->ma = np.a; q->mb = np.b; q->colon = 1;
    return 1;
  }
  q->colon = 1;
  return 2;  /* introduced by a colon, source unknown */
}

/* The words of a quote span, counted up to 7 (the callers ask whether
** there are none, at least 2 or 4, at most 3 or 6). */
static int content_has_words(const qa_state *s, const qa_span *sp) {
  int64_t end = sp->c >= 0 ? sp->c : sp->last + 1;
  int nw = 0;
  for (int64_t k = sp->o + 1; k < end && nw < 7; k++) if (s->tok[k].flags & T_WORD) nw++;
  return nw;
}

/* A quote that is a whole sentence (or several): it starts a sentence and
** the text after its close starts a new one. */
static int sentence_like(const qa_state *s, const qa_span *sp) {
  int64_t o = sp->o;
  int64_t p = s->tok[o].para;
  int64_t a = s->para_tok[p];
  int start_ok = o == a || tok_is_final(s, o - 1) || tok_is_char(s, o - 1, ':') ||
                 ((s->tok[o - 1].flags & T_MARK) && (s->tok[o - 1].mark & M_CLOSE)) || (s->tok[o].flags & T_SSTART) ||
                 tok_is_dash(s, o - 1);
  if (!start_ok) return 0;
  int64_t f = o + 1;
  if (f >= s->ntok || !(s->tok[f].flags & (T_CAP | T_DIGIT | T_MARK)) || s->tok[f].para != p) {
    if (!(f < s->ntok && tok_is_final(s, f))) return 0;  /* "'...'" */
  }
  int nw = content_has_words(s, sp);
  if (nw == 0) return 0;
  int64_t c = sp->c;
  if (c < 0) return nw >= 2;
  int64_t in = c - 1;
  int ends_final = tok_is_final(s, in);
  int64_t n = c + 1;
  int64_t pend = s->para_tok[p + 1];
  if (s->tok[c].para != p) pend = s->para_tok[s->tok[c].para + 1];
  if (n >= pend) return ends_final || nw >= 4;
  if (tok_is_final(s, n)) return nw >= 2;
  if ((s->tok[n].flags & T_MARK) && (s->tok[n].mark & M_OPEN)) return ends_final;
  if (ends_final && (s->tok[n].flags & (T_CAP | T_DIGIT))) return 1;
  return 0;
}

static int direct_quotes(qa_state *s) {
  int64_t last_attr_end = -1;  /* token after the last attribution, for split quotes */
  int64_t last_q = -1;
  for (int64_t x = 0; x < s->nsp; x++) {
    qa_span *sp = &s->sp[x];
    int64_t p = s->tok[sp->o].para;
    if (s->para_flag[p] & P_NOQUOTE) { sp->state = S_SKIP; continue; }
    if (sp->depth > 0) continue;
    if (s->tok[sp->o].flags & T_SIG) continue;
    qa_q tmp;
    memset(&tmp, 0, sizeof tmp);
    tmp.ma = tmp.mb = -1;
    tmp.c0 = tmp.c1a = tmp.c1b = tmp.c2a = tmp.c2b = -1;
    int64_t npend = -1;
    int how = 0;
    /* split quote: "'Q1', zegt X, 'Q2'" shares the attribution */
    if (last_q >= 0 && last_attr_end >= 0 && sp->o >= last_attr_end && sp->o <= last_attr_end + 6) {
      int ok = 1;
      for (int64_t j = last_attr_end; j < sp->o; j++) if (tok_is_final(s, j) || (s->tok[j].flags & T_MARK)) ok = 0;
      if (ok && tok_is_char(s, sp->o - 1, ',')) {
        qa_q *prev = &s->qq[last_q];
        tmp.ma = prev->ma; tmp.mb = prev->mb;
        tmp.c0 = prev->c0; tmp.c1a = prev->c1a; tmp.c1b = prev->c1b; tmp.c2a = prev->c2a; tmp.c2b = prev->c2b;
        tmp.colon = prev->colon;
        tmp.inherit = last_q;
        how = 3;
      }
    }
    if (!how && attr_after(s, sp, &tmp, &npend)) how = 1;
    if (!how) {
      int r = attr_before(s, sp, &tmp, 0);
      if (r == 1) how = 2;
      else if (r == 2 && content_has_words(s, sp) >= 2) how = 4;
    }
    if (!how) continue;
    qa_q *q;
    if (add_q(s, &q)) return KR_NOMEM;
    int64_t keep_inherit = tmp.inherit;
    *q = tmp;
    q->inherit = how == 3 ? keep_inherit : (how == 4 ? -2 : keep_inherit == -4 ? -4 : -1);
    q->entity = -1;
    q->emb_name0 = -1;
    q->kind = KR_QK_DIRECT;
    q->b0 = sp->b0;
    q->b1 = sp->b1;
    q->para = (int32_t)p;
    q->conf = how == 1 ? 0.95 : how == 2 ? 0.9 : how == 3 ? 0.9 : 0.6;
    sp->state = S_DIRECT;
    if (q->c1a >= 0) mark_used(s, q->c1a, q->c1b);
    if (q->c2a >= 0) mark_used(s, q->c2a, q->c2b);
    if (q->c0 >= 0) mark_used(s, q->c0, q->c0 + 1);
    if (how == 1) { last_attr_end = npend; last_q = s->nqq - 1; }
    else if (how != 3) { last_attr_end = -1; last_q = -1; }
  }
  return KR_OK;
}

/* Quotes nested in a direct quote with their own attribution
** ("Onze coach zei: "...""). */
static int nested_quotes(qa_state *s) {
  for (int64_t x = 0; x < s->nsp; x++) {
    qa_span *sp = &s->sp[x];
    if (sp->depth != 1 || sp->state != S_NONE) continue;
    int32_t outer = s->tok[sp->o].span;
    if (outer < 0 || s->sp[outer].state != S_DIRECT) continue;
    qa_q tmp;
    memset(&tmp, 0, sizeof tmp);
    tmp.ma = tmp.mb = -1;
    tmp.c0 = tmp.c1a = tmp.c1b = tmp.c2a = tmp.c2b = -1;
    if (attr_before(s, sp, &tmp, 0) != 1 || tmp.ma < 0) continue;
    qa_q *q;
    if (add_q(s, &q)) return KR_NOMEM;
    *q = tmp;
    q->inherit = -1;
    q->entity = -1;
    q->emb_name0 = -1;
    q->kind = KR_QK_DIRECT;
    q->b0 = sp->b0;
    q->b1 = sp->b1;
    q->para = s->tok[sp->o].para;
    q->conf = 0.8;
    q->nested = 1;
    sp->state = S_DIRECT;
  }
  return KR_OK;
}

/* ---- 4b. dash-led speech ------------------------------------------------ */

/* Is token k inside a direct quote (or a skipped headline/title)? */
static int in_direct(const qa_state *s, int64_t k) {
  if (s->tok[k].flags & T_DASHQ) return 1;
  int32_t x = s->tok[k].span;
  return x >= 0 && (s->sp[x].state == S_DIRECT || s->sp[x].state == S_SKIP);
}


/* First token of the speech in a paragraph opened by a dash ("--Klaar!",
** "– Ja."), or -1. The speech must start with a word, a digit or a mark. */
static int64_t dash_start(const qa_state *s, int64_t p) {
  int64_t a = s->para_tok[p], b = s->para_tok[p + 1];
  if (a >= b || !tok_is_dash(s, a) || (s->para_flag[p] & (P_HEAD | P_CAPTION | P_EMBED))) return -1;
  int64_t k = a;
  while (k < b && k < a + 3 && tok_is_dash(s, k)) k++;
  if (k >= b || !(s->tok[k].flags & (T_CAP | T_DIGIT | T_MARK))) return -1;
  for (int64_t j = k; j < b; j++) if (in_direct(s, j)) return -1;   /* marks rule there */
  return k;
}

/* An inverted attribution inside dash-led speech: "! zeide ze", ", riep
** Paul", "? vroeg hij": a lower-case speech verb right after a final mark
** or a comma, with its subject right after it. Returns the verb or -1. */
static int64_t dash_attr(qa_state *s, int64_t from, int64_t b, qa_np *np, int64_t *part) {
  for (int64_t j = from + 1; j < b; j++) {
    if (!(s->tok[j].flags & T_LOWER) || !(tok_is_final(s, j - 1) || tok_is_char(s, j - 1, ','))) continue;
    if (!qa_is_cue(s, j) || verb_cue(s, j, b, part, 0) < 0) continue;
    if (qa_np_forward(s, j + 1, b, np) && subject_ok(s, np, 1)) return j;
  }
  return -1;
}

static int add_dash_q(qa_state *s, int64_t a, int64_t e, int64_t p, qa_q **out) {
  while (e > a && tok_is_char(s, e - 1, ',')) e--;
  if (e <= a) return KR_OK;
  qa_q *q;
  if (add_q(s, &q)) return KR_NOMEM;
  q->kind = KR_QK_DIRECT;
  q->b0 = s->tok[a].b0;
  q->b1 = s->tok[e - 1].b1;
  q->para = (int32_t)p;
  q->conf = 0.8;
  for (int64_t k = a; k < e; k++) s->tok[k].flags |= T_DASHQ;
  *out = q;
  return KR_OK;
}

/* Speech opened by a dash at the start of a paragraph, the convention of
** interviews and of older fiction: "--Klaar! antwoordde Paul." The speech
** runs to the inverted attribution; a sentence after the attribution that
** ends in "!" or "?" is more speech of the same speaker. A dash paragraph
** without attribution counts only in a text that attributes at least one
** such paragraph (so that bulleted lists are not taken for speech); its
** speaker comes from the dialogue before it. */
static int dash_quotes(qa_state *s) {
  int64_t nattr = 0;
  for (int pass = 0; pass < 2; pass++) {
    for (int64_t p = 0; p < s->npara; p++) {
      int64_t k = dash_start(s, p), b = s->para_tok[p + 1];
      if (k < 0) continue;
      qa_np np;
      int64_t part = -1;
      int64_t v = dash_attr(s, k, b, &np, &part);
      if (pass == 0) { nattr += v >= 0; continue; }
      qa_q *q;
      if (v < 0) {
        if (!nattr || !tok_is_final(s, last_real_tok(s, k, b))) continue;
        if (add_dash_q(s, k, last_real_tok(s, k, b) + 1, p, &q)) return KR_NOMEM;
        q->inherit = -3;
        q->conf = 0.6;
        continue;
      }
      int64_t first = s->nqq;
      if (add_dash_q(s, k, v, p, &q)) return KR_NOMEM;
      if (s->nqq == first) continue;
      q->ma = np.a; q->mb = np.b;
      set_cue(q, -1, v, part, part >= 0 ? part + 1 : -1);
      mark_used(s, v, v + 1);
      /* the rest of the paragraph after the attribution's sentence */
      int64_t r = np.b;
      while (r < b && !tok_is_final(s, r)) r++;
      while (r < b && tok_is_final(s, r)) r++;
      if (r >= b || !(s->tok[r].flags & (T_CAP | T_MARK))) continue;
      int64_t v2 = dash_attr(s, r, b, &np, &part);
      int64_t end = v2 >= 0 ? v2 : last_real_tok(s, r, b) + 1;
      if (v2 < 0 && !(tok_is_char(s, end - 1, '!') || tok_is_char(s, end - 1, '?'))) continue;
      int64_t nq0 = s->nqq;
      if (add_dash_q(s, r, end, p, &q)) return KR_NOMEM;
      if (s->nqq == nq0) continue;
      if (v2 >= 0) {
        q->ma = np.a; q->mb = np.b;
        set_cue(q, -1, v2, part, part >= 0 ? part + 1 : -1);
        mark_used(s, v2, v2 + 1);
      } else {
        q->ma = s->qq[first].ma; q->mb = s->qq[first].mb;
        q->inherit = first;
        q->c1a = -1;
      }
    }
  }
  return KR_OK;
}

/* ---- 5. reported speech ------------------------------------------------ */

/* Mark the not-yet-used quote spans inside [ta, tb) as parts of a reported
** quote; returns whether there was one. */
static int absorb_marks(qa_state *s, int64_t ta, int64_t tb) {
  int any = 0;
  for (int64_t k = ta; k < tb; k++) {
    int32_t x = s->tok[k].span;
    if (x >= 0 && s->sp[x].state == S_NONE && s->sp[x].o >= ta) { s->sp[x].state = S_PART; any = 1; }
  }
  return any;
}

/* A sentence without its final punctuation: tokens [a, e). */
static int64_t sent_body_end(const qa_state *s, int64_t a, int64_t b) {
  int64_t e = b;
  while (e > a && tok_is_final(s, e - 1)) e--;
  return e;
}


/* "Hij geeft toe dat X, maar zegt dat Y": a second reporting verb joined
** to the first by "maar" or "en" shares its subject and reports a clause
** of its own. Looks in the content [from, e) of the verb v for ", maar|en
** VERB ... dat" with VERB in the number of v;
** returns where the first content ends (e when there is no second verb)
** and sets *v2, *part2 (its particle, or -1) and *c2 (its "dat"). */
static int plural_form(const qa_state *s, int64_t v) {
  const unsigned char *z = s->t->z;
  int64_t b0 = s->tok[v].b0, b1 = s->tok[v].b1;
  return b1 - b0 >= 3 && z[b1 - 2] == 'e' && z[b1 - 1] == 'n';
}

static int64_t coordinated_report(qa_state *s, int64_t v, int64_t from, int64_t e, int64_t *v2, int64_t *part2, int64_t *c2) {
  for (int64_t j = from; j + 2 < e; j++) {
    int64_t k = j;
    if (tok_is_char(s, k, ',')) k++;
    if (!qa_word_is(s, k, "maar") && !qa_word_is(s, k, "en")) continue;
    if (in_direct(s, k) || in_direct(s, j)) continue;
    int64_t part = -1;
    int r = verb_cue(s, k + 1, e, &part, 1);
    /* a verb in another number has another subject ("zegt dat de boeren
    ** boos zijn en eisen dat ...") */
    if (r < 0 || plural_form(s, k + 1) != plural_form(s, v)) continue;
    for (int64_t d = (part > k + 1 ? part : k + 1) + 1; d < e && d <= k + 8; d++) {
      if (tok_is_char(s, d, ',') || tok_is_final(s, d)) break;
      if (qa_word_is(s, d, "dat")) {
        *v2 = k + 1; *part2 = part; *c2 = d;
        return j;
      }
    }
  }
  return e;
}

/* Is token k a question word that opens an indirect question ("wie",
** "waarom", "hoe" ...)? */
static int question_word(const qa_state *s, int64_t k) {
  return qa_word_is(s, k, "hoe") || qa_word_is(s, k, "wat") || qa_word_is(s, k, "waarom") || qa_word_is(s, k, "wie") ||
         qa_word_is(s, k, "waar") || qa_word_is(s, k, "wanneer") || qa_word_is(s, k, "welke") || qa_word_is(s, k, "hoeveel");
}

/* Does a question mark end the words from w on (up to e and the marks
** and final signs right after it)? */
static int question_ends(const qa_state *s, int64_t w, int64_t e) {
  for (int64_t k = w; k <= e + 2 && tok_ok(s, k); k++) {
    if (tok_is_char(s, k, '?')) return 1;
    if (k >= e && !(s->tok[k].flags & (T_MARK | T_PUNCT))) return 0;
  }
  return 0;
}

/* "vindt dat de toetsen nuttig zijn, maar waarschuwt voor ...": after
** ", maar" a finite verb (a cue, an auxiliary or a frequent verb of
** function_words.tsv) goes on with the subject of the reporting verb, so
** the reported clause ends before it; so does a question word when a
** question mark ends the sentence (the speaker's own question). Returns
** that end, or e. */
static int64_t maar_verb_end(qa_state *s, int64_t from, int64_t e) {
  for (int64_t j = from; j + 2 < e; j++) {
    if (!tok_is_char(s, j, ',') || !qa_word_is(s, j + 1, "maar") || in_direct(s, j)) continue;
    int64_t w = j + 2;
    /* "zegt dat X, maar hoe doe je dat?": the speaker's own question */
    if (question_word(s, w) && question_ends(s, w, e)) return j;
    if (!is_word(s, w) || !(s->tok[w].flags & T_LOWER) || (qa_lex(s, w) & (L_DET | L_PRON | L_PREP | L_ADV | L_NEG | L_CONJ)))
      continue;
    if (qa_lex(s, w) & (L_AUX | L_VERB | L_CUE)) return j;
    /* a finite verb the lexicons do not list: a present form in -t or a
    ** weak past form in -de/-te, with an object after it ("maar sluit
    ** niets uit", "maar weigerde elk commentaar") */
    const unsigned char *z = s->t->z;
    int64_t b0 = s->tok[w].b0, b1 = s->tok[w].b1;
    int verbish = b1 - b0 >= 4 && (z[b1 - 1] == 't' || ((z[b1 - 1] == 'e') && (z[b1 - 2] == 'd' || z[b1 - 2] == 't')));
    if (verbish && w + 1 < e && is_word(s, w + 1) && !(s->tok[w + 1].flags & T_SIG)) return j;
  }
  return e;
}

static int add_reported(qa_state *s, int64_t ta, int64_t tb, int64_t ma, int64_t mb,
                        int64_t aux, int64_t v, int64_t pa, int64_t pb, double conf, qa_q **out) {
  while (ta < tb && (tok_is_char(s, ta, ',') || tok_is_char(s, ta, ':'))) ta++;
  while (tb > ta && (tok_is_char(s, tb - 1, ',') || tok_is_dash(s, tb - 1) || tok_is_char(s, tb - 1, ':'))) tb--;
  /* reported speech inside words in marks ("‘Mijn oma belde. Ze zei dat
  ** ze het niet kon uitspreken.’"): it ends at the closing mark, and the
  ** marks stay a quote of their own (absorb_marks leaves them) */
  int enclosed = 0;
  for (int64_t k = ta; k < tb; k++) {
    int32_t x = s->tok[k].span;
    if (x >= 0 && s->sp[x].o < ta) {
      enclosed = 1;
      if (s->sp[x].c >= 0 && s->sp[x].c < tb) {
        tb = s->sp[x].c;
        while (tb > ta && tok_is_final(s, tb - 1)) tb--;   /* without its full stop */
      }
    }
  }
  /* ... and it is a quote of its own only when its source differs from the
  ** speaker of the marks (GUIDELINES): a source named there ("Mijn oma zei
  ** dat"), not a pronoun, which inside a quote is mostly the speaker or
  ** the listener ("ik kan ze vertellen dat") */
  if (enclosed && ma >= 0 && mb == ma + 1 && (qa_lex(s, ma) & L_PRON)) return KR_OK;
  if (tb <= ta) return KR_OK;
  int nw = 0;
  for (int64_t k = ta; k < tb; k++) if (s->tok[k].flags & T_WORD) nw++;
  if (nw < 2) return KR_OK;
  qa_q *q;
  if (add_q(s, &q)) return KR_NOMEM;
  q->b0 = s->tok[ta].b0;
  q->b1 = s->tok[tb - 1].b1;
  q->kind = absorb_marks(s, ta, tb) ? KR_QK_MIXED : KR_QK_INDIRECT;
  q->nested = enclosed;   /* (the quote around it keeps its own speaker) */
  q->ma = ma; q->mb = mb;
  set_cue(q, aux, v, pa, pb);
  q->conf = conf;
  q->para = s->tok[ta].para;
  mark_used(s, v, v + 1);
  if (pa >= 0) mark_used(s, pa, pb);
  if (out) *out = q;
  return KR_OK;
}

/* "Volgens X ..." / "..., volgens X." / "... wil volgens X ..." */
static int volgens(qa_state *s, int64_t a, int64_t e, int64_t v, int *done) {
  qa_np np;
  int64_t f = v + 1;
  if (qa_word_is(s, v, "according")) { if (!qa_word_is(s, f, "to")) return KR_OK; f++; }
  if (!qa_np_forward(s, f, e, &np) || !subject_ok(s, &np, 0)) return KR_OK;
  int64_t after = qa_np_reach(&np);
  while (after < e && tok_is_char(s, after, ',')) after++;
  /* "Volgens X is Y ‘…’: ‘…’": the reported clause ends at the colon that
  ** opens a direct quote */
  for (int64_t j = after; j + 1 < e; j++)
    if (tok_is_char(s, j, ':') && in_direct(s, j + 1)) { e = j; break; }
  int64_t lead = a;
  while (lead < v && (qa_lex(s, lead) & (L_CONJ | L_ADV)) && !(qa_lex(s, lead) & L_DET)) lead++;
  *done = 1;
  int64_t pa = f > v + 1 ? v + 1 : -1;
  if (lead == v) return add_reported(s, after, e, np.a, np.b, -1, v, pa, pa >= 0 ? pa + 1 : -1, 0.85, NULL);
  if (after >= e) return add_reported(s, a, v, np.a, np.b, -1, v, pa, pa >= 0 ? pa + 1 : -1, 0.85, NULL);
  return add_reported(s, a, e, np.a, np.b, -1, v, pa, pa >= 0 ? pa + 1 : -1, 0.75, NULL);
}

/* The reported quote found in sentence `sent`, for "Dat zegt X". */
static int64_t quote_in_sentence(const qa_state *s, int64_t sent) {
  int64_t a = s->sent_tok[sent], b = s->sent_tok[sent + 1];
  if (a >= b) return -1;
  for (int64_t x = s->nqq - 1; x >= 0 && x >= s->nqq - 8; x--) {
    const qa_q *q = &s->qq[x];
    if (q->kind != KR_QK_EMBED && q->b0 >= s->tok[a].b0 && q->b1 <= s->tok[b - 1].b1) return x;
  }
  return -1;
}

/* A participle cue from k on, before e: the first within `span` tokens
** ("bekendgemaakt", "laten weten"). Returns it (its particle in *part) or -1. */
static int64_t participle_cue(qa_state *s, int64_t k, int64_t e, int64_t span, int64_t *part) {
  for (int64_t j = k; j < e && j < k + span; j++) {
    int64_t pp = -1;
    if (cue_row(s, j, CC_PART) >= 0 || (verb_cue(s, j, e, &pp, 0) >= 0 && pp >= 0)) { *part = pp; return j; }
  }
  return -1;
}

/* "Minister X heeft dat gisteren bevestigd." / "De club bevestigt dat.":
** the subject first, "dat" or "dit" pointing back as the object and the
** cue ending the sentence. Sets np, aux, v and part; returns 1 on a match. */
static int subject_first_dat(qa_state *s, int64_t k, int64_t e, qa_np *np, int64_t *aux, int64_t *v, int64_t *part) {
  /* a cheap test before the phrase is parsed (this runs for every
  ** sentence): "dat"/"dit" is the last word, or the last word is a cue
  ** (a participle or a particle) with "dat"/"dit" shortly before it */
  if (e - k < 3 || !is_word(s, e - 1)) return 0;
  if (!qa_word_is(s, e - 1, "dat") && !qa_word_is(s, e - 1, "dit")) {
    if (!(qa_lex(s, e - 1) & (L_CUE | L_PART)) && !(s->tok[e - 1].flags & T_LOWER)) return 0;
    int64_t x = e - 2;
    while (x > k && x >= e - 14 && !qa_word_is(s, x, "dat") && !qa_word_is(s, x, "dit")) x--;
    if (x <= k || x < e - 14) return 0;
  }
  if (!qa_np_forward(s, k, e, np) || !subject_ok(s, np, 0) || np->pron >= 0) return 0;
  int64_t j = qa_np_reach(np);
  if (j + 1 >= e) return 0;
  for (int64_t x = j; x < e; x++) if (qa_lex(s, x) & L_NEG) return 0;   /* "heeft dat niet gezegd" */
  if ((qa_lex(s, j) & L_AUX) && (qa_word_is(s, j + 1, "dat") || qa_word_is(s, j + 1, "dit"))) {
    int64_t pp = -1, m = participle_cue(s, j + 2, e, 12, &pp);
    if (m < 0 || (pp >= 0 ? pp : m) != e - 1) return 0;
    *aux = j; *v = m; *part = pp;
    return 1;
  }
  int64_t pp = -1;
  if (verb_cue(s, j, e, &pp, 0) >= 0 && pp < 0 && (qa_word_is(s, j + 1, "dat") || qa_word_is(s, j + 1, "dit")) && j + 2 == e) {
    *aux = -1; *v = j; *part = -1;
    return 1;
  }
  return 0;
}

/* "Dat zegt X." / "Dit laatste bevestigde X." / "Dat heeft X laten weten." */
static int backward(qa_state *s, int64_t sent, int64_t a, int64_t e, int *done) {
  int64_t k = a;
  while (k < e && (qa_lex(s, k) & L_CONJ)) k++;
  qa_np np;
  int64_t aux = -1, v = -1, part = -1;
  if (!(qa_word_is(s, k, "dat") || qa_word_is(s, k, "dit"))) {
    if (!subject_first_dat(s, k, e, &np, &aux, &v, &part)) return KR_OK;
  } else {
    k++;
    if (qa_word_is(s, k, "laatste") || qa_word_is(s, k, "nieuws") || qa_word_is(s, k, "bericht")) k++;
    if (k >= e) return KR_OK;
    int r = verb_cue(s, k, e, &part, 0);
    if (r >= 0) v = k;
    else if (qa_lex(s, k) & L_AUX) {
      /* the participle after the whole source phrase ("Dat heeft Vlaams
      ** minister Sofie Van den Eynde woensdag bekendgemaakt") */
      int64_t pp = -1, m = participle_cue(s, k + 1, e, 20, &pp);
      if (m >= 0) { aux = k; v = m; part = pp; }
    }
    if (v < 0) return KR_OK;
    for (int64_t j = v + 1; j < e; j++) if (qa_word_is(s, j, "dat") || qa_word_is(s, j, "of")) return KR_OK;
    int64_t f = (aux >= 0 ? aux : v) + 1;
    /* "Dat bevestigt ook de vakbond", "Dit laatste bevestigde eerder al het
    ** ACV": adverbs between the verb and its subject */
    while (f < e && f < v + 4 && (qa_lex(s, f) & L_ADV) && !(qa_lex(s, f) & (L_DET | L_PRON))) f++;
    if (!qa_np_forward(s, f, e, &np) || !subject_ok(s, &np, 0)) return KR_OK;
  }
  if (sent == 0) return KR_OK;
  int64_t ps = sent - 1;
  int64_t pa = s->sent_tok[ps], pb = s->sent_tok[ps + 1];
  if (pa >= pb || (s->para_flag[s->tok[pa].para] & P_NOQUOTE)) return KR_OK;
  if (s->tok[pa].para + 1 < s->tok[a].para) return KR_OK;
  *done = 1;
  int64_t x = quote_in_sentence(s, ps);
  qa_q *q;
  if (x >= 0) {
    qa_q *src = &s->qq[x];
    int64_t b0 = src->b0, b1 = src->b1;
    if (src->kind == KR_QK_DIRECT) return KR_OK;
    if (add_q(s, &q)) return KR_NOMEM;
    q->b0 = b0; q->b1 = b1;
    q->kind = s->qq[x].kind;
    q->ma = np.a; q->mb = np.b;
    set_cue(q, aux, v, part, part >= 0 ? part + 1 : -1);
    q->conf = 0.8;
    q->para = s->tok[a].para;
    mark_used(s, v, v + 1);
    return KR_OK;
  }
  for (int64_t j = pa; j < pb; j++) if (in_direct(s, j)) return KR_OK;
  return add_reported(s, pa, sent_body_end(s, pa, pb), np.a, np.b, aux, v, part, part >= 0 ? part + 1 : -1, 0.8, NULL);
}

/* Lemma of cue row r. */
static const char *cue_lemma(const qa_state *s, int r) { return kr_lexicon_cell(s->lx.cues, r, 1); }

static int is_negated(qa_state *s, int64_t a, int64_t b) {
  for (int64_t j = a; j < b; j++) if (qa_lex(s, j) & L_NEG) return 1;
  return 0;
}

/* "wil dat niet bevestigen": "dat" as an object pronoun, not a
** conjunction: a negation or adverb follows and the rest is too short
** for a clause with a subject and a verb. */
static int demonstrative_dat(qa_state *s, int64_t comp, int64_t e) {
  if (!qa_word_is(s, comp, "dat") || comp + 1 >= e) return comp + 1 >= e;
  if (!(qa_lex(s, comp + 1) & (L_NEG | L_ADV))) return 0;
  int nw = 0;
  for (int64_t j = comp + 1; j < e; j++) nw += (s->tok[j].flags & T_WORD) != 0;
  return nw <= 3;
}

/* "schreef het boek 'Samen op reis'": a short capitalised phrase in marks
** right after a common noun is a title, not words someone said. */
static int title_after_noun(qa_state *s, int64_t mark) {
  int32_t x = s->tok[mark].span;
  if (x < 0 || mark < 1 || mark + 1 >= s->ntok) return 0;
  const qa_span *sp = &s->sp[x];
  int64_t n = mark - 1, f = mark + 1;
  if (!(s->tok[n].flags & T_LOWER) || (qa_lex(s, n) & (L_FUNC | L_PRON | L_CUE))) return 0;
  if (!(s->tok[f].flags & T_CAP) || (qa_lex(s, f) & L_PRON)) return 0;
  if (sp->c < 0 || tok_is_final(s, sp->c - 1) || tok_is_char(s, sp->c - 1, ',')) return 0;
  return content_has_words(s, sp) <= 6;
}

/* A negated stance with a dat-clause is still a statement ("verwacht niet
** dat ..."); a refusal is not ("wil niet zeggen dat", "weet niet of"):
** no other verb between the stance verb and "dat". */
static int negated_stance(qa_state *s, int64_t v, int64_t comp, int think) {
  if (!think || comp < 2 || !qa_word_is(s, comp, "dat") || !(qa_lex(s, comp - 1) & L_NEG)) return 0;
  return comp - 1 == v + 1 || (comp - 1 == v + 2 && (qa_lex(s, v + 1) & L_PRON));
}

/* Is the complement at comp close to the verb v: nothing but the subject,
** adverbs and a negation between ("wil dat", "wil hij dat"), no second
** verb ("wilde hebben dat")? */
static int comp_next_to_verb(qa_state *s, int64_t v, int64_t comp) {
  for (int64_t j = v + 1; j < comp; j++)
    if ((qa_lex(s, j) & (L_CUE | L_AUX | L_VERB)) || !(s->tok[j].flags & T_WORD) || j > v + 4) return 0;
  return 1;
}

/* Does token k open a subordinate clause ("als", "toen", "omdat")? */
static int subordinator(qa_state *s, int64_t k) {
  return (qa_lex(s, k) & L_CONJ) && !qa_word_is(s, k, "en") && !qa_word_is(s, k, "maar") && !qa_word_is(s, k, "want") &&
         !qa_word_is(s, k, "dus") && !qa_word_is(s, k, "and") && !qa_word_is(s, k, "but");
}

/* Does a main clause follow the subordinate clause that opens [a, end)?
** After its comma Dutch puts the finite verb first ("Als er geen akkoord
** komt, volgen ook acties"): a lower-case word that is no article,
** pronoun, preposition, conjunction, adverb or cue. */
static int main_after_sub(qa_state *s, int64_t a, int64_t end) {
  for (int64_t c = a + 1; c + 1 < end; c++) {
    if (!tok_is_char(s, c, ',')) continue;
    int64_t w = c + 1;
    return is_word(s, w) && (s->tok[w].flags & T_LOWER) && !qa_is_cue(s, w) &&
           !(qa_lex(s, w) & (L_DET | L_PRON | L_PREP | L_CONJ | L_ADV | L_TIME | L_NEG));
  }
  return 0;
}

/* "<content>, meldt de politie [maandag]." without marks: a finite reporting
** verb right after a comma, its subject after it, and nothing after the
** subject but time words, adverbs and a prepositional phrase (no new
** clause). The content is the main clause before the comma, with the
** subordinate clause that may open it ("Als …, volgen …, zegt X."; but
** "Als het regent, zegt hij niets." is no report). */
static int trailing_attr(qa_state *s, int64_t a, int64_t e, int64_t v, int64_t part, const qa_np *np, int *done) {
  if (v < a + 4 || !tok_is_char(s, v - 1, ',') || (subordinator(s, a) && !main_after_sub(s, a, v - 1))) return KR_OK;
  int64_t k = qa_np_end(np);
  for (; k < e; k++) {
    if (k == part || ((qa_lex(s, k) & (L_TIME | L_ADV)) && !(qa_lex(s, k) & L_CONJ))) continue;
    if (!(qa_lex(s, k) & L_PREP)) return KR_OK;
    for (; k < e; k++)
      if (k != part && (!(s->tok[k].flags & T_WORD) || (qa_lex(s, k) & (L_CUE | L_CONJ)) || in_direct(s, k))) return KR_OK;
  }
  int nw = 0;
  for (int64_t j = a; j < v - 1; j++) {
    if (in_direct(s, j) || (s->tok[j].flags & T_USED)) return KR_OK;
    nw += (s->tok[j].flags & T_WORD) != 0;
  }
  if (nw < 3) return KR_OK;
  *done = 1;
  return add_reported(s, a, v - 1, np->a, np->b, -1, v, part, part >= 0 ? part + 1 : -1, 0.7, NULL);
}

/* One reporting verb at v in the sentence body [a, e). */
static int verb_clause(qa_state *s, int64_t a, int64_t e, int64_t v, int *done) {
  int64_t aux = -1, part = -1;
  int r = -1, think = 0;
  int pr;
  if ((pr = cue_row(s, v, CC_PART)) >= 0 || (pr = cue_row(s, v, CC_THINKPART)) >= 0) {
    /* the auxiliary may stand before a long inverted subject: "heeft
    ** minister van Sociale Zaken X (VVD) gisteravond toegezegd" */
    for (int64_t j = v - 1; j >= a && j >= v - 16 && !tok_is_char(s, j, ',') && !tok_is_final(s, j); j--)
      if (qa_lex(s, j) & L_AUX) { aux = j; break; }
    if (aux >= 0) { r = pr; think = qa_cue_class(s, pr, "thinkpart"); }
    /* a passive ("wordt gevraagd", "werd verzekerd") names no source */
    if (aux >= 0 && (qa_word_is(s, aux, "wordt") || qa_word_is(s, aux, "werd") || qa_word_is(s, aux, "worden") ||
                     qa_word_is(s, aux, "werden")))
      return KR_OK;
  }
  int dat_only = 0;
  if (aux < 0) {
    r = verb_cue(s, v, e, &part, 1);
    if (r < 0 && (r = cue_row(s, v, CC_DAT)) >= 0) dat_only = 1;
    if (r < 0) return KR_OK;
    think = dat_only || qa_cue_class(s, r, "think") || qa_cue_class(s, r, "mark");
    /* "heeft laten weten", "heeft al laten weten": an auxiliary before the
    ** verb, adverbs between them */
    if (part >= 0) {
      int64_t q = v - 1;
      while (q > a && q > v - 4 && (qa_lex(s, q) & (L_ADV | L_TIME)) && !(qa_lex(s, q) & L_AUX)) q--;
      if (q >= a && q < v && (qa_lex(s, q) & L_AUX)) aux = q;
    }
  }
  /* the clause: "dat"/"of", or marks, or "te" + infinitive; after a verb
  ** of asking also a question word, which the content keeps ("vraagt zich
  ** af wie de rekening betaalt") */
  int64_t from = (part > v ? part : v) + 1, comp = -1, mark = -1;
  const char *lem = cue_lemma(s, r);
  int ask = !strcmp(lem, "vragen") || !strcmp(lem, "zich afvragen"), wh = 0;
  for (int64_t j = v + 1; j < e && j <= from + WIN; j++) {
    if (in_direct(s, j)) break;
    if (j >= from && (qa_word_is(s, j, "dat") || qa_word_is(s, j, "of"))) {
      if (j == v + 1 || !tok_is_char(s, j - 1, ',') || 1) { comp = j; break; }
    }
    if (j >= from && ask && question_word(s, j)) { comp = j; wh = 1; break; }
    if ((s->tok[j].flags & T_MARK) && (s->tok[j].mark & M_OPEN) && s->tok[j].span >= 0 &&
        s->sp[s->tok[j].span].state == S_NONE) { mark = j; break; }
    if (tok_is_char(s, j, ',') && !(qa_word_is(s, j + 1, "dat") || qa_word_is(s, j + 1, "of"))) break;
    if (j > from && (qa_lex(s, j) & L_CONJ) && !qa_word_is(s, j, "of")) break;
    if (tok_is_char(s, j, ':')) break;
  }
  if (dat_only && (comp < 0 || !qa_word_is(s, comp, "dat") || !comp_next_to_verb(s, v, comp))) return KR_OK;
  qa_np np;
  int64_t ce = comp >= 0 ? comp : mark >= 0 ? mark : e;
  if (!find_subject(s, a, ce, v, aux, &np)) return KR_OK;
  int64_t subj_end = np.b > v ? np.b : v + 1;
  /* a negation from the finite verb on (not in a relative clause between
  ** the subject and the verb: "X, die niet genoemd wil worden, zegt") */
  if (is_negated(s, np.b <= v ? (aux >= 0 && aux < v && aux >= np.b ? aux : v) : v + 1, ce) && !negated_stance(s, v, comp, think)) return KR_OK;
  if (aux >= 0 && is_negated(s, aux, v)) return KR_OK;
  const char *lemma = cue_lemma(s, r);
  if (comp >= 0 && demonstrative_dat(s, comp, e)) return KR_OK;
  if (comp >= 0) {
    *done = 1;
    int64_t c2 = -1, v2 = -1, part2 = -1;
    int64_t e1 = coordinated_report(s, v, comp + 1, e, &v2, &part2, &c2);
    if (c2 < 0) e1 = maar_verb_end(s, comp + 1, e1);
    int rc = add_reported(s, comp + 1 - wh, e1, np.a, np.b, aux, v, part, part >= 0 ? part + 1 : -1, think ? 0.7 : 0.8, NULL);
    if (rc == KR_OK && c2 >= 0)
      rc = add_reported(s, c2 + 1, e, np.a, np.b, -1, v2, part2, part2 >= 0 ? part2 + 1 : -1, 0.7, NULL);
    return rc;
  }
  if (mark >= 0) {
    *done = 1;
    if (!strcmp(lemma, "spreken van") || (part >= 0 && qa_word_is(s, part, "van"))) {
      int32_t x = s->tok[mark].span;
      int64_t end = s->sp[x].c >= 0 ? s->sp[x].c : s->sp[x].last;
      /* "sprak van 'een slechte dag' en wees erop dat ...": a second verb
      ** of the same subject is looked at next */
      if (end + 2 < e && (qa_word_is(s, end + 1, "en") || qa_word_is(s, end + 1, "maar")) && qa_is_cue(s, end + 2)) s->resume = end + 2;
      return add_reported(s, mark, end + 1, np.a, np.b, aux, v, part, part >= 0 ? part + 1 : -1, 0.8, NULL);
    }
    int64_t start = subj_end > v ? subj_end : v + 1;
    /* "laat in een reactie weten de schade 'nauwlettend te volgen'": the
    ** content starts after the particle of a separable cue */
    if (part > start && part < mark) start = part + 1;
    int64_t end = e;
    if (title_after_noun(s, mark)) return KR_OK;
    /* "waarschuwt voor een 'loon-prijsspiraal'": a noun object in marks */
    if ((qa_lex(s, start) & L_PREP) && content_has_words(s, &s->sp[s->tok[mark].span]) <= 3) return KR_OK;
    if (qa_cue_class(s, r, "mark")) {
      /* "noemt de regels 'onwerkbaar' voor ...": the naming ends with its marks */
      int32_t x = s->tok[mark].span;
      if (s->sp[x].c >= 0 && s->sp[x].c < e) end = s->sp[x].c + 1;
      /* "noemde het 'een puinhoop' en beloofde ...": a second verb of the
      ** same subject is looked at next */
      int64_t cj = end < e && tok_is_char(s, end, ',') ? end + 1 : end;   /* "…’, maar vindt dat …" */
      if (cj < e && (qa_word_is(s, cj, "en") || qa_word_is(s, cj, "maar")) && qa_is_cue(s, cj + 1)) s->resume = cj + 1;
    }
    return add_reported(s, start, end, np.a, np.b, aux, v, part, part >= 0 ? part + 1 : -1, 0.75, NULL);
  }
  /* "De weg is dicht, meldt de politie.": the attribution after the content */
  if (np.a > v && !qa_cue_class(s, r, "mark") && aux < 0) {
    int rc = trailing_attr(s, a, e, v, part, &np, done);
    if (rc || *done) return rc;
  }
  if (think) return KR_OK;
  /* "riep Rusland op aan te tonen dat": the infinitive clause */
  int64_t st = part >= 0 ? part + 1 : subj_end;
  if (part < 0) {
    /* the object, conjoined objects included ("de bewoners en de winkeliers") */
    qa_np obj;
    for (int n = 0; n < 3 && st < e && qa_np_forward(s, st, e, &obj) && obj.a == st; n++) {
      st = obj.b;
      if (!(qa_word_is(s, st, "en") && st + 1 < e)) break;
      if (!qa_np_forward(s, st + 1, e, &obj) || obj.a != st + 1) break;
      st++;
    }
  }
  int inf = !strcmp(kr_lexicon_cell(s->lx.cues, r, 4), "inf");
  /* "vroeg de rechter om hem vrij te spreken", "beloofde voor de zomer
  ** met een plan te komen": "te" and an infinitive (-n) in the same
  ** clause; the span starts after "om" when there is one. After the
  ** particle of a separable cue, "te" may stand further away when it ends
  ** the clause ("stelde voor de kortingen vanaf 2028 te laten vervallen") */
  int64_t om = -1;
  for (int64_t j = st; j < e && j < st + WIN; j++) {
    if (tok_is_char(s, j, ',') || in_direct(s, j) || (s->tok[j].flags & T_MARK)) break;
    if (qa_word_is(s, j, "om") && om < 0) {
      if (!inf) break;   /* "schreef aan haar zus om ... te": no request or promise */
      om = j;
      continue;
    }
    if ((qa_lex(s, j) & L_CONJ) || qa_word_is(s, j, "dat")) break;
    if (qa_word_is(s, j, "te") && j + 1 < e && (s->tok[j + 1].flags & T_LOWER) &&
        s->t->z[s->tok[j + 1].b1 - 1] == 'n' && (om >= 0 || j - st <= 3 || part < 0 || j + 3 >= e)) {
      if (om >= 0) st = om + 1;
      *done = 1;
      return add_reported(s, st, e, np.a, np.b, aux, v, part, part >= 0 ? part + 1 : -1, 0.6, NULL);
    }
  }
  return KR_OK;
}

/* ", aldus X." without marks */
static int aldus(qa_state *s, int64_t a, int64_t e, int64_t v, int *done) {
  if (v <= a + 1 || !tok_is_char(s, v - 1, ',')) return KR_OK;
  qa_np np;
  if (!qa_np_forward(s, v + 1, e, &np) || !subject_ok(s, &np, 0)) return KR_OK;
  for (int64_t j = a; j < v; j++) if (in_direct(s, j)) return KR_OK;
  *done = 1;
  return add_reported(s, a, v - 1, np.a, np.b, -1, v, -1, -1, 0.8, NULL);
}

static int reported_speech(qa_state *s) {
  int64_t ci = 0;   /* the next cue word (s->cue) */
  for (int64_t sn = 0; sn < s->nsent; sn++) {
    int64_t a = s->sent_tok[sn], b = s->sent_tok[sn + 1];
    if (a >= b) continue;
    if (s->para_flag[s->tok[a].para] & P_NOQUOTE) continue;
    int64_t e = sent_body_end(s, a, b);
    /* skip a sentence opened inside a direct quote */
    int64_t a2 = a;
    while (a2 < e && in_direct(s, a2)) a2++;
    if (a2 >= e) continue;
    while (a2 < e && (tok_is_char(s, a2, ',') || (s->tok[a2].flags & T_USED))) a2++;
    /* the cue words of the sentence from a2 on: without one (most
    ** sentences) neither backward() nor a cue of its own finds anything */
    while (ci < s->ncue && s->cue[ci] < a2) ci++;
    if (ci >= s->ncue || s->cue[ci] >= e) continue;
    int done = 0;
    if (backward(s, sn, a2, e, &done)) return KR_NOMEM;
    for (; ci < s->ncue && s->cue[ci] < e && !done; ci++) {
      int64_t v = s->cue[ci];
      qa_tok *t = &s->tok[v];
      if ((t->flags & (T_USED | T_SIG)) || !qa_is_cue(s, v) || in_direct(s, v)) continue;
      int rc;
      if (cue_row(s, v, CC_ACCORDING) >= 0) rc = volgens(s, a2, e, v, &done);
      else if (cue_row(s, v, CC_AFTER) >= 0) rc = aldus(s, a2, e, v, &done);
      else rc = verb_clause(s, a2, e, v, &done);
      if (rc) return rc;
      if (done && s->resume > v) {
        /* go on from the word the match ended at */
        while (ci + 1 < s->ncue && s->cue[ci + 1] < s->resume) ci++;
        done = 0;
      }
      s->resume = -1;
    }
  }
  return KR_OK;
}

/* ---- 6. continuation quotes -------------------------------------------- */

static int cmp_q(const void *a, const void *b) {
  const qa_q *x = a, *y = b;
  if (x->b0 != y->b0) return x->b0 < y->b0 ? -1 : 1;
  if (x->ma != y->ma) return x->ma < y->ma ? -1 : 1;
  return 0;
}

/* Sort the quotes by cmp_q, stably (as the merge sort of glibc's qsort()
** does): they come as a few runs in text order (direct quotes, dash
** quotes, reported speech), which insertion sort puts together in about
** linear time without the copies of a merge sort; when there is much more
** to move, qsort() does the rest. */
static void sort_quotes(qa_q *q, int64_t n) {
  int64_t moved = 0;
  for (int64_t i = 1; i < n; i++) {
    if (cmp_q(&q[i - 1], &q[i]) <= 0) continue;
    qa_q v = q[i];
    int64_t j = i;
    while (j > 0 && cmp_q(&q[j - 1], &v) > 0) { q[j] = q[j - 1]; j--; }
    q[j] = v;
    moved += i - j;
    if (moved > 8 * n + 64) { qsort(q, (size_t)n, sizeof(qa_q), cmp_q); return; }
  }
}

static int continuations(qa_state *s) {
  for (int64_t x = 0; x < s->nsp; x++) {
    qa_span *sp = &s->sp[x];
    if (sp->depth || sp->state != S_NONE) continue;
    int64_t p = s->tok[sp->o].para;
    if ((s->para_flag[p] & P_NOQUOTE) || (s->tok[sp->o].flags & T_SIG)) continue;
    if (!sentence_like(s, sp)) continue;
    qa_q *q;
    if (add_q(s, &q)) return KR_NOMEM;
    q->kind = KR_QK_DIRECT;
    q->b0 = sp->b0;
    q->b1 = sp->b1;
    q->para = (int32_t)p;
    q->inherit = -3;   /* resolved against the quotes before it */
    q->conf = 0.7;
    sp->state = S_DIRECT;
  }
  return KR_OK;
}

/* ---- driver ------------------------------------------------------------ */

static void state_free(qa_state *s) {
  bufs_give(s);
  if (s->cache) {
    qa_ent_give(&s->cache->ep, s->ep);
    s->ep = NULL;
  }
  qa_ent_free(s);
}

void kr_qa_free(kr_qa *a) {
  kr_free(a->q);
  kr_free(a->ent);
  kr_free(a->arena);
  memset(a, 0, sizeof *a);
}

/* "Seppe De Schrijver won. ... De Schrijver zei": at the start of a
** sentence "De" is capitalised anyway, and "De Schrijver" reads as "the
** writer"; when the same capitalised particle and word stood inside a
** sentence before (a name), mark the particle T_SURNAME, so that the
** phrase parser takes it as the start of that surname. Only the
** capitalised words are visited (s->cw); the words seen are kept in a
** small ring (the last 32), so this stays linear. */
static void mark_surnames(qa_state *s) {
  int32_t seen[32];
  int nseen = 0;
  for (int64_t x = 0; x < s->ncw; x++) {
    int64_t k = s->cw[x];
    if (k + 1 >= s->ntok) break;
    const qa_tok *t = &s->tok[k], *u = &s->tok[k + 1];
    if (!(t->flags & T_CAP) || !(t->flags & T_WORD) || (t->flags & T_ALLCAP) || !(u->flags & T_CAP) ||
        !(u->flags & T_WORD) || (u->flags & T_ALLCAP) || u->type <= 0 || !(qa_lex(s, k) & L_PART) ||
        !(qa_lex(s, k) & L_DET))
      continue;
    if (!(t->flags & T_SSTART)) {
      seen[nseen++ & 31] = u->type;
      continue;
    }
    for (int j = 0; j < nseen && j < 32; j++)
      if (seen[j] == u->type) { s->tok[k].flags |= T_SURNAME; break; }
  }
}

int kr_qa_run(const kr_text *t, kr_qa *a) {
  return kr_qa_run_cached(t, a, NULL);
}

int kr_qa_run_cached(const kr_text *t, kr_qa *a, kr_qa_cache *cache) {
  qa_state s;
  memset(&s, 0, sizeof s);
  memset(a, 0, sizeof *a);
  s.t = t;
  s.cache = cache;
  s.out = a;
  s.resume = -1;
  s.epoch = 1;
  bufs_take(&s);
  if (!cache) lexset_load(&s.lx);
  else {
    if (!cache->lx_ready) {
      lexset_load(&cache->lx);
      cache->lx_ready = 1;
    }
    s.lx = cache->lx;
  }
  int rc = KR_OK;
  /* token offsets are 32-bit (qa_tok); SQLite passes no text this long */
  if (t->n >= INT32_MAX) { rc = KR_TOOBIG; goto done; }
  if (!s.lx.cues || !s.lx.pron) goto done;
  /* the strings of the result take about a byte for every sixteen of the
  ** text: room for them at once rather than by doubling from 16 bytes */
  if (kr_grow((void **)&a->arena, &a->caparena, (t->n < (1 << 20) ? t->n : (1 << 20)) / 16 + 256, 1)) { rc = KR_NOMEM; goto done; }
  if ((rc = tokenize(&s)) != KR_OK) goto done;
  mark_surnames(&s);
  if (s.ntok == 0 || s.npara == 0) goto done;
  if ((rc = pair_marks(&s)) != KR_OK) goto done;
  if ((rc = classify_paragraphs(&s)) != KR_OK) goto done;
  if ((rc = direct_quotes(&s)) != KR_OK) goto done;
  if ((rc = nested_quotes(&s)) != KR_OK) goto done;
  if ((rc = dash_quotes(&s)) != KR_OK) goto done;
  if ((rc = reported_speech(&s)) != KR_OK) goto done;
  if ((rc = continuations(&s)) != KR_OK) goto done;
  /* again, inside the quotes that only continuations made direct */
  if ((rc = nested_quotes(&s)) != KR_OK) goto done;
  /* inherit indexes refer to positions in qq: resolve split-quote links
  ** to stable keys before sorting */
  for (int64_t i = 0; i < s.nqq; i++) if (s.qq[i].inherit >= 0) s.qq[i].inherit = -100 - s.qq[s.qq[i].inherit].b0;
  sort_quotes(s.qq, s.nqq);
  rc = qa_resolve(&s);
done:
  state_free(&s);
  if (rc != KR_OK) kr_qa_free(a);
  return rc;
}
