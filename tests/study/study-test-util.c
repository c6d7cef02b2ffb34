/* study-test-util.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "study-test-util.h"

TeapotStore *
study_test_open_store (void)
{
  g_autoptr(GError) error = NULL;
  TeapotStore *store = teapot_store_new (NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

TeapotStudy *
study_test_without_fuzz (TeapotStore *store)
{
  TeapotStudy *study = teapot_study_new (store);

  teapot_scheduler_set_fuzz (teapot_study_get_scheduler (study), FALSE);
  return study;
}

void
study_test_review (TeapotStudy  *study,
                   const char   *id,
                   TeapotRating  rating,
                   gint64        now)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (teapot_study_record_review (study, id, rating, now, &error));
  g_assert_no_error (error);
}

void
study_test_assert_ids (GPtrArray  *entries,
                       const char *expected)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", teapot_entry_get_id (g_ptr_array_index (entries, i)));
  g_assert_cmpstr (ids->str, ==, expected);
}

/* A version-1 file (the foundation's) with favourites: migrated in place, favourites kept,
 * no cards yet. */
