/* teapot-explain-result.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "teapot-log-summary.h"

G_BEGIN_DECLS

/* At most this many rows are listed; the rest are summed up in one line. */
#define TEAPOT_EXPLAIN_RESULT_MAX_ROWS 200

#define TEAPOT_TYPE_EXPLAIN_RESULT (teapot_explain_result_get_type ())

G_DECLARE_FINAL_TYPE (TeapotExplainResult, teapot_explain_result, TEAPOT, EXPLAIN_RESULT, GtkWidget)

/* Shows a resolved @summary of the input called @name (a file name, "Pasted text"). */
void              teapot_explain_result_set_summary (TeapotExplainResult *self,
                                                     TeapotLogSummary    *summary,
                                                     const char          *name);
TeapotLogSummary *teapot_explain_result_get_summary (TeapotExplainResult *self);

G_END_DECLS
