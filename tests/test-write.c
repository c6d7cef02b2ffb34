/* test-write.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "teapot-store.h"
#include "teapot-study.h"
#include "teapot-test-db.h"

/* The window's writes while another process (the command line) holds user.sqlite's write
 * lock: the call returns at once, the main loop keeps running, and the write lands when the
 * lock is free, or fails with a message once the wait is too long. */

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} Result;

static void
on_favourite_saved (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Result *out = user_data;

  out->ok = teapot_store_set_favourite_finish (TEAPOT_STORE (source), result, &out->error);
  out->done = TRUE;
}

static void
on_review_saved (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Result *out = user_data;

  out->ok = teapot_study_record_review_finish (TEAPOT_STUDY (source), result, &out->error);
  out->done = TRUE;
}

/* Another process's write transaction, held until released. */
static sqlite3 *
hold_write_lock (void)
{
  g_autofree char *path = teapot_test_user_db_path ();
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return other;
}

static void
release_write_lock (sqlite3 *other)
{
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
}

/* Iterates the main loop for @ms; returns how long its longest iteration took. */
static gint64
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  gint64 longest = 0;

  while (g_get_monotonic_time () < end)
    {
      gint64 start = g_get_monotonic_time ();

      g_main_context_iteration (NULL, FALSE);
      longest = MAX (longest, g_get_monotonic_time () - start);
      g_usleep (1000);
    }
  return longest;
}

static void
wait_for (Result *result)
{
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (!result->done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (result->done);
}

static void
test_favourite_waits_without_blocking (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new (NULL, &error);
  g_autoptr(TeapotStore) fresh = NULL;
  g_autoptr(TeapotEntry) entry = teapot_store_lookup_id (store, "429");
  Result result = { 0 };
  sqlite3 *other;
  gint64 start;

  g_assert_no_error (error);
  other = hold_write_lock ();

  start = g_get_monotonic_time ();
  teapot_store_set_favourite_async (store, "429", TRUE, NULL, on_favourite_saved, &result);
  /* With SQLite's busy handler this call would sleep up to 5 s. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 500 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (spin (200), <, 100 * G_TIME_SPAN_MILLISECOND);
  g_assert_false (result.done);
  g_assert_false (teapot_entry_get_favourite (entry));

  release_write_lock (other);
  wait_for (&result);
  g_assert_no_error (result.error);
  g_assert_true (result.ok);
  g_assert_true (teapot_entry_get_favourite (entry));

  fresh = teapot_store_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (teapot_test_is_favourite (fresh, "429"));
}

static void
test_review_waits_without_blocking (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new (NULL, &error);
  g_autoptr(TeapotStudy) study = teapot_study_new (store);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  Result result = { 0 };
  sqlite3 *other;
  TeapotCard card;

  g_assert_no_error (error);
  other = hold_write_lock ();
  teapot_study_record_review_async (study, "404", TEAPOT_RATING_GOOD, now, NULL, on_review_saved, &result);
  g_assert_cmpint (spin (200), <, 100 * G_TIME_SPAN_MILLISECOND);
  g_assert_false (result.done);

  release_write_lock (other);
  wait_for (&result);
  g_assert_no_error (result.error);
  card = teapot_study_get_card (study, "404", now);
  g_assert_cmpint (card.state, !=, TEAPOT_CARD_NEW);
}

static void
test_gives_up_with_a_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new (NULL, &error);
  Result result = { 0 };
  sqlite3 *other;

  g_assert_no_error (error);
  other = hold_write_lock ();
  teapot_store_set_favourite_async (store, "503", TRUE, NULL, on_favourite_saved, &result);
  wait_for (&result);
  g_assert_false (result.ok);
  g_assert_error (result.error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_BUSY);
  g_clear_error (&result.error);
  release_write_lock (other);

  /* An id that does not exist fails at once, through the same callback. */
  result = (Result) { 0 };
  teapot_store_set_favourite_async (store, "no-such-id", TRUE, NULL, on_favourite_saved, &result);
  wait_for (&result);
  g_assert_error (result.error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&result.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/write/favourite-waits-without-blocking", test_favourite_waits_without_blocking);
  g_test_add_func ("/write/review-waits-without-blocking", test_review_waits_without_blocking);
  g_test_add_func ("/write/gives-up-with-a-message", test_gives_up_with_a_message);

  return g_test_run ();
}
