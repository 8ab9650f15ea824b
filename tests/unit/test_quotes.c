/*
** test_quotes.c - unit tests of the quote analysis core (ext/core/quotes.c).
*/
#include <string.h>
#include "kt.h"
#include "core/quotes.h"

/* Run the analysis of z; returns the number of quotes (-1 on failure). */
static int64_t run(const char *z, kr_text *t, kr_qa *a) {
  if (kr_text_init(t, z, (int64_t)strlen(z))) return -1;
  if (kr_qa_run(t, a)) { kr_text_free(t); return -1; }
  return a->nq;
}

static void done(kr_text *t, kr_qa *a) { kr_qa_free(a); kr_text_free(t); }

static const char *speaker(const kr_qa *a, int64_t i) {
  return a->q[i].entity < 0 ? "" : kr_qa_str(a, a->ent[a->q[i].entity].name);
}

void test_quotes(void) {
  kr_text t;
  kr_qa a;
  const char *z;

  /* quote first, then a continuation that inherits the speaker */
  z = "‘Het is voorbij’, zegt Marieke Bos. ‘Ik stop.’";
  KT_INT(run(z, &t, &a), 2);
  KT_INT(a.q[0].kind, KR_QK_DIRECT);
  KT_INT(a.q[0].b0, 3);                    /* after the 3-byte mark */
  KT_STR(speaker(&a, 0), "Marieke Bos");
  KT_STR(kr_qa_str(&a, a.q[0].cue), "zegt");
  KT_STR(speaker(&a, 1), "Marieke Bos");
  KT_CHECK(a.q[1].cue.off < 0);
  done(&t, &a);

  /* speaker first with a colon; the mention is the whole phrase */
  z = "Burgemeester Ahmed Marcouch zegt: ‘We moeten praten.’";
  KT_INT(run(z, &t, &a), 1);
  KT_INT(a.q[0].m1 - a.q[0].m0, (int64_t)strlen("Burgemeester Ahmed Marcouch"));
  done(&t, &a);

  /* indirect speech and volgens */
  z = "Minister Hugo de Jonge zei dat de regels blijven. Volgens de politie is het rustig.";
  KT_INT(run(z, &t, &a), 2);
  KT_INT(a.q[0].kind, KR_QK_INDIRECT);
  KT_STR(speaker(&a, 0), "Hugo de Jonge");
  KT_STR(kr_qa_str(&a, a.q[1].cue), "volgens");
  done(&t, &a);

  /* apostrophes are not quote marks */
  z = "De VVD’ers gingen ’s avonds met zo’n tien auto’s naar huis.";
  KT_INT(run(z, &t, &a), 0);
  done(&t, &a);

  /* an unclosed quote ends at its paragraph */
  z = "Annet Vos zei: ‘Dit stopt nooit\nDe rest.";
  KT_INT(run(z, &t, &a), 1);
  KT_INT(a.q[0].b1, (int64_t)strlen("Annet Vos zei: ‘Dit stopt nooit"));
  done(&t, &a);

  /* bad input: only marks, NUL bytes, invalid UTF-8 */
  {
    static const char bad[] = "\xe2\x80\x98\x00\xff\xe2\x80\x99\xfe\"\"''";
    KT_CHECK(kr_text_init(&t, bad, (int64_t)sizeof bad - 1) == KR_OK);
    KT_INT(kr_qa_run(&t, &a), KR_OK);
    KT_INT(a.nq, 0);
    done(&t, &a);
  }

  /* allocation failure is reported, never a crash or a leak */
  z = "‘Ja’, zegt Jan de Vries. Hij zei dat het kan.";
  KT_CHECK(kr_text_init(&t, z, (int64_t)strlen(z)) == KR_OK);
  int nomem = 0;
  for (long n = 0; n < 40; n++) {
    kt_fail_alloc_after(n);
    int rc = kr_qa_run(&t, &a);
    kt_fail_alloc_after(-1);
    if (rc == KR_NOMEM) { nomem++; KT_CHECK(a.nq == 0 && a.q == NULL); }
    kr_qa_free(&a);
  }
  KT_CHECK(nomem > 0);
  kr_text_free(&t);
}
