/* teapot-refdb.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Separators inside the list columns of the reference database: never in dataset text. */
#define TEAPOT_REFDB_LIST_SEP "\x1f"
#define TEAPOT_REFDB_PAIR_SEP "\x1e"
#define TEAPOT_REFDB_SCHEMA_VERSION 6

/* The search index (entries_fts) has the English phrase, aliases, keywords, tags, summary,
 * description and headers, then for each language the meta row "languages" names
 * (space-separated, in that order) its keywords, summary and description. */
#define TEAPOT_REFDB_FTS_COLUMNS 7
#define TEAPOT_REFDB_FTS_LANG_COLUMNS 3
#define TEAPOT_REFDB_MAX_LANGUAGES 16

/* Writes @records (TeapotRecord, validated and sorted) as a fresh reference database at
 * @path, with its FTS5 index and spelling vocabulary. */
gboolean teapot_refdb_write (GPtrArray   *records,
                             const char  *path,
                             GError     **error);
/* The same, with the translations of the summaries and descriptions: @catalogs maps a
 * language ("de", "pt_BR") to its messages (msgid -> msgstr, from teapot_catalog_load()). */
gboolean teapot_refdb_write_translated (GPtrArray   *records,
                                        GHashTable  *catalogs,
                                        const char  *path,
                                        GError     **error);

G_END_DECLS
