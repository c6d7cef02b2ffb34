/* teapot-comparison-quiz.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "teapot-comparison.h"
#include "teapot-fact-keys.h"

G_BEGIN_DECLS

#define TEAPOT_COMPARISON_QUIZ_MAX_KEYS 2

/* "Which of these is permanent and keeps the method?": a combination of fact values that
 * exactly one code of a ready-made set has, worked out from the facts (issue 13). */
typedef struct
{
  char          *text;        /* translated */
  GPtrArray     *options;     /* entry ids (char *), in the set's order */
  guint          answer;      /* index into options */
  guint          n_keys;      /* 1 or 2 */
  TeapotFactKey  keys[TEAPOT_COMPARISON_QUIZ_MAX_KEYS];
  char          *values[TEAPOT_COMPARISON_QUIZ_MAX_KEYS];  /* as the dataset has them */
} TeapotComparisonQuestion;

/* A question on @set, chosen with @rand (the same seed gives the same question), with at
 * most @max_options options (the answer always among them); NULL when no code of the set is
 * told apart by the facts the quiz asks about. */
TeapotComparisonQuestion *teapot_comparison_question_new   (TeapotStore                *store,
                                                            const TeapotComparisonSet  *set,
                                                            GRand                      *rand,
                                                            guint                       max_options);
/* The ready-made sets that give questions (TeapotComparisonSet, not owned): the redirects. */
GPtrArray                *teapot_comparison_quiz_get_sets  (TeapotStore                *store);
void                      teapot_comparison_question_free  (TeapotComparisonQuestion   *question);
/* The facts the quiz asks about for entry @id, for the feedback: "308: permanent, keeps the
 * method". */
char                     *teapot_comparison_quiz_describe  (TeapotStore                *store,
                                                            const char                 *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeapotComparisonQuestion, teapot_comparison_question_free)

G_END_DECLS
