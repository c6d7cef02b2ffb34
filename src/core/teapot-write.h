/* teapot-write.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* How long a write waits for another process's lock before it gives up. */
#define TEAPOT_BUSY_TIMEOUT_MS 5000

/* One attempt at a write on @db; returns an SQLite result code. It runs on the thread that
 * started the write, as often as the lock is busy. */
typedef int (*TeapotWriteFunc) (gpointer data);

/* Writes without ever holding the main loop: each attempt takes the lock or fails at once
 * (no busy handler), and a busy lock is tried again from a short timeout until
 * TEAPOT_BUSY_TIMEOUT_MS have passed. The first attempt is made before this returns, so an
 * uncontended write is done by then; @callback runs from the main context either way. */
void     _teapot_write_async  (gpointer             source_object,
                               sqlite3             *db,
                               TeapotWriteFunc      attempt,
                               gpointer             data,
                               GDestroyNotify       destroy,
                               const char          *failure,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);
gboolean _teapot_write_finish (gpointer             source_object,
                               GAsyncResult        *result,
                               GError             **error);

G_END_DECLS
