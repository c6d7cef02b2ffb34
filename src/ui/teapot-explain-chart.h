/* teapot-explain-chart.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "teapot-log-summary.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_EXPLAIN_CHART (teapot_explain_chart_get_type ())

G_DECLARE_FINAL_TYPE (TeapotExplainChart, teapot_explain_chart, TEAPOT, EXPLAIN_CHART, GtkWidget)

GtkWidget *teapot_explain_chart_new         (void);
/* Takes the time buckets and the class totals of a resolved summary (NULL: empty). */
void       teapot_explain_chart_set_summary (TeapotExplainChart *self,
                                             TeapotLogSummary   *summary);
/* How many time buckets the log had; 0 when it has no timestamps (one bar is drawn). */
guint      teapot_explain_chart_get_n_buckets (TeapotExplainChart *self);
/* The statuses of one class drawn (1 to 5, or 0 for anything else). */
guint64    teapot_explain_chart_get_class_total (TeapotExplainChart *self,
                                                 guint               class_digit);

G_END_DECLS
