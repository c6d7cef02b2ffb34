/* teapot-quiz-compare.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The comparison round is worked out in the core (teapot-comparison-quiz.c); this is what
 * the quiz page does with it, kept apart so that teapot-quiz.c stays about the cards. */

#include "config.h"

#include <glib/gi18n.h>

#include "teapot-quiz-compare.h"

GPtrArray *
teapot_quiz_compare_new_round (TeapotStore         *store,
                               const TeapotFilter  *deck,
                               GRand               *rand,
                               guint                max_options,
                               guint                length,
                               GPtrArray          **entries)
{
  GPtrArray *questions = teapot_comparison_quiz_new_round (store, deck, rand, max_options, length);

  *entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < questions->len; i++)
    {
      TeapotComparisonQuestion *question = g_ptr_array_index (questions, i);
      TeapotEntry *entry = teapot_store_lookup_id (store, g_ptr_array_index (question->options, question->answer));

      g_assert (entry != NULL);
      g_ptr_array_add (*entries, entry);
    }
  return questions;
}

GPtrArray *
teapot_quiz_compare_options (TeapotStore              *store,
                             TeapotComparisonQuestion *question)
{
  GPtrArray *options = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < question->options->len; i++)
    {
      TeapotEntry *entry = teapot_store_lookup_id (store, g_ptr_array_index (question->options, i));

      g_assert (entry != NULL);
      g_ptr_array_add (options, entry);
    }
  return options;
}

/* The facts that decide it, of the answer and of a wrong choice. */
char *
teapot_quiz_compare_feedback (TeapotStore              *store,
                              TeapotComparisonQuestion *question,
                              guint                     chosen)
{
  g_autofree char *title = NULL;
  g_autofree char *choice = NULL;

  title = teapot_comparison_question_describe (question, store, g_ptr_array_index (question->options,
                                                                                 question->answer));
  if (chosen == question->answer)
    /* Translators: %s is the answer, e.g. “429 Too Many Requests”. */
    return g_strdup_printf (_("Right: %s"), title);
  choice = teapot_comparison_question_describe (question, store, g_ptr_array_index (question->options, chosen));
  /* Translators: the %s are e.g. “308: permanent, keeps the method” (answer, then choice). */
  return g_strdup_printf (_("Not quite: %s. Your choice, %s."), title, choice);
}

void
teapot_quiz_compare_update_start (GtkCheckButton     *check,
                                  GtkWidget          *note,
                                  TeapotStore        *store,
                                  const TeapotFilter *deck)
{
  g_autoptr(GPtrArray) sets = store != NULL ? teapot_comparison_quiz_get_sets (store, deck) : NULL;
  gboolean possible = sets != NULL && sets->len > 0;

  /* Not a ticked box that does nothing: unticked, with the reason below it. */
  if (!possible)
    gtk_check_button_set_active (check, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (check), possible);
  gtk_widget_set_visible (note, !possible && store != NULL);
}
