/* teapot-refdb-facts.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-error.h"
#include "teapot-fact-keys.h"
#include "teapot-record.h"
#include "teapot-refdb-facts.h"

static gboolean
step (sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE
         || _teapot_set_sqlite_error (error, sqlite3_db_handle (stmt), rc, "Cannot write a fact");
}

static gboolean
is_text (const char *name)
{
  for (guint k = 0; k < TEAPOT_N_FACTS; k++)
    if (g_str_equal (teapot_fact_key_get_name (k), name))
      return teapot_fact_key_get_kind (k) == TEAPOT_FACT_KIND_TEXT;
  return FALSE;
}

gboolean
_teapot_refdb_write_facts (sqlite3     *db,
                           GPtrArray   *records,
                           GHashTable  *catalogs,
                           GError     **error)
{
  sqlite3_stmt *fact = NULL, *translation = NULL;
  gboolean ok = TRUE;

  sqlite3_prepare_v2 (db, "INSERT INTO facts VALUES (?1, ?2, ?3, ?4, ?5)", -1, &fact, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO fact_translations VALUES (?1, ?2, ?3, ?4)", -1, &translation, NULL);
  if (fact == NULL || translation == NULL)
    ok = _teapot_set_sqlite_error (error, db, sqlite3_errcode (db), "Cannot build the reference database");

  for (guint i = 0; ok && i < records->len; i++)
    {
      TeapotRecord *record = g_ptr_array_index (records, i);

      for (guint j = 0; ok && j < record->facts->len; j++)
        {
          TeapotFact *f = g_ptr_array_index (record->facts, j);
          GHashTableIter iter;
          gpointer lang, catalog;

          sqlite3_bind_int64 (fact, 1, i + 1);
          sqlite3_bind_int (fact, 2, j);
          sqlite3_bind_text (fact, 3, f->key, -1, SQLITE_STATIC);
          sqlite3_bind_text (fact, 4, f->value, -1, SQLITE_STATIC);
          sqlite3_bind_text (fact, 5, f->section, -1, SQLITE_STATIC);
          ok = step (fact, error);

          if (catalogs == NULL || !is_text (f->key))
            continue;
          g_hash_table_iter_init (&iter, catalogs);
          while (ok && g_hash_table_iter_next (&iter, &lang, &catalog))
            {
              const char *value = g_hash_table_lookup (catalog, f->value);

              if (value == NULL)
                continue;
              sqlite3_bind_text (translation, 1, lang, -1, SQLITE_STATIC);
              sqlite3_bind_int64 (translation, 2, i + 1);
              sqlite3_bind_int (translation, 3, j);
              sqlite3_bind_text (translation, 4, value, -1, SQLITE_STATIC);
              ok = step (translation, error);
            }
        }
    }

  sqlite3_finalize (fact);
  sqlite3_finalize (translation);
  return ok;
}
