/*
** date_int.h - internals shared by the files of the date engine
** (dates.c: tokenizer and matchers; date_cal.c: calendar and values).
*/
#ifndef KR_DATE_INT_H
#define KR_DATE_INT_H

#include "dates.h"

/* Granularity of a value. */
enum {
  G_NONE = 0,   /* unresolved (no reference) or impossible: NULL */
  G_DAY,        /* YYYY-MM-DD */
  G_DT,         /* YYYY-MM-DDTHH:MM */
  G_DPART,      /* YYYY-MM-DDTMO|AF|EV|NI, x = part index */
  G_MONTH,      /* YYYY-MM */
  G_YEAR,       /* YYYY */
  G_WEEK,       /* YYYY-Www (y = ISO year, x = week) */
  G_WE,         /* YYYY-Www-WE */
  G_SEASON,     /* YYYY-SP|SU|FA|WI, x = season index */
  G_QUARTER,    /* YYYY-Qx */
  G_HALF,       /* YYYY-Hx */
  G_DECADE,     /* YYY, x = the decade (199 for the 1990s) */
  G_CENT,       /* YY, x = the century (19 for the 1900s) */
  G_LIT         /* a literal value: PAST_REF, P3W, XXXX-WXX-2 ... */
};

/* Parts of the day and seasons, in the order of their codes. */
#define DP_MO 0
#define DP_AF 1
#define DP_EV 2
#define DP_NI 3
extern const char *const kr_dpart_code[4];   /* "MO", "AF", "EV", "NI" */
extern const char *const kr_season_code[4];  /* "SP", "SU", "FA", "WI" */

typedef struct dval {
  int g;            /* G_* */
  int type;         /* KR_DATE_* */
  int y, m, d, hh, mi;
  int x;
  char lit[24];     /* G_LIT */
  char point[32];   /* see kr_date.point */
} dval;

/* Calendar arithmetic (proleptic Gregorian, days since 1970-01-01). */
int kr_dim(int y, int m);                    /* days in month */
int kr_weekday(int64_t day);                 /* 1 = Monday .. 7 = Sunday */
void kr_iso_week(int64_t day, int *wy, int *wn);
int64_t kr_iso_monday(int wy, int wn);
int kr_valid_ymd(int y, int m, int d);
/* Add n months to y-m (result month 1..12). */
void kr_add_months(int *y, int *m, int n);

/* Set v to the day `day` (granularity G_DAY). */
void dval_day(dval *v, int64_t day);

/* Format v into out->value, out->first, out->last, out->type and
** out->point. An impossible value or a year outside 1..9999 gives "". */
void dval_format(const dval *v, kr_date *out);

#endif
