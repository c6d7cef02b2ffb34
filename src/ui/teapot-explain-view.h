/* teapot-explain-view.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-log-summary.h"
#include "teapot-store.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_EXPLAIN_VIEW (teapot_explain_view_get_type ())

G_DECLARE_FINAL_TYPE (TeapotExplainView, teapot_explain_view, TEAPOT, EXPLAIN_VIEW, GtkWidget)

/* The store the statuses are looked up in (their meaning in the log's context). */
void              teapot_explain_view_set_store   (TeapotExplainView *self,
                                                   TeapotStore       *store);
/* Reads @file on a worker thread (what Open, a dropped file and a pasted file do); the
 * "state" property follows: "loading", then "result" or "error". */
void              teapot_explain_view_load_file   (TeapotExplainView *self,
                                                   GFile             *file);
/* The same for text (pasted or dropped). */
void              teapot_explain_view_load_text   (TeapotExplainView *self,
                                                   const char        *text);
/* Stops reading and goes back to the start page at once; the worker stops at its next read. */
void              teapot_explain_view_cancel      (TeapotExplainView *self);
/* Moves the keyboard focus to the first thing to press on the page on display. */
void              teapot_explain_view_focus       (TeapotExplainView *self);
/* "start", "loading", "error" or "result". */
const char       *teapot_explain_view_get_state   (TeapotExplainView *self);
/* The summary on display, or NULL. */
TeapotLogSummary *teapot_explain_view_get_summary (TeapotExplainView *self);

G_END_DECLS
