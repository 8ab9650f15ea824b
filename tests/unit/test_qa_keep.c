/*
** test_qa_keep.c - the analysis with a cache (kr_qa_run_cached) keeps its
** arrays and word types from one text to the next; its results must be
** those of a run without a cache, whatever came before.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kt.h"
#include "core/quotes.h"

/* Do a and b hold the same quotes and entities? */
static int same_qa(const kr_qa *a, const kr_qa *b) {
  if (a->nq != b->nq || a->nent != b->nent) return 0;
  for (int64_t i = 0; i < a->nq; i++) {
    const kr_quote *x = &a->q[i], *y = &b->q[i];
    if (x->b0 != y->b0 || x->b1 != y->b1 || x->kind != y->kind || x->entity != y->entity ||
        x->m0 != y->m0 || x->m1 != y->m1 || x->confidence != y->confidence || x->paragraph != y->paragraph)
      return 0;
    const char *cx = kr_qa_str(a, x->cue), *cy = kr_qa_str(b, y->cue);
    if ((cx == NULL) != (cy == NULL) || (cx && strcmp(cx, cy))) return 0;
  }
  for (int64_t e = 0; e < a->nent; e++) {
    const kr_entity *x = &a->ent[e], *y = &b->ent[e];
    if (x->kind != y->kind || x->gender != y->gender || x->nquotes != y->nquotes || x->nwords != y->nwords ||
        strcmp(kr_qa_str(a, x->name), kr_qa_str(b, y->name)))
      return 0;
  }
  return 1;
}

/* Analyse z with cache c and without one; are the results the same? */
static int same_with_cache(const char *z, kr_qa_cache *c) {
  kr_text t;
  kr_qa a, b;
  if (kr_text_init(&t, z, (int64_t)strlen(z))) return 0;
  int ok = kr_qa_run_cached(&t, &a, c) == KR_OK;
  if (ok && kr_qa_run(&t, &b) == KR_OK) {
    ok = same_qa(&a, &b);
    kr_qa_free(&b);
  } else {
    ok = 0;
  }
  kr_qa_free(&a);
  kr_text_free(&t);
  return ok;
}

/* Analyse z with cache c while allocation n fails: does it end in success
** or KR_NOMEM (never anything else)? */
static int failing_run(const char *z, kr_qa_cache *c, long n) {
  kr_text t;
  kr_qa a;
  if (kr_text_init(&t, z, (int64_t)strlen(z)) != KR_OK) return 1;
  kt_fail_alloc_after(n);
  int rc = kr_qa_run_cached(&t, &a, c);
  kt_fail_alloc_after(-1);
  kr_qa_free(&a);
  kr_text_free(&t);
  return rc == KR_OK || rc == KR_NOMEM;
}

/* A text of n distinct made-up words from number from on (n above
** TYPES_KEEP: more word types than the cache keeps), with a quote at the
** end. */
static char *many_words(int from, int n) {
  char *z = malloc((size_t)n * 16 + 200), *p = z;
  for (int i = from; i < from + n; i++) p += sprintf(p, "%s%05d ", i % 3 ? "woord" : "Naam", i);
  strcpy(p, "\n‘Dit is het einde’, zegt Pieter de Graaf.");
  return z;
}

void test_qa_keep(void) {
  static const char *const texts[] = {
    "‘Het is voorbij’, zegt Marieke Bos. ‘Ik stop.’",
    "Burgemeester Ahmed Marcouch zegt: ‘We moeten praten.’\nDe minister zei dat het kabinet het plan steunt.",
    "Volgens woordvoerder Els Peeters van de gemeente Gent is het plan klaar. Zij zegt: ‘Dat is goed nieuws.’",
    "‘Wij wisten van niets”, zegt ze. Ëén Ĳsselmeer-visser vertelt: ‘Het water is te warm.’",
    "Een woord van meer dan veertig letters: Kindercarnavalsoptochtvoorbereidingswerkzaamhedenplan. "
    "‘Dat klopt niet’, aldus de ZEGSMAN.",
  };
  int nt = (int)(sizeof texts / sizeof texts[0]);
  kr_qa_cache *c = kr_qa_cache_new();
  KT_CHECK(c != NULL);
  if (!c) return;
  /* every text after every other one, twice over */
  int ok = 1;
  for (int round = 0; round < 2; round++)
    for (int i = 0; i < nt; i++)
      for (int j = 0; j < nt; j++) ok &= same_with_cache(texts[i], c) && same_with_cache(texts[j], c);
  KT_CHECK(ok);
  /* more word types than are kept (TYPES_KEEP, 14000): the next text
  ** keeps only those of the most recent texts, here none */
  char *big = many_words(0, 20000);
  KT_CHECK(same_with_cache(big, c));
  ok = 1;
  for (int i = 0; i < nt; i++) ok &= same_with_cache(texts[i], c);
  KT_CHECK(ok);
  KT_CHECK(same_with_cache(big, c));
  KT_CHECK(same_with_cache(texts[0], c));
  free(big);
  /* texts of 3000 new words each: the table fills up, and keeps the
  ** words of the last texts (and the short texts' words met between
  ** them); every result is still that of a run without a cache */
  ok = 1;
  for (int k = 0; k < 12; k++) {
    char *mid = many_words(30000 + 2000 * k, 3000);   /* a third of the words also in the next text */
    ok &= same_with_cache(mid, c) && same_with_cache(texts[k % nt], c);
    free(mid);
  }
  KT_CHECK(ok);
  /* the numbers of the analyses wrap after 65535 of them: a type kept
  ** since before must still be new to the analysis after */
  ok = 1;
  for (int k = 0; k < 65540; k++) {
    const char *z = k < 65520 ? (k % 2 ? "Ja, zegt Jan." : "Nee.") : texts[k % 2 ? 1 : 2];
    if (k < 65520) {
      kr_text t;
      kr_qa a;
      if (kr_text_init(&t, z, (int64_t)strlen(z)) == KR_OK) {
        ok &= kr_qa_run_cached(&t, &a, c) == KR_OK;
        kr_qa_free(&a);
        kr_text_free(&t);
      }
    } else {
      ok &= same_with_cache(z, c);
    }
  }
  KT_CHECK(ok);
  /* an allocation failure at any point leaves a cache that still gives
  ** the right results */
  ok = 1;
  for (long n = 0; n < 40; n++) ok &= failing_run(texts[n % nt], c, n) && same_with_cache(texts[(n + 1) % nt], c);
  KT_CHECK(ok);
  /* ... also when it fails in the analysis that compacts a full table of
  ** kept types (more than TYPES_KEEP) */
  ok = 1;
  char *mids[4] = {many_words(60000, 3600), many_words(64000, 3600), many_words(68000, 3600), many_words(72000, 3600)};
  for (long n = 0; n < 12; n++) {
    /* more than 14000 types (and fewer than 16384, whose arrays are kept):
    ** the run below keeps those of the last texts */
    for (int k = 0; k < 4; k++) ok &= same_with_cache(mids[k], c);
    ok &= failing_run(texts[(n + 1) % nt], c, n) && same_with_cache(texts[(n + 2) % nt], c);
  }
  for (int k = 0; k < 4; k++) free(mids[k]);
  KT_CHECK(ok);
  kr_qa_cache_free(c);
}
