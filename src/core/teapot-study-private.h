/* teapot-study-private.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "teapot-study.h"
#include "teapot-store-private.h"

G_BEGIN_DECLS

/* TeapotStudy is one class in several files: teapot-study.c chooses what to study (counts,
 * the queue, the order of new cards), teapot-study-record.c writes (reviews, reset),
 * teapot-study-progress.c reads the log back (figures, quiz options). */
struct _TeapotStudy
{
  GObject parent_instance;

  TeapotStore *store;
  TeapotScheduler *scheduler;
  /* FALSE when user.sqlite is a newer or unmigrated file opened read-only: no study
   * tables to read, every card is new and nothing can be recorded. */
  gboolean has_tables;
  guint new_per_day;
  guint32 seed;
};

void      _teapot_study_bind_int64   (sqlite3_stmt *stmt,
                                      const char   *name,
                                      gint64        value);
/* Steps @stmt to the end, appending a TeapotEntry per row to @into; resets it. */
void      _teapot_study_collect_rows (TeapotStudy  *self,
                                      sqlite3_stmt *stmt,
                                      GPtrArray    *into);
/* The stored card of @id; FALSE (and @card untouched) when there is none. @rc is the
 * SQLite result, SQLITE_OK when there was no error. */
gboolean  _teapot_study_read_card    (TeapotStudy  *self,
                                      const char   *id,
                                      TeapotCard   *card,
                                      int          *rc);
/* The start of the local day @now is in, as Unix seconds; @days_back days earlier. */
gint64    _teapot_study_day_start    (gint64        now,
                                      int           days_back);

G_END_DECLS
