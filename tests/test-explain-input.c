/* test-explain-input.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Explain a log (issue 12) given what people really have: gzip, truncated gzip, binary,
 * invalid UTF-8, lines of megabytes, a HAR that is not JSON, formats mixed in one file, a
 * gzip bomb, and a run cancelled half way. A clear answer each time, never a crash. */

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "explain-test-util.h"
#include "teapot-log-reader.h"

#define LINE "203.0.113.9 - - [01/Mar/2024:10:00:00 +0000] \"GET /x HTTP/1.1\" %u 5 \"-\" \"ua\"\n"

static GString *
access_log (guint lines)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < lines; i++)
    g_string_append_printf (text, LINE, i % 4 == 0 ? 404 : 200);
  return text;
}

static void
test_gzip (void)
{
  g_autoptr(GString) text = access_log (20000);
  g_autoptr(GBytes) gz = explain_test_gzip (text->str, text->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotLogSummary) whole = explain_test_bytes (g_bytes_get_data (gz, NULL), g_bytes_get_size (gz), &error);
  g_autoptr(TeapotLogSummary) cut = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (teapot_log_summary_get_lines (whole), ==, 20000);
  g_assert_cmpuint (explain_test_count_of (whole, "404"), ==, 5000);
  g_assert_null (teapot_log_summary_get_damage (whole));

  /* A rotated log copied while it was written: what is there is counted, and the damage
   * said. */
  cut = explain_test_bytes (g_bytes_get_data (gz, NULL), g_bytes_get_size (gz) / 2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (teapot_log_summary_get_damage (cut));
  g_assert_cmpuint (teapot_log_summary_get_total (cut), >, 0);
  g_assert_cmpuint (teapot_log_summary_get_total (cut), <, 20000);
  g_assert_cmpuint (teapot_log_summary_get_unparsed (cut), <=, 1);
}

/* Rotated logs joined with cat: every member is read, as gzip -d reads them; bytes after
 * the last member that are not gzip are ignored, as gzip -d ignores them. */
static void
test_gzip_members (void)
{
  g_autoptr(GString) first = access_log (3000);
  g_autoptr(GString) second = access_log (1000);
  g_autoptr(GBytes) one = explain_test_gzip (first->str, first->len);
  g_autoptr(GBytes) two = explain_test_gzip (second->str, second->len);
  g_autoptr(GByteArray) joined = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotLogSummary) summary = NULL;

  g_byte_array_append (joined, g_bytes_get_data (one, NULL), g_bytes_get_size (one));
  g_byte_array_append (joined, g_bytes_get_data (two, NULL), g_bytes_get_size (two));
  g_byte_array_append (joined, (const guint8 *) "\n\0\0 trailing", 12);
  summary = explain_test_bytes (joined->data, joined->len, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (teapot_log_summary_get_lines (summary), ==, 4000);
  g_assert_cmpuint (explain_test_count_of (summary, "404"), ==, 1000);
  g_assert_null (teapot_log_summary_get_damage (summary));
}

static void
test_binary (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree guint8 *noise = g_malloc (100000);
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotLogSummary) summary = NULL;
  g_autoptr(GBytes) gz = NULL;

  for (gsize i = 0; i < 100000; i++)
    noise[i] = g_rand_int (rand);
  noise[10] = 0;
  summary = explain_test_bytes (noise, 100000, &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "binary"));
  g_clear_error (&error);

  /* Compressed noise is noise too. */
  gz = explain_test_gzip (noise, 100000);
  summary = explain_test_bytes (g_bytes_get_data (gz, NULL), g_bytes_get_size (gz), &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* Text in no known format: the message says what was tried. */
  summary = explain_test_bytes ("hello\nworld\n", 12, &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "IIS"));
  g_assert_nonnull (strstr (error->message, "HAR"));
  g_clear_error (&error);

  summary = explain_test_bytes ("", 0, &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GString) text = access_log (10);
  g_autoptr(TeapotLogSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  TeapotLogCount *count;

  g_string_append (text, "203.0.113.9 - - [01/Mar/2024:10:00:00 +0000] \"GET /caf\xe9\xff\xfe HTTP/1.1\" 418 5 \"-\" \"\xc3\"\n");
  summary = explain_test_bytes (text->str, text->len, &error);
  g_assert_no_error (error);
  count = explain_test_find (summary, "418");
  g_assert_nonnull (count);
  g_assert_cmpuint (count->examples->len, ==, 1);
  g_assert_true (g_utf8_validate (g_ptr_array_index (count->examples, 0), -1, NULL));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (count->examples, 0), "/caf"));
}

static void
test_huge_lines (void)
{
  g_autoptr(GString) text = access_log (100);
  g_autoptr(GString) tail = access_log (100);
  g_autoptr(TeapotLogSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  gsize huge = 3 * 1024 * 1024;

  /* Three megabytes of request, then a status: cut, counted as cut, and skipped to its end. */
  g_string_append (text, "203.0.113.9 - - [01/Mar/2024:10:00:00 +0000] \"GET /");
  for (gsize i = 0; i < huge; i++)
    g_string_append_c (text, 'a' + i % 26);
  g_string_append (text, " HTTP/1.1\" 414 0 \"-\" \"ua\"\n");
  /* And one line of exactly the limit, which is whole. */
  g_string_append_len (text, tail->str, tail->len);
  summary = explain_test_bytes (text->str, text->len, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (teapot_log_summary_get_long_lines (summary), ==, 1);
  g_assert_cmpuint (teapot_log_summary_get_lines (summary), ==, 201);
  g_assert_cmpuint (teapot_log_summary_get_total (summary), ==, 200);
  g_assert_cmpuint (teapot_log_summary_get_unparsed (summary), ==, 1);
}

static void
test_reader_lines (void)
{
  const char *text = "one\r\ntwo\n\nthree";
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (text, strlen (text), NULL);
  g_autoptr(TeapotLogReader) reader = teapot_log_reader_new (in, strlen (text));
  const char *expected[] = { "one", "two", "", "three" };
  g_autofree char *exact = g_malloc (TEAPOT_LOG_READER_MAX_LINE + 1);
  g_autoptr(GInputStream) in2 = NULL;
  g_autoptr(TeapotLogReader) reader2 = NULL;
  const char *line;
  gsize length;

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      line = teapot_log_reader_next_line (reader, &length, NULL, NULL);
      g_assert_nonnull (line);
      g_assert_cmpmem (line, length, expected[i], strlen (expected[i]));
    }
  g_assert_null (teapot_log_reader_next_line (reader, &length, NULL, NULL));
  g_assert_cmpuint (teapot_log_reader_get_bytes_read (reader), ==, strlen (text));

  /* A line of exactly the limit is whole, one byte more is cut. */
  memset (exact, 'x', TEAPOT_LOG_READER_MAX_LINE);
  exact[TEAPOT_LOG_READER_MAX_LINE] = '\n';
  in2 = g_memory_input_stream_new_from_data (exact, TEAPOT_LOG_READER_MAX_LINE + 1, NULL);
  reader2 = teapot_log_reader_new (in2, -1);
  line = teapot_log_reader_next_line (reader2, &length, NULL, NULL);
  g_assert_cmpuint (length, ==, TEAPOT_LOG_READER_MAX_LINE);
  g_assert_cmpuint (teapot_log_reader_get_long_lines (reader2), ==, 0);
  g_assert_null (teapot_log_reader_next_line (reader2, &length, NULL, NULL));
}

static void
test_har_not_json (void)
{
  const char *broken = "{\n  \"log\": {\n    \"entries\": [\n      {\"response\": {\"status\": 200}},\n";
  const char *not_har = "{\n  \"something\": [1, 2, 3]\n}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotLogSummary) summary = explain_test_bytes (broken, strlen (broken), &error);

  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "HAR"));
  g_clear_error (&error);

  summary = explain_test_bytes (not_har, strlen (not_har), &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "log.entries"));
}

/* Docker's JSON log lines have a "log" member too, a string: JSON lines, not a HAR. */
static void
test_json_with_log (void)
{
  const char *lines = "{\"log\":\"GET /\",\"stream\":\"stdout\",\"status\":200}\n"
                      "{\"log\":\"GET /x\",\"stream\":\"stdout\",\"status\":404}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotLogSummary) summary = explain_test_bytes (lines, strlen (lines), &error);

  g_assert_no_error (error);
  g_assert_cmpint (teapot_log_summary_get_format (summary), ==, TEAPOT_LOG_FORMAT_JSON_LINES);
  g_assert_cmpuint (teapot_log_summary_get_total (summary), ==, 2);
}

static glong peak_kib (void);

/* Two objects on a line: json-glib 1.6 would keep the last and leak the first, a few
 * hundred bytes a line. Such lines are not understood, and memory stays flat. */
static void
test_json_two_objects (void)
{
  g_autoptr(GString) text = g_string_new ("{\"status\":200}\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotLogSummary) summary = NULL;
  glong before;

  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "{\"status\":404,\"uri\":\"/x\"} {\"status\":503}\n");
  before = peak_kib ();
  summary = explain_test_bytes (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (teapot_log_summary_get_format (summary), ==, TEAPOT_LOG_FORMAT_JSON_LINES);
  g_assert_cmpuint (teapot_log_summary_get_total (summary), ==, 1);
  g_assert_cmpuint (teapot_log_summary_get_unparsed (summary), ==, 200000);
  g_assert_cmpint (peak_kib () - before, <, 16 * 1024);
}

static void
test_mixed (void)
{
  g_autoptr(GString) text = access_log (60);
  g_autoptr(TeapotLogSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 7; i++)
    g_string_append (text, "https 2024-03-01T10:00:00.000000Z app/lb/1 203.0.113.1:1 10.0.0.1:80 0.1 0.1 0.1 460 - 1 2 "
                           "\"GET https://x:443/ HTTP/1.1\" \"ua\" - -\n");
  g_string_append (text, "{\"status\": 201}\nnot a log line at all\n");
  summary = explain_test_bytes (text->str, text->len, &error);

  g_assert_no_error (error);
  g_assert_cmpint (teapot_log_summary_get_format (summary), ==, TEAPOT_LOG_FORMAT_ACCESS);
  g_assert_cmpuint (teapot_log_summary_get_format_lines (summary, TEAPOT_LOG_FORMAT_AWS_ALB), ==, 7);
  g_assert_cmpuint (teapot_log_summary_get_format_lines (summary, TEAPOT_LOG_FORMAT_JSON_LINES), ==, 1);
  g_assert_cmpuint (teapot_log_summary_get_unparsed (summary), ==, 1);
  /* Each keeps its own context. */
  g_assert_cmpuint (explain_test_count_of (summary, "460-aws-elb"), ==, 7);
  g_assert_cmpuint (explain_test_count_of (summary, "201"), ==, 1);
  g_assert_cmpuint (teapot_log_summary_get_total (summary), ==, 68);
}

static glong
peak_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* A few log lines, then 256 MB of one endless line, compressed to a few hundred kilobytes. */
static GBytes *
make_bomb (void)
{
  gsize size = 256 * 1024 * 1024, chunk = 1024 * 1024;
  g_autofree char *block = g_malloc (chunk);
  g_autoptr(GString) start = access_log (10);
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;
  const char *head = "203.0.113.9 - - [01/Mar/2024:10:00:00 +0000] \"GET /";

  g_output_stream_write_all (out, start->str, start->len, NULL, NULL, &error);
  g_assert_no_error (error);
  memset (block, 'A', chunk);
  memcpy (block, head, strlen (head));
  for (gsize done = 0; done < size; done += chunk)
    {
      g_output_stream_write_all (out, block, chunk, NULL, NULL, &error);
      g_assert_no_error (error);
      memset (block, 'A', strlen (head));
    }
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* Streamed through a fixed buffer, not held: memory stays flat. */
static void
test_gzip_bomb (void)
{
  g_autoptr(GBytes) bomb = make_bomb ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotLogSummary) summary = NULL;
  glong before;

  g_assert_cmpuint (g_bytes_get_size (bomb), <, 4 * 1024 * 1024);
  before = peak_kib ();
  summary = explain_test_bytes (g_bytes_get_data (bomb, NULL), g_bytes_get_size (bomb), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (teapot_log_summary_get_total (summary), ==, 10);
  g_assert_cmpuint (teapot_log_summary_get_long_lines (summary), ==, 1);
  g_assert_cmpint (peak_kib () - before, <, 32 * 1024);
}

/* An access log that never ends. */
static gssize
endless_read (GInputStream  *stream,
              void          *buffer,
              gsize          count,
              GCancellable  *cancellable,
              GError       **error)
{
  static const char line[] = "203.0.113.9 - - [01/Mar/2024:10:00:00 +0000] \"GET / HTTP/1.1\" 200 5\n";
  char *out = buffer;
  gsize n = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  while (n + sizeof line - 1 <= count)
    {
      memcpy (out + n, line, sizeof line - 1);
      n += sizeof line - 1;
    }
  return n;
}

typedef struct
{
  GInputStream parent_instance;
} EndlessStream;

typedef struct
{
  GInputStreamClass parent_class;
} EndlessStreamClass;

GType endless_stream_get_type (void);
G_DEFINE_TYPE (EndlessStream, endless_stream, G_TYPE_INPUT_STREAM)

static void
endless_stream_class_init (EndlessStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = endless_read;
}

static void
endless_stream_init (EndlessStream *self)
{
}

typedef struct
{
  GCancellable *cancellable;
  GMainLoop *loop;
  guint notifications;
  GError *error;
  TeapotLogSummary *summary;
} CancelRun;

static void
on_bytes_read (GObject    *object,
               GParamSpec *pspec,
               gpointer    user_data)
{
  CancelRun *run = user_data;

  /* Progress arrives on this thread, and a few reports are enough to stop. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  if (++run->notifications == 3)
    g_cancellable_cancel (run->cancellable);
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  CancelRun *run = user_data;

  run->summary = teapot_explainer_run_finish (TEAPOT_EXPLAINER (object), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
test_cancel (void)
{
  g_autoptr(GInputStream) endless = g_object_new (endless_stream_get_type (), NULL);
  g_autoptr(TeapotLogReader) reader = teapot_log_reader_new (endless, -1);
  g_autoptr(TeapotExplainer) explainer = teapot_explainer_new (reader);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  CancelRun run = { cancellable, loop };
  gulong handler;

  /* A progress report may still be queued when the run ends: it must not reach this frame. */
  handler = g_signal_connect (explainer, "notify::bytes-read", G_CALLBACK (on_bytes_read), &run);
  teapot_explainer_run_async (explainer, cancellable, on_done, &run);
  g_main_loop_run (loop);
  g_signal_handler_disconnect (explainer, handler);

  g_assert_null (run.summary);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (run.notifications, >=, 3);
  g_assert_cmpuint (teapot_explainer_get_bytes_read (explainer), >, 0);
  /* Standard input has no size: no fraction. */
  g_assert_cmpfloat (teapot_explainer_get_fraction (explainer), ==, -1);
  g_clear_error (&run.error);
}

static void
on_done_file (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CancelRun *run = user_data;

  run->summary = teapot_explainer_run_finish (TEAPOT_EXPLAINER (object), result, &run->error);
  g_main_loop_quit (run->loop);
}

/* The bomb again, on a worker thread, cancelled at its first progress report: progress
 * comes while the endless line is read, and the cancellable is heeded there. */
static void
test_cancel_bomb (void)
{
  g_autoptr(GBytes) bomb = make_bomb ();
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (bomb);
  g_autoptr(TeapotLogReader) reader = teapot_log_reader_new (in, g_bytes_get_size (bomb));
  g_autoptr(TeapotExplainer) explainer = teapot_explainer_new (reader);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  CancelRun run = { cancellable, loop };
  gulong handler;

  /* A progress report may still be queued when the run ends: it must not reach this frame. */
  handler = g_signal_connect (explainer, "notify::bytes-read", G_CALLBACK (on_bytes_read), &run);
  teapot_explainer_run_async (explainer, cancellable, on_done, &run);
  g_main_loop_run (loop);
  g_signal_handler_disconnect (explainer, handler);

  g_assert_null (run.summary);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Progress counts compressed bytes: a bomb's are all read long before its end. */
  g_assert_cmpfloat (teapot_explainer_get_fraction (explainer), >, 0);
  g_assert_cmpuint (run.notifications, >=, 3);
  g_clear_error (&run.error);
}

static void
test_async_file (void)
{
  g_autoptr(GString) text = access_log (50000);
  g_autofree char *path = explain_test_write ("access.log", text->str, text->len);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TeapotExplainer) explainer = teapot_explainer_new_for_file (file);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  CancelRun run = { NULL, loop };

  teapot_explainer_run_async (explainer, NULL, on_done_file, &run);
  g_main_loop_run (loop);

  g_assert_no_error (run.error);
  g_assert_nonnull (run.summary);
  g_assert_cmpuint (teapot_log_summary_get_lines (run.summary), ==, 50000);
  g_assert_cmpfloat (teapot_explainer_get_fraction (explainer), ==, 1.0);
  teapot_log_summary_resolve (run.summary, explain_test_store ());
  g_assert_cmpuint (explain_test_count_of (run.summary, "404"), ==, 12500);
  g_object_unref (run.summary);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/explain-input/gzip", test_gzip);
  g_test_add_func ("/explain-input/gzip-members", test_gzip_members);
  g_test_add_func ("/explain-input/binary", test_binary);
  g_test_add_func ("/explain-input/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/explain-input/huge-lines", test_huge_lines);
  g_test_add_func ("/explain-input/reader-lines", test_reader_lines);
  g_test_add_func ("/explain-input/har-not-json", test_har_not_json);
  g_test_add_func ("/explain-input/mixed", test_mixed);
  g_test_add_func ("/explain-input/json-with-log", test_json_with_log);
  g_test_add_func ("/explain-input/json-two-objects", test_json_two_objects);
  g_test_add_func ("/explain-input/gzip-bomb", test_gzip_bomb);
  g_test_add_func ("/explain-input/cancel", test_cancel);
  g_test_add_func ("/explain-input/cancel-bomb", test_cancel_bomb);
  g_test_add_func ("/explain-input/async-file", test_async_file);

  return g_test_run ();
}
