/* teapot-window.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-application.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_WINDOW (teapot_window_get_type ())

G_DECLARE_FINAL_TYPE (TeapotWindow, teapot_window, TEAPOT, WINDOW, AdwApplicationWindow)

TeapotWindow *teapot_window_new               (TeapotApplication *application);
void          teapot_window_show_entry        (TeapotWindow      *self,
                                               const char        *id);
/* Shows the entries that match @query, as if typed in the search entry. */
void          teapot_window_search            (TeapotWindow      *self,
                                               const char        *query);
/* The entry on the detail page, or NULL. */
TeapotEntry  *teapot_window_get_current_entry (TeapotWindow      *self);

G_END_DECLS
