/*
** lexicon.c - look-ups in the compiled language resources (see lexicon.h).
** The tables are static and sorted, so every look-up is a binary search
** without allocation or shared mutable state.
*/
#include "lexicon.h"
#include <string.h>

const kr_lexicon *kr_lexicon_get(const char *name){
  int lo = 0, hi = kr_nlexicons - 1;
  while( lo <= hi ){
    int mid = (lo + hi) / 2;
    int c = strcmp(kr_lexicons[mid]->name, name);
    if( c == 0 ) return kr_lexicons[mid];
    if( c < 0 ) lo = mid + 1; else hi = mid - 1;
  }
  return 0;
}

/* Compare row's key with key[0..n) in byte order (a shorter prefix first). */
static int cmp_key(const kr_lexicon *lx, int row, const char *key, size_t n){
  const char *k = lx->cell[(size_t)row * (size_t)lx->ncol];
  size_t kn = (size_t)lx->len[(size_t)row * (size_t)lx->ncol];
  int c = memcmp(k, key, kn < n ? kn : n);
  if( c ) return c;
  return kn < n ? -1 : kn > n ? 1 : 0;
}

int kr_lexicon_find(const kr_lexicon *lx, const char *key, size_t n){
  int lo = 0, hi, found = -1;
  if( lx == 0 ) return -1;
  hi = lx->nrow - 1;
  while( lo <= hi ){
    int mid = (lo + hi) / 2;
    int c = cmp_key(lx, mid, key, n);
    if( c == 0 ){ found = mid; hi = mid - 1; }
    else if( c < 0 ) lo = mid + 1;
    else hi = mid - 1;
  }
  return found;
}

int kr_lexicon_key_is(const kr_lexicon *lx, int row, const char *key, size_t n){
  return lx && row >= 0 && row < lx->nrow && cmp_key(lx, row, key, n) == 0;
}

const char *kr_lexicon_cell(const kr_lexicon *lx, int row, int col){
  if( lx == 0 || row < 0 || row >= lx->nrow || col < 0 || col >= lx->ncol ) return "";
  return lx->cell[(size_t)row * (size_t)lx->ncol + (size_t)col];
}
