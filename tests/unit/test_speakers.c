/*
** test_speakers.c - unit tests of speaker resolution (ext/core/speakers.c).
*/
#include <string.h>
#include "kt.h"
#include "core/quotes.h"

static const char *S(const kr_qa *a, kr_str s) { const char *z = kr_qa_str(a, s); return z ? z : "NULL"; }

void test_speakers(void) {
  kr_text t;
  kr_qa a;
  const char *z;

  /* the fullest form is canonical; particles and sort name */
  z = "Van der Meulen zei dat het plan deugt. ‘Dit is goed’, zegt Kamerlid Pieter van der Meulen (VVD).";
  KT_CHECK(kr_text_init(&t, z, (int64_t)strlen(z)) == KR_OK);
  KT_INT(kr_qa_run(&t, &a), KR_OK);
  KT_INT(a.nent, 1);
  KT_STR(S(&a, a.ent[0].name), "Pieter van der Meulen");
  KT_STR(S(&a, a.ent[0].particle), "van der");
  KT_STR(S(&a, a.ent[0].sort_name), "Meulen, Pieter van der");
  KT_STR(S(&a, a.ent[0].org), "VVD");
  KT_INT(a.ent[0].nquotes, 2);
  kr_qa_free(&a);
  kr_text_free(&t);

  /* pronouns follow gender; an honorific tells it */
  z = "Mevrouw Jansen en trainer Jan Dijkstra spraken elkaar. ‘Het was goed’, zei ze.";
  KT_CHECK(kr_text_init(&t, z, (int64_t)strlen(z)) == KR_OK);
  KT_INT(kr_qa_run(&t, &a), KR_OK);
  KT_INT(a.nq, 1);
  KT_CHECK(a.q[0].entity >= 0);
  if (a.q[0].entity >= 0) {
    KT_STR(S(&a, a.ent[a.q[0].entity].name), "Jansen");
    KT_INT(a.ent[a.q[0].entity].gender, 'f');
  }
  kr_qa_free(&a);
  kr_text_free(&t);

  /* an acronym joins its organisation; organisations have no gender */
  z = "Het Openbaar Ministerie laat weten dat de zaak stopt. Volgens het OM is er te weinig bewijs.";
  KT_CHECK(kr_text_init(&t, z, (int64_t)strlen(z)) == KR_OK);
  KT_INT(kr_qa_run(&t, &a), KR_OK);
  KT_INT(a.nent, 1);
  KT_STR(S(&a, a.ent[0].name), "Openbaar Ministerie");
  KT_INT(a.ent[0].kind, KR_EK_ORG);
  KT_INT(a.ent[0].gender, 0);
  kr_qa_free(&a);
  kr_text_free(&t);

  /* Flemish capitalised particle */
  z = "‘De begroting klopt’, zegt N-VA-voorzitter Bart De Wever.";
  KT_CHECK(kr_text_init(&t, z, (int64_t)strlen(z)) == KR_OK);
  KT_INT(kr_qa_run(&t, &a), KR_OK);
  KT_STR(S(&a, a.ent[0].sort_name), "De Wever, Bart");
  KT_STR(S(&a, a.ent[0].role), "N-VA-voorzitter");
  kr_qa_free(&a);
  kr_text_free(&t);
}
