/* test-study.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "study-test-util.h"
#include "teapot-test-db.h"


static void
test_migration_from_v1 (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(TeapotStudy) study = NULL;
  g_autoptr(TeapotEntry) entry = NULL;
  TeapotFilter favourites = { .favourites = TRUE };
  TeapotDeckCounts counts;
  TeapotCard card;

  teapot_test_exec_sql (path, "PRAGMA journal_mode = WAL;"
                          "CREATE TABLE favourites (id TEXT PRIMARY KEY NOT NULL, added INTEGER NOT NULL) WITHOUT ROWID;"
                          "INSERT INTO favourites VALUES ('404', 1700000000), ('499-nginx', 1700000001);"
                          "PRAGMA user_version = 1;");

  store = study_test_open_store ();
  g_assert_null (teapot_store_get_notice (store));
  g_assert_false (teapot_store_is_read_only (store));
  entry = teapot_store_lookup_id (store, "499-nginx");
  g_assert_true (teapot_entry_get_favourite (entry));
  g_assert_cmpuint (teapot_store_count (store, &favourites), ==, 2);

  study = teapot_study_new (store);
  teapot_study_count (study, &favourites, START, &counts);
  g_assert_cmpuint (counts.total, ==, 2);
  g_assert_cmpuint (counts.unseen, ==, 2);
  g_assert_cmpuint (counts.learned, ==, 0);
  g_assert_cmpuint (counts.due, ==, 0);
  card = teapot_study_get_card (study, "404", START);
  g_assert_cmpint (card.state, ==, TEAPOT_CARD_NEW);

  g_assert_cmpint (teapot_test_query_int (path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (teapot_test_query_int (path, "SELECT count(*) FROM favourites"), ==, 2);
  g_assert_cmpint (teapot_test_query_int (path, "SELECT count(*) FROM cards"), ==, 0);
  g_assert_cmpint (teapot_test_query_int (path, "SELECT count(*) FROM reviews"), ==, 0);
  g_assert_cmpint (teapot_test_query_int (path, "SELECT added FROM favourites WHERE id = '404'"), ==, 1700000000);

  /* And the new tables work. */
  study_test_review (study, "404", TEAPOT_RATING_GOOD, START);
  g_assert_cmpint (teapot_test_query_int (path, "SELECT count(*) FROM cards"), ==, 1);
}

/* Reviews written by one store are there for a fresh one, card and log alike. */
static void
test_persist (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  g_autoptr(TeapotStore) store = study_test_open_store ();
  g_autoptr(TeapotStudy) study = study_test_without_fuzz (store);
  TeapotCard card;

  study_test_review (study, "404", TEAPOT_RATING_GOOD, START);
  study_test_review (study, "404", TEAPOT_RATING_GOOD, START + 10 * MINUTE);
  study_test_review (study, "418", TEAPOT_RATING_AGAIN, START);
  g_clear_object (&study);
  g_clear_object (&store);

  store = study_test_open_store ();
  study = teapot_study_new (store);
  card = teapot_study_get_card (study, "404", START + DAY);
  g_assert_cmpint (card.state, ==, TEAPOT_CARD_REVIEW);
  g_assert_cmpfloat_with_epsilon (card.stability, 2.3065, 0.00005);
  g_assert_cmpfloat_with_epsilon (card.difficulty, 2.1112, 0.00005);
  g_assert_cmpint (card.due, ==, START + 10 * MINUTE + 2 * DAY);
  g_assert_cmpint (card.last_review, ==, START + 10 * MINUTE);
  g_assert_cmpuint (card.reps, ==, 2);

  card = teapot_study_get_card (study, "418", START);
  g_assert_cmpint (card.state, ==, TEAPOT_CARD_LEARNING);
  g_assert_cmpint (card.due, ==, START + MINUTE);

  g_assert_cmpint (teapot_test_query_int (path, "SELECT count(*) FROM reviews"), ==, 3);
  g_assert_cmpint (teapot_test_query_int (path, "SELECT elapsed FROM reviews WHERE entry = '404' ORDER BY id DESC"), ==, 600);
  g_assert_cmpint (teapot_test_query_int (path, "SELECT state_before FROM reviews WHERE entry = '404' ORDER BY id DESC"),
                   ==, TEAPOT_CARD_LEARNING);
  g_assert_cmpint (teapot_test_query_int (path, "SELECT interval FROM reviews WHERE entry = '404' ORDER BY id DESC"), ==, 2 * DAY);
  g_assert_cmpint (teapot_test_query_int (path, "SELECT rating FROM reviews WHERE entry = '418'"), ==, TEAPOT_RATING_AGAIN);

  /* The clock going backwards is stored as it is, with no time elapsed. */
  study_test_review (study, "404", TEAPOT_RATING_GOOD, START - DAY);
  g_assert_cmpint (teapot_test_query_int (path, "SELECT elapsed FROM reviews ORDER BY id DESC"), ==, 0);
  card = teapot_study_get_card (study, "404", START);
  g_assert_true (isfinite (card.stability) && card.stability > 0);
}

/* Another process (teapot-writer: a TeapotStore and a TeapotStudy, as the window holds
 * them) reviews; this one reads, answers, and the other continues from that. */
static void
test_across_processes (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  const char *writer = g_getenv ("TEAPOT_WRITER");
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(TeapotStudy) study = NULL;
  g_autofree char *input = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) env = teapot_test_child_environment ();
  TeapotCard card;

  if (writer == NULL)
    {
      g_test_skip ("TEAPOT_WRITER not set");
      return;
    }

  {
    const char *argv[] = { writer, path, NULL };
    g_autoptr(GSubprocess) child = NULL;
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                                         | G_SUBPROCESS_FLAGS_STDOUT_PIPE);

    g_subprocess_launcher_set_environ (launcher, env);
    child = g_subprocess_launcher_spawnv (launcher, argv, &error);
    g_assert_no_error (error);
    input = g_strdup_printf ("review 429 3 %" G_GINT64_FORMAT "\nreview 429 3 %" G_GINT64_FORMAT "\n"
                             "review nope 3 %" G_GINT64_FORMAT "\n",
                             START, START + 10 * MINUTE, START);
    g_assert_true (g_subprocess_communicate_utf8 (child, input, NULL, &out, NULL, &error));
    g_assert_no_error (error);
    g_test_message ("writer: %s", out);
    g_assert_nonnull (strstr (out, "ready\nreviewed 429 "));
    g_assert_nonnull (strstr (out, "error nope "));
  }

  store = study_test_open_store ();
  study = study_test_without_fuzz (store);
  card = teapot_study_get_card (study, "429", START);
  g_assert_cmpint (card.state, ==, TEAPOT_CARD_REVIEW);
  g_assert_cmpfloat_with_epsilon (card.stability, 2.3065, 0.00005);
  g_assert_cmpuint (card.reps, ==, 2);

  study_test_review (study, "429", TEAPOT_RATING_AGAIN, START + 3 * DAY);
  g_clear_object (&study);
  g_clear_object (&store);

  {
    const char *argv[] = { writer, path, NULL };
    g_autoptr(GSubprocess) child = NULL;
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                                         | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
    g_autofree char *second = NULL;

    g_subprocess_launcher_set_environ (launcher, env);
    child = g_subprocess_launcher_spawnv (launcher, argv, &error);
    g_assert_no_error (error);
    g_free (input);
    input = g_strdup_printf ("review 429 3 %" G_GINT64_FORMAT "\n", START + 3 * DAY + 10 * MINUTE);
    g_assert_true (g_subprocess_communicate_utf8 (child, input, NULL, &second, NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (second, "reviewed 429 "));
  }

  store = study_test_open_store ();
  study = teapot_study_new (store);
  card = teapot_study_get_card (study, "429", START);
  g_assert_cmpuint (card.reps, ==, 4);
  g_assert_cmpuint (card.lapses, ==, 1);
  g_assert_cmpint (card.state, ==, TEAPOT_CARD_REVIEW);
  g_assert_cmpint (card.last_review, ==, START + 3 * DAY + 10 * MINUTE);
}

/* Counts and the queue follow the injected clock. */
static void
test_counts_and_queue (void)
{
  g_autoptr(TeapotStore) store = study_test_open_store ();
  g_autoptr(TeapotStudy) study = study_test_without_fuzz (store);
  TeapotFilter deck = { .class_digit = 4, .tag = "iana" };
  TeapotDeckCounts counts;
  guint total = teapot_store_count (store, &deck);
  g_autoptr(GPtrArray) queue = NULL;

  g_autoptr(GPtrArray) fresh = NULL;
  g_autofree char *expected = NULL;

  teapot_study_count (study, &deck, START, &counts);
  g_assert_cmpuint (counts.total, ==, total);
  g_assert_cmpuint (counts.unseen, ==, total);
  g_assert_cmpuint (counts.new_today, ==, TEAPOT_STUDY_NEW_PER_DAY);
  g_assert_cmpuint (counts.learned + counts.due + counts.seen + counts.started_today, ==, 0);
  queue = teapot_study_queue (study, &deck, START, 3, 0);
  g_assert_cmpuint (queue->len, ==, 3);
  g_clear_pointer (&queue, g_ptr_array_unref);

  study_test_review (study, "400", TEAPOT_RATING_GOOD, START);   /* due in 10 minutes */
  study_test_review (study, "401", TEAPOT_RATING_AGAIN, START);  /* due in 1 minute */
  study_test_review (study, "402", TEAPOT_RATING_EASY, START);   /* due in 8 days */
  study_test_review (study, "500", TEAPOT_RATING_AGAIN, START);  /* another deck */

  teapot_study_count (study, &deck, START, &counts);
  g_assert_cmpuint (counts.seen, ==, 3);
  g_assert_cmpuint (counts.learned, ==, 2);  /* 401 was failed */
  g_assert_cmpuint (counts.unseen, ==, total - 3);
  g_assert_cmpuint (counts.started_today, ==, 3);
  g_assert_cmpuint (counts.new_today, ==, TEAPOT_STUDY_NEW_PER_DAY - 3);
  g_assert_cmpuint (counts.due, ==, 0);
  teapot_study_count (study, &deck, START + MINUTE, &counts);
  g_assert_cmpuint (counts.due, ==, 1);
  teapot_study_count (study, &deck, START + 10 * MINUTE, &counts);
  g_assert_cmpuint (counts.due, ==, 2);
  teapot_study_count (study, &deck, START + 9 * DAY, &counts);
  g_assert_cmpuint (counts.due, ==, 3);
  teapot_study_count (study, NULL, START + 9 * DAY, &counts);
  g_assert_cmpuint (counts.due, ==, 4);

  /* Most overdue first, then new ones in their order (none is due at START). */
  fresh = teapot_study_queue (study, &deck, START, 2, 0);
  g_assert_cmpuint (fresh->len, ==, 2);
  expected = g_strdup_printf ("401 400 %s %s", teapot_entry_get_id (g_ptr_array_index (fresh, 0)),
                              teapot_entry_get_id (g_ptr_array_index (fresh, 1)));
  queue = teapot_study_queue (study, &deck, START + 10 * MINUTE, 2, 0);
  study_test_assert_ids (queue, expected);
  g_clear_pointer (&queue, g_ptr_array_unref);
  queue = teapot_study_queue (study, &deck, START + 10 * MINUTE, 2, 3);
  *strrchr (expected, ' ') = '\0';
  study_test_assert_ids (queue, expected);
  g_clear_pointer (&queue, g_ptr_array_unref);
  queue = teapot_study_queue (study, &deck, START + 10 * MINUTE, 5, 1);
  study_test_assert_ids (queue, "401");
  g_clear_pointer (&queue, g_ptr_array_unref);
  queue = teapot_study_queue (study, &deck, START + 10 * MINUTE, 0, 0);
  study_test_assert_ids (queue, "401 400");
  g_clear_pointer (&queue, g_ptr_array_unref);
  queue = teapot_study_queue (study, &deck, START, 0, 0);
  g_assert_cmpuint (queue->len, ==, 0);
  g_clear_pointer (&queue, g_ptr_array_unref);
  /* Nine days on, a new day: the daily limit starts over. */
  queue = teapot_study_queue (study, &deck, START + 9 * DAY, 1, 0);
  g_free (expected);
  expected = g_strdup_printf ("401 400 402 %s", teapot_entry_get_id (g_ptr_array_index (fresh, 0)));
  study_test_assert_ids (queue, expected);
  g_clear_pointer (&queue, g_ptr_array_unref);

  /* A favourites deck. */
  {
    TeapotFilter favourites = { .favourites = TRUE };
    g_autoptr(GError) error = NULL;

    g_assert_true (teapot_store_set_favourite (store, "402", TRUE, &error));
    g_assert_true (teapot_store_set_favourite (store, "503", TRUE, &error));
    teapot_study_count (study, &favourites, START + 9 * DAY, &counts);
    g_assert_cmpuint (counts.total, ==, 2);
    g_assert_cmpuint (counts.due, ==, 1);
    g_assert_cmpuint (counts.unseen, ==, 1);
    queue = teapot_study_queue (study, &favourites, START + 9 * DAY, 10, 0);
    study_test_assert_ids (queue, "402 503");
  }
}

static gint64
local_time (GDateTime *day,
            int        days_back,
            int        hour,
            int        minute)
{
  g_autoptr(GDateTime) shifted = g_date_time_add_days (day, -days_back);
  g_autoptr(GDateTime) at = g_date_time_new_local (g_date_time_get_year (shifted), g_date_time_get_month (shifted),
                                                   g_date_time_get_day_of_month (shifted), hour, minute, 0);

  return g_date_time_to_unix (at);
}

/* Per local day, retention over 30 days, most missed. */
static void
test_progress (void)
{
  g_autoptr(TeapotStore) store = study_test_open_store ();
  g_autoptr(TeapotStudy) study = study_test_without_fuzz (store);
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (START);
  gint64 now = local_time (today, 0, 18, 0);
  TeapotFilter server = { .class_digit = 5 };
  TeapotProgress progress = { 0 };

  teapot_study_get_progress (study, NULL, now, &progress);
  g_assert_cmpuint (progress.reviews_30d, ==, 0);
  g_assert_cmpfloat (progress.retention_30d, ==, 0.0);
  g_assert_cmpuint (progress.most_missed->len, ==, 0);
  teapot_progress_clear (&progress);

  /* 31 days ago: outside. 29 days ago, at 23:59: the first day shown. */
  study_test_review (study, "500", TEAPOT_RATING_AGAIN, local_time (today, 31, 12, 0));
  study_test_review (study, "500", TEAPOT_RATING_AGAIN, local_time (today, 29, 23, 59));
  /* Yesterday just before midnight and today just after. */
  study_test_review (study, "502", TEAPOT_RATING_AGAIN, local_time (today, 1, 23, 59));
  study_test_review (study, "502", TEAPOT_RATING_GOOD, local_time (today, 0, 0, 1));
  study_test_review (study, "503", TEAPOT_RATING_AGAIN, local_time (today, 0, 9, 0));
  study_test_review (study, "503", TEAPOT_RATING_AGAIN, local_time (today, 0, 9, 10));
  study_test_review (study, "503", TEAPOT_RATING_HARD, local_time (today, 0, 9, 20));
  study_test_review (study, "404", TEAPOT_RATING_AGAIN, local_time (today, 0, 10, 0));
  study_test_review (study, "404", TEAPOT_RATING_EASY, local_time (today, 0, 10, 30));
  /* After "now" (a clock that was ahead): not counted yet. */
  study_test_review (study, "418", TEAPOT_RATING_AGAIN, now + DAY);

  teapot_study_get_progress (study, NULL, now, &progress);
  g_assert_cmpuint (progress.reviews_30d, ==, 8);
  g_assert_cmpfloat_with_epsilon (progress.retention_30d, 3.0 / 8.0, 1e-9);
  g_assert_cmpuint (progress.reviews_per_day[0], ==, 1);
  g_assert_cmpuint (progress.correct_per_day[0], ==, 0);
  g_assert_cmpuint (progress.reviews_per_day[28], ==, 1);
  g_assert_cmpuint (progress.correct_per_day[28], ==, 0);
  g_assert_cmpuint (progress.reviews_per_day[29], ==, 6);
  g_assert_cmpuint (progress.correct_per_day[29], ==, 3);
  for (guint i = 1; i < 28; i++)
    g_assert_cmpuint (progress.reviews_per_day[i], ==, 0);
  /* All time: 500 and 503 twice, then 404 and 502 once (code order). */
  study_test_assert_ids (progress.most_missed, "500 503 404 502");
  teapot_progress_clear (&progress);
  g_assert_null (progress.most_missed);

  teapot_study_get_progress (study, &server, now, &progress);
  g_assert_cmpuint (progress.reviews_30d, ==, 6);
  study_test_assert_ids (progress.most_missed, "500 503 502");
  teapot_progress_clear (&progress);
}

/* Read-only user data: everything reads, nothing is recorded, and the error says why. */
static void
test_read_only (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(TeapotStudy) study = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  TeapotProgress progress = { 0 };
  TeapotDeckCounts counts;

  /* A newer Teapot's file: read-only, and its tables are none of our business. */
  teapot_test_exec_sql (path, "CREATE TABLE favourites (id TEXT PRIMARY KEY NOT NULL, added INTEGER NOT NULL) WITHOUT ROWID;"
                          "CREATE TABLE future (x);"
                          "PRAGMA user_version = 99;");
  store = study_test_open_store ();
  g_assert_true (teapot_store_is_read_only (store));
  study = teapot_study_new (store);

  teapot_study_count (study, NULL, START, &counts);
  g_assert_cmpuint (counts.total, >, 0);
  g_assert_cmpuint (counts.unseen, ==, counts.total);
  queue = teapot_study_queue (study, NULL, START, 5, 0);
  g_assert_cmpuint (queue->len, ==, 5);
  g_assert_cmpint (teapot_study_get_card (study, "404", START).state, ==, TEAPOT_CARD_NEW);
  teapot_study_get_progress (study, NULL, START, &progress);
  g_assert_cmpuint (progress.reviews_30d, ==, 0);
  teapot_progress_clear (&progress);

  g_assert_false (teapot_study_record_review (study, "404", TEAPOT_RATING_GOOD, START, &error));
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_clear_error (&error);
  g_clear_object (&study);
  g_clear_object (&store);
  g_assert_cmpint (teapot_test_query_int (path, "PRAGMA user_version"), ==, 99);

  /* Nowhere to write at all (a file where the folder should be): memory only. */
  {
    g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "blocker", NULL);
    g_autofree char *elsewhere = g_build_filename (blocker, "teapot", "user.sqlite", NULL);

    g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
    store = teapot_store_new (elsewhere, &error);
    g_assert_no_error (error);
    g_assert_true (teapot_store_is_read_only (store));
    study = teapot_study_new (store);
    g_assert_false (teapot_study_record_review (study, "404", TEAPOT_RATING_GOOD, START, &error));
    g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  /* Unknown ids are told apart from read-only. */
  g_assert_false (teapot_study_record_review (study, "no-such-id", TEAPOT_RATING_GOOD, START, &error));
  g_assert_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_NOT_FOUND);
}

static char *
joined_ids (GPtrArray *entries)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    g_string_append_printf (ids, " %s", teapot_entry_get_id (g_ptr_array_index (entries, i)));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
test_distractors (void)
{
  g_autoptr(TeapotStore) store = study_test_open_store ();
  g_autoptr(TeapotStudy) study = teapot_study_new (store);
  g_autoptr(GPtrArray) all = teapot_store_list (store, NULL, 0);
  g_autoptr(TeapotEntry) not_found = teapot_store_lookup_id (store, "404");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const *related = teapot_entry_get_related (not_found);
  g_autoptr(GPtrArray) first = teapot_study_distractors (study, not_found, 1);
  g_autoptr(GPtrArray) again = teapot_study_distractors (study, not_found, 1);
  g_autofree char *first_ids = joined_ids (first);
  g_autofree char *again_ids = joined_ids (again);

  /* Deterministic for a seed; related codes come first. */
  g_assert_cmpstr (first_ids, ==, again_ids);
  g_assert_nonnull (related);
  g_assert_nonnull (related[0]);
  g_assert_true (g_strv_contains (related, teapot_entry_get_id (g_ptr_array_index (first, 0))));
  for (guint seed = 0; seed < 20; seed++)
    {
      g_autoptr(GPtrArray) some = teapot_study_distractors (study, not_found, seed);

      g_hash_table_add (seen, joined_ids (some));
    }
  g_assert_cmpuint (g_hash_table_size (seen), >, 1);

  /* Every entry: three options, none the entry's own code, told apart from each other. */
  for (guint i = 0; i < all->len; i++)
    {
      TeapotEntry *entry = g_ptr_array_index (all, i);
      g_autoptr(GPtrArray) distractors = teapot_study_distractors (study, entry, i);

      g_assert_cmpuint (distractors->len, ==, 3);
      for (guint j = 0; j < distractors->len; j++)
        {
          TeapotEntry *option = g_ptr_array_index (distractors, j);

          g_assert_true (option != entry);
          g_assert_cmpuint (teapot_entry_get_code (option), !=, teapot_entry_get_code (entry));
          g_assert_cmpstr (teapot_entry_get_phrase (option), !=, teapot_entry_get_phrase (entry));
          for (guint k = 0; k < j; k++)
            g_assert_cmpuint (teapot_entry_get_code (option), !=,
                              teapot_entry_get_code (g_ptr_array_index (distractors, k)));
        }
      /* Without related codes, the same class when it has room: a 4xx is not asked
       * against 1xx codes. */
      if (teapot_entry_get_code (entry) / 100 == 4
          && (teapot_entry_get_related (entry) == NULL || teapot_entry_get_related (entry)[0] == NULL))
        for (guint j = 0; j < distractors->len; j++)
          g_assert_cmpuint (teapot_entry_get_code (g_ptr_array_index (distractors, j)) / 100, ==, 4);
    }
}

/* Every new card of @deck, in the order the study gives them. */
int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/study/migration-from-v1", test_migration_from_v1);
  g_test_add_func ("/study/persist", test_persist);
  g_test_add_func ("/study/across-processes", test_across_processes);
  g_test_add_func ("/study/counts-and-queue", test_counts_and_queue);
  g_test_add_func ("/study/progress", test_progress);
  g_test_add_func ("/study/read-only", test_read_only);
  g_test_add_func ("/study/distractors", test_distractors);

  return g_test_run ();
}
