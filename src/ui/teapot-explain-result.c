/* teapot-explain-result.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
/* PRIu64 rather than G_GUINT64_FORMAT in messages: xgettext understands only the former. */
#include <inttypes.h>

#include "teapot-explain-result.h"
#include "teapot-explain-chart.h"
#include "teapot-explain-row.h"
#include "teapot-log-reader.h"
#include "teapot-ui-util.h"

/* What an explained log holds: its format and size, what went wrong reading it, the chart
 * of its statuses over time and one row per status, most frequent first. */
struct _TeapotExplainResult
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scroller;
  GtkLabel *title_label;
  GtkLabel *facts_label;
  GtkLabel *notes_label;
  TeapotExplainChart *chart;
  GtkListBox *codes_list;
  GtkLabel *more_label;

  TeapotLogSummary *summary;
};

G_DEFINE_FINAL_TYPE (TeapotExplainResult, teapot_explain_result, GTK_TYPE_WIDGET)

/* "nginx/Apache access log · 5,000 lines · 4,990 statuses · 10 not understood" */
static char *
format_facts (TeapotLogSummary *summary)
{
  g_autofree char *lines = teapot_ui_format_count (teapot_log_summary_get_lines (summary));
  g_autofree char *statuses = teapot_ui_format_count (teapot_log_summary_get_total (summary));
  g_autoptr(GString) text = g_string_new (teapot_log_format_get_name (teapot_log_summary_get_format (summary)));
  guint64 unparsed = teapot_log_summary_get_unparsed (summary);

  g_string_append (text, " · ");
  /* Translators: %s is a number with thousands separators, e.g. “5,000 lines”. */
  g_string_append_printf (text, ngettext ("%s line", "%s lines", teapot_log_summary_get_lines (summary)), lines);
  g_string_append (text, " · ");
  /* Translators: how many HTTP statuses were counted, e.g. “4,990 statuses”. */
  g_string_append_printf (text, ngettext ("%s status", "%s statuses", teapot_log_summary_get_total (summary)),
                          statuses);
  if (unparsed > 0)
    {
      g_autofree char *number = teapot_ui_format_count (unparsed);

      g_string_append (text, " · ");
      /* Translators: lines of no known format, e.g. “10 not understood”. */
      g_string_append_printf (text, _("%s not understood"), number);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Whatever should not go unnoticed: a damaged file, cut lines, other formats mixed in, and
 * what the servers behind a proxy or load balancer answered. One per line. */
static char *
format_notes (TeapotLogSummary *summary)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *upstream = teapot_log_summary_get_upstream (summary);
  guint64 long_lines = teapot_log_summary_get_long_lines (summary);

  if (teapot_log_summary_get_damage (summary) != NULL)
    g_string_append_printf (text, "%s\n", teapot_log_summary_get_damage (summary));
  if (long_lines > 0)
    g_string_append_printf (text, ngettext ("%" PRIu64 " line was cut at %d KiB\n",
                                               "%" PRIu64 " lines were cut at %d KiB\n", long_lines),
                            long_lines, TEAPOT_LOG_READER_MAX_LINE / 1024);
  for (TeapotLogFormat f = TEAPOT_LOG_FORMAT_INGRESS_NGINX; f < TEAPOT_N_LOG_FORMATS; f++)
    {
      guint64 n = teapot_log_summary_get_format_lines (summary, f);

      if (n > 0)
        /* Translators: a log that mixes formats, e.g. “Mixed in: 3 lines of JSON lines”. */
        g_string_append_printf (text, _("Mixed in: %" PRIu64 " lines of %s\n"), n, teapot_log_format_get_name (f));
    }
  if (upstream->len > 0)
    {
      g_string_append (text, _("The servers behind answered:"));
      for (guint i = 0; i < upstream->len; i++)
        {
          const TeapotLogCount *count = g_ptr_array_index (upstream, i);
          g_autofree char *number = teapot_ui_format_count (count->count);

          g_string_append_printf (text, "%s %u (%s)", i > 0 ? "," : "", count->code, number);
        }
    }
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_rows (TeapotExplainResult *self)
{
  GPtrArray *counts = teapot_log_summary_get_counts (self->summary);
  guint64 total = teapot_log_summary_get_total (self->summary);
  guint shown = MIN (counts->len, TEAPOT_EXPLAIN_RESULT_MAX_ROWS);
  guint64 rest = 0;

  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->codes_list, teapot_explain_row_new (g_ptr_array_index (counts, i), total));
  for (guint i = shown; i < counts->len; i++)
    rest += ((TeapotLogCount *) g_ptr_array_index (counts, i))->count;
  if (shown < counts->len)
    {
      g_autofree char *number = teapot_ui_format_count (rest);
      /* Translators: below a long list, e.g. “And 310 more statuses, 1,204 times in all”. */
      g_autofree char *text = g_strdup_printf (_("And %u more statuses, %s times in all"), counts->len - shown, number);

      gtk_label_set_label (self->more_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), shown < counts->len);
}

static void
teapot_explain_result_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TEAPOT_TYPE_EXPLAIN_RESULT);

  G_OBJECT_CLASS (teapot_explain_result_parent_class)->dispose (object);
}

static void
teapot_explain_result_finalize (GObject *object)
{
  TeapotExplainResult *self = TEAPOT_EXPLAIN_RESULT (object);

  g_clear_object (&self->summary);

  G_OBJECT_CLASS (teapot_explain_result_parent_class)->finalize (object);
}

static void
teapot_explain_result_class_init (TeapotExplainResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = teapot_explain_result_dispose;
  object_class->finalize = teapot_explain_result_finalize;

  g_type_ensure (TEAPOT_TYPE_EXPLAIN_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-explain-result.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainResult, scroller);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainResult, title_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainResult, facts_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainResult, notes_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainResult, chart);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainResult, codes_list);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainResult, more_label);
}

static void
teapot_explain_result_init (TeapotExplainResult *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
teapot_explain_result_set_summary (TeapotExplainResult *self,
                                   TeapotLogSummary    *summary,
                                   const char          *name)
{
  g_autofree char *facts = NULL;
  g_autofree char *notes = NULL;

  g_return_if_fail (TEAPOT_IS_EXPLAIN_RESULT (self));
  g_return_if_fail (TEAPOT_IS_LOG_SUMMARY (summary));
  g_return_if_fail (name != NULL);

  g_set_object (&self->summary, summary);
  gtk_list_box_remove_all (self->codes_list);

  facts = format_facts (summary);
  notes = format_notes (summary);
  gtk_label_set_label (self->title_label, name);
  gtk_label_set_label (self->facts_label, facts);
  gtk_label_set_label (self->notes_label, notes);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), *notes != '\0');
  teapot_explain_chart_set_summary (self->chart, summary);
  fill_rows (self);
  /* A new log starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

TeapotLogSummary *
teapot_explain_result_get_summary (TeapotExplainResult *self)
{
  g_return_val_if_fail (TEAPOT_IS_EXPLAIN_RESULT (self), NULL);
  return self->summary;
}
