/* teapot-store-favourites.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "teapot-store-private.h"
#include "teapot-write.h"

/* TeapotStore's writes: starring and unstarring, from the command line (waiting for
 * another process's lock) and from the window (never waiting on the main loop). */

static const char insert_favourite[] =
  "INSERT OR IGNORE INTO user.favourites (id, added) VALUES (?1, strftime('%s', 'now'))";
static const char delete_favourite[] =
  "DELETE FROM user.favourites WHERE id = ?1";

typedef struct
{
  TeapotStore *store;
  TeapotEntry *entry;
  gboolean favourite;
} FavouriteWrite;

static void
favourite_write_free (FavouriteWrite *write)
{
  g_object_unref (write->store);
  g_object_unref (write->entry);
  g_free (write);
}

/* One attempt; the entry follows once the row is written. */
static int
write_favourite (gpointer data)
{
  FavouriteWrite *write = data;
  sqlite3_stmt *stmt = _teapot_store_prepare (write->store,
                                              write->favourite ? insert_favourite : delete_favourite, NULL);
  int rc;

  /* An attempt returns a result code, so that a busy lock can be told apart and retried. */
  if (stmt == NULL)
    return sqlite3_errcode (_teapot_store_get_db (write->store));
  sqlite3_bind_text (stmt, 1, teapot_entry_get_id (write->entry), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    _teapot_entry_set_favourite (write->entry, write->favourite);
  return rc;
}

/* The entry to star, or NULL and @error: no such id, or favourites cannot be saved. */
static FavouriteWrite *
prepare_favourite (TeapotStore  *self,
                   const char   *id,
                   gboolean      favourite,
                   GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TeapotEntry) entry = _teapot_store_lookup_id (self, id, &local_error);
  FavouriteWrite *write;

  /* Data that cannot be read is not an unknown id. */
  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", _("Cannot save the favourite"));
      return NULL;
    }
  if (entry == NULL)
    {
      g_set_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_NOT_FOUND,
                   _("No entry has the id “%s”"), id);
      return NULL;
    }
  if (teapot_store_is_read_only (self))
    {
      g_set_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_READ_ONLY,
                   _("Favourites cannot be saved: %s"),
                   teapot_store_get_notice (self) ? teapot_store_get_notice (self) : _("your saved data is read-only"));
      return NULL;
    }

  write = g_new0 (FavouriteWrite, 1);
  write->store = g_object_ref (self);
  write->entry = g_steal_pointer (&entry);
  write->favourite = favourite;
  return write;
}

/* Waits for another process's lock (up to TEAPOT_BUSY_TIMEOUT_MS): for the command line.
 * The window uses teapot_store_set_favourite_async(). */
gboolean
teapot_store_set_favourite (TeapotStore  *self,
                            const char   *id,
                            gboolean      favourite,
                            GError      **error)
{
  FavouriteWrite *write;
  int rc;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  write = prepare_favourite (self, id, favourite, error);
  if (write == NULL)
    return FALSE;
  rc = write_favourite (write);
  favourite_write_free (write);
  if (rc != SQLITE_DONE)
    return _teapot_set_sqlite_error (error, _teapot_store_get_db (self), rc, _("Cannot save the favourite"));
  return TRUE;
}

/* Never waits on the main loop for another process's lock (see teapot-write.c). */
void
teapot_store_set_favourite_async (TeapotStore         *self,
                                  const char          *id,
                                  gboolean             favourite,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GError *error = NULL;
  FavouriteWrite *write;

  g_return_if_fail (TEAPOT_IS_STORE (self));
  g_return_if_fail (id != NULL);

  write = prepare_favourite (self, id, favourite, &error);
  if (write == NULL)
    {
      g_task_report_error (self, callback, user_data, _teapot_write_async, error);
      return;
    }
  _teapot_write_async (self, _teapot_store_get_db (self), write_favourite, write, (GDestroyNotify) favourite_write_free,
                       _("Cannot save the favourite"), cancellable, callback, user_data);
}

gboolean
teapot_store_set_favourite_finish (TeapotStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (TEAPOT_IS_STORE (self), FALSE);
  return _teapot_write_finish (self, result, error);
}
