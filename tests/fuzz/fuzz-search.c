/* fuzz-search.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer harness for the query path: what a person types (or pastes, or a D-Bus caller
 * sends) goes through teapot_query_parse() and the ranked search on the bundled reference
 * database. Built with clang by tests/fuzz/build.sh; replayed over the corpus by the unit
 * test "fuzz-search-corpus" (tests/fuzz/replay.c) in every normal build. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "teapot-query.h"
#include "teapot-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char * const tags[] = { NULL, "iana", "nginx", "cloudflare", "webdav", "no-such-tag" };

static TeapotStore *
shared_store (void)
{
  static TeapotStore *store = NULL;

  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("teapot-fuzz-XXXXXX", &error);
      g_autofree char *path = NULL;

      g_assert_no_error (error);
      path = g_build_filename (dir, "user.sqlite", NULL);
      store = teapot_store_new (path, &error);
      g_assert_no_error (error);
      /* One favourite, so that the favourites filter has something to find. */
      g_assert_true (teapot_store_set_favourite (store, "404", TRUE, &error));
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  TeapotStore *store = shared_store ();
  TeapotFilter filter = { 0 };
  g_autofree char *text = NULL;
  g_autoptr(TeapotQuery) query = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *phrase = NULL;
  guint limit = 0;

  /* The first byte, when there is one, picks a filter and a limit: the rest is the text,
   * raw bytes (invalid UTF-8, NULs cut it short as they would in a C string). */
  if (size > 0)
    {
      guint8 knobs = data[0];

      filter.class_digit = knobs % 7 == 6 ? 0 : knobs % 7;
      filter.tag = tags[(knobs >> 3) % G_N_ELEMENTS (tags)];
      filter.favourites = (knobs & 0x40) != 0;
      limit = (knobs & 0x80) != 0 ? 5 : 0;
      data++;
      size--;
    }
  text = g_strndup ((const char *) data, size);

  query = teapot_query_parse (text);
  g_assert_nonnull (query);
  phrase = teapot_query_phrase_text (text);
  g_assert_nonnull (phrase);

  results = teapot_store_search (store, text, &filter, limit, NULL);
  g_assert_nonnull (results);
  if (limit > 0)
    g_assert_cmpuint (results->len, <=, limit);
  for (guint i = 0; i < results->len; i++)
    g_assert_nonnull (teapot_entry_get_id (g_ptr_array_index (results, i)));

  return 0;
}
