/* test-explain-ui.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Explain page under Xvfb (issue 12): a generated log dropped on the page (through the
 * drop target's own handler) gives one row per status with the counts the generator wrote,
 * in the log's context (499 in an nginx log is nginx's), a chart over time, and rows that
 * open their detail page; a pasted response without times gives one bar; a read cancelled
 * while a never-ending pipe is streamed stops the worker; and files that are not logs, or
 * not there, or logs without statuses, say so with the core's own message. */

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "teapot-explainer.h"
#include "teapot-explain-chart.h"
#include "teapot-explain-result.h"
#include "teapot-explain-row.h"
#include "teapot-explain-view.h"
#include "teapot-test-window.h"
#include "teapot-ui-util.h"

static const guint statuses[] = { 200, 200, 200, 200, 200, 200, 301, 304, 404, 404, 429, 499, 500, 502, 503 };

typedef struct
{
  TeapotApplication *app;
  TeapotWindow *window;
  TeapotExplainView *view;
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AdwBin *page;

  fixture->app = teapot_test_application_new ();
  fixture->window = teapot_test_window_new (fixture->app);
  fixture->dir = g_dir_make_tmp ("teapot-explain-ui-XXXXXX", &error);
  g_assert_no_error (error);
  /* The page is built on its first visit, here, not with the window. */
  page = ADW_BIN (teapot_test_window_child (fixture->window, "explain_page"));
  g_assert_null (adw_bin_get_child (page));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s", "explain");
  teapot_test_drain ();
  fixture->view = TEAPOT_EXPLAIN_VIEW (adw_bin_get_child (page));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
  g_assert_cmpstr (teapot_explain_view_get_state (fixture->view), ==, "start");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  teapot_test_window_close (fixture->window, &fixture->app);
  g_free (fixture->dir);
}

static GtkWidget *
view_child (Fixture    *fixture,
            const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->view), TEAPOT_TYPE_EXPLAIN_VIEW, name));
}

static GtkWidget *
result_child (Fixture    *fixture,
              const char *name)
{
  GtkWidget *result = view_child (fixture, "result");

  return GTK_WIDGET (gtk_widget_get_template_child (result, TEAPOT_TYPE_EXPLAIN_RESULT, name));
}

static const char *
row_label (GtkWidget  *row,
           const char *name)
{
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (row, TEAPOT_TYPE_EXPLAIN_ROW, name)));
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const void *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
is_settled (gpointer data)
{
  const char *state = teapot_explain_view_get_state (data);

  return g_strcmp0 (state, "result") == 0 || g_strcmp0 (state, "error") == 0;
}

/* What a file manager or an editor does: the page's drop target gets @value. */
static void
drop_value (Fixture      *fixture,
            const GValue *value)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->view));
  GtkDropTarget *target = NULL;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_signal_emit_by_name (target, "drop", value, 10.0, 10.0, &handled);
  g_assert_true (handled);
}

static void
drop_file (Fixture    *fixture,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  drop_value (fixture, &value);
}

static void
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* For a person to look at: with TEAPOT_EXPLAIN_SHOTS=DIR, the window as the test sees it
 * is saved as DIR/NAME.png. */
static void
save_shot (Fixture    *fixture,
           const char *name)
{
  const char *dir = g_getenv ("TEAPOT_EXPLAIN_SHOTS");
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (dir == NULL)
    return;
  path = g_strdup_printf ("%s/%s.png", dir, name);
  /* Past the stack's crossfade, and a frame drawn. */
  {
    gboolean waited = FALSE;

    g_timeout_add_once (500, set_true, &waited);
    while (!waited)
      g_main_context_iteration (NULL, TRUE);
  }
  paintable = gtk_widget_paintable_new (GTK_WIDGET (fixture->window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (fixture->window)),
                          gtk_widget_get_height (GTK_WIDGET (fixture->window)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  /* Nothing drawn yet (a frame in between): no picture, which is no failure. */
  if (node == NULL)
    {
      g_test_message ("no picture of %s", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (fixture->window)), node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
access_line (GString *out,
             guint    i,
             guint    code)
{
  /* Three lines a minute: 3000 lines span 16 hours, many buckets. */
  g_string_append_printf (out, "10.0.0.%u - - [01/Mar/2024:%02u:%02u:%02u +0000] \"GET /item/%u HTTP/1.1\" %u 512\n",
                          i % 250, i / 180, i / 3 % 60, i % 3 * 20, i % 40, code);
}

static void
test_dropped_log (Fixture       *fixture,
                  gconstpointer  data)
{
  TeapotStore *store = teapot_application_get_store (fixture->app);
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  guint64 tally[1000] = { 0 }, by_class[6] = { 0 };
  guint distinct = 0, rows = 0;
  TeapotExplainChart *chart;
  GtkWidget *list, *row, *row_499 = NULL;
  guint64 previous = G_MAXUINT64;

  for (guint i = 0; i < 3000; i++)
    {
      guint code = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];

      tally[code]++;
      by_class[code / 100]++;
      access_line (text, i, code);
    }
  for (guint code = 0; code < 1000; code++)
    distinct += tally[code] > 0;
  path = write_file (fixture, "access.log", text->str, text->len);

  drop_file (fixture, path);
  teapot_test_wait_until (is_settled, fixture->view, "the dropped log to be explained");
  g_assert_cmpstr (teapot_explain_view_get_state (fixture->view), ==, "result");

  /* One row per status, most frequent first, each with the count the generator wrote. */
  list = result_child (fixture, "codes_list");
  for (row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *id = teapot_explain_row_get_id (TEAPOT_EXPLAIN_ROW (row));
      guint code = (guint) g_ascii_strtoull (id, NULL, 10);
      g_autofree char *expected = teapot_ui_format_count (tally[code]);
      guint64 count = g_ascii_strtoull (row_label (row, "count_label"), NULL, 10);

      g_assert_cmpstr (row_label (row, "count_label"), ==, expected);
      g_assert_cmpuint (count, <=, previous);
      previous = count;
      tally[code] = 0;
      rows++;
      if (code == 499)
        row_499 = row;
    }
  g_assert_cmpuint (rows, ==, distinct);
  for (guint code = 0; code < 1000; code++)
    g_assert_cmpuint (tally[code], ==, 0);

  /* In an nginx log, 499 is nginx's Client Closed Request, not Esri's. */
  g_assert_nonnull (row_499);
  g_assert_cmpstr (teapot_explain_row_get_id (TEAPOT_EXPLAIN_ROW (row_499)), ==, "499-nginx");
  {
    g_autoptr(TeapotEntry) entry = teapot_store_lookup_id (store, "499-nginx");

    g_assert_cmpstr (row_label (row_499, "phrase_label"), ==, teapot_entry_get_phrase (entry));
  }
  g_assert_true (g_str_has_prefix (row_label (row_499, "examples_label"), "/item/"));

  /* The chart has the log's times and the same totals by class. */
  chart = TEAPOT_EXPLAIN_CHART (result_child (fixture, "chart"));
  g_assert_cmpuint (teapot_explain_chart_get_n_buckets (chart), >, 1);
  for (guint c = 0; c < 6; c++)
    g_assert_cmpuint (teapot_explain_chart_get_class_total (chart, c), ==, by_class[c]);

  save_shot (fixture, "result");
  /* Everything wraps or ellipsizes: the page fits the narrowest window (360 px). */
  {
    int min = 0;

    gtk_widget_measure (view_child (fixture, "result"), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_assert_cmpint (min, <=, 360);
  }

  /* A row opens its code's detail page in Browse. */
  gtk_widget_activate (row_499);
  teapot_test_drain ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (
                     ADW_VIEW_STACK (teapot_test_window_child (fixture->window, "main_stack"))), ==, "browse");
  g_assert_cmpstr (teapot_entry_get_id (teapot_window_get_current_entry (fixture->window)), ==, "499-nginx");
}

static void
test_pasted_response (Fixture       *fixture,
                      gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->view));
  TeapotExplainChart *chart;
  GtkWidget *row;

  gdk_clipboard_set_text (clipboard, "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\nContent-Length: 0\r\n\r\n");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "explain.paste", NULL);
  teapot_test_wait_until (is_settled, fixture->view, "the pasted response to be explained");
  g_assert_cmpstr (teapot_explain_view_get_state (fixture->view), ==, "result");

  row = gtk_widget_get_first_child (result_child (fixture, "codes_list"));
  g_assert_nonnull (row);
  g_assert_null (gtk_widget_get_next_sibling (row));
  g_assert_cmpstr (teapot_explain_row_get_id (TEAPOT_EXPLAIN_ROW (row)), ==, "429");
  g_assert_cmpstr (row_label (row, "count_label"), ==, "1");
  /* The header that matters for a 429 is shown with it. */
  g_assert_nonnull (strstr (row_label (row, "examples_label"), "Retry-After: 30"));

  save_shot (fixture, "pasted");

  /* No timestamps: one bar of everything. */
  chart = TEAPOT_EXPLAIN_CHART (result_child (fixture, "chart"));
  g_assert_cmpuint (teapot_explain_chart_get_n_buckets (chart), ==, 0);
  g_assert_cmpuint (teapot_explain_chart_get_class_total (chart, 4), ==, 1);

  /* Text dropped from an editor replaces it. */
  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, "HTTP/2 503\r\nretry-after: 120\r\n\r\n");
    drop_value (fixture, &value);
  }
  teapot_test_wait_until (is_settled, fixture->view, "the dropped text to be explained");
  row = gtk_widget_get_first_child (result_child (fixture, "codes_list"));
  g_assert_cmpstr (teapot_explain_row_get_id (TEAPOT_EXPLAIN_ROW (row)), ==, "503");
  g_assert_null (gtk_widget_get_next_sibling (row));
}

/* An endless log: whatever reads the pipe gets lines until it closes its end. */
typedef struct
{
  char *path;
  gint done;
  gint wrote;
} Writer;

static gpointer
write_endlessly (gpointer data)
{
  Writer *writer = data;
  g_autoptr(GString) chunk = g_string_new (NULL);
  int fd = open (writer->path, O_WRONLY);

  g_assert_cmpint (fd, >=, 0);
  for (guint i = 0; i < 2000; i++)
    access_line (chunk, i, 200);
  /* Until the reader goes away: EPIPE (SIGPIPE is ignored). */
  while (write (fd, chunk->str, chunk->len) > 0)
    g_atomic_int_set (&writer->wrote, 1);
  close (fd);
  g_atomic_int_set (&writer->done, 1);
  return NULL;
}

static gboolean
has_progress (gpointer data)
{
  Fixture *fixture = data;

  return *gtk_label_get_label (GTK_LABEL (view_child (fixture, "progress_label"))) != '\0';
}

static gboolean
writer_done (gpointer data)
{
  return g_atomic_int_get (&((Writer *) data)->done);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  Writer writer = { .path = g_build_filename (fixture->dir, "endless.log", NULL) };
  g_autoptr(GFile) file = g_file_new_for_path (writer.path);
  GThread *thread;

  g_assert_cmpint (mkfifo (writer.path, 0600), ==, 0);
  thread = g_thread_new ("endless-writer", write_endlessly, &writer);
  teapot_explain_view_load_file (fixture->view, file);
  g_assert_cmpstr (teapot_explain_view_get_state (fixture->view), ==, "loading");

  /* Progress reaches the page while the worker reads: the main loop is free. */
  teapot_test_wait_until (has_progress, fixture, "progress while reading");
  g_assert_cmpstr (teapot_explain_view_get_state (fixture->view), ==, "loading");
  g_assert_true (gtk_widget_get_sensitive (view_child (fixture, "cancel_button")));
  save_shot (fixture, "loading");

  /* What a click does (activating the button would click it a moment later). */
  g_signal_emit_by_name (view_child (fixture, "cancel_button"), "clicked");
  g_assert_cmpstr (teapot_explain_view_get_state (fixture->view), ==, "start");

  /* The worker stops and closes the pipe (the writer would go on for ever otherwise); what
   * it answers then changes nothing on the page. */
  teapot_test_wait_until (writer_done, &writer, "the cancelled worker to close the pipe");
  g_thread_join (thread);
  teapot_test_drain ();
  g_assert_cmpstr (teapot_explain_view_get_state (fixture->view), ==, "start");
  g_assert_null (teapot_explain_view_get_summary (fixture->view));
  g_assert_true (g_atomic_int_get (&writer.wrote));
  g_unlink (writer.path);
  g_free (writer.path);
}

/* The page says what the core says about @path, under @title. */
static void
assert_error (Fixture    *fixture,
              const char *path,
              const char *title)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TeapotExplainer) explainer = teapot_explainer_new_for_file (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotLogSummary) summary = teapot_explainer_run (explainer, NULL, &error);
  AdwStatusPage *page = ADW_STATUS_PAGE (view_child (fixture, "error_page"));

  drop_file (fixture, path);
  teapot_test_wait_until (is_settled, fixture->view, "an error");
  g_assert_cmpstr (teapot_explain_view_get_state (fixture->view), ==, "error");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, title);
  save_shot (fixture, title);
  if (summary == NULL)
    g_assert_cmpstr (adw_status_page_get_description (page), ==, error->message);
  else
    {
      /* Read, but no status in it: the page names the format it found. */
      g_assert_cmpuint (teapot_log_summary_get_total (summary), ==, 0);
      g_assert_nonnull (strstr (adw_status_page_get_description (page),
                                teapot_log_format_get_name (teapot_log_summary_get_format (summary))));
    }
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  static const char iis_header[] = "#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n"
                                   "#Date: 2024-03-01 00:00:00\r\n"
                                   "#Fields: date time s-ip cs-method cs-uri-stem sc-status sc-substatus\r\n";
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.log", NULL);
  g_autofree char *binary = NULL;
  g_autofree char *headers = write_file (fixture, "u_ex240301.log", iis_header, strlen (iis_header));
  guchar bytes[4096];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guchar) (i * 7 + i / 256);
  binary = write_file (fixture, "image.bin", bytes, sizeof bytes);

  assert_error (fixture, binary, "Not a Log Teapot Knows");
  assert_error (fixture, missing, "Cannot Read the File");
  assert_error (fixture, headers, "No Status Found");
}

int
main (int   argc,
      char *argv[])
{
  if (!teapot_test_window_init (&argc, &argv))
    return g_test_run ();

  /* The endless writer learns that its reader left from EPIPE. */
  signal (SIGPIPE, SIG_IGN);
  g_test_add ("/explain-ui/dropped-log", Fixture, NULL, fixture_set_up, test_dropped_log, fixture_tear_down);
  g_test_add ("/explain-ui/pasted-response", Fixture, NULL, fixture_set_up, test_pasted_response, fixture_tear_down);
  g_test_add ("/explain-ui/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/explain-ui/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  return g_test_run ();
}
