/*
** core_quotes.c - fuzz target for the quotes core (kr_qa_run): every quote
** and mention span in bounds, quotes in text order, entity indexes valid,
** every arena string inside the arena, confidence within 0..1.
*/
#include "fuzz_core.h"
#include "core/quotes.h"
#include <string.h>

static void check_str(const kr_qa *a, kr_str s){
  if( s.off < 0 ) return;
  FUZZ_ASSERT(s.n >= 0 && s.off + s.n <= a->narena);
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
  }
  kr_qa_free(&a);
  kr_text_free(&t);
  return rc;
}
