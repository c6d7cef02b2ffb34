/* teapot-explain-row.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "teapot-log-summary.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_EXPLAIN_ROW (teapot_explain_row_get_type ())

G_DECLARE_FINAL_TYPE (TeapotExplainRow, teapot_explain_row, TEAPOT, EXPLAIN_ROW, GtkListBoxRow)

/* One status of an explained log: @count (of a resolved summary) out of @total. Activating
 * it opens the entry's detail page (win.show-entry) when the store knows its meaning. */
GtkWidget  *teapot_explain_row_new    (const TeapotLogCount *count,
                                       guint64               total);
/* The entry id the row opens, or NULL. */
const char *teapot_explain_row_get_id (TeapotExplainRow     *self);

G_END_DECLS
