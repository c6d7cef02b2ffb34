/* teapot-entry-row-pool.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TEAPOT_TYPE_ENTRY_ROW_POOL (teapot_entry_row_pool_get_type ())

G_DECLARE_FINAL_TYPE (TeapotEntryRowPool, teapot_entry_row_pool, TEAPOT, ENTRY_ROW_POOL, GObject)

TeapotEntryRowPool *teapot_entry_row_pool_new         (void);
GtkListItemFactory *teapot_entry_row_pool_get_factory (TeapotEntryRowPool *self);
guint               teapot_entry_row_pool_get_n_idle  (TeapotEntryRowPool *self);
guint               teapot_entry_row_pool_get_n_built (TeapotEntryRowPool *self);

G_END_DECLS
