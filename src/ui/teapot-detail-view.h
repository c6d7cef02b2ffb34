/* teapot-detail-view.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-store.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_DETAIL_VIEW (teapot_detail_view_get_type ())

G_DECLARE_FINAL_TYPE (TeapotDetailView, teapot_detail_view, TEAPOT, DETAIL_VIEW, GtkWidget)

TeapotStore *teapot_detail_view_get_store (TeapotDetailView *self);
void         teapot_detail_view_set_store (TeapotDetailView *self,
                                           TeapotStore      *store);
TeapotEntry *teapot_detail_view_get_entry (TeapotDetailView *self);
void         teapot_detail_view_set_entry (TeapotDetailView *self,
                                           TeapotEntry      *entry);

G_END_DECLS
