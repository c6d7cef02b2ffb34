/* teapot-compare-dialog.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-compare-view.h"
#include "teapot-store.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_COMPARE_DIALOG (teapot_compare_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TeapotCompareDialog, teapot_compare_dialog, TEAPOT, COMPARE_DIALOG, AdwDialog)

/* The codes that @query names ("301 vs 308", "redirects", "412"), which the user can edit. */
TeapotCompareDialog *teapot_compare_dialog_new      (TeapotStore         *store,
                                                     const char          *query);
TeapotCompareView   *teapot_compare_dialog_get_view (TeapotCompareDialog *self);
/* The entries shown (TeapotEntry), in order; empty until the query names two. */
GPtrArray           *teapot_compare_dialog_get_entries (TeapotCompareDialog *self);

/* The "Compare With…" menu for entry @id: the ready-made comparisons that contain it, then
 * one to pick the codes (win.compare with the comparison's id or with @id). */
GMenuModel          *teapot_compare_menu_new        (const char          *id);

G_END_DECLS
