/*
** core_dates.c - fuzz target for the dates core. The input is a text,
** optionally followed by byte 0x1F and a reference date. Runs
** kr_dref_parse on the reference, kr_dates_extract and kr_date_parse on the
** text, and checks: spans in bounds and in text order, types valid, every
** value a NUL-terminated string within its field, first_day/last_day either
** empty or YYYY-MM-DD with first <= last.
*/
#include "fuzz_core.h"
#include "core/dates.h"
#include <string.h>

static int is_day(const char *s){
  int i;
  if( s[0] == 0 ) return 1;
  if( strlen(s) != 10 || s[4] != '-' || s[7] != '-' ) return 0;
  for(i = 0; i < 10; i++) if( i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') ) return 0;
  return 1;
}

static int run(const uint8_t *z, size_t n){
  static kr_date_lex lx;
  static int init;
  kr_dref ref;
  kr_dates d;
  char out[32];
  const uint8_t *sep = memchr(z, 0x1F, n);
  int64_t nt = sep ? (int64_t)(sep - z) : (int64_t)n, i, last = 0;
  int rc;
  if( !init ){
    FUZZ_ASSERT(kr_date_lex_init(&lx) == KR_OK);
    init = 1;
  }
  memset(&ref, 0, sizeof(ref));
  if( sep ){
    kr_dref_parse(&lx, (const char *)sep + 1, (int64_t)(n - (size_t)nt - 1), &ref);
  }else{
    kr_dref_parse(&lx, "2022-02-16", 10, &ref);
  }
  if( kr_date_parse(&lx, (const char *)z, nt, &ref, out) ){
    FUZZ_ASSERT(memchr(out, 0, sizeof(out)) != 0 && out[0] != 0);
  }
  memset(&d, 0, sizeof(d));
  rc = kr_dates_extract(&lx, (const char *)z, nt, &ref, &d);
  if( rc == KR_OK ){
    for(i = 0; i < d.n; i++){
      const kr_date *e = &d.a[i];
      FUZZ_ASSERT(0 <= e->b0 && e->b0 < e->b1 && e->b1 <= nt);
      FUZZ_ASSERT(e->b0 >= last);
      last = e->b0;
      FUZZ_ASSERT(e->type >= KR_DATE_DATE && e->type <= KR_DATE_SET);
      FUZZ_ASSERT(memchr(e->value, 0, sizeof(e->value)) != 0);
      FUZZ_ASSERT(memchr(e->point, 0, sizeof(e->point)) != 0);
      FUZZ_ASSERT(memchr(e->first, 0, sizeof(e->first)) && is_day(e->first));
      FUZZ_ASSERT(memchr(e->last, 0, sizeof(e->last)) && is_day(e->last));
      FUZZ_ASSERT(!e->first[0] || !e->last[0] || strcmp(e->first, e->last) <= 0);
    }
  }
  kr_dates_free(&d);
  return rc;
}
