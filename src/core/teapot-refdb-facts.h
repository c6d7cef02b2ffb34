/* teapot-refdb-facts.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The tables teapot-facts.c reads: one row per fact, entries by rowid (records' order + 1),
 * positions in source order; the texts' translations by language. */
#define TEAPOT_REFDB_FACTS_SCHEMA \
  "CREATE TABLE facts ("                                                     \
  "  entry INTEGER NOT NULL,"                                                \
  "  position INTEGER NOT NULL,"                                             \
  "  key TEXT NOT NULL,"                                                     \
  "  value TEXT NOT NULL,"                                                   \
  "  section TEXT NOT NULL,"                                                 \
  "  PRIMARY KEY (entry, position)) WITHOUT ROWID;"                          \
  "CREATE TABLE fact_translations ("                                         \
  "  lang TEXT NOT NULL,"                                                    \
  "  entry INTEGER NOT NULL,"                                                \
  "  position INTEGER NOT NULL,"                                             \
  "  value TEXT NOT NULL,"                                                   \
  "  PRIMARY KEY (lang, entry, position)) WITHOUT ROWID;"

/* Writes the facts of @records (TeapotRecord, sorted) and, from @catalogs (language ->
 * msgid -> msgstr, or NULL), the translations of the text facts. */
gboolean _teapot_refdb_write_facts (sqlite3     *db,
                                    GPtrArray   *records,
                                    GHashTable  *catalogs,
                                    GError     **error);

G_END_DECLS
