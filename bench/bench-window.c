/* bench-window.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's own work, in process, for profiling: the real application starts as
 * `teapot-window` does, and the program stops after the first frame is painted (prints the
 * time and CPU time from main). With `--type=QUERY` it then types QUERY one character at a
 * time, 150 ms apart, waits for each key's frame, and prints the median, p95 and worst of
 * key -> painted frame (wall and CPU). The X round trips and the pixel polling of window-probe.c are not
 * in these figures; instruction counts are (run it under `valgrind --tool=callgrind`, with
 * `--toggle-collect=type_key` for the keystrokes alone). Needs a display: see
 * bench/window-startup.sh for the environment. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <time.h>

#include "teapot-application.h"
#include "teapot-entry-list.h"
#include "teapot-window.h"

static gint64 start_ns, start_cpu_ns;
static char *query;
/* What the results model told the list during one key. */
static guint n_changes, n_removed, n_added;

static gint64
clock_ns (clockid_t id)
{
  struct timespec ts;

  clock_gettime (id, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *samples,
            double  p)
{
  guint i = (guint) (p * (samples->len - 1) + 0.5);

  return g_array_index (samples, double, MIN (i, samples->len - 1));
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static void
on_search_changed (GtkSearchEntry *entry,
                   gboolean       *changed)
{
  *changed = TRUE;
}

static void
on_results_changed (GListModel *model,
                    guint       position,
                    guint       removed,
                    guint       added)
{
  n_changes++;
  n_removed += removed;
  n_added += added;
}

static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);

  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

/* One key: the text grows by a character, the entry announces the search, the list
 * follows, and the frame that shows it is painted. Not inlined, for --toggle-collect. */
static G_NO_INLINE void
type_key (GtkWidget   *window,
          GtkEditable *editable,
          const char  *text)
{
  gboolean changed = FALSE;
  gulong handler = g_signal_connect (editable, "search-changed", G_CALLBACK (on_search_changed), &changed);

  gtk_editable_set_text (editable, text);
  while (!changed)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (editable, handler);
  wait_for_paint (window);
}

static gboolean
on_settled (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* What a key leaves for later (the detail page follows the list a frame after) is done
 * before the next key, as when a person types (window-probe.c types a key every 150 ms).
 * Three more frames too: under valgrind, 150 ms is not enough for it. */
static void
settle (GtkWidget *window)
{
  gboolean settled = FALSE;

  g_timeout_add (150, on_settled, &settled);
  while (!settled)
    g_main_context_iteration (NULL, TRUE);
  for (int i = 0; i < 3; i++)
    wait_for_paint (window);
}

static void
type_query (GtkWidget *window)
{
  GtkWidget *list = (GtkWidget *) gtk_widget_get_template_child (window, TEAPOT_TYPE_WINDOW, "entry_list");
  GtkEditable *editable = GTK_EDITABLE (teapot_entry_list_get_search_entry (TEAPOT_ENTRY_LIST (list)));
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  glong n = g_utf8_strlen (query, -1);

  gtk_widget_grab_focus (GTK_WIDGET (editable));
  settle (window);
  g_signal_connect (teapot_entry_list_get_results (TEAPOT_ENTRY_LIST (list)), "items-changed",
                    G_CALLBACK (on_results_changed), NULL);
  for (glong i = 1; i <= n; i++)
    {
      g_autofree char *prefix = g_utf8_substring (query, 0, i);
      gint64 t0 = clock_ns (CLOCK_MONOTONIC), c0 = clock_ns (CLOCK_PROCESS_CPUTIME_ID);
      double w, c;

      n_changes = n_removed = n_added = 0;
      type_key (window, editable, prefix);
      w = (clock_ns (CLOCK_MONOTONIC) - t0) / 1e6;
      c = (clock_ns (CLOCK_PROCESS_CPUTIME_ID) - c0) / 1e6;
      g_array_append_val (wall, w);
      g_array_append_val (cpu, c);
      settle (window);
      printf ("key %-12s %7.2f ms (CPU %6.2f ms), %3u results (%u changes: -%u +%u)\n", prefix, w, c,
              g_list_model_get_n_items (teapot_entry_list_get_results (TEAPOT_ENTRY_LIST (list))),
              n_changes, n_removed, n_added);
    }
  g_array_sort (wall, compare_doubles);
  g_array_sort (cpu, compare_doubles);
  printf ("key -> painted, %u keys: median %.2f ms, p95 %.2f ms, worst %.2f ms "
          "(CPU: median %.2f, p95 %.2f, worst %.2f ms)\n",
          wall->len, percentile (wall, 0.5), percentile (wall, 0.95), percentile (wall, 1.0),
          percentile (cpu, 0.5), percentile (cpu, 0.95), percentile (cpu, 1.0));
}

static gboolean
after_first_paint (gpointer data)
{
  GtkWidget *window = data;

  if (query != NULL)
    type_query (window);
  gtk_window_close (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
on_first_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, window);
  printf ("first frame painted: %.1f ms from main (CPU %.1f ms)\n",
          (clock_ns (CLOCK_MONOTONIC) - start_ns) / 1e6, (clock_ns (CLOCK_PROCESS_CPUTIME_ID) - start_cpu_ns) / 1e6);
  fflush (stdout);
  /* Out of the frame clock's signal: the keys need frames of their own. */
  g_idle_add (after_first_paint, window);
}

static void
on_window_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_paint), window);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TeapotApplication) app = NULL;
  char *run_argv[] = { argv[0], NULL };

  start_ns = clock_ns (CLOCK_MONOTONIC);
  start_cpu_ns = clock_ns (CLOCK_PROCESS_CPUTIME_ID);
  if (argc > 1 && g_str_has_prefix (argv[1], "--type="))
    query = argv[1] + strlen ("--type=");

  /* As src/main.c does. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("teapot");

  app = teapot_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), 1, run_argv);
}
