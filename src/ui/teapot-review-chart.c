/* teapot-review-chart.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "teapot-review-chart.h"

/* Reviews per day as bars, today on the right: the part remembered in the accent colour,
 * the part forgotten (rated Again) above it, faded. Drawn with GtkSnapshot, so it follows
 * the style (light, dark, high contrast) without a cairo surface. */
struct _TeapotReviewChart
{
  GtkWidget parent_instance;

  guint reviews[TEAPOT_REVIEW_CHART_DAYS];
  guint correct[TEAPOT_REVIEW_CHART_DAYS];
  guint max;
};

G_DEFINE_FINAL_TYPE (TeapotReviewChart, teapot_review_chart, GTK_TYPE_WIDGET)

#define BAR_GAP 3
#define MIN_BAR_WIDTH 4
#define BASELINE 1

static void
update_description (TeapotReviewChart *self)
{
  g_autofree char *text = NULL;
  guint total = 0;
  guint correct = 0;

  for (guint i = 0; i < TEAPOT_REVIEW_CHART_DAYS; i++)
    {
      total += self->reviews[i];
      correct += self->correct[i];
    }
  /* Translators: the chart's description for screen readers. */
  text = g_strdup_printf (ngettext ("%u review in the last 30 days, %u remembered; %u today",
                                    "%u reviews in the last 30 days, %u remembered; %u today", total),
                          total, correct, self->reviews[TEAPOT_REVIEW_CHART_DAYS - 1]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
}

static void
teapot_review_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = TEAPOT_REVIEW_CHART_DAYS * (MIN_BAR_WIDTH + BAR_GAP);
      *natural = TEAPOT_REVIEW_CHART_DAYS * (12 + BAR_GAP);
    }
  else
    {
      *minimum = 80;
      *natural = 120;
    }
}

static void
teapot_review_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  TeapotReviewChart *self = TEAPOT_REVIEW_CHART (widget);
  AdwStyleManager *style = adw_style_manager_get_for_display (gtk_widget_get_display (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float bar_width = (float) (width - (TEAPOT_REVIEW_CHART_DAYS - 1) * BAR_GAP) / TEAPOT_REVIEW_CHART_DAYS;
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA missed;
  GdkRGBA baseline;

  gtk_widget_get_color (widget, &fg);
  /* The accent as text and lines use it (the standalone colour), light or dark. */
  adw_accent_color_to_standalone_rgba (adw_style_manager_get_accent_color (style),
                                       adw_style_manager_get_dark (style), &accent);
  missed = fg;
  missed.alpha *= 0.35f;
  baseline = fg;
  baseline.alpha *= 0.15f;

  /* Every day has a stub on the baseline, so empty days still read as days. */
  for (guint i = 0; i < TEAPOT_REVIEW_CHART_DAYS; i++)
    {
      float x = i * (bar_width + BAR_GAP);
      float total = self->max ? (float) self->reviews[i] / self->max * (height - BASELINE) : 0;
      float good = self->max ? (float) MIN (self->correct[i], self->reviews[i]) / self->max * (height - BASELINE) : 0;

      gtk_snapshot_append_color (snapshot, &baseline, &GRAPHENE_RECT_INIT (x, height - BASELINE - 2, bar_width, 2));
      if (total > good)
        gtk_snapshot_append_color (snapshot, &missed,
                                   &GRAPHENE_RECT_INIT (x, height - BASELINE - total, bar_width, total - good));
      if (good > 0)
        gtk_snapshot_append_color (snapshot, &accent,
                                   &GRAPHENE_RECT_INIT (x, height - BASELINE - good, bar_width, good));
    }
}

static void
teapot_review_chart_class_init (TeapotReviewChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = teapot_review_chart_measure;
  widget_class->snapshot = teapot_review_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "review-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
teapot_review_chart_init (TeapotReviewChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reviews per day"), -1);
  update_description (self);
}

GtkWidget *
teapot_review_chart_new (void)
{
  return g_object_new (TEAPOT_TYPE_REVIEW_CHART, NULL);
}

void
teapot_review_chart_set_days (TeapotReviewChart *self,
                              const guint       *reviews,
                              const guint       *correct)
{
  g_return_if_fail (TEAPOT_IS_REVIEW_CHART (self));
  g_return_if_fail (reviews != NULL);
  g_return_if_fail (correct != NULL);

  self->max = 0;
  for (guint i = 0; i < TEAPOT_REVIEW_CHART_DAYS; i++)
    {
      self->reviews[i] = reviews[i];
      self->correct[i] = correct[i];
      self->max = MAX (self->max, reviews[i]);
    }
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
teapot_review_chart_get_max (TeapotReviewChart *self)
{
  g_return_val_if_fail (TEAPOT_IS_REVIEW_CHART (self), 0);
  return self->max;
}
