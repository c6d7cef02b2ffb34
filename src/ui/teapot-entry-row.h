/* teapot-entry-row.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "teapot-entry.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_ENTRY_ROW (teapot_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (TeapotEntryRow, teapot_entry_row, TEAPOT, ENTRY_ROW, GtkWidget)

GtkWidget   *teapot_entry_row_new       (void);
TeapotEntry *teapot_entry_row_get_entry (TeapotEntryRow *self);
void         teapot_entry_row_set_entry (TeapotEntryRow *self,
                                         TeapotEntry    *entry);

G_END_DECLS
