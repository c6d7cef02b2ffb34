/* teapot-search-model.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "teapot-store.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_SEARCH_MODEL (teapot_search_model_get_type ())

G_DECLARE_FINAL_TYPE (TeapotSearchModel, teapot_search_model, TEAPOT, SEARCH_MODEL, GObject)

/* The entries a front end shows: a GListModel of TeapotEntry whose query and filters are
 * properties. A blank query lists every entry the filters allow in code order; any other
 * query ranks the matches, best first (teapot_store_search()). */
TeapotSearchModel *teapot_search_model_new                (TeapotStore       *store);
TeapotStore       *teapot_search_model_get_store          (TeapotSearchModel *self);
void               teapot_search_model_set_store          (TeapotSearchModel *self,
                                                           TeapotStore       *store);
const char        *teapot_search_model_get_query          (TeapotSearchModel *self);
void               teapot_search_model_set_query          (TeapotSearchModel *self,
                                                           const char        *query);
/* "all", or "1xx" to "5xx". */
const char        *teapot_search_model_get_class_filter   (TeapotSearchModel *self);
void               teapot_search_model_set_class_filter   (TeapotSearchModel *self,
                                                           const char        *class_filter);
/* "" for every source, "iana" for registered codes, or a vendor or topical tag. */
const char        *teapot_search_model_get_tag_filter     (TeapotSearchModel *self);
void               teapot_search_model_set_tag_filter     (TeapotSearchModel *self,
                                                           const char        *tag_filter);
gboolean           teapot_search_model_get_favourites_only (TeapotSearchModel *self);
void               teapot_search_model_set_favourites_only (TeapotSearchModel *self,
                                                            gboolean           favourites_only);
/* Whether the query is more than blanks: the items are ranked matches. */
gboolean           teapot_search_model_get_searching      (TeapotSearchModel *self);
/* Whether any filter is set (a class, a tag or favourites). */
gboolean           teapot_search_model_get_filtered       (TeapotSearchModel *self);
/* Why the last query could not be answered (the user's data cannot be read), or NULL. The
 * items are then empty, never a shorter list; notified when it changes. */
const GError      *teapot_search_model_get_error          (TeapotSearchModel *self);
/* Runs the query again, for data that changed under it (a favourite). */
void               teapot_search_model_refresh            (TeapotSearchModel *self);
void               teapot_search_model_prepare            (TeapotSearchModel *self);

G_END_DECLS
