/* teapot-error.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-error.h"

G_DEFINE_QUARK (teapot-store-error-quark, teapot_store_error)

static TeapotStoreError
code_for_result (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return TEAPOT_STORE_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return TEAPOT_STORE_ERROR_BUSY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return TEAPOT_STORE_ERROR_CORRUPT;
    case SQLITE_FULL:
      return TEAPOT_STORE_ERROR_FULL;
    default:
      return TEAPOT_STORE_ERROR_FAILED;
    }
}

gboolean
_teapot_set_sqlite_error (GError    **error,
                          sqlite3    *db,
                          int         rc,
                          const char *what)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  g_set_error (error, TEAPOT_STORE_ERROR, code_for_result (rc), "%s: %s", what, detail);
  return FALSE;
}
