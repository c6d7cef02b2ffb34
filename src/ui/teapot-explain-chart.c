/* teapot-explain-chart.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include <adwaita.h>

#include "teapot-explain-chart.h"
#include "teapot-format.h"
#include "teapot-ui-util.h"

/* A log's statuses by class over time: one stacked bar per slice of time, the errors on
 * top where the eye looks for them, with the first and last time below and a legend. A log
 * without timestamps gets one bar of its totals. Drawn with GtkSnapshot; each class's colour
 * is the one its legend swatch gets from the style sheet (class-1xx ... class-other), so the
 * bars match the codes in the list and follow the dark style. */
struct _TeapotExplainChart
{
  GtkWidget parent_instance;

  GtkWidget *plot;
  GtkWidget *start_label;
  GtkWidget *end_label;
  GtkWidget *legend;
  GtkWidget *items[6];
  GtkWidget *swatches[6];
  GtkWidget *item_labels[6];

  GArray *buckets;           /* TeapotLogBucket in time order */
  guint width;               /* seconds per bucket */
  guint64 totals[6];
};

G_DEFINE_FINAL_TYPE (TeapotExplainChart, teapot_explain_chart, GTK_TYPE_WIDGET)

/* The stacking order, bottom up: the classes that mean trouble end up on top. */
static const guint stack_order[] = { 2, 3, 1, 0, 4, 5 };

#define MIN_BAR_STEP 3.0f
#define PLOT_HEIGHT 120
#define BAND_HEIGHT 28

static gint64
span_of (TeapotExplainChart *self)
{
  const TeapotLogBucket *first = &g_array_index (self->buckets, TeapotLogBucket, 0);
  const TeapotLogBucket *last = &g_array_index (self->buckets, TeapotLogBucket, self->buckets->len - 1);

  return last->start + self->width - first->start;
}

/* Buckets may be sparse (quiet hours have none) and more than there are pixels: each bar
 * sums the same number of consecutive buckets, as few as leave a bar MIN_BAR_STEP wide. */
static guint64
buckets_per_bar (TeapotExplainChart *self,
                 float               plot_width)
{
  guint64 slots = span_of (self) / self->width;
  guint64 max_bars = MAX (1, (guint64) (plot_width / MIN_BAR_STEP));

  return (slots + max_bars - 1) / max_bars;
}

static guint
count_bars (TeapotExplainChart *self,
            float               plot_width)
{
  guint64 slots, per_bar;

  if (self->buckets->len == 0)
    return 1;
  slots = span_of (self) / self->width;
  per_bar = buckets_per_bar (self, plot_width);
  return (guint) ((slots + per_bar - 1) / per_bar);
}

static guint
bar_of (TeapotExplainChart *self,
        gint64              start,
        guint64             per_bar,
        guint               n_bars)
{
  gint64 first = g_array_index (self->buckets, TeapotLogBucket, 0).start;

  return (guint) MIN ((guint64) (start - first) / self->width / per_bar, n_bars - 1);
}

/* counts[bar * 6 + class] for the @n_bars bars of a plot @plot_width wide. */
static guint64 *
sum_bars (TeapotExplainChart *self,
          float               plot_width,
          guint              *n_bars)
{
  guint64 per_bar;
  guint64 *counts;

  *n_bars = count_bars (self, plot_width);
  counts = g_new0 (guint64, *n_bars * 6);
  if (self->buckets->len == 0)
    {
      memcpy (counts, self->totals, sizeof self->totals);
      return counts;
    }
  per_bar = buckets_per_bar (self, plot_width);
  for (guint i = 0; i < self->buckets->len; i++)
    {
      const TeapotLogBucket *bucket = &g_array_index (self->buckets, TeapotLogBucket, i);
      guint bar = bar_of (self, bucket->start, per_bar, *n_bars);

      for (guint c = 0; c < 6; c++)
        counts[bar * 6 + c] += bucket->counts[c];
    }
  return counts;
}

static char *
format_time (gint64   time,
             gboolean with_date)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (time);

  if (local == NULL)
    return g_strdup ("");
  /* Translators: a time on the chart's axis, with and without its date: see strftime(3). */
  return g_date_time_format (local, with_date ? _("%x %H:%M") : _("%H:%M"));
}

static gboolean
same_day (gint64 a,
          gint64 b)
{
  g_autoptr(GDateTime) x = g_date_time_new_from_unix_local (a);
  g_autoptr(GDateTime) y = g_date_time_new_from_unix_local (b);

  return x != NULL && y != NULL && g_date_time_get_year (x) == g_date_time_get_year (y)
         && g_date_time_get_day_of_year (x) == g_date_time_get_day_of_year (y);
}

/* "2xx 9,500 (95%) · 4xx 40 (0.4%)", the classes in code order. */
static char *
describe_classes (TeapotExplainChart *self,
                  const guint64      *counts)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint64 total = 0;

  for (guint c = 0; c < 6; c++)
    total += counts[c];
  for (guint i = 0; i < 6; i++)
    {
      guint c = (i + 1) % 6;
      g_autofree char *number = NULL;

      if (counts[c] == 0)
        continue;
      number = teapot_ui_format_count (counts[c]);
      if (text->len > 0)
        g_string_append (text, " · ");
      if (c == 0)
        /* Translators: statuses outside 100 to 599 on the chart, e.g. “other 3 (0.1%)”. */
        g_string_append_printf (text, _("other %s (%.1f%%)"), number, 100.0 * counts[c] / total);
      else
        /* Translators: one class on the chart, e.g. “4xx 40 (0.4%)”. */
        g_string_append_printf (text, _("%uxx %s (%.1f%%)"), c, number, 100.0 * counts[c] / total);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_labels (TeapotExplainChart *self)
{
  g_autofree char *classes = describe_classes (self, self->totals);
  g_autofree char *description = NULL;

  for (guint c = 0; c < 6; c++)
    {
      g_autofree char *number = teapot_ui_format_count (self->totals[c]);
      g_autofree char *text = c == 0 ? g_strdup_printf (_("other %s"), number)
                                     /* Translators: a legend item: a class and its count, “2xx 9,500”. */
                                     : g_strdup_printf (_("%uxx %s"), c, number);

      gtk_label_set_label (GTK_LABEL (self->item_labels[c]), text);
      gtk_widget_set_tooltip_text (self->items[c], teapot_format_class_name (c));
      gtk_widget_set_visible (self->items[c], self->totals[c] > 0);
    }

  if (self->buckets->len > 0)
    {
      gint64 first = g_array_index (self->buckets, TeapotLogBucket, 0).start;
      gint64 end = first + span_of (self);
      gboolean one_day = same_day (first, end - 1);
      g_autofree char *from = format_time (first, TRUE);
      g_autofree char *to = format_time (end, !one_day);

      gtk_label_set_label (GTK_LABEL (self->start_label), from);
      gtk_label_set_label (GTK_LABEL (self->end_label), to);
      /* Translators: the chart for screen readers: a time range, then the classes. */
      description = g_strdup_printf (_("From %s to %s: %s"), from, to, classes);
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (self->start_label), _("No timestamps: all statuses in one bar"));
      gtk_label_set_label (GTK_LABEL (self->end_label), "");
      /* Translators: the chart for screen readers, when the log has no times. */
      description = g_strdup_printf (_("No timestamps: %s"), classes);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/* No times: one bar, lying across the width, each class as long as its share. */
static void
append_band (TeapotExplainChart    *self,
             GtkSnapshot           *snapshot,
             const graphene_rect_t *plot,
             const GdkRGBA         *colours)
{
  guint64 total = 0;
  float x = plot->origin.x;

  for (guint c = 0; c < 6; c++)
    total += self->totals[c];
  for (guint i = 0; i < G_N_ELEMENTS (stack_order) && total > 0; i++)
    {
      guint c = stack_order[i];
      float w = MAX (1, (float) self->totals[c] / total * plot->size.width);

      if (self->totals[c] == 0)
        continue;
      w = MIN (w, plot->origin.x + plot->size.width - x);
      gtk_snapshot_append_color (snapshot, &colours[c], &GRAPHENE_RECT_INIT (x, plot->origin.y, w, plot->size.height));
      x += w;
    }
}

static void
teapot_explain_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  TeapotExplainChart *self = TEAPOT_EXPLAIN_CHART (widget);
  g_autofree guint64 *counts = NULL;
  graphene_rect_t plot;
  GdkRGBA colours[6];
  GdkRGBA baseline;
  guint64 max = 0;
  guint n_bars;
  float step, gap;

  if (!gtk_widget_compute_bounds (self->plot, widget, &plot) || plot.size.width < 1)
    goto children;

  for (guint c = 0; c < 6; c++)
    gtk_widget_get_color (self->swatches[c], &colours[c]);
  if (self->buckets->len == 0)
    {
      append_band (self, snapshot, &plot, colours);
      goto children;
    }

  counts = sum_bars (self, plot.size.width, &n_bars);
  for (guint bar = 0; bar < n_bars; bar++)
    {
      guint64 sum = 0;

      for (guint c = 0; c < 6; c++)
        sum += counts[bar * 6 + c];
      max = MAX (max, sum);
    }
  gtk_widget_get_color (widget, &baseline);
  baseline.alpha *= 0.2f;

  step = plot.size.width / n_bars;
  gap = step >= 8 ? 2 : step >= 4 ? 1 : 0;
  gtk_snapshot_append_color (snapshot, &baseline,
                             &GRAPHENE_RECT_INIT (plot.origin.x, plot.origin.y + plot.size.height - 1, plot.size.width, 1));
  for (guint bar = 0; bar < n_bars && max > 0; bar++)
    {
      float x = plot.origin.x + bar * step;
      float y = plot.origin.y + plot.size.height - 1;

      for (guint i = 0; i < G_N_ELEMENTS (stack_order); i++)
        {
          guint c = stack_order[i];
          float h = (float) counts[bar * 6 + c] / max * (plot.size.height - 1);

          if (counts[bar * 6 + c] == 0)
            continue;
          /* Never thinner than a pixel: one 5xx among thousands of 200s must still show. */
          h = MAX (h, 1);
          y -= h;
          gtk_snapshot_append_color (snapshot, &colours[c], &GRAPHENE_RECT_INIT (x, y, step - gap, h));
        }
    }

children:
  GTK_WIDGET_CLASS (teapot_explain_chart_parent_class)->snapshot (widget, snapshot);
}

static gboolean
on_query_tooltip (TeapotExplainChart *self,
                  int                 x,
                  int                 y,
                  gboolean            keyboard,
                  GtkTooltip         *tooltip)
{
  g_autofree guint64 *counts = NULL;
  g_autofree char *classes = NULL;
  g_autofree char *text = NULL;
  graphene_rect_t plot;
  guint n_bars, bar;

  if (keyboard || !gtk_widget_compute_bounds (self->plot, GTK_WIDGET (self), &plot)
      || !graphene_rect_contains_point (&plot, &GRAPHENE_POINT_INIT (x, y)))
    return FALSE;

  counts = sum_bars (self, plot.size.width, &n_bars);
  bar = MIN ((guint) ((x - plot.origin.x) / (plot.size.width / n_bars)), n_bars - 1);
  if (self->buckets->len == 0)
    bar = 0;
  classes = describe_classes (self, counts + bar * 6);
  if (*classes == '\0')
    return FALSE;
  if (self->buckets->len > 0)
    {
      gint64 first = g_array_index (self->buckets, TeapotLogBucket, 0).start;
      gint64 length = (gint64) buckets_per_bar (self, plot.size.width) * self->width;
      gint64 from = first + length * bar;
      gint64 to = MIN (from + length, first + span_of (self));
      g_autofree char *from_text = format_time (from, TRUE);
      g_autofree char *to_text = format_time (to, !same_day (from, to - 1));

      text = g_strdup_printf ("%s – %s\n%s", from_text, to_text, classes);
    }
  gtk_tooltip_set_text (tooltip, text != NULL ? text : classes);
  return TRUE;
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
teapot_explain_chart_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (teapot_explain_chart_parent_class)->dispose (object);
}

static void
teapot_explain_chart_finalize (GObject *object)
{
  TeapotExplainChart *self = TEAPOT_EXPLAIN_CHART (object);

  g_array_unref (self->buckets);

  G_OBJECT_CLASS (teapot_explain_chart_parent_class)->finalize (object);
}

static void
teapot_explain_chart_class_init (TeapotExplainChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = teapot_explain_chart_dispose;
  object_class->finalize = teapot_explain_chart_finalize;
  widget_class->snapshot = teapot_explain_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "explain-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
teapot_explain_chart_init (TeapotExplainChart *self)
{
  static const char * const styles[] = { "class-other", "class-1xx", "class-2xx", "class-3xx", "class-4xx", "class-5xx" };
  GtkWidget *axis;

  self->buckets = g_array_new (FALSE, FALSE, sizeof (TeapotLogBucket));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  /* The bars are drawn over this empty widget: the layout gives them their room. */
  self->plot = adw_bin_new ();
  gtk_widget_set_size_request (self->plot, 60, PLOT_HEIGHT);
  gtk_widget_set_parent (self->plot, GTK_WIDGET (self));

  axis = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_parent (axis, GTK_WIDGET (self));
  self->start_label = add_label (axis, "caption");
  gtk_widget_set_hexpand (self->start_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->start_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->start_label), TRUE);
  self->end_label = add_label (axis, "caption");
  gtk_label_set_xalign (GTK_LABEL (self->end_label), 1);
  gtk_widget_add_css_class (axis, "dim-label");

  self->legend = adw_wrap_box_new ();
  adw_wrap_box_set_child_spacing (ADW_WRAP_BOX (self->legend), 12);
  adw_wrap_box_set_line_spacing (ADW_WRAP_BOX (self->legend), 4);
  gtk_widget_set_parent (self->legend, GTK_WIDGET (self));
  for (guint i = 0; i < 6; i++)
    {
      guint c = (i + 1) % 6;

      self->items[c] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      self->swatches[c] = add_label (self->items[c], styles[c]);
      /* A square of the class's colour; the text beside it says which class. */
      gtk_label_set_label (GTK_LABEL (self->swatches[c]), "■");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->swatches[c]), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      self->item_labels[c] = add_label (self->items[c], "numeric");
      adw_wrap_box_append (ADW_WRAP_BOX (self->legend), self->items[c]);
    }

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Statuses by class over time"), -1);
  update_labels (self);
}

GtkWidget *
teapot_explain_chart_new (void)
{
  return g_object_new (TEAPOT_TYPE_EXPLAIN_CHART, NULL);
}

void
teapot_explain_chart_set_summary (TeapotExplainChart *self,
                                  TeapotLogSummary   *summary)
{
  g_return_if_fail (TEAPOT_IS_EXPLAIN_CHART (self));
  g_return_if_fail (summary == NULL || TEAPOT_IS_LOG_SUMMARY (summary));

  g_array_set_size (self->buckets, 0);
  memset (self->totals, 0, sizeof self->totals);
  self->width = 1;
  if (summary != NULL)
    {
      GArray *buckets = teapot_log_summary_get_buckets (summary, &self->width);
      GPtrArray *counts = teapot_log_summary_get_counts (summary);

      g_array_append_vals (self->buckets, buckets->data, buckets->len);
      self->width = MAX (self->width, 1);
      /* From the counts, not the buckets: lines without a time are statuses too. */
      for (guint i = 0; i < counts->len; i++)
        {
          const TeapotLogCount *count = g_ptr_array_index (counts, i);

          self->totals[count->code >= 100 && count->code < 600 ? count->code / 100 : 0] += count->count;
        }
    }
  /* The lone bar of a log without times is a band, and needs less height. */
  gtk_widget_set_size_request (self->plot, 60, self->buckets->len > 0 ? PLOT_HEIGHT : BAND_HEIGHT);
  update_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
teapot_explain_chart_get_n_buckets (TeapotExplainChart *self)
{
  g_return_val_if_fail (TEAPOT_IS_EXPLAIN_CHART (self), 0);
  return self->buckets->len;
}

guint64
teapot_explain_chart_get_class_total (TeapotExplainChart *self,
                                      guint               class_digit)
{
  g_return_val_if_fail (TEAPOT_IS_EXPLAIN_CHART (self), 0);
  g_return_val_if_fail (class_digit < 6, 0);
  return self->totals[class_digit];
}
