/*
** corpus.h - the generated text of the benchmark (and of the thread test).
**
** Normal text is built from paragraphs: those of the example articles (examples/articles, *.txt)
** when they exist, otherwise (and in addition, when there are few) the
** built-in Dutch paragraphs below, written for this file. Every generated
** article shuffles paragraphs of different sources together and replaces
** names, numbers, months and weekdays, so the corpus is not one text repeated.
**
** Hostile text is a sequence of long runs, each of one pathological kind:
** quote marks, text without a space, nested quotes, date-like tokens,
** capitalised words, invalid UTF-8, sentence ends. Each run is a fixed
** fraction of the whole, so that a function that is not linear in the
** length of one run shows it when the text grows.
*/
#ifndef BENCH_CORPUS_H
#define BENCH_CORPUS_H

#include <glob.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a growable byte buffer -------------------------------------------- */

typedef struct cbuf { char *z; size_t n, cap; } cbuf;

static inline void cb_add(cbuf *b, const char *z, size_t n){
  if( b->n + n + 1 > b->cap ){
    b->cap = (b->n + n + 1) * 2 + 1024;
    b->z = realloc(b->z, b->cap);
    if( b->z == 0 ){ fprintf(stderr, "out of memory\n"); exit(2); }
  }
  memcpy(b->z + b->n, z, n);
  b->n += n;
  b->z[b->n] = 0;
}
static inline void cb_str(cbuf *b, const char *z){ cb_add(b, z, strlen(z)); }

/* ---- a reproducible random generator ------------------------------------ */

static uint64_t crand_state = 0x9E3779B97F4A7C15ull;
static inline uint64_t crand(void){
  uint64_t x = crand_state;
  x ^= x << 13; x ^= x >> 7; x ^= x << 17;
  return crand_state = x;
}
static inline size_t cpick(size_t n){ return (size_t)(crand() % n); }

/* ---- built-in paragraphs ----------------------------------------------- */

static const char *const builtin_para[] = {
  "Minister Karin de Vries van Binnenlandse Zaken zei dinsdag dat de gemeenten meer geld krijgen. \"We laten niemand in de kou staan\", aldus De Vries.",
  "Volgens burgemeester Jan Peeters van Gent is de schade groot. ‘Het water stond op sommige plaatsen een meter hoog’, zegt hij. De brandweer rukte 's nachts om 02.30 uur uit.",
  "Op 15 februari 2022 besliste de rechtbank in Amsterdam dat de zaak opnieuw moet worden behandeld. De advocaat van de verdachte, mr. P. Janssen, laat weten in hoger beroep te gaan.",
  "„Dit is een historische dag”, verklaarde premier Mark Visser na afloop van de stemming in de Tweede Kamer. De oppositie reageerde verdeeld: de SP sprak van ,,een gemiste kans''.",
  "Het kabinet trekt 3,5 miljard euro uit voor de verduurzaming van woningen. Dat staat in de plannen die vrijdag worden gepresenteerd. Eind maart volgt een debat.",
  "Trainer Erik Bakker van Ajax was na de 2-1 nederlaag tegen PSV niet te spreken over de scheidsrechter. 'Hij floot alles voor hen', zei Bakker. Zaterdag speelt de ploeg uit tegen AZ.",
  "De politie zoekt getuigen van een steekpartij in de nacht van zaterdag op zondag in Rotterdam-Zuid. Een 24-jarige man raakte zwaargewond. Wie iets heeft gezien, kan bellen met 0900-8844.",
  "Prof. dr. Anneke Smit van de Universiteit Utrecht noemt de cijfers zorgwekkend. „We zien dat het aantal besmettingen sinds begin januari verdubbeld is.” Het RIVM meldt woensdag nieuwe cijfers.",
  "In Antwerpen gingen maandag zo'n 20.000 mensen de straat op tegen de besparingen. Vakbondsleider Tom Claes sprak de menigte toe: «Wij betalen niet voor hun crisis.»",
  "De Europese Commissie wil dat lidstaten vóór 1 juli 2023 hun klimaatplannen indienen. Eurocommissaris Van den Berg liet weten dat uitstel geen optie is.",
  "Het bedrijf maakte donderdag bekend dat 450 banen verdwijnen. Een woordvoerder bevestigde dat er gesprekken met de vakbonden zijn. ‘We begrijpen dat dit hard aankomt.’",
  "Koning Willem-Alexander opent op Prinsjesdag het parlementaire jaar. Dit jaar valt de derde dinsdag van september op de 20e. De troonrede wordt traditioneel in de Ridderzaal voorgelezen.",
  "Drie weken geleden werd de brug afgesloten na een aanvaring met een binnenvaartschip. Rijkswaterstaat verwacht dat de brug over twee maanden weer open kan, meldt de NOS.",
  "\"Ik heb nooit gezegd dat het makkelijk zou worden\", zei wethouder Fatima El Amrani tijdens de raadsvergadering van woensdagavond. Zij wil het plan vóór de zomer afronden.",
  "Na de verkiezingen van 17 maart 2021 duurde de formatie 299 dagen. Informateur Johan Remkes sprak toen van ‘een uitzonderlijke situatie’.",
  "Op het festival in Werchter kwamen afgelopen weekend ruim 88.000 bezoekers af. Organisator Herman Schueremans is tevreden: 'Het was een editie om nooit te vergeten.'",
  "De rente op spaarrekeningen stijgt volgende maand naar 1,25 procent, schrijft De Nederlandsche Bank in een toelichting. Economen van ING verwachten in het tweede kwartaal een verdere stijging.",
  "Een woordvoerder van het ministerie van Defensie wilde niet ingaan op de berichtgeving. „Over operationele zaken doen wij geen mededelingen”, zei hij.",
  "Tussen 10 en 16 uur is de Coolsingel afgesloten voor alle verkeer. Vanaf maandag 3 oktober geldt een nieuwe omleiding, aldus de gemeente Rotterdam.",
  "Oud-premier J.P. Balkenende hield een lezing over de toekomst van Europa. Hij waarschuwde o.a. voor ‘een Europa van twee snelheden’ en pleitte bijv. voor een gezamenlijk leger.",
  "Het onderzoek van het Sociaal en Cultureel Planbureau toont aan dat jongeren zich vaker eenzaam voelen dan in 2019. Bijna één op de vier zegt zich regelmatig alleen te voelen.",
  "De schrijfster Hella Haasse werd in 1918 geboren in Batavia. Haar roman ‘Oeroeg’ verscheen in 1948 en is nog altijd verplichte leesstof op veel scholen.",
  "Kamerlid Sophie Hermans (VVD) vindt dat de regering sneller moet handelen. 'We praten al jaren over dit probleem en er gebeurt niets', stelt Hermans.",
  "Volgens de KNMI wordt het morgen tot 31 graden. Na het weekend koelt het af. Tijdens de hittegolf van juli 2019 werd in Gilze-Rijen 40,7 graden gemeten.",
};

static const char *const surname[] = {
  "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
  "Mulder", "de Groot", "Bos", "Peeters", "Claes", "Maes", "Willems", "Goossens",
  "Wouters", "De Smet", "Dubois", "El Amrani", "Yilmaz", "van der Meulen", "Hendriks", "Dekker",
};
static const char *const month[] = {
  "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
  "september", "oktober", "november", "december",
};
static const char *const weekday[] = {
  "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
};

typedef struct cparas { char **p; size_t n, cap; } cparas;

static inline void cp_add(cparas *ps, const char *z, size_t n){
  if( ps->n == ps->cap ){
    ps->cap = ps->cap ? ps->cap * 2 : 64;
    ps->p = realloc(ps->p, ps->cap * sizeof(char *));
    if( ps->p == 0 ) exit(2);
  }
  ps->p[ps->n] = malloc(n + 1);
  memcpy(ps->p[ps->n], z, n);
  ps->p[ps->n][n] = 0;
  ps->n++;
}

static inline void cp_free(cparas *ps){
  size_t i;
  for(i = 0; i < ps->n; i++) free(ps->p[i]);
  free(ps->p);
  memset(ps, 0, sizeof(*ps));
}

/* Every non-blank line of the example articles (examples/articles, .txt), plus the built-in
** paragraphs. Returns the number of example files read. */
static inline int corpus_paragraphs(cparas *ps){
  glob_t g;
  size_t i;
  int nfile = 0;
  if( glob("examples/articles/*.txt", 0, 0, &g) == 0 ){
    for(i = 0; i < g.gl_pathc; i++){
      FILE *f = fopen(g.gl_pathv[i], "rb");
      char line[65536];
      if( f == 0 ) continue;
      nfile++;
      while( fgets(line, sizeof(line), f) ){
        size_t n = strcspn(line, "\r\n");
        if( n > 20 ) cp_add(ps, line, n);  /* skip blank and metadata lines */
      }
      fclose(f);
    }
    globfree(&g);
  }
  for(i = 0; i < sizeof(builtin_para) / sizeof(builtin_para[0]); i++){
    cp_add(ps, builtin_para[i], strlen(builtin_para[i]));
  }
  return nfile;
}

static inline int starts_with_word(const char *z, const char *w){
  size_t n = strlen(w);
  return strncmp(z, w, n) == 0 && !((z[n] >= 'a' && z[n] <= 'z') || (unsigned char)z[n] >= 0x80);
}

/* Append paragraph p to b with its names, numbers, months and weekdays
** varied: digits get new random digits, a month or weekday becomes another,
** and a capitalised word after a lower-case word (not at a sentence start)
** becomes a random surname once in a while. */
static inline void vary_paragraph(cbuf *b, const char *p){
  int prev_lower = 0;
  while( *p ){
    size_t k;
    int done = 0;
    if( *p >= '0' && *p <= '9' ){
      char d = (char)('0' + cpick(10));
      if( d == '0' ) d = '1';
      cb_add(b, &d, 1);
      p++;
      prev_lower = 0;
      continue;
    }
    for(k = 0; k < 12 && !done; k++){
      if( starts_with_word(p, month[k]) ){
        cb_str(b, month[cpick(12)]);
        p += strlen(month[k]);
        done = 1;
      }
    }
    for(k = 0; k < 7 && !done; k++){
      if( starts_with_word(p, weekday[k]) ){
        cb_str(b, weekday[cpick(7)]);
        p += strlen(weekday[k]);
        done = 1;
      }
    }
    if( !done && prev_lower && *p >= 'A' && *p <= 'Z' && cpick(4) == 0 ){
      cb_str(b, surname[cpick(sizeof(surname) / sizeof(surname[0]))]);
      while( (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ) p++;
      done = 1;
    }
    if( done ){ prev_lower = 1; continue; }
    prev_lower = (*p >= 'a' && *p <= 'z') || (prev_lower && *p == ' ');
    cb_add(b, p, 1);
    p++;
  }
}

/* One article of about `size` bytes: a date line, then paragraphs drawn from
** every source. */
static inline void corpus_article(cbuf *b, const cparas *ps, size_t size){
  size_t start = b->n;
  char head[64];
  snprintf(head, sizeof(head), "date %04d-%02d-%02d\n", 2000 + (int)cpick(24),
           1 + (int)cpick(12), 1 + (int)cpick(28));
  cb_str(b, head);
  while( b->n - start < size ){
    vary_paragraph(b, ps->p[cpick(ps->n)]);
    cb_str(b, "\n");
  }
}

/* Normal text of exactly about `size` bytes, as one text (paragraphs of
** many articles). */
static inline void corpus_normal(cbuf *b, const cparas *ps, size_t size){
  while( b->n < size ) corpus_article(b, ps, 4096);
}

/* ---- hostile text --------------------------------------------------------- */

/* Append `unit` to b until `n` more bytes were added. */
static inline void repeat_to(cbuf *b, const char *unit, size_t n){
  size_t end = b->n + n, k = strlen(unit);
  while( b->n < end ) cb_add(b, unit, k);
}

static const char *const hostile_unit[] = {
  "\xe2\x80\x98",                               /* ‘ ‘ ‘ ... one long run of opening marks */
  "ditisgeenspatiemaarwelheellangzonderenige", /* no space, no line break */
  "\xe2\x80\x9c'\xe2\x80\x98\xc2\xab\xe2\x80\x9e\"", /* nested quote openers “'‘«„" */
  "15-02-2022 3 mei 14.30 uur dinsdag ",        /* date-like tokens */
  "Jan Piet Kees Van Der Berg Amsterdam ",      /* capitalised words in a row */
  "\xc0\xaf\xed\xa0\x80\xf8\x88\x80\x80\x80\x80\xe2\x82\xff\x00", /* invalid UTF-8, NUL */
  "Dhr. J. P. o.a. zei: ",                      /* dots, initials, cues */
  "\xe2\x80\x9d zegt hij. \xe2\x80\x9c",       /* alternating close/open around cues */
};

/* Hostile text of about `size` bytes: one run of each kind above. */
static inline void corpus_hostile(cbuf *b, size_t size){
  size_t nk = sizeof(hostile_unit) / sizeof(hostile_unit[0]), k;
  for(k = 0; k < nk; k++){
    /* the invalid-UTF-8 unit holds a NUL, so it is added with its length */
    if( k == 5 ){
      size_t end = b->n + size / nk;
      while( b->n < end ) cb_add(b, hostile_unit[k], 15);
    }else{
      repeat_to(b, hostile_unit[k], size / nk);
    }
  }
}

#endif
