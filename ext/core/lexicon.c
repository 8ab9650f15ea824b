/*
** lexicon.c - look-ups in the compiled language resources (see lexicon.h).
** The tables are static, sorted and indexed by a static hash table built
** by lexgen, so a look-up is a hash and a probe, without allocation or
** shared mutable state.
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

/* Does row's key equal key[0..n)? */
static int key_eq(const kr_lexicon *lx, int row, const char *key, size_t n){
  size_t c = (size_t)row * (size_t)lx->ncol;
  return (size_t)lx->len[c] == n && memcmp(lx->cell[c], key, n) == 0;
}

int kr_lexicon_find_h(const kr_lexicon *lx, const char *key, size_t n, unsigned h){
  unsigned i;
  if( lx == 0 || lx->nrow == 0 ) return -1;
  for(i = h & lx->hmask; lx->hash[i] >= 0; i = (i + 1) & lx->hmask){
    if( key_eq(lx, lx->hash[i], key, n) ) return lx->hash[i];
  }
  return -1;
}

int kr_lexicon_find(const kr_lexicon *lx, const char *key, size_t n){
  return kr_lexicon_find_h(lx, key, n, kr_lexicon_hash(key, n));
}

int kr_lexicon_key_is(const kr_lexicon *lx, int row, const char *key, size_t n){
  return lx && row >= 0 && row < lx->nrow && key_eq(lx, row, key, n);
}

const char *kr_lexicon_cell(const kr_lexicon *lx, int row, int col){
  if( lx == 0 || row < 0 || row >= lx->nrow || col < 0 || col >= lx->ncol ) return "";
  return lx->cell[(size_t)row * (size_t)lx->ncol + (size_t)col];
}
