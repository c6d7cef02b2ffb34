/* test-explain-split.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A large plain file is read as two halves on two threads (teapot-explainer.c). Cut
 * anywhere, the summary must be the one reading it whole gives: every line counted once,
 * in the half it starts in, the first examples kept, the time buckets added up. Each test
 * cuts a generated file at every byte and compares the two summaries as text. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "explain-test-util.h"
#include "teapot-explainer-private.h"

static void
describe_texts (GString   *out,
                GPtrArray *texts)
{
  for (guint i = 0; i < texts->len; i++)
    g_string_append_printf (out, " [%s]", (const char *) g_ptr_array_index (texts, i));
}

/* Everything a summary holds that the halves could get wrong, as text. */
static char *
describe (TeapotLogSummary *summary)
{
  GString *out = g_string_new (NULL);
  GPtrArray *counts = teapot_log_summary_get_counts (summary);
  GPtrArray *upstream = teapot_log_summary_get_upstream (summary);
  GArray *buckets;
  guint width = 0;

  g_string_append_printf (out, "lines %" G_GUINT64_FORMAT " unparsed %" G_GUINT64_FORMAT " no-status %"
                          G_GUINT64_FORMAT " long %" G_GUINT64_FORMAT " total %" G_GUINT64_FORMAT "\n",
                          teapot_log_summary_get_lines (summary), teapot_log_summary_get_unparsed (summary),
                          teapot_log_summary_get_no_status (summary), teapot_log_summary_get_long_lines (summary),
                          teapot_log_summary_get_total (summary));
  for (TeapotLogFormat f = 0; f < TEAPOT_N_LOG_FORMATS; f++)
    g_string_append_printf (out, "format %d: %" G_GUINT64_FORMAT "\n", f,
                            teapot_log_summary_get_format_lines (summary, f));
  for (guint i = 0; i < counts->len; i++)
    {
      const TeapotLogCount *count = g_ptr_array_index (counts, i);

      g_string_append_printf (out, "%s %u.%d ctx %d: %" G_GUINT64_FORMAT, count->id, count->code, count->subcode,
                              count->context, count->count);
      describe_texts (out, count->examples);
      describe_texts (out, count->headers);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < upstream->len; i++)
    g_string_append_printf (out, "upstream %u: %" G_GUINT64_FORMAT "\n",
                            ((TeapotLogCount *) g_ptr_array_index (upstream, i))->code,
                            ((TeapotLogCount *) g_ptr_array_index (upstream, i))->count);
  buckets = teapot_log_summary_get_buckets (summary, &width);
  g_string_append_printf (out, "width %u\n", width);
  for (guint b = 0; b < buckets->len; b++)
    {
      const TeapotLogBucket *bucket = &g_array_index (buckets, TeapotLogBucket, b);

      g_string_append_printf (out, "%" G_GINT64_FORMAT ":", bucket->start);
      for (guint c = 0; c < G_N_ELEMENTS (bucket->counts); c++)
        g_string_append_printf (out, " %" G_GUINT64_FORMAT, bucket->counts[c]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* @at 0: read on one thread; else cut there. */
static char *
explain_cut (GFile  *file,
             goffset at)
{
  g_autoptr(TeapotExplainer) explainer = teapot_explainer_new_for_file (file);
  g_autoptr(TeapotLogSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  _teapot_explainer_set_split (explainer, at > 0 ? 0 : G_MAXINT64, at);
  summary = teapot_explainer_run (explainer, NULL, &error);
  g_assert_no_error (error);
  return describe (summary);
}

/* Cuts the file at every @step-th byte from @from to @to and compares with @whole. */
static void
assert_cuts (GFile      *file,
             const char *whole,
             gsize       from,
             gsize       to,
             gsize       step)
{
  for (gsize at = MAX (from, 1); at < to; at += step)
    {
      g_autofree char *cut = explain_cut (file, at);

      if (!g_str_equal (cut, whole))
        g_error ("cut at byte %" G_GSIZE_FORMAT ":\n%s\nwhole:\n%s", at, cut, whole);
    }
}

static GFile *
write_file (const GString *text,
            char         **whole)
{
  g_autofree char *path = explain_test_write ("input", text->str, text->len);
  GFile *file = g_file_new_for_path (path);

  *whole = explain_cut (file, 0);
  return file;
}

static void
remove_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  g_unlink (path);
  g_object_unref (file);
}

/* An access log with what a reader must not lose at a cut: CRLF and empty lines, lines it
 * does not understand, another format's lines, repeated and new examples, upstream
 * statuses, and a minute for each tenth line so the buckets differ between halves. */
static void
test_access (void)
{
  static const guint statuses[] = { 200, 404, 200, 499, 503, 301, 200, 429 };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *whole = NULL;
  GFile *file;

  for (guint i = 0; i < 120; i++)
    {
      guint code = statuses[i % G_N_ELEMENTS (statuses)];

      if (i % 17 == 5)
        g_string_append (text, "not a log line at all\n");
      else if (i % 23 == 7)
        g_string_append (text, "\n");
      else if (i % 29 == 11)
        g_string_append_printf (text, "http 2024-03-01T10:%02u:00.000000Z app/lb/1 10.0.0.1:1 10.0.0.2:80 0.001 0.002 "
                                "0.000 %u 502 10 20 \"GET http://x/alb/%u HTTP/1.1\" \"-\" - - arn - \"-\" \"-\" \"-\" 0 "
                                "2024-03-01T10:00:00.000000Z \"forward\" \"-\" \"-\" \"-\" \"-\" \"-\" \"-\"\n",
                                i / 10, code, i % 4);
      else
        g_string_append_printf (text, "10.0.0.%u - - [01/Mar/2024:10:%02u:%02u +0000] \"GET /item/%u HTTP/1.1\" %u %u%s",
                                i % 9, i / 10, i % 60, i % 5, code, 10 + i, i % 3 == 0 ? "\r\n" : "\n");
    }
  /* No end of line at the end of the file. */
  g_string_append (text, "10.0.0.1 - - [01/Mar/2024:12:00:00 +0000] \"GET /last HTTP/1.1\" 418 0");
  file = write_file (text, &whole);
  /* Not a vacuous comparison: the file has what the halves must add up. */
  g_assert_nonnull (strstr (whole, "unparsed 7 "));
  g_assert_nonnull (strstr (whole, "upstream 502: 4"));
  assert_cuts (file, whole, 1, text->len, 5);
  remove_file (file);
}

/* A line longer than the reader hands out whole, around the middle: cut inside it, before
 * it and after it, it is counted once as a long line. */
static void
test_long_line (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *whole = NULL;
  gsize long_start, long_end;
  GFile *file;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "10.0.0.1 - - [01/Mar/2024:10:00:%02u +0000] \"GET /a/%u HTTP/1.1\" %u 1\n", i,
                            i % 3, i % 2 ? 200 : 404);
  long_start = text->len;
  g_string_append (text, "10.0.0.1 - - [01/Mar/2024:10:01:00 +0000] \"GET /");
  while (text->len - long_start < TEAPOT_LOG_READER_MAX_LINE + 5000)
    g_string_append (text, "xxxxxxxxxxxxxxxx");
  g_string_append (text, " HTTP/1.1\" 414 1\n");
  long_end = text->len;
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "10.0.0.1 - - [01/Mar/2024:10:02:%02u +0000] \"GET /b/%u HTTP/1.1\" %u 1\n", i,
                            i % 3, i % 2 ? 500 : 200);
  file = write_file (text, &whole);
  g_assert_nonnull (strstr (whole, "long 1 "));
  /* Every byte around the long line's ends, a sample inside it. */
  assert_cuts (file, whole, long_start - 100, long_start + 100, 1);
  assert_cuts (file, whole, 1, long_start - 100, 37);
  assert_cuts (file, whole, long_start + 100, long_end - 100, 997);
  assert_cuts (file, whole, long_end - 100, long_end + 100, 1);
  assert_cuts (file, whole, long_end + 100, text->len, 37);
  remove_file (file);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/explain/split/access", test_access);
  g_test_add_func ("/explain/split/long-line", test_long_line);
  return g_test_run ();
}
