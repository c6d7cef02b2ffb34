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

/* "Which of these is permanent and keeps the method?", "Which of these must send
 * WWW-Authenticate?": one or two facts that exactly one code of a ready-made set has, worked
 * out from the facts (issue 13). A header is asked as a key TEAPOT_FACT_HEADERS with the
 * field's name for value: the code lists it among its headers. */
typedef struct
{
  char          *text;        /* translated */
  GPtrArray     *options;     /* entry ids (char *), in the set's order */
  guint          answer;      /* index into options */
  guint          n_keys;      /* 1 or 2 */
  TeapotFactKey  keys[TEAPOT_COMPARISON_QUIZ_MAX_KEYS];
  char          *values[TEAPOT_COMPARISON_QUIZ_MAX_KEYS];  /* as the dataset has them */
} TeapotComparisonQuestion;

/* A question on @set whose answer is in @deck (NULL: any entry), chosen with @rand (the same
 * seed gives the same question), with at most @max_options options (the answer always among
 * them; the others may lie outside the deck); NULL when no code of the set that the deck
 * holds is told apart by the facts the quiz asks about. */
TeapotComparisonQuestion *teapot_comparison_question_new   (TeapotStore                *store,
                                                            const TeapotComparisonSet  *set,
                                                            const TeapotFilter         *deck,
                                                            GRand                      *rand,
                                                            guint                       max_options);
/* The ready-made sets that give questions with an answer in @deck (NULL: any), as
 * TeapotComparisonSet pointers, not owned; empty when the deck allows none. */
GPtrArray                *teapot_comparison_quiz_get_sets  (TeapotStore                *store,
                                                            const TeapotFilter         *deck);
/* A round: up to @length questions (TeapotComparisonQuestion, owned) on any of the sets,
 * each with another answer, all answers in @deck, shuffled with @rand; empty when the deck
 * allows none. */
GPtrArray                *teapot_comparison_quiz_new_round (TeapotStore                *store,
                                                            const TeapotFilter         *deck,
                                                            GRand                      *rand,
                                                            guint                       max_options,
                                                            guint                       length);
void                      teapot_comparison_question_free  (TeapotComparisonQuestion   *question);
/* For the feedback, translated: what entry @id states on the facts @question asks about,
 * "308: permanent, keeps the method", "403: need not send WWW-Authenticate". */
char                     *teapot_comparison_question_describe (TeapotComparisonQuestion *question,
                                                               TeapotStore              *store,
                                                               const char               *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeapotComparisonQuestion, teapot_comparison_question_free)

G_END_DECLS
