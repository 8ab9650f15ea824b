/*
** fuzz_core.h - shared by the core fuzz targets (core_*.c).
**
** A target defines  static int run(const uint8_t *z, size_t n)  that runs
** one parser on the input, checks its invariants (abort() on a violation, so
** libFuzzer reports it) and returns KR_OK or KR_NOMEM. This file provides
** LLVMFuzzerTestOneInput: the input is parsed once normally, then once more
** with an allocation failure injected at a point chosen from the input, where
** the parser must return KR_NOMEM (or finish, when it needs fewer
** allocations) without leaking or crashing.
*/
#ifndef FUZZ_CORE_H
#define FUZZ_CORE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/kr.h"
#include "core/text.h"

#include "kt.h"   /* the unit tests' malloc-based allocator with its failure injector */

#define FUZZ_ASSERT(c) do{ if( !(c) ){ fprintf(stderr, "invariant failed: %s (%s:%d)\n", #c, __FILE__, __LINE__); abort(); } }while(0)

static int run(const uint8_t *z, size_t n);

/* The input is NOT NUL-terminated: the parsers must never read z[n]. The
** copy in a buffer of exactly n bytes lets ASan catch such a read. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size){
  uint8_t *z = malloc(size ? size : 1);
  long total;
  uint32_t h = 2166136261u;
  size_t i;
  int rc;
  for(i = 0; i < size; i++){ z[i] = data[i]; h = (h ^ data[i]) * 16777619u; }
  kt_fail_alloc_after(-1);
  rc = run(z, size);
  FUZZ_ASSERT(rc == KR_OK);
  total = kt_alloc_count();
  if( total > 0 ){
    kt_fail_alloc_after((long)(h % (uint32_t)total));
    rc = run(z, size);
    FUZZ_ASSERT(rc == KR_OK || rc == KR_NOMEM);
    kt_fail_alloc_after(-1);
  }
  free(z);
  return 0;
}

/* The character-offset identities every span must satisfy: within the text,
** and character positions that agree with a plain count. */
static void check_span(const kr_text *t, int64_t b0, int64_t b1){
  FUZZ_ASSERT(0 <= b0 && b0 <= b1 && b1 <= t->n);
  FUZZ_ASSERT(kr_text_char_at(t, b0) <= kr_text_char_at(t, b1));
  FUZZ_ASSERT(kr_text_char_at(t, b1) <= t->nchar);
}

#endif
