/* teapot-flashcard.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-study.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_FLASHCARD (teapot_flashcard_get_type ())

G_DECLARE_FINAL_TYPE (TeapotFlashcard, teapot_flashcard, TEAPOT, FLASHCARD, GtkWidget)

void         teapot_flashcard_set_study   (TeapotFlashcard    *self,
                                           TeapotStudy        *study);
/* The deck is copied. Ends a session in progress. */
void         teapot_flashcard_set_deck    (TeapotFlashcard    *self,
                                           const TeapotFilter *deck);
/* Recounts the cards on the start page. */
void         teapot_flashcard_refresh     (TeapotFlashcard    *self);
/* The card on display during a session, or NULL. */
TeapotEntry *teapot_flashcard_get_current (TeapotFlashcard    *self);
/* Moves the keyboard focus to the button that continues. */
void         teapot_flashcard_focus       (TeapotFlashcard    *self);

/* The next interval, short: "1 min", "10 min", "5 h", "2 d", "3 mo", "1.4 y". */
char        *teapot_flashcard_format_interval (gint64 seconds);

G_END_DECLS
