/* teapot-sql.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-sql.h"

gboolean
_teapot_sql_set_error (GError  **error,
                       sqlite3  *db,
                       int       rc)
{
  return _teapot_set_sqlite_error (error, db, rc, NULL);
}

sqlite3_stmt *
_teapot_sql_prepare (sqlite3     *db,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      _teapot_sql_set_error (error, db, rc);
      return NULL;
    }
  return stmt;
}

gboolean
_teapot_sql_step (sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  /* The error is read before the reset, which would otherwise report it again. */
  if (rc != SQLITE_DONE)
    _teapot_sql_set_error (error, sqlite3_db_handle (stmt), rc);
  sqlite3_reset (stmt);
  return FALSE;
}

gboolean
_teapot_sql_run (sqlite3_stmt  *stmt,
                 GError       **error)
{
  GError *local_error = NULL;

  while (_teapot_sql_step (stmt, &local_error))
    ;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_teapot_sql_exec (sqlite3     *db,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || _teapot_sql_set_error (error, db, rc);
}

gboolean
_teapot_sql_transaction_begin (TeapotSqlTransaction  *transaction,
                               sqlite3               *db,
                               gboolean               immediate,
                               GError               **error)
{
  g_assert (transaction->db == NULL);

  if (!_teapot_sql_exec (db, immediate ? "BEGIN IMMEDIATE" : "BEGIN", error))
    return FALSE;
  transaction->db = db;
  return TRUE;
}

gboolean
_teapot_sql_transaction_commit (TeapotSqlTransaction  *transaction,
                                GError               **error)
{
  g_assert (transaction->db != NULL);

  if (!_teapot_sql_exec (transaction->db, "COMMIT", error))
    return FALSE;
  transaction->db = NULL;
  return TRUE;
}

void
_teapot_sql_transaction_clear (TeapotSqlTransaction *transaction)
{
  /* SQLite may already have rolled back on its own (a full disk, an I/O error): then there
   * is nothing to roll back, and ROLLBACK would only fail. */
  if (transaction->db != NULL && !sqlite3_get_autocommit (transaction->db))
    sqlite3_exec (transaction->db, "ROLLBACK", NULL, NULL, NULL);
  transaction->db = NULL;
}
