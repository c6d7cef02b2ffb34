/* test-damage.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Damaged, unwritable and full places for user.sqlite, and damaged reference data
 * (issue 6). tests/test-store.c has the first cases (garbage bytes, a foreign schema, a
 * newer schema, a folder that cannot be created); these are the rest. Mounts happen in a
 * private mount namespace inside a test subprocess, so nothing leaks out of a test. */

#include "config.h"

#define _GNU_SOURCE
#include <errno.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "teapot-search-model.h"
#include "teapot-store.h"
#include "teapot-test-db.h"

/* Browsing and search work whatever state the user data is in. */
static void
assert_browsing_works (TeapotStore *store)
{
  g_autoptr(GPtrArray) results = teapot_store_search (store, "rate limit", NULL, 3, NULL);
  g_autoptr(GPtrArray) codes = teapot_store_lookup_code (store, 404);
  g_autoptr(GPtrArray) all = teapot_store_list (store, NULL, 0);

  g_assert_cmpuint (results->len, >=, 1);
  g_assert_cmpstr (teapot_entry_get_id (g_ptr_array_index (results, 0)), ==, "429");
  g_assert_cmpuint (codes->len, ==, 1);
  g_assert_cmpuint (all->len, >, 90);
}

static void
teapot_test_count_call (guint *count)
{
  (*count)++;
}

/* The name of the one file moved aside next to @path, or NULL. */
static char *
moved_aside (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".damaged-", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  char *found = NULL;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      {
        g_assert_null (found);
        found = g_build_filename (dir, name, NULL);
      }
  return found;
}

/* A real user.sqlite, written by Teapot, big enough to span many pages: every entry a
 * favourite, then filler rows as a long-used file would have. Checkpointed and closed. */
static void
make_real_user_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new (path, &error);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GString) sql = g_string_new ("BEGIN;");

  g_assert_no_error (error);
  all = teapot_store_list (store, NULL, 0);
  for (guint i = 0; i < all->len; i++)
    g_assert_true (teapot_store_set_favourite (store, teapot_entry_get_id (g_ptr_array_index (all, i)), TRUE, &error));
  g_clear_object (&store);

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (sql, "INSERT INTO favourites VALUES ('filler-%05u-padding-padding', %u);", i, i);
  g_string_append (sql, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE);");
  teapot_test_exec_sql (path, sql->str);
}

/* Opens a store on a damaged file and checks the promise: it starts, the file is moved
 * aside byte for byte as it was, a fresh file works, and the user is told once. */
static void
assert_damaged_file_handled (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;
  g_autofree char *before = NULL, *after = NULL, *aside = NULL;
  gsize before_len = 0, after_len = 0;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = teapot_store_new (path, &error);
  g_assert_no_error (error);
  g_test_message ("notice: %s", teapot_store_get_notice (store));
  g_assert_nonnull (teapot_store_get_notice (store));
  g_assert_nonnull (strstr (teapot_store_get_notice (store), ".damaged-"));
  g_assert_false (teapot_store_is_read_only (store));
  assert_browsing_works (store);
  g_assert_true (teapot_store_set_favourite (store, "418", TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  aside = moved_aside (path);
  g_assert_nonnull (aside);
  g_assert_true (g_file_get_contents (aside, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  store = teapot_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_null (teapot_store_get_notice (store));
  g_assert_true (teapot_test_is_favourite (store, "418"));
}

static void
assert_truncated_to (gsize size)
{
  g_autofree char *path = teapot_test_user_db_path ();

  make_real_user_db (path);
  g_assert_cmpint (truncate (path, size), ==, 0);
  assert_damaged_file_handled (path);
}

static void
test_truncated_half (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  GStatBuf st;

  make_real_user_db (path);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("user.sqlite: %" G_GINT64_FORMAT " bytes, cut to %" G_GINT64_FORMAT,
                  (gint64) st.st_size, (gint64) st.st_size / 2);
  g_assert_cmpint (st.st_size, >=, 16 * 4096);
  g_assert_cmpint (truncate (path, st.st_size / 2), ==, 0);
  assert_damaged_file_handled (path);
}

static void
test_truncated_mid_page (void)
{
  assert_truncated_to (4096 + 1000);
}

static void
test_truncated_header (void)
{
  assert_truncated_to (50);
}

/* The file is damaged while Teapot has it open (a disk failing, another program writing
 * over it): the checks on opening cannot see it coming. Each read that fails says so, in
 * the store, in the search model and so in the window and the command line, instead of
 * answering with a shorter list; the file is left exactly as it is, neither moved aside
 * nor recreated under a running program. */
static void
assert_damage_reported (const char *path,
                        void      (*damage) (const char *path),
                        gboolean    read_before)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(TeapotSearchModel) model = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *damaged = NULL, *after = NULL;
  gsize damaged_len = 0, after_len = 0;
  TeapotFilter favourites = { .favourites = TRUE };
  guint n_notified = 0;

  make_real_user_db (path);
  store = teapot_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_null (teapot_store_get_notice (store));
  if (read_before)
    {
      before = teapot_store_search (store, NULL, &favourites, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (before->len, >, 90);
    }

  damage (path);
  g_assert_true (g_file_get_contents (path, &damaged, &damaged_len, NULL));

  listed = teapot_store_search (store, NULL, &favourites, 0, &error);
  g_assert_null (listed);
  g_test_message ("listing: %s", error->message);
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, "Cannot read your saved data: "));
  g_clear_error (&error);

  found = teapot_store_search (store, "not found", &favourites, 0, &error);
  g_assert_null (found);
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  /* Starring reads the damaged pages before it could write one. */
  g_assert_false (teapot_store_set_favourite (store, "418", TRUE, &error));
  g_test_message ("starring: %s", error->message);
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  model = teapot_search_model_new (store);
  g_signal_connect_swapped (model, "notify::error", G_CALLBACK (teapot_test_count_call), &n_notified);
  teapot_search_model_set_favourites_only (model, TRUE);
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_nonnull (teapot_search_model_get_error (model));
  g_assert_error ((GError *) teapot_search_model_get_error (model), TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_CORRUPT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  /* Nothing was written, moved or made on the user's behalf. */
  g_clear_object (&model);
  g_clear_object (&store);
  g_assert_null (moved_aside (path));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (damaged, damaged_len, after, after_len);
}

/* Every page but the first (the schema, already read) cut off. */
static void
cut_after_first_page (const char *path)
{
  g_assert_cmpint (truncate (path, 4096), ==, 0);
}

/* Every page but the first overwritten with bytes that are no b-tree page. */
static void
overwrite_after_first_page (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  memset (contents + 4096, 0xa5, length - 4096);
  /* In place, as a failing disk or another program would: a new file would be a new inode,
   * which SQLite, holding the old one open, would never see. */
  {
    FILE *file = fopen (path, "r+b");

    g_assert_nonnull (file);
    g_assert_cmpuint (fwrite (contents, 1, length, file), ==, length);
    g_assert_cmpint (fclose (file), ==, 0);
  }
}

static void
test_truncated_while_open (void)
{
  g_autofree char *path = teapot_test_user_db_path ();

  /* Even pages read before are not trusted past the file's new end. */
  assert_damage_reported (path, cut_after_first_page, TRUE);
}

static void
test_overwritten_while_open (void)
{
  g_autofree char *path = teapot_test_user_db_path ();

  /* SQLite trusts the pages it holds (nothing tells it the file changed): these are the
   * pages it has not read yet. */
  assert_damage_reported (path, overwrite_after_first_page, FALSE);
}

/* An empty file is a valid empty SQLite database, and it is what SQLite itself leaves
 * when a first start dies before its first write, or what another Teapot process
 * starting at the same moment has just created. It holds nothing to keep: migrated in
 * place, no notice. Moving it aside would race with that other process (its first
 * writes would follow the renamed file) and tell the user of damage that is not there. */
static void
test_zero_length (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *version = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));

  store = teapot_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_null (teapot_store_get_notice (store));
  g_assert_false (teapot_store_is_read_only (store));
  g_assert_true (teapot_store_set_favourite (store, "404", TRUE, &error));
  g_assert_null (moved_aside (path));
  g_clear_object (&store);

  version = teapot_test_query_text (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "2");
}

/* A newer schema with writes still in its WAL (the newer Teapot is running, or died): read
 * as it is, never written, never checkpointed into. */
static void
test_newer_schema_with_wal (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len = 0, after_len = 0;
  sqlite3 *newer = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &newer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (newer,
                                 "PRAGMA journal_mode = WAL;"
                                 "PRAGMA wal_autocheckpoint = 0;"
                                 "CREATE TABLE favourites (id TEXT PRIMARY KEY NOT NULL, added INTEGER NOT NULL) WITHOUT ROWID;"
                                 "CREATE TABLE reviews (id TEXT, due INTEGER);"
                                 "INSERT INTO favourites VALUES ('451', 1);"
                                 "PRAGMA user_version = 7;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = teapot_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (teapot_store_is_read_only (store));
  g_assert_nonnull (strstr (teapot_store_get_notice (store), "newer version"));
  g_assert_true (teapot_test_is_favourite (store, "451"));
  assert_browsing_works (store);
  g_assert_false (teapot_store_set_favourite (store, "404", TRUE, &error));
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  sqlite3_close (newer);
}

/* Whether this process may have a mount namespace of its own: asked in a throwaway child. */
static gboolean
can_unshare_mounts (void)
{
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    _exit (unshare (CLONE_NEWNS) == 0 ? 0 : 1);
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* TRUE in a test subprocess that has its own mount namespace, where the test may mount;
 * FALSE in the parent (which ran that subprocess and checked it) and when this machine
 * does not allow it (not root, or a container without CAP_SYS_ADMIN): then skipped. */
static gboolean
in_private_mounts (const char *what)
{
  if (!g_test_subprocess ())
    {
      if (geteuid () != 0 || !can_unshare_mounts ())
        {
          g_test_skip_printf ("%s needs a private mount namespace (root, CAP_SYS_ADMIN)", what);
          return FALSE;
        }
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return FALSE;
    }
  g_assert_cmpint (unshare (CLONE_NEWNS), ==, 0);
  g_assert_cmpint (mount ("none", "/", "none", MS_REC | MS_PRIVATE, NULL), ==, 0);
  return TRUE;
}

static void
mount_tmpfs (const char *dir,
             const char *size)
{
  g_autofree char *options = g_strconcat ("size=", size, ",mode=0700", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    g_error ("mount tmpfs on %s: %s", dir, g_strerror (errno));
}

/* The folder with a good user.sqlite, read-only (a read-only bind mount: chmod does not
 * stop root): favourites are shown, writes fail with a clear message. */
static void
test_read_only_file (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;

  if (!in_private_mounts ("a read-only folder"))
    return;

  make_real_user_db (path);
  g_assert_cmpint (mount (dir, dir, "none", MS_BIND, NULL), ==, 0);
  g_assert_cmpint (mount ("none", dir, "none", MS_REMOUNT | MS_BIND | MS_RDONLY, NULL), ==, 0);
  g_assert_cmpint (access (path, W_OK), !=, 0);

  store = teapot_store_new (path, &error);
  g_assert_no_error (error);
  g_test_message ("notice: %s", teapot_store_get_notice (store));
  g_assert_true (teapot_store_is_read_only (store));
  g_assert_nonnull (teapot_store_get_notice (store));
  g_assert_true (teapot_test_is_favourite (store, "404"));
  g_assert_true (teapot_test_is_favourite (store, "418"));
  assert_browsing_works (store);

  g_assert_false (teapot_store_set_favourite (store, "404", FALSE, &error));
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_READ_ONLY);
  g_test_message ("write: %s", error->message);
  g_assert_null (moved_aside (path));
}

/* Fills the file system @dir is on; returns the filler's path. */
static char *
fill_disk (const char *dir)
{
  char *filler = g_build_filename (dir, "filler", NULL);
  char block[4096] = { 0 };
  FILE *f = fopen (filler, "w");

  g_assert_nonnull (f);
  setvbuf (f, NULL, _IONBF, 0);
  while (fwrite (block, 1, sizeof block, f) == sizeof block)
    ;
  fclose (f);
  return filler;
}

/* Writes until one fails; returns how many succeeded. The failure must be FULL, with a
 * message a person understands, and browsing must go on. */
static guint
write_until_full (TeapotStore *store,
                  GPtrArray   *ids,
                  GHashTable  *saved)
{
  g_autoptr(GError) error = NULL;
  guint n;

  for (n = 0; n < 5000; n++)
    {
      const char *id = g_ptr_array_index (ids, n % ids->len);
      gboolean favourite = (n / ids->len) % 2 == 0;

      if (!teapot_store_set_favourite (store, id, favourite, &error))
        break;
      g_hash_table_insert (saved, g_strdup (id), GINT_TO_POINTER (favourite));
    }
  g_assert_nonnull (error);
  g_test_message ("after %u writes: %s", n, error->message);
  g_assert_true (error->domain == TEAPOT_STORE_ERROR);
  g_assert_true (error->code == TEAPOT_STORE_ERROR_FULL || error->code == TEAPOT_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "full"));
  assert_browsing_works (store);
  return n;
}

static void
assert_saved (const char *path,
              GHashTable *saved)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new (path, &error);
  g_autofree char *check = teapot_test_query_text (path, "PRAGMA integrity_check");
  GHashTableIter iter;
  gpointer id, favourite;

  g_assert_no_error (error);
  g_assert_null (teapot_store_get_notice (store));
  g_assert_cmpstr (check, ==, "ok");
  g_hash_table_iter_init (&iter, saved);
  while (g_hash_table_iter_next (&iter, &id, &favourite))
    g_assert_cmpint (teapot_test_is_favourite (store, id), ==, GPOINTER_TO_INT (favourite));
  g_assert_true (teapot_store_set_favourite (store, "404", TRUE, &error));
  g_assert_no_error (error);
}

static GPtrArray *
entry_ids (TeapotStore *store)
{
  g_autoptr(GPtrArray) all = teapot_store_list (store, NULL, 0);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (ids, g_strdup (teapot_entry_get_id (g_ptr_array_index (all, i))));
  return ids;
}

/* A full disk (a tiny tmpfs) under a store in use: writes fail with FULL and a clear
 * message, nothing is lost, and once there is room again the file is whole. */
static void
test_full_disk (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GHashTable) saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *filler = NULL;

  if (!in_private_mounts ("a full disk"))
    return;

  mount_tmpfs (dir, "256k");
  store = teapot_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_false (teapot_store_is_read_only (store));
  ids = entry_ids (store);
  g_assert_true (teapot_store_set_favourite (store, "404", TRUE, &error));
  g_hash_table_insert (saved, g_strdup ("404"), GINT_TO_POINTER (TRUE));

  filler = fill_disk (dir);
  write_until_full (store, ids, saved);

  /* Room again: the same store writes again, and the file is whole. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_assert_true (teapot_store_set_favourite (store, "410", TRUE, &error));
  g_assert_no_error (error);
  g_hash_table_insert (saved, g_strdup ("410"), GINT_TO_POINTER (TRUE));
  g_clear_object (&store);
  assert_saved (path, saved);
}

/* The disk is already full at the first start: no file can be created. Teapot starts,
 * browses, and says why favourites cannot be saved. */
static void
test_full_disk_first_start (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;
  g_autofree char *filler = NULL;

  if (!in_private_mounts ("a full disk"))
    return;

  mount_tmpfs (dir, "64k");
  filler = fill_disk (dir);
  store = teapot_store_new (path, &error);
  g_assert_no_error (error);
  g_test_message ("notice: %s", teapot_store_get_notice (store));
  g_assert_true (teapot_store_is_read_only (store));
  g_assert_nonnull (teapot_store_get_notice (store));
  assert_browsing_works (store);
  g_assert_false (teapot_store_set_favourite (store, "404", TRUE, &error));
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_READ_ONLY);
  g_test_message ("write: %s", error->message);
}

/* A size-limited file (RLIMIT_FSIZE, any user may set it): the same promise as a full
 * disk. In a subprocess, so that the limit ends with it. */
static void
test_file_size_limit (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GHashTable) saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  struct rlimit limit = { 48 * 1024, RLIM_INFINITY };

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  store = teapot_store_new (path, &error);
  g_assert_no_error (error);
  ids = entry_ids (store);

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  write_until_full (store, ids, saved);

  limit.rlim_cur = RLIM_INFINITY;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_clear_object (&store);
  assert_saved (path, saved);
}

static char *
reference_path (void)
{
  g_assert_nonnull (g_getenv ("TEAPOT_REFERENCE_DB"));
  return g_strdup (g_getenv ("TEAPOT_REFERENCE_DB"));
}

/* A file in this test's own isolated folder. */
static char *
scratch_file (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

static void
assert_reference_refused (const char *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new_for_reference (reference, NULL, &error);

  g_assert_null (store);
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_REFERENCE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "reference data"));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_reference_garbage (void)
{
  g_autofree char *path = scratch_file ("garbage.sqlite");
  g_autofree char *garbage = g_strnfill (64 * 1024, 'G');

  g_assert_true (g_file_set_contents (path, garbage, 64 * 1024, NULL));
  assert_reference_refused (path);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_reference_refused (path);
}

static void
test_reference_wrong_schema (void)
{
  g_autofree char *path = scratch_file ("foreign.sqlite");
  g_autofree char *older = scratch_file ("older.sqlite");

  teapot_test_exec_sql (path, "CREATE TABLE invoices (n INTEGER); INSERT INTO invoices VALUES (1);");
  assert_reference_refused (path);
  teapot_test_exec_sql (older, "CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('schema', '0');");
  assert_reference_refused (older);
}

/* The real reference database cut short: refused at open, not a crash on first query. */
static void
test_reference_truncated (void)
{
  g_autofree char *real = reference_path ();
  g_autofree char *path = scratch_file ("truncated.sqlite");
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (real, &contents, &length, NULL));
  for (guint tenths = 1; tenths < 10; tenths++)
    {
      g_assert_true (g_file_set_contents (path, contents, length * tenths / 10, NULL));
      assert_reference_refused (path);
    }
  /* One page short. */
  g_assert_true (g_file_set_contents (path, contents, length - 4096, NULL));
  assert_reference_refused (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/damage/truncated-half", test_truncated_half);
  g_test_add_func ("/damage/truncated-mid-page", test_truncated_mid_page);
  g_test_add_func ("/damage/truncated-header", test_truncated_header);
  g_test_add_func ("/damage/zero-length", test_zero_length);
  g_test_add_func ("/damage/newer-schema-with-wal", test_newer_schema_with_wal);
  g_test_add_func ("/damage/truncated-while-open", test_truncated_while_open);
  g_test_add_func ("/damage/overwritten-while-open", test_overwritten_while_open);
  g_test_add_func ("/unwritable/read-only-file", test_read_only_file);
  g_test_add_func ("/unwritable/full-disk", test_full_disk);
  g_test_add_func ("/unwritable/full-disk-first-start", test_full_disk_first_start);
  g_test_add_func ("/unwritable/file-size-limit", test_file_size_limit);
  g_test_add_func ("/reference/garbage", test_reference_garbage);
  g_test_add_func ("/reference/wrong-schema", test_reference_wrong_schema);
  g_test_add_func ("/reference/truncated", test_reference_truncated);

  return g_test_run ();
}
