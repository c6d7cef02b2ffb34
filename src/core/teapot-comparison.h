/* teapot-comparison.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "teapot-store.h"

G_BEGIN_DECLS

#define TEAPOT_COMPARISON_ERROR (teapot_comparison_error_quark ())

typedef enum
{
  TEAPOT_COMPARISON_ERROR_UNKNOWN,     /* a word that is no id, code or set */
  TEAPOT_COMPARISON_ERROR_AMBIGUOUS,   /* a number with several meanings */
  TEAPOT_COMPARISON_ERROR_TOO_FEW,     /* fewer than two entries */
} TeapotComparisonError;

GQuark teapot_comparison_error_quark (void);

/* A ready-made comparison of codes that are often confused. */
typedef struct
{
  const char *id;                 /* "redirects": what --compare= takes */
  const char *name;               /* untranslated; see teapot_comparison_set_get_name() */
  const char * const *ids;        /* entry ids, NULL-terminated */
} TeapotComparisonSet;

/* Every ready-made set, in the order they are offered; *@n_sets their number. */
const TeapotComparisonSet *teapot_comparison_get_sets      (guint                      *n_sets);
const TeapotComparisonSet *teapot_comparison_find_set      (const char                 *id);
const char                *teapot_comparison_set_get_name  (const TeapotComparisonSet  *set);
/* The sets that contain entry @id (for a detail page's "Compare With…"); the array does not
 * own its elements. */
GPtrArray                 *teapot_comparison_sets_with     (const char                 *id);

/* Whether @text is worded as a comparison: two or more codes, ids or comparisons joined by
 * "vs", "versus", "or", "/", "," (e.g. "301 vs 308", "401 or 403", "502/503/504") and nothing
 * else, so that a pasted request line is not one. Search uses this to offer the comparison;
 * it does not check that the codes exist. */
gboolean                   teapot_comparison_is_query      (const char                 *text);

/* The entries (TeapotEntry, owned) that @text names, in the order given, without repeats:
 * ids ("499-nginx"), numbers and vendor sub-codes with one meaning ("308", "500.19"), set ids
 * ("redirects"), separated by the words and signs above or spaces. Fewer than two entries, an
 * unknown word or a number with several meanings is an error naming it. */
GPtrArray                 *teapot_comparison_parse         (TeapotStore                *store,
                                                            const char                 *text,
                                                            GError                    **error);

/* Where an entry is defined, short, for a comparison's last row: "RFC 9110 § 15.4.9". */
char                      *teapot_comparison_format_source (TeapotEntry                *entry);

G_END_DECLS
