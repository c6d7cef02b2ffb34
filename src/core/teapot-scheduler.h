/* teapot-scheduler.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* FSRS-6 spaced repetition (open-spaced-repetition), written for Teapot. Pure: no clock, no
 * storage; every function takes "now" in Unix seconds. */

typedef enum
{
  TEAPOT_RATING_AGAIN = 1,
  TEAPOT_RATING_HARD = 2,
  TEAPOT_RATING_GOOD = 3,
  TEAPOT_RATING_EASY = 4,
} TeapotRating;

typedef enum
{
  TEAPOT_CARD_NEW,
  TEAPOT_CARD_LEARNING,
  TEAPOT_CARD_REVIEW,
  TEAPOT_CARD_RELEARNING,
} TeapotCardState;

typedef struct
{
  TeapotCardState state;
  double stability;      /* days; 0 for a new card */
  double difficulty;     /* 1..10; 0 for a new card */
  guint step;            /* position in the (re)learning steps */
  gint64 due;            /* Unix seconds */
  gint64 last_review;    /* Unix seconds; 0 when never reviewed */
  guint reps;
  guint lapses;
} TeapotCard;

typedef struct _TeapotScheduler TeapotScheduler;

/* Published FSRS-6 defaults: desired retention 0.9, learning steps 1 min and 10 min,
 * relearning step 10 min, maximum interval 36,500 days, fuzz on. */
TeapotScheduler *teapot_scheduler_new              (void);
void             teapot_scheduler_free             (TeapotScheduler *self);
void             teapot_scheduler_set_fuzz         (TeapotScheduler *self,
                                                    gboolean         fuzz);
/* Seeds the fuzz, for reproducible tests with fuzz on. */
void             teapot_scheduler_set_seed         (TeapotScheduler *self,
                                                    guint32          seed);
void             teapot_scheduler_set_retention    (TeapotScheduler *self,
                                                    double           retention);

TeapotCard       teapot_card_new                   (gint64           now);

/* Applies @rating at @now to @card (state, stability, difficulty, step, due, reps, lapses). */
void             teapot_scheduler_review           (TeapotScheduler *self,
                                                    TeapotCard      *card,
                                                    TeapotRating     rating,
                                                    gint64           now);
/* What teapot_scheduler_review() would make the next interval, in seconds, without changing
 * @card (the grade buttons show it). Fuzz is not applied. */
gint64           teapot_scheduler_preview          (TeapotScheduler  *self,
                                                    const TeapotCard *card,
                                                    TeapotRating      rating,
                                                    gint64            now);
/* Probability of recall at @now (1 for a card never reviewed is meaningless: returns 0). */
double           teapot_scheduler_retrievability   (TeapotScheduler  *self,
                                                    const TeapotCard *card,
                                                    gint64            now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeapotScheduler, teapot_scheduler_free)

G_END_DECLS
