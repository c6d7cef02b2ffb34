/* teapot-test-db.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "teapot-store.h"

G_BEGIN_DECLS

/* What the store tests share: the user database where the store looks for it, raw SQL on
 * files the tests damage or prepare, the environment a child process needs, and cleaning
 * up the private folders tests make. */

/* $XDG_DATA_HOME/teapot/user.sqlite, under GLib's isolated test directories. */
char     *teapot_test_user_db_path   (void);
/* Runs @sql on @path, creating it and its folder. */
void      teapot_test_exec_sql       (const char  *path,
                                      const char  *sql);
/* The first column of the first row of @sql on @path, opened read-only; -1 or NULL for no row. */
gint64    teapot_test_query_int      (const char  *path,
                                      const char  *sql);
char     *teapot_test_query_text     (const char  *path,
                                      const char  *sql);
gboolean  teapot_test_is_favourite   (TeapotStore *store,
                                      const char  *id);
/* GLib's isolated directories are not in the environment: the child gets them here. */
char    **teapot_test_child_environment (void);

/* Deletes @file and everything below it (no symbolic link is followed). */
void      teapot_test_remove_tree    (GFile       *file);

G_END_DECLS
