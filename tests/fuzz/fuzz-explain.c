/* fuzz-explain.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer harness for "Explain a log" (issue 12): any bytes as a log, HAR file or pasted
 * response (gzip-compressed or not) go through format detection, the parsers, the counts
 * and their resolution on the bundled reference database; then every line parser sees
 * every line on its own. Built with clang by tests/fuzz/build.sh; replayed over the corpus
 * by the unit test "fuzz-explain-corpus" (tests/fuzz/replay.c) in every normal build. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "teapot-explainer.h"
#include "teapot-log-parser.h"
#include "teapot-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The store only resolves ids here: no user data file at all. */
static TeapotStore *
shared_store (void)
{
  static TeapotStore *store = NULL;

  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;

      store = teapot_store_new (":memory:", &error);
      g_assert_no_error (error);
    }
  return store;
}

static void
check_summary (TeapotLogSummary *summary)
{
  GPtrArray *counts = teapot_log_summary_get_counts (summary);
  GArray *buckets = teapot_log_summary_get_buckets (summary, NULL);
  guint64 total = 0;

  g_assert_cmpuint (teapot_log_summary_get_unparsed (summary), <=, teapot_log_summary_get_lines (summary));
  for (guint i = 0; i < counts->len; i++)
    {
      const TeapotLogCount *count = g_ptr_array_index (counts, i);

      g_assert_cmpuint (count->code, >=, 100);
      g_assert_cmpuint (count->code, <=, 999);
      g_assert_cmpuint (count->count, >, 0);
      for (guint j = 0; j < count->examples->len; j++)
        g_assert_true (g_utf8_validate (g_ptr_array_index (count->examples, j), -1, NULL));
      for (guint j = 0; j < count->headers->len; j++)
        g_assert_true (g_utf8_validate (g_ptr_array_index (count->headers, j), -1, NULL));
      total += count->count;
    }
  g_assert_cmpuint (total, ==, teapot_log_summary_get_total (summary));
  g_assert_cmpuint (buckets->len, <=, 512);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(TeapotLogReader) reader = teapot_log_reader_new (in, size);
  g_autoptr(TeapotExplainer) explainer = teapot_explainer_new (reader);
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotLogSummary) summary = teapot_explainer_run (explainer, NULL, &error);
  const char *p = (const char *) data, *end = p + size;

  if (summary != NULL)
    {
      g_assert_no_error (error);
      teapot_log_summary_resolve (summary, shared_store ());
      check_summary (summary);
    }
  else
    {
      g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA)
                     || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  /* Every line parser on every line, with the spans it returns inside the line. */
  for (TeapotLogFormat format = TEAPOT_LOG_FORMAT_INGRESS_NGINX; format < TEAPOT_LOG_FORMAT_HAR; format++)
    {
      g_autoptr(TeapotLogParser) parser = teapot_log_parser_new (format);

      for (const char *line = p; line < end;)
        {
          const char *newline = memchr (line, '\n', end - line);
          gsize length = (newline != NULL ? newline : end) - line;
          /* An exact copy, so that ASan sees a read past the line's end. */
          g_autofree char *copy = g_memdup2 (line, length);
          TeapotLogRecord record;
          TeapotLogLine kind = teapot_log_parser_parse (parser, copy, length, &record);

          if (kind == TEAPOT_LOG_LINE_STATUS)
            g_assert_true (record.code >= 100 && record.code <= 999);
          if (kind != TEAPOT_LOG_LINE_UNKNOWN && record.request != NULL && format != TEAPOT_LOG_FORMAT_HTTP_RESPONSE
              && format != TEAPOT_LOG_FORMAT_JSON_LINES)
            g_assert_true (record.request >= copy && record.request + record.request_length <= copy + length);
          line = newline != NULL ? newline + 1 : end;
        }
    }
  return 0;
}
