/* test-search-model.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-search-model.h"

/* The list model the window shows: the same entries as the store's one search, in the same
 * order, and only the changed part announced. */

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->calls++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static void
assert_same (GListModel *model,
             GPtrArray  *entries)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(TeapotEntry) item = g_list_model_get_item (model, i);

      g_assert_true (item == g_ptr_array_index (entries, i));
    }
  g_assert_null (g_list_model_get_item (model, entries->len));
}

static TeapotStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  TeapotStore *store = teapot_store_new (NULL, &error);

  g_assert_no_error (error);
  return store;
}

static void
test_matches_store (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  g_autoptr(TeapotSearchModel) model = teapot_search_model_new (store);
  TeapotFilter four = { .class_digit = 4 };
  TeapotFilter nginx_4xx = { .class_digit = 4, .tag = "nginx" };
  g_autoptr(GPtrArray) all = teapot_store_list (store, NULL, 0);
  g_autoptr(GPtrArray) ranked = teapot_store_search (store, "too many requests", NULL, 0, NULL);
  g_autoptr(GPtrArray) ranked_4xx = teapot_store_search (store, "timeout", &four, 0, NULL);
  g_autoptr(GPtrArray) browse_nginx = teapot_store_list (store, &nginx_4xx, 0);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == TEAPOT_TYPE_ENTRY);
  g_assert_false (teapot_search_model_get_searching (model));
  g_assert_false (teapot_search_model_get_filtered (model));
  assert_same (G_LIST_MODEL (model), all);

  teapot_search_model_set_query (model, "too many requests");
  g_assert_true (teapot_search_model_get_searching (model));
  assert_same (G_LIST_MODEL (model), ranked);

  teapot_search_model_set_class_filter (model, "4xx");
  teapot_search_model_set_query (model, "timeout");
  g_assert_true (teapot_search_model_get_filtered (model));
  assert_same (G_LIST_MODEL (model), ranked_4xx);

  /* Blanks are no query: the filters' entries in code order. */
  teapot_search_model_set_query (model, "   ");
  teapot_search_model_set_tag_filter (model, "nginx");
  g_assert_false (teapot_search_model_get_searching (model));
  assert_same (G_LIST_MODEL (model), browse_nginx);

  /* Anything but a class is every class. */
  teapot_search_model_set_class_filter (model, "9zz");
  g_assert_cmpstr (teapot_search_model_get_class_filter (model), ==, "all");
}

static void
test_changes_are_minimal (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  g_autoptr(TeapotSearchModel) model = teapot_search_model_new (store);
  Changes changes = { 0 };

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changes);

  /* The same result twice: nothing announced. */
  teapot_search_model_set_query (model, "404");
  g_assert_cmpuint (changes.calls, ==, 1);
  teapot_search_model_set_query (model, "404 ");
  g_assert_cmpuint (changes.calls, ==, 1);

  /* Favourites 404, 429, 503; unstarring 429 removes that one row, nothing else. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (teapot_store_set_favourite (store, (const char *[]) { "404", "429", "503" }[i], TRUE, NULL));
  teapot_search_model_set_query (model, "");
  teapot_search_model_set_favourites_only (model, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  changes = (Changes) { 0 };
  g_assert_true (teapot_store_set_favourite (store, "429", FALSE, NULL));
  teapot_search_model_refresh (model);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);

  /* A class on top of that: 404 goes, 503 stays, and only the first row is announced. */
  changes = (Changes) { 0 };
  teapot_search_model_set_class_filter (model, "5xx");
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);

  /* Setting a filter to what it is changes nothing and notifies nothing. */
  changes = (Changes) { 0 };
  teapot_search_model_set_class_filter (model, "5xx");
  g_assert_cmpuint (changes.calls, ==, 0);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_favourites (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  g_autoptr(TeapotSearchModel) model = teapot_search_model_new (NULL);
  g_autoptr(GError) error = NULL;
  guint filtered_notes = 0;

  /* No store yet: an empty list, not a crash. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  teapot_search_model_set_favourites_only (model, TRUE);
  teapot_search_model_set_store (model, store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  g_signal_connect (model, "notify::filtered", G_CALLBACK (on_notify), &filtered_notes);
  g_assert_true (teapot_store_set_favourite (store, "429", TRUE, &error));
  g_assert_no_error (error);
  /* The store changed under the model: a refresh shows it. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  teapot_search_model_refresh (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  /* Still filtered by class once favourites are off: one notification for the change of
   * favourites, none for setting a class while already filtered. */
  teapot_search_model_set_class_filter (model, "5xx");
  g_assert_cmpuint (filtered_notes, ==, 0);
  teapot_search_model_set_favourites_only (model, FALSE);
  g_assert_cmpuint (filtered_notes, ==, 0);
  teapot_search_model_set_class_filter (model, "all");
  g_assert_cmpuint (filtered_notes, ==, 1);
  g_assert_false (teapot_search_model_get_filtered (model));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/search-model/matches-store", test_matches_store);
  g_test_add_func ("/search-model/minimal-changes", test_changes_are_minimal);
  g_test_add_func ("/search-model/favourites", test_favourites);

  return g_test_run ();
}
