/* teapot-quiz.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-study.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_QUIZ (teapot_quiz_get_type ())

G_DECLARE_FINAL_TYPE (TeapotQuiz, teapot_quiz, TEAPOT, QUIZ, GtkWidget)

void         teapot_quiz_set_study  (TeapotQuiz         *self,
                                     TeapotStore        *store,
                                     TeapotStudy        *study);
/* The deck is copied. Ends a round in progress and shows the start page. */
void         teapot_quiz_set_deck   (TeapotQuiz         *self,
                                     const TeapotFilter *deck);
/* Shows the start page counted again, unless a round is in progress. */
void         teapot_quiz_refresh    (TeapotQuiz         *self);
/* The entry asked about, or NULL between rounds. */
TeapotEntry *teapot_quiz_get_entry  (TeapotQuiz         *self);
/* The option (0..3) that answers the question on display. */
guint        teapot_quiz_get_answer (TeapotQuiz         *self);
void         teapot_quiz_get_score  (TeapotQuiz         *self,
                                     guint              *correct,
                                     guint              *answered,
                                     guint              *streak);
/* Moves the keyboard focus to the first thing to press. */
void         teapot_quiz_focus      (TeapotQuiz         *self);

G_END_DECLS
