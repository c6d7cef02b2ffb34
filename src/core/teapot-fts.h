/* teapot-fts.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Registers teapot_columns(fts): a bitmask of the columns in which the current row matches
 * the query. Much cheaper than bm25(), which reads every matching row's column sizes. */
gboolean _teapot_fts_register (sqlite3  *db,
                               GError  **error);

G_END_DECLS
