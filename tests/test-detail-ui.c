/* test-detail-ui.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "teapot-detail-view.h"
#include "teapot-entry-list.h"
#include "teapot-test-window.h"

/* The detail pane under Xvfb: the first screen, a number's other meanings, a status's
 * vendor sub-codes, and the name 418 is known by; and the paths a new user tripped over
 * between the list and the search. The expected figures come from the store, not from the
 * widgets. */

typedef struct
{
  TeapotApplication *app;
  TeapotWindow *window;
  TeapotDetailView *detail;
} Fixture;

static GtkWidget *
detail_child (Fixture    *fixture,
              const char *name)
{
  return teapot_test_detail_child (fixture->window, name);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->app = teapot_test_application_new ();
  fixture->window = teapot_test_window_new (fixture->app);
  fixture->detail = TEAPOT_DETAIL_VIEW (teapot_test_window_child (fixture->window, "detail"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  teapot_test_window_close (fixture->window, &fixture->app);
}

static void
show (Fixture    *fixture,
      const char *id)
{
  teapot_window_show_entry (fixture->window, id);
  teapot_test_drain ();
  g_assert_cmpstr (teapot_entry_get_id (teapot_window_get_current_entry (fixture->window)), ==, id);
}

static GtkWidget *
window_child (Fixture    *fixture,
              const char *name)
{
  return teapot_test_window_child (fixture->window, name);
}

static void
test_first_screen (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *header_buttons[] = { "star_button", "copy_button", "compare_button" };
  TeapotStore *store = teapot_application_get_store (fixture->app);
  g_autoptr(GPtrArray) all = teapot_store_list (store, NULL, 0);
  GtkWidget *common = detail_child (fixture, "common_box");
  GtkWidget *first;
  guint everyday = 0;

  /* Nothing chosen yet: not the first code of the list, the first screen. */
  teapot_test_drain ();
  g_assert_null (teapot_window_get_current_entry (fixture->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (detail_child (fixture, "stack"))), ==, "empty");
  /* Nothing to star, copy or compare on it (they showed, greyed out, before any entry). */
  for (guint i = 0; i < G_N_ELEMENTS (header_buttons); i++)
    g_assert_false (gtk_widget_get_visible (window_child (fixture, header_buttons[i])));

  for (guint i = 0; i < all->len; i++)
    if (teapot_entry_get_prevalence (g_ptr_array_index (all, i)) == TEAPOT_PREVALENCE_EVERYDAY)
      everyday++;
  g_assert_cmpuint (everyday, >=, 8);
  g_assert_cmpuint (teapot_test_count_children (common), ==, everyday);

  /* One tap opens a code. Its title is its tooltip, asked for when shown: setting
   * tooltip-text costs two X round trips a button before the first frame. */
  first = gtk_widget_get_first_child (common);
  g_assert_true (gtk_widget_get_has_tooltip (first));
  g_assert_null (gtk_widget_get_tooltip_text (first));
  g_signal_emit_by_name (first, "clicked");
  teapot_test_drain ();
  g_assert_nonnull (teapot_window_get_current_entry (fixture->window));
  g_assert_cmpuint (teapot_entry_get_prevalence (teapot_window_get_current_entry (fixture->window)), ==,
                    TEAPOT_PREVALENCE_EVERYDAY);
  for (guint i = 0; i < G_N_ELEMENTS (header_buttons); i++)
    g_assert_true (gtk_widget_get_visible (window_child (fixture, header_buttons[i])));
}

static void
test_other_meanings (Fixture       *fixture,
                     gconstpointer  data)
{
  TeapotStore *store = teapot_application_get_store (fixture->app);
  g_autoptr(GPtrArray) meanings = teapot_store_lookup_code (store, 499);
  GtkLabel *label = GTK_LABEL (detail_child (fixture, "other_meanings_label"));
  gboolean handled = FALSE;

  g_assert_cmpuint (meanings->len, >=, 2);
  show (fixture, "499-nginx");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  for (guint i = 0; i < meanings->len; i++)
    {
      const char *id = teapot_entry_get_id (g_ptr_array_index (meanings, i));
      g_autofree char *link = g_strdup_printf ("\"teapot-entry:%s\"", id);

      /* Every other meaning is linked, and not the one on display. */
      g_assert_true ((strstr (gtk_label_get_label (label), link) != NULL) != g_str_equal (id, "499-nginx"));
    }

  /* The link opens that meaning. */
  g_signal_emit_by_name (label, "activate-link", "teapot-entry:499-esri", &handled);
  teapot_test_drain ();
  g_assert_true (handled);
  g_assert_cmpstr (teapot_entry_get_id (teapot_window_get_current_entry (fixture->window)), ==, "499-esri");

  /* One meaning: nothing to say. */
  show (fixture, "201");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
}

static void
test_subcodes (Fixture       *fixture,
               gconstpointer  data)
{
  TeapotStore *store = teapot_application_get_store (fixture->app);
  g_autoptr(GPtrArray) subcodes = teapot_store_list_subcodes (store, 500);
  GtkWidget *group = detail_child (fixture, "subcodes_group");
  GtkListBox *list = GTK_LIST_BOX (detail_child (fixture, "subcodes_list"));

  g_assert_cmpuint (subcodes->len, >, 0);
  show (fixture, "500");
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, subcodes->len - 1));
  g_assert_null (gtk_list_box_get_row_at_index (list, subcodes->len));

  /* A sub-code's own page: its sub-code as the code, and no sub-codes of its own. */
  show (fixture, "500.19-iis");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (detail_child (fixture, "code_label"))), ==, "500.19");
  g_assert_false (gtk_widget_get_visible (group));

  show (fixture, "201");
  g_assert_false (gtk_widget_get_visible (group));
}

static void
test_teapot_name (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *phrase;

  /* The registry says "(Unused)"; everyone says "I'm a teapot": both show. */
  show (fixture, "418");
  phrase = gtk_label_get_label (GTK_LABEL (detail_child (fixture, "phrase_label")));
  g_assert_nonnull (strstr (phrase, "I'm a teapot"));
  g_assert_nonnull (strstr (phrase, "(Unused)"));

  show (fixture, "404");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (detail_child (fixture, "phrase_label"))), ==, "Not Found");
}

static GObject *
list_object (Fixture    *fixture,
             const char *name)
{
  return teapot_test_list_child (fixture->window, name);
}

static GtkWidget *
list_child (Fixture    *fixture,
            const char *name)
{
  return GTK_WIDGET (list_object (fixture, name));
}

static GtkWidget *
focus_of (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static void
type_query (Fixture    *fixture,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (list_child (fixture, "search_entry")), text);
  teapot_test_drain ();
}

static gboolean
is_at_top (gpointer data)
{
  return gtk_adjustment_get_value (data) == gtk_adjustment_get_lower (data);
}

/* Each new query is read from the top, whatever the reader scrolled to before. */
/* @widget as it is drawn now, in pixels. */
static GBytes *
render (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gsize stride = (gsize) width * 4;
  guchar *pixels;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  return g_bytes_new_take (pixels, stride * height);
}

/* A row that becomes the first of its group (413 lists former names above its headers, 429
 * none) has its rounded corners in the next frame. libadwaita animates the change for
 * 200 ms, and while it did, every frame of the typing redrew the detail page with the list.
 * The rows have no background of their own: the test gives them one, to see the corners. */
static void
test_rows_settle_at_once (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *row = detail_child (fixture, "headers_row");
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GBytes) next_frame = NULL, settled = NULL;

  gtk_css_provider_load_from_string (provider, "list.boxed-list > row { background-color: red; }");
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (row), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);
  show (fixture, "413");
  g_assert_true (gtk_widget_get_visible (detail_child (fixture, "aliases_row")));
  teapot_test_wait_ms (300);
  show (fixture, "429");
  g_assert_false (gtk_widget_get_visible (detail_child (fixture, "aliases_row")));
  teapot_test_wait_for_frame (GTK_WINDOW (fixture->window));
  next_frame = render (row);
  teapot_test_wait_ms (300);
  teapot_test_wait_for_frame (GTK_WINDOW (fixture->window));
  settled = render (row);
  gtk_style_context_remove_provider_for_display (gtk_widget_get_display (row), GTK_STYLE_PROVIDER (provider));
  g_assert_true (g_bytes_equal (next_frame, settled));
}

static void
test_new_query_from_the_top (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_child (fixture, "list_view")));

  teapot_test_drain ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  teapot_test_drain ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, gtk_adjustment_get_lower (adjustment) + 100);

  type_query (fixture, "timeout");
  /* The view scrolls on its next layout. */
  teapot_test_wait_until (is_at_top, adjustment, "the list to be at its top");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (list_object (fixture, "selection"))), ==,
                    0);
}

static gboolean
shows_first_screen (gpointer data)
{
  return teapot_window_get_current_entry (data) == NULL;
}

static gboolean
focus_in_list (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *focus = focus_of (fixture);

  return focus != NULL && (focus == list_child (fixture, "list_view")
                           || gtk_widget_is_ancestor (focus, list_child (fixture, "list_view")));
}

/* The list had the keyboard and its results went empty: the keyboard stays in the search
 * (it used to fall to the Browse button, where typing no longer searched). */
static void
test_focus_stays_in_search (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *search_entry = list_child (fixture, "search_entry");

  type_query (fixture, "429");
  teapot_entry_list_focus_results (TEAPOT_ENTRY_LIST (teapot_test_window_child (fixture->window, "entry_list")));
  teapot_test_wait_until (focus_in_list, fixture, "the list to have the focus");

  type_query (fixture, "zzzqqqxxx");
  g_assert_true (focus_of (fixture) == search_entry || gtk_widget_is_ancestor (focus_of (fixture), search_entry));
  /* No filter hides anything here: nothing to reset, and the first screen, not 429. */
  g_assert_false (gtk_widget_get_visible (list_child (fixture, "reset_button")));
  /* The window follows the list after the list's next frame. */
  teapot_test_wait_until (shows_first_screen, fixture->window, "the first screen");
}

/* The list view's items are the results; with none, the list keeps the last ones out of
 * sight (its rows are costly to build again), but nothing of them may show through: no
 * selection, nothing to select, and the next results replace them all. */
static void
test_no_match_then_match (Fixture       *fixture,
                          gconstpointer  data)
{
  TeapotEntryList *list = TEAPOT_ENTRY_LIST (teapot_test_window_child (fixture->window, "entry_list"));
  GListModel *results = teapot_entry_list_get_results (list);
  GListModel *shown = G_LIST_MODEL (list_object (fixture, "selection"));
  g_autoptr(TeapotEntry) first = NULL;

  type_query (fixture, "429");
  first = g_list_model_get_item (results, 0);
  g_assert_cmpstr (teapot_entry_get_id (first), ==, "429");
  g_assert_true (teapot_entry_list_get_selected_entry (list) == first);

  type_query (fixture, "zzzqqqxxx");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_assert_null (teapot_entry_list_get_selected_entry (list));
  g_assert_false (teapot_entry_list_select (list, first));
  g_assert_null (teapot_entry_list_get_selected_entry (list));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (list_child (fixture, "list_stack"))), ==, "empty");

  type_query (fixture, "gateway timeout");
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (results));
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(TeapotEntry) result = g_list_model_get_item (results, i);
      g_autoptr(TeapotEntry) row = g_list_model_get_item (shown, i);

      g_assert_true (row == result);
    }
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown)), ==, 0);

  /* Back to browsing: every entry, in sections by class. */
  type_query (fixture, "zzzqqqxxx");
  type_query (fixture, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (results));
  g_assert_true (teapot_entry_list_select (list, first));
}

static gboolean
shows_every_result (gpointer data)
{
  Fixture *fixture = data;
  GListModel *results = G_LIST_MODEL (list_object (fixture, "results"));

  return g_list_model_get_n_items (G_LIST_MODEL (list_object (fixture, "selection")))
         == g_list_model_get_n_items (results);
}

/* A list not on screen yet (the window's first frame) gets the rows that fill a screen and
 * the rest over the next frames; whoever wants an entry further down gets it at once. */
static void
test_first_rows_then_the_rest (Fixture       *fixture,
                               gconstpointer  data)
{
  TeapotStore *store = teapot_application_get_store (fixture->app);
  TeapotEntryList *list = g_object_ref_sink (g_object_new (TEAPOT_TYPE_ENTRY_LIST, NULL));
  GListModel *results = teapot_entry_list_get_results (list);
  GListModel *shown = G_LIST_MODEL (gtk_widget_get_template_child (GTK_WIDGET (list), TEAPOT_TYPE_ENTRY_LIST,
                                                                   "selection"));
  g_autoptr(TeapotEntry) last = NULL;
  guint n_results;

  teapot_entry_list_set_store (list, store);
  n_results = g_list_model_get_n_items (results);
  g_assert_cmpuint (n_results, >, 100);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, n_results);
  last = g_list_model_get_item (results, n_results - 1);
  g_assert_true (teapot_entry_list_select (list, last));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_results);
  g_object_unref (list);

  /* On screen, the window's list fills itself. */
  teapot_test_wait_until (shows_every_result, fixture, "the list to show every entry");
}

static gboolean
shows_error (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (data), "error") == 0;
}

/* The user's file is cut short while the window has it open: the next search says that
 * the saved data cannot be read, plainly, instead of showing a shorter list or "No
 * Matching Codes"; and the file is left as it is for the user to rescue. */
static void
test_read_error (Fixture       *fixture,
                 gconstpointer  data)
{
  TeapotStore *store = teapot_application_get_store (fixture->app);
  const char *path = teapot_store_get_user_db_path (store);
  GtkStack *list_stack = GTK_STACK (list_object (fixture, "list_stack"));
  AdwStatusPage *error_page = ADW_STATUS_PAGE (list_object (fixture, "error_page"));
  g_autofree char *contents = NULL;
  gsize length = 0;
  sqlite3 *other = NULL;
  /* The detail page has nowhere to say it cannot read a code's other meanings: it logs it. */
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  type_query (fixture, "timeout");

  /* Everything written so far moved from the write-ahead log into the file, as SQLite does
   * by itself from time to time; then the file loses all but its first page. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  g_assert_cmpint (truncate (path, 4096), ==, 0);

  /* Browsing reads the favourites (words alone may be answered from what is in memory). */
  type_query (fixture, "");
  teapot_test_wait_until (shows_error, list_stack, "the error page");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (error_page), "Cannot read your saved data: "));
  g_assert_false (gtk_widget_get_visible (list_child (fixture, "reset_button")));
  g_assert_false (gtk_widget_get_visible (list_child (fixture, "count_label")));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (error_page)));

  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, 4096);
  g_log_set_always_fatal (fatal);
}

static gboolean
find_text (GtkWidget  *widget,
           const char *text)
{
  if (ADW_IS_STATUS_PAGE (widget)
      && (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (widget)), text) != NULL))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (find_text (child, text))
      return TRUE;
  return FALSE;
}

/* A store that cannot open: the window says what failed and what to do, not an empty list. */
static void
test_store_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = g_error_new_literal (TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_FAILED,
                                                 "Cannot open your saved data: disk I/O error");
  TeapotWindow *window = teapot_window_new_for_error (GTK_APPLICATION (fixture->app), error);

  gtk_window_present (GTK_WINDOW (window));
  teapot_test_wait_until (teapot_test_is_mapped, window, "the window");
  g_assert_true (find_text (GTK_WIDGET (window), "disk I/O error"));
  g_assert_true (find_text (GTK_WIDGET (window), "Nothing you saved"));
  /* Nothing else of the window is there to use. */
  g_assert_null (gtk_widget_get_ancestor (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                      TEAPOT_TYPE_WINDOW,
                                                                                      "entry_list")),
                                          GTK_TYPE_WINDOW));
  gtk_window_destroy (GTK_WINDOW (window));
  teapot_test_drain ();
}

/* The application outlives its windows (it stays up for the Shell's search provider), and
 * its settings change from elsewhere (another window, the command line): a closed window
 * must not hear of it. Under ASan and valgrind a window still bound to its settings reads
 * freed memory here. */
static void
test_settings_after_close (void)
{
  TeapotApplication *app = teapot_test_application_new ();
  TeapotWindow *window = teapot_test_window_new (app);
  g_autoptr(GSettings) settings = g_object_ref (teapot_application_get_settings (app));
  TeapotApplication *still_running = g_object_ref (app);

  gtk_window_present (GTK_WINDOW (window));
  teapot_test_wait_until (teapot_test_is_mapped, window, "the window");
  teapot_test_window_close (window, &app);

  g_settings_set_string (settings, "class-filter", "4xx");
  g_settings_set_string (settings, "tag-filter", "nginx");
  g_settings_set_uint (settings, "new-cards-per-day", 7);
  g_settings_set_string (settings, "constant-language", "go");
  g_settings_set_string (settings, "study-deck", "class:4");
  g_settings_set_string (settings, "study-direction", "reverse");
  teapot_test_drain ();
  g_settings_reset (settings, "class-filter");
  g_settings_reset (settings, "tag-filter");
  g_settings_reset (settings, "new-cards-per-day");
  g_settings_reset (settings, "constant-language");
  g_settings_reset (settings, "study-deck");
  g_settings_reset (settings, "study-direction");
  teapot_test_drain ();
  g_object_unref (still_running);
}

int
main (int   argc,
      char *argv[])
{
  if (!teapot_test_window_init (&argc, &argv))
    return g_test_run ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/detail/first-screen", test_first_screen);
  ADD ("/detail/other-meanings", test_other_meanings);
  ADD ("/detail/subcodes", test_subcodes);
  ADD ("/detail/teapot-name", test_teapot_name);
  ADD ("/detail/store-error", test_store_error);
  ADD ("/detail/rows-settle-at-once", test_rows_settle_at_once);
  ADD ("/list/new-query-from-the-top", test_new_query_from_the_top);
  ADD ("/list/focus-stays-in-search", test_focus_stays_in_search);
  ADD ("/list/read-error", test_read_error);
  ADD ("/list/no-match-then-match", test_no_match_then_match);
  ADD ("/list/first-rows-then-the-rest", test_first_rows_then_the_rest);
#undef ADD
  g_test_add_func ("/window/settings-after-close", test_settings_after_close);

  return g_test_run ();
}
