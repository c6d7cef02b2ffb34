/* teapot-entry-private.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "teapot-entry.h"

G_BEGIN_DECLS

/* The columns _teapot_entry_new_from_row() reads, in order, from "entries e" joined with
 * the favourites: prepend to a statement's FROM clause. */
#define TEAPOT_ENTRY_COLUMNS \
  "e.rowid, e.id, e.code, e.vendor, e.phrase, e.status, e.tags, e.summary, e.description, " \
  "e.aliases, e.keywords, e.headers, e.related, e.constants, e.cacheable, e.ref_title, " \
  "e.ref_section, e.ref_url, " \
  "EXISTS (SELECT 1 FROM user.favourites f WHERE f.id = e.id), " \
  "e.subcode, e.prevalence, e.prevalence_reason, e.phrase_ours, e.constant_history, e.search_keywords"

TeapotEntry *_teapot_entry_new_from_row  (sqlite3_stmt *stmt);
gint64       _teapot_entry_get_rowid     (TeapotEntry  *self);
void         _teapot_entry_set_favourite (TeapotEntry  *self,
                                          gboolean      favourite);
/* The translated keywords of several words, every shipped language's, as search looks for
 * them in a query's text: " w1 w2 ", lowercase and without accents. Never shown. */
const char * const *_teapot_entry_get_search_keywords (TeapotEntry *self);
/* Replaces the English summary and description by translations; NULL keeps a field. */
void         _teapot_entry_set_translation (TeapotEntry *self,
                                            const char  *summary,
                                            const char  *description);

G_END_DECLS
