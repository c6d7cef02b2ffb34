/* teapot-study-record.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "teapot-study-private.h"
#include "teapot-write.h"

/* The study tables written: a review (card and log row in one transaction), and a reset that
 * keeps the old progress in a copy of the file. */

static const char select_card[] =
  "SELECT state, stability, difficulty, step, due, last_review, reps, lapses FROM user.cards WHERE id = ?1";
static const char select_entry_exists[] =
  "SELECT 1 FROM entries WHERE id = ?1";
static const char upsert_card[] =
  "INSERT INTO user.cards (id, state, stability, difficulty, step, due, last_review, reps, lapses)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
  " ON CONFLICT (id) DO UPDATE SET state = excluded.state, stability = excluded.stability,"
  " difficulty = excluded.difficulty, step = excluded.step, due = excluded.due,"
  " last_review = excluded.last_review, reps = excluded.reps, lapses = excluded.lapses";
static const char insert_review[] =
  "INSERT INTO user.reviews (entry, rating, reviewed_at, elapsed, state_before, stability, difficulty, interval)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char begin_transaction[] = "BEGIN";
static const char commit_transaction[] = "COMMIT";
static const char rollback_transaction[] = "ROLLBACK";
/* In the reset's transaction: the copy is taken on another connection, which still sees
 * the rows these delete until the commit. */
static const char delete_reviews[] = "DELETE FROM user.reviews";
static const char delete_cards[] = "DELETE FROM user.cards";
static const char vacuum_into[] = "VACUUM INTO ?1";

gboolean
_teapot_study_read_card (TeapotStudy *self,
                         const char  *id,
                         TeapotCard  *card,
                         int         *rc)
{
  sqlite3_stmt *stmt = _teapot_store_statement (self->store, select_card);
  gboolean found = FALSE;

  *rc = SQLITE_ERROR;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  *rc = sqlite3_step (stmt);
  if (*rc == SQLITE_ROW)
    {
      int state = sqlite3_column_int (stmt, 0);

      card->state = state >= TEAPOT_CARD_NEW && state <= TEAPOT_CARD_RELEARNING ? state : TEAPOT_CARD_NEW;
      card->stability = sqlite3_column_double (stmt, 1);
      card->difficulty = sqlite3_column_double (stmt, 2);
      card->step = MAX (sqlite3_column_int (stmt, 3), 0);
      card->due = sqlite3_column_int64 (stmt, 4);
      card->last_review = sqlite3_column_int64 (stmt, 5);
      card->reps = MAX (sqlite3_column_int (stmt, 6), 0);
      card->lapses = MAX (sqlite3_column_int (stmt, 7), 0);
      found = TRUE;
      *rc = SQLITE_OK;
    }
  else if (*rc == SQLITE_DONE)
    *rc = SQLITE_OK;
  sqlite3_reset (stmt);
  return found;
}

static int
step_once (sqlite3_stmt *stmt)
{
  int rc;

  if (stmt == NULL)
    return SQLITE_ERROR;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* One attempt: read the card, schedule, write card and log, commit. The card is read inside
 * the transaction, so that two processes reviewing the same card do not lose an answer. */
static int
try_record (TeapotStudy  *self,
            const char   *id,
            TeapotRating  rating,
            gint64        now)
{
  TeapotCard card = teapot_card_new (now);
  TeapotCardState state_before;
  gint64 elapsed = 0;
  sqlite3_stmt *stmt;
  int rc = step_once (_teapot_store_statement (self->store, begin_transaction));

  if (rc == SQLITE_OK)
    _teapot_study_read_card (self, id, &card, &rc);
  if (rc != SQLITE_OK)
    goto out;

  state_before = card.state;
  if (card.state != TEAPOT_CARD_NEW && now > card.last_review)
    elapsed = now - card.last_review;
  teapot_scheduler_review (self->scheduler, &card, rating, now);

  rc = SQLITE_ERROR;
  stmt = _teapot_store_statement (self->store, upsert_card);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, card.state);
  sqlite3_bind_double (stmt, 3, card.stability);
  sqlite3_bind_double (stmt, 4, card.difficulty);
  sqlite3_bind_int (stmt, 5, card.step);
  sqlite3_bind_int64 (stmt, 6, card.due);
  sqlite3_bind_int64 (stmt, 7, card.last_review);
  sqlite3_bind_int64 (stmt, 8, card.reps);
  sqlite3_bind_int64 (stmt, 9, card.lapses);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto out;

  rc = SQLITE_ERROR;
  stmt = _teapot_store_statement (self->store, insert_review);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, rating);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, elapsed);
  sqlite3_bind_int (stmt, 5, state_before);
  sqlite3_bind_double (stmt, 6, card.stability);
  sqlite3_bind_double (stmt, 7, card.difficulty);
  sqlite3_bind_int64 (stmt, 8, card.due - now);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto out;

  rc = step_once (_teapot_store_statement (self->store, commit_transaction));

out:
  if (rc != SQLITE_OK && !sqlite3_get_autocommit (_teapot_store_get_db (self->store)))
    step_once (_teapot_store_statement (self->store, rollback_transaction));
  return rc;
}

static gboolean
entry_exists (TeapotStudy *self,
              const char  *id)
{
  sqlite3_stmt *stmt = _teapot_store_statement (self->store, select_entry_exists);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* Whether a review of @id can be written at all: the entry exists and the data is writable. */
static gboolean
check_review (TeapotStudy  *self,
              const char   *id,
              GError      **error)
{
  if (!entry_exists (self, id))
    {
      g_set_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_NOT_FOUND,
                   _("No entry has the id “%s”"), id);
      return FALSE;
    }

  if (teapot_store_is_read_only (self->store) || !self->has_tables)
    {
      const char *notice = teapot_store_get_notice (self->store);

      g_set_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_READ_ONLY,
                   _("Study progress cannot be saved: %s"),
                   notice != NULL ? notice : _("your saved data is read-only"));
      return FALSE;
    }
  return TRUE;
}

gboolean
teapot_study_record_review (TeapotStudy   *self,
                            const char    *id,
                            TeapotRating   rating,
                            gint64         now,
                            GError       **error)
{
  gint64 deadline;
  int rc;

  g_return_val_if_fail (TEAPOT_IS_STUDY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (rating >= TEAPOT_RATING_AGAIN && rating <= TEAPOT_RATING_EASY, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_review (self, id, error))
    return FALSE;

  /* The busy timeout covers waiting for a lock; a deferred transaction whose snapshot
   * another writer made stale fails at once (SQLITE_BUSY_SNAPSHOT) and must start over. */
  deadline = g_get_monotonic_time () + TEAPOT_BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  while ((rc = try_record (self, id, rating, now)) != SQLITE_OK)
    {
      if ((rc & 0xff) != SQLITE_BUSY || g_get_monotonic_time () >= deadline)
        return _teapot_set_sqlite_error (error, _teapot_store_get_db (self->store), rc,
                                         _("Cannot save your study progress"));
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
    }
  return TRUE;
}

typedef struct
{
  TeapotStudy *study;
  char *id;
  TeapotRating rating;
  gint64 now;
} ReviewWrite;

static void
review_write_free (ReviewWrite *write)
{
  g_object_unref (write->study);
  g_free (write->id);
  g_free (write);
}

static int
write_review (gpointer data)
{
  ReviewWrite *write = data;

  return try_record (write->study, write->id, write->rating, write->now);
}

/* As teapot_study_record_review(), without ever holding the main loop (teapot-write.c). */
void
teapot_study_record_review_async (TeapotStudy         *self,
                                  const char          *id,
                                  TeapotRating         rating,
                                  gint64               now,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GError *error = NULL;
  ReviewWrite *write;

  g_return_if_fail (TEAPOT_IS_STUDY (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (rating >= TEAPOT_RATING_AGAIN && rating <= TEAPOT_RATING_EASY);

  if (!check_review (self, id, &error))
    {
      g_task_report_error (self, callback, user_data, _teapot_write_async, error);
      return;
    }
  write = g_new0 (ReviewWrite, 1);
  write->study = g_object_ref (self);
  write->id = g_strdup (id);
  write->rating = rating;
  write->now = now;
  _teapot_write_async (self, _teapot_store_get_db (self->store), write_review, write,
                       (GDestroyNotify) review_write_free, _("Cannot save your study progress"),
                       cancellable, callback, user_data);
}

gboolean
teapot_study_record_review_finish (TeapotStudy   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (TEAPOT_IS_STUDY (self), FALSE);
  return _teapot_write_finish (self, result, error);
}


typedef struct
{
  TeapotStudy *study;
  char *source;
  char *backup;
} ResetWrite;

static void
reset_write_free (ResetWrite *write)
{
  g_object_unref (write->study);
  g_free (write->source);
  g_free (write->backup);
  g_free (write);
}

/* A consistent copy of the file at @source, on a connection of its own: VACUUM INTO runs
 * outside any transaction, and this one has the reset's open. */
static int
copy_database (const char *source,
               const char *backup)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_open_v2 (source, &db, SQLITE_OPEN_READONLY, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, vacuum_into, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rc;
}

/* One attempt. The deletes come first so that this connection holds the write lock: no
 * review can land between the copy and the commit, to be lost from both. */
static int
try_reset (gpointer data)
{
  ResetWrite *write = data;
  TeapotStore *store = write->study->store;
  int rc = step_once (_teapot_store_statement (store, begin_transaction));

  if (rc == SQLITE_OK)
    rc = step_once (_teapot_store_statement (store, delete_reviews));
  if (rc == SQLITE_OK)
    rc = step_once (_teapot_store_statement (store, delete_cards));
  if (rc == SQLITE_OK)
    {
      rc = copy_database (write->source, write->backup);
      if (rc != SQLITE_OK)
        g_unlink (write->backup);  /* a partial copy of ours, never anyone else's file */
    }
  if (rc == SQLITE_OK)
    rc = step_once (_teapot_store_statement (store, commit_transaction));

  if (rc != SQLITE_OK && !sqlite3_get_autocommit (_teapot_store_get_db (store)))
    step_once (_teapot_store_statement (store, rollback_transaction));
  return rc;
}

/* A name beside @source nothing has taken yet: user-progress-DATE.sqlite, -2, -3... */
static char *
backup_path (const char *source,
             gint64      now)
{
  g_autoptr(GDateTime) moment = g_date_time_new_from_unix_local (now);
  g_autofree char *date = NULL;
  g_autofree char *folder = g_path_get_dirname (source);

  if (moment == NULL)
    moment = g_date_time_new_now_local ();
  date = g_date_time_format (moment, "%Y-%m-%d");
  for (guint n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("user-progress-%s.sqlite", date)
                                     : g_strdup_printf ("user-progress-%s-%u.sqlite", date, n);
      char *path = g_build_filename (folder, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

static void
on_reset_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (_teapot_write_finish (source, result, &error))
    g_task_return_pointer (task, g_strdup (g_task_get_task_data (task)), g_free);
  else
    g_task_return_error (task, error);
}

void
teapot_study_reset_async (TeapotStudy         *self,
                          gint64               now,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *source;
  ResetWrite *write;

  g_return_if_fail (TEAPOT_IS_STUDY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, teapot_study_reset_async);
  source = sqlite3_db_filename (_teapot_store_get_db (self->store), "user");
  /* In memory (nowhere to write) or a newer schema: nothing of ours to reset. */
  if (teapot_store_is_read_only (self->store) || !self->has_tables || source == NULL || *source == '\0')
    {
      const char *notice = teapot_store_get_notice (self->store);

      g_task_return_new_error (task, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_READ_ONLY,
                               _("Study progress cannot be reset: %s"),
                               notice != NULL ? notice : _("your saved data is read-only"));
      return;
    }

  write = g_new0 (ResetWrite, 1);
  write->study = g_object_ref (self);
  write->source = g_strdup (source);
  write->backup = backup_path (source, now);
  g_task_set_task_data (task, g_strdup (write->backup), g_free);
  _teapot_write_async (self, _teapot_store_get_db (self->store), try_reset, write,
                       (GDestroyNotify) reset_write_free, _("Cannot reset your study progress"),
                       cancellable, on_reset_written, g_steal_pointer (&task));
}

char *
teapot_study_reset_finish (TeapotStudy   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (TEAPOT_IS_STUDY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
