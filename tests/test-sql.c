/* test-sql.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "teapot-sql.h"

/* The SQLite helper (teapot-sql.c) on real databases made to fail the way a user's can: a
 * lock another connection holds, a file opened read-only, a file that is no database, a
 * disk that fills up. Each failure comes back as its TEAPOT_STORE_ERROR code, never as
 * "no more rows"; a transaction left uncommitted leaves nothing behind. */

typedef struct
{
  char *path;
  sqlite3 *db;
} Fixture;

static sqlite3 *
open_db (const char *path,
         int         flags)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, flags, NULL), ==, SQLITE_OK);
  return db;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = g_build_filename (g_get_user_data_dir (), "test.sqlite", NULL);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  fixture->db = open_db (fixture->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  g_assert_true (_teapot_sql_exec (fixture->db, "CREATE TABLE t (n INTEGER);"
                                                "INSERT INTO t VALUES (1), (2), (3)", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sqlite3_close (fixture->db);
  g_unlink (fixture->path);
  g_free (fixture->path);
}

static guint
count_rows (sqlite3 *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _teapot_sql_prepare (db, "SELECT count(*) FROM t", &error);

  g_assert_no_error (error);
  g_assert_true (_teapot_sql_step (stmt, &error));
  return sqlite3_column_int (stmt, 0);
}

/* Rows until the end, then FALSE without an error, and the statement runs again. */
static void
test_step_rows (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _teapot_sql_prepare (fixture->db, "SELECT n FROM t WHERE n >= ?1 ORDER BY n", &error);

  g_assert_no_error (error);
  for (guint round = 0; round < 2; round++)
    {
      guint n = 0;

      sqlite3_bind_int (stmt, 1, 2);
      while (_teapot_sql_step (stmt, &error))
        n += sqlite3_column_int (stmt, 0);
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, 5);
    }

  g_assert_null (_teapot_sql_prepare (fixture->db, "SELECT n FROM nowhere", &error));
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_FAILED);
  /* SQLite's own words, not a generic failure. */
  g_assert_nonnull (strstr (error->message, "no such"));
}

/* Another connection holds the write lock: BUSY, at once when no wait is allowed. */
static void
test_busy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(TeapotSqlTransaction) holder = { 0 };
  g_auto(TeapotSqlTransaction) second = { 0 };
  sqlite3 *other = open_db (fixture->path, SQLITE_OPEN_READWRITE);

  g_assert_true (_teapot_sql_transaction_begin (&holder, fixture->db, TRUE, &error));
  g_assert_false (_teapot_sql_transaction_begin (&second, other, TRUE, &error));
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_BUSY);
  g_assert_null (second.db);
  _teapot_sql_transaction_clear (&holder);
  sqlite3_close (other);
}

/* A commit that fails (a reader holds the file) leaves the transaction open; clearing it
 * rolls back: nothing half written stays. A committed one stays. */
static void
test_transaction (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *reader = open_db (fixture->path, SQLITE_OPEN_READONLY);

  {
    g_auto(TeapotSqlTransaction) transaction = { 0 };

    g_assert_true (_teapot_sql_transaction_begin (&transaction, fixture->db, FALSE, &error));
    g_assert_true (_teapot_sql_exec (fixture->db, "INSERT INTO t VALUES (4)", &error));
    /* Left without a commit, as an early return on an error would. */
  }
  g_assert_cmpuint (count_rows (fixture->db), ==, 3);
  g_assert_true (sqlite3_get_autocommit (fixture->db));

  {
    g_auto(TeapotSqlTransaction) transaction = { 0 };
    g_auto(TeapotSqlTransaction) reading = { 0 };

    g_assert_true (_teapot_sql_transaction_begin (&reading, reader, FALSE, &error));
    g_assert_cmpuint (count_rows (reader), ==, 3);
    g_assert_true (_teapot_sql_transaction_begin (&transaction, fixture->db, FALSE, &error));
    g_assert_true (_teapot_sql_exec (fixture->db, "INSERT INTO t VALUES (4)", &error));
    g_assert_false (_teapot_sql_transaction_commit (&transaction, &error));
    g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_BUSY);
    g_clear_error (&error);
    g_assert_nonnull (transaction.db);
  }
  g_assert_cmpuint (count_rows (fixture->db), ==, 3);

  {
    g_auto(TeapotSqlTransaction) transaction = { 0 };

    g_assert_true (_teapot_sql_transaction_begin (&transaction, fixture->db, TRUE, &error));
    g_assert_true (_teapot_sql_exec (fixture->db, "INSERT INTO t VALUES (4)", &error));
    g_assert_true (_teapot_sql_transaction_commit (&transaction, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_rows (reader), ==, 4);
  sqlite3_close (reader);
}

/* Writing through a read-only connection. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *reader = open_db (fixture->path, SQLITE_OPEN_READONLY);
  g_autoptr(sqlite3_stmt) insert = _teapot_sql_prepare (reader, "INSERT INTO t VALUES (?1)", &error);

  g_assert_no_error (error);
  sqlite3_bind_int (insert, 1, 9);
  g_assert_false (_teapot_sql_run (insert, &error));
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_READ_ONLY);
  g_clear_pointer (&insert, sqlite3_finalize);
  sqlite3_close (reader);
}

/* A file that is no database: the first read says so. */
static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = g_strnfill (8192, 'x');
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "garbage.sqlite", NULL);
  sqlite3 *db;

  g_assert_true (g_file_set_contents (path, garbage, 8192, NULL));
  db = open_db (path, SQLITE_OPEN_READONLY);
  g_assert_false (_teapot_sql_exec (db, "SELECT count(*) FROM sqlite_schema", &error));
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_CORRUPT);
  sqlite3_close (db);
}

/* The database reaches its size limit, as on a full disk: FULL, and the rows written in
 * that transaction are gone. */
static void
test_full (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gboolean ok = TRUE;

  {
    g_auto(TeapotSqlTransaction) transaction = { 0 };

    g_assert_true (_teapot_sql_exec (fixture->db, "CREATE TABLE big (text TEXT); PRAGMA max_page_count = 8", &error));
    insert = _teapot_sql_prepare (fixture->db, "INSERT INTO big VALUES (printf('%.1000c', 'x'))", &error);
    g_assert_true (_teapot_sql_transaction_begin (&transaction, fixture->db, TRUE, &error));
    for (guint i = 0; ok && i < 1000; i++)
      ok = _teapot_sql_run (insert, &error);
    g_assert_false (ok);
    g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_FULL);
  }
  g_clear_pointer (&insert, sqlite3_finalize);
  g_clear_error (&error);
  insert = _teapot_sql_prepare (fixture->db, "SELECT count(*) FROM big", &error);
  g_assert_true (_teapot_sql_step (insert, &error));
  g_assert_cmpint (sqlite3_column_int (insert, 0), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sql/step-rows", test_step_rows);
  ADD ("/sql/busy", test_busy);
  ADD ("/sql/transaction", test_transaction);
  ADD ("/sql/read-only", test_read_only);
  ADD ("/sql/not-a-database", test_not_a_database);
  ADD ("/sql/full", test_full);
#undef ADD

  return g_test_run ();
}
