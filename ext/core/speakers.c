/*
** speakers.c - who is speaking: source phrases, entities and coreference.
**
** A source phrase (qa_np) is parsed left to right with a small grammar:
**   [det] [nationality|adjective]* [role [van PORTFOLIO]]* [NAME] [van X]
**   [(bracket)] [, apposition ,]
** where NAME is a run of capitalised words, initials and name particles
** ("Pieter van der Meulen", "Van der Meulen", "J.P. Balkenende").
**
** Entities are built in text order from every source phrase at a quote and
** from every name in the narrative that is clearly a person (a role,
** honorific, age or known given name next to it). A name joins an entity
** with the same surname (and no conflicting given name), so the canonical
** name is the fullest form in the article; an acronym joins the
** organisation whose initials it spells ("OM" - "Openbaar Ministerie"); a
** pronoun goes to the most recent compatible person (gender-aware); a
** definite role noun ("de minister", "het ziekenhuis") to the most recent
** entity with that role or head noun. The search looks back over a bounded
** number of recent mentions, so resolution is linear in the article.
*/
#include <string.h>
#include <stdlib.h>
#include "qa_int.h"

const char *const kr_entity_kind_name[3] = {"person", "organisation", "anonymous"};

/* name_word_compute() is not inlined into name_word(), so that the test
** of the computed value, done millions of times, is inlined everywhere. */
#if defined(__GNUC__) || defined(__clang__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

#define NP_MAX   18   /* tokens in a source phrase */
#define LOOKBACK 48   /* recent mentions searched for an antecedent */
#define MAX_ALIAS 16

/* ---- token predicates -------------------------------------------------- */


/* A role written in capitals ("CEO", "CFO"), not an organisation's acronym. */
static int allcap_role(qa_state *s, int64_t i) {
  uint32_t lx = qa_lex(s, i);
  return (s->tok[i].flags & T_ALLCAP) && (lx & L_ROLE) && !(lx & (L_ORG | L_PARTY | L_PLACE | L_FUNC));
}

static inline int is_particle(qa_state *s, int64_t i);

/* Column col of the row of lexicon lx whose key is the word at i, lower
** case; "" when the word is not in lx. */
static const char *word_cell(qa_state *s, const kr_lexicon *lx, int64_t i, int col) {
  char w[48];
  int n = qa_lower(s, i, w, sizeof w);
  return kr_lexicon_cell(lx, n > 0 && lx ? qa_lookup(s, lx, w, (size_t)n) : -1, col);
}

/* Is the particle at i one that is mostly a preposition (particles.tsv,
** position prep: op, in, uit, te)? (A flag of its word type.) */
static int particle_prep(qa_state *s, int64_t i) {
  return (qa_lex(s, i) & L_PPREP) != 0;
}

/* A capitalised word that can be part of a name: 1, or 2 for a
** capitalised particle that may start one ("Van"), else 0. */
static NOINLINE int name_word_compute(qa_state *s, int64_t i) {
  if (!is_word(s, i) || (s->tok[i].flags & T_SIG)) return 0;
  if (s->tok[i].flags & T_INITIAL) return 1;
  if (!(s->tok[i].flags & T_CAP)) return 0;
  uint32_t lx = qa_lex(s, i);
  /* "OM", "VS", "NOS"; but "CEO", "CFO" are roles ("CEO Maarten Oldenkamp") */
  if (s->tok[i].flags & T_ALLCAP) return !allcap_role(s, i);
  /* a given name that is also a function word ("An", "Ben", "Wil") right
  ** before a capitalised surname: "bioloog An Verstraeten" */
  if ((lx & L_FUNC) && (lx & L_GIVEN) && !(lx & (L_PRON | L_CUE | L_HON | L_NAT | L_PART)) &&
      is_word(s, i + 1) && (s->tok[i + 1].flags & T_CAP) &&
      !(s->tok[i + 1].flags & (T_SSTART | T_ALLCAP | T_SIG)) &&
      !(qa_lex(s, i + 1) & (L_FUNC | L_PRON | L_CUE | L_ROLE | L_HON | L_NAT | L_PLACE | L_ORG)))
    return 1;
  /* "de Europese Commissie", "de Nederlandse Vereniging van Banken": an
  ** adjective of nationality in capitals before a capitalised word that is
  ** no given name belongs to a body's name ("de Vlaamse Maria Peeters":
  ** it does not) */
  if ((lx & L_NAT) && !(lx & (L_FUNC | L_PRON | L_CUE | L_HON)) && is_word(s, i + 1) && (s->tok[i + 1].flags & T_CAP) &&
      !(i >= 2 && is_particle(s, i - 1) && is_particle(s, i - 2)) &&   /* not inside "X van de Europese Commissie" */
      !(s->tok[i + 1].flags & (T_SIG | T_ALLCAP | T_SSTART)) &&
      !(qa_lex(s, i + 1) & (L_GIVEN | L_FUNC | L_PRON | L_ROLE | L_NAT | L_HON | L_PART | L_CUE)))
    return 1;
  if ((lx & L_PART) && (s->tok[i].flags & T_SSTART) && particle_prep(s, i) && !is_particle(s, i + 1))
    return 0;   /* "Op Facebook schreef de burgemeester" */
  if (lx & (L_FUNC | L_PRON | L_CUE | L_HON | L_NAT)) return (lx & L_PART) && !(lx & L_DET) ? 2 : 0;
  /* "Vakbond FNV eist ...", "Onderzoeksbureau Ipsos meldt ...": a noun
  ** for a kind of body opening a sentence before the body's name is that
  ** noun, not the first word of the name (organisations.tsv, generic) */
  if ((s->tok[i].flags & T_SSTART) && (lx & L_ORG) && !(lx & (L_GIVEN | L_PARTY | L_PLACE | L_ROLE)) &&
      is_word(s, i + 1) && (s->tok[i + 1].flags & T_CAP) && !(s->tok[i + 1].flags & T_SIG) &&
      !(qa_lex(s, i + 1) & (L_PART | L_FUNC | L_PRON | L_ORG)))
    return 0;
  /* "Economen van ING", "Ingewijden": a word for an unnamed group is no name */
  if ((lx & L_ANON) && !(lx & L_GIVEN)) return 0;
  /* a contracted Flemish particle ("Vanden Berghe") that is no given name */
  if ((lx & L_PART) && !(lx & L_GIVEN) && s->tok[i].b1 - s->tok[i].b0 >= 4) return 2;
  if ((lx & L_ROLE) && !(s->tok[i].flags & T_ALLCAP)) {
    /* a given name that is also a noun ("Noor", "Bakker") before a surname */
    if (!(lx & L_GIVEN) || !is_word(s, i + 1) || (s->tok[i + 1].flags & T_SSTART)) return 0;
    if (s->tok[i + 1].flags & T_CAP) return !(qa_lex(s, i + 1) & (L_FUNC | L_ROLE));
    /* "Noor el Amrani": a lower-case particle and a capitalised surname */
    return (s->tok[i + 1].flags & T_LOWER) && (qa_lex(s, i + 1) & L_PART) && is_word(s, i + 2) &&
           (s->tok[i + 2].flags & T_CAP) && !(qa_lex(s, i + 2) & (L_FUNC | L_ROLE));
  }
  return 1;
}

/* name_word_compute(), once per token: it depends only on the token, its
** neighbours and their lexicon flags, all fixed before any phrase is parsed. */
static inline int name_word(qa_state *s, int64_t i) {
  if (!tok_ok(s, i)) return 0;
  qa_tok *t = &s->tok[i];
  if (!t->nw) t->nw = (uint8_t)(name_word_compute(s, i) + 1);
  return t->nw - 1;
}

static inline int is_particle(qa_state *s, int64_t i) {
  return is_word(s, i) && (qa_lex(s, i) & L_PART) && !(s->tok[i].flags & T_SIG);
}

/* A capitalised "De"/"Het"-like particle inside a sentence that starts a
** surname ("zei De Vlieger", "aldus Van den Broek"): a determiner there
** would be written in lower case. Not for organisation names. */
static int surname_role(qa_state *s, int64_t k);

static int det_particle_start(qa_state *s, int64_t i) {
  if (!is_word(s, i) || !(s->tok[i].flags & T_CAP) || (s->tok[i].flags & T_ALLCAP)) return 0;
  if ((s->tok[i].flags & T_SSTART) && !(s->tok[i].flags & T_SURNAME)) return 0;
  /* (a quote mark right before it in its paragraph opens a quote; one
  ** that ends the paragraph before is no context) */
  if (i > 0 && (s->tok[i - 1].flags & T_MARK) && s->tok[i - 1].para == s->tok[i].para) return 0;
  uint32_t lx = qa_lex(s, i);
  if (!(lx & L_PART) || !(lx & L_DET)) return 0;
  int64_t j = i + 1;
  while (is_particle(s, j) && j < i + 3) j++;
  /* (a surname written before may be a role noun: "De Schrijver") */
  int nw = name_word(s, j) == 1 || ((s->tok[i].flags & T_SURNAME) && j == i + 1 && surname_role(s, j));
  return nw && !(s->tok[j].flags & T_ALLCAP) && !(qa_lex(s, j) & (L_ORG | L_PARTY | L_PLACE));
}


static inline int lower_free(qa_state *s, int64_t i) {
  /* a lower-case word that may be an adjective or noun in a phrase */
  if (!is_word(s, i) || !(s->tok[i].flags & T_LOWER) || (s->tok[i].flags & T_SIG)) return 0;
  uint32_t lx = qa_lex(s, i);
  return !(lx & (L_FUNC | L_PRON | L_CUE));
}

/* Length of a name run starting at i (capitalised words with particles
** between them), at most lim. A name may start with a capitalised particle
** ("Van der Meulen"). */
/* A capitalised role noun used as a surname ("Karin Bakker", "De Boer"):
** inside a name, after a given name or a particle. */
static int surname_role(qa_state *s, int64_t k) {
  if (!is_word(s, k) || !(s->tok[k].flags & T_CAP) || (s->tok[k].flags & (T_ALLCAP | T_SIG))) return 0;
  if (memchr(s->t->z + s->tok[k].b0, '-', (size_t)(s->tok[k].b1 - s->tok[k].b0))) return 0;
  return qa_is_role_word(s, k) && !(qa_lex(s, k) & (L_FUNC | L_PRON | L_CUE));
}

/* A capitalised pronoun or function word after a particle inside a
** sentence is a surname ("Marloes ter Haar", "Van Wie"): after "ter" or
** "van" it cannot be the pronoun. */
static int surname_func(qa_state *s, int64_t k) {
  if (!is_word(s, k) || !(s->tok[k].flags & T_CAP) || (s->tok[k].flags & (T_ALLCAP | T_SIG | T_SSTART))) return 0;
  return (qa_lex(s, k) & (L_FUNC | L_PRON)) && !(qa_lex(s, k) & (L_CUE | L_PART));
}

/* Are the words [i, e) (at most three) all given names of the lexicon? */
static int given_run(qa_state *s, int64_t i, int64_t e) {
  if (e - i > 3) return 0;
  for (int64_t k = i; k < e; k++) {
    if (!(qa_lex(s, k) & L_GIVEN) || (s->tok[k].flags & T_ALLCAP)) return 0;
  }
  return 1;
}

static int64_t name_run(qa_state *s, int64_t i, int64_t lim) {
  int64_t k = i, end = i;
  while (k < lim && k < i + 8) {
    int nw = name_word(s, k);
    if (nw == 0 && end > i && (surname_role(s, k) || (is_particle(s, k - 1) && surname_func(s, k)))) nw = 1;
    if (nw == 1) { k++; end = k; continue; }
    if (nw == 2 || is_particle(s, k)) {
      /* particles must lead to a name word */
      int64_t j = k;
      while (j < lim && j < k + 3 && is_particle(s, j) && name_word(s, j) != 1) j++;
      if (j < lim && (name_word(s, j) == 1 || (j > k && (surname_role(s, j) || surname_func(s, j)))) &&
          (end > i || (s->tok[k].flags & T_CAP))) {
        /* inside a name only after a single given name, initials, or a
        ** run of given names ("Harm Jan de Boer", "Anne Marie van Dijk") */
        if (end > i) {
          int ok = end - i == 1 || (s->tok[end - 1].flags & T_INITIAL) || given_run(s, i, end);
          if (s->lx.given && !(qa_lex(s, i) & L_GIVEN) && !(s->tok[i].flags & T_INITIAL)) ok = 0;
          if (is_particle(s, i)) ok = 1;   /* "Von der Leyen" */
          if (s->tok[j].flags & T_ALLCAP) ok = 0;
          if (qa_lex(s, j) & (L_PARTY | L_PLACE | L_ORG)) ok = 0;
          if (!ok) break;
        } else if ((qa_lex(s, k) & L_DET) && !(k == i && det_particle_start(s, k))) {
          break;
        }
        k = j;
        if (name_word(s, j) != 1) { k++; end = k; }
        continue;
      }
    }
    /* "Port of Antwerp-Bruges", "Bank of England": an English head noun
    ** joined to a name by "of" */
    if (end == i + 1 && (qa_lex(s, i) & L_OFHEAD) && (s->tok[k].flags & T_LOWER) && qa_word_is(s, k, "of") &&
        k + 1 < lim && name_word(s, k + 1) == 1) {
      k++;
      continue;
    }
    if (end > i && qa_word_is(s, k, "voor") && (qa_lex(s, end - 1) & L_ORG)) {
      int64_t j = k + 1;
      if (j < lim && (qa_lex(s, j) & L_DET)) j++;
      if (j < lim && name_word(s, j) == 1) { k = j; continue; }
    }
    if (end > i && qa_word_is(s, k, "en") && k + 1 < lim && name_word(s, k + 1) == 1 && (s->tok[i].flags & T_ALLCAP)) {
      k++;
      continue;
    }
    break;
  }
  return end;
}

/* ---- noun phrases ------------------------------------------------------ */

static void np_init(qa_np *np) {
  memset(np, 0, sizeof *np);
  np->a = np->b = np->pron = np->det = -1;
  np->n0 = np->n1 = np->r0 = np->r1 = np->v0 = np->v1 = -1;
  np->br0 = np->br1 = np->ap0 = np->ap1 = np->head = -1;
}

static int64_t name_run(qa_state *s, int64_t i, int64_t lim);

/* "van [de] X" after a role or name: returns the end, or k when none.
** After a lower-case noun the complement may go on: a second "van"
** ("woordvoerder van het ministerie van Landbouw") or, after a role noun,
** the name it titles ("het kabinet van burgemeester Goossens"). */
static int64_t van_complement_d(qa_state *s, int64_t k, int64_t lim, int depth, int group) {
  if (!qa_word_is(s, k, "van") || k + 1 >= lim) return k;
  /* a capitalised "Van" inside a sentence starts a surname ("Staatssecretaris
  ** Van der Burg"), it is no preposition */
  if ((s->tok[k].flags & T_CAP) && !(s->tok[k].flags & T_SSTART) && !(k > 0 && (s->tok[k - 1].flags & T_MARK))) return k;
  int64_t j = k + 1;
  int det = 0;
  if (is_word(s, j) && (qa_lex(s, j) & L_DET)) { j++; det = 1; }
  /* "van een 87-jarige cliënt", "van de Franse ambassade": an age or an
  ** adjective of nationality before a lower-case noun */
  while (det && j + 1 < lim && j < k + 4 && (qa_lex(s, j) & (L_AGE | L_NAT)) && !(s->tok[j].flags & T_CAP) &&
         (lower_free(s, j + 1) || qa_is_role_word(s, j + 1) || (qa_lex(s, j + 1) & (L_AGE | L_NAT))))
    j++;
  int64_t st = j, stop = st + 4;
  int lowered = 0;   /* "officier van justitie Marieke Verhoeven": a lower-case noun ends it */
  while (j < lim && j < stop) {
    /* "minister van Onderwijs Sofie Van den Eynde": a given name followed
    ** by a surname ends a capitalised portfolio; the person starts there
    ** (not after a group: "onderzoekers van Wageningen Marine Research") */
    if (!group && !lowered && j > st && (qa_lex(s, j) & L_GIVEN) && !(s->tok[j].flags & T_ALLCAP) && j + 1 < lim &&
        (name_word(s, j + 1) == 1 || is_particle(s, j + 1) || det_particle_start(s, j + 1)))
      break;
    if (!lowered && (name_word(s, j) == 1 || (s->tok[j].flags & T_ALLCAP))) { j++; continue; }
    /* "van de Hollandse Effectenbank": an adjective of nationality in a name */
    if (!lowered && (qa_lex(s, j) & L_NAT) && (s->tok[j].flags & T_CAP) && name_word(s, j + 1) == 1) { j++; continue; }
    if (j == st && (lower_free(s, j) || qa_is_role_word(s, j)) && (det || (s->tok[j].flags & T_LOWER))) { lowered = (s->tok[j].flags & T_LOWER) != 0; j++; continue; }
    if (j > st && !lowered && (qa_lex(s, j) & L_PART) && name_word(s, j + 1) == 1) { j++; continue; }
    /* "van het Agentschap voor Onderwijsdiensten", "van het Centraal Bureau
    ** voor de Statistiek": a body's name goes on after "voor" (as in name_run()) */
    if (j > st && !lowered && qa_word_is(s, j, "voor") && (qa_lex(s, j - 1) & L_ORG) && (s->tok[j - 1].flags & T_CAP)) {
      int64_t q = j + 1;
      if (q < lim && (qa_lex(s, q) & L_DET)) q++;
      if (q < lim && name_word(s, q) == 1) { j = q; stop = q + 4; continue; }
    }
    /* "minister van Sociale Zaken en Werkgelegenheid": two portfolios */
    if (j > st && !lowered && qa_word_is(s, j, "en") && name_word(s, j + 1) == 1 && !(qa_lex(s, j + 1) & L_GIVEN)) { j++; stop += 2; continue; }
    /* "onderzoekers van de Universiteit Utrecht en de Radboud Universiteit" */
    if (j > st && !lowered && qa_word_is(s, j, "en") && (qa_lex(s, j + 1) & L_DET) && !(qa_lex(s, j + 1) & L_PRON) &&
        name_word(s, j + 2) == 1 && !(qa_lex(s, j + 2) & L_GIVEN)) { j += 2; stop += 4; continue; }
    break;
  }
  if (j <= st) return k;
  if (lowered && j == st + 1) {
    if (depth < 2 && qa_word_is(s, j, "van")) return van_complement_d(s, j, lim, depth + 1, group);
    /* the name a role noun titles ("van burgemeester Goossens"), or the
    ** proper name of a body ("van de gemeente Zwolle", "van zwemvereniging
    ** De Oosterschelde"): either way it belongs to the complement, not to
    ** the head of the phrase. But a fixed title without an article names
    ** the person after it ("officier van justitie Rob Kramer"): a name
    ** that starts with a given name stays with the head there. */
    int titled = qa_is_role_word(s, st);
    if (j < lim && (name_word(s, j) == 1 || det_particle_start(s, j)) &&
        (titled || det || !(qa_lex(s, j) & L_GIVEN))) {
      int64_t e = name_run(s, j, lim);
      if (e > j) return e;
    }
  }
  return j;
}

static int64_t van_complement(qa_state *s, int64_t k, int64_t lim) { return van_complement_d(s, k, lim, 0, 0); }

/* "voor Klimaat en Energie" after a role ("minister voor Klimaat en
** Energie Rob Jetten", "Eurocommissaris voor Landbouw"): capitalised
** portfolio words, joined by "en", up to a given name that starts the
** person's name. Returns the end, or k when there is none. */
static int64_t voor_portfolio(qa_state *s, int64_t k, int64_t lim) {
  if (!qa_word_is(s, k, "voor")) return k;
  int64_t j = k + 1;
  while (j < lim && j < k + 7) {
    if (name_word(s, j) == 1 && !(s->tok[j].flags & T_ALLCAP) && !(qa_lex(s, j) & (L_GIVEN | L_PLACE | L_PARTY))) { j++; continue; }
    if (j > k + 1 && qa_word_is(s, j, "en") && name_word(s, j + 1) == 1 && !(qa_lex(s, j + 1) & L_GIVEN)) { j++; continue; }
    break;
  }
  return j > k + 1 && !qa_word_is(s, j - 1, "en") ? j : k;
}

/* A known given name at k and a surname after it: a name word, a particle,
** or a role noun used as a surname ("Sem Bakker"). */
static int given_and_surname(qa_state *s, int64_t k) {
  if (!(qa_lex(s, k) & L_GIVEN) || name_word(s, k) != 1) return 0;
  return name_word(s, k + 1) == 1 || is_particle(s, k + 1) || surname_role(s, k + 1);
}

/* A capitalised noun in the title slot before a full name, at the start
** of a sentence or after a mark ("Garagehouder Luc Peeters",
** "Politicologe Sarah Mertens"): not a given name itself, followed by a
** known given name and a surname, or by an honorific and a name. */
static int title_noun(qa_state *s, int64_t k, int64_t lim) {
  if (k + 2 >= lim || !is_word(s, k) || !(s->tok[k].flags & T_CAP) || (s->tok[k].flags & (T_ALLCAP | T_INITIAL | T_SIG)))
    return 0;
  if (!(s->tok[k].flags & T_SSTART) && !(k > 0 && (s->tok[k - 1].flags & T_MARK))) return 0;
  uint32_t lx = qa_lex(s, k);
  if (lx & (L_GIVEN | L_PART | L_FUNC | L_PRON | L_CUE | L_ORG | L_PARTY | L_PLACE | L_NAT | L_HON)) return 0;
  /* an honorific between title and name: "Longarts dr. Fenna Brouwer",
  ** "Raadsman mr. Joost de Wit"; then it is sign enough of a name */
  int64_t j = k + 1;
  while (j < lim && j < k + 3 && is_word(s, j) && (qa_lex(s, j) & L_HON) && !(s->tok[j].flags & T_CAP)) j++;
  if (j > k + 1) return j + 1 < lim && (name_word(s, j) == 1 || is_particle(s, j));
  return given_and_surname(s, k + 1);
}

/* A lower-case noun in the title slot, as the first word of a phrase:
** followed by a known given name and a surname ("meteorologe Ann
** Lemmens"). */
static int lower_title(qa_state *s, int64_t k, int64_t lim) {
  if (k + 2 >= lim || !lower_free(s, k) || (qa_lex(s, k) & (L_NAT | L_AGE | L_ANON | L_RADJ))) return 0;
  return !(s->tok[k + 1].flags & T_ALLCAP) && given_and_surname(s, k + 1);
}

/* A capitalised adjective of origin used as a noun ("de Kortrijkse", "de
** Amsterdamse"): ends in -se and no name follows. */
static int origin_adjective(qa_state *s, int64_t k, int64_t lim) {
  if (!is_word(s, k) || !(s->tok[k].flags & T_CAP) || (s->tok[k].flags & T_ALLCAP)) return 0;
  int64_t b0 = s->tok[k].b0, b1 = s->tok[k].b1;
  if (b1 - b0 < 5 || s->t->z[b1 - 2] != 's' || s->t->z[b1 - 1] != 'e') return 0;
  return !(k + 1 < lim && name_word(s, k + 1) == 1);
}

/* A singular object pronoun that is also a possessive ("haar", pronouns.tsv
** case obj): "volgens haar opgesteld", "Volgens haar wist X". */
static int object_pronoun(qa_state *s, int64_t k) {
  return qa_gender(s, k) && (qa_lex(s, k) & L_POBJ);
}

/* Do the lower-case words from k on (at most three) lead to a noun for a
** person or group ("haar oudere zus", "haar advocaat")? Only then is a
** possessive before them part of a source phrase. */
static int person_noun_after(qa_state *s, int64_t k, int64_t lim) {
  for (int64_t j = k; j < lim && j < k + 4 && is_word(s, j); j++) {
    if (qa_is_role_word(s, j) || (qa_lex(s, j) & (L_ANON | L_AGE | L_ORG))) return 1;
    if (!lower_free(s, j)) return 0;
  }
  return 0;
}

static int np_forward(qa_state *s, int64_t i, int64_t lim, qa_np *np, int name_ap);

/* Does the word at k end in "e" like an inflected adjective ("grote",
** "lokale"), not in "-ie" like a noun ("coöperatie", "directie")? */
static int lower_ends_e(const qa_state *s, int64_t k) {
  const unsigned char *z = s->t->z;
  int64_t b1 = s->tok[k].b1;
  return z[b1 - 1] == 'e' && !(b1 - 2 >= s->tok[k].b0 && z[b1 - 2] == 'i');
}

/* Is k a role adjective (role_adjectives.tsv) that one more such adjective
** at most separates from a role noun ("technisch directeur", "algemeen
** medisch directeur")? It then starts the role. */
static int role_adjective(qa_state *s, int64_t k, int64_t lim) {
  if (!is_word(s, k) || !(qa_lex(s, k) & L_RADJ) || (s->tok[k].flags & T_ALLCAP)) return 0;
  int64_t j = k + 1;
  if (j < lim && is_word(s, j) && (qa_lex(s, j) & L_RADJ)) j++;
  return j < lim && qa_is_role_word(s, j) && !(qa_lex(s, j) & (L_ORG | L_ANON)) && name_word(s, j) != 1;
}

int qa_np_forward(qa_state *s, int64_t i, int64_t lim, qa_np *np) { return np_forward(s, i, lim, np, 1); }

/* Does the phrase go on after an adjective of nationality at k-1 (a noun,
** a name or another adjective follows at k)? */
static int nat_continues(qa_state *s, int64_t k, int64_t lim) {
  if (k >= lim || !is_word(s, k)) return 0;
  uint32_t lx = qa_lex(s, k);
  return qa_is_role_word(s, k) || (lx & (L_NAT | L_AGE | L_ANON | L_ORG)) || lower_free(s, k) || name_word(s, k);
}

/* np_forward(): name_ap allows a name in apposition after an unnamed role
** ("De officier van justitie, mr. Ans de Wit, sprak"); the name itself is
** parsed without, so the look-ahead is one level deep. */
static int np_forward(qa_state *s, int64_t i, int64_t lim, qa_np *np, int name_ap) {
  np_init(np);
  if (i < 0 || i >= lim || i >= s->ntok || !is_word(s, i) || (s->tok[i].flags & T_SIG)) return 0;
  /* "Op Facebook schreef ...", "In Gent zegt ...": a phrase with a
  ** preposition opening the sentence is no source */
  if ((s->tok[i].flags & T_SSTART) && (qa_lex(s, i) & L_PART) && particle_prep(s, i) && !is_particle(s, i + 1)) return 0;
  int64_t para_end = s->para_tok[s->tok[i].para + 1];
  if (lim > para_end) lim = para_end;
  int64_t k = i;
  uint32_t lx = qa_lex(s, k);
  if (lx & L_PRON) {
    int det_ok = (lx & L_DET) && k + 1 < lim && is_word(s, k + 1) &&
                 (qa_is_role_word(s, k + 1) || lower_free(s, k + 1) ||
                  (qa_lex(s, k + 1) & (L_ANON | L_AGE | L_NAT | L_ORG)) || name_word(s, k + 1));
    if (det_ok && lower_free(s, k + 1) && object_pronoun(s, k) && !person_noun_after(s, k + 1, lim)) det_ok = 0;
    if (!det_ok) {
      np->a = k; np->b = k + 1; np->pron = k;
      return 1;
    }
  }
  np->a = i;
  if ((lx & L_DET) && !(s->tok[k].flags & T_CAP && name_word(s, k) == 1) && !det_particle_start(s, k)) { np->det = k; k++; }
  int64_t end = k;
  int nlower = 0;
  while (k < lim && k < i + NP_MAX) {
    if (!is_word(s, k) || (s->tok[k].flags & T_SIG)) break;
    lx = qa_lex(s, k);
    if (lx & L_HON) {
      np->hon_gender = qa_gender(s, k);
      k++; end = k; continue;
    }
    if (qa_word_is(s, k, "heer") && np->det >= 0) { np->hon_gender = 'm'; k++; end = k; continue; }
    if ((lx & (L_NAT | L_AGE)) && np->n0 < 0 && !((lx & L_NAT) && name_word(s, k) == 1)) {
      k++; end = k;
      if (lx & L_AGE) np->head = k - 1;
      /* "de Japanse", "de Vlaamse": an adjective of nationality used as a
      ** noun names a woman (a man is "de Japanner") */
      else if (np->det >= 0 && np->r0 < 0 && np->head < 0 && !nat_continues(s, k, lim)) {
        np->head = k - 1;
        const unsigned char *z = s->t->z;
        if (s->tok[k - 1].b1 - s->tok[k - 1].b0 > 3 && z[s->tok[k - 1].b1 - 1] == 'e' && !np->hon_gender) np->hon_gender = 'f';
      }
      continue;
    }
    if (np->n0 < 0 && np->r0 < 0 && np->head < 0 && np->det >= 0 && k == np->det + 1 && origin_adjective(s, k, lim) &&
        !(qa_lex(s, k) & (L_GIVEN | L_ORG | L_PARTY | L_PLACE | L_NAT))) {
      /* "aldus de Noord-Hollandse": an adjective of origin used as a noun
      ** names a woman, like "de Japanse" */
      np->head = k++;
      if (!np->hon_gender) np->hon_gender = 'f';
      end = k;
      continue;
    }
    if (np->n0 < 0 && np->r0 < 0 && role_adjective(s, k, lim)) {
      /* "sportief directeur Jesper Lindqvist": the adjective is the role's */
      np->r0 = k++;
      if (k < lim && !qa_is_role_word(s, k)) k++;
      end = k;
      continue;
    }
    if (k == i && np->det < 0 && np->r0 < 0 && lower_title(s, k, lim)) {
      /* "zegt meteorologe Ann Lemmens", "stadsgids Ann Lemmens": a noun the
      ** lexicon does not know, in the title slot before a full name */
      np->r0 = np->head = k;
      np->r1 = ++k;
      end = k;
      continue;
    }
    if (np->n0 < 0 && np->r0 < 0 && title_noun(s, k, lim)) {
      /* "Conrector Annemiek Veldhuis": a noun in the title slot */
      np->r0 = np->head = k;
      if (qa_gender(s, k) && !np->hon_gender) np->hon_gender = qa_gender(s, k);
      np->r1 = ++k;
      end = k;
      continue;
    }
    if (np->n0 < 0 && np->head >= 0 && (qa_lex(s, np->head) & L_AGE) && origin_adjective(s, k, lim)) {
      /* "de 49-jarige Kortrijkse": an origin adjective used as a noun */
      k++; end = k; continue;
    }
    if ((qa_is_role_word(s, k) || (lx & (L_ANON | L_ORG))) && np->n0 < 0 &&
        (!(s->tok[k].flags & T_ALLCAP) || allcap_role(s, k)) && name_word(s, k) != 1) {
      if (np->r0 < 0) np->r0 = k;
      if (qa_gender(s, k) && !np->hon_gender) np->hon_gender = qa_gender(s, k);
      np->head = k;
      k++;
      k = van_complement_d(s, k, lim, 0, (lx & L_ANON) != 0);
      if (k == np->head + 1 && qa_is_role_word(s, np->head) && !(lx & (L_ORG | L_ANON))) k = voor_portfolio(s, k, lim);
      if ((lx & L_ANON) && k < lim && (qa_word_is(s, k, "rond") || qa_word_is(s, k, "binnen") || qa_word_is(s, k, "bij") ||
                                       qa_word_is(s, k, "op") ||
                                       qa_word_is(s, k, "uit") || qa_word_is(s, k, "rondom"))) {
        int64_t j = k + 1;
        if (j < lim && (qa_lex(s, j) & L_DET)) j++;
        int64_t st = j;
        /* "bronnen rond de Europese Commissie": an adjective of nationality too */
        while (j < lim && j < st + 3 && (name_word(s, j) == 1 || lower_free(s, j) || (qa_lex(s, j) & L_NAT))) j++;
        if (j > st) k = j;
      } else if (np->det >= 0 && qa_word_is(s, np->det, "een") && k + 1 < lim &&
                 (qa_word_is(s, k, "uit") || qa_word_is(s, k, "bij")) && name_word(s, k + 1) == 1) {
        /* "een directeur uit Herent", "een medewerker bij Heijmans": an
        ** unnamed person described by where they are from or work */
        int64_t e2 = name_run(s, k + 1, lim);
        if (e2 > k + 1) k = e2;
      }
      /* "minister van Buitenlandse Zaken Vladimir Makei": the last name
      ** units of a long capitalised portfolio are the name */
      np->r1 = k;
      end = k;
      continue;
    }
    /* "wethouder Mobiliteit Ayşe Demirtaş": a capitalised portfolio right
    ** after the role, before a given name and a surname, is the role's */
    if (np->n0 < 0 && np->r0 >= 0 && np->r1 == k && k + 2 < lim && name_word(s, k) == 1 &&
        !(s->tok[k].flags & (T_ALLCAP | T_INITIAL)) && !(qa_lex(s, k) & (L_GIVEN | L_PART | L_PARTY | L_ORG | L_PLACE)) &&
        (qa_lex(s, k + 1) & L_GIVEN) && name_word(s, k + 1) == 1 &&
        (name_word(s, k + 2) == 1 || is_particle(s, k + 2))) {
      np->r1 = ++k;
      end = k;
      continue;
    }
    if (np->n0 < 0 && (name_word(s, k) || is_particle(s, k))) {
      int64_t e = name_run(s, k, lim);
      if (e > k) {
        np->n0 = k; np->n1 = e;
        k = e; end = e;
        break;
      }
    }
    /* lower-case words after an article: adjectives and a noun ("de grote
    ** bonden"). After a definite article an adjective is inflected (-e),
    ** so a word after one that is not ends the phrase: "Volgens de
    ** vakbonden staakte ...", "Volgens de actiegroep komen ..." */
    if (np->n0 < 0 && lower_free(s, k) && (np->det >= 0 || np->r0 >= 0) && nlower < 3 && np->r0 < 0 &&
        !(nlower > 0 && !qa_word_is(s, np->det, "een") && !lower_ends_e(s, k - 1))) {
      nlower++;
      np->head = k;
      k++;
      end = k;
      continue;
    }
    break;
  }
  /* a role whose "van" complement swallowed the name */
  if (np->n0 < 0 && np->r0 >= 0 && np->r1 > np->r0 + 2) {
    int64_t j = np->r0 + 1;
    /* (not after an article: "onderzoekers van de Universiteit Utrecht en
    ** de Radboud Universiteit" names bodies only) */
    if (qa_word_is(s, j, "van") && !(qa_lex(s, j + 1) & L_DET) && !(qa_lex(s, np->r0) & L_ANON)) {
      int64_t st = j + 1, last = np->r1;
      int64_t unit[6];
      int nunits = 0;
      for (int64_t m = last - 1; m >= st && nunits < 6; m--) {
        if (name_word(s, m) != 1) break;
        int64_t u = m;
        while (u - 1 >= st && is_particle(s, u - 1) && name_word(s, u - 1) != 1) u--;
        unit[nunits++] = u;   /* units from the end */
        m = u;
      }
      int64_t cut = -1;
      /* the earliest given name that leaves a portfolio before it and a
      ** surname after it; else the last two units */
      for (int x = nunits - 2; x >= 1; x--)
        if (s->lx.given && (qa_lex(s, unit[x]) & L_GIVEN)) { cut = unit[x]; break; }
      if (cut < 0 && nunits >= 3) cut = unit[1];
      if (cut > st) { np->n0 = cut; np->n1 = last; np->r1 = cut; }
    }
  }
  if (np->n0 < 0 && np->head < 0 && np->r0 < 0) return 0;
  /* "Von der Leyen van de Europese Commissie", "de VS en Oekraïne" */
  if (np->n0 >= 0 && end == np->n1) {
    /* "Vereniging van Banken", "Ministerie van Justitie": a body's noun
    ** ending the name takes a capitalised van-complement into it */
    if ((qa_lex(s, np->n1 - 1) & L_ORG) && (s->tok[np->n1 - 1].flags & T_CAP) && qa_word_is(s, end, "van") &&
        end + 1 < lim && name_word(s, end + 1) == 1 && !(qa_lex(s, end + 1) & (L_GIVEN | L_DET))) {
      int64_t e = name_run(s, end + 1, lim);
      if (e > end + 1) { np->n1 = e; end = e; }
    }
    /* (not two persons: "de Nederlander Thijs Boersma en Seppe De
    ** Schrijver", a role or a given name on either side) */
    if (qa_word_is(s, end, "en") && end + 1 < lim && name_word(s, end + 1) == 1 && np->det >= 0 && np->r0 < 0 &&
        !(qa_lex(s, np->n0) & L_GIVEN) && !(qa_lex(s, end + 1) & L_GIVEN)) {
      int64_t e = name_run(s, end + 1, lim);
      if (e > end + 1) { np->n1 = e; end = e; }
    }
    int64_t v = van_complement(s, end, lim);
    if (v > end) { np->v0 = end; np->v1 = v; end = v; }
    else if (qa_word_is(s, end, "uit") && name_word(s, end + 1) == 1) {
      /* "Ingrid Wolters uit Gieten": where the person is from */
      int64_t e = name_run(s, end + 1, lim);
      if (e > end + 1) end = e;
    }
  }
  np->b = end;
  if (np->b <= np->a) return 0;
  /* bracket: "(VVD)", "(27)", "(Cultuur)" */
  int64_t k2 = end;
  if (tok_is_char(s, k2, '(')) {
    int64_t j = k2 + 1;
    while (j < lim && j < k2 + 6 && !tok_is_char(s, j, ')')) j++;
    if (tok_is_char(s, j, ')') && j > k2 + 1) { np->br0 = k2 + 1; np->br1 = j; k2 = j + 1; }
  }
  /* apposition after a name: ", burgemeester van Amsterdam," */
  if (np->n0 >= 0 && tok_is_char(s, k2, ',') && k2 + 1 < lim) {
    int64_t j = k2 + 1;
    /* "Rutte, nu secretaris-generaal van de NAVO, ...": an adverb of
    ** time before the role */
    int64_t jr = j;
    if ((qa_lex(s, j) & (L_ADV | L_TIME)) && !(qa_lex(s, j) & (L_DET | L_PRON | L_CONJ)) && j + 1 < lim && qa_is_role_word(s, j + 1)) jr = j + 1;
    if (qa_is_role_word(s, jr) || ((qa_lex(s, j) & L_DET) && !(qa_lex(s, j) & L_PRON)) || (qa_lex(s, j) & (L_AGE | L_NAT))) {
      int64_t m = j;
      while (m < lim && m < j + 10 && !tok_is_char(s, m, ',') && !(s->tok[m].flags & (T_MARK)) &&
             !((qa_lex(s, m) & (L_CUE)) && !(qa_lex(s, m) & L_ROLE)))
        m++;
      if (tok_is_char(s, m, ',') && m > j) { np->ap0 = j; np->ap1 = m; }
      else if (qa_is_role_word(s, j)) {
        /* "zegt Karel Smit, directeur van het CBL (...).": a role and its
        ** complement that end the sentence */
        int64_t e2 = van_complement(s, j + 1, lim), f = e2;
        if (tok_is_char(s, f, '(')) {   /* an abbreviation in brackets before the end */
          while (f < lim && f < e2 + 6 && !tok_is_char(s, f, ')')) f++;
          f++;
        }
        if (f >= lim || tok_is_char(s, f, '.') || tok_is_char(s, f, '!') || tok_is_char(s, f, '?')) {
          np->ap0 = j; np->ap1 = e2;
        }
      }
    }
  } else if (name_ap && np->n0 < 0 && np->r0 >= 0 && np->det >= 0 && np->head >= 0 && qa_is_role_word(s, np->head) &&
             !(qa_lex(s, np->head) & (L_ORG | L_ANON)) && tok_is_char(s, k2, ',') && k2 + 2 < lim) {
    /* "De weduwe van het slachtoffer, Hilde Peeters, ...": the role's name
    ** in apposition */
    qa_np nm;
    if (np_forward(s, k2 + 1, lim, &nm, 0) && nm.n0 >= 0 && nm.r0 < 0 && nm.det < 0 && nm.pron < 0 &&
        nm.br0 < 0 && nm.ap0 < 0 && !(qa_lex(s, nm.n1 - 1) & (L_ORG | L_PARTY | L_PLACE)) &&
        /* between commas, or ending the sentence ("zei de fractievoorzitter
        ** van de PVV, Dion Graus.") */
        (tok_is_char(s, nm.b, ',') || nm.b >= lim || tok_is_char(s, nm.b, '.') || tok_is_char(s, nm.b, '!') ||
         tok_is_char(s, nm.b, '?'))) {
      np->n0 = nm.n0; np->n1 = nm.n1;
      np->ap0 = k2 + 1; np->ap1 = nm.b;
      if (nm.hon_gender) np->hon_gender = nm.hon_gender;
    }
  }
  return 1;
}


int qa_np_backward(qa_state *s, int64_t j, int64_t lim, qa_np *np) {
  np_init(np);
  if (j <= lim || j <= 0) return 0;
  int64_t from = j - NP_MAX > lim ? j - NP_MAX : lim;
  int64_t pa = s->para_tok[s->tok[j - 1].para];
  if (from < pa) from = pa;
  /* a pronoun right before the verb */
  if (is_word(s, j - 1) && (qa_lex(s, j - 1) & L_PRON) && !((qa_lex(s, j - 1) & L_DET) && j - 1 > from)) {
    np->a = j - 1; np->b = j; np->pron = j - 1;
    return 1;
  }
  /* A phrase that ends in a word covers words only (brackets and an
  ** apposition end in ')' or ','): when token j-1 is a word, only a start
  ** inside the run of words before j can reach j. */
  if (is_word(s, j - 1)) {
    int64_t w = j - 1;
    while (w > from && is_word(s, w - 1)) w--;
    from = w;
  }
  for (int64_t k = from; k < j; k++) {
    if (!is_word(s, k)) continue;
    /* no subject right after a preposition ("In Gent zegt ...") */
    if (k > 0 && is_word(s, k - 1) && (qa_lex(s, k - 1) & L_PREP) && !(qa_lex(s, k - 1) & (L_DET | L_PRON)) &&
        !is_particle(s, k - 1))
      continue;
    if (k > 0 && (s->tok[k - 1].flags & T_SSTART) && (qa_lex(s, k - 1) & L_PART) && particle_prep(s, k - 1) && !is_particle(s, k)) continue;
    if (k > from && is_word(s, k - 1) && (name_word(s, k - 1) == 1 || qa_is_role_word(s, k - 1)) && name_word(s, k) == 1) continue;
    qa_np t;
    if (!qa_np_forward(s, k, j, &t)) continue;
    if (qa_np_reach(&t) == j || (t.b == j)) { *np = t; return 1; }
  }
  return 0;
}

int qa_np_plausible(qa_state *s, const qa_np *np, int weak_ok) {
  if (np->pron >= 0 || np->n0 >= 0 || np->r0 >= 0) return 1;
  if (np->head >= 0 && (qa_lex(s, np->head) & (L_ANON | L_ORG | L_ROLE | L_AGE | L_NAT))) return 1;
  if (np->head >= 0 && weak_ok && np->det >= 0) return 1;
  return 0;
}

/* ---- entities ---------------------------------------------------------- */

typedef struct went {
  int kind;
  int named, person_ev;
  int64_t n0, n1;            /* canonical name tokens */
  int64_t ntoks;
  char key[48];              /* lower-case head surname, or description */
  char key2[48];             /* the first part of a double surname ("mulder" of "Mulder-van Dijk"), or "" */
  char given[32];
  char acro[16];
  char rolehead[48];         /* lower-case role head noun */
  kr_str role, org;
  int role_named;            /* role came with the name */
  int gvote_m, gvote_f, gnoun, ggiven;
  int64_t first_b0, first_b1;
  int64_t nquotes, nwords, nmentions;
  int64_t alias[MAX_ALIAS][2];
  int nalias;
  kr_str desc;               /* unnamed: the description */
  int out;                   /* output index */
  int spoke;                 /* has a quote before the current position */
  int human;                 /* an unnamed source that is one person */
  int age;                   /* "Ward Peeters (62)", "de 62-jarige Ward Peeters": 62, else 0 */
  int64_t para;              /* paragraph of the last mention */
} went;

typedef struct mention { int64_t pos; int ent; } mention;

/* An index of the recent entities by a string (surname key, acronym or
** description): hash buckets of chains of nodes. Only the entities of the
** last NAME_LOOKBACK are ever asked for, so a look-up unlinks the older
** nodes it meets and a rehash drops them all: the index holds about
** NAME_LOOKBACK nodes however long the text, and a look-up costs the few
** entities that share its bucket instead of a scan of the whole window. */
typedef struct ix_node { int32_t ent, next; uint32_t h; } ix_node;

typedef struct ent_ix {
  int32_t *head;             /* nbucket chain heads, -1 = empty */
  int64_t nbucket;           /* a power of two, or 0 before the first insert */
  ix_node *node;
  int64_t nnode, capnode;    /* nodes made; unlinked ones go to the free list */
  int32_t free;              /* first free node, -1 none */
  int64_t used;              /* nodes in chains */
} ent_ix;

/* An event of qa_resolve() (EV_* below): a name or a quote at token pos. */
typedef struct event { int64_t pos; int type; int64_t q; int64_t a; } event;

/* A phrase parsed by np_in_para() from token a and what qa_np_forward()
** returned. */
typedef struct np_memo { qa_np np; int ret; int32_t a; } np_memo;

struct qa_ent_priv {
  event *ev;                 /* qa_resolve()'s events and the phrases */
  int64_t capev;             /* parsed by narrative_names(), only kept */
  qa_np *nps;                /* here between analyses (see ent_start()) */
  int64_t capnps;
  int32_t *npm;              /* np_in_para(): per token, its phrase in npv when
                             ** that is one of this analysis with that token */
  int64_t capnpm;
  np_memo *npv;
  int64_t nnpv, capnpv;
  went *e;
  int64_t ne, cape;
  mention *m;
  int64_t nm, capm;
  ent_ix by_key, by_acro, by_desc;
  int64_t skip0, skip1;      /* recent() ignores mentions at tokens [skip0, skip1) */
  int skip_marked;           /* ... and those inside quote marks */
};

static void ix_free(ent_ix *x) {
  kr_free(x->head);
  kr_free(x->node);
}

void qa_ent_release(qa_ent_priv *p) {
  if (!p) return;
  kr_free(p->ev);
  kr_free(p->nps);
  kr_free(p->npm);
  kr_free(p->npv);
  kr_free(p->e);
  kr_free(p->m);
  ix_free(&p->by_key);
  ix_free(&p->by_acro);
  ix_free(&p->by_desc);
  kr_free(p);
}

void qa_ent_free(qa_state *s) {
  qa_ent_release(s->ep);
  s->ep = NULL;
}

/* Keep at most this many bytes of entity arrays between analyses: those
** of an ordinary article (a bigger text frees its own). */
#define ENT_KEEP_MAX (1 << 20)

void qa_ent_give(qa_ent_priv **keep, qa_ent_priv *p) {
  if (!p) return;
  int64_t bytes = p->capev * (int64_t)sizeof(event) + p->capnps * (int64_t)sizeof(qa_np) +
                  p->capnpm * (int64_t)sizeof(int32_t) + p->capnpv * (int64_t)sizeof(np_memo) +
                  p->cape * (int64_t)sizeof(went) + p->capm * (int64_t)sizeof(mention) +
                  (p->by_key.capnode + p->by_acro.capnode + p->by_desc.capnode) * (int64_t)sizeof(ix_node) +
                  (p->by_key.nbucket + p->by_acro.nbucket + p->by_desc.nbucket) * (int64_t)sizeof(int32_t);
  if (bytes > ENT_KEEP_MAX || *keep) { qa_ent_release(p); return; }
  *keep = p;
}

/* The empty entity state of a new analysis, in the arrays of the last one
** (s->ep, kept by the cache) when there is one: exactly the state a new
** allocation would have (the index starts without buckets or nodes, so it
** grows and drops old nodes at the same moments). */
static int ent_start(qa_state *s) {
  qa_ent_priv *p = s->ep;
  if (!p) {
    if (!(p = s->ep = kr_malloc(sizeof(qa_ent_priv)))) return KR_NOMEM;
    memset(p, 0, sizeof *p);
  } else {
    qa_ent_priv old = *p;
    kr_free(old.by_key.head);
    kr_free(old.by_acro.head);
    kr_free(old.by_desc.head);
    memset(p, 0, sizeof *p);
    p->ev = old.ev; p->capev = old.capev;
    p->nps = old.nps; p->capnps = old.capnps;
    p->npm = old.npm; p->capnpm = old.capnpm;
    p->npv = old.npv; p->capnpv = old.capnpv;
    p->e = old.e; p->cape = old.cape;
    p->m = old.m; p->capm = old.capm;
    p->by_key.node = old.by_key.node; p->by_key.capnode = old.by_key.capnode;
    p->by_acro.node = old.by_acro.node; p->by_acro.capnode = old.by_acro.capnode;
    p->by_desc.node = old.by_desc.node; p->by_desc.capnode = old.by_desc.capnode;
  }
  p->by_key.free = p->by_acro.free = p->by_desc.free = -1;
  /* no phrase parsed yet (nnpv = 0): the entries of npm left by the last
  ** analysis point nowhere valid; new entries are set to -1 */
  int64_t had = p->capnpm;
  if (kr_grow((void **)&p->npm, &p->capnpm, s->ntok + 1, sizeof(int32_t))) return KR_NOMEM;
  if (p->capnpm > had) memset(p->npm + had, 0xff, (size_t)(p->capnpm - had) * sizeof(int32_t));
  return KR_OK;
}

/* qa_np_forward(s, a, lim, np) with lim the end of the paragraph of token
** a, parsed once per token: during qa_resolve() the tokens and their flags
** no longer change, and the parse reads nothing else that does (the
** entity state is not read by it), so a second parse would give the same
** phrase. */
static int np_in_para(qa_state *s, int64_t a, qa_np *np) {
  qa_ent_priv *p = s->ep;
  int64_t lim = s->para_tok[s->tok[a].para + 1];
  int32_t x = p->npm[a];
  if (x >= 0 && x < p->nnpv && p->npv[x].a == a) {
    *np = p->npv[x].np;
    return p->npv[x].ret;
  }
  int r = qa_np_forward(s, a, lim, np);
  /* (without room to remember it, the phrase is parsed again next time) */
  if (p->nnpv < INT32_MAX && kr_grow((void **)&p->npv, &p->capnpv, p->nnpv + 1, sizeof(np_memo)) == KR_OK) {
    p->npv[p->nnpv].np = *np;
    p->npv[p->nnpv].ret = r;
    p->npv[p->nnpv].a = (int32_t)a;
    p->npm[a] = (int32_t)p->nnpv++;
  }
  return r;
}

/* Rebuild x with nb buckets, without the nodes of entities before lo. */
static int ix_rehash(ent_ix *x, int64_t nb, int64_t lo) {
  int32_t *head = kr_malloc((size_t)nb * sizeof(int32_t));
  if (!head) return KR_NOMEM;
  memset(head, 0xff, (size_t)nb * sizeof(int32_t));
  for (int64_t b = 0; b < x->nbucket; b++) {
    for (int32_t k = x->head[b], next; k >= 0; k = next) {
      next = x->node[k].next;
      if (x->node[k].ent < lo) { x->node[k].next = x->free; x->free = k; x->used--; continue; }
      int64_t nbk = x->node[k].h & (uint32_t)(nb - 1);
      x->node[k].next = head[nbk];
      head[nbk] = k;
    }
  }
  kr_free(x->head);
  x->head = head;
  x->nbucket = nb;
  return KR_OK;
}

/* Add entity ent under hash h (lo: the oldest entity still asked for). */
static int ix_add(ent_ix *x, uint32_t h, int64_t ent, int64_t lo) {
  if (x->used >= x->nbucket) {
    /* drop the old nodes; double the buckets while the rest is crowded */
    int64_t nb = x->nbucket ? x->nbucket : 16;
    if (ix_rehash(x, nb, lo)) return KR_NOMEM;
    if (x->used >= nb / 2 && ix_rehash(x, nb * 2, lo)) return KR_NOMEM;
  }
  int32_t k = x->free;
  if (k >= 0) x->free = x->node[k].next;
  else {
    if (x->nnode >= x->capnode && kr_grow((void **)&x->node, &x->capnode, x->nnode + 1, sizeof(ix_node))) return KR_NOMEM;
    k = (int32_t)x->nnode++;
  }
  int64_t b = h & (uint32_t)(x->nbucket - 1);
  x->node[k].ent = (int32_t)ent;
  x->node[k].h = h;
  x->node[k].next = x->head[b];
  x->head[b] = k;
  x->used++;
  return KR_OK;
}

/* The first node of the chain of hash h, unlinking the nodes of entities
** before lo on the way; ix_next() goes on. Returns -1 at the end. */
static int32_t ix_skip(ent_ix *x, int32_t *link, int64_t lo) {
  int32_t k;
  while ((k = *link) >= 0 && x->node[k].ent < lo) {
    *link = x->node[k].next;
    x->node[k].next = x->free;
    x->free = k;
    x->used--;
  }
  return k;
}
static int32_t ix_first(ent_ix *x, uint32_t h, int64_t lo) {
  return x->nbucket ? ix_skip(x, &x->head[h & (uint32_t)(x->nbucket - 1)], lo) : -1;
}
static int32_t ix_next(ent_ix *x, int32_t k, int64_t lo) { return ix_skip(x, &x->node[k].next, lo); }

/* The hash of a description: its bytes with ASCII letters lower-cased, so
** that descriptions equal under strncasecmp() hash alike. */
static uint32_t desc_hash(const char *z, int64_t n) {
  uint32_t h = 2166136261u;
  for (int64_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)z[i];
    if (c >= 'A' && c <= 'Z') c += 32;
    h = (h ^ c) * 16777619u;
  }
  return h;
}

static uint32_t str_hash(const char *z) { return kr_lexicon_hash(z, strlen(z)); }

static void lower_tok(const qa_state *s, int64_t i, char *buf, int cap) {
  int n = qa_lower(s, i, buf, cap);
  if (n < 0) buf[0] = 0;
}

static int new_ent(qa_state *s) {
  qa_ent_priv *p = s->ep;
  if (p->ne >= p->cape && kr_grow((void **)&p->e, &p->cape, p->ne + 1, sizeof(went))) return -1;
  went *e = &p->e[p->ne];
  memset(e, 0, sizeof *e);
  e->n0 = e->n1 = -1;
  e->role.off = e->org.off = e->desc.off = -1;
  e->first_b0 = -1;
  e->out = -1;
  return (int)p->ne++;
}

static int add_mention(qa_state *s, int64_t pos, int ent) {
  qa_ent_priv *p = s->ep;
  if (p->nm >= p->capm && kr_grow((void **)&p->m, &p->capm, p->nm + 1, sizeof(mention))) return KR_NOMEM;
  p->m[p->nm].pos = pos;
  p->m[p->nm].ent = ent;
  p->nm++;
  return KR_OK;
}

static int ent_gender(const went *e) {
  if (e->kind != KR_EK_PERSON && !e->human) return 0;
  if (e->gvote_m > e->gvote_f) return 'm';
  if (e->gvote_f > e->gvote_m) return 'f';
  if (e->gnoun) return e->gnoun;
  return e->ggiven;
}

static kr_str arena_str(qa_state *s, const char *z, int64_t n) {
  kr_str r;
  r.n = n;
  r.off = qa_arena_add(s->out, z, n);
  if (r.off < 0) s->rc = KR_NOMEM;
  return r;
}

/* Text of tokens [a, b) with the first letter lower-cased when lc. */
static kr_str tok_text(qa_state *s, int64_t a, int64_t b, int lc) {
  kr_str r = {-1, 0};
  if (a < 0 || b <= a) return r;
  const unsigned char *z = s->t->z;
  int64_t b0 = s->tok[a].b0, b1 = s->tok[b - 1].b1;
  if (!lc) return arena_str(s, (const char *)z + b0, b1 - b0);
  int len;
  uint32_t c = kr_decode(z, b1, b0, &len);
  char buf[8];
  int n = kr_encode(kr_to_lower(c), buf);
  r = arena_str(s, buf, n);
  if (r.off < 0) return r;
  /* extend in place: the arena string is the last one added */
  kr_qa *o = s->out;
  o->narena--;  /* drop the NUL */
  int64_t off2 = qa_arena_add(o, (const char *)z + b0 + len, b1 - b0 - len);
  if (off2 < 0) { s->rc = KR_NOMEM; r.off = -1; return r; }
  r.n = n + (b1 - b0 - len);
  return r;
}

/* A demonym ("Nederlander"), also as the part after a hyphen
** ("West-Vlaming", "Noord-Hollander"): a flag of its word type. */
static int is_demonym(qa_state *s, int64_t i) {
  return (qa_lex(s, i) & L_DEMONYM) != 0;
}

/* Role text of a phrase: role words (and portfolio), bracket portfolio
** joined ("wethouder Cultuur"), or the apposition. */
static kr_str np_role(qa_state *s, const qa_np *np, int64_t *party_tok) {
  kr_str r = {-1, 0};
  *party_tok = -1;
  int64_t a = np->r0, b = np->r1;
  if (a < 0 && np->ap0 >= 0) {
    a = np->ap0;
    b = np->ap1;
    while (a < b && (qa_lex(s, a) & (L_DET | L_NAT | L_AGE | L_ADV | L_TIME)) && !qa_is_role_word(s, a)) a++;
    if (a >= b || !qa_is_role_word(s, a)) a = -1;
  }
  if (np->br0 >= 0 && np->br1 == np->br0 + 1) {
    uint32_t lx = qa_lex(s, np->br0);
    if (lx & L_PARTY) *party_tok = np->br0;
    else if ((s->tok[np->br0].flags & T_ALLCAP) && !(s->tok[np->br0].flags & T_DIGIT)) *party_tok = np->br0;
  } else if (np->br0 >= 0 && np->br1 - np->br0 <= 3) {
    /* "(Open VLD)", "(KU Leuven)": capitalised words with an acronym name
    ** an organisation, not a portfolio */
    int caps = 1, acro = 0;
    for (int64_t k = np->br0; k < np->br1; k++) {
      if (!(s->tok[k].flags & T_CAP)) caps = 0;
      if ((s->tok[k].flags & T_ALLCAP) && !(s->tok[k].flags & T_DIGIT)) acro = 1;
    }
    if (caps && acro) *party_tok = np->br0;
  }
  if (a >= 0 && is_demonym(s, a)) a = -1;
  if (a < 0) return r;
  int lc = !(s->tok[a].flags & T_ALLCAP);
  /* keep a capitalised compound ("PVV-leider") as written */
  const unsigned char *z = s->t->z;
  for (int64_t k = s->tok[a].b0; k < s->tok[a].b1; k++) if (z[k] == '-') { lc = 0; break; }
  /* unless the compound is itself a role noun ("Advocaat-generaal" opening a sentence) */
  if (!lc && !(s->tok[a].flags & T_ALLCAP)) {
    char w[48];
    int n = qa_lower(s, a, w, sizeof w);
    if (n > 0 && qa_lookup(s, s->lx.roles, w, (size_t)n) >= 0) lc = 1;
  }
  if (lc && !(s->tok[a].flags & T_CAP)) lc = 0;
  if (np->br0 >= 0 && *party_tok < 0 && np->r0 >= 0 && !(s->tok[np->br0].flags & T_DIGIT) && np->br1 - np->br0 <= 3) {
    kr_str x = tok_text(s, a, b, lc);
    if (x.off < 0) return x;
    s->out->narena--;
    int64_t o2 = qa_arena_add(s->out, " ", 1);
    s->out->narena--;
    int64_t o3 = qa_arena_add(s->out, (const char *)z + s->tok[np->br0].b0, s->tok[np->br1 - 1].b1 - s->tok[np->br0].b0);
    if (o2 < 0 || o3 < 0) { s->rc = KR_NOMEM; x.off = -1; return x; }
    x.n += 1 + s->tok[np->br1 - 1].b1 - s->tok[np->br0].b0;
    return x;
  }
  /* "Minister Sigrid Kaag van Financiën", "Voorzitter Von der Leyen van de
  ** Europese Commissie": a van-complement after the name belongs to the
  ** role before it */
  if (np->r0 >= 0 && a == np->r0 && np->n0 >= b && np->v0 > np->n0 && np->v1 > np->v0) {
    kr_str x = tok_text(s, a, b, lc);
    if (x.off < 0) return x;
    int64_t c0 = s->tok[np->v0].b0, c1 = s->tok[np->v1 - 1].b1;
    s->out->narena--;
    int64_t o2 = qa_arena_add(s->out, " ", 1);
    s->out->narena--;
    int64_t o3 = qa_arena_add(s->out, (const char *)z + c0, c1 - c0);
    if (o2 < 0 || o3 < 0) { s->rc = KR_NOMEM; x.off = -1; return x; }
    x.n += 1 + c1 - c0;
    return x;
  }
  return tok_text(s, a, b, lc);
}

/* Organisation tied to a phrase: a party in brackets, the first part of a
** role compound ("VVD-leider" -> VVD), or a capitalised "van" complement. */
static kr_str np_org(qa_state *s, const qa_np *np, int64_t party_tok) {
  kr_str r = {-1, 0};
  if (party_tok >= 0) return tok_text(s, party_tok, party_tok == np->br0 ? np->br1 : party_tok + 1, 0);
  if (np->r0 >= 0) {
    const unsigned char *z = s->t->z;
    int64_t b0 = s->tok[np->r0].b0, b1 = s->tok[np->r0].b1, h = -1;
    for (int64_t k = b1 - 1; k > b0; k--) if (z[k] == '-') { h = k; break; }
    if (h > b0 && kr_is_upper(z[b0])) return arena_str(s, (const char *)z + b0, h - b0);
  }
  int64_t v0 = np->v0 >= 0 ? np->v0 : -1, v1 = np->v1;
  if (v0 < 0 && np->r0 >= 0 && np->r1 > np->r0 + 1 && qa_word_is(s, np->r0 + 1, "van")) { v0 = np->r0 + 1; v1 = np->r1; }
  if (v0 >= 0) {
    int64_t a = v0 + 1;
    if (a < v1 && (qa_lex(s, a) & L_DET)) a++;
    if (a < v1 && (name_word(s, a) == 1 || (s->tok[a].flags & T_ALLCAP))) return tok_text(s, a, v1, 0);
  }
  return r;
}

/* Head surname key and given name of the name tokens [n0, n1). */
static void name_key(qa_state *s, int64_t n0, int64_t n1, char *key, char *given) {
  lower_tok(s, n1 - 1, key, 48);
  given[0] = 0;
  if (n1 - n0 >= 2 && !is_particle(s, n0) && name_word(s, n0) == 1 && name_word(s, n0 + 1) != 0 + 0) {
    if (!(s->tok[n0].flags & T_INITIAL)) lower_tok(s, n0, given, 32);
  } else if (n1 - n0 >= 2 && !is_particle(s, n0) && !(s->tok[n0].flags & T_INITIAL)) {
    lower_tok(s, n0, given, 32);
  }
}

/* The first part of a double surname in the name tokens [n0, n1), lower
** case: "Anja Mulder-van Dijk" and "Ingrid Boersma-de Vries" are later
** "Mulder" and "Boersma". Empty when there is none. */
static void double_surname_key(qa_state *s, int64_t n0, int64_t n1, char *out) {
  out[0] = 0;
  for (int64_t i = n0 + 1; i < n1; i++) {
    const char *z = (const char *)s->t->z + s->tok[i].b0;
    const char *d = memchr(z, '-', (size_t)(s->tok[i].b1 - s->tok[i].b0));
    if (d && d > z && d - z < 47) {
      char w[48];
      lower_tok(s, i, w, sizeof w);
      if ((int)(d - z) < (int)strlen(w)) { memcpy(out, w, (size_t)(d - z)); out[d - z] = 0; }
      return;
    }
  }
}

static void acronym(qa_state *s, int64_t n0, int64_t n1, char *out) {
  int k = 0;
  for (int64_t i = n0; i < n1 && k < 14; i++) {
    if (!(s->tok[i].flags & T_CAP)) continue;
    out[k++] = (char)(s->t->z[s->tok[i].b0] | 0x20);
  }
  out[k] = 0;
  if (k < 2) out[0] = 0;
}

/* How many entities back a name is looked for: far more than any article
** holds, and a bound that keeps one huge text (a whole corpus concatenated)
** linear in time. */
#define NAME_LOOKBACK 1024

static int64_t name_lo(const qa_ent_priv *p) { return p->ne - NAME_LOOKBACK < 0 ? 0 : p->ne - NAME_LOOKBACK; }

/* The most recent of the last NAME_LOOKBACK entities that is named with
** the surname key `key` and no other given name, or (allcap_single: the
** name is one acronym) whose initials spell it; -1 when none. */
static int find_named(qa_state *s, const char *key, const char *given, int allcap_single) {
  qa_ent_priv *p = s->ep;
  int64_t lo = name_lo(p), best = -1;
  uint32_t h = str_hash(key);
  for (int32_t k = ix_first(&p->by_key, h, lo); k >= 0; k = ix_next(&p->by_key, k, lo)) {
    int64_t x = p->by_key.node[k].ent;
    const went *e = &p->e[x];
    if (x > best && (!strcmp(e->key, key) || !strcmp(e->key2, key)) && !(given[0] && e->given[0] && strcmp(given, e->given))) best = x;
  }
  if (!allcap_single) return (int)best;
  /* an entity with this very key and another given name is no match by
  ** its initials either */
  for (int32_t k = ix_first(&p->by_acro, h, lo); k >= 0; k = ix_next(&p->by_acro, k, lo)) {
    int64_t x = p->by_acro.node[k].ent;
    const went *e = &p->e[x];
    if (x > best && e->acro[0] && !strcmp(e->acro, key) && strcmp(e->key, key)) best = x;
  }
  return (int)best;
}

/* Set the acronym of named entity id from its name tokens [n0, n1) and
** index it. */
static void set_acronym(qa_state *s, int id, int64_t n0, int64_t n1) {
  went *e = &s->ep->e[id];
  char old[16];
  memcpy(old, e->acro, sizeof old);
  acronym(s, n0, n1, e->acro);
  if (e->acro[0] && strcmp(old, e->acro) && ix_add(&s->ep->by_acro, str_hash(e->acro), id, name_lo(s->ep)))
    s->rc = KR_NOMEM;
}

/* The most recent entity before the current mention that matches. */
static int recent(qa_state *s, int want_kind, int gender, int need_quote) {
  qa_ent_priv *p = s->ep;
  int64_t lo = p->nm - LOOKBACK < 0 ? 0 : p->nm - LOOKBACK;
  for (int64_t m = p->nm - 1; m >= lo; m--) {
    went *e = &p->e[p->m[m].ent];
    if (p->m[m].pos >= p->skip0 && p->m[m].pos < p->skip1) continue;
    if (p->skip_marked && p->m[m].pos < s->ntok && s->tok[p->m[m].pos].span >= 0) continue;
    if (want_kind == KR_EK_PERSON && !(e->kind == KR_EK_PERSON || e->human)) continue;
    if (want_kind >= 0 && want_kind != KR_EK_PERSON && e->kind != want_kind) continue;
    if (need_quote && !e->spoke) continue;
    int g = ent_gender(e);
    if (gender && g && g != gender) continue;
    return p->m[m].ent;
  }
  return -1;
}

/* The most recent person mentioned by name, or -1. */
static int recent_named_person(qa_state *s) {
  qa_ent_priv *p = s->ep;
  int64_t lo = p->nm - LOOKBACK < 0 ? 0 : p->nm - LOOKBACK;
  for (int64_t m = p->nm - 1; m >= lo; m--) {
    const went *e = &p->e[p->m[m].ent];
    if (e->kind == KR_EK_PERSON && e->named) return p->m[m].ent;
  }
  return -1;
}

/* A pronoun at a quote takes the most recent person; but when that
** person was named inside a sentence whose subject, at its start, is
** another person who fits, the pronoun refers to the subject: "Advocaat
** Jan Smit vroeg vrijspraak voor Kevin B. (...), betoogde hij" is Jan Smit. */
static int prefer_subject(qa_state *s, int id, int gender) {
  qa_ent_priv *p = s->ep;
  int64_t lo = p->nm - LOOKBACK < 0 ? 0 : p->nm - LOOKBACK, m = p->nm - 1;
  while (m >= lo && p->m[m].ent != id) m--;
  if (m < lo || p->m[m].pos >= s->ntok || (s->tok[p->m[m].pos].flags & T_SSTART)) return id;
  int64_t sent = qa_sent_of(s, p->m[m].pos);
  for (int64_t m2 = m - 1; m2 >= lo && p->m[m2].pos < s->ntok && qa_sent_of(s, p->m[m2].pos) == sent; m2--) {
    const went *e = &p->e[p->m[m2].ent];
    if (p->m[m2].ent == id || !(s->tok[p->m[m2].pos].flags & T_SSTART)) continue;
    if (!(e->kind == KR_EK_PERSON || e->human)) return id;
    int g = ent_gender(e);
    return gender && g && g != gender ? id : p->m[m2].ent;
  }
  return id;
}

static void add_alias(went *e, const qa_state *s, int64_t b0, int64_t b1) {
  (void)s;
  for (int k = 0; k < e->nalias; k++) {
    int64_t l0 = e->alias[k][1] - e->alias[k][0];
    if (l0 == b1 - b0 && !memcmp(s->t->z + e->alias[k][0], s->t->z + b0, (size_t)l0)) return;
  }
  if (e->nalias < MAX_ALIAS) { e->alias[e->nalias][0] = b0; e->alias[e->nalias][1] = b1; e->nalias++; }
}

/* Is token k inside quote marks? */
static int in_marks(const qa_state *s, int64_t k) {
  return k >= 0 && k < s->ntok && s->tok[k].span >= 0;
}

/* Is token k a body's noun that stays in the name before a place
** ("gemeente Venlo")? */
static int place_body(qa_state *s, int64_t k) {
  char w[48];
  int n = qa_lower(s, k, w, sizeof w);
  int r = n > 0 ? qa_lookup(s, s->lx.org, w, (size_t)n) : -1;
  return r >= 0 && !strcmp(kr_lexicon_cell(s->lx.org, r, 4), "keep");
}

/* Does role head noun rh end in the head noun h of an anaphor ("vakbond"
** for "de bond", "hoofdtrainer" for "de trainer")? */
static int head_matches(const char *rh, const char *h) {
  size_t a = strlen(rh), b = strlen(h);
  return b > 0 && a >= b && (a == b || b >= 4) && !strcmp(rh + a - b, h);
}

/* Resolve a phrase to an entity (creating one when needed); returns the
** entity or -1. quoted: the phrase is the source of a quote. */
/* The age a token gives: "62" in a bracket after a name, "62-jarige";
** 0 when it gives none (or an implausible one). */
static int tok_age(const qa_state *s, int64_t k) {
  if (k < 0 || !(s->tok[k].flags & T_DIGIT)) return 0;
  const unsigned char *z = s->t->z;
  int v = 0;
  for (int64_t b = s->tok[k].b0; b < s->tok[k].b1 && z[b] >= '0' && z[b] <= '9' && v < 1000; b++) v = v * 10 + (z[b] - '0');
  return v >= 1 && v <= 120 ? v : 0;
}

/* The age a phrase gives its person: "(62)" after the name, or an age
** noun before it ("de 62-jarige Ward Peeters"). */
static int np_age(qa_state *s, const qa_np *np) {
  if (np->br0 >= 0 && np->br1 == np->br0 + 1 && s->tok[np->br0].b1 - s->tok[np->br0].b0 <= 3) return tok_age(s, np->br0);
  for (int64_t k = np->a; k < np->b && k < np->a + 4; k++)
    if (qa_lex(s, k) & L_AGE) return tok_age(s, k);
  return 0;
}

/* Is the determiner at k a possessive of the third person ("zijn",
** "haar", "hun": pronouns.tsv, person 3, case poss or obj; not "het")? */
static int third_person_det(qa_state *s, int64_t k) {
  if (k < 0 || !(qa_lex(s, k) & L_PRON)) return 0;
  return !strcmp(word_cell(s, s->lx.pron, k, 2), "3") && strcmp(word_cell(s, s->lx.pron, k, 3), "subj") != 0;
}

static int resolve_np(qa_state *s, const qa_np *np, int quoted) {
  qa_ent_priv *p = s->ep;
  int id = -1;
  if (np->pron >= 0) {
    char w[16];
    lower_tok(s, np->pron, w, sizeof w);
    int g = qa_gender(s, np->pron);
    int any = !strcmp(w, "die") || !strcmp(w, "deze");
    /* at a quote, a person named inside someone's quoted words ("hoopt op
    ** ‘een plek voor Ter Horst’. … ‘…’, zegt ze") is passed over when a
    ** person named outside quotes fits */
    if (quoted && !in_marks(s, np->pron)) {
      p->skip_marked = 1;
      id = recent(s, any ? -1 : KR_EK_PERSON, any ? 0 : g, 0);
      p->skip_marked = 0;
    }
    if (id < 0) id = recent(s, any ? -1 : KR_EK_PERSON, any ? 0 : g, 0);
    if (id >= 0 && quoted && !any) id = prefer_subject(s, id, g);
    if (id < 0 && g == 'f') id = recent(s, -1, 0, 1);  /* plural "ze" */
    if (id >= 0 && quoted && g && (p->e[id].kind == KR_EK_PERSON || p->e[id].human)) {
      if (g == 'm') p->e[id].gvote_m++; else p->e[id].gvote_f++;
    }
    return id;
  }
  /* "De Boer wil dat ...", "aldus De Koning": a capitalised role noun
  ** after the particle "De" is the surname of a person the article has
  ** named ("Harm Jan de Boer"), not "the farmer" or "the king" */
  if (np->n0 < 0 && np->det >= 0 && np->r0 == np->det + 1 && np->r1 == np->r0 + 1 &&
      (s->tok[np->r0].flags & T_CAP) && !(s->tok[np->r0].flags & T_ALLCAP) && is_particle(s, np->det)) {
    char key[48];
    lower_tok(s, np->r0, key, sizeof key);
    int named = find_named(s, key, "", 0);
    if (named >= 0 && p->e[named].kind == KR_EK_PERSON) return named;
  }
  int64_t party = -1;
  if (np->n0 >= 0) {
    char key[48], given[32];
    name_key(s, np->n0, np->n1, key, given);
    /* "de gemeente Venlo", "provincie Utrecht": the noun of a body bound to
    ** a place is part of its name before a place name (but "vakbond FNV" is
    ** FNV and "onderzoeksbureau Ipsos" is Ipsos: organisations.tsv, column
    ** name) */
    int64_t nn0 = np->n0;
    if (np->r0 >= 0 && np->r1 == np->n0 && np->r0 + 1 == np->n0 && (qa_lex(s, np->r0) & L_ORG) &&
        !(qa_lex(s, np->n0) & (L_GIVEN | L_PARTY | L_ORG)) && !(s->tok[np->n0].flags & T_ALLCAP) && np->n1 - np->n0 == 1 &&
        place_body(s, np->r0))
      nn0 = np->r0;
    int single_cap = np->n1 - np->n0 == 1 && (s->tok[np->n0].flags & T_ALLCAP);
    id = find_named(s, key, given, single_cap);
    if (id < 0 && single_cap) {
      /* an acronym of an organisation named in full later is found then */
    }
    if (id < 0) {
      id = new_ent(s);
      if (id < 0) { s->rc = KR_NOMEM; return -1; }
      went *e = &p->e[id];
      e->named = 1;
      e->kind = nn0 < np->n0 ? KR_EK_ORG : KR_EK_PERSON;
      e->n0 = nn0; e->n1 = np->n1; e->ntoks = np->n1 - nn0;
      strcpy(e->key, key);
      strcpy(e->given, given);
      if (ix_add(&p->by_key, str_hash(key), id, name_lo(p))) { s->rc = KR_NOMEM; return -1; }
      if (nn0 == np->n0) double_surname_key(s, np->n0, np->n1, e->key2);
      if (e->key2[0] && ix_add(&p->by_key, str_hash(e->key2), id, name_lo(p))) { s->rc = KR_NOMEM; return -1; }
      set_acronym(s, id, np->n0, np->n1);
    }
    went *e = &p->e[id];
    if (np->n1 - nn0 > e->ntoks) {
      e->n0 = nn0; e->n1 = np->n1; e->ntoks = np->n1 - nn0;
      if (given[0]) strcpy(e->given, given);
      set_acronym(s, id, np->n0, np->n1);
    }
    /* kind */
    uint32_t lastlx = qa_lex(s, np->n1 - 1);
    int ev_person = np->r0 >= 0 && !(qa_lex(s, np->r0) & L_ORG);
    if (np->hon_gender || (qa_lex(s, np->n0) & L_GIVEN) || (s->tok[np->n0].flags & T_INITIAL) ||
        (s->tok[np->n1 - 1].flags & T_INITIAL) || (np->head >= 0 && (qa_lex(s, np->head) & L_AGE)))
      ev_person = 1;
    int ev_org = (lastlx & (L_ORG | L_PARTY | L_PLACE)) || single_cap ||
                 (np->head >= 0 && (qa_lex(s, np->head) & L_ORG)) ||
                 (np->det >= 0 && np->r0 < 0 && np->n1 - np->n0 >= 1 && !(qa_lex(s, np->n0) & L_GIVEN)) ||
                 (np->n1 - np->n0 == 1 && (qa_lex(s, np->n0) & (L_PLACE | L_PARTY))) ||
                 qa_word_is(s, np->n0, "the") || (np->n1 - np->n0 > 2 && (qa_lex(s, np->n0) & L_OFHEAD));
    if (np->n0 > 0 && qa_word_is(s, np->n0 - 1, "the")) ev_org = 1;
    if (ev_person) e->person_ev = 1;
    if (ev_org && !e->person_ev) e->kind = KR_EK_ORG;
    if (ev_person) e->kind = KR_EK_PERSON;
    if (e->kind == KR_EK_PERSON) {
      if (np->hon_gender) e->gnoun = np->hon_gender;
      int64_t g0 = e->n0;
      if ((qa_lex(s, g0) & L_GIVEN) && qa_gender(s, g0) && e->ntoks >= 2) e->ggiven = qa_gender(s, g0);
    }
    if (np->r0 >= 0 && np->head >= 0) lower_tok(s, np->head, e->rolehead, 48);
    else if (np->ap0 >= 0 && !e->rolehead[0]) {
      /* "Kristel Vermeiren, woordvoerster van het parket": a later "de
      ** woordvoerster" refers back to her */
      int64_t a = np->ap0;
      while (a < np->ap1 && (qa_lex(s, a) & (L_DET | L_NAT | L_AGE)) && !qa_is_role_word(s, a)) a++;
      if (a < np->ap1 && qa_is_role_word(s, a)) lower_tok(s, a, e->rolehead, 48);
    }
    if (nn0 < np->n0 || (np->r0 >= 0 && (qa_lex(s, np->r0) & L_ORG) && !qa_is_role_word(s, np->r0))) {
      /* the body noun is in the name, or names the kind of body
      ** ("onderzoeksbureau Ipsos"): no role */
      np_role(s, np, &party);
      if (nn0 == np->n0 && !e->rolehead[0]) lower_tok(s, np->r0, e->rolehead, 48);
    } else if (!e->role_named) {
      kr_str r = np_role(s, np, &party);
      if (r.off >= 0) { e->role = r; e->role_named = 1; }
    } else {
      np_role(s, np, &party);
    }
    if (e->org.off < 0) e->org = np_org(s, np, party);
    if (!e->age) e->age = np_age(s, np);
    return id;
  }
  /* an unnamed source: "de minister", "een woordvoerster", "ingewijden" */
  int64_t h = np->head >= 0 ? np->head : np->r0;
  if (h < 0) return -1;
  char head[48];
  lower_tok(s, h, head, sizeof head);
  /* a capitalised role noun that is a known surname: "Bakker zei" */
  if ((s->tok[h].flags & T_CAP) && np->det < 0 && np->b == h + 1) {
    int named = find_named(s, head, "", 0);
    if (named >= 0 && p->e[named].kind == KR_EK_PERSON) return named;
  }
  int definite = np->det < 0 || !qa_word_is(s, np->det, "een");
  /* "mijn ploegleider", "onze coach": someone of the speaker's, a new
  ** source, never the person named before */
  if (np->det >= 0 && (qa_word_is(s, np->det, "mijn") || qa_word_is(s, np->det, "onze") ||
                       qa_word_is(s, np->det, "ons") || qa_word_is(s, np->det, "jouw") ||
                       qa_word_is(s, np->det, "uw") || qa_word_is(s, np->det, "m'n")))
    definite = 0;
  kr_str desc = tok_text(s, np->a, np->b, 1);
  if (desc.off < 0) return -1;
  const char *dz = s->out->arena + desc.off;
  /* the same description before (within the same bound as names) */
  uint32_t dh = desc_hash(dz, desc.n);
  for (int32_t k = ix_first(&p->by_desc, dh, name_lo(p)); k >= 0; k = ix_next(&p->by_desc, k, name_lo(p))) {
    int64_t x = p->by_desc.node[k].ent;
    const went *e = &p->e[x];
    if (x > id && e->desc.n == desc.n && !strncasecmp(s->out->arena + e->desc.off, dz, (size_t)desc.n)) id = (int)x;
  }
  if (id < 0 && definite) {
    /* an anaphor: an entity with this role or head noun */
    int64_t lo = p->nm - LOOKBACK < 0 ? 0 : p->nm - LOOKBACK;
    for (int64_t m = p->nm - 1; m >= lo && id < 0; m--) {
      went *e = &p->e[p->m[m].ent];
      if (e->rolehead[0] && head_matches(e->rolehead, head)) id = p->m[m].ent;
      else if (e->named && e->kind == KR_EK_ORG && !strcmp(e->key, head)) id = p->m[m].ent;
    }
    /* "Het Nibud waarschuwt ... Volgens het budgetinstituut ...": a definite
    ** noun for a body ("het instituut", "de bond") at a quote stands for
    ** the organisation named last, in this paragraph or the one before,
    ** when the article gave that one no head noun of another kind */
    if (id < 0 && quoted && np->det >= 0 && np->b == h + 1 && (qa_lex(s, h) & L_ORG) && !(qa_lex(s, h) & L_ANON) &&
        !third_person_det(s, np->det) && qa_org_epithet(s, h)) {
      int r = recent(s, KR_EK_ORG, 0, 0);
      if (r >= 0 && p->e[r].named && p->e[r].para >= s->tok[h].para - 1 &&
          (!p->e[r].rolehead[0] || head_matches(p->e[r].rolehead, head)))
        id = r;
    }
    /* "zijn advocaat", "haar moeder": someone of the person just named,
    ** not that person; only an earlier mention with the same role fits */
    if (id < 0 && qa_is_role_word(s, h) && !(qa_lex(s, h) & (L_ORG | L_ANON)) && quoted && !third_person_det(s, np->det)) {
      int64_t para = s->tok[h].para;
      int r = recent(s, KR_EK_PERSON, qa_gender(s, h), 0);
      /* "zei de 58-jarige trainer": a role with an age re-describes the
      ** person just named, whatever role the article gave before */
      int aged = 0;
      for (int64_t k = np->a; k < h; k++) aged |= (qa_lex(s, k) & L_AGE) != 0;
      /* (with an age also the person named in the paragraph before:
      ** "Invaller X kopte raak. // ‘…’, vertelde de negentienjarige aanvaller") */
      if (r >= 0 && p->e[r].named && (p->e[r].para == para || (aged && p->e[r].para == para - 1)) &&
          (p->e[r].role.off < 0 || !p->e[r].role_named || aged)) id = r;
      if (id < 0) {
        r = recent(s, KR_EK_PERSON, qa_gender(s, h), 1);
        if (r >= 0 && p->e[r].named && p->e[r].role.off < 0 && p->e[r].para >= para - 1) id = r;
      }
    }
    /* "De 58-jarige vreest dat ...": an age used as a noun re-describes the
    ** person named just before (in this paragraph or the one before) */
    int origin = np->det >= 0 && h == np->det + 1 && np->n0 < 0 && origin_adjective(s, h, s->ntok);
    if (id < 0 && ((qa_lex(s, h) & (L_AGE | L_NAT)) || origin) && !qa_is_role_word(s, h)) {
      int r = recent(s, KR_EK_PERSON, (qa_lex(s, h) & L_NAT) || origin ? np->hon_gender : 0, 0);
      if (r >= 0 && p->e[r].named && p->e[r].para >= s->tok[h].para - 1) id = r;
    }
    /* "de 62-jarige" further on: the person the article gave that age */
    if (id < 0 && (qa_lex(s, h) & L_AGE) && tok_age(s, h)) {
      int age = tok_age(s, h);
      for (int64_t m = p->nm - 1; m >= lo && id < 0; m--)
        if (p->e[p->m[m].ent].age == age && p->e[p->m[m].ent].kind == KR_EK_PERSON) id = p->m[m].ent;
    }
    /* "de Zweed", "de Belg": a demonym re-describes the person named in
    ** this paragraph or the one before */
    if (id < 0 && np->det >= 0 && np->b == h + 1 && is_demonym(s, h)) {
      int r = recent(s, KR_EK_PERSON, 0, 0);
      if (r >= 0 && p->e[r].named && p->e[r].para >= s->tok[h].para - 1) id = r;
    }
    if (id >= 0) {
      went *e = &p->e[id];
      if (e->role.off < 0 && qa_is_role_word(s, h)) {
        int64_t pt;
        e->role = np_role(s, np, &pt);
        if (!e->rolehead[0]) strcpy(e->rolehead, head);
      }
      if (qa_gender(s, h) && !e->gnoun) e->gnoun = qa_gender(s, h);
      if (((qa_lex(s, h) & L_NAT) || origin) && np->hon_gender && !e->gnoun) e->gnoun = np->hon_gender;   /* "de Japanse" */
      return id;
    }
  }
  if (id < 0) {
    id = new_ent(s);
    if (id < 0) { s->rc = KR_NOMEM; return -1; }
    went *e = &p->e[id];
    e->desc = desc;
    if (ix_add(&p->by_desc, dh, id, name_lo(p))) { s->rc = KR_NOMEM; return -1; }
    uint32_t hl = qa_lex(s, h);
    e->kind = (hl & L_ORG) ? KR_EK_ORG : KR_EK_ANON;
    strcpy(e->rolehead, head);
    if (qa_is_role_word(s, h) && !(hl & L_ORG) && !is_demonym(s, h)) {
      /* the head noun with a portfolio ("minister van Defensie"), without
      ** the body it speaks for ("woordvoerder van de gemeente"): an unnamed
      ** source's role is its head noun (GUIDELINES: "een bakker") */
      int64_t r1 = np->r1 > h ? np->r1 : h + 1;
      if (r1 > h + 2 && qa_word_is(s, h + 1, "van") && (qa_lex(s, h + 2) & L_DET)) r1 = h + 1;
      if (r1 > h + 1 && (qa_word_is(s, h + 1, "uit") || qa_word_is(s, h + 1, "bij"))) r1 = h + 1;
      int64_t r0 = np->r0 >= 0 && np->r0 < h && (qa_lex(s, np->r0) & L_RADJ) ? np->r0 : h;   /* "technisch directeur" */
      e->role = tok_text(s, r0, r1, 1);
      e->role_named = 1;
    } else if (hl & L_ANON) {
      /* "economen van ING": a group named by its profession */
      int r = qa_lookup(s, s->lx.anon, head, strlen(head));
      if (r >= 0 && !strcmp(kr_lexicon_cell(s->lx.anon, r, 1), "role")) e->role = tok_text(s, h, h + 1, 1);
    }
    if (qa_gender(s, h) && e->kind == KR_EK_ANON) e->gnoun = qa_gender(s, h);
    e->human = e->kind == KR_EK_ANON && !(hl & (L_ANON | L_ORG));
    e->org = np_org(s, np, -1);
  }
  return id;
}

/* ---- events in text order ----------------------------------------------- */

#define EV_NAME  0    /* a name in the narrative */
#define EV_QUOTE 1    /* the source phrase of a quote */
#define EV_INH   2    /* a quote that takes an earlier speaker */

/* (struct event, the events: see qa_ent_priv; for EV_NAME, q is the
** index of the phrase parsed by narrative_names in the array nps, so that
** it is not parsed twice) */

static int cmp_ev(const void *x, const void *y) {
  const event *a = x, *b = y;
  if (a->pos != b->pos) return a->pos < b->pos ? -1 : 1;
  return a->type - b->type;
}

static int ev_sorted(const event *ev, int64_t a, int64_t b) {
  for (int64_t i = a + 1; i < b; i++) if (cmp_ev(&ev[i - 1], &ev[i]) > 0) return 0;
  return 1;
}

/* Sort the events by position, stably. The names (ev[0..nn)) are found
** in text order and the quote events (ev[nn..n)) nearly so: when both
** parts are in order they are merged in linear time (names first on a tie,
** as a stable sort does); otherwise qsort. */
static int sort_events(event **pev, int64_t nn, int64_t n, int64_t *cap) {
  event *ev = *pev;
  if (n < 2 || ev_sorted(ev, 0, n)) return KR_OK;
  if (!ev_sorted(ev, 0, nn) || !ev_sorted(ev, nn, n)) {
    qsort(ev, (size_t)n, sizeof(event), cmp_ev);
    return KR_OK;
  }
  event *m = kr_malloc((size_t)n * sizeof(event));
  if (!m) return KR_NOMEM;
  int64_t i = 0, j = nn, k = 0;
  while (i < nn && j < n) m[k++] = cmp_ev(&ev[j], &ev[i]) < 0 ? ev[j++] : ev[i++];
  while (i < nn) m[k++] = ev[i++];
  while (j < n) m[k++] = ev[j++];
  kr_free(ev);
  *pev = m;
  *cap = n;
  return KR_OK;
}

/* The first token that ends after byte b (ntok when none). A binary search
** without branches on the data (the processor cannot guess them). */
static int64_t tok_at(const qa_state *s, int64_t b) {
  int64_t base = 0, n = s->ntok;
  if (n == 0) return 0;
  while (n > 1) {
    int64_t half = n / 2;
    base = s->tok[base + half - 1].b1 <= b ? base + half : base;
    n -= half;
  }
  return base + (s->tok[base].b1 <= b);
}

/* A quote nested in a direct quote, attributed to a pronoun ("Mijn moeder
** zat op de tribune. Zij zei: 'Vandaag is jouw dag.'"): inside the outer
** quote a third person is not its speaker, who says "ik". The pronoun
** stands for the last person the outer quote itself names before it, by
** name or as "mijn moeder", "onze trainer", of the pronoun's gender.
** Fills *out and returns 1 when there is one. */
static int inside_antecedent(qa_state *s, const qa_np *pron, qa_np *out) {
  int32_t x = s->tok[pron->pron].span;
  if (x < 0) return 0;
  int g = (qa_lex(s, pron->pron), qa_gender(s, pron->pron));
  int found = 0;
  int64_t lim = pron->pron;
  for (int64_t k = s->sp[x].o + 1; k < lim; k++) {
    if (!is_word(s, k) || (qa_lex(s, k) & L_PRON && !(qa_lex(s, k) & L_DET))) continue;
    qa_np np;
    if (!qa_np_forward(s, k, lim, &np)) continue;
    int possessive = np.det >= 0 && np.head >= 0 && qa_is_role_word(s, np.head) &&
                     (qa_word_is(s, np.det, "mijn") || qa_word_is(s, np.det, "onze") || qa_word_is(s, np.det, "m'n"));
    if (np.n0 < 0 && !possessive) continue;
    if (np.n0 >= 0 && !(qa_lex(s, np.n0) & L_GIVEN) && !possessive && np.r0 < 0) { k = np.b - 1; continue; }
    int64_t gt = np.n0 >= 0 ? np.n0 : np.head;
    int ng = np.hon_gender ? np.hon_gender : (qa_lex(s, gt), qa_gender(s, gt));
    if (g && ng && g != ng) { k = np.b - 1; continue; }
    *out = np;
    found = 1;
    k = np.b - 1;
  }
  return found;
}

/* "Floor Veldhuis noemt de komst van Solberg ‘een sensatie’. ‘…’, zegt
** ze.": a pronoun at a quote in the sentence right after another quote of
** the same paragraph stands for that quote's source when it fits, rather
** than for a name mentioned inside that sentence. id is the entity the
** pronoun resolved to; returns the one to use. */
static int previous_source(qa_state *s, const qa_np *np, int id, const qa_q *prev, const qa_q *q) {
  int ent = prev->entity;
  if (ent < 0 || ent == id || prev->para != q->para || prev->b1 > q->b0) return id;
  went *e = &s->ep->e[ent];
  if (!(e->kind == KR_EK_PERSON || e->human)) return id;
  int g = (qa_lex(s, np->pron), qa_gender(s, np->pron)), eg = ent_gender(e);
  if (!g || (eg && g != eg)) return id;
  /* at most the one sentence end that closes the previous quote's sentence,
  ** not counting those inside marks */
  int nfinal = 0;
  for (int64_t k = tok_at(s, prev->b1); k < np->a && k < s->ntok; k++) {
    if (s->tok[k].span >= 0) continue;
    if (tok_is_final(s, k)) nfinal++;
  }
  return nfinal <= 1 ? ent : id;
}

static int64_t find_q_by_b0(const qa_state *s, int64_t b0) {
  int64_t lo = 0, hi = s->nqq;
  while (lo < hi) {
    int64_t mid = (lo + hi) / 2;
    if (s->qq[mid].b0 < b0) lo = mid + 1; else hi = mid;
  }
  return lo < s->nqq && s->qq[lo].b0 == b0 ? lo : -1;
}

static int in_direct_tok(const qa_state *s, int64_t k) {
  if (s->tok[k].flags & T_DASHQ) return 1;
  int32_t x = s->tok[k].span;
  return x >= 0 && s->sp[x].state == S_DIRECT;
}

/* Is token d the first after a sentence opened by a time word or adverb
** and an auxiliary verb, where Dutch puts the subject ("Vandaag werd de
** beschuldigde verhoord")? */
static int inverted_subject(qa_state *s, int64_t d) {
  return d >= 2 && (s->tok[d - 2].flags & T_SSTART) && is_word(s, d - 2) &&
         (qa_lex(s, d - 2) & (L_TIME | L_ADV)) && !(qa_lex(s, d - 2) & (L_PRON | L_DET)) && is_word(s, d - 1) &&
         (qa_lex(s, d - 1) & L_AUX) && s->tok[d - 1].para == s->tok[d].para;
}

/* "Een woordvoerder van het ministerie wilde niet zeggen ...": an unnamed
** person introduced as the subject at the start of a sentence (or right
** after a fronted time word and the verb), whom a later "hij" or "ze" can
** refer to even when this sentence has no quote. */
static int new_person(qa_state *s, const qa_np *np) {
  return np->n0 < 0 && np->det == np->a && ((s->tok[np->a].flags & T_SSTART) || inverted_subject(s, np->a)) &&
         (qa_word_is(s, np->a, "een") || qa_word_is(s, np->a, "de")) &&
         np->head >= 0 && np->head == np->r0 && qa_is_role_word(s, np->head) && !(qa_lex(s, np->head) & (L_ORG | L_ANON));
}

/* Names in the narrative that are clearly persons, or that name an entity
** already known. */
static int narrative_names(qa_state *s, event **ev, int64_t *nev, int64_t *cap, qa_np **nps, int64_t *capnp) {
  int64_t next = 0;   /* the first token not yet parsed */
  for (int64_t x = 0; x < s->ncw; x++) {
    int64_t k = s->cw[x];   /* the capitalised words, in text order */
    if (k < next) continue;
    qa_tok *t = &s->tok[k];
    if (!(t->flags & T_WORD) || (t->flags & T_SIG) || in_direct_tok(s, k)) continue;
    if (s->para_flag[t->para] & P_BYLINE) continue;   /* the author is no source */
    /* the credit of a photo caption ("Foto ANP / Bart Maat") names no one in the story */
    if ((s->para_flag[t->para] & P_CAPTION) && qa_sent_of(s, k) == qa_sent_of(s, s->para_tok[t->para + 1] - 1)) continue;
    /* start at the role, age or article before the name: "de 84-jarige X" */
    int64_t a = k, pa = s->para_tok[t->para];
    while (a > pa && a > k - 4 && is_word(s, a - 1) && !(s->tok[a - 1].flags & T_CAP) &&
           (qa_lex(s, a - 1) & (L_ROLE | L_AGE | L_NAT | L_HON | L_DET)) && !(qa_lex(s, a - 1) & L_PRON && !(qa_lex(s, a - 1) & L_DET)))
      a--;
    /* or at the role whose portfolio this word starts: "en minister van
    ** Werk Jan Wouters", "Eurocommissaris voor Energie Els Vandamme" */
    if (a == k && a - 2 >= pa && (qa_word_is(s, a - 1, "van") || qa_word_is(s, a - 1, "voor")) &&
        qa_is_role_word(s, a - 2) && !(qa_lex(s, a - 2) & (L_ORG | L_ANON)) && !(s->tok[a - 2].flags & T_SIG))
      a -= 2;
    qa_np np;   /* (parsed up to the end of the paragraph of k, which holds a) */
    /* "Vandaag werd de beschuldigde verhoord": an unnamed person as the
    ** subject after the verb */
    if ((t->flags & T_SSTART) && k + 2 < s->ntok && inverted_subject(s, k + 2) && np_in_para(s, k + 2, &np) &&
        np.pron < 0 && new_person(s, &np))
      a = k + 2;
    int ok = np_in_para(s, a, &np) && (np.n0 >= 0 || new_person(s, &np)) && np.pron < 0;
    if (!ok && a < k) ok = np_in_para(s, k, &np) && np.n0 >= 0 && np.pron < 0;
    if (!ok) continue;
    if (*nev >= *cap && kr_grow((void **)ev, cap, *nev + 1, sizeof(event))) return KR_NOMEM;
    if (*nev >= *capnp && kr_grow((void **)nps, capnp, *nev + 1, sizeof(qa_np))) return KR_NOMEM;
    (*nps)[*nev] = np;
    event *e = &(*ev)[*nev];
    e->pos = np.a; e->type = EV_NAME; e->q = *nev; e->a = np.a;
    (*nev)++;
    if (np.b > k + 1) next = np.b;
  }
  return KR_OK;
}

static int person_evidence(qa_state *s, const qa_np *np) {
  if (np->r0 >= 0 && !(qa_lex(s, np->r0) & L_ORG)) return 1;
  if (np->hon_gender) return 1;
  if (np->head >= 0 && (qa_lex(s, np->head) & L_AGE)) return 1;
  if (qa_lex(s, np->n0) & L_GIVEN) return 1;
  if ((s->tok[np->n0].flags & T_INITIAL) || (s->tok[np->n1 - 1].flags & T_INITIAL)) return 1;
  /* "de Japanse Mei Tanaka": a nationality before a name of two words */
  if (np->n1 - np->n0 >= 2 && np->n0 > 0 && (qa_lex(s, np->n0 - 1) & L_NAT) &&
      !(qa_lex(s, np->n1 - 1) & (L_ORG | L_PLACE | L_PARTY)))
    return 1;
  if (np->n1 - np->n0 >= 2 && !s->lx.given && np->det < 0 && !(qa_lex(s, np->n1 - 1) & (L_ORG | L_PLACE | L_PARTY))) {
    int64_t b = np->a - 1;
    if (b >= 0 && (qa_lex(s, b) & L_PREP)) return 0;
    for (int64_t i = np->n0; i < np->n1; i++) if (s->tok[i].flags & T_ALLCAP) return 0;
    return 1;
  }
  return 0;
}

static int64_t count_words(const qa_state *s, int64_t b0, int64_t b1) {
  int64_t a = tok_at(s, b0), n = 0;
  for (int64_t k = a; k < s->ntok && s->tok[k].b0 < b1; k++) if (s->tok[k].flags & T_WORD) n++;
  return n;
}

static void str_app(qa_state *s, const char *z, int64_t n) {
  s->out->narena--;
  if (qa_arena_add(s->out, z, n) < 0) s->rc = KR_NOMEM;
}

/* Append z[0..n) as a JSON string to the arena (no NUL between parts):
** runs of plain bytes are copied at once. */
static void json_add(qa_state *s, const char *z, int64_t n) {
  static const char hx[] = "0123456789abcdef";
  str_app(s, "\"", 1);
  int64_t run = 0;
  for (int64_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)z[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    char esc[6] = {'\\', (char)c, 0, 0, 0, 0};
    int el = 2;
    if (c == '\n') esc[1] = 'n';
    else if (c < 0x20) { esc[1] = 'u'; esc[2] = '0'; esc[3] = '0'; esc[4] = hx[c >> 4]; esc[5] = hx[c & 15]; el = 6; }
    str_app(s, z + run, i - run);
    str_app(s, esc, el);
    run = i + 1;
  }
  str_app(s, z + run, n - run);
  str_app(s, "\"", 1);
}

/* Name parts of a person: given name, particle, surname and sort name. */
static void name_parts(qa_state *s, went *w, kr_entity *e) {
  int64_t n0 = w->n0, n1 = w->n1;
  const unsigned char *z = s->t->z;
  /* the surname starts at the first particle or at the last word */
  int64_t sur = n1 - 1;
  while (sur - 1 >= n0 && is_particle(s, sur - 1) && name_word(s, sur - 1) != 1) sur--;
  /* a token "Jacobs-van" joins the next word */
  if (sur - 1 >= n0) {
    int64_t b0 = s->tok[sur - 1].b0, b1 = s->tok[sur - 1].b1;
    for (int64_t k = b1 - 1; k > b0; k--) if (z[k] == '-') { if (qa_lookup(s, s->lx.part, (const char *)z + k + 1, (size_t)(b1 - k - 1)) >= 0) sur--; break; }
  }
  int64_t pe = sur;
  while (pe < n1 - 1 && is_particle(s, pe) && name_word(s, pe) != 1) pe++;
  if (sur > n0) e->given = tok_text(s, n0, sur, 0);
  if (pe > sur) e->particle = tok_text(s, sur, pe, 0);
  e->surname = tok_text(s, pe, n1, 0);
  /* sort name: "Meulen, Pieter van der"; Flemish capitalised particles
  ** after a given name stay in front: "De Wever, Bart" */
  int flemish = pe > sur && sur > n0 && (s->tok[sur].flags & T_CAP);
  kr_str sn;
  if (flemish) sn = tok_text(s, sur, n1, 0);
  else sn = tok_text(s, pe, n1, 0);
  if (sn.off < 0) return;
  if (sur > n0 || (pe > sur && !flemish)) {
    str_app(s, ", ", 2);
    sn.n += 2;
    if (sur > n0) {
      int64_t g0 = s->tok[n0].b0, g1 = s->tok[sur - 1].b1;
      str_app(s, (const char *)z + g0, g1 - g0);
      sn.n += g1 - g0;
    }
    if (pe > sur && !flemish) {
      if (sur > n0) { str_app(s, " ", 1); sn.n++; }
      char buf[64];
      int64_t p0 = s->tok[sur].b0, p1 = s->tok[pe - 1].b1;
      int64_t ln = kr_lower_utf8(z + p0, p1 - p0, buf, sizeof buf - 1);
      if (ln > 0) { str_app(s, buf, ln); sn.n += ln; }
    }
  }
  e->sort_name = sn;
}

static int build_output(qa_state *s) {
  qa_ent_priv *p = s->ep;
  kr_qa *o = s->out;
  /* entities with quotes, in order of first mention */
  int64_t nout = 0;
  for (int64_t x = 0; x < p->ne; x++) if (p->e[x].nquotes > 0) nout++;
  if (nout) {
    o->ent = kr_malloc((size_t)nout * sizeof(kr_entity));
    if (!o->ent) return KR_NOMEM;
  }
  /* order by first mention: entities were created in text order, mostly;
  ** sort the indices by first_b0 */
  int64_t *ord = kr_malloc((size_t)(nout + 1) * sizeof(int64_t));
  if (!ord) return KR_NOMEM;
  int64_t k = 0;
  for (int64_t x = 0; x < p->ne; x++) if (p->e[x].nquotes > 0) ord[k++] = x;
  for (int64_t i = 1; i < nout; i++) {   /* insertion sort, nearly sorted */
    int64_t v = ord[i], j = i;
    while (j > 0 && p->e[ord[j - 1]].first_b0 > p->e[v].first_b0) { ord[j] = ord[j - 1]; j--; }
    ord[j] = v;
  }
  for (int64_t i = 0; i < nout; i++) {
    went *w = &p->e[ord[i]];
    w->out = (int)i;
    kr_entity *e = &o->ent[i];
    memset(e, 0, sizeof *e);
    e->given.off = e->particle.off = e->surname.off = e->sort_name.off = -1;
    e->kind = w->kind;
    e->gender = ent_gender(w);
    if (w->named) {
      e->name = tok_text(s, w->n0, w->n1, 0);
      if (w->kind == KR_EK_PERSON) name_parts(s, w, e);
    } else {
      e->name = w->desc;
    }
    e->role = w->role;
    e->org = w->org;
    e->nquotes = w->nquotes;
    e->nwords = w->nwords;
    e->nmentions = w->nmentions;
    e->f0 = w->first_b0;
    e->f1 = w->first_b1;
    /* aliases: the other surface forms, as a JSON array */
    /* the arena may move while aliases are added: keep offsets, not pointers */
    int64_t nmoff = e->name.off, nmlen = e->name.n;
    int64_t start = qa_arena_add(o, "[", 1);
    if (start < 0) { kr_free(ord); return KR_NOMEM; }
    int64_t len = 1, nal = 0;
    for (int a = 0; a < w->nalias; a++) {
      int64_t b0 = w->alias[a][0], b1 = w->alias[a][1];
      if (nmoff >= 0 && nmlen == b1 - b0 && !memcmp(o->arena + nmoff, s->t->z + b0, (size_t)(b1 - b0))) continue;
      int64_t before = o->narena;
      if (nal++) str_app(s, ",", 1);
      json_add(s, (const char *)s->t->z + b0, b1 - b0);
      len += o->narena - before;
    }
    str_app(s, "]", 1);
    len += 1;
    e->aliases.off = start;
    e->aliases.n = len;
    o->nent++;
  }
  kr_free(ord);
  return s->rc;
}

static void cue_text(qa_state *s, const qa_q *q, kr_quote *r) {
  r->cue.off = -1;
  r->cue.n = 0;
  if (q->c1a < 0) {
    if (q->colon) r->cue = arena_str(s, ":", 1);
    return;
  }
  char buf[128];
  int n = 0;
  int64_t parts[3] = {q->c0, q->c1a, q->c2a};
  for (int i = 0; i < 3; i++) {
    if (parts[i] < 0) continue;
    if (i == 2 && q->c2b > q->c2a + 1) {
      /* two particle tokens never happen; keep one */
    }
    char w[64];
    int l = qa_lower(s, parts[i], w, sizeof w);
    if (l <= 0 || n + l + 2 >= (int)sizeof buf) continue;
    if (n) buf[n++] = ' ';
    memcpy(buf + n, w, (size_t)l);
    n += l;
  }
  r->cue = arena_str(s, buf, n);
}

/* Remember quote x as the last direct quote; the one before it is kept
** as the last quote of a different speaker. */
static void push_turn(const qa_state *s, int64_t x, int64_t *last, int64_t *prev) {
  if (*last < 0 || s->qq[*last].entity != s->qq[x].entity) *prev = *last;
  *last = x;
}

/* Dialogue turn-taking: an unattributed quote paragraph that follows two
** quote paragraphs of two different speakers, one right after the other,
** is the reply of the speaker before the last ("A: ... / B: ... / A"). */
static int turn_taking(const qa_state *s, const qa_q *q, int64_t last, int64_t prev) {
  if (last < 0 || prev < 0) return 0;
  const qa_q *l = &s->qq[last], *pr = &s->qq[prev];
  if (l->para != q->para - 1 || pr->para != q->para - 2) return 0;
  if (l->entity < 0 || pr->entity < 0 || l->entity == pr->entity) return 0;
  /* each of the two paragraphs holds the words of one speaker only; the
  ** quotes are in text order, so those of the two paragraphs are adjacent
  ** (a bounded look, to stay linear) */
  int64_t x = prev;
  while (x > 0 && s->qq[x - 1].para >= pr->para && prev - x < 32) x--;
  for (int n = 0; x < s->nqq && s->qq[x].para <= l->para; x++, n++) {
    const qa_q *o = &s->qq[x];
    if (n > 64) return 0;
    if ((o->para == l->para && o->entity != l->entity) || (o->para == pr->para && o->entity != pr->entity)) return 0;
  }
  return 1;
}

/* An unattributed quote that opens the paragraph after a question ("Waarom
** stopt u?"): an answer in an interview. In an interview (interview: an
** answer came before) the prompt may also be a statement of one sentence
** without marks ("U werkt voor het eerst met grote doeken."). */
static int is_answer(const qa_state *s, const qa_q *q, int interview) {
  if (q->kind != KR_QK_DIRECT || q->para < 1) return 0;
  int64_t a = s->para_tok[q->para], pa = s->para_tok[q->para - 1];
  if (a <= pa || !(s->tok[a].flags & T_MARK) || s->tok[a].b1 != q->b0) return 0;
  if (tok_is_char(s, a - 1, '?')) return 1;
  if (!interview || (s->para_flag[q->para - 1] & (P_HEAD | P_CAPTION)) || qa_sent_of(s, pa) != qa_sent_of(s, a - 1))
    return 0;
  for (int64_t k = pa; k < a; k++) if (s->tok[k].flags & T_MARK) return 0;
  return 1;
}

/* The named person who is the subject of the sentence right before the
** continuation quote q, in the same paragraph (the last mention, at the
** start of that sentence), or -1. */
static int subject_before_quote(const qa_state *s, const qa_q *q) {
  const qa_ent_priv *p = s->ep;
  int64_t o = tok_at(s, q->b0) - 1;
  if (o < 1 || p->nm == 0 || !(s->tok[o].flags & T_MARK)) return -1;
  int64_t sent = qa_sent_of(s, o);
  if (s->sent_tok[sent] != o || sent == 0) return -1;
  int64_t pos = p->m[p->nm - 1].pos, ps = sent - 1;
  if (qa_sent_of(s, pos) != ps || pos > s->sent_tok[ps] + 1 || s->tok[pos].para != q->para) return -1;
  const went *e = &p->e[p->m[p->nm - 1].ent];
  return e->named && e->kind == KR_EK_PERSON ? p->m[p->nm - 1].ent : -1;
}

/* Give the arrays of events and phrases back to p, for the next analysis. */
static void ents_keep(qa_ent_priv *p, event *ev, int64_t cap, qa_np *nps, int64_t capnp) {
  p->ev = ev; p->capev = cap;
  p->nps = nps; p->capnps = capnp;
}

int qa_resolve(qa_state *s) {
  if (ent_start(s)) return KR_NOMEM;
  qa_ent_priv *p = s->ep;
  /* the arrays of events and phrases kept from the last analysis */
  event *ev = p->ev;
  qa_np *nps = p->nps;
  int64_t nev = 0, cap = p->capev, capnp = p->capnps;
  p->ev = NULL; p->nps = NULL; p->capev = p->capnps = 0;
  int rc = narrative_names(s, &ev, &nev, &cap, &nps, &capnp);
  int64_t nnames = nev;
  for (int64_t x = 0; rc == KR_OK && x < s->nqq; x++) {
    qa_q *q = &s->qq[x];
    if (nev + 2 >= cap && kr_grow((void **)&ev, &cap, nev + 2, sizeof(event))) { rc = KR_NOMEM; break; }
    if (q->inherit != -1) {
      event *e = &ev[nev++];
      e->pos = tok_at(s, q->b0); e->type = EV_INH; e->q = x; e->a = -1;
    } else if (q->ma >= 0) {
      event *e = &ev[nev++];
      e->pos = q->ma; e->type = EV_QUOTE; e->q = x; e->a = q->ma;
    }
  }
  if (rc) { ents_keep(p, ev, cap, nps, capnp); return rc; }
  if (sort_events(&ev, nnames, nev, &cap)) { ents_keep(p, ev, cap, nps, capnp); return KR_NOMEM; }
  int64_t last_direct = -1, prev_direct = -1;   /* the last two direct quotes */
  int64_t last_answer = -1;                      /* the last interview answer */
  int64_t last_src = -1;                         /* the last quote with its own source */
  for (int64_t i = 0; i < nev && s->rc == KR_OK; i++) {
    event *e = &ev[i];
    qa_np np;
    int id = -1;
    int64_t mpos = e->pos;
    if (e->type == EV_NAME || e->type == EV_QUOTE) {
      int64_t a = e->a;
      qa_q *q = e->type == EV_QUOTE ? &s->qq[e->q] : NULL;
      int64_t lim = q && q->kind == KR_QK_EMBED ? q->mb : s->para_tok[s->tok[a].para + 1];
      if (!q) np = nps[e->q];   /* parsed with the same limit by narrative_names */
      else if (!(q->kind == KR_QK_EMBED ? qa_np_forward(s, a, lim, &np) : np_in_para(s, a, &np))) {
        if (!q) continue;
        np_init(&np);
      }
      if (!q && np.n0 < 0) {
        /* "De aanklager was fel. ‘…’, zei ze.": an unnamed person opening a
        ** sentence is someone a later pronoun can refer to; but "de" after a
        ** person named in this paragraph or the one before re-describes that
        ** person ("Jelle Van den Broeck won. De 24-jarige renner ...") */
        int fresh = new_person(s, &np), again = -1;
        if (fresh && qa_word_is(s, np.det, "de")) {
          int r = recent(s, KR_EK_PERSON, 0, 0);
          if (r >= 0 && p->e[r].named && p->e[r].para >= s->tok[np.a].para - 1) {
            fresh = 0;
            /* with an age it is a mention of that person, the subject of its
            ** sentence for a later pronoun */
            for (int64_t k = np.a; k < np.b; k++) if (qa_lex(s, k) & L_AGE) again = r;
          }
        }
        id = fresh ? resolve_np(s, &np, 0) : again;
      } else if (!q) {
        /* narrative names: only persons, or names of known entities */
        char key[48], given[32];
        name_key(s, np.n0, np.n1, key, given);
        int known = find_named(s, key, given, np.n1 - np.n0 == 1 && (s->tok[np.n0].flags & T_ALLCAP)) >= 0;
        /* "Vakbond FNV is boos. De bond eist ...": a body named after its
        ** noun is remembered for a later "de bond" */
        int body = np.r0 >= 0 && np.r0 + 1 == np.n0 && (qa_lex(s, np.r0) & L_ORG) && !(qa_lex(s, np.n0) & L_GIVEN);
        if (!known && !body && !person_evidence(s, &np)) continue;
        id = resolve_np(s, &np, 0);
        if (id >= 0 && !known && !body) p->e[id].kind = KR_EK_PERSON, p->e[id].person_ev = 1;
        if (id >= 0 && !known && body) p->e[id].kind = KR_EK_ORG;
      } else {
        if (q->kind == KR_QK_EMBED) {
          if (np.n0 < 0) { np.n0 = q->ma; np.n1 = q->mb; np.a = q->ma; np.b = q->mb; }
          else if (np.n1 < q->mb) np.n1 = q->mb;
        }
        qa_np inner;
        /* "‘Tante Jeanne zei altijd: …’, vertelt ze": a pronoun after a
        ** quote does not stand for a person named inside that quote */
        if (np.pron >= 0 && !q->nested && q->kind == KR_QK_DIRECT && np.a >= tok_at(s, q->b1)) {
          p->skip0 = tok_at(s, q->b0);
          p->skip1 = tok_at(s, q->b1);
        }
        if (q->nested && np.pron >= 0 && inside_antecedent(s, &np, &inner)) id = resolve_np(s, &inner, 1);
        else id = np.a >= 0 ? resolve_np(s, &np, 1) : -1;
        p->skip0 = p->skip1 = -1;
        if (np.pron >= 0 && last_src >= 0 && !q->nested) id = previous_source(s, &np, id, &s->qq[last_src], q);
        q->entity = id;
        if (id >= 0 && q->kind != KR_QK_EMBED && !q->nested) last_src = e->q;
        if (id >= 0) p->e[id].spoke = 1;
        if (q->kind != KR_QK_EMBED && !q->nested) push_turn(s, e->q, &last_direct, &prev_direct);
      }
    } else {
      /* inherit: a split quote, a continuation, a colon without source */
      qa_q *q = &s->qq[e->q];
      int64_t src = -1;
      if (q->inherit <= -100) src = find_q_by_b0(s, -100 - q->inherit);
      else if (last_direct >= 0 && q->inherit != -4) {
        qa_q *l = &s->qq[last_direct];
        int64_t gap = q->para - l->para;
        int ok = gap <= 1;
        if (!ok && gap <= 6) {
          ok = 1;
          for (int64_t pp = l->para + 1; pp < q->para; pp++) {
            int64_t a = s->para_tok[pp];
            if (!(s->para_flag[pp] & P_QUESTION) && !(s->tok[a].flags & T_MARK)) { ok = 0; break; }
          }
        }
        if (ok) src = last_direct;
        if (q->inherit == -3 && turn_taking(s, q, last_direct, prev_direct)) src = prev_direct;
      }
      /* "Moeder X, die ..., is daar niet gerust op. '...'": a person named as
      ** the subject of the sentence right before the quote speaks it */
      if (q->inherit == -3) {
        int subj = subject_before_quote(s, q);
        if (subj >= 0) src = -1, id = subj;
      }
      /* an interview answer: the interviewee, who gave the answer before */
      int answer = q->inherit > -100 && is_answer(s, q, last_answer >= 0);
      if (answer && last_answer >= 0) src = last_answer;
      /* the first answer of an interview is the interviewee's, a named
      ** person, not that of an organisation or description the introduction
      ** quoted ("Gisteren maakte de uitgeverij bekend dat ...") */
      if (answer && last_answer < 0 && src >= 0 && s->qq[src].entity >= 0 &&
          p->e[s->qq[src].entity].kind != KR_EK_PERSON) {
        int who = recent_named_person(s);
        if (who >= 0) src = -1, id = who;
      }
      if (id >= 0 && src < 0) {
        for (int64_t m = p->nm - 1; m >= 0 && m >= p->nm - LOOKBACK; m--)
          if (p->m[m].ent == id) {
            qa_np mn;
            if (np_in_para(s, p->m[m].pos, &mn)) { q->ma = mn.a; q->mb = mn.b; }
            break;
          }
      } else if (src >= 0) {
        qa_q *sq = &s->qq[src];
        id = sq->entity;
        if (q->ma < 0) { q->ma = sq->ma; q->mb = sq->mb; }
      } else {
        id = recent(s, KR_EK_PERSON, 0, 0);
        if (id < 0) id = recent(s, -1, 0, 0);
        /* the nearest earlier mention of that entity */
        for (int64_t m = p->nm - 1; m >= 0 && m >= p->nm - LOOKBACK && id >= 0; m--)
          if (p->m[m].ent == id) {
            qa_np mn;
            if (np_in_para(s, p->m[m].pos, &mn)) { q->ma = mn.a; q->mb = mn.b; }
            break;
          }
        q->conf *= 0.8;
      }
      q->entity = id;
      if (answer && id >= 0) last_answer = e->q;
      if (q->kind == KR_QK_DIRECT && !q->nested) push_turn(s, e->q, &last_direct, &prev_direct);
      if (id >= 0) p->e[id].spoke = 1;
      continue;
    }
    if (id < 0) continue;
    went *w = &p->e[id];
    if (add_mention(s, mpos, id)) { rc = KR_NOMEM; break; }
    w->para = s->tok[mpos].para;
    w->nmentions++;
    int64_t m0 = s->tok[np.a].b0, m1 = s->tok[np.b - 1].b1;
    if (e->type == EV_QUOTE && s->qq[e->q].kind == KR_QK_EMBED) {
      /* the handle is an alias */
      const qa_q *q = &s->qq[e->q];
      int64_t hb0 = s->tok[q->mb + 1].b0, hb1 = s->tok[q->mb + 1].b1;
      add_alias(w, s, hb0, hb1);
    } else {
      add_alias(w, s, m0, m1);
    }
    if (w->first_b0 < 0) { w->first_b0 = m0; w->first_b1 = m1; }
  }
  ents_keep(p, ev, cap, nps, capnp);
  if (rc == KR_OK) rc = s->rc;
  if (rc) return rc;
  /* quotes per entity */
  for (int64_t x = 0; x < s->nqq; x++) {
    qa_q *q = &s->qq[x];
    if (q->entity < 0) continue;
    went *w = &p->e[q->entity];
    w->nquotes++;
    w->nwords += count_words(s, q->b0, q->b1);
  }
  rc = build_output(s);
  if (rc) return rc;
  kr_qa *o = s->out;
  if (s->nqq) {
    o->q = kr_malloc((size_t)s->nqq * sizeof(kr_quote));
    if (!o->q) return KR_NOMEM;
  }
  for (int64_t x = 0; x < s->nqq; x++) {
    qa_q *q = &s->qq[x];
    kr_quote *r = &o->q[o->nq++];
    memset(r, 0, sizeof *r);
    r->b0 = q->b0;
    r->b1 = q->b1;
    r->kind = q->kind;
    r->entity = q->entity >= 0 ? p->e[q->entity].out : -1;
    r->m0 = r->m1 = -1;
    if (q->ma >= 0 && q->mb > q->ma) {
      r->m0 = s->tok[q->ma].b0;
      r->m1 = q->kind == KR_QK_EMBED ? q->emb_m1 : s->tok[q->mb - 1].b1;
    }
    if (q->inherit == -3 || (q->inherit == -2 && !q->colon)) { r->cue.off = -1; r->cue.n = 0; }
    else cue_text(s, q, r);
    if (q->kind == KR_QK_EMBED) { r->cue.off = -1; r->cue.n = 0; }
    r->confidence = q->entity >= 0 ? q->conf : q->conf * 0.6;
    r->paragraph = q->para + 1;
  }
  return s->rc;
}
