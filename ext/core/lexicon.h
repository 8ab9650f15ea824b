/*
** lexicon.h - language resources compiled into the library.
**
** Every file ext/lexicon/nl/NAME.tsv becomes the lexicon "NAME". A lexicon
** file is UTF-8 text that a linguist can read and edit: one entry per line,
** fields separated by TAB characters, '#' starts a comment line, blank lines
** are ignored. The first line of the file that starts with '#:' names the
** columns (documentation only). The first field is the key. Keys are matched
** exactly, byte for byte, so lexicons hold lower-case keys and callers
** lower-case what they look up (kr_lower_utf8).
**
** At build time ext/tools/lexgen.c turns the files into static, sorted
** tables with a static hash index (build/lexicon_data.c): a look-up is one
** hash and usually one comparison; no parsing, no allocation, nothing
** mutable at run time.
*/
#ifndef KR_LEXICON_H
#define KR_LEXICON_H

#include <stddef.h>

typedef struct kr_lexicon {
  const char *name;          /* file name without .tsv */
  int ncol;                  /* widest row; missing cells are "" */
  int nrow;
  const char *const *cell;   /* nrow * ncol cells, rows sorted by key */
  const int *len;            /* byte length of each cell */
  const int *hash;           /* open-addressing index: first row of a key, or -1 */
  unsigned hmask;            /* size of hash - 1 (a power of two minus one) */
} kr_lexicon;

/* The hash the index is built with (32-bit FNV-1a over the key's bytes).
** Callers that look one word up in several lexicons hash it once and use
** kr_lexicon_find_h(). */
static inline unsigned kr_lexicon_hash(const char *key, size_t n){
  unsigned h = 2166136261u;
  size_t i;
  for(i = 0; i < n; i++){
    h ^= (unsigned char)key[i];
    h *= 16777619u;
  }
  return h;
}

/* The lexicon called name, or NULL when there is none. */
const kr_lexicon *kr_lexicon_get(const char *name);

/* Index of the first row whose key is exactly key[0..n), or -1. Rows with
** the same key are adjacent: scan forward while kr_lexicon_key_is() holds. */
int kr_lexicon_find(const kr_lexicon *lx, const char *key, size_t n);
/* The same with h = kr_lexicon_hash(key, n) already computed. */
int kr_lexicon_find_h(const kr_lexicon *lx, const char *key, size_t n, unsigned h);
int kr_lexicon_key_is(const kr_lexicon *lx, int row, const char *key, size_t n);

/* Cell (row, col) as a NUL-terminated string ("" when absent). */
const char *kr_lexicon_cell(const kr_lexicon *lx, int row, int col);

/* All lexicons, for krant_debug() and the tests. */
extern const kr_lexicon *const kr_lexicons[];
extern const int kr_nlexicons;

#endif
