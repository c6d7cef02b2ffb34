/* teapot-compare-view.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-store.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_COMPARE_VIEW (teapot_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (TeapotCompareView, teapot_compare_view, TEAPOT, COMPARE_VIEW, AdwBreakpointBin)

/* Shows @entries (TeapotEntry) side by side with their facts from @store: a table whose rows
 * are facts and whose columns are codes, or one card per code when narrow. */
void        teapot_compare_view_set_entries (TeapotCompareView *self,
                                             TeapotStore       *store,
                                             GPtrArray         *entries);
/* "table" or "cards": what the width allows. */
const char *teapot_compare_view_get_layout  (TeapotCompareView *self);

G_END_DECLS
