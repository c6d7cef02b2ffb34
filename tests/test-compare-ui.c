/* test-compare-ui.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "teapot-compare-banner.h"
#include "teapot-compare-dialog.h"
#include "teapot-entry-list.h"
#include "teapot-test-window.h"

/* The comparison view under Xvfb: opened from search and from a detail page, a table when
 * wide and one card per code when narrow. With TEAPOT_SCREENSHOT_DIR set, each test also
 * saves what the window shows there (compare-*.png), to look at. */

typedef TeapotTestFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  teapot_test_fixture_set_up (fixture, data);
  /* GtkText warns ("unexpected blinking selection") when a test replaces the text of a focused
   * entry between two blinks; people type, they do not replace text at once. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  teapot_test_fixture_tear_down (fixture, data);
}

static void
save_screenshot (Fixture    *fixture,
                 const char *name)
{
  const char *dir = g_getenv ("TEAPOT_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  /* Let the dialog's opening animation finish: the picture is for people to look at. */
  for (guint i = 0; i < 40; i++)
    {
      teapot_test_drain ();
      g_usleep (20000);
    }
  width = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  height = gtk_widget_get_height (GTK_WIDGET (fixture->window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (fixture->window));
  /* The paintable is empty until the window has drawn its first frame. */
  for (guint tries = 0; node == NULL && tries < 50; tries++)
    {
      teapot_test_drain ();
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        g_usleep (20000);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (fixture->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/compare-%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static TeapotCompareDialog *
visible_dialog (Fixture *fixture)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window));

  g_assert_true (TEAPOT_IS_COMPARE_DIALOG (dialog));
  return TEAPOT_COMPARE_DIALOG (dialog);
}

static TeapotCompareDialog *
open_comparison (Fixture    *fixture,
                 const char *query)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.compare", "s", query));
  teapot_test_drain ();
  return visible_dialog (fixture);
}

static char *
entry_ids (TeapotCompareDialog *dialog)
{
  GPtrArray *entries = teapot_compare_dialog_get_entries (dialog);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", teapot_entry_get_id (g_ptr_array_index (entries, i)));
  return g_string_free (ids, FALSE);
}

/* The first label under @widget that shows exactly @text (a label or a row's subtitle). */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  return find_label (widget, text) != NULL;
}

static GtkWidget *
view_child (TeapotCompareDialog *dialog,
            const char          *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (teapot_compare_dialog_get_view (dialog)),
                                                    TEAPOT_TYPE_COMPARE_VIEW, name));
}

static gboolean
shows_cards (gpointer data)
{
  return g_strcmp0 (teapot_compare_view_get_layout (teapot_compare_dialog_get_view (data)), "cards") == 0;
}

static gboolean
shows_table (gpointer data)
{
  return g_strcmp0 (teapot_compare_view_get_layout (teapot_compare_dialog_get_view (data)), "table") == 0;
}

static gboolean
is_narrow (gpointer data)
{
  return gtk_widget_get_width (data) <= 360;
}

/* Wide: a table, a column per code, where the values that differ stand out. */
static void
test_wide (Fixture       *fixture,
           gconstpointer  data)
{
  TeapotCompareDialog *dialog = open_comparison (fixture, "301 vs 308");
  g_autofree char *ids = entry_ids (dialog);
  GtkEditable *codes = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog), TEAPOT_TYPE_COMPARE_DIALOG,
                                                                    "codes_entry"));

  g_assert_cmpstr (ids, ==, "301 308");
  teapot_test_wait_until (shows_table, dialog, "the table");
  /* 301 may change the method, 308 keeps it (RFC 9110 15.4.2, 15.4.9). */
  g_assert_true (shows_text (view_child (dialog, "grid"), "May change to GET"));
  g_assert_true (shows_text (view_child (dialog, "grid"), "Kept"));
  g_assert_true (shows_text (view_child (dialog, "grid"), "Moved Permanently"));
  /* The method differs and stands out; both are permanent, so "Yes" does not. */
  g_assert_true (gtk_widget_has_css_class (find_label (view_child (dialog, "grid"), "Kept"), "heading"));
  g_assert_false (gtk_widget_has_css_class (find_label (view_child (dialog, "grid"), "Yes"), "heading"));
  save_screenshot (fixture, "wide");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (fixture, "dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Editing the codes updates the comparison; a word that is no code says so and keeps it. */
  gtk_editable_set_text (codes, "502/503/504");
  g_clear_pointer (&ids, g_free);
  ids = entry_ids (dialog);
  g_assert_cmpstr (ids, ==, "502 503 504");
  g_assert_cmpuint (teapot_test_count_children (view_child (dialog, "cards")), ==, 3);
  gtk_editable_set_text (codes, "502/503/teapots");
  g_clear_pointer (&ids, g_free);
  ids = entry_ids (dialog);
  g_assert_cmpstr (ids, ==, "502 503 504");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                                    TEAPOT_TYPE_COMPARE_DIALOG,
                                                                                    "message"))));
}

/* Narrow: a card per code, the same facts. The window is narrowed before the dialog opens:
 * resizing it across its breakpoint while a dialog is shown, or after one was closed, trips
 * libadwaita 1.7.6 under Xvfb now and then (a warning about snapshotting an unallocated
 * AdwBin, an assertion in adw_breakpoint_transition(), a crash), the Preferences dialog too. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  TeapotCompareDialog *dialog;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  teapot_test_wait_until (is_narrow, fixture->window, "the window to narrow");
  dialog = open_comparison (fixture, "301 vs 308");
  teapot_test_wait_until (shows_cards, dialog, "cards at 360 px");
  g_assert_cmpuint (teapot_test_count_children (view_child (dialog, "cards")), ==, 2);
  g_assert_true (shows_text (view_child (dialog, "cards"), "Kept"));
  g_assert_true (shows_text (view_child (dialog, "cards"), "301 Moved Permanently"));
  save_screenshot (fixture, "narrow");
}


static gboolean
banner_revealed (gpointer data)
{
  return teapot_compare_banner_get_revealed (data);
}

static gboolean
banner_hidden (gpointer data)
{
  return !teapot_compare_banner_get_revealed (data);
}

/* Typing "401 or 403" in the search offers the comparison; its button opens it. */
static void
test_from_search (Fixture       *fixture,
                  gconstpointer  data)
{
  TeapotEntryList *list = TEAPOT_ENTRY_LIST (teapot_test_window_child (fixture->window, "entry_list"));
  TeapotCompareBanner *banner = TEAPOT_COMPARE_BANNER (teapot_test_window_child (fixture->window, "compare_banner"));
  GtkEditable *search = GTK_EDITABLE (teapot_entry_list_get_search_entry (list));
  AdwBanner *adw_banner = ADW_BANNER (adw_bin_get_child (ADW_BIN (banner)));
  g_autofree char *ids = NULL;

  g_assert_false (teapot_compare_banner_get_revealed (banner));
  gtk_editable_set_text (search, "401 or 403");
  teapot_test_wait_until (banner_revealed, banner, "the comparison banner");
  g_assert_nonnull (strstr (adw_banner_get_title (adw_banner), "401, 403"));
  save_screenshot (fixture, "search");

  g_signal_emit_by_name (adw_banner, "button-clicked");
  teapot_test_drain ();
  ids = entry_ids (visible_dialog (fixture));
  g_assert_cmpstr (ids, ==, "401 403");
  adw_dialog_force_close (ADW_DIALOG (visible_dialog (fixture)));

  /* A search that is not a comparison, and one that names an unknown code, offer nothing. */
  gtk_editable_set_text (search, "503 service unavailable");
  teapot_test_wait_until (banner_hidden, banner, "the banner to go");
  gtk_editable_set_text (search, "301 vs 123");
  teapot_test_drain ();
  g_assert_false (teapot_compare_banner_get_revealed (banner));
}

/* A detail page offers the ready-made comparisons that hold its code, and the others. */
static void
test_from_detail (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (teapot_test_window_child (fixture->window, "compare_button"));
  GMenuModel *menu, *sets, *other;
  g_autoptr(GVariant) target = NULL;
  TeapotCompareDialog *dialog;
  g_autofree char *ids = NULL;

  teapot_window_show_entry (fixture->window, "412");
  teapot_test_drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  sets = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  other = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
  /* 412 is in "Rejected Requests" (400/409/412/422) and "Conditional Requests" (304/412). */
  g_assert_cmpint (g_menu_model_get_n_items (sets), ==, 2);
  target = g_menu_model_get_item_attribute_value (sets, 1, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "conditional");
  g_assert_cmpint (g_menu_model_get_n_items (other), ==, 1);
  g_object_unref (sets);
  g_object_unref (other);

  dialog = open_comparison (fixture, "conditional");
  ids = entry_ids (dialog);
  g_assert_cmpstr (ids, ==, "304 412");
  adw_dialog_force_close (ADW_DIALOG (dialog));
  teapot_test_drain ();

  /* "Other Codes…": the code alone, waiting for the next one. */
  dialog = open_comparison (fixture, "412");
  g_assert_cmpuint (teapot_compare_dialog_get_entries (dialog)->len, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                                       TEAPOT_TYPE_COMPARE_DIALOG,
                                                                                       "codes_entry"))), ==, "412, ");
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog), TEAPOT_TYPE_COMPARE_DIALOG,
                                                                      "codes_entry")), "412, 409");
  g_clear_pointer (&ids, g_free);
  ids = entry_ids (dialog);
  g_assert_cmpstr (ids, ==, "412 409");

  adw_dialog_force_close (ADW_DIALOG (dialog));
}

/* A narrow detail page keeps the button, and a code with no ready-made comparison still
 * offers "Other Codes…". The window warns (fatally here) about a page wider than itself. */
static void
test_detail_narrow (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (teapot_test_window_child (fixture->window, "compare_button"));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  teapot_test_wait_until (is_narrow, fixture->window, "the window to narrow");
  teapot_window_show_entry (fixture->window, "418");
  teapot_test_drain ();
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (button)), ==, 1);
  teapot_test_wait_until (teapot_test_is_mapped, button, "the Compare button on the narrow detail page");
  save_screenshot (fixture, "detail-narrow");
}

int
main (int   argc,
      char *argv[])
{
  if (!teapot_test_window_init (&argc, &argv))
    return g_test_run ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/compare-ui/wide", test_wide);
  ADD ("/compare-ui/narrow", test_narrow);
  ADD ("/compare-ui/from-search", test_from_search);
  ADD ("/compare-ui/from-detail", test_from_detail);
  ADD ("/compare-ui/detail-narrow", test_detail_narrow);
#undef ADD

  return g_test_run ();
}
