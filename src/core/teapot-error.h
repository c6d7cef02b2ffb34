/* teapot-error.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define TEAPOT_STORE_ERROR (teapot_store_error_quark ())

typedef enum
{
  TEAPOT_STORE_ERROR_FAILED,
  TEAPOT_STORE_ERROR_NOT_FOUND,
  TEAPOT_STORE_ERROR_READ_ONLY,
  TEAPOT_STORE_ERROR_BUSY,
  TEAPOT_STORE_ERROR_CORRUPT,
  TEAPOT_STORE_ERROR_FULL,
  TEAPOT_STORE_ERROR_NEWER_SCHEMA,
  TEAPOT_STORE_ERROR_REFERENCE,
  TEAPOT_STORE_ERROR_IO,
} TeapotStoreError;

GQuark   teapot_store_error_quark (void);

/* Maps an SQLite result code to TEAPOT_STORE_ERROR and returns FALSE. @what, when not
 * NULL, is put before SQLite's own message. */
gboolean _teapot_set_sqlite_error (GError    **error,
                                   sqlite3    *db,
                                   int         rc,
                                   const char *what);

G_END_DECLS
