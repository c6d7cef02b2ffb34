/* test-index.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The search index of the reference database in several languages, built from a small
 * dataset and hand-made catalogs: what goes into it, how its columns count for a reader,
 * and what the speller learns from it. */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "teapot-dataset.h"
#include "teapot-fts.h"
#include "teapot-refdb.h"
#include "teapot-speller.h"
#include "teapot-store.h"
#include "teapot-test-db.h"

static const char source[] =
  "<codes>\n"
  "<entry code=\"404\" status=\"permanent\"><phrase>Not Found</phrase><summary>Nothing here.</summary>"
  "<description>No resource.</description><keyword translate=\"yes\">not found</keyword>"
  "<prevalence level=\"5\">R</prevalence><reference title=\"T\" url=\"https://example.org/\"/></entry>\n"
  "<entry code=\"429\" status=\"permanent\"><phrase>Too Many Requests</phrase><summary>Slow down.</summary>"
  "<description>Throttled.</description><keyword translate=\"yes\">rate limit</keyword>"
  "<keyword>throttle</keyword>"
  "<prevalence level=\"5\">R</prevalence><reference title=\"T\" url=\"https://example.org/\"/></entry>\n"
  "</codes>\n";

static GHashTable *
catalog (const char *first_id,
         ...)
{
  GHashTable *messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  va_list args;

  va_start (args, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (args, const char *))
    g_hash_table_insert (messages, g_strdup (id), g_strdup (va_arg (args, const char *)));
  va_end (args);
  return messages;
}

/* Writes the reference database of source[] with German and French catalogs. */
static char *
write_reference (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_record_free);
  g_autoptr(GHashTable) catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GError) error = NULL;
  /* Each test's own isolated folder. */
  char *path = g_build_filename (g_get_user_cache_dir (), "reference.sqlite", NULL);

  /* Spaces and an empty term around the semicolons; one stem written three ways. */
  g_hash_table_insert (catalogs, g_strdup ("de"),
                       catalog ("rate limit", " Ratenbegrenzung; Drosselung ;Zu viele  Anfragen",
                                "not found", "nicht gefunden",
                                "Throttled.", "Zu viele Anfragen: autorise autoriser autorisent.", NULL));
  g_hash_table_insert (catalogs, g_strdup ("fr"), catalog ("rate limit", "Limite de débit", NULL));

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_true (teapot_dataset_parse ("t.xml", source, -1, records, &error));
  g_assert_true (teapot_dataset_validate (records, &error));
  g_assert_true (teapot_refdb_write_translated (records, catalogs, path, &error));
  g_assert_no_error (error);
  return path;
}

static TeapotStore *
open_reference (const char *path)
{
  g_autoptr(GError) error = NULL;
  TeapotStore *store = teapot_store_new_for_reference (path, ":memory:", &error);

  g_assert_no_error (error);
  return store;
}

static const char *
first_id (TeapotStore *store,
          const char  *query)
{
  g_autoptr(GPtrArray) results = teapot_store_search (store, query, NULL, 5, NULL);

  return results->len > 0 ? g_intern_string (teapot_entry_get_id (g_ptr_array_index (results, 0))) : "nothing";
}

/* Every language's keywords are found in an English session, whole or term by term, with
 * or without accents; a keyword not marked for translation has none. */
static void
test_translated_keywords (void)
{
  g_autofree char *path = write_reference ();
  g_autoptr(TeapotStore) store = open_reference (path);
  g_autofree char *terms = teapot_test_query_text (path, "SELECT search_keywords FROM entries WHERE id = '429'");
  g_autofree char *languages = teapot_test_query_text (path, "SELECT value FROM meta WHERE key = 'languages'");

  g_assert_null (teapot_store_get_language (store));
  g_assert_cmpstr (languages, ==, "de fr");
  /* The terms of several words, as search looks for them in a query's words: lowercase,
   * without accents, single spaces; German before French. */
  g_assert_cmpstr (terms, ==, " zu viele anfragen " TEAPOT_REFDB_LIST_SEP " limite de debit ");

  g_assert_cmpstr (first_id (store, "Drosselung"), ==, "429");
  g_assert_cmpstr (first_id (store, "ratenbegrenzung"), ==, "429");
  g_assert_cmpstr (first_id (store, "limite de debit"), ==, "429");
  g_assert_cmpstr (first_id (store, "limite de débit"), ==, "429");
  g_assert_cmpstr (first_id (store, "nicht gefunden"), ==, "404");
  g_assert_cmpstr (first_id (store, "Zu viele Anfragen"), ==, "429");

  g_unlink (path);
}

static gint64
columns_of (sqlite3    *db,
            const char *match)
{
  sqlite3_stmt *stmt = NULL;
  gint64 mask = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT teapot_columns (entries_fts) FROM entries_fts WHERE entries_fts MATCH ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    mask = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return mask;
}

/* A German reader's German keyword counts as an English keyword; to anyone else it is a
 * keyword in another language, which search weighs less. */
static void
test_reader_language (void)
{
  static const char * const readers[] = { "de", "fr", NULL };
  g_autofree char *path = write_reference ();

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean own = g_strcmp0 (readers[i], "de") == 0;
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_true (_teapot_fts_register (db, readers[i], &error));
      g_assert_no_error (error);

      g_assert_cmpint (columns_of (db, "\"drosselung\""), ==,
                       (gint64) 1 << (own ? TEAPOT_FTS_KEYWORDS : TEAPOT_FTS_OTHER_KEYWORDS));
      g_assert_cmpint (columns_of (db, "\"autorisent\""), ==,
                       (gint64) 1 << (own ? TEAPOT_FTS_DESCRIPTION : TEAPOT_FTS_OTHER_DESCRIPTION));
      g_assert_cmpint (columns_of (db, "\"resource\""), ==, (gint64) 1 << TEAPOT_FTS_DESCRIPTION);
      sqlite3_close (db);
    }

  g_unlink (path);
}

/* The speller knows the translations' words without their accents, and counts the words
 * of one stem once: "autoris" is in one entry, not three. */
static void
test_vocabulary (void)
{
  g_autofree char *path = write_reference ();
  g_autoptr(TeapotSpeller) speller = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  speller = teapot_speller_new_from_db (db, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (teapot_speller_frequency (speller, "debit"), ==, 1);
  g_assert_cmpuint (teapot_speller_frequency (speller, "débit"), ==, 1);
  g_assert_cmpuint (teapot_speller_frequency (speller, "autoriser"), ==, 1);
  g_assert_cmpuint (teapot_speller_prefix_frequency (speller, "autoris"), ==, 1);
  g_assert_cmpuint (teapot_speller_prefix_frequency (speller, "zzz"), ==, 0);

  sqlite3_close (db);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/index/translated-keywords", test_translated_keywords);
  g_test_add_func ("/index/reader-language", test_reader_language);
  g_test_add_func ("/index/vocabulary", test_vocabulary);

  return g_test_run ();
}
