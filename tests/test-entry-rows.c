/* test-entry-rows.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "teapot-entry-list.h"
#include "teapot-entry-row.h"
#include "teapot-entry-row-pool.h"
#include "teapot-test-window.h"

/* The entry list's rows (teapot-entry-row-pool.c): a GtkListView on the pool's factory,
 * in a window under Xvfb, over a list store of the real entries. */

typedef TeapotTestFixture Fixture;

typedef struct
{
  GtkListView *view;
  GListModel *model;
  guint n_rows;
} RowsWait;

/* The list view's rows in order, and their entries. */
static GPtrArray *
shown_entries (GtkListView *view)
{
  GPtrArray *entries = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (TEAPOT_IS_ENTRY_ROW (row) && gtk_widget_get_visible (child))
        g_ptr_array_add (entries, teapot_entry_row_get_entry (TEAPOT_ENTRY_ROW (row)));
    }
  return entries;
}

/* Whether the view has a row for each of its first @n_rows items, and it shows them. */
static gboolean
shows_model (gpointer data)
{
  RowsWait *wait = data;
  g_autoptr(GPtrArray) entries = shown_entries (wait->view);

  if (entries->len != wait->n_rows)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (wait->model, i);

      if (item != g_ptr_array_index (entries, i))
        return FALSE;
    }
  return TRUE;
}

static void
on_favourite_toggled (TeapotEntryRowPool *pool,
                      TeapotEntry        *entry,
                      gboolean            favourite,
                      GPtrArray          *toggled)
{
  g_ptr_array_add (toggled, entry);
}

static GtkWidget *
first_star (GtkListView *view)
{
  GtkWidget *row = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (view)));

  return GTK_WIDGET (gtk_widget_get_template_child (row, TEAPOT_TYPE_ENTRY_ROW, "star_button"));
}

/* A list that shrinks and grows again (typing a query, then changing it) builds no row
 * twice: the rows it let go wait in the pool and come back bound to the entries now at
 * their places, and their stars still say which entry was pressed, once. */
static void
test_pool_reuses_rows (Fixture       *fixture,
                       gconstpointer  data)
{
  TeapotStore *store = teapot_application_get_store (fixture->app);
  g_autoptr(GPtrArray) all = teapot_store_list (store, NULL, 0);
  g_autoptr(GListStore) model = g_list_store_new (TEAPOT_TYPE_ENTRY);
  g_autoptr(TeapotEntryRowPool) pool = teapot_entry_row_pool_new ();
  g_autoptr(GPtrArray) toggled = g_ptr_array_new ();
  GtkWidget *window = gtk_window_new ();
  GtkListView *view;
  RowsWait wait = { 0 };
  guint n_built;
  guint n_rows;

  /* Enough entries for every row to be built (the view keeps up to 200 whatever its
   * height), few enough for a test. */
  n_rows = MIN (all->len, 40);
  g_assert_cmpuint (n_rows, >, 20);
  g_list_store_splice (model, 0, 0, all->pdata, n_rows);
  view = GTK_LIST_VIEW (gtk_list_view_new (NULL, g_object_ref (teapot_entry_row_pool_get_factory (pool))));
  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (model)))));
  gtk_window_set_child (GTK_WINDOW (window), gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (gtk_window_get_child (GTK_WINDOW (window))), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  g_signal_connect (pool, "favourite-toggled", G_CALLBACK (on_favourite_toggled), toggled);
  gtk_window_present (GTK_WINDOW (window));

  wait = (RowsWait) { view, G_LIST_MODEL (model), n_rows };
  teapot_test_wait_until (shows_model, &wait, "a row for every entry");
  n_built = teapot_entry_row_pool_get_n_built (pool);
  g_assert_cmpuint (n_built, ==, n_rows);
  g_assert_cmpuint (teapot_entry_row_pool_get_n_idle (pool), ==, 0);

  /* Fewer entries, none of them the same as before: the rows let go wait. */
  g_list_store_splice (model, 0, n_rows, all->pdata + n_rows, 3);
  wait.n_rows = 3;
  teapot_test_wait_until (shows_model, &wait, "the three new entries");
  /* (GtkListView may set up the new rows before it lets the old ones go.) */
  g_assert_cmpuint (teapot_entry_row_pool_get_n_idle (pool), >=, n_rows - 3);
  n_built = teapot_entry_row_pool_get_n_built (pool);

  /* All of them again, in another order: the rows come back, none is built. */
  g_list_store_remove_all (model);
  for (guint i = n_rows; i > 0; i--)
    g_list_store_append (model, g_ptr_array_index (all, i - 1));
  wait.n_rows = n_rows;
  teapot_test_wait_until (shows_model, &wait, "every entry again, last first");
  g_assert_cmpuint (teapot_entry_row_pool_get_n_built (pool), ==, n_built);

  /* A reused row's star names its new entry, once. */
  g_signal_emit_by_name (first_star (view), "clicked");
  g_assert_cmpuint (toggled->len, ==, 1);
  g_assert_true (g_ptr_array_index (toggled, 0) == g_ptr_array_index (all, n_rows - 1));

  gtk_window_destroy (GTK_WINDOW (window));
  teapot_test_drain ();
}

typedef struct
{
  TeapotEntryList *list;
  GtkWidget *view;
  const char *query;
  gboolean headers;
} SectionsWait;

static guint
count_headers (GtkWidget *view)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_widget_get_css_name (child), "header") && gtk_widget_get_visible (child))
      n++;
  return n;
}

/* The results are those of the query, the list is on screen, and it has section headers or
 * none, as asked. */
static gboolean
shows_sections (gpointer data)
{
  SectionsWait *wait = data;
  TeapotSearchModel *model = teapot_entry_list_get_model (wait->list);

  return g_str_equal (teapot_search_model_get_query (model), wait->query)
         && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0 && gtk_widget_get_mapped (wait->view)
         && (count_headers (wait->view) > 0) == wait->headers;
}

static void
show_query (SectionsWait *wait,
            const char   *query,
            gboolean      headers)
{
  wait->query = query;
  wait->headers = headers;
  gtk_editable_set_text (GTK_EDITABLE (teapot_entry_list_get_search_entry (wait->list)), query);
  teapot_test_wait_until (shows_sections, wait, query);
}

static gboolean
has_no_results (gpointer data)
{
  SectionsWait *wait = data;
  TeapotSearchModel *model = teapot_entry_list_get_model (wait->list);

  return g_str_equal (teapot_search_model_get_query (model), wait->query)
         && g_list_model_get_n_items (G_LIST_MODEL (model)) == 0;
}

/* Browsing, the list comes in sections by class; a search has none. A query that finds
 * nothing hides the list and leaves its headers for later (an idle moment): the results
 * of the next query, whether that moment came or not, show no headers, and the list
 * browsed again has them back. */
static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  TeapotEntryList *list = TEAPOT_ENTRY_LIST (teapot_test_window_child (fixture->window, "entry_list"));
  SectionsWait wait = { list, NULL, NULL, FALSE };

  wait.view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (list), TEAPOT_TYPE_ENTRY_LIST, "list_view"));
  wait.query = "";
  wait.headers = TRUE;
  teapot_test_wait_until (shows_sections, &wait, "the list in sections");

  show_query (&wait, "rate limit", FALSE);
  show_query (&wait, "", TRUE);

  /* Nothing found, then at once a query that finds something. */
  gtk_editable_set_text (GTK_EDITABLE (teapot_entry_list_get_search_entry (list)), "qqqqzzzz");
  wait.query = "qqqqzzzz";
  teapot_test_wait_until (has_no_results, &wait, "no results");
  show_query (&wait, "404", FALSE);

  /* Nothing found, and time for the list to catch up, then browsing again. */
  show_query (&wait, "", TRUE);
  gtk_editable_set_text (GTK_EDITABLE (teapot_entry_list_get_search_entry (list)), "qqqqzzzz");
  wait.query = "qqqqzzzz";
  teapot_test_wait_until (has_no_results, &wait, "no results");
  teapot_test_drain ();
  show_query (&wait, "404", FALSE);
  show_query (&wait, "", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  if (!teapot_test_window_init (&argc, &argv))
    return g_test_run ();

  g_test_add ("/entry-rows/pool-reuses-rows", Fixture, NULL, teapot_test_fixture_set_up, test_pool_reuses_rows,
              teapot_test_fixture_tear_down);
  g_test_add ("/entry-rows/sections", Fixture, NULL, teapot_test_fixture_set_up, test_sections,
              teapot_test_fixture_tear_down);
  return g_test_run ();
}
