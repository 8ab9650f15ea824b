/*
** date_cal.c - calendar arithmetic and the formatting of date values for
** the date engine: days since 1970-01-01 <-> civil dates (Howard
** Hinnant's algorithms), ISO weeks, Easter by the Gregorian computus, and
** TIMEX3 values with the first and last day they cover.
*/
#include "date_int.h"
#include <string.h>

const char *const kr_dpart_code[4] = { "MO", "AF", "EV", "NI" };
const char *const kr_season_code[4] = { "SP", "SU", "FA", "WI" };

int64_t kr_days_from_civil(int y, int m, int d){
  int64_t yy = (int64_t)y - (m <= 2);
  int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
  int64_t yoe = yy - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void kr_civil_from_days(int64_t z, int *y, int *m, int *d){
  int64_t era, doe, yoe, doy, mp, yy;
  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  yy = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yy + (*m <= 2));
}

int kr_dim(int y, int m){
  static const int n[12] = { 31,28,31,30,31,30,31,31,30,31,30,31 };
  if( m < 1 || m > 12 ) return 0;
  if( m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ) return 29;
  return n[m - 1];
}

int kr_valid_ymd(int y, int m, int d){
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= kr_dim(y, m);
}

int kr_weekday(int64_t day){
  return (int)(((day % 7) + 7 + 3) % 7) + 1;   /* 1970-01-01 was a Thursday */
}

void kr_iso_week(int64_t day, int *wy, int *wn){
  int64_t thu = day + 4 - kr_weekday(day);     /* the Thursday of that week */
  int y, m, d;
  kr_civil_from_days(thu, &y, &m, &d);
  *wy = y;
  *wn = (int)((thu - kr_days_from_civil(y, 1, 1)) / 7) + 1;
}

int64_t kr_iso_monday(int wy, int wn){
  int64_t jan4 = kr_days_from_civil(wy, 1, 4);
  return jan4 - (kr_weekday(jan4) - 1) + 7 * (int64_t)(wn - 1);
}

void kr_add_months(int *y, int *m, int n){
  int t = *y * 12 + (*m - 1) + n;
  *y = t >= 0 ? t / 12 : -((11 - t) / 12);
  *m = t - *y * 12 + 1;
}

/* Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
void kr_easter(int y, int *m, int *d){
  int a = y % 19, b = y / 100, c = y % 100, dd = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - dd - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int mm = (a + 11 * h + 22 * l) / 451;
  *m = (h + l - 7 * mm + 114) / 31;
  *d = ((h + l - 7 * mm + 114) % 31) + 1;
}

void dval_day(dval *v, int64_t day){
  v->g = G_DAY;
  kr_civil_from_days(day, &v->y, &v->m, &v->d);
}

/* ---- formatting ---------------------------------------------------------- */

static char *put_num(char *p, int v, int width){
  char tmp[12];
  int n = 0;
  if( v < 0 ){ *p++ = '-'; v = -v; }
  do{ tmp[n++] = (char)('0' + v % 10); v /= 10; }while( v );
  while( n < width ){ tmp[n++] = '0'; }
  while( n ) *p++ = tmp[--n];
  return p;
}

/* Two digits, 00..99. */
static char *put2(char *p, int v){
  p[0] = (char)('0' + v / 10); p[1] = (char)('0' + v % 10);
  return p + 2;
}

/* Four digits; y is 1..9999 here. */
static char *put4(char *p, int y){
  return put2(put2(p, y / 100), y % 100);
}

static char *put_ymd(char *p, int y, int m, int d){
  p = put4(p, y); *p++ = '-';
  p = put2(p, m); *p++ = '-';
  return put2(p, d);
}

static void set_day(char *out, int64_t day){
  int y, m, d;
  kr_civil_from_days(day, &y, &m, &d);
  if( y < 1 || y > 9999 ){ out[0] = 0; return; }
  *put_ymd(out, y, m, d) = 0;
}

static void set_range(kr_date *o, int64_t a, int64_t b){
  set_day(o->first, a);
  set_day(o->last, b);
  if( !o->first[0] || !o->last[0] ){ o->first[0] = 0; o->last[0] = 0; }
}

/* The bounds from y-m1-d1 to y-m2-d2 of one year (y in 1..9999), written
** without converting to days. */
static void set_range_ymd(kr_date *o, int y, int m1, int d1, int m2, int d2){
  *put_ymd(o->first, y, m1, d1) = 0;
  *put_ymd(o->last, y, m2, d2) = 0;
}

void dval_format(const dval *v, kr_date *o){
  char *p = o->value;
  int y = v->y;
  o->type = v->type;
  o->value[0] = o->first[0] = o->last[0] = 0;
  memcpy(o->point, v->point, sizeof o->point);
  if( v->g == G_NONE ) return;
  if( v->g == G_LIT ){
    size_t n = strlen(v->lit);
    memcpy(o->value, v->lit, n + 1);
    return;
  }
  if( v->g == G_DECADE ){ y = v->x * 10; }
  if( v->g == G_CENT ){ y = v->x * 100 + 1; }
  if( y < 1 || y > 9999 ) return;
  switch( v->g ){
    case G_DAY: case G_DT: case G_DPART: {
      if( !kr_valid_ymd(v->y, v->m, v->d) ) return;
      p = put_ymd(p, v->y, v->m, v->d);
      if( v->g == G_DT ){
        *p++ = 'T'; p = put2(p, v->hh); *p++ = ':'; p = put2(p, v->mi);
      }else if( v->g == G_DPART ){
        *p++ = 'T'; memcpy(p, kr_dpart_code[v->x & 3], 2); p += 2;
      }
      *p = 0;
      memcpy(o->first, o->value, 10); o->first[10] = 0;
      memcpy(o->last, o->value, 10); o->last[10] = 0;
      return;
    }
    case G_MONTH:
      if( v->m < 1 || v->m > 12 ) return;
      p = put4(p, v->y); *p++ = '-'; p = put2(p, v->m); *p = 0;
      set_range_ymd(o, v->y, v->m, 1, v->m, kr_dim(v->y, v->m));
      return;
    case G_YEAR:
      *put4(p, v->y) = 0;
      set_range_ymd(o, v->y, 1, 1, 12, 31);
      return;
    case G_WEEK: case G_WE: {
      int64_t mon = kr_iso_monday(v->y, v->x);
      p = put_num(p, v->y, 4); *p++ = '-'; *p++ = 'W'; p = put_num(p, v->x, 2);
      if( v->g == G_WE ){ memcpy(p, "-WE", 3); p += 3; set_range(o, mon + 5, mon + 6); }
      else set_range(o, mon, mon + 6);
      *p = 0;
      return;
    }
    case G_SEASON: {
      /* the bounds the evaluation uses: astronomical seasons, rounded */
      static const int b[4][4] = { {3,20,6,20}, {6,21,9,22}, {9,23,12,20}, {12,21,3,19} };
      const int *s = b[v->x & 3];
      p = put_num(p, v->y, 4); *p++ = '-'; memcpy(p, kr_season_code[v->x & 3], 2); p[2] = 0;
      set_range(o, kr_days_from_civil(v->y, s[0], s[1]),
                kr_days_from_civil(v->y + (v->x == 3), s[2], s[3]));
      return;
    }
    case G_QUARTER: case G_HALF: {
      int len = v->g == G_QUARTER ? 3 : 6, m0 = 1 + len * (v->x - 1), m1 = m0 + len - 1;
      if( v->x < 1 || m1 > 12 ) return;
      p = put_num(p, v->y, 4); *p++ = '-'; *p++ = v->g == G_QUARTER ? 'Q' : 'H';
      *p++ = (char)('0' + v->x); *p = 0;
      set_range(o, kr_days_from_civil(v->y, m0, 1), kr_days_from_civil(v->y, m1, kr_dim(v->y, m1)));
      return;
    }
    case G_DECADE:
      *put_num(p, v->x, 3) = 0;
      set_range(o, kr_days_from_civil(v->x * 10, 1, 1), kr_days_from_civil(v->x * 10 + 9, 12, 31));
      return;
    case G_CENT:
      *put_num(p, v->x, 2) = 0;
      set_range(o, kr_days_from_civil(v->x * 100 > 0 ? v->x * 100 : 1, 1, 1),
                kr_days_from_civil(v->x * 100 + 99, 12, 31));
      return;
  }
}
