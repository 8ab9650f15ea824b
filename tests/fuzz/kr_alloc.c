/*
** kr_alloc.c - the core's allocator for the core fuzz targets: malloc, with
** a failure injector so that every target also walks its KR_NOMEM paths.
** fuzz_fail_after(n): allocation n+1 and every later one fail; -1 never.
*/
#include "core/kr.h"
#include <stdlib.h>

static long fail_after = -1, allocs;

void fuzz_fail_after(long n){ fail_after = n; allocs = 0; }
long fuzz_alloc_count(void){ return allocs; }

static int should_fail(void){
  allocs++;
  return fail_after >= 0 && allocs > fail_after;
}

void *kr_malloc(size_t n){ return should_fail() ? 0 : malloc(n ? n : 1); }
void *kr_realloc(void *p, size_t n){ return should_fail() ? 0 : realloc(p, n ? n : 1); }
void kr_free(void *p){ free(p); }
