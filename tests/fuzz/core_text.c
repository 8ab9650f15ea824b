/*
** core_text.c - fuzz target for the text core: kr_text_init (character
** counting, checked against a plain count the SQLite way), kr_decode on
** every character, and kr_segment (paragraphs and sentences: in bounds, in
** order, not overlapping, trimmed, never empty).
*/
#include "fuzz_core.h"

static int run(const uint8_t *z, size_t n){
  kr_text t;
  kr_segments seg;
  int64_t i, count = 0, prev = 0;
  int rc = kr_text_init(&t, (const char *)z, (int64_t)n);
  if( rc ) return rc;
  /* characters as SQLite counts them: a lead byte >= 0xC0 takes the
  ** continuation bytes after it, every other byte is one character */
  for(i = 0; i < (int64_t)n; i++){
    int cont = (z[i] & 0xC0) == 0x80 && i > 0 && count > 0 && prev;
    if( !cont ){
      FUZZ_ASSERT(kr_text_char_at(&t, i) == count);
      count++;
      prev = z[i] >= 0xC0;
    }
  }
  FUZZ_ASSERT(t.nchar == count);
  for(i = 0; i < (int64_t)n; ){
    int len;
    uint32_t c = kr_decode(z, (int64_t)n, i, &len);
    FUZZ_ASSERT(len >= 1 && i + len <= (int64_t)n);
    FUZZ_ASSERT(c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF));
    i += len;
  }
  rc = kr_segment(&t, &seg);
  if( rc == KR_OK ){
    int64_t last = 0;
    for(i = 0; i < seg.nsent; i++){
      const kr_sentence *s = &seg.sent[i];
      check_span(&t, s->b0, s->b1);
      FUZZ_ASSERT(s->b1 > s->b0);
      FUZZ_ASSERT(s->b0 >= last);
      FUZZ_ASSERT(s->paragraph >= 1 && s->paragraph <= seg.npara);
      last = s->b1;
    }
    last = 0;
    for(i = 0; i < seg.npara; i++){
      check_span(&t, seg.para[i].b0, seg.para[i].b1);
      FUZZ_ASSERT(seg.para[i].b0 >= last);
      last = seg.para[i].b1;
    }
    kr_segments_free(&seg);
  }
  kr_text_free(&t);
  return rc;
}
