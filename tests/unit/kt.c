/* kt.c - see kt.h. */
#include "kt.h"
#include "core/kr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long kt_pass, kt_fail;
static long fail_after = -1, allocs;

void kt_check(int ok, const char *file, int line, const char *expr){
  if( ok ){ kt_pass++; return; }
  kt_fail++;
  printf("FAIL %s:%d: %s\n", file, line, expr);
}

void kt_str(const char *got, const char *want, const char *file, int line, const char *expr){
  if( (got == 0 && want == 0) || (got && want && strcmp(got, want) == 0) ){ kt_pass++; return; }
  kt_fail++;
  printf("FAIL %s:%d: %s\n  got:  %s\n  want: %s\n", file, line, expr,
         got ? got : "(null)", want ? want : "(null)");
}

void kt_int(long long got, long long want, const char *file, int line, const char *expr){
  if( got == want ){ kt_pass++; return; }
  kt_fail++;
  printf("FAIL %s:%d: %s\n  got:  %lld\n  want: %lld\n", file, line, expr, got, want);
}

void kt_fail_alloc_after(long n){ fail_after = n; allocs = 0; }
long kt_alloc_count(void){ return allocs; }

static int should_fail(void){
  allocs++;
  return fail_after >= 0 && allocs > fail_after;
}

void *kr_malloc(size_t n){ return should_fail() ? 0 : malloc(n ? n : 1); }
void *kr_realloc(void *p, size_t n){ return should_fail() ? 0 : realloc(p, n ? n : 1); }
void kr_free(void *p){ free(p); }
