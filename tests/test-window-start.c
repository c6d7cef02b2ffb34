/* test-window-start.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "teapot-application.h"
#include "teapot-detail-view.h"
#include "teapot-entry-list.h"
#include "teapot-ui-util.h"
#include "teapot-window.h"
#include "teapot-test-window.h"

/* The window's first frame holds the first screen and no more (issue 9): what it leaves for
 * later must still be there when asked for. The Study and Explain pages built on their
 * first visit are tested with them (test-study-ui.c, test-explain-ui.c). */

typedef TeapotTestFixture Fixture;

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static GtkWidget *
get_child (Fixture    *fixture,
           const char *name)
{
  return teapot_test_window_child (fixture->window, name);
}

static gboolean
is_popover_mapped (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The main menu and the Copy menu are built when they first open, not for the first
 * frame; opened (F10 and clicks pop them up the same way), they hold their items. */
static void
test_menus (Fixture       *fixture,
            gconstpointer  data)
{
  GtkMenuButton *primary = GTK_MENU_BUTTON (get_child (fixture, "primary_menu_button"));
  GtkMenuButton *copy = GTK_MENU_BUTTON (get_child (fixture, "copy_button"));
  g_autoptr(GMenuModel) items = NULL;

  g_assert_null (gtk_menu_button_get_popover (primary));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (primary)));
  gtk_menu_button_popup (primary);
  teapot_test_wait_until (is_popover_mapped, primary, "the main menu to open");
  items = g_menu_model_get_item_link (gtk_menu_button_get_menu_model (primary), 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (items), ==, 3);
  gtk_menu_button_popdown (primary);

  teapot_window_show_entry (fixture->window, "404");
  teapot_test_drain ();
  g_assert_null (gtk_menu_button_get_popover (copy));
  gtk_menu_button_popup (copy);
  teapot_test_wait_until (is_popover_mapped, copy, "the Copy menu to open");
  g_clear_object (&items);
  items = g_menu_model_get_item_link (gtk_menu_button_get_menu_model (copy), 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (items), ==, 4);
  gtk_menu_button_popdown (copy);
}

/* What the list showed in a window's first frame. */
typedef struct
{
  GtkWidget *list_view;
  GListModel *shown;
  guint n_shown;
  double content_height;
  double viewport_height;
  gboolean painted;
} FirstFrame;

static void
on_first_frame_painted (GdkFrameClock *clock,
                        FirstFrame    *frame)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted, frame);
  frame->n_shown = g_list_model_get_n_items (frame->shown);
  /* The rows' extent (the list view's adjustment is at least its page, rows or not). */
  for (GtkWidget *row = gtk_widget_get_first_child (frame->list_view); row; row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if (gtk_widget_get_mapped (row) && gtk_widget_compute_bounds (row, frame->list_view, &bounds))
        frame->content_height = MAX (frame->content_height, bounds.origin.y + bounds.size.height);
    }
  frame->viewport_height = gtk_widget_get_height (frame->list_view);
  frame->painted = TRUE;
}

static void
on_first_frame_realize (GtkWidget  *window,
                        FirstFrame *frame)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_frame_painted), frame);
}

/* The first frame builds only the rows that fill the window's list (from the height the
 * window restores), not all 163; yet it is the whole first screen: a tall window's list is
 * full, not topped up a frame later. */
/* A tooltip asked for when shown (teapot_ui_set_tooltip): the widget has one, it answers
 * GTK's query, and no tooltip-text was set, which would have cost the first frame two X
 * round trips. Returns the text it gives. */
static const char *
asked_tooltip (GtkWidget *widget)
{
  g_autoptr(GObject) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_assert_true (gtk_widget_get_has_tooltip (widget));
  g_assert_null (gtk_widget_get_tooltip_text (widget));
  g_signal_emit_by_name (widget, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_true (shown);
  return teapot_ui_get_tooltip (widget);
}

static void
test_tooltips (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *star = get_child (fixture, "star_button");
  GtkWidget *list = get_child (fixture, "entry_list");

  g_assert_cmpstr (asked_tooltip (get_child (fixture, "favourites_toggle")), ==, "Show Favourites Only (Ctrl+2)");
  g_assert_cmpstr (asked_tooltip (get_child (fixture, "primary_menu_button")), ==, "Main Menu");
  g_assert_cmpstr (asked_tooltip (get_child (fixture, "compare_button")), ==, "Compare With…");
  g_assert_cmpstr (asked_tooltip (get_child (fixture, "copy_button")), ==, "Copy");
  g_assert_cmpstr (asked_tooltip (GTK_WIDGET (gtk_widget_get_template_child (list, TEAPOT_TYPE_ENTRY_LIST,
                                                                             "tag_dropdown"))),
                   ==, "Source: registered codes or a vendor");
  /* The star's follows its state. */
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (star)));
  g_assert_cmpstr (asked_tooltip (star), ==, "Add to Favourites (Ctrl+D)");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (star), TRUE);
  g_assert_cmpstr (asked_tooltip (star), ==, "Remove from Favourites (Ctrl+D)");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (star), FALSE);
  g_assert_cmpstr (asked_tooltip (star), ==, "Add to Favourites (Ctrl+D)");
}

static gboolean
is_entry_shown (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (data), "entry") == 0;
}

/* The detail pane's entry page stays hidden (no style, icons or size) until the first
 * entry is shown, and then shows it. */
static void
test_entry_page (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *detail = get_child (fixture, "detail");
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (detail, TEAPOT_TYPE_DETAIL_VIEW, "stack"));
  GtkWidget *page = GTK_WIDGET (gtk_widget_get_template_child (detail, TEAPOT_TYPE_DETAIL_VIEW, "scrolled_window"));
  GtkLabel *code = GTK_LABEL (gtk_widget_get_template_child (detail, TEAPOT_TYPE_DETAIL_VIEW, "code_label"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_false (gtk_widget_get_visible (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-entry", "s", "404"));
  teapot_test_wait_until (is_entry_shown, stack, "the entry page");
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (gtk_label_get_label (code), ==, "404");
}

static void
test_first_frame_rows (Fixture       *fixture,
                       gconstpointer  data)
{
  GSettings *settings = teapot_application_get_settings (fixture->app);
  FirstFrame frame = { 0 };
  TeapotWindow *window;
  GtkWidget *list;
  guint n_results;

  g_settings_set_int (settings, "window-height", 1000);
  window = teapot_window_new (GTK_APPLICATION (fixture->app), teapot_application_get_store (fixture->app), settings);
  list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), TEAPOT_TYPE_WINDOW, "entry_list"));
  frame.list_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (list), TEAPOT_TYPE_ENTRY_LIST, "list_view"));
  frame.shown = G_LIST_MODEL (gtk_widget_get_template_child (GTK_WIDGET (list), TEAPOT_TYPE_ENTRY_LIST, "shown"));
  n_results = g_list_model_get_n_items (teapot_entry_list_get_results (TEAPOT_ENTRY_LIST (list)));
  g_signal_connect (window, "realize", G_CALLBACK (on_first_frame_realize), &frame);
  gtk_window_present (GTK_WINDOW (window));
  teapot_test_wait_until (is_true, &frame.painted, "the first frame");

  g_assert_cmpuint (n_results, >, 100);
  g_assert_cmpuint (frame.n_shown, <, n_results / 2);
  g_assert_cmpfloat (frame.viewport_height, >, 600);
  g_assert_cmpfloat (frame.content_height, >=, frame.viewport_height);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A closed window takes its pages with it: the switchers inside the stack they switch held
 * it (AdwViewSwitcher keeps a reference), so the stack, the Study page and its bindings to
 * the application's settings outlived the window, and a setting changed later reached a
 * page whose store was gone (test-detail-ui's /window/settings-after-close failed so).
 * With @narrowed, the window has been narrow once and back first, with the focus in its
 * content: each breakpoint change then left a reference on the toast overlay, which kept the
 * whole content tree (see teapot_window_dispose()). */
static void
test_closed_window_frees_pages (gconstpointer narrowed)
{
  TeapotApplication *app = teapot_test_application_new ();
  TeapotWindow *window = teapot_test_window_new (app);
  GObject *stack = gtk_widget_get_template_child (GTK_WIDGET (window), TEAPOT_TYPE_WINDOW, "main_stack");
  GObject *study = NULL, *explain = NULL;

  /* Both lazily built pages, by a visit each. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "study"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "explain"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "browse"));
  teapot_test_drain ();
  study = G_OBJECT (adw_bin_get_child (ADW_BIN (gtk_widget_get_template_child (GTK_WIDGET (window), TEAPOT_TYPE_WINDOW,
                                                                             "study_page"))));
  explain = G_OBJECT (adw_bin_get_child (ADW_BIN (gtk_widget_get_template_child (GTK_WIDGET (window), TEAPOT_TYPE_WINDOW,
                                                                               "explain_page"))));
  g_assert_nonnull (study);
  g_assert_nonnull (explain);
  if (GPOINTER_TO_INT (narrowed))
    {
      GObject *split_view = gtk_widget_get_template_child (GTK_WIDGET (window), TEAPOT_TYPE_WINDOW, "split_view");
      GObject *list = gtk_widget_get_template_child (GTK_WIDGET (window), TEAPOT_TYPE_WINDOW, "entry_list");

      /* The leak needs the focus in the content, as it is when a window opens. */
      g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (teapot_entry_list_get_search_entry (TEAPOT_ENTRY_LIST (list)))));
      gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
      teapot_test_wait_until (teapot_test_is_collapsed, split_view, "the split view to collapse");
      gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
      teapot_test_wait_until (teapot_test_is_expanded, split_view, "the split view to expand");
      teapot_test_drain ();
    }
  g_object_add_weak_pointer (stack, (gpointer *) &stack);
  g_object_add_weak_pointer (study, (gpointer *) &study);
  g_object_add_weak_pointer (explain, (gpointer *) &explain);

  teapot_test_window_close (window, &app);
  g_assert_null (stack);
  g_assert_null (study);
  g_assert_null (explain);
}

/* GTK's own theme is not parsed for nothing at start: the settings are made with the empty
 * theme libadwaita ships. The GTK_THEME that names it for that moment must be gone again,
 * or libadwaita leaves the styling to GTK (an accent label would look like any other) and
 * every program Teapot starts would inherit it. */
static void
test_theme (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *theme = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *plain = gtk_label_new ("404");
  GtkWidget *accent = gtk_label_new ("404");
  GtkWidget *window = gtk_window_new ();
  GdkRGBA plain_color, accent_color;

  g_assert_null (g_getenv ("GTK_THEME"));
  g_object_get (gtk_settings_get_default (), "gtk-theme-name", &theme, NULL);
  g_assert_cmpstr (theme, ==, "Adwaita-empty");

  gtk_widget_add_css_class (accent, "accent");
  gtk_box_append (GTK_BOX (box), plain);
  gtk_box_append (GTK_BOX (box), accent);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_widget_get_color (plain, &plain_color);
  gtk_widget_get_color (accent, &accent_color);
  g_assert_false (gdk_rgba_equal (&plain_color, &accent_color));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A theme the user names with GTK_THEME is kept, and stays in the environment. */
static void
test_user_theme (void)
{
  g_auto(GStrv) envp = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(TeapotApplication) app = teapot_test_application_new ();

      g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "Default");
      return;
    }
  envp = g_environ_setenv (g_get_environ (), "GTK_THEME", "Default", TRUE);
  g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  if (!teapot_test_window_init (&argc, &argv))
    return g_test_run ();

  TEAPOT_TEST_ADD ("/window-start/first-frame-rows", test_first_frame_rows);
  TEAPOT_TEST_ADD ("/window-start/menus", test_menus);
  TEAPOT_TEST_ADD ("/window-start/entry-page", test_entry_page);
  TEAPOT_TEST_ADD ("/window-start/tooltips", test_tooltips);
  TEAPOT_TEST_ADD ("/window-start/theme", test_theme);
  g_test_add_func ("/window-start/user-theme", test_user_theme);
  g_test_add_data_func ("/window-start/closed-window-frees-pages", GINT_TO_POINTER (FALSE),
                        test_closed_window_frees_pages);
  g_test_add_data_func ("/window-start/narrowed-window-frees-pages", GINT_TO_POINTER (TRUE),
                        test_closed_window_frees_pages);

  return g_test_run ();
}
