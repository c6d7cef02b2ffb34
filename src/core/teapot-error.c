/* teapot-error.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

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
    case SQLITE_IOERR:
      return TEAPOT_STORE_ERROR_IO;
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
  TeapotStoreError code = code_for_result (rc);

  /* A full disk during a write that had already started, a file size limit or a quota
   * come back as a bare "disk I/O error", often with errno already lost: say what it
   * most likely is. */
  if ((rc & 0xff) == SQLITE_IOERR && db != NULL && sqlite3_extended_errcode (db) == SQLITE_IOERR_WRITE)
    {
      int saved = sqlite3_system_errno (db);

      if (saved == ENOSPC || saved == EFBIG || saved == EDQUOT)
        code = TEAPOT_STORE_ERROR_FULL;
      detail = _("the disk refused the write (it may be full)");
    }

  if (what != NULL)
    g_set_error (error, TEAPOT_STORE_ERROR, code, "%s: %s", what, detail);
  else
    g_set_error_literal (error, TEAPOT_STORE_ERROR, code, detail);
  return FALSE;
}
