/* test-study-deck.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "study-test-util.h"
#include "teapot-test-db.h"

/* What a deck offers: the order of new cards, the counts after failed answers and the daily
 * limit, and a reset that keeps the old progress. */


/* test_new_order()'s favourites deck in the order seed 1 gives it. */
#define PINNED_ORDER "503 404 304 201 418 102"

static GPtrArray *
new_order (TeapotStudy        *study,
           const TeapotFilter *deck)
{
  teapot_study_set_new_per_day (study, TEAPOT_STUDY_MAX_NEW_PER_DAY);
  return teapot_study_queue (study, deck, START, TEAPOT_STUDY_MAX_NEW_PER_DAY, 0);
}

/* The longest run of one class within one prevalence band, checked against what spreading
 * each class evenly through its band allows: the largest class of a band cannot run longer
 * than its size over the next largest's, plus one. A plain shuffle breaks this for some
 * seed; code order or grouping by class for every seed. */
static void
assert_interleaved (GPtrArray *order)
{
  guint start = 0;

  while (start < order->len)
    {
      guint band = teapot_entry_get_prevalence (g_ptr_array_index (order, start));
      guint per_class[10] = { 0 };
      guint end = start, longest = 0, run = 0, largest = 0, second = 0;

      while (end < order->len && teapot_entry_get_prevalence (g_ptr_array_index (order, end)) == band)
        {
          guint digit = teapot_entry_get_code (g_ptr_array_index (order, end)) / 100;

          per_class[MIN (digit, 9)]++;
          if (end > start && digit == teapot_entry_get_code (g_ptr_array_index (order, end - 1)) / 100)
            run++;
          else
            run = 1;
          longest = MAX (longest, run);
          end++;
        }
      for (guint i = 0; i < G_N_ELEMENTS (per_class); i++)
        if (per_class[i] > largest)
          {
            second = largest;
            largest = per_class[i];
          }
        else if (per_class[i] > second)
          second = per_class[i];
      if (second > 0)
        g_assert_cmpuint (longest, <=, (largest + second - 1) / second + 1);
      start = end;
    }
}

/* New cards: the most prevalent first, classes interleaved within a band, never in code
 * order, the same for the same seed and another for another. */
static void
test_new_order (void)
{
  g_autoptr(TeapotStore) store = study_test_open_store ();
  g_autoptr(TeapotStudy) study = teapot_study_new (store);
  g_autoptr(TeapotStudy) again = teapot_study_new (store);
  TeapotFilter iana = { .tag = "iana" };
  TeapotFilter favourites = { .favourites = TRUE };
  const char * const starred[] = { "102", "201", "304", "404", "418", "503", NULL };
  g_autoptr(GHashTable) orders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;

  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autoptr(GPtrArray) order = NULL;
      g_autoptr(GPtrArray) same = NULL;
      g_autofree char *ids = NULL;
      g_autofree char *same_ids = NULL;
      guint ascending = 0;

      teapot_study_set_seed (study, seed);
      order = new_order (study, &iana);
      g_assert_cmpuint (order->len, ==, teapot_store_count (store, &iana));
      for (guint i = 1; i < order->len; i++)
        {
          TeapotEntry *before = g_ptr_array_index (order, i - 1);
          TeapotEntry *entry = g_ptr_array_index (order, i);

          g_assert_cmpuint (teapot_entry_get_prevalence (before), >=, teapot_entry_get_prevalence (entry));
          ascending += teapot_entry_get_code (before) < teapot_entry_get_code (entry);
        }
      /* Not code order, nor close to it: about half the steps go up, as in any shuffle. */
      g_assert_cmpuint (ascending, <, order->len * 3 / 4);
      g_assert_cmpuint (teapot_entry_get_prevalence (g_ptr_array_index (order, 0)), ==, 5);
      assert_interleaved (order);

      /* Deterministic: another study object, the same seed, the same order. */
      teapot_study_set_seed (again, seed);
      same = new_order (again, &iana);
      {
        g_autoptr(GString) a = g_string_new (NULL);
        g_autoptr(GString) b = g_string_new (NULL);

        for (guint i = 0; i < order->len; i++)
          g_string_append_printf (a, " %s", teapot_entry_get_id (g_ptr_array_index (order, i)));
        for (guint i = 0; i < same->len; i++)
          g_string_append_printf (b, " %s", teapot_entry_get_id (g_ptr_array_index (same, i)));
        ids = g_string_free (g_steal_pointer (&a), FALSE);
        same_ids = g_string_free (g_steal_pointer (&b), FALSE);
      }
      g_assert_cmpstr (ids, ==, same_ids);
      g_hash_table_add (orders, g_steal_pointer (&ids));
    }
  /* Another seed, another order: the user's own. */
  g_assert_cmpuint (g_hash_table_size (orders), ==, 20);

  /* Pinned for one small deck and seed, so that a change to the order is seen here: the
   * everyday codes (prevalence 5: 404, 503) first, then 304 and 201 (4), 418 (3), 102 (1). */
  for (guint i = 0; starred[i] != NULL; i++)
    g_assert_true (teapot_store_set_favourite (store, starred[i], TRUE, &error));
  g_assert_no_error (error);
  teapot_study_set_seed (study, 1);
  {
    g_autoptr(GPtrArray) order = new_order (study, &favourites);

    for (guint i = 0; i < order->len; i++)
      g_test_message ("%u: %s (prevalence %u)", i, teapot_entry_get_id (g_ptr_array_index (order, i)),
                      teapot_entry_get_prevalence (g_ptr_array_index (order, i)));
    study_test_assert_ids (order, PINNED_ORDER);
  }
}

/* "Learned" counts only cards whose last answer was right; the daily limit counts new cards
 * started today, whatever became of them. */
static void
test_counts_after_failures (void)
{
  g_autoptr(TeapotStore) store = study_test_open_store ();
  g_autoptr(TeapotStudy) study = study_test_without_fuzz (store);
  TeapotFilter deck = { .class_digit = 4, .tag = "iana" };
  guint total = teapot_store_count (store, &deck);
  g_autoptr(GPtrArray) queue = NULL;
  TeapotDeckCounts counts;

  teapot_study_set_new_per_day (study, 5);
  study_test_review (study, "404", TEAPOT_RATING_AGAIN, START);
  study_test_review (study, "403", TEAPOT_RATING_AGAIN, START);
  study_test_review (study, "401", TEAPOT_RATING_AGAIN, START);
  teapot_study_count (study, &deck, START, &counts);
  g_assert_cmpuint (counts.seen, ==, 3);
  g_assert_cmpuint (counts.learned, ==, 0);   /* "3 learned" after three failures was the bug */
  g_assert_cmpuint (counts.unseen, ==, total - 3);
  g_assert_cmpuint (counts.started_today, ==, 3);
  g_assert_cmpuint (counts.new_today, ==, 2);

  /* Failed again, then right: learned once the last answer is right. */
  study_test_review (study, "404", TEAPOT_RATING_AGAIN, START + MINUTE);
  study_test_review (study, "403", TEAPOT_RATING_GOOD, START + MINUTE);
  teapot_study_count (study, &deck, START + MINUTE, &counts);
  g_assert_cmpuint (counts.learned, ==, 1);
  g_assert_cmpuint (counts.started_today, ==, 3);  /* a second answer starts nothing new */
  study_test_review (study, "403", TEAPOT_RATING_AGAIN, START + 20 * MINUTE);
  teapot_study_count (study, &deck, START + 20 * MINUTE, &counts);
  g_assert_cmpuint (counts.learned, ==, 0);

  /* The queue follows the limit: two new cards left today, none once those are started. */
  queue = teapot_study_queue (study, &deck, START, 10, 0);
  g_assert_cmpuint (queue->len, ==, 2);
  g_clear_pointer (&queue, g_ptr_array_unref);
  study_test_review (study, "400", TEAPOT_RATING_GOOD, START + 2 * MINUTE);
  study_test_review (study, "429", TEAPOT_RATING_GOOD, START + 2 * MINUTE);
  teapot_study_count (study, &deck, START + 2 * MINUTE, &counts);
  g_assert_cmpuint (counts.new_today, ==, 0);
  g_assert_cmpuint (counts.learned, ==, 2);
  queue = teapot_study_queue (study, &deck, START + 2 * MINUTE, 10, 0);
  for (guint i = 0; i < queue->len; i++)
    g_assert_cmpint (teapot_study_get_card (study, teapot_entry_get_id (g_ptr_array_index (queue, i)),
                                            START).state, !=, TEAPOT_CARD_NEW);
  g_clear_pointer (&queue, g_ptr_array_unref);

  /* Other decks have their own limit; tomorrow, this one has five again. */
  teapot_study_count (study, NULL, START + 2 * MINUTE, &counts);
  g_assert_cmpuint (counts.started_today, ==, 5);
  teapot_study_count (study, &deck, START + DAY, &counts);
  g_assert_cmpuint (counts.started_today, ==, 0);
  g_assert_cmpuint (counts.new_today, ==, 5);
  teapot_study_set_new_per_day (study, 0);
  teapot_study_count (study, &deck, START + DAY, &counts);
  g_assert_cmpuint (counts.new_today, ==, 0);
}

static void
on_reset (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  char **backup = user_data;
  g_autoptr(GError) error = NULL;

  *backup = teapot_study_reset_finish (TEAPOT_STUDY (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*backup);
}

static char *
reset (TeapotStudy *study,
       gint64       now)
{
  char *backup = NULL;

  teapot_study_reset_async (study, now, NULL, on_reset, &backup);
  while (backup == NULL)
    g_main_context_iteration (NULL, TRUE);
  return backup;
}

/* Reset starts afresh, keeping the old progress (and favourites) in a dated copy beside
 * the user database; a second reset the same day does not overwrite the first copy. */
static void
test_reset (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(TeapotStore) store = study_test_open_store ();
  g_autoptr(TeapotStudy) study = study_test_without_fuzz (store);
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_local (START);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  g_autofree char *first_name = g_strdup_printf ("user-progress-%s.sqlite", date);
  g_autofree char *second_name = g_strdup_printf ("user-progress-%s-2.sqlite", date);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  TeapotDeckCounts counts;

  g_assert_true (teapot_store_set_favourite (store, "418", TRUE, &error));
  g_assert_no_error (error);
  study_test_review (study, "404", TEAPOT_RATING_GOOD, START);
  study_test_review (study, "404", TEAPOT_RATING_AGAIN, START + MINUTE);
  study_test_review (study, "500", TEAPOT_RATING_GOOD, START);

  first = reset (study, START + HOUR);
  expected = g_build_filename (folder, first_name, NULL);
  g_assert_cmpstr (first, ==, expected);
  /* The copy has it all; the live file has no progress left and its favourite. */
  g_assert_cmpint (teapot_test_query_int (first, "SELECT count(*) FROM reviews"), ==, 3);
  g_assert_cmpint (teapot_test_query_int (first, "SELECT count(*) FROM cards"), ==, 2);
  g_assert_cmpint (teapot_test_query_int (first, "SELECT count(*) FROM favourites"), ==, 1);
  g_assert_cmpint (teapot_test_query_int (first, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (teapot_test_query_int (path, "SELECT count(*) FROM reviews"), ==, 0);
  g_assert_cmpint (teapot_test_query_int (path, "SELECT count(*) FROM cards"), ==, 0);
  g_assert_cmpint (teapot_test_query_int (path, "SELECT count(*) FROM favourites"), ==, 1);
  teapot_study_count (study, NULL, START + HOUR, &counts);
  g_assert_cmpuint (counts.seen, ==, 0);
  g_assert_cmpuint (counts.started_today, ==, 0);
  g_assert_cmpint (teapot_study_get_card (study, "404", START + HOUR).state, ==, TEAPOT_CARD_NEW);

  /* Studied again, reset again the same day: a second copy, the first untouched. */
  study_test_review (study, "429", TEAPOT_RATING_GOOD, START + 2 * HOUR);
  second = reset (study, START + 2 * HOUR);
  g_free (expected);
  expected = g_build_filename (folder, second_name, NULL);
  g_assert_cmpstr (second, ==, expected);
  g_assert_cmpint (teapot_test_query_int (second, "SELECT count(*) FROM reviews"), ==, 1);
  g_assert_cmpint (teapot_test_query_int (first, "SELECT count(*) FROM reviews"), ==, 3);
  g_assert_cmpint (teapot_test_query_int (path, "SELECT count(*) FROM reviews"), ==, 0);
}

/* Nothing to reset where nothing can be written: an error, and no copy. */
static void
on_reset_refused (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GError **error = user_data;
  g_autofree char *backup = teapot_study_reset_finish (TEAPOT_STUDY (source), result, error);

  g_assert_null (backup);
  g_assert_nonnull (*error);
}

static void
test_reset_read_only (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(TeapotStudy) study = NULL;
  g_autoptr(GError) error = NULL;

  teapot_test_exec_sql (path, "CREATE TABLE favourites (id TEXT PRIMARY KEY NOT NULL, added INTEGER NOT NULL) WITHOUT ROWID;"
                          "PRAGMA user_version = 99;");
  store = study_test_open_store ();
  study = teapot_study_new (store);
  teapot_study_reset_async (study, START, NULL, on_reset_refused, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (teapot_test_query_int (path, "PRAGMA user_version"), ==, 99);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/study-deck/new-order", test_new_order);
  g_test_add_func ("/study-deck/counts-after-failures", test_counts_after_failures);
  g_test_add_func ("/study-deck/reset", test_reset);
  g_test_add_func ("/study-deck/reset-read-only", test_reset_read_only);

  return g_test_run ();
}
