/* teapot-sql.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "teapot-error.h"

G_BEGIN_DECLS

/* SQLite with GErrors: every failure is a TEAPOT_STORE_ERROR (see teapot-error.h), never a
 * shorter result. Messages are SQLite's own ("database disk image is malformed"); callers
 * say what they were doing with g_prefix_error(). */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A statement of its own (sqlite3_finalize() it, or use g_autoptr), or NULL and @error. */
sqlite3_stmt *_teapot_sql_prepare   (sqlite3       *db,
                                     const char    *sql,
                                     GError       **error);
/* TRUE while @stmt has a row to read. FALSE when it has no more (@error unset) or failed
 * (@error set); either way @stmt is reset, ready to bind and run again. So:
 *   while (_teapot_sql_step (stmt, &error)) ...;  if (error != NULL) ... */
gboolean      _teapot_sql_step      (sqlite3_stmt  *stmt,
                                     GError       **error);
/* Runs @stmt to its end, ignoring any rows, and resets it. */
gboolean      _teapot_sql_run       (sqlite3_stmt  *stmt,
                                     GError       **error);
/* Runs @sql (one or more statements, no parameters). */
gboolean      _teapot_sql_exec      (sqlite3       *db,
                                     const char    *sql,
                                     GError       **error);
/* A result code other than SQLITE_OK, SQLITE_ROW or SQLITE_DONE as @error; returns FALSE. */
gboolean      _teapot_sql_set_error (GError       **error,
                                     sqlite3       *db,
                                     int            rc);

/* A transaction that rolls back unless committed:
 *   g_auto(TeapotSqlTransaction) transaction = { 0 };
 *   if (!_teapot_sql_transaction_begin (&transaction, db, TRUE, error)) return FALSE;
 *   ... writes, returning FALSE on the first error ...
 *   return _teapot_sql_transaction_commit (&transaction, error); */
typedef struct
{
  sqlite3 *db;   /* NULL when no transaction is open */
} TeapotSqlTransaction;

/* @immediate: take the write lock now (BEGIN IMMEDIATE), so that a busy lock fails here
 * and not halfway through the writes. */
gboolean _teapot_sql_transaction_begin  (TeapotSqlTransaction  *transaction,
                                         sqlite3               *db,
                                         gboolean               immediate,
                                         GError               **error);
/* On failure the transaction is still open and is rolled back when cleared. */
gboolean _teapot_sql_transaction_commit (TeapotSqlTransaction  *transaction,
                                         GError               **error);
void     _teapot_sql_transaction_clear  (TeapotSqlTransaction  *transaction);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TeapotSqlTransaction, _teapot_sql_transaction_clear)

G_END_DECLS
