/* teapot-write.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-write.h"
#include "teapot-sql.h"

/* The window shares user.sqlite with the command line, which may hold the write lock for a
 * moment. SQLite's busy handler would sleep in the caller until the lock is free, freezing
 * the window for up to the whole timeout; here each attempt fails at once instead and the
 * next one is scheduled on the main loop, so a frame never waits on another process. */

#define RETRY_INTERVAL_MS 20

typedef struct
{
  sqlite3 *db;
  TeapotWriteFunc attempt;
  gpointer data;
  GDestroyNotify destroy;
  char *failure;
  gint64 deadline;
} Write;

static void
write_free (Write *write)
{
  if (write->destroy != NULL)
    write->destroy (write->data);
  g_free (write->failure);
  g_free (write);
}

/* TRUE when the task is finished (done, failed or cancelled). */
static gboolean
try_once (GTask *task)
{
  Write *write = g_task_get_task_data (task);
  GError *error = NULL;
  int rc;

  if (g_task_return_error_if_cancelled (task))
    return TRUE;

  sqlite3_busy_timeout (write->db, 0);
  rc = write->attempt (write->data);
  sqlite3_busy_timeout (write->db, TEAPOT_BUSY_TIMEOUT_MS);

  if (rc == SQLITE_OK || rc == SQLITE_DONE)
    {
      g_task_return_boolean (task, TRUE);
      return TRUE;
    }
  if ((rc & 0xff) == SQLITE_BUSY && g_get_monotonic_time () < write->deadline)
    return FALSE;

  _teapot_sql_set_error (&error, write->db, rc);
  g_prefix_error (&error, "%s: ", write->failure);
  g_task_return_error (task, error);
  return TRUE;
}

static gboolean
retry (gpointer user_data)
{
  return try_once (G_TASK (user_data)) ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

void
_teapot_write_async (gpointer             source_object,
                     sqlite3             *db,
                     TeapotWriteFunc      attempt,
                     gpointer             data,
                     GDestroyNotify       destroy,
                     const char          *failure,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  Write *write = g_new0 (Write, 1);

  write->db = db;
  write->attempt = attempt;
  write->data = data;
  write->destroy = destroy;
  write->failure = g_strdup (failure);
  write->deadline = g_get_monotonic_time () + TEAPOT_BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  g_task_set_source_tag (task, _teapot_write_async);
  g_task_set_task_data (task, write, (GDestroyNotify) write_free);

  if (!try_once (task))
    g_timeout_add_full (G_PRIORITY_DEFAULT, RETRY_INTERVAL_MS, retry, g_object_ref (task), g_object_unref);
}

gboolean
_teapot_write_finish (gpointer       source_object,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == _teapot_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
