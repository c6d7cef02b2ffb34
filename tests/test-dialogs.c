/* test-dialogs.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's dialogs: what each shows, and each closing while the window is resized.
 *
 * A dialog that is still animating closed when the window narrows past a breakpoint.
 * libadwaita 1.7 then hides the closing sheet from inside the dialog's AdwBreakpointBin
 * size_allocate, the sheet skips the rest of its animation, the host drops the dialog, and
 * the bin carries on with its freed breakpoints: SIGBUS or SIGSEGV in
 * adw_breakpoint_transition() (under meson test, whose MALLOC_PERTURB_ fills freed memory,
 * in about nine runs of ten without teapot_ui_present_dialog()'s reference). Every dialog
 * the window opens goes through that function: each is opened by its action, closed, and the
 * window narrowed and widened at once; then the dialog must be gone, and the window work. */

#include "config.h"

#include <adwaita.h>

#include "teapot-application.h"
#include "teapot-names.h"
#include "teapot-preferences-dialog.h"
#include "teapot-shortcuts-dialog.h"
#include "teapot-test-window.h"

static AdwNavigationSplitView *
split_view (TeapotTestFixture *fixture)
{
  return ADW_NAVIGATION_SPLIT_VIEW (teapot_test_window_child (fixture->window, "split_view"));
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
resize_while_closing (TeapotTestFixture *fixture,
                      const char        *action,
                      GVariant          *parameter)
{
  AdwApplicationWindow *window = ADW_APPLICATION_WINDOW (fixture->window);
  AdwNavigationSplitView *split = split_view (fixture);

  for (int round = 0; round < 2; round++)
    {
      AdwDialog *dialog;

      g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), action, parameter));
      teapot_test_drain ();
      dialog = adw_application_window_get_visible_dialog (window);
      g_assert_nonnull (dialog);
      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

      adw_dialog_force_close (dialog);
      teapot_test_drain ();
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
      teapot_test_wait_until (teapot_test_is_collapsed, split, "the narrow layout");
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
      teapot_test_wait_until (teapot_test_is_expanded, split, "the wide layout");

      /* Kept alive only until the host has let it go: no dialog is leaked. */
      teapot_test_wait_until (is_null, &dialog, "the closed dialog to be freed");
      g_assert_null (adw_application_window_get_visible_dialog (window));
    }
}

static gboolean
has_dialog (gpointer data)
{
  return adw_application_window_get_visible_dialog (data) != NULL;
}

/* Presents a dialog through @action and returns it, still open. */
static AdwDialog *
open_dialog (TeapotTestFixture *fixture,
             const char        *action,
             GType              type)
{
  AdwDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  teapot_test_wait_until (has_dialog, fixture->window, "a dialog");
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window));
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (dialog, type));
  return dialog;
}

static void
close_dialog (TeapotTestFixture *fixture,
              AdwDialog         *dialog)
{
  adw_dialog_force_close (dialog);
  teapot_test_drain ();
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window)));
}

static void
test_contents (TeapotTestFixture *fixture,
               gconstpointer      data)
{
  GSettings *settings = teapot_application_get_settings (fixture->app);
  AdwDialog *dialog;
  AdwComboRow *language_row;
  g_autofree char *language = NULL;

  /* The shortcuts (our own dialog: GtkShortcutsWindow is deprecated), as Ctrl+? shows them. */
  dialog = open_dialog (fixture, "win.shortcuts", TEAPOT_TYPE_SHORTCUTS_DIALOG);
  g_assert_cmpuint (teapot_shortcuts_dialog_get_count (TEAPOT_SHORTCUTS_DIALOG (dialog)), ==, 25);
  close_dialog (fixture, dialog);

  dialog = open_dialog (fixture, "win.about", ADW_TYPE_ABOUT_DIALOG);
  g_assert_cmpstr (adw_about_dialog_get_version (ADW_ABOUT_DIALOG (dialog)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_dialog_get_website (ADW_ABOUT_DIALOG (dialog)), ==, "https://github.com/teapot/teapot");
  close_dialog (fixture, dialog);

  /* Preferences: the constant language, both ways between the row and the saved setting. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.constant-language", "s", "rust"));
  teapot_test_drain ();
  dialog = open_dialog (fixture, "win.preferences", TEAPOT_TYPE_PREFERENCES_DIALOG);
  language_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), TEAPOT_TYPE_PREFERENCES_DIALOG,
                                                               "language_row"));
  g_assert_cmpstr (teapot_names_get_language (adw_combo_row_get_selected (language_row)), ==, "rust");
  for (guint i = 0; i < teapot_names_get_n_languages (); i++)
    if (g_str_equal (teapot_names_get_language (i), "dotnet"))
      adw_combo_row_set_selected (language_row, i);
  language = g_settings_get_string (settings, "constant-language");
  g_assert_cmpstr (language, ==, "dotnet");
  close_dialog (fixture, dialog);
}

static void
test_about (TeapotTestFixture *fixture,
            gconstpointer      data)
{
  resize_while_closing (fixture, "win.about", NULL);
}

static void
test_shortcuts (TeapotTestFixture *fixture,
                gconstpointer      data)
{
  resize_while_closing (fixture, "win.shortcuts", NULL);
}

static void
test_preferences (TeapotTestFixture *fixture,
                  gconstpointer      data)
{
  resize_while_closing (fixture, "win.preferences", NULL);
}

static void
test_compare (TeapotTestFixture *fixture,
              gconstpointer      data)
{
  resize_while_closing (fixture, "win.compare", g_variant_new_string ("301 vs 308"));
}

int
main (int    argc,
      char **argv)
{
  if (!teapot_test_window_init (&argc, &argv))
    return g_test_run ();

  g_test_add ("/dialogs/contents", TeapotTestFixture, NULL,
              teapot_test_fixture_set_up, test_contents, teapot_test_fixture_tear_down);
  g_test_add ("/dialogs/resize-while-closing/about", TeapotTestFixture, NULL,
              teapot_test_fixture_set_up, test_about, teapot_test_fixture_tear_down);
  g_test_add ("/dialogs/resize-while-closing/shortcuts", TeapotTestFixture, NULL,
              teapot_test_fixture_set_up, test_shortcuts, teapot_test_fixture_tear_down);
  g_test_add ("/dialogs/resize-while-closing/preferences", TeapotTestFixture, NULL,
              teapot_test_fixture_set_up, test_preferences, teapot_test_fixture_tear_down);
  g_test_add ("/dialogs/resize-while-closing/compare", TeapotTestFixture, NULL,
              teapot_test_fixture_set_up, test_compare, teapot_test_fixture_tear_down);
  return g_test_run ();
}
