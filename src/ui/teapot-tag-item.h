/* teapot-tag-item.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "teapot-store.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_TAG_ITEM (teapot_tag_item_get_type ())

G_DECLARE_FINAL_TYPE (TeapotTagItem, teapot_tag_item, TEAPOT, TAG_ITEM, GObject)

/* @tag: "" for every source. */
TeapotTagItem *teapot_tag_item_new       (const char    *tag,
                                          const char    *title,
                                          guint          count);
const char    *teapot_tag_item_get_tag   (TeapotTagItem *self);
const char    *teapot_tag_item_get_title (TeapotTagItem *self);
guint          teapot_tag_item_get_count (TeapotTagItem *self);
void           teapot_tag_item_set_count (TeapotTagItem *self,
                                          guint          count);

GPtrArray     *teapot_tag_item_list_sources (TeapotStore *store);
/* Sets the count of every item of @items under @filter (the item without a tag: all). */
void           teapot_tag_item_update_counts (GListModel         *items,
                                              TeapotStore        *store,
                                              const TeapotFilter *filter);
guint          teapot_tag_item_find         (GListModel  *items,
                                             const char  *tag);

G_END_DECLS
