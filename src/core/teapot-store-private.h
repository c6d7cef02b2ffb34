/* teapot-store-private.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "teapot-entry-private.h"
#include "teapot-speller.h"
#include "teapot-store.h"

G_BEGIN_DECLS

/* Restricts "entries e" by a TeapotFilter bound with _teapot_store_bind_filter(). */
#define TEAPOT_FILTER_SQL \
  " (:class = 0 OR e.code / 100 = :class)" \
  " AND (:tag IS NULL OR EXISTS (SELECT 1 FROM entry_tags t WHERE t.tag = :tag AND t.entry = e.rowid))" \
  " AND (:favourites = 0 OR EXISTS (SELECT 1 FROM user.favourites f WHERE f.id = e.id))"

/* A statement kept for the store's lifetime, keyed by its (static) SQL text; reset. NULL
 * and @error when it does not compile. */
sqlite3_stmt  *_teapot_store_prepare         (TeapotStore        *self,
                                              const char         *sql,
                                              GError            **error);
/* The same, with a critical instead of an error: teapot-study.c's, until it moves to
 * _teapot_store_prepare(). */
sqlite3_stmt  *_teapot_store_statement       (TeapotStore        *self,
                                              const char         *sql);
void           _teapot_store_bind_filter     (sqlite3_stmt       *stmt,
                                              const TeapotFilter *filter);
/* The one TeapotEntry for the row @stmt is on (columns TEAPOT_ENTRY_COLUMNS). */
TeapotEntry   *_teapot_store_entry_from_row  (TeapotStore        *self,
                                              sqlite3_stmt       *stmt);
TeapotEntry   *_teapot_store_entry_by_rowid  (TeapotStore        *self,
                                              gint64              rowid,
                                              GError            **error);
/* The entry with @id; NULL and @error unset when there is none, NULL and @error when it
 * cannot be read. */
TeapotEntry   *_teapot_store_lookup_id       (TeapotStore        *self,
                                              const char         *id,
                                              GError            **error);
/* teapot_store_list() with its error: NULL and @error when a step fails. */
GPtrArray     *_teapot_store_list            (TeapotStore        *self,
                                              const TeapotFilter *filter,
                                              guint               limit,
                                              GError            **error);
TeapotSpeller *_teapot_store_get_speller     (TeapotStore        *self);
/* The connection: main is the reference database, "user" the attached user.sqlite. For
 * the study tables (teapot-study.c); statements still go through _teapot_store_statement(). */
sqlite3       *_teapot_store_get_db          (TeapotStore        *self);

/* Appends @word to an FTS5 MATCH expression as one quoted string (OR between terms). */
void           _teapot_search_append_term    (GString            *match,
                                              const char         *word,
                                              gboolean            prefix);
GPtrArray     *_teapot_search_run            (TeapotStore        *self,
                                              const char         *text,
                                              const TeapotFilter *filter,
                                              guint               limit,
                                              GError            **error);

G_END_DECLS
