/* teapot-fts.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "teapot-error.h"
#include "teapot-fts.h"
#include "teapot-refdb.h"

#define MAX_COLUMNS (TEAPOT_REFDB_FTS_COLUMNS + TEAPOT_REFDB_MAX_LANGUAGES * TEAPOT_REFDB_FTS_LANG_COLUMNS)

/* For each column of the index, the column it counts as (see teapot-fts.h). */
typedef struct
{
  guint8 fold[MAX_COLUMNS];
  int n_columns;
} ColumnMap;

static void
matched_columns (const Fts5ExtensionApi  *api,
                 Fts5Context             *fts,
                 sqlite3_context         *context,
                 int                      n_values,
                 sqlite3_value          **values)
{
  const ColumnMap *map = api->xUserData (fts);
  sqlite3_int64 mask = 0;
  int n_instances = 0;
  int rc = api->xInstCount (fts, &n_instances);

  for (int i = 0; rc == SQLITE_OK && i < n_instances; i++)
    {
      int phrase, column, offset;

      rc = api->xInst (fts, i, &phrase, &column, &offset);
      if (rc == SQLITE_OK && column >= 0 && column < map->n_columns)
        mask |= (sqlite3_int64) 1 << map->fold[column];
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

/* The reader's language counts as English; every other language as "elsewhere". */
static gboolean
map_columns (sqlite3     *db,
             const char  *language,
             ColumnMap   *map,
             GError     **error)
{
  static const guint8 own[TEAPOT_REFDB_FTS_LANG_COLUMNS] = {
    TEAPOT_FTS_KEYWORDS, TEAPOT_FTS_SUMMARY, TEAPOT_FTS_DESCRIPTION
  };
  static const guint8 other[TEAPOT_REFDB_FTS_LANG_COLUMNS] = {
    TEAPOT_FTS_OTHER_KEYWORDS, TEAPOT_FTS_OTHER_SUMMARY, TEAPOT_FTS_OTHER_DESCRIPTION
  };
  g_auto(GStrv) langs = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'languages'", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    langs = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), " ", -1);
  sqlite3_finalize (stmt);
  if (langs == NULL)
    return _teapot_set_sqlite_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc,
                                     "Cannot read the languages of the search index");

  for (int c = 0; c < TEAPOT_REFDB_FTS_COLUMNS; c++)
    map->fold[c] = c;
  map->n_columns = TEAPOT_REFDB_FTS_COLUMNS;
  for (guint l = 0; langs[l] != NULL && *langs[l] != '\0'; l++)
    {
      gboolean is_own = g_strcmp0 (langs[l], language) == 0;

      if (l >= TEAPOT_REFDB_MAX_LANGUAGES)
        return _teapot_set_sqlite_error (error, NULL, SQLITE_CORRUPT, "The search index has too many languages");
      for (int c = 0; c < TEAPOT_REFDB_FTS_LANG_COLUMNS; c++)
        map->fold[map->n_columns++] = is_own ? own[c] : other[c];
    }
  return TRUE;
}

gboolean
_teapot_fts_register (sqlite3     *db,
                      const char  *language,
                      GError     **error)
{
  fts5_api *api = get_fts5_api (db);
  g_autofree ColumnMap *map = g_new0 (ColumnMap, 1);
  int rc;

  if (api == NULL || api->iVersion < 2)
    return _teapot_set_sqlite_error (error, NULL, SQLITE_ERROR, "This SQLite has no usable FTS5");
  if (!map_columns (db, language, map, error))
    return FALSE;

  /* The connection owns the map from here and frees it when it closes. */
  rc = api->xCreateFunction (api, "teapot_columns", g_steal_pointer (&map), matched_columns, g_free);
  return rc == SQLITE_OK || _teapot_set_sqlite_error (error, db, rc, "Cannot register the search function");
}
