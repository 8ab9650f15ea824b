/*
** text.h - the UTF-8 text view every krant function works on.
**
** Characters are counted exactly as SQLite counts them (SQLITE_SKIP_UTF8):
** a byte >= 0xC0 starts a character that takes every continuation byte
** (0x80..0xBF) after it; any other byte, a stray continuation byte or a NUL
** included, is one character by itself. So a 1-based character position
** computed here agrees with substr() and length() in SQL, even on malformed
** UTF-8. A character that is not well-formed UTF-8 decodes to U+FFFD.
**
** Paragraphs: every line break ends a paragraph; lines holding only white
** space are not paragraphs. Paragraphs are numbered from 1.
**
** Sentences: Dutch sentence segmentation. A sentence ends at '.', '!', '?'
** or '…' (possibly followed by closing quote marks and brackets) when white
** space and the start of a new sentence follow, and at the end of every
** paragraph. Abbreviations (from the lexicon abbreviations.tsv), initials
** ("J.P. Balkenende"), numbers ("3.5 miljoen", "14.30 uur") and ordinal or
** enumeration dots do not end a sentence.
*/
#ifndef KR_TEXT_H
#define KR_TEXT_H

#include "kr.h"

typedef struct kr_text {
  const unsigned char *z; /* the bytes; need not be NUL-terminated */
  int64_t n;              /* number of bytes */
  int64_t nchar;          /* number of characters, as SQLite counts them */
  int64_t *ckpt;          /* ckpt[k]: character index of byte k*KR_CKPT (see text.c) */
  int64_t nckpt;
  /* the last position looked up, so that spans reported in text order are
  ** converted by scanning forward from it (a view belongs to one call) */
  int64_t memo_b, memo_count;
  int memo_in;
} kr_text;

#define KR_CKPT 64

/* Set up a view of z[0..n). Returns KR_OK or KR_NOMEM. The bytes are not
** copied: they must outlive the view. */
int kr_text_init(kr_text *t, const char *z, int64_t n);
void kr_text_free(kr_text *t);

/* 0-based character index of byte offset b (0 <= b <= n). A byte offset
** inside a character maps to that character. */
int64_t kr_text_char_at(const kr_text *t, int64_t b);

/* Number of characters in the byte range [b0, b1). */
int64_t kr_text_nchar(const kr_text *t, int64_t b0, int64_t b1);

/* Decode the character that starts at byte i (i < n) of z. Sets *len to
** its byte length (>= 1) and returns its code point, or 0xFFFD when the
** character is not well-formed UTF-8 (overlong, surrogate, > U+10FFFF,
** truncated, or a stray continuation byte). */
uint32_t kr_decode(const unsigned char *z, int64_t n, int64_t i, int *len);

/* Byte offset of the start of the character before byte i (i > 0). */
int64_t kr_prev_char(const unsigned char *z, int64_t i);

/* Character classes on code points (Latin, Greek, Cyrillic and the common
** punctuation of news text; no locale). */
int kr_is_space(uint32_t c);   /* white space incl. NBSP, thin space */
int kr_is_alpha(uint32_t c);   /* letters, incl. accented Latin */
int kr_is_upper(uint32_t c);
int kr_is_lower(uint32_t c);
int kr_is_digit(uint32_t c);   /* ASCII digits only */
int kr_is_alnum(uint32_t c);
uint32_t kr_to_lower(uint32_t c);

/* Is z[0..n) valid UTF-8 throughout (no stray continuation byte, no
** overlong form, no surrogate, nothing above U+10FFFF, no truncated
** sequence)? The strict test, the same as PCRE2's: a caller may then
** skip PCRE2's own check of every match (PCRE2_NO_UTF_CHECK). */
int kr_utf8_valid(const unsigned char *z, int64_t n);

/* Append the UTF-8 encoding of c to buf (at least 4 bytes free); returns
** the number of bytes written. */
int kr_encode(uint32_t c, char *buf);

/* Lower-case (and NFC-agnostic: accents kept) the UTF-8 of z[0..n) into
** out (capacity cap bytes). Returns the bytes written, or -1 when out is
** too small. Invalid UTF-8 becomes U+FFFD. */
int64_t kr_lower_utf8(const unsigned char *z, int64_t n, char *out, int64_t cap);

/* Quote marks. kr_quote_mark() classifies a code point:
**   0 not a mark, else a bitmask of KR_QM_* describing how it may be used. */
#define KR_QM_OPEN   1  /* can open a quote */
#define KR_QM_CLOSE  2  /* can close a quote */
#define KR_QM_SINGLE 4  /* single-style mark (‘ ’ ' ‚ ‹ ›) */
#define KR_QM_DOUBLE 8  /* double-style mark (“ ” " „ « ») */
int kr_quote_mark(uint32_t c);

/* Paragraphs and sentences. */
typedef struct kr_sentence {
  int64_t b0, b1;     /* byte range, without surrounding white space */
  int32_t paragraph;  /* 1-based */
} kr_sentence;

typedef struct kr_paragraph {
  int64_t b0, b1;     /* byte range of the line, without surrounding white space */
} kr_paragraph;

typedef struct kr_segments {
  kr_paragraph *para;
  int64_t npara, cappara;
  kr_sentence *sent;
  int64_t nsent, capsent;
} kr_segments;

/* Split t into paragraphs and sentences. Returns KR_OK or KR_NOMEM (then
** seg is left empty). Linear in the length of the text. */
int kr_segment(const kr_text *t, kr_segments *seg);
/* The same in the arrays seg already has (from an earlier kr_segment() or
** kr_segment_into(), or all zero), so that a caller that segments one text
** after another allocates them once. */
int kr_segment_into(const kr_text *t, kr_segments *seg);
void kr_segments_free(kr_segments *seg);

/* Sentence breaks one terminal at a time, for a caller that walks the text
** itself (the quote tokenizer, ext/core/quotes.c), so that it need not
** segment the text in a pass of its own: kr_segment() is built on the same
** test, so both split alike. kr_seg_lex holds the lexicons the test reads
** (set up once per text by kr_seg_lex_init()). */
typedef struct kr_seg_lex {
  const struct kr_lexicon *abbr, *func, *pron, *part;
  int64_t maxlen;        /* the longest abbreviation, without its final dot */
} kr_seg_lex;
void kr_seg_lex_init(kr_seg_lex *lx);

/* Trim white space from both ends of [*b0, *b1) (a paragraph is a line so
** trimmed). */
void kr_trim_space(const unsigned char *z, int64_t *b0, int64_t *b1);

/* In a paragraph that ends at byte p1 (trimmed), whose current sentence
** starts at byte s0: does the character at byte i (s0 <= i < p1) end the
** sentence? Returns the byte where the next sentence starts, or -1.
** *resume gets the end of the run of terminal punctuation and closing
** marks at i (the byte after the character at i when that is no
** terminal): the sentence ends there when it breaks; when it does not, no
** terminal before *resume ends a sentence either (kr_segment() looks for
** the next one from there). */
int64_t kr_sentence_break(const kr_seg_lex *lx, const unsigned char *z, int64_t s0, int64_t i, int64_t p1,
                          int64_t *resume);

#endif
