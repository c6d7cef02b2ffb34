/* teapot-window.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-store.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_WINDOW (teapot_window_get_type ())

G_DECLARE_FINAL_TYPE (TeapotWindow, teapot_window, TEAPOT, WINDOW, AdwApplicationWindow)

/* @settings may be NULL (the schema is not installed: nothing is remembered). */
TeapotWindow *teapot_window_new               (GtkApplication *application,
                                               TeapotStore    *store,
                                               GSettings      *settings);
/* The window for a store that could not be opened: what went wrong and what to do. */
TeapotWindow *teapot_window_new_for_error     (GtkApplication *application,
                                               const GError   *error);
void          teapot_window_show_entry        (TeapotWindow   *self,
                                               const char     *id);
/* Shows the entries that match @query, as if typed in the search entry. */
void          teapot_window_search            (TeapotWindow   *self,
                                               const char     *query);
/* The entry on the detail page, or NULL. */
TeapotEntry  *teapot_window_get_current_entry (TeapotWindow   *self);

G_END_DECLS
