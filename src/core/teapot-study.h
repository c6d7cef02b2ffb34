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

/* New cards a deck offers a day unless told otherwise, and the most it may be told. */
#define TEAPOT_STUDY_NEW_PER_DAY     20
#define TEAPOT_STUDY_MAX_NEW_PER_DAY 500

typedef struct
{
  guint total;          /* entries in the deck */
  guint seen;           /* reviewed at least once */
  guint learned;        /* seen, and the last answer was not Again */
  guint due;            /* seen and due at or before now */
  guint unseen;         /* never reviewed: total - seen */
  guint started_today;  /* unseen until today, first reviewed today (local day) */
  guint new_today;      /* unseen cards still offered today: the daily limit less those
                         * started, at most unseen */
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
/* How many unseen cards a deck offers a day (property "new-per-day"). */
guint              teapot_study_get_new_per_day   (TeapotStudy        *self);
void               teapot_study_set_new_per_day   (TeapotStudy        *self,
                                                   guint               new_per_day);
/* The shuffle of new cards within a prevalence band: the same seed, the same order
 * (property "seed"). */
guint32            teapot_study_get_seed          (TeapotStudy        *self);
void               teapot_study_set_seed          (TeapotStudy        *self,
                                                   guint32             seed);

void               teapot_study_count             (TeapotStudy        *self,
                                                   const TeapotFilter *deck,
                                                   gint64              now,
                                                   TeapotDeckCounts   *counts);
/* The next cards to study: due cards first (most overdue first), then new ones, at most
 * @max_new and what is left of today's new cards; at most @limit in all (0: no limit).
 * New cards come most prevalent first, the classes interleaved, shuffled by the seed within
 * a prevalence band. TeapotEntry. */
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
/* Starts afresh: every card and review goes, favourites stay. The old progress is kept in
 * a copy of the user database beside it, named with @now's local date
 * (user-progress-2026-12-01.sqlite, then -2, -3 the same day). Never holds the main loop
 * on another process's lock. */
void               teapot_study_reset_async       (TeapotStudy        *self,
                                                   gint64              now,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
/* The path of the copy that holds the old progress, or NULL and @error. */
char              *teapot_study_reset_finish      (TeapotStudy        *self,
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
