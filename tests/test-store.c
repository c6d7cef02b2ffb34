/* test-store.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "teapot-store.h"
#include "teapot-test-db.h"

static guint
count_moved_aside (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".damaged-", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      n++;
  return n;
}

static void
test_favourites_persist (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) first = teapot_store_new (NULL, &error);
  g_autoptr(TeapotStore) second = NULL;
  g_autoptr(TeapotEntry) entry = NULL;

  g_assert_no_error (error);
  g_assert_null (teapot_store_get_notice (first));
  g_assert_false (teapot_store_is_read_only (first));

  entry = teapot_store_lookup_id (first, "418");
  g_assert_false (teapot_entry_get_favourite (entry));
  g_assert_true (teapot_store_set_favourite (first, "418", TRUE, &error));
  g_assert_true (teapot_store_set_favourite (first, "499-nginx", TRUE, &error));
  g_assert_true (teapot_store_set_favourite (first, "499-nginx", TRUE, &error)); /* twice is fine */
  g_assert_no_error (error);
  g_assert_true (teapot_entry_get_favourite (entry));

  g_assert_false (teapot_store_set_favourite (first, "no-such-id", TRUE, &error));
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&first);

  second = teapot_store_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (teapot_test_is_favourite (second, "418"));
  g_assert_true (teapot_test_is_favourite (second, "499-nginx"));
  g_assert_false (teapot_test_is_favourite (second, "499-esri"));

  g_assert_true (teapot_store_set_favourite (second, "418", FALSE, &error));
  g_clear_object (&second);
  second = teapot_store_new (NULL, &error);
  g_assert_false (teapot_test_is_favourite (second, "418"));
  g_assert_true (teapot_test_is_favourite (second, "499-nginx"));
}

static void
run_teapot (const char *argument,
            int         expected_status)
{
  const char *argv[] = { g_getenv ("TEAPOT_BINARY"), argument, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_auto(GStrv) env = teapot_test_child_environment ();

  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("teapot %s: %s", argument, err);
  g_assert_cmpint (WEXITSTATUS (status), ==, expected_status);
}

/* The command line and the window share one user.sqlite. */
static void
test_favourites_across_processes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;

  run_teapot ("--star=429", 0);
  run_teapot ("--star=522-cloudflare", 0);
  run_teapot ("--unstar=522-cloudflare", 0);
  run_teapot ("--star=nope", 1);

  store = teapot_store_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (teapot_test_is_favourite (store, "429"));
  g_assert_false (teapot_test_is_favourite (store, "522-cloudflare"));

  /* And the other way round. */
  g_assert_true (teapot_store_set_favourite (store, "410", TRUE, &error));
  g_clear_object (&store);
  {
    g_autofree char *out = NULL;
    const char *argv[] = { g_getenv ("TEAPOT_BINARY"), "--favourites", NULL };
    g_auto(GStrv) env = teapot_test_child_environment ();

    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                                 NULL, &error));
    g_assert_nonnull (strstr (out, "410"));
    g_assert_nonnull (strstr (out, "429"));
  }
}

/* A file from before any schema (version 0, empty) is migrated, not replaced. */
static void
test_migration_from_empty (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;

  teapot_test_exec_sql (path, "PRAGMA user_version = 0;");
  store = teapot_store_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_null (teapot_store_get_notice (store));
  g_assert_cmpint (teapot_test_query_int (path, "PRAGMA user_version"), ==, 2);
  g_assert_true (teapot_store_set_favourite (store, "200", TRUE, &error));
  g_assert_cmpuint (count_moved_aside (path), ==, 0);
}

/* A current file with data opens as it is: nothing reset. */
static void
test_current_schema_kept (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;

  teapot_test_exec_sql (path, "CREATE TABLE favourites (id TEXT PRIMARY KEY NOT NULL, added INTEGER NOT NULL) WITHOUT ROWID;"
                          "INSERT INTO favourites VALUES ('301', 1700000000);"
                          "PRAGMA user_version = 1;");
  store = teapot_store_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_null (teapot_store_get_notice (store));
  g_assert_true (teapot_test_is_favourite (store, "301"));
}

static void
assert_moved_aside (const char *contents,
                    gssize      length)
{
  g_autofree char *path = teapot_test_user_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (contents != NULL)
    g_assert_true (g_file_set_contents (path, contents, length, NULL));

  store = teapot_store_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (teapot_store_get_notice (store));
  g_assert_nonnull (strstr (teapot_store_get_notice (store), ".damaged-"));
  g_assert_cmpuint (count_moved_aside (path), ==, 1);
  g_assert_false (teapot_store_is_read_only (store));

  /* Fresh and working. */
  results = teapot_store_search (store, "404", NULL, 1, NULL);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_true (teapot_store_set_favourite (store, "404", TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Told once: the next start is quiet. */
  store = teapot_store_new (NULL, &error);
  g_assert_null (teapot_store_get_notice (store));
  g_assert_true (teapot_test_is_favourite (store, "404"));
}

static void
test_damaged_garbage (void)
{
  g_autofree char *garbage = g_strnfill (8192, '\x5a');

  assert_moved_aside (garbage, 8192);
}

static void
test_damaged_foreign_schema (void)
{
  g_autofree char *path = teapot_test_user_db_path ();

  teapot_test_exec_sql (path, "CREATE TABLE invoices (n INTEGER); INSERT INTO invoices VALUES (1);");
  assert_moved_aside (NULL, 0);
}

static void
test_newer_schema_read_only (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len = 0, after_len = 0;

  teapot_test_exec_sql (path, "CREATE TABLE favourites (id TEXT PRIMARY KEY NOT NULL, added INTEGER NOT NULL) WITHOUT ROWID;"
                          "INSERT INTO favourites VALUES ('404', 1);"
                          "CREATE TABLE future (x);"
                          "PRAGMA user_version = 99;");
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = teapot_store_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (teapot_store_is_read_only (store));
  g_assert_nonnull (strstr (teapot_store_get_notice (store), "newer version"));
  g_assert_true (teapot_test_is_favourite (store, "404"));
  g_assert_false (teapot_store_set_favourite (store, "500", TRUE, &error));
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpint (teapot_test_query_int (path, "PRAGMA user_version"), ==, 99);
  g_assert_cmpuint (count_moved_aside (path), ==, 0);
}

/* Nowhere to write: browsing works, favourites say why they cannot be saved. */
static void
test_unwritable_place (void)
{
  g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "blocker", NULL);
  g_autofree char *path = g_build_filename (blocker, "teapot", "user.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "a file where a folder should be", -1, NULL));

  store = teapot_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (teapot_store_is_read_only (store));
  g_assert_nonnull (teapot_store_get_notice (store));

  results = teapot_store_search (store, "rate limit", NULL, 1, NULL);
  g_assert_cmpstr (teapot_entry_get_id (g_ptr_array_index (results, 0)), ==, "429");
  g_assert_false (teapot_store_set_favourite (store, "429", TRUE, &error));
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_READ_ONLY);
}

static void
test_reference_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new_for_reference ("/nonexistent/reference.sqlite", NULL, &error);

  g_assert_null (store);
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_REFERENCE);
}

static void
test_tags (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new (NULL, &error);
  g_autoptr(GPtrArray) tags = teapot_store_list_tags (store);
  TeapotTagCount *first = g_ptr_array_index (tags, 0);
  TeapotFilter iana = { .tag = "iana" };

  g_assert_cmpstr (first->tag, ==, "iana");
  g_assert_cmpuint (first->count, ==, teapot_store_count (store, &iana));
  g_assert_cmpuint (tags->len, >=, 10);
}

/* One GROUP BY gives every tag's count under a class and the favourites, as a count each
 * would; a filter's own tag does not narrow it. */
static void
test_count_by_tag (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new (NULL, &error);
  g_autoptr(GPtrArray) tags = teapot_store_list_tags (store);

  g_assert_no_error (error);
  g_assert_true (teapot_store_set_favourite (store, "404", TRUE, &error));
  g_assert_no_error (error);
  for (guint class_digit = 0; class_digit <= 5; class_digit++)
    for (guint favourites = 0; favourites <= 1; favourites++)
      {
        TeapotFilter filter = { .class_digit = class_digit, .tag = "nginx", .favourites = favourites };
        g_autoptr(GHashTable) counts = teapot_store_count_by_tag (store, &filter);

        for (guint i = 0; i < tags->len; i++)
          {
            TeapotTagCount *tag = g_ptr_array_index (tags, i);
            TeapotFilter one = { .class_digit = class_digit, .tag = tag->tag, .favourites = favourites };

            g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, tag->tag)), ==,
                              teapot_store_count (store, &one));
          }
        if (class_digit == 0 && !favourites)
          g_assert_cmpuint (g_hash_table_size (counts), ==, tags->len);
        if (favourites)
          g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "iana")), ==, class_digit == 0 || class_digit == 4);
      }
}

/* The detail page of a status lists its sub-codes in sub-code order; a sub-code is found as
 * written in logs; a status's own lookup leaves its sub-codes out. */
static void
test_subcodes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new (NULL, &error);
  g_autoptr(GPtrArray) of_403 = teapot_store_list_subcodes (store, 403);
  g_autoptr(GPtrArray) of_200 = teapot_store_list_subcodes (store, 200);
  g_autoptr(GPtrArray) status = teapot_store_lookup_code (store, 403);
  g_autoptr(GPtrArray) cf = teapot_store_lookup_subcode (store, "1020");
  g_autoptr(GPtrArray) iis = teapot_store_lookup_subcode (store, "500.19");
  g_autoptr(GPtrArray) none = teapot_store_lookup_subcode (store, "403.99");
  const char *dotted[] = { "403.1-iis", "403.2-iis", "403.14-iis" };
  guint next = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (of_403->len, >, G_N_ELEMENTS (dotted));
  g_assert_cmpuint (of_200->len, ==, 0);
  for (guint i = 0; i < of_403->len; i++)
    {
      TeapotEntry *entry = g_ptr_array_index (of_403, i);

      g_assert_cmpuint (teapot_entry_get_code (entry), ==, 403);
      g_assert_nonnull (teapot_entry_get_subcode (entry));
      if (next < G_N_ELEMENTS (dotted) && g_str_equal (teapot_entry_get_id (entry), dotted[next]))
        next++;
    }
  /* 403.2 before 403.14: numeric, not text order. */
  g_assert_cmpuint (next, ==, G_N_ELEMENTS (dotted));

  for (guint i = 0; i < status->len; i++)
    g_assert_null (teapot_entry_get_subcode (g_ptr_array_index (status, i)));
  g_assert_cmpstr (teapot_entry_get_id (g_ptr_array_index (status, 0)), ==, "403");

  g_assert_cmpuint (cf->len, ==, 1);
  g_assert_cmpstr (teapot_entry_get_id (g_ptr_array_index (cf, 0)), ==, "1020-cloudflare");
  g_assert_cmpuint (teapot_entry_get_code (g_ptr_array_index (cf, 0)), ==, 403);
  g_assert_cmpuint (iis->len, ==, 1);
  g_assert_cmpuint (teapot_entry_get_prevalence (g_ptr_array_index (iis, 0)), >=, 1);
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/favourites-persist", test_favourites_persist);
  g_test_add_func ("/store/favourites-across-processes", test_favourites_across_processes);
  g_test_add_func ("/store/migration-from-empty", test_migration_from_empty);
  g_test_add_func ("/store/current-schema-kept", test_current_schema_kept);
  g_test_add_func ("/store/damaged-garbage", test_damaged_garbage);
  g_test_add_func ("/store/damaged-foreign-schema", test_damaged_foreign_schema);
  g_test_add_func ("/store/newer-schema-read-only", test_newer_schema_read_only);
  g_test_add_func ("/store/unwritable-place", test_unwritable_place);
  g_test_add_func ("/store/reference-missing", test_reference_missing);
  g_test_add_func ("/store/tags", test_tags);
  g_test_add_func ("/store/count-by-tag", test_count_by_tag);
  g_test_add_func ("/store/subcodes", test_subcodes);

  return g_test_run ();
}
