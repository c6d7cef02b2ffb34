/* teapot-compare-banner.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-store.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_COMPARE_BANNER (teapot_compare_banner_get_type ())

G_DECLARE_FINAL_TYPE (TeapotCompareBanner, teapot_compare_banner, TEAPOT, COMPARE_BANNER, AdwBin)

/* Above the search results: when the query is worded as a comparison of known codes ("301 vs
 * 308"), a banner whose button opens it (win.compare with the query). */
void        teapot_compare_banner_set_store (TeapotCompareBanner *self,
                                             TeapotStore         *store);
void        teapot_compare_banner_set_query (TeapotCompareBanner *self,
                                             const char          *query);
const char *teapot_compare_banner_get_query (TeapotCompareBanner *self);
gboolean    teapot_compare_banner_get_revealed (TeapotCompareBanner *self);

G_END_DECLS
