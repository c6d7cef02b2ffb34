/* teapot-test-window.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "teapot-application.h"
#include "teapot-window.h"

G_BEGIN_DECLS

/* What the window tests share: the real application and window under Xvfb, in GLib's
 * isolated test directories, and waiting on the main loop instead of sleeping. */

typedef gboolean (*TeapotTestCondition) (gpointer data);

/* Call instead of g_test_init(). Returns FALSE when there is no display: a test that skips
 * has been registered, and main() should just return g_test_run(). */
gboolean           teapot_test_window_init    (int                  *argc,
                                               char               ***argv);
void               teapot_test_wait_until     (TeapotTestCondition   condition,
                                               gpointer              data,
                                               const char           *what);
/* A TeapotTestCondition: whether the widget @data is mapped. */
gboolean           teapot_test_is_mapped      (gpointer              data);
/* TeapotTestConditions on the AdwNavigationSplitView @data: folded (the narrow layout) or
 * side by side (wide). */
gboolean           teapot_test_is_collapsed   (gpointer              data);
gboolean           teapot_test_is_expanded    (gpointer              data);
/* A child of @window's template, or of its detail page's or entry list's, by its id in the
 * .ui file. */
gpointer           teapot_test_window_child   (TeapotWindow         *window,
                                               const char           *name);
gpointer           teapot_test_detail_child   (TeapotWindow         *window,
                                               const char           *name);
gpointer           teapot_test_list_child     (TeapotWindow         *window,
                                               const char           *name);
/* How many children @widget has. */
guint              teapot_test_count_children (GtkWidget            *widget);
/* Runs the main loop for @ms milliseconds. */
void               teapot_test_wait_ms        (guint                 ms);
/* Runs everything the main loop has ready. */
void               teapot_test_drain          (void);
/* Waits for @window's next painted frame (a window just resized drops keys before it). */
void               teapot_test_wait_for_frame (GtkWindow            *window);
/* A registered application of its own (tests run in parallel on one session bus) and its
 * window, presented at 1000×700 and mapped. */
TeapotApplication *teapot_test_application_new (void);
TeapotWindow      *teapot_test_window_new      (TeapotApplication *application);
/* Presses @keys (xdotool's key names: "Tab", "Return", "space", "z"), one after another,
 * as real key events from the X server to @window, which gets the keyboard first; returns
 * once GTK has handled them. Needs xdotool and an X display: call
 * teapot_test_can_press_keys() first and skip without. */
gboolean           teapot_test_can_press_keys  (void);
void               teapot_test_press_keys      (GtkWindow         *window,
                                                const char        *keys);
/* Clicks the middle of @widget, mapped in @window, with the real pointer (xdotool); same
 * needs as teapot_test_press_keys(). */
void               teapot_test_click           (GtkWindow         *window,
                                                GtkWidget         *widget);
/* Moves the pointer (a real motion event) to the middle of @widget, @dx pixels right. */
void               teapot_test_point_at        (GtkWindow         *window,
                                                GtkWidget         *widget,
                                                int                dx);
/* Destroys @window, lets GTK finish with it, and drops @application. */
void               teapot_test_window_close    (TeapotWindow      *window,
                                                TeapotApplication **application);

/* The fixture most window tests share: the application and its window, opened for each
 * test case and closed after it (g_test_add (path, TeapotTestFixture, NULL,
 * teapot_test_fixture_set_up, func, teapot_test_fixture_tear_down)). */
typedef struct
{
  TeapotApplication *app;
  TeapotWindow *window;
} TeapotTestFixture;

/* Adds a test case that runs on a fresh application and window (TeapotTestFixture). */
#define TEAPOT_TEST_ADD(path, func) \
  g_test_add (path, TeapotTestFixture, NULL, teapot_test_fixture_set_up, func, teapot_test_fixture_tear_down)

void               teapot_test_fixture_set_up    (TeapotTestFixture  *fixture,
                                                  gconstpointer       data);
void               teapot_test_fixture_tear_down (TeapotTestFixture  *fixture,
                                                  gconstpointer       data);

G_END_DECLS
