/* teapot-quiz-compare.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-comparison-quiz.h"

G_BEGIN_DECLS

/* The quiz's comparison round (teapot-quiz.c), as far as it differs from a round on cards:
 * its questions, options and feedback, and whether the deck allows one at all. */

/* Up to @length questions (TeapotComparisonQuestion, owned) whose answers are in @deck; the
 * entries of their answers, in the same order, in *@entries (TeapotEntry, owned). */
GPtrArray *teapot_quiz_compare_new_round    (TeapotStore              *store,
                                             const TeapotFilter       *deck,
                                             GRand                    *rand,
                                             guint                     max_options,
                                             guint                     length,
                                             GPtrArray               **entries);
/* The entries (owned) of @question's options, in its order. */
GPtrArray *teapot_quiz_compare_options      (TeapotStore              *store,
                                             TeapotComparisonQuestion *question);
/* "Right: 308: permanent, keeps the method", or the answer's facts and the choice's. */
char      *teapot_quiz_compare_feedback     (TeapotStore              *store,
                                             TeapotComparisonQuestion *question,
                                             guint                     chosen);
/* Offers the comparison round on the start page only when @deck allows a question, and
 * says why not in @note otherwise. */
void       teapot_quiz_compare_update_start (GtkCheckButton           *check,
                                             GtkWidget                *note,
                                             TeapotStore              *store,
                                             const TeapotFilter       *deck);

G_END_DECLS
