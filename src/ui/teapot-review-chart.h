/* teapot-review-chart.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TEAPOT_REVIEW_CHART_DAYS 30

#define TEAPOT_TYPE_REVIEW_CHART (teapot_review_chart_get_type ())

G_DECLARE_FINAL_TYPE (TeapotReviewChart, teapot_review_chart, TEAPOT, REVIEW_CHART, GtkWidget)

GtkWidget *teapot_review_chart_new      (void);
/* @reviews and @correct hold TEAPOT_REVIEW_CHART_DAYS days, today last. */
void       teapot_review_chart_set_days (TeapotReviewChart *self,
                                         const guint       *reviews,
                                         const guint       *correct);
guint      teapot_review_chart_get_max  (TeapotReviewChart *self);

G_END_DECLS
