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
 * Only facts with a phrase below are asked; a set whose codes lack them gives no question. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "teapot-comparison-quiz.h"
#include "teapot-facts.h"

typedef struct
{
  TeapotFactKey key;
  const char *value;
  const char *clause;   /* in a question: "Which of these <clause>?" */
  const char *fact;     /* in the feedback: "308: <fact>, <fact>" */
} Phrase;

static const Phrase phrases[] = {
  { TEAPOT_FACT_PERMANENT, "yes", N_("is permanent"), N_("permanent") },
  { TEAPOT_FACT_PERMANENT, "no", N_("is temporary"), N_("temporary") },
  { TEAPOT_FACT_METHOD, "kept", N_("keeps the method"), N_("keeps the method") },
  { TEAPOT_FACT_METHOD, "may-change", N_("may change POST to GET"), N_("may change POST to GET") },
  { TEAPOT_FACT_METHOD, "changed-to-get", N_("changes the method to GET"), N_("changes the method to GET") },
};

static const TeapotFactKey asked_keys[] = { TEAPOT_FACT_PERMANENT, TEAPOT_FACT_METHOD };

static const Phrase *
find_phrase (TeapotFactKey  key,
             const char    *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    if (phrases[i].key == key && g_strcmp0 (phrases[i].value, value) == 0)
      return &phrases[i];
  return NULL;
}

typedef struct
{
  guint code;      /* index into the set */
  guint mask;      /* bit i: asked_keys[i] */
} Candidate;

/* How many codes of the set have the values of code @code on the keys in @mask. */
static guint
count_matching (GPtrArray *facts,
                guint      code,
                guint      mask)
{
  guint n = 0;

  for (guint c = 0; c < facts->len; c++)
    {
      gboolean same = TRUE;

      for (guint k = 0; k < G_N_ELEMENTS (asked_keys); k++)
        if ((mask & (1u << k)) != 0
            && g_strcmp0 (teapot_facts_get_value (g_ptr_array_index (facts, c), asked_keys[k]),
                          teapot_facts_get_value (g_ptr_array_index (facts, code), asked_keys[k])) != 0)
          same = FALSE;
      n += same;
    }
  return n;
}

static gboolean
can_ask (TeapotFacts *facts,
         guint        mask)
{
  for (guint k = 0; k < G_N_ELEMENTS (asked_keys); k++)
    if ((mask & (1u << k)) != 0 && find_phrase (asked_keys[k], teapot_facts_get_value (facts, asked_keys[k])) == NULL)
      return FALSE;
  return TRUE;
}

static guint
count_bits (guint mask)
{
  guint n = 0;

  for (; mask != 0; mask &= mask - 1)
    n++;
  return n;
}

/* The smallest unique combinations, one code after the other. */
static GArray *
find_candidates (GPtrArray *facts)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint n_masks = 1u << G_N_ELEMENTS (asked_keys);

  for (guint code = 0; code < facts->len; code++)
    for (guint size = 1; size <= TEAPOT_COMPARISON_QUIZ_MAX_KEYS; size++)
      {
        gboolean found = FALSE;

        for (guint mask = 1; mask < n_masks; mask++)
          if (count_bits (mask) == size && can_ask (g_ptr_array_index (facts, code), mask)
              && count_matching (facts, code, mask) == 1)
            {
              Candidate candidate = { code, mask };

              g_array_append_val (candidates, candidate);
              found = TRUE;
            }
        if (found)
          break;
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

GPtrArray *
teapot_comparison_quiz_get_sets (TeapotStore *store)
{
  guint n_sets;
  const TeapotComparisonSet *sets = teapot_comparison_get_sets (&n_sets);
  GPtrArray *quizzable = g_ptr_array_new ();

  g_return_val_if_fail (TEAPOT_IS_STORE (store), NULL);

  for (guint i = 0; i < n_sets; i++)
    {
      g_autoptr(GPtrArray) facts = load_facts (store, &sets[i]);
      g_autoptr(GArray) candidates = find_candidates (facts);

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

TeapotComparisonQuestion *
teapot_comparison_question_new (TeapotStore               *store,
                                const TeapotComparisonSet *set,
                                GRand                     *rand,
                                guint                      max_options)
{
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  TeapotComparisonQuestion *question;
  const char *answer_id;
  Candidate chosen;

  g_return_val_if_fail (TEAPOT_IS_STORE (store), NULL);
  g_return_val_if_fail (set != NULL && rand != NULL, NULL);
  g_return_val_if_fail (max_options >= 2, NULL);

  facts = load_facts (store, set);
  candidates = find_candidates (facts);
  if (candidates->len == 0)
    return NULL;

  chosen = g_array_index (candidates, Candidate, g_rand_int_range (rand, 0, candidates->len));
  answer_id = set->ids[chosen.code];
  question = g_new0 (TeapotComparisonQuestion, 1);
  for (guint k = 0; k < G_N_ELEMENTS (asked_keys); k++)
    if ((chosen.mask & (1u << k)) != 0)
      {
        question->keys[question->n_keys] = asked_keys[k];
        question->values[question->n_keys]
          = g_strdup (teapot_facts_get_value (g_ptr_array_index (facts, chosen.code), asked_keys[k]));
        question->n_keys++;
      }
  question->text = format_text (question);

  /* Too many codes for the buttons: leave out others at random, never the answer. */
  for (guint i = 0; set->ids[i] != NULL; i++)
    if (i != chosen.code)
      g_ptr_array_add (others, (gpointer) set->ids[i]);
  while (others->len + 1 > max_options)
    g_ptr_array_remove_index (others, g_rand_int_range (rand, 0, others->len));
  question->options = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; set->ids[i] != NULL; i++)
    if (i == chosen.code || g_ptr_array_find (others, set->ids[i], NULL))
      {
        if (i == chosen.code)
          question->answer = question->options->len;
        g_ptr_array_add (question->options, g_strdup (set->ids[i]));
      }
  g_assert (g_str_equal (g_ptr_array_index (question->options, question->answer), answer_id));
  return question;
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
teapot_comparison_quiz_describe (TeapotStore *store,
                                 const char  *id)
{
  g_autoptr(TeapotFacts) facts = NULL;
  g_autoptr(GString) described = g_string_new (NULL);

  g_return_val_if_fail (TEAPOT_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  facts = teapot_store_get_facts (store, id);
  for (guint k = 0; k < G_N_ELEMENTS (asked_keys); k++)
    {
      const Phrase *phrase = find_phrase (asked_keys[k], teapot_facts_get_value (facts, asked_keys[k]));

      if (phrase == NULL)
        continue;
      if (described->len > 0)
        /* Translators: between two facts in “308: permanent, keeps the method”. */
        g_string_append (described, C_("fact list", ", "));
      g_string_append (described, _(phrase->fact));
    }
  /* Translators: an entry and its facts, e.g. “308: permanent, keeps the method”. */
  return g_strdup_printf (C_("quiz facts", "%s: %s"), id, described->str);
}
