/*
** kr.h - common definitions of the krant analysis core.
**
** The core (everything under ext/core/) works on UTF-8 byte buffers and
** returns plain structs. It knows nothing of SQLite: the glue layer in ext/
** turns its results into SQL values.
**
** Memory: the core allocates only through kr_malloc/kr_realloc/kr_free.
** These are declared here and defined by whoever links the core: the
** extension defines them on top of sqlite3_malloc64 (so SQLite's memory
** limits and test hooks apply), the unit tests on top of malloc with an
** optional failure injector. Every core function that allocates reports
** failure with KR_NOMEM and leaves its outputs empty; none aborts.
*/
#ifndef KR_H
#define KR_H

#include <stddef.h>
#include <stdint.h>

#define KR_OK     0
#define KR_NOMEM  1
#define KR_TOOBIG 2

void *kr_malloc(size_t n);
void *kr_realloc(void *p, size_t n);
void kr_free(void *p);

/* A half-open byte range [b0, b1) of a text. */
typedef struct kr_span {
  int64_t b0, b1;
} kr_span;

/* Grow *pArr (of element size sz, *pCap elements) so that it holds at
** least `need` elements. Returns KR_OK or KR_NOMEM (the array is kept). */
int kr_grow(void **pArr, int64_t *pCap, int64_t need, size_t sz);

/* The capacity kr_grow() grows an array of cap elements of sz bytes to,
** so that it holds need, in *pNew; KR_NOMEM when that many elements and
** `extra` bytes more would not fit in a size_t. */
int kr_grow_cap(int64_t cap, int64_t need, size_t sz, size_t extra, int64_t *pNew);

#endif
