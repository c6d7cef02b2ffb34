/* teapot-store.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "teapot-entry.h"
#include "teapot-error.h"

G_BEGIN_DECLS

/* Which entries: every field is "no restriction" when zero. */
typedef struct
{
  guint class_digit;    /* 1..9 for 1xx..9xx, 0 for all */
  const char *tag;      /* "iana", a vendor id or a topical tag; NULL for all */
  gboolean favourites;  /* only favourites */
} TeapotFilter;

typedef struct
{
  char *tag;
  guint count;
} TeapotTagCount;

void teapot_tag_count_free (TeapotTagCount *tag_count);

#define TEAPOT_TYPE_STORE (teapot_store_get_type ())

G_DECLARE_FINAL_TYPE (TeapotStore, teapot_store, TEAPOT, STORE, GObject)

/* @user_db_path: NULL for $XDG_DATA_HOME/teapot/user.sqlite, ":memory:" for none (read-only,
 * nothing saved). */
TeapotStore *teapot_store_new                 (const char          *user_db_path,
                                               GError             **error);
/* For benchmarks and tests: a reference database file instead of the embedded one. */
TeapotStore *teapot_store_new_for_reference   (const char          *reference_path,
                                               const char          *user_db_path,
                                               GError             **error);

const char  *teapot_store_get_notice          (TeapotStore         *self);
gboolean     teapot_store_is_read_only        (TeapotStore         *self);
const char  *teapot_store_get_user_db_path    (TeapotStore         *self);
/* The language of the summaries and descriptions (the first of the user's languages with
 * translations, as in g_get_language_names()), or NULL for English. */
const char  *teapot_store_get_language        (TeapotStore         *self);

TeapotEntry *teapot_store_lookup_id           (TeapotStore         *self,
                                               const char          *id);
/* The meanings of a status itself (registered and vendors'), without the vendors' sub-codes
 * served with it: those come from teapot_store_list_subcodes(). */
GPtrArray   *teapot_store_lookup_code         (TeapotStore         *self,
                                               guint                code);
/* The entries for a vendor sub-code as written in logs ("500.19", "1020"), in code order. */
GPtrArray   *teapot_store_lookup_subcode      (TeapotStore         *self,
                                               const char          *subcode);
/* The vendors' sub-codes served with status @code (IIS 403.14, Cloudflare 1020 with 403...),
 * in sub-code order: for the status's detail page. */
GPtrArray   *teapot_store_list_subcodes       (TeapotStore         *self,
                                               guint                code);
/* Logs a failure and returns what it could read: for the detail page and study, which have
 * nowhere to show an error. Lists that answer a reader go through teapot_store_search(). */
GPtrArray   *teapot_store_list                (TeapotStore         *self,
                                               const TeapotFilter  *filter,
                                               guint                limit);
guint        teapot_store_count               (TeapotStore         *self,
                                               const TeapotFilter  *filter);
/* Each tag's count under @filter's class and favourites (its tag is ignored), in one query:
 * tag -> GUINT_TO_POINTER (count); tags with no entry left are absent. */
GHashTable  *teapot_store_count_by_tag        (TeapotStore         *self,
                                               const TeapotFilter  *filter);
/* Ranked matches, best first; a NULL or blank @query lists every entry the filter lets
 * through, in code order. NULL and @error when the data cannot be read (a damaged user
 * file): never a shorter list. */
GPtrArray   *teapot_store_search              (TeapotStore         *self,
                                               const char          *query,
                                               const TeapotFilter  *filter,
                                               guint                limit,
                                               GError             **error);
GPtrArray   *teapot_store_list_tags           (TeapotStore         *self);

gboolean     teapot_store_set_favourite       (TeapotStore         *self,
                                               const char          *id,
                                               gboolean             favourite,
                                               GError             **error);
void         teapot_store_set_favourite_async (TeapotStore         *self,
                                               const char          *id,
                                               gboolean             favourite,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean     teapot_store_set_favourite_finish (TeapotStore        *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
