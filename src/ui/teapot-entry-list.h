/* teapot-entry-list.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-search-model.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_ENTRY_LIST (teapot_entry_list_get_type ())

G_DECLARE_FINAL_TYPE (TeapotEntryList, teapot_entry_list, TEAPOT, ENTRY_LIST, GtkWidget)

void            teapot_entry_list_set_store        (TeapotEntryList  *self,
                                                    TeapotStore      *store);
/* The query, the filters and the results. */
TeapotSearchModel *teapot_entry_list_get_model     (TeapotEntryList  *self);
TeapotEntry    *teapot_entry_list_get_selected_entry (TeapotEntryList *self);
GtkSearchEntry *teapot_entry_list_get_search_entry (TeapotEntryList  *self);
GListModel     *teapot_entry_list_get_results      (TeapotEntryList  *self);
gboolean        teapot_entry_list_select           (TeapotEntryList  *self,
                                                    TeapotEntry      *entry);
void            teapot_entry_list_focus_results    (TeapotEntryList  *self);
void            teapot_entry_list_set_favourite    (TeapotEntryList  *self,
                                                    TeapotEntry      *entry,
                                                    gboolean          favourite);
gboolean        teapot_entry_list_has_tag          (TeapotEntryList  *self,
                                                    const char       *tag);

G_END_DECLS
