/* explain-test-util.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "explain-test-util.h"

TeapotStore *
explain_test_store (void)
{
  static TeapotStore *store = NULL;

  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;

      store = teapot_store_new (NULL, &error);
      g_assert_no_error (error);
    }
  return store;
}

char *
explain_test_write (const char *name,
                    const void *data,
                    gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("teapot-explain-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

TeapotLogSummary *
explain_test_bytes (const void  *data,
                    gsize        length,
                    GError     **error)
{
  g_autofree char *path = explain_test_write ("input", data, length);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TeapotExplainer) explainer = teapot_explainer_new_for_file (file);
  TeapotLogSummary *summary = teapot_explainer_run (explainer, NULL, error);

  if (summary != NULL)
    teapot_log_summary_resolve (summary, explain_test_store ());
  g_unlink (path);
  return summary;
}

TeapotLogCount *
explain_test_find (TeapotLogSummary *summary,
                   const char       *id)
{
  GPtrArray *counts = teapot_log_summary_get_counts (summary);

  for (guint i = 0; i < counts->len; i++)
    if (g_str_equal (((TeapotLogCount *) g_ptr_array_index (counts, i))->id, id))
      return g_ptr_array_index (counts, i);
  return NULL;
}

guint64
explain_test_count_of (TeapotLogSummary *summary,
                       const char       *id)
{
  TeapotLogCount *count = explain_test_find (summary, id);

  return count != NULL ? count->count : 0;
}

GBytes *
explain_test_gzip (const void *data,
                   gsize       length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (out, data, length, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}
