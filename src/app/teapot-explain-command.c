/* teapot-explain-command.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
/* PRIu64 rather than G_GUINT64_FORMAT in messages: xgettext understands only the former. */
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "teapot-cli.h"
#include "teapot-explain-command.h"
#include "teapot-explainer.h"
#include "teapot-store.h"

/* Options that choose another command, which --explain does not combine with. */
static const char * const other_modes[] = {
  "open", "search", "class", "tag", "favourites", "favorites", "list", "limit", "star", "unstar", G_OPTION_REMAINING,
};


static double
share_of (guint64 count,
          guint64 total)
{
  return total > 0 ? 100.0 * count / total : 0;
}

/* Whose meaning a row shows: the vendor, "registered", or the candidates when the log
 * does not say. */
static char *
context_text (const TeapotLogCount *count)
{
  if (count->entry != NULL)
    return g_strdup (teapot_entry_is_registered (count->entry) ? _("registered") : teapot_entry_get_vendor (count->entry));
  if (count->alternatives != NULL)
    {
      g_autofree char *ids = g_strjoinv (", ", count->alternatives);

      return g_strdup_printf (_("one of %s"), ids);
    }
  return g_strdup (_("unknown"));
}

static void
print_text (TeapotLogSummary *summary)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *counts = teapot_log_summary_get_counts (summary);
  GPtrArray *upstream = teapot_log_summary_get_upstream (summary);
  guint64 total = teapot_log_summary_get_total (summary);
  guint id_width = 4;

  g_string_append_printf (out, _("Format: %s\n"), teapot_log_format_get_name (teapot_log_summary_get_format (summary)));
  g_string_append_printf (out, _("Lines: %" PRIu64 " read, %" PRIu64 " not understood"),
                          teapot_log_summary_get_lines (summary), teapot_log_summary_get_unparsed (summary));
  if (teapot_log_summary_get_long_lines (summary) > 0)
    g_string_append_printf (out, _(", %" PRIu64 " cut at %d KiB"),
                            teapot_log_summary_get_long_lines (summary), TEAPOT_LOG_READER_MAX_LINE / 1024);
  g_string_append_c (out, '\n');
  for (TeapotLogFormat f = TEAPOT_LOG_FORMAT_INGRESS_NGINX; f < TEAPOT_N_LOG_FORMATS; f++)
    if (teapot_log_summary_get_format_lines (summary, f) > 0)
      g_string_append_printf (out, _("Mixed in: %" PRIu64 " lines of %s\n"),
                              teapot_log_summary_get_format_lines (summary, f), teapot_log_format_get_name (f));

  for (guint i = 0; i < counts->len; i++)
    id_width = MAX (id_width, strlen (((TeapotLogCount *) g_ptr_array_index (counts, i))->id));
  if (counts->len > 0)
    g_string_append_printf (out, "\n%-*s %10s %7s  %-32s %s\n", id_width, _("CODE"), _("COUNT"), _("SHARE"), _("PHRASE"),
                            _("CONTEXT"));
  for (guint i = 0; i < counts->len; i++)
    {
      const TeapotLogCount *count = g_ptr_array_index (counts, i);
      g_autofree char *context = context_text (count);

      g_string_append_printf (out, "%-*s %10" G_GUINT64_FORMAT " %6.1f%%  %-32s %s\n", id_width, count->id,
                              count->count, share_of (count->count, total),
                              count->entry != NULL ? teapot_entry_get_phrase (count->entry) : "",
                              context);
      if (count->examples->len > 0)
        {
          g_string_append_printf (out, "%*s  %s", id_width, "", _("e.g."));
          for (guint j = 0; j < count->examples->len; j++)
            g_string_append_printf (out, "%s%s", j > 0 ? ", " : " ", (char *) g_ptr_array_index (count->examples, j));
          g_string_append_c (out, '\n');
        }
      for (guint j = 0; j < count->headers->len; j++)
        g_string_append_printf (out, "%*s  %s\n", id_width, "", (char *) g_ptr_array_index (count->headers, j));
      /* IIS's details, when the dataset has no entry of their own. */
      if (count->subcode >= 0 && strchr (count->id, '.') == NULL)
        g_string_append_printf (out, "%*s  %s %d\n", id_width, "", _("sub-status"), count->subcode);
      if (count->details->len > 0)
        {
          g_string_append_printf (out, "%*s  %s", id_width, "", _("Win32 status"));
          for (guint j = 0; j < count->details->len; j++)
            g_string_append_printf (out, "%s%u", j > 0 ? ", " : " ", g_array_index (count->details, guint, j));
          g_string_append_c (out, '\n');
        }
    }

  if (upstream->len > 0)
    {
      g_string_append (out, _("\nThe servers behind answered:"));
      for (guint i = 0; i < upstream->len; i++)
        {
          const TeapotLogCount *count = g_ptr_array_index (upstream, i);

          g_string_append_printf (out, " %u (%" G_GUINT64_FORMAT ")%s", count->code, count->count,
                                  i + 1 < upstream->len ? "," : "\n");
        }
    }
  fwrite (out->str, 1, out->len, stdout);
}

static void
add_strings (JsonBuilder *builder,
             const char  *key,
             GPtrArray   *texts)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < texts->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (texts, i));
  json_builder_end_array (builder);
}

static void
add_count (JsonBuilder          *builder,
           const TeapotLogCount *count,
           guint64               total)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, count->id);
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, count->code);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, count->count);
  json_builder_set_member_name (builder, "share");
  json_builder_add_double_value (builder, share_of (count->count, total) / 100);
  json_builder_set_member_name (builder, "phrase");
  if (count->entry != NULL)
    json_builder_add_string_value (builder, teapot_entry_get_phrase (count->entry));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "vendor");
  if (count->entry != NULL)
    json_builder_add_string_value (builder, teapot_entry_get_vendor (count->entry));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "subcode");
  if (count->subcode >= 0)
    json_builder_add_int_value (builder, count->subcode);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "alternatives");
  json_builder_begin_array (builder);
  for (guint i = 0; count->alternatives != NULL && count->alternatives[i] != NULL; i++)
    json_builder_add_string_value (builder, count->alternatives[i]);
  json_builder_end_array (builder);
  add_strings (builder, "examples", count->examples);
  add_strings (builder, "headers", count->headers);
  json_builder_set_member_name (builder, "win32");
  json_builder_begin_array (builder);
  for (guint i = 0; i < count->details->len; i++)
    json_builder_add_int_value (builder, g_array_index (count->details, guint, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_timeline (JsonBuilder      *builder,
              TeapotLogSummary *summary)
{
  static const char * const classes[] = { "other", "1xx", "2xx", "3xx", "4xx", "5xx" };
  guint width = 0;
  GArray *buckets = teapot_log_summary_get_buckets (summary, &width);

  json_builder_set_member_name (builder, "timeline");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "width");
  json_builder_add_int_value (builder, width);
  json_builder_set_member_name (builder, "buckets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < buckets->len; i++)
    {
      const TeapotLogBucket *bucket = &g_array_index (buckets, TeapotLogBucket, i);
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (bucket->start);
      g_autofree char *iso = start != NULL ? g_date_time_format_iso8601 (start) : g_strdup ("");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_string_value (builder, iso);
      for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
        {
          json_builder_set_member_name (builder, classes[c]);
          json_builder_add_int_value (builder, bucket->counts[c]);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_json (TeapotLogSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  GPtrArray *counts = teapot_log_summary_get_counts (summary);
  GPtrArray *upstream = teapot_log_summary_get_upstream (summary);
  guint64 total = teapot_log_summary_get_total (summary);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, teapot_log_format_get_id (teapot_log_summary_get_format (summary)));
  json_builder_set_member_name (builder, "format_name");
  json_builder_add_string_value (builder, teapot_log_format_get_name (teapot_log_summary_get_format (summary)));
  json_builder_set_member_name (builder, "lines");
  json_builder_add_int_value (builder, teapot_log_summary_get_lines (summary));
  json_builder_set_member_name (builder, "unparsed");
  json_builder_add_int_value (builder, teapot_log_summary_get_unparsed (summary));
  json_builder_set_member_name (builder, "no_status");
  json_builder_add_int_value (builder, teapot_log_summary_get_no_status (summary));
  json_builder_set_member_name (builder, "long_lines");
  json_builder_add_int_value (builder, teapot_log_summary_get_long_lines (summary));
  json_builder_set_member_name (builder, "statuses");
  json_builder_add_int_value (builder, total);
  json_builder_set_member_name (builder, "damage");
  if (teapot_log_summary_get_damage (summary) != NULL)
    json_builder_add_string_value (builder, teapot_log_summary_get_damage (summary));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "codes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < counts->len; i++)
    add_count (builder, g_ptr_array_index (counts, i), total);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "upstream");
  json_builder_begin_array (builder);
  for (guint i = 0; i < upstream->len; i++)
    {
      const TeapotLogCount *count = g_ptr_array_index (upstream, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_int_value (builder, count->code);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, count->count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "mixed");
  json_builder_begin_object (builder);
  for (TeapotLogFormat f = TEAPOT_LOG_FORMAT_INGRESS_NGINX; f < TEAPOT_N_LOG_FORMATS; f++)
    if (teapot_log_summary_get_format_lines (summary, f) > 0)
      {
        json_builder_set_member_name (builder, teapot_log_format_get_id (f));
        json_builder_add_int_value (builder, teapot_log_summary_get_format_lines (summary, f));
      }
  json_builder_end_object (builder);

  add_timeline (builder, summary);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

int
teapot_explain_command_run (GVariantDict *options)
{
  g_autoptr(TeapotLogReader) reader = NULL;
  g_autoptr(TeapotExplainer) explainer = NULL;
  g_autoptr(TeapotLogSummary) summary = NULL;
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = NULL;
  gboolean json = g_variant_dict_contains (options, "json");

  g_variant_dict_lookup (options, "explain", "&s", &path);
  for (gsize i = 0; i < G_N_ELEMENTS (other_modes); i++)
    if (g_variant_dict_contains (options, other_modes[i]))
      return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("--explain goes alone (or with --json)"));
  if (path == NULL || *path == '\0')
    return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("--explain needs a file name, or - for standard input"));

  reader = teapot_log_reader_new_for_path (path, &error);
  if (reader == NULL)
    return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("cannot read “%s”: %s"), path, error->message);

  explainer = teapot_explainer_new (reader);
  summary = teapot_explainer_run (explainer, NULL, &error);
  if (summary == NULL)
    {
      /* A file that reads but is in no known format is "nothing found" (1); one that cannot
       * be read is a bad argument (2). */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA)
          || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        return teapot_cli_complain (TEAPOT_EXIT_NOT_FOUND, "“%s”: %s", path, error->message);
      return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("cannot read “%s”: %s"), path, error->message);
    }
  if (teapot_log_summary_get_damage (summary) != NULL)
    teapot_cli_complain (0, "“%s”: %s", path, teapot_log_summary_get_damage (summary));

  store = teapot_store_new (NULL, &error);
  if (store == NULL)
    return teapot_cli_complain (TEAPOT_EXIT_NOT_FOUND, "%s", error->message);
  teapot_log_summary_resolve (summary, store);

  if (json)
    print_json (summary);
  else
    print_text (summary);
  fflush (stdout);

  if (teapot_log_summary_get_total (summary) == 0)
    return teapot_cli_complain (TEAPOT_EXIT_NOT_FOUND, _("No status found in “%s” (%s)"), path,
                     teapot_log_format_get_name (teapot_log_summary_get_format (summary)));
  return TEAPOT_EXIT_OK;
}
