/*
** core_quotes.c - fuzz target for the quotes core (kr_qa_run): every quote
** and mention span in bounds, quotes in text order, entity indexes valid,
** every arena string inside the arena, confidence within 0..1, and the
** same rows with the word cache as without.
*/
#include "fuzz_core.h"
#include "core/quotes.h"
#include <string.h>

static void check_str(const kr_qa *a, kr_str s){
  if( s.off < 0 ) return;
  FUZZ_ASSERT(s.n >= 0 && s.off + s.n <= a->narena);
}

/* Do two strings of two analyses agree? */
static int same_str(const kr_qa *a, kr_str x, const kr_qa *b, kr_str y){
  if( x.off < 0 || y.off < 0 ) return x.off < 0 && y.off < 0;
  return x.n == y.n && memcmp(a->arena + x.off, b->arena + y.off, (size_t)x.n) == 0;
}

/* The word cache must not change the results: a second analysis with a
** cache kept across every input gives exactly the rows of the first. */
static void check_cached(const kr_text *t, const kr_qa *a){
  static kr_qa_cache *cache;
  kr_qa b;
  int64_t i;
  if( cache == 0 ) cache = kr_qa_cache_new();
  if( cache == 0 ) return;
  memset(&b, 0, sizeof(b));
  if( kr_qa_run_cached(t, &b, cache) == KR_OK ){
    FUZZ_ASSERT(b.nq == a->nq && b.nent == a->nent);
    for(i = 0; i < a->nq; i++){
      const kr_quote *x = &a->q[i], *y = &b.q[i];
      FUZZ_ASSERT(x->b0 == y->b0 && x->b1 == y->b1 && x->kind == y->kind && x->entity == y->entity);
      FUZZ_ASSERT(x->m0 == y->m0 && x->m1 == y->m1 && x->confidence == y->confidence);
      FUZZ_ASSERT(x->paragraph == y->paragraph && same_str(a, x->cue, &b, y->cue));
    }
    for(i = 0; i < a->nent; i++){
      const kr_entity *x = &a->ent[i], *y = &b.ent[i];
      FUZZ_ASSERT(x->kind == y->kind && x->gender == y->gender && x->f0 == y->f0 && x->f1 == y->f1);
      FUZZ_ASSERT(x->nquotes == y->nquotes && x->nwords == y->nwords && x->nmentions == y->nmentions);
      FUZZ_ASSERT(same_str(a, x->name, &b, y->name) && same_str(a, x->role, &b, y->role));
      FUZZ_ASSERT(same_str(a, x->org, &b, y->org) && same_str(a, x->aliases, &b, y->aliases));
      FUZZ_ASSERT(same_str(a, x->given, &b, y->given) && same_str(a, x->particle, &b, y->particle));
      FUZZ_ASSERT(same_str(a, x->surname, &b, y->surname) && same_str(a, x->sort_name, &b, y->sort_name));
    }
  }
  kr_qa_free(&b);
}

static int run(const uint8_t *z, size_t n){
  kr_text t;
  kr_qa a;
  int64_t i;
  int rc = kr_text_init(&t, (const char *)z, (int64_t)n);
  if( rc ) return rc;
  memset(&a, 0, sizeof(a));
  rc = kr_qa_run(&t, &a);
  if( rc == KR_OK ){
    int64_t last = 0;
    for(i = 0; i < a.nq; i++){
      const kr_quote *q = &a.q[i];
      check_span(&t, q->b0, q->b1);
      FUZZ_ASSERT(q->b0 >= last);
      last = q->b0;
      FUZZ_ASSERT(q->kind >= 0 && q->kind <= 3);
      FUZZ_ASSERT(q->entity >= -1 && q->entity < a.nent);
      if( q->m0 >= 0 ) check_span(&t, q->m0, q->m1);
      FUZZ_ASSERT(q->confidence >= 0 && q->confidence <= 1);
      check_str(&a, q->cue);
    }
    for(i = 0; i < a.nent; i++){
      const kr_entity *e = &a.ent[i];
      FUZZ_ASSERT(e->kind >= 0 && e->kind <= 2);
      check_str(&a, e->name); check_str(&a, e->role); check_str(&a, e->org);
      check_str(&a, e->given); check_str(&a, e->particle); check_str(&a, e->surname);
      check_str(&a, e->sort_name); check_str(&a, e->aliases);
      if( e->f0 >= 0 ) check_span(&t, e->f0, e->f1);
    }
    check_cached(&t, &a);
  }
  kr_qa_free(&a);
  kr_text_free(&t);
  return rc;
}
