/* teapot-study.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "teapot-scheduler.h"
#include "teapot-store.h"

G_BEGIN_DECLS

/* Study progress on top of a TeapotStore: cards and a review log in user.sqlite (schema
 * version 2, migrated from version 1 without touching favourites). A deck is a TeapotFilter
 * (class, tag such as "iana" or a vendor, favourites). "now" is always passed in: the clock
 * is the caller's. */

#define TEAPOT_TYPE_STUDY (teapot_study_get_type ())

G_DECLARE_FINAL_TYPE (TeapotStudy, teapot_study, TEAPOT, STUDY, GObject)

typedef struct
{
  guint due;        /* reviewed before and due at or before now */
  guint fresh;      /* never reviewed */
  guint learned;    /* reviewed at least once */
  guint total;      /* entries in the deck */
} TeapotDeckCounts;

typedef struct
{
  guint reviews_30d;          /* reviews in the last 30 days */
  double retention_30d;       /* share of those not rated Again, 0..1; 0 when none */
  guint reviews_per_day[30];  /* [29] is today (local days), [0] 29 days ago */
  guint correct_per_day[30];
  GPtrArray *most_missed;     /* TeapotEntry, most Again ratings first, at most 10 */
} TeapotProgress;

void               teapot_progress_clear          (TeapotProgress *progress);

TeapotStudy       *teapot_study_new               (TeapotStore        *store);
TeapotScheduler   *teapot_study_get_scheduler     (TeapotStudy        *self);

void               teapot_study_count             (TeapotStudy        *self,
                                                   const TeapotFilter *deck,
                                                   gint64              now,
                                                   TeapotDeckCounts   *counts);
/* The next cards to study: due cards first (most overdue first), then up to @max_new new
 * ones in code order; at most @limit (0: no limit). TeapotEntry. */
GPtrArray         *teapot_study_queue             (TeapotStudy        *self,
                                                   const TeapotFilter *deck,
                                                   gint64              now,
                                                   guint               max_new,
                                                   guint               limit);
/* The card of @id as stored, or a new card when never reviewed. */
TeapotCard         teapot_study_get_card          (TeapotStudy        *self,
                                                   const char         *id,
                                                   gint64              now);
/* Schedules @rating for @id at @now and writes the card and a review-log row in one
 * transaction. */
gboolean           teapot_study_record_review     (TeapotStudy        *self,
                                                   const char         *id,
                                                   TeapotRating        rating,
                                                   gint64              now,
                                                   GError            **error);
/* The same without ever holding the main loop on another process's lock: for the window. */
void               teapot_study_record_review_async (TeapotStudy      *self,
                                                   const char         *id,
                                                   TeapotRating        rating,
                                                   gint64              now,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gboolean           teapot_study_record_review_finish (TeapotStudy     *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);
void               teapot_study_get_progress      (TeapotStudy        *self,
                                                   const TeapotFilter *deck,
                                                   gint64              now,
                                                   TeapotProgress     *progress);
/* Three other entries a person confuses with @entry (related codes first, then the same
 * class, then shared words), for a multiple-choice question. TeapotEntry. */
GPtrArray         *teapot_study_distractors       (TeapotStudy        *self,
                                                   TeapotEntry        *entry,
                                                   guint               seed);

G_END_DECLS
