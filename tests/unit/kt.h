/*
** kt.h - the smallest test harness: checks count as test cases, failures
** are printed with file and line, and the runner prints the totals.
**
** A suite is tests/unit/test_NAME.c defining `void test_NAME(void)`; the
** Makefile lists every such file in build/unit_list.h.
*/
#ifndef KT_H
#define KT_H

#include <stdint.h>

extern long kt_pass, kt_fail;

void kt_check(int ok, const char *file, int line, const char *expr);
void kt_str(const char *got, const char *want, const char *file, int line, const char *expr);
void kt_int(long long got, long long want, const char *file, int line, const char *expr);

#define KT_CHECK(c)  kt_check(!!(c), __FILE__, __LINE__, #c)
#define KT_STR(g, w) kt_str((g), (w), __FILE__, __LINE__, #g)
#define KT_INT(g, w) kt_int((long long)(g), (long long)(w), __FILE__, __LINE__, #g)

/* The core's allocator in the tests is malloc, with a failure injector:
** after kt_fail_alloc_after(n), allocation number n+1 and every later one
** fail until kt_fail_alloc_after(-1). */
void kt_fail_alloc_after(long n);
long kt_alloc_count(void);

#endif
