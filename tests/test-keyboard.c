/* test-keyboard.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "teapot-entry-list.h"
#include "teapot-entry-row.h"
#include "teapot-test-window.h"

/* The keyboard paths a new user tripped over (issue 9), with real key events from the X
 * server (xdotool), not calls that stand in for them: Tab leaves the list in one stop,
 * Enter opens a row and leaves the keyboard on it, and a search that empties the list
 * keeps the keyboard in the search; and typing with the pointer on the detail page. The
 * keyboard and the pointer are the X server's: these tests run alone (is_parallel: false),
 * so that no other test's window takes them. */

typedef TeapotTestFixture Fixture;

static GObject *
list_object (Fixture    *fixture,
             const char *name)
{
  return teapot_test_list_child (fixture->window, name);
}

static GtkWidget *
focus_of (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static gboolean
focus_within (Fixture    *fixture,
              GtkWidget  *widget)
{
  GtkWidget *focus = focus_of (fixture);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The list's row the keyboard is on, or NULL: rows are the list view's children. */
static GtkWidget *
focused_row (Fixture *fixture)
{
  GtkWidget *list_view = GTK_WIDGET (list_object (fixture, "list_view"));

  for (GtkWidget *widget = focus_of (fixture); widget != NULL; widget = gtk_widget_get_parent (widget))
    if (gtk_widget_get_parent (widget) == list_view)
      return widget;
  return NULL;
}

static gboolean
has_row_focus (gpointer data)
{
  return focused_row (data) != NULL;
}

static guint
selected (Fixture *fixture)
{
  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (list_object (fixture, "selection")));
}

/* The topmost row on screen: the list view's children are its rows and section headers, and a
 * row's child is the TeapotEntryRow. */
static TeapotEntryRow *
first_row_on_screen (Fixture *fixture)
{
  GtkWidget *list_view = GTK_WIDGET (list_object (fixture, "list_view"));
  GtkWidget *first = NULL;
  graphene_rect_t bounds, first_bounds;

  for (GtkWidget *child = gtk_widget_get_first_child (list_view); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (TEAPOT_IS_ENTRY_ROW (row) && gtk_widget_get_mapped (row) && gtk_widget_compute_bounds (row, list_view, &bounds)
          && bounds.origin.y >= 0 && (first == NULL || bounds.origin.y < first_bounds.origin.y))
        {
          first = row;
          first_bounds = bounds;
        }
    }
  return TEAPOT_ENTRY_ROW (first);
}

static gboolean
has_results (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (G_LIST_MODEL (list_object (fixture, "results"))) >= 3;
}

typedef struct
{
  Fixture *fixture;
  const char *text;
} Expected;

static gboolean
search_reads (gpointer data)
{
  Expected *expected = data;

  /* The entry holds the text at once, the model only after the search entry's delay:
   * until then the list still shows an earlier query's results. */
  return g_str_equal (gtk_editable_get_text (GTK_EDITABLE (list_object (expected->fixture, "search_entry"))),
                      expected->text)
         && g_strcmp0 (teapot_search_model_get_query (TEAPOT_SEARCH_MODEL (list_object (expected->fixture, "results"))), expected->text) == 0;
}

/* Waits until the search reads @text and the list shows its results (the keys may still
 * be on their way). */
static void
wait_for_search_text (Fixture    *fixture,
                      const char *text)
{
  Expected expected = { fixture, text };

  teapot_test_wait_until (search_reads, &expected, "the typed text");
}

/* Types @text (letters) into the search as a person would, and waits for the list. */
static void
search_for (Fixture    *fixture,
            const char *text)
{
  GtkWidget *search_entry = GTK_WIDGET (list_object (fixture, "search_entry"));
  g_autoptr(GString) keys = g_string_new (NULL);

  gtk_widget_grab_focus (search_entry);
#ifdef __SANITIZE_ADDRESS__
  /* Several times slower under ASan, the window lets keys typed at a person's pace go by
   * while it is busy: one key at a time there. */
  for (const char *c = text; *c != '\0'; c++)
    {
      g_autofree char *typed = g_strndup (text, c - text + 1);

      g_string_printf (keys, "%c", *c);
      teapot_test_press_keys (GTK_WINDOW (fixture->window), keys->str);
      wait_for_search_text (fixture, typed);
    }
#else
  for (const char *c = text; *c != '\0'; c++)
    g_string_append_printf (keys, "%s%c", keys->len > 0 ? " " : "", *c);
  teapot_test_press_keys (GTK_WINDOW (fixture->window), keys->str);
#endif
  wait_for_search_text (fixture, text);
  teapot_test_wait_until (has_results, fixture, "results");
}

/* Down from the search: the keyboard on the first row. */
static void
enter_list (Fixture *fixture)
{
  teapot_test_press_keys (GTK_WINDOW (fixture->window), "Down");
  teapot_test_wait_until (has_row_focus, fixture, "the keyboard on a row");
}

static gboolean
skip_without_keys (void)
{
  if (teapot_test_can_press_keys ())
    return FALSE;
  g_test_skip ("needs xdotool and an X display");
  return TRUE;
}

/* Tab is one stop for the whole list: from a row it leaves the list (a row's own buttons
 * may come first), it never walks on to the next row; the arrows move between rows. */
static void
test_tab_leaves_list (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *list_view;
  GtkWidget *row;
  guint first;

  if (skip_without_keys ())
    return;
  list_view = GTK_WIDGET (list_object (fixture, "list_view"));

  search_for (fixture, "timeout");
  enter_list (fixture);
  first = selected (fixture);

  teapot_test_press_keys (GTK_WINDOW (fixture->window), "Down");
  g_assert_cmpuint (selected (fixture), ==, first + 1);
  row = focused_row (fixture);
  g_assert_nonnull (row);

  for (guint i = 0; i < 3 && focus_within (fixture, list_view); i++)
    {
      teapot_test_press_keys (GTK_WINDOW (fixture->window), "Tab");
      g_assert_true (focused_row (fixture) == NULL || focused_row (fixture) == row);
    }
  g_assert_false (focus_within (fixture, list_view));
  g_assert_nonnull (focus_of (fixture));
  /* Walking the list was not what Tab did. */
  g_assert_cmpuint (selected (fixture), ==, first + 1);
}

/* Enter opens the row and leaves the keyboard on it: Space then cannot star the entry
 * through a button the keyboard was moved to. */
static void
test_enter_opens_row (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *star_button = GTK_WIDGET (teapot_test_window_child (fixture->window, "star_button"));
  g_autoptr(TeapotEntry) chosen = NULL;
  TeapotEntry *shown;

  if (skip_without_keys ())
    return;

  search_for (fixture, "timeout");
  enter_list (fixture);
  teapot_test_press_keys (GTK_WINDOW (fixture->window), "Down");
  chosen = g_list_model_get_item (G_LIST_MODEL (list_object (fixture, "selection")), selected (fixture));
  g_assert_false (teapot_entry_get_favourite (chosen));

  teapot_test_press_keys (GTK_WINDOW (fixture->window), "Return");
  teapot_test_drain ();
  shown = teapot_window_get_current_entry (fixture->window);
  g_assert_true (shown == chosen);
  g_assert_nonnull (focused_row (fixture));
  g_assert_false (focus_within (fixture, star_button));

  teapot_test_press_keys (GTK_WINDOW (fixture->window), "space");
  g_assert_false (teapot_entry_get_favourite (chosen));
  g_assert_true (teapot_window_get_current_entry (fixture->window) == chosen);
}

static gboolean
shows_content (gpointer data)
{
  return adw_navigation_split_view_get_show_content (data);
}

/* Narrow, Enter opens the row on a page of its own, and the keyboard goes with it: not to
 * the star in that page's header, where Space would star the code. */
static void
test_enter_opens_row_narrow (Fixture       *fixture,
                             gconstpointer  data)
{
  AdwNavigationSplitView *split = ADW_NAVIGATION_SPLIT_VIEW (teapot_test_window_child (fixture->window, "split_view"));
  GtkWidget *star_button = GTK_WIDGET (teapot_test_window_child (fixture->window, "star_button"));
  g_autoptr(TeapotEntry) chosen = NULL;

  if (skip_without_keys ())
    return;

  search_for (fixture, "timeout");
  enter_list (fixture);
  chosen = g_list_model_get_item (G_LIST_MODEL (list_object (fixture, "selection")), selected (fixture));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  teapot_test_wait_until (teapot_test_is_collapsed, split, "the narrow layout");
  g_assert_nonnull (focused_row (fixture));

  teapot_test_press_keys (GTK_WINDOW (fixture->window), "Return");
  teapot_test_wait_until (shows_content, split, "the detail page");
  g_assert_true (teapot_window_get_current_entry (fixture->window) == chosen);
  g_assert_false (focus_within (fixture, star_button));

  teapot_test_press_keys (GTK_WINDOW (fixture->window), "space");
  g_assert_false (teapot_entry_get_favourite (chosen));
}

static gboolean
has_row_on_screen (gpointer data)
{
  return first_row_on_screen (data) != NULL;
}

static gboolean
shows_list (gpointer data)
{
  return !adw_navigation_split_view_get_show_content (data);
}

/* Narrow, a click on a row opens it, and Back and a click on another row open that one: with
 * the real pointer, whose press and release land on a row the page change then hides (GTK
 * warned "Broken accounting of active state" for the window there; warnings are fatal here). */
static void
test_click_opens_row_narrow (Fixture       *fixture,
                             gconstpointer  data)
{
  AdwNavigationSplitView *split = ADW_NAVIGATION_SPLIT_VIEW (teapot_test_window_child (fixture->window, "split_view"));
  TeapotEntryRow *row;
  TeapotEntry *entry;

  if (skip_without_keys ())
    return;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  teapot_test_wait_until (teapot_test_is_collapsed, split, "the narrow layout");
  for (guint i = 0; i < 2; i++)
    {
      /* The second time, a query first: another row is on top. */
      if (i == 1)
        search_for (fixture, "gateway");
      teapot_test_wait_until (has_row_on_screen, fixture, "a row on screen");
      row = first_row_on_screen (fixture);
      entry = teapot_entry_row_get_entry (row);
      teapot_test_click (GTK_WINDOW (fixture->window), GTK_WIDGET (row));
      teapot_test_wait_until (shows_content, split, "the detail page");
      g_assert_true (teapot_window_get_current_entry (fixture->window) == entry);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
      teapot_test_wait_until (shows_list, split, "the list again");
    }
}

static gboolean
has_no_results (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (G_LIST_MODEL (list_object (fixture, "results"))) == 0;
}

/* Typing on a row searches; when that empties the list the keyboard stays in the search,
 * and the next keys still reach it (they used to land on the Browse button). */
static void
test_typing_after_results_empty (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *search_entry;

  if (skip_without_keys ())
    return;
  search_entry = GTK_WIDGET (list_object (fixture, "search_entry"));

  search_for (fixture, "timeout");
  enter_list (fixture);

  teapot_test_press_keys (GTK_WINDOW (fixture->window), "z q x");
  wait_for_search_text (fixture, "timeoutzqx");
  teapot_test_wait_until (has_no_results, fixture, "no results");
  g_assert_true (focus_within (fixture, search_entry));

  teapot_test_press_keys (GTK_WINDOW (fixture->window), "k BackSpace BackSpace BackSpace BackSpace");
  wait_for_search_text (fixture, "timeout");
  g_assert_true (focus_within (fixture, search_entry));
  teapot_test_wait_until (has_results, fixture, "the results back");
}

static gboolean
shows_429 (gpointer data)
{
  TeapotEntry *entry = teapot_window_get_current_entry (data);

  return entry != NULL && g_str_equal (teapot_entry_get_id (entry), "429");
}

static gboolean
has_typed_rate_limit (gpointer data)
{
  return g_str_equal (gtk_editable_get_text (data), "rate limit");
}

static gboolean
is_transparent (gpointer data)
{
  return gtk_widget_get_opacity (data) == 0.0;
}

static gboolean
is_showing (gpointer data)
{
  return gtk_widget_get_opacity (data) > 0.0;
}

/* With the pointer resting on the detail page, typing leaves the page's overlay scrollbar
 * hidden: GTK's motion event after each frame that changed the list is at the same place,
 * and showing the scrollbar for it made those frames paint the whole window. Moving the
 * pointer still shows it. */
static void
test_scrollbar_stays_hidden (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *scrolled = teapot_test_detail_child (fixture->window, "scrolled_window");
  GtkEditable *search = GTK_EDITABLE (list_object (fixture, "search_entry"));
  GtkWidget *scrollbar = gtk_scrolled_window_get_vscrollbar (GTK_SCROLLED_WINDOW (scrolled));
  GtkWindow *window = GTK_WINDOW (fixture->window);

  if (skip_without_keys ())
    return;
  /* "rate" shows 429, and typing " limit" changes the list four times but keeps 429 on the
   * page. */
  gtk_editable_set_text (search, "rate");
  teapot_test_wait_until (shows_429, fixture->window, "429 on the detail page");
  gtk_widget_grab_focus (GTK_WIDGET (search));
  gtk_editable_set_position (search, -1);

  teapot_test_point_at (window, scrolled, 0);
  teapot_test_wait_until (is_showing, scrollbar, "the scrollbar to show for the pointer");
  teapot_test_wait_until (is_transparent, scrollbar, "the scrollbar to fade out");
  teapot_test_press_keys (window, "space l i m i t");
  teapot_test_wait_until (has_typed_rate_limit, search, "the keys in the search");
  /* Long enough for a scrollbar that started to fade in to show. */
  teapot_test_wait_ms (300);
  teapot_test_wait_for_frame (window);
  g_assert_true (shows_429 (fixture->window));
  g_assert_cmpfloat (gtk_widget_get_opacity (scrollbar), ==, 0.0);

  teapot_test_point_at (window, scrolled, 20);
  teapot_test_wait_until (is_showing, scrollbar, "the scrollbar to show when the pointer moves");
}

int
main (int   argc,
      char *argv[])
{
  if (!teapot_test_window_init (&argc, &argv))
    return g_test_run ();

  TEAPOT_TEST_ADD ("/keyboard/tab-leaves-list", test_tab_leaves_list);
  TEAPOT_TEST_ADD ("/keyboard/enter-opens-row", test_enter_opens_row);
  TEAPOT_TEST_ADD ("/keyboard/enter-opens-row-narrow", test_enter_opens_row_narrow);
  TEAPOT_TEST_ADD ("/keyboard/typing-after-results-empty", test_typing_after_results_empty);
  TEAPOT_TEST_ADD ("/keyboard/click-opens-row-narrow", test_click_opens_row_narrow);
  TEAPOT_TEST_ADD ("/keyboard/scrollbar-stays-hidden", test_scrollbar_stays_hidden);

  return g_test_run ();
}
