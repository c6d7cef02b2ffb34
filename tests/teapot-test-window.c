/* teapot-test-window.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-test-window.h"

#include "teapot-detail-view.h"
#include "teapot-entry-list.h"

#include <unistd.h>

/* Under AddressSanitizer everything runs several times slower. */
#ifdef __SANITIZE_ADDRESS__
#define WAIT_SECONDS 40
#else
#define WAIT_SECONDS 10
#endif

/* The system's data directories, from before the test isolated them: icons and the MIME
 * database (which tells an SVG icon from anything else) still come from there. */
static GStrv system_data_dirs;

static void
skip_without_display (void)
{
  g_test_skip ("no display to open windows on");
}

gboolean
teapot_test_window_init (int    *argc,
                         char ***argv)
{
  system_data_dirs = g_strdupv ((char **) g_get_system_data_dirs ());
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* Where there is no display (the Flatpak build sandbox runs the suite), say so and skip:
   * the test command always provides one (xvfb-run). */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_add_func ("/no-display", skip_without_display);
      return FALSE;
    }
  return TRUE;
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
teapot_test_wait_until (TeapotTestCondition  condition,
                        gpointer             data,
                        const char          *what)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (timeout_id);
}

static gboolean
on_waited (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
teapot_test_wait_ms (guint ms)
{
  gboolean waited = FALSE;

  g_timeout_add (ms, on_waited, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
}

void
teapot_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
use_system_mime_and_icons (void)
{
  g_autoptr(GStrvBuilder) mime_dirs = g_strv_builder_new ();
  g_auto(GStrv) mime_dirv = NULL;
  GtkIconTheme *icon_theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  for (guint i = 0; system_data_dirs[i] != NULL; i++)
    {
      g_autofree char *mime = g_build_filename (system_data_dirs[i], "mime", NULL);
      g_autofree char *icons = g_build_filename (system_data_dirs[i], "icons", NULL);
      g_auto(GStrv) paths = gtk_icon_theme_get_search_path (icon_theme);

      g_strv_builder_add (mime_dirs, mime);
      if (!g_strv_contains ((const char * const *) paths, icons))
        gtk_icon_theme_add_search_path (icon_theme, icons);
    }
  mime_dirv = g_strv_builder_end (mime_dirs);
  g_content_type_set_mime_dirs ((const char * const *) mime_dirv);
}

TeapotApplication *
teapot_test_application_new (void)
{
  static guint n_apps;
  g_autofree char *app_id = g_strdup_printf ("%s.Test%u.Pid%d", APPLICATION_ID, n_apps++, (int) getpid ());
  g_autoptr(GError) error = NULL;
  TeapotApplication *app;

  /* Tests run in parallel on one session bus: no instance may find another. */
  app = g_object_new (TEAPOT_TYPE_APPLICATION,
                      "application-id", app_id,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", RESOURCE_PREFIX,
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  use_system_mime_and_icons ();
  return app;
}

gboolean
teapot_test_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

gpointer
teapot_test_window_child (TeapotWindow *window,
                          const char   *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), TEAPOT_TYPE_WINDOW, name);
}

gpointer
teapot_test_detail_child (TeapotWindow *window,
                          const char   *name)
{
  return gtk_widget_get_template_child (teapot_test_window_child (window, "detail"), TEAPOT_TYPE_DETAIL_VIEW, name);
}

gpointer
teapot_test_list_child (TeapotWindow *window,
                        const char   *name)
{
  return gtk_widget_get_template_child (teapot_test_window_child (window, "entry_list"), TEAPOT_TYPE_ENTRY_LIST, name);
}

guint
teapot_test_count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

gboolean
teapot_test_is_collapsed (gpointer data)
{
  return adw_navigation_split_view_get_collapsed (data);
}

gboolean
teapot_test_is_expanded (gpointer data)
{
  return !adw_navigation_split_view_get_collapsed (data);
}

TeapotWindow *
teapot_test_window_new (TeapotApplication *application)
{
  TeapotWindow *window = teapot_window_new (GTK_APPLICATION (application), teapot_application_get_store (application),
                                            teapot_application_get_settings (application));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  teapot_test_wait_until (teapot_test_is_mapped, window, "the window to map");
  teapot_test_drain ();
  return window;
}

gboolean
teapot_test_can_press_keys (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  /* By name: GDK's X11 API is deprecated on the baseline. */
  return xdotool != NULL && g_str_equal (G_OBJECT_TYPE_NAME (gdk_display_get_default ()), "GdkX11Display");
}

static void
run_xdotool (const char *arguments)
{
  g_autofree char *command = g_strconcat ("xdotool ", arguments, NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_command_line_sync (command, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", command, err);
}

static gboolean
window_is_active (gpointer data)
{
  return gtk_window_is_active (data);
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

void
teapot_test_wait_for_frame (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);

  gtk_widget_queue_draw (GTK_WIDGET (window));
  teapot_test_wait_until (is_true, &painted, "a frame");
  g_signal_handler_disconnect (clock, handler);
  teapot_test_drain ();
}

void
teapot_test_press_keys (GtkWindow  *window,
                        const char *keys)
{
  g_autofree char *focus = NULL;
  g_autofree char *press = NULL;

  /* No window manager gives a window the keyboard under Xvfb: ask for it by the window's
   * process (GTK sets _NET_WM_PID) among the windows on display. */
  focus = g_strdup_printf ("search --sync --onlyvisible --pid %d --name . windowfocus --sync %%@", (int) getpid ());
  run_xdotool (focus);
  teapot_test_wait_until (window_is_active, window, "the window to have the keyboard");
  teapot_test_wait_for_frame (window);

  press = g_strdup_printf ("key --clearmodifiers --delay 30 %s", keys);
  run_xdotool (press);
  /* xdotool has returned: its events are in the server. A round trip fetches them, then
   * the main loop hands them to GTK. */
  gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (window)));
  teapot_test_drain ();
}

/* xdotool moves the pointer to the middle of @widget, @dx pixels to its right, then does
 * @then ("" for nothing more). */
static void
pointer_to (GtkWindow  *window,
            GtkWidget  *widget,
            int         dx,
            const char *then)
{
  graphene_point_t point;
  g_autofree char *command = NULL;

  /* Laid out first: a widget shown a moment ago has no size until the next frame. */
  teapot_test_wait_for_frame (window);
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0f + dx,
                                                                 gtk_widget_get_height (widget) / 2.0f),
                                           &point));
  /* Window coordinates and the surface's match: a GTK window under Xvfb has no decorations
   * of the server's, and its own shadow is outside the surface there (no compositor). */
  /* By title: a tooltip or a popover of the process is a window too, and may come first. */
  g_assert_nonnull (gtk_window_get_title (window));
  command = g_strdup_printf ("search --sync --onlyvisible --pid %d --name '^%s$' mousemove --sync --window %%1 %d %d %s",
                             (int) getpid (), gtk_window_get_title (window), (int) point.x, (int) point.y, then);
  run_xdotool (command);
  gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (window)));
  teapot_test_drain ();
}

void
teapot_test_click (GtkWindow *window,
                   GtkWidget *widget)
{
  pointer_to (window, widget, 0, "click 1");
}

void
teapot_test_point_at (GtkWindow *window,
                      GtkWidget *widget,
                      int        dx)
{
  pointer_to (window, widget, dx, "");
}

void
teapot_test_window_close (TeapotWindow       *window,
                          TeapotApplication **application)
{
  gtk_window_destroy (GTK_WINDOW (window));
  teapot_test_drain ();
  g_clear_object (application);
}

void
teapot_test_fixture_set_up (TeapotTestFixture *fixture,
                            gconstpointer      data)
{
  fixture->app = teapot_test_application_new ();
  fixture->window = teapot_test_window_new (fixture->app);
}

void
teapot_test_fixture_tear_down (TeapotTestFixture *fixture,
                               gconstpointer      data)
{
  teapot_test_window_close (fixture->window, &fixture->app);
}
