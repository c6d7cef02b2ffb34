/* teapot-test-db.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-test-db.h"

#include <sqlite3.h>

char *
teapot_test_user_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "teapot", "user.sqlite", NULL);
}

void
teapot_test_exec_sql (const char *path,
                      const char *sql)
{
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static sqlite3_stmt *
first_row (const char  *path,
           const char  *sql,
           sqlite3    **db)
{
  g_autofree char *uri = g_strconcat ("file:", path, "?mode=ro", NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (*db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return stmt;
  sqlite3_finalize (stmt);
  return NULL;
}

gint64
teapot_test_query_int (const char *path,
                       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = first_row (path, sql, &db);
  gint64 value = stmt ? sqlite3_column_int64 (stmt, 0) : -1;

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
teapot_test_query_text (const char *path,
                        const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = first_row (path, sql, &db);
  char *value = stmt ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

gboolean
teapot_test_is_favourite (TeapotStore *store,
                          const char  *id)
{
  g_autoptr(TeapotEntry) entry = teapot_store_lookup_id (store, id);

  return entry != NULL && teapot_entry_get_favourite (entry);
}

char **
teapot_test_child_environment (void)
{
  return g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
}

void
teapot_test_remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFile *child;

  while (children != NULL && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
    teapot_test_remove_tree (child);
  g_file_delete (file, NULL, NULL);
}
