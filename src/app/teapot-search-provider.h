/* teapot-search-provider.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "teapot-application.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_SEARCH_PROVIDER (teapot_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (TeapotSearchProvider, teapot_search_provider, TEAPOT, SEARCH_PROVIDER, GObject)

/* GNOME Shell's org.gnome.Shell.SearchProvider2 over the store's ranked search. */
TeapotSearchProvider *teapot_search_provider_new      (TeapotApplication     *application);
/* Exports the provider at @app_object_path + "/SearchProvider", as the search provider
 * .ini file in data/ names it. */
gboolean              teapot_search_provider_export   (TeapotSearchProvider  *self,
                                                       GDBusConnection       *connection,
                                                       const char            *app_object_path,
                                                       GError               **error);
void                  teapot_search_provider_unexport (TeapotSearchProvider  *self);

G_END_DECLS
