/* teapot-comparison-quiz.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Questions are worked out from data/codes/facts.xml, never kept in a table: for each code of
 * the set, the smallest combination of the asked facts that no other code of the set shares.
 * A combination is only asked when no single fact of it tells the code apart already, so
 * "permanent and changes the method to GET" is never asked: "changes the method to GET"
 * alone names 303 and the second fact would be a giveaway dressed up as a harder question.
 * Only facts with a clause below are asked; a set whose codes lack them gives no question.
 *
 * A fact is only asked where it can be checked for every option: a yes/no or choice fact
 * only when every code of the set states it, and a header field only where a missing field
 * means the RFC gives the code none (data/codes/README.md says so for the comparisons'
 * codes). Facts whose weaker wording would also fit others are not asked: "may have content"
 * is true of a code that should have it too. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "teapot-comparison-quiz.h"
#include "teapot-facts.h"

typedef struct
{
  TeapotFactKey key;
  const char *value;
  const char *clause;   /* in a question: "Which of these <clause>?"; NULL: never asked */
  const char *fact;     /* in the feedback: "308: <fact>, <fact>" */
  const char *absent;   /* a header field only: the feedback for a code without it */
} Phrase;

/* In the order of the keys, so that questions and feedback list the facts alike. A header's
 * wording carries RFC 9110's requirement for every code that lists it in facts.xml:
 * WWW-Authenticate MUST come with 401 (15.5.2), Proxy-Authenticate with 407 (15.5.8);
 * Retry-After MAY come with 503 (15.6.4) and Location with 201 (15.3.2), a redirect
 * SHOULD send it (15.4), which "may" covers. ETag and the fields of a 304 are not asked: a
 * 200 or 412 can carry them as well, or must (Date, 6.6.1). test-compare.c pins the codes
 * that list the asked fields. */
static const Phrase phrases[] = {
  { TEAPOT_FACT_PERMANENT, "yes", N_("is permanent"), N_("permanent"), NULL },
  { TEAPOT_FACT_PERMANENT, "no", N_("is temporary"), N_("temporary"), NULL },
  { TEAPOT_FACT_METHOD, "kept", N_("keeps the method"), N_("keeps the method"), NULL },
  /* "May change POST to GET" alone would fit 303 too, which does change it. */
  { TEAPOT_FACT_METHOD, "may-change", N_("may keep POST or change it to GET"), N_("may change POST to GET"), NULL },
  { TEAPOT_FACT_METHOD, "changed-to-get", N_("changes the method to GET"), N_("changes the method to GET"), NULL },
  { TEAPOT_FACT_CACHEABLE, "yes", N_("is heuristically cacheable"), N_("heuristically cacheable"), NULL },
  { TEAPOT_FACT_CACHEABLE, "no", N_("is not heuristically cacheable"), N_("not heuristically cacheable"), NULL },
  { TEAPOT_FACT_BODY, "none", N_("never has content"), N_("never has content"), NULL },
  { TEAPOT_FACT_BODY, "optional", NULL, N_("content optional"), NULL },
  { TEAPOT_FACT_BODY, "expected", N_("should have content"), N_("should have content"), NULL },
  { TEAPOT_FACT_HEADERS, "WWW-Authenticate", N_("must send WWW-Authenticate"), N_("must send WWW-Authenticate"),
    N_("need not send WWW-Authenticate") },
  { TEAPOT_FACT_HEADERS, "Proxy-Authenticate", N_("must send Proxy-Authenticate"),
    N_("must send Proxy-Authenticate"), N_("need not send Proxy-Authenticate") },
  { TEAPOT_FACT_HEADERS, "Retry-After", N_("may send Retry-After"), N_("may send Retry-After"),
    N_("no Retry-After in RFC 9110") },
  { TEAPOT_FACT_HEADERS, "Location", N_("may send Location"), N_("may send Location"),
    N_("no Location in RFC 9110") },
};

static const Phrase *
find_phrase (TeapotFactKey  key,
             const char    *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    if (phrases[i].key == key && g_strcmp0 (phrases[i].value, value) == 0)
      return &phrases[i];
  return NULL;
}

static gboolean
is_list (TeapotFactKey key)
{
  return teapot_fact_key_get_kind (key) == TEAPOT_FACT_KIND_LIST;
}

static gboolean
holds (TeapotFacts  *facts,
       const Phrase *phrase)
{
  if (is_list (phrase->key))
    return g_strv_contains (teapot_facts_get_values (facts, phrase->key), phrase->value);
  return g_strcmp0 (teapot_facts_get_value (facts, phrase->key), phrase->value) == 0;
}

typedef struct
{
  guint code;                                          /* index into the set */
  guint n_facts;
  const Phrase *facts[TEAPOT_COMPARISON_QUIZ_MAX_KEYS];
} Candidate;

/* How many codes of the set have every fact of @candidate. */
static guint
count_holding (GPtrArray       *facts,
               const Candidate *candidate)
{
  guint n = 0;

  for (guint c = 0; c < facts->len; c++)
    {
      gboolean all = TRUE;

      for (guint i = 0; i < candidate->n_facts; i++)
        all = all && holds (g_ptr_array_index (facts, c), candidate->facts[i]);
      n += all;
    }
  return n;
}

static gboolean
stated_by_all (GPtrArray     *facts,
               TeapotFactKey  key)
{
  for (guint c = 0; c < facts->len; c++)
    if (!teapot_facts_has (g_ptr_array_index (facts, c), key))
      return FALSE;
  return TRUE;
}

/* The facts of code @code that may be asked. */
static GPtrArray *
askable_facts (GPtrArray *facts,
               guint      code)
{
  GPtrArray *askable = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    if (phrases[i].clause != NULL && holds (g_ptr_array_index (facts, code), &phrases[i])
        && (is_list (phrases[i].key) || stated_by_all (facts, phrases[i].key)))
      g_ptr_array_add (askable, (gpointer) &phrases[i]);
  return askable;
}

/* The smallest unique combinations, one code after the other, for the codes @allowed holds
 * (NULL: all). */
static GArray *
find_candidates (const TeapotComparisonSet *set,
                 GPtrArray                 *facts,
                 GHashTable                *allowed)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint code = 0; code < facts->len; code++)
    {
      g_autoptr(GPtrArray) askable = NULL;
      gboolean found = FALSE;

      if (allowed != NULL && !g_hash_table_contains (allowed, set->ids[code]))
        continue;
      askable = askable_facts (facts, code);
      for (guint i = 0; i < askable->len; i++)
        {
          Candidate candidate = { code, 1, { g_ptr_array_index (askable, i) } };

          if (count_holding (facts, &candidate) == 1)
            {
              g_array_append_val (candidates, candidate);
              found = TRUE;
            }
        }
      /* No single fact is unique here, so neither of a pair gives the answer away. */
      for (guint i = 0; !found && i < askable->len; i++)
        for (guint j = i + 1; j < askable->len; j++)
          {
            Candidate candidate = { code, 2, { g_ptr_array_index (askable, i), g_ptr_array_index (askable, j) } };

            if (count_holding (facts, &candidate) == 1)
              g_array_append_val (candidates, candidate);
          }
    }
  return candidates;
}

static GPtrArray *
load_facts (TeapotStore               *store,
            const TeapotComparisonSet *set)
{
  GPtrArray *facts = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_facts_unref);

  for (guint i = 0; set->ids[i] != NULL; i++)
    g_ptr_array_add (facts, teapot_store_get_facts (store, set->ids[i]));
  return facts;
}

/* The ids of the deck's entries, or NULL for no deck. */
static GHashTable *
list_deck (TeapotStore        *store,
           const TeapotFilter *deck)
{
  g_autoptr(GPtrArray) entries = NULL;
  GHashTable *ids;

  if (deck == NULL)
    return NULL;
  entries = teapot_store_list (store, deck, 0);
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < entries->len; i++)
    g_hash_table_add (ids, g_strdup (teapot_entry_get_id (g_ptr_array_index (entries, i))));
  return ids;
}

GPtrArray *
teapot_comparison_quiz_get_sets (TeapotStore        *store,
                                 const TeapotFilter *deck)
{
  guint n_sets;
  const TeapotComparisonSet *sets = teapot_comparison_get_sets (&n_sets);
  GPtrArray *quizzable = g_ptr_array_new ();
  g_autoptr(GHashTable) allowed = NULL;

  g_return_val_if_fail (TEAPOT_IS_STORE (store), NULL);

  allowed = list_deck (store, deck);
  for (guint i = 0; i < n_sets; i++)
    {
      g_autoptr(GPtrArray) facts = load_facts (store, &sets[i]);
      g_autoptr(GArray) candidates = find_candidates (&sets[i], facts, allowed);

      if (candidates->len > 0)
        g_ptr_array_add (quizzable, (gpointer) &sets[i]);
    }
  return quizzable;
}

static char *
format_text (const TeapotComparisonQuestion *question)
{
  const char *clauses[TEAPOT_COMPARISON_QUIZ_MAX_KEYS];

  for (guint k = 0; k < question->n_keys; k++)
    clauses[k] = _(find_phrase (question->keys[k], question->values[k])->clause);
  if (question->n_keys == 1)
    /* Translators: a comparison quiz question; %s is e.g. “is permanent”. */
    return g_strdup_printf (_("Which of these %s?"), clauses[0]);
  /* Translators: a quiz question; the %s are e.g. “is permanent”, “keeps the method”. */
  return g_strdup_printf (_("Which of these %s and %s?"), clauses[0], clauses[1]);
}

static TeapotComparisonQuestion *
make_question (const TeapotComparisonSet *set,
               const Candidate           *chosen,
               GRand                     *rand,
               guint                      max_options)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  TeapotComparisonQuestion *question = g_new0 (TeapotComparisonQuestion, 1);

  for (guint i = 0; i < chosen->n_facts; i++)
    {
      question->keys[i] = chosen->facts[i]->key;
      question->values[i] = g_strdup (chosen->facts[i]->value);
    }
  question->n_keys = chosen->n_facts;
  question->text = format_text (question);

  /* Too many codes for the buttons: leave out others at random, never the answer. */
  for (guint i = 0; set->ids[i] != NULL; i++)
    if (i != chosen->code)
      g_ptr_array_add (others, (gpointer) set->ids[i]);
  while (others->len + 1 > max_options)
    g_ptr_array_remove_index (others, g_rand_int_range (rand, 0, others->len));
  question->options = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; set->ids[i] != NULL; i++)
    if (i == chosen->code || g_ptr_array_find (others, set->ids[i], NULL))
      {
        if (i == chosen->code)
          question->answer = question->options->len;
        g_ptr_array_add (question->options, g_strdup (set->ids[i]));
      }
  return question;
}

TeapotComparisonQuestion *
teapot_comparison_question_new (TeapotStore               *store,
                                const TeapotComparisonSet *set,
                                const TeapotFilter        *deck,
                                GRand                     *rand,
                                guint                      max_options)
{
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GHashTable) allowed = NULL;

  g_return_val_if_fail (TEAPOT_IS_STORE (store), NULL);
  g_return_val_if_fail (set != NULL && rand != NULL, NULL);
  g_return_val_if_fail (max_options >= 2, NULL);

  facts = load_facts (store, set);
  allowed = list_deck (store, deck);
  candidates = find_candidates (set, facts, allowed);
  if (candidates->len == 0)
    return NULL;
  return make_question (set, &g_array_index (candidates, Candidate, g_rand_int_range (rand, 0, candidates->len)),
                        rand, max_options);
}

typedef struct
{
  const TeapotComparisonSet *set;
  Candidate candidate;
} Choice;

GPtrArray *
teapot_comparison_quiz_new_round (TeapotStore        *store,
                                  const TeapotFilter *deck,
                                  GRand              *rand,
                                  guint               max_options,
                                  guint               length)
{
  guint n_sets;
  const TeapotComparisonSet *sets = teapot_comparison_get_sets (&n_sets);
  g_autoptr(GHashTable) allowed = NULL;
  g_autoptr(GArray) choices = g_array_new (FALSE, FALSE, sizeof (Choice));
  g_autoptr(GPtrArray) answers = g_ptr_array_new ();
  GPtrArray *round = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_comparison_question_free);

  g_return_val_if_fail (TEAPOT_IS_STORE (store), NULL);
  g_return_val_if_fail (rand != NULL && max_options >= 2, NULL);

  allowed = list_deck (store, deck);
  for (guint s = 0; s < n_sets; s++)
    {
      g_autoptr(GPtrArray) facts = load_facts (store, &sets[s]);
      g_autoptr(GArray) candidates = find_candidates (&sets[s], facts, allowed);

      for (guint c = 0; c < candidates->len; c++)
        {
          Choice choice = { &sets[s], g_array_index (candidates, Candidate, c) };
          const char *id = sets[s].ids[choice.candidate.code];

          g_array_append_val (choices, choice);
          if (!g_ptr_array_find_with_equal_func (answers, id, g_str_equal, NULL))
            g_ptr_array_add (answers, (gpointer) id);
        }
    }

  /* Each answer once, in an order of @rand's, by one of its questions (a code in two sets,
   * such as 412, has questions in either). */
  for (guint i = 0; i < answers->len && round->len < length; i++)
    {
      g_autoptr(GArray) of_answer = g_array_new (FALSE, FALSE, sizeof (Choice));
      const Choice *chosen;
      guint j = g_rand_int_range (rand, i, answers->len);
      gpointer swapped = answers->pdata[i];

      answers->pdata[i] = answers->pdata[j];
      answers->pdata[j] = swapped;
      for (guint c = 0; c < choices->len; c++)
        {
          const Choice *choice = &g_array_index (choices, Choice, c);

          if (g_str_equal (choice->set->ids[choice->candidate.code], g_ptr_array_index (answers, i)))
            g_array_append_val (of_answer, *choice);
        }
      chosen = &g_array_index (of_answer, Choice, g_rand_int_range (rand, 0, of_answer->len));
      g_ptr_array_add (round, make_question (chosen->set, &chosen->candidate, rand, max_options));
    }
  return round;
}

void
teapot_comparison_question_free (TeapotComparisonQuestion *question)
{
  if (question == NULL)
    return;
  g_free (question->text);
  g_clear_pointer (&question->options, g_ptr_array_unref);
  for (guint k = 0; k < question->n_keys; k++)
    g_free (question->values[k]);
  g_free (question);
}

char *
teapot_comparison_question_describe (TeapotComparisonQuestion *question,
                                     TeapotStore              *store,
                                     const char               *id)
{
  g_autoptr(TeapotFacts) facts = NULL;
  g_autoptr(GString) described = g_string_new (NULL);

  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (TEAPOT_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  facts = teapot_store_get_facts (store, id);
  for (guint k = 0; k < question->n_keys; k++)
    {
      const Phrase *asked = find_phrase (question->keys[k], question->values[k]);
      const char *text;

      if (is_list (asked->key))
        text = holds (facts, asked) ? asked->fact : asked->absent;
      else
        {
          const Phrase *own = find_phrase (asked->key, teapot_facts_get_value (facts, asked->key));

          if (own == NULL)
            continue;
          text = own->fact;
        }
      if (described->len > 0)
        /* Translators: between two facts in “308: permanent, keeps the method”. */
        g_string_append (described, C_("fact list", ", "));
      g_string_append (described, _(text));
    }
  /* Translators: an entry and its facts, e.g. “308: permanent, keeps the method”. */
  return g_strdup_printf (C_("quiz facts", "%s: %s"), id, described->str);
}
