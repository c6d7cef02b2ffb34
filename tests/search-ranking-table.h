/* search-ranking-table.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One query and the entry it means, which must come within the first @within results.
 * @kind: what sort of query it is, for the ranking report (for translated rows, the
 * query's language). */
typedef struct
{
  const char *kind;
  const char *query;
  const char *expected;
  guint within;
} SearchRankingRow;

/* What people type, in English: test-search checks each row and `test-search --report`
 * gives the hit rates by kind. */
extern const SearchRankingRow ranking_rows[];
extern const guint n_ranking_rows;
/* The same in the other shipped languages; each row runs in every session language. */
extern const SearchRankingRow translated_rows[];
extern const guint n_translated_rows;
/* Entries that must not come within the first @within results of the query. */
extern const SearchRankingRow unwanted_rows[];
extern const guint n_unwanted_rows;

G_END_DECLS
