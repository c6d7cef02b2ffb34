/* test-dialog-resize.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A dialog that is still animating closed when the window narrows past a breakpoint.
 * libadwaita 1.7 then hides the closing sheet from inside the dialog's AdwBreakpointBin
 * size_allocate, the sheet skips the rest of its animation, the host drops the dialog, and
 * the bin carries on with its freed breakpoints: SIGBUS or SIGSEGV in
 * adw_breakpoint_transition() (under meson test, whose MALLOC_PERTURB_ fills freed memory,
 * in about nine runs of ten without teapot_ui_present_dialog()'s reference). Every dialog
 * the window opens goes through that function: each is opened by its action, closed, and the
 * window narrowed and widened at once; then the dialog must be gone, and the window work. */

#include "config.h"

#include <adwaita.h>

#include "teapot-test-window.h"

static AdwNavigationSplitView *
split_view (TeapotTestFixture *fixture)
{
  return ADW_NAVIGATION_SPLIT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                   TEAPOT_TYPE_WINDOW, "split_view"));
}

static gboolean
is_collapsed (gpointer data)
{
  return adw_navigation_split_view_get_collapsed (data);
}

static gboolean
is_wide (gpointer data)
{
  return !adw_navigation_split_view_get_collapsed (data);
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
      teapot_test_wait_until (is_collapsed, split, "the narrow layout");
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
      teapot_test_wait_until (is_wide, split, "the wide layout");

      /* Kept alive only until the host has let it go: no dialog is leaked. */
      teapot_test_wait_until (is_null, &dialog, "the closed dialog to be freed");
      g_assert_null (adw_application_window_get_visible_dialog (window));
    }
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

  g_test_add ("/dialog-resize/about", TeapotTestFixture, NULL,
              teapot_test_fixture_set_up, test_about, teapot_test_fixture_tear_down);
  g_test_add ("/dialog-resize/shortcuts", TeapotTestFixture, NULL,
              teapot_test_fixture_set_up, test_shortcuts, teapot_test_fixture_tear_down);
  g_test_add ("/dialog-resize/preferences", TeapotTestFixture, NULL,
              teapot_test_fixture_set_up, test_preferences, teapot_test_fixture_tear_down);
  g_test_add ("/dialog-resize/compare", TeapotTestFixture, NULL,
              teapot_test_fixture_set_up, test_compare, teapot_test_fixture_tear_down);
  return g_test_run ();
}
