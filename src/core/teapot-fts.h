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

/* The bits of teapot_columns(): the English columns of the index as they are, then where
 * the other languages' columns count. */
enum
{
  TEAPOT_FTS_PHRASE,
  TEAPOT_FTS_ALIASES,
  TEAPOT_FTS_KEYWORDS,
  TEAPOT_FTS_TAGS,
  TEAPOT_FTS_SUMMARY,
  TEAPOT_FTS_DESCRIPTION,
  TEAPOT_FTS_HEADERS,
  TEAPOT_FTS_OTHER_KEYWORDS,
  TEAPOT_FTS_OTHER_SUMMARY,
  TEAPOT_FTS_OTHER_DESCRIPTION,
};

/* Registers teapot_columns(fts): a bitmask of the columns in which the current row matches
 * the query. Much cheaper than bm25(), which reads every matching row's column sizes.
 * A match in @language (the reader's, NULL for English) counts as a match in the same
 * English column: a German reader's German keyword weighs as an English keyword. A match
 * in any other language sets one of the TEAPOT_FTS_OTHER_ bits. */
gboolean _teapot_fts_register (sqlite3     *db,
                               const char  *language,
                               GError     **error);

G_END_DECLS
