/* teapot-fts.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-error.h"
#include "teapot-fts.h"

static void
matched_columns (const Fts5ExtensionApi  *api,
                 Fts5Context             *fts,
                 sqlite3_context         *context,
                 int                      n_values,
                 sqlite3_value          **values)
{
  sqlite3_int64 mask = 0;
  int n_instances = 0;
  int rc = api->xInstCount (fts, &n_instances);

  for (int i = 0; rc == SQLITE_OK && i < n_instances; i++)
    {
      int phrase, column, offset;

      rc = api->xInst (fts, i, &phrase, &column, &offset);
      if (rc == SQLITE_OK && column < 62)
        mask |= (sqlite3_int64) 1 << column;
    }

  if (rc != SQLITE_OK)
    sqlite3_result_error_code (context, rc);
  else
    sqlite3_result_int64 (context, mask);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return api;
}

gboolean
_teapot_fts_register (sqlite3  *db,
                      GError  **error)
{
  fts5_api *api = get_fts5_api (db);
  int rc;

  if (api == NULL || api->iVersion < 2)
    return _teapot_set_sqlite_error (error, NULL, SQLITE_ERROR, "This SQLite has no usable FTS5");

  rc = api->xCreateFunction (api, "teapot_columns", NULL, matched_columns, NULL);
  return rc == SQLITE_OK || _teapot_set_sqlite_error (error, db, rc, "Cannot register the search function");
}
