/* test-search.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "search-ranking-table.h"
#include "teapot-store.h"
#include "teapot-text.h"

/* The sessions the translated rows run in; C.UTF-8 is C to glibc 2.41, the others need
 * their locale installed (the rows skip otherwise). */
static const struct
{
  const char *locale;
  const char *language;         /* the store's language in that session; NULL: English */
} sessions[] = {
  { "C.UTF-8", NULL },
  { "de_DE.UTF-8", "de" },
  { "fr_FR.UTF-8", "fr" },
  { "es_ES.UTF-8", "es" },
};

static TeapotStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  TeapotStore *store = teapot_store_new (NULL, &error);

  g_assert_no_error (error);
  return store;
}

/* One test case per row of the table, on one store. */
static TeapotStore *shared_store;
/* One store per session of sessions[], opened in that session's locale; NULL when the
 * locale is not installed. */
static TeapotStore *session_stores[G_N_ELEMENTS (sessions)];

/* Where @expected comes in the first ten results of @query (0 first), or -1. */
static int
rank_in (TeapotStore  *store,
         const char   *query,
         const char   *expected,
         GPtrArray   **results_out)
{
  g_autoptr(GPtrArray) results = teapot_store_search (store, query, NULL, 10, NULL);
  int rank = -1;

  for (guint j = 0; j < results->len && rank < 0; j++)
    if (g_str_equal (teapot_entry_get_id (g_ptr_array_index (results, j)), expected))
      rank = j;
  if (results_out != NULL)
    *results_out = g_steal_pointer (&results);
  return rank;
}

static void
expect_rank (TeapotStore *store,
             const char  *kind,
             const char  *query,
             const char  *expected,
             guint        within)
{
  g_autoptr(GPtrArray) results = NULL;
  int rank = rank_in (store, query, expected, &results);

  if (rank < 0 || (guint) rank >= within)
    g_test_fail_printf ("%s “%s”: expected %s within %u, got %s first, %s at %d", kind, query, expected, within,
                        results->len > 0 ? teapot_entry_get_id (g_ptr_array_index (results, 0)) : "nothing",
                        expected, rank + 1);
}

/* Where row @i's expected entry comes (0 first), or -1 when not in the first ten. */
static int
rank_of_row (guint        i,
             GPtrArray  **results_out)
{
  return rank_in (shared_store, ranking_rows[i].query, ranking_rows[i].expected, results_out);
}

/* `test-search --report`: how often the meant entry comes first, and in the first three, by
 * kind of query (the figures BENCHMARKS.md gives). */
static int
report_hit_rates (void)
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  guint all = 0, all_top1 = 0, all_top3 = 0;

  for (guint i = 0; i < n_ranking_rows; i++)
    if (!g_ptr_array_find_with_equal_func (kinds, ranking_rows[i].kind, g_str_equal, NULL))
      g_ptr_array_add (kinds, (gpointer) ranking_rows[i].kind);

  printf ("%-12s %5s %7s %7s\n", "kind", "rows", "top-1", "top-3");
  for (guint k = 0; k < kinds->len; k++)
    {
      guint rows = 0, top1 = 0, top3 = 0;

      for (guint i = 0; i < n_ranking_rows; i++)
        {
          int rank;

          if (!g_str_equal (ranking_rows[i].kind, g_ptr_array_index (kinds, k)))
            continue;
          rank = rank_of_row (i, NULL);
          rows++;
          top1 += rank == 0;
          top3 += rank >= 0 && rank < 3;
        }
      printf ("%-12s %5u %6.1f%% %6.1f%%\n", (char *) g_ptr_array_index (kinds, k), rows, 100.0 * top1 / rows,
              100.0 * top3 / rows);
      all += rows;
      all_top1 += top1;
      all_top3 += top3;
    }
  printf ("%-12s %5u %6.1f%% %6.1f%%\n", "all", all, 100.0 * all_top1 / all, 100.0 * all_top3 / all);

  printf ("\nnot first:\n");
  for (guint i = 0; i < n_ranking_rows; i++)
    {
      g_autoptr(GPtrArray) results = NULL;
      int rank = rank_of_row (i, &results);

      if (rank != 0)
        printf ("  %-10s %-40.40s %s at %d, after %s\n", ranking_rows[i].kind, ranking_rows[i].query, ranking_rows[i].expected, rank + 1,
                results->len > 0 ? teapot_entry_get_id (g_ptr_array_index (results, 0)) : "nothing");
    }
  return 0;
}

static void
test_table_row (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);

  expect_rank (shared_store, ranking_rows[i].kind, ranking_rows[i].query, ranking_rows[i].expected, ranking_rows[i].within);
}

static void
test_unwanted_row (gconstpointer data)
{
  const SearchRankingRow *row = &unwanted_rows[GPOINTER_TO_UINT (data)];
  int rank = rank_in (shared_store, row->query, row->expected, NULL);

  if (rank >= 0 && (guint) rank < row->within)
    g_test_fail_printf ("“%s”: %s at %d, expected below %u", row->query, row->expected, rank + 1, row->within);
}

/* @data: the session's index times 1000 plus the row's. */
static void
test_translated_row (gconstpointer data)
{
  guint session = GPOINTER_TO_UINT (data) / 1000, i = GPOINTER_TO_UINT (data) % 1000;
  TeapotStore *store = session_stores[session];

  if (store == NULL)
    {
      g_test_skip_printf ("the %s locale is not installed", sessions[session].locale);
      return;
    }
  /* Otherwise every session would quietly be English. */
  g_assert_cmpstr (teapot_store_get_language (store), ==, sessions[session].language);
  expect_rank (store, translated_rows[i].kind, translated_rows[i].query, translated_rows[i].expected, translated_rows[i].within);
}

/* Typed without its accents a word finds the accented text, and with accents the plain
 * text, as the same word: the index and the speller's vocabulary fold alike (a word the
 * speller did not know would be taken for a typo, and rank differently). */
static void
test_accents_both_ways (void)
{
  static const char * const pairs[][3] = {
    { "trop de requetes", "trop de requêtes", "429" },
    { "acces refuse", "accès refusé", "403" },
    { "limite de peticiones", "límite de peticiones", "429" },
    { "Dienst nicht verfugbar", "Dienst nicht verfügbar", "503" },
    { "no encontrado", "nó éncontrado", "404" },
  };
  g_autofree char *folded = teapot_text_fold ("requêtes");
  g_autofree char *plain = teapot_text_fold ("Ärger");

  g_assert_cmpstr (folded, ==, "requetes");
  g_assert_cmpstr (plain, ==, "Arger");
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autoptr(GPtrArray) without = teapot_store_search (shared_store, pairs[i][0], NULL, 10, NULL);
      g_autoptr(GPtrArray) with = teapot_store_search (shared_store, pairs[i][1], NULL, 10, NULL);

      g_assert_cmpuint (without->len, >, 0);
      g_assert_cmpstr (teapot_entry_get_id (g_ptr_array_index (without, 0)), ==, pairs[i][2]);
      g_assert_cmpuint (with->len, ==, without->len);
      for (guint j = 0; j < with->len; j++)
        g_assert_cmpstr (teapot_entry_get_id (g_ptr_array_index (with, j)), ==,
                         teapot_entry_get_id (g_ptr_array_index (without, j)));
    }
}

/* Opens a store in each session of sessions[], then returns to the test's own locale. */
static void
open_session_stores (void)
{
  g_autofree char *initial = g_strdup (g_getenv ("LC_ALL"));

  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    {
      g_setenv ("LC_ALL", sessions[i].locale, TRUE);
      if (setlocale (LC_ALL, "") != NULL)
        session_stores[i] = teapot_store_new (":memory:", NULL);
    }
  if (initial != NULL)
    g_setenv ("LC_ALL", initial, TRUE);
  else
    g_unsetenv ("LC_ALL");
  setlocale (LC_ALL, "");
}

static void
test_exact_code_first (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  g_autoptr(GPtrArray) all = teapot_store_list (store, NULL, 0);
  guint previous = 0;

  /* For every number: its registered meaning first, then vendor meanings, then the rest. */
  for (guint i = 0; i < all->len; i++)
    {
      TeapotEntry *entry = g_ptr_array_index (all, i);
      guint code = teapot_entry_get_code (entry);
      g_autofree char *query = g_strdup_printf ("%u", code);
      g_autoptr(GPtrArray) results = NULL;
      g_autoptr(GPtrArray) same = NULL;

      if (code == previous)
        continue;
      previous = code;

      results = teapot_store_search (store, query, NULL, 0, NULL);
      same = teapot_store_lookup_code (store, code);
      g_assert_cmpuint (results->len, >=, same->len);
      for (guint j = 0; j < same->len; j++)
        g_assert_cmpstr (teapot_entry_get_id (g_ptr_array_index (results, j)), ==,
                         teapot_entry_get_id (g_ptr_array_index (same, j)));
      if (same->len > 1)
        for (guint j = 1; j < same->len; j++)
          g_assert_false (teapot_entry_is_registered (g_ptr_array_index (results, j)));
    }
}

static void
test_registered_before_vendor (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  g_autoptr(GPtrArray) results = teapot_store_search (store, "451", NULL, 0, NULL);
  g_autoptr(GPtrArray) in_text = teapot_store_search (store, "got a 530 from the server", NULL, 0, NULL);

  g_assert_cmpstr (teapot_entry_get_id (g_ptr_array_index (results, 0)), ==, "451");
  g_assert_cmpstr (teapot_entry_get_id (g_ptr_array_index (results, 1)), ==, "451-iis");
  g_assert_cmpuint (teapot_entry_get_code (g_ptr_array_index (in_text, 0)), ==, 530);
  g_assert_cmpuint (teapot_entry_get_code (g_ptr_array_index (in_text, 1)), ==, 530);
}

static void
test_range_in_code_order (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  g_autoptr(GPtrArray) results = teapot_store_search (store, "3xx", NULL, 0, NULL);
  TeapotFilter filter = { .class_digit = 3 };

  g_assert_cmpuint (results->len, ==, teapot_store_count (store, &filter));
  for (guint i = 1; i < results->len; i++)
    g_assert_cmpuint (teapot_entry_get_code (g_ptr_array_index (results, i - 1)), <=,
                      teapot_entry_get_code (g_ptr_array_index (results, i)));
}

static void
test_filters (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  TeapotFilter client = { .class_digit = 4 };
  TeapotFilter nginx = { .tag = "nginx" };
  TeapotFilter nginx_5xx = { .class_digit = 5, .tag = "nginx" };
  TeapotFilter iana = { .tag = "iana" };
  TeapotFilter favourites = { .favourites = TRUE };
  TeapotFilter favourite_4xx = { .class_digit = 4, .favourites = TRUE };
  g_autoptr(GPtrArray) timeouts = teapot_store_search (store, "timeout", &client, 0, NULL);
  g_autoptr(GPtrArray) closed = teapot_store_search (store, "closed", &nginx, 0, NULL);
  g_autoptr(GPtrArray) none = teapot_store_search (store, "timeout", &nginx_5xx, 0, NULL);
  g_autoptr(GPtrArray) registered = teapot_store_list (store, &iana, 0);
  g_autoptr(GPtrArray) starred = NULL;
  g_autoptr(GPtrArray) starred_4xx = NULL;

  g_assert_cmpuint (timeouts->len, >, 0);
  for (guint i = 0; i < timeouts->len; i++)
    g_assert_cmpstr (teapot_entry_get_class_name (g_ptr_array_index (timeouts, i)), ==, "4xx");
  g_assert_cmpstr (teapot_entry_get_id (g_ptr_array_index (timeouts, 0)), ==, "408");

  g_assert_cmpuint (closed->len, >, 0);
  for (guint i = 0; i < closed->len; i++)
    g_assert_cmpstr (teapot_entry_get_vendor (g_ptr_array_index (closed, i)), ==, "nginx");
  g_assert_cmpuint (none->len, ==, 0);

  for (guint i = 0; i < registered->len; i++)
    g_assert_true (teapot_entry_is_registered (g_ptr_array_index (registered, i)));

  g_assert_true (teapot_store_set_favourite (store, "404", TRUE, &error));
  g_assert_true (teapot_store_set_favourite (store, "503", TRUE, &error));
  g_assert_no_error (error);
  starred = teapot_store_search (store, "", &favourites, 0, NULL);
  starred_4xx = teapot_store_search (store, "not found", &favourite_4xx, 0, NULL);
  g_assert_cmpuint (starred->len, ==, 2);
  g_assert_cmpuint (starred_4xx->len, ==, 1);
  g_assert_cmpstr (teapot_entry_get_id (g_ptr_array_index (starred_4xx, 0)), ==, "404");
  g_assert_cmpuint (teapot_store_count (store, &favourites), ==, 2);
}

static void
test_limit (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  g_autoptr(GPtrArray) three = teapot_store_search (store, "error", NULL, 3, NULL);
  g_autoptr(GPtrArray) listed = teapot_store_search (store, "", NULL, 5, NULL);

  g_assert_cmpuint (three->len, ==, 3);
  g_assert_cmpuint (listed->len, ==, 5);
  /* Code order: 000 (no response at all) sorts before 100. */
  g_assert_cmpstr (teapot_entry_get_id (g_ptr_array_index (listed, 0)), ==, "000-informal");
  g_assert_cmpuint (teapot_entry_get_code (g_ptr_array_index (listed, 1)), ==, 100);
}

/* Nothing a person types reaches SQL or FTS5 as syntax, and nothing crashes. */
static void
test_hostile (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  g_autofree char *huge = g_strnfill (100 * 1024, 'x');
  g_autofree char *huge_words = NULL;
  const char *cases[] = {
    "\"", "\"\"", "\"unterminated", "'", "' OR '1'='1", "'); DROP TABLE entries; --", "*", "**", "^",
    "NEAR(not found)", "not AND found", "OR", "AND", "NOT", "not:found", "phrase:found", "{phrase}: x",
    "(", ")", "()", "a + b", "-", "--", "%", "_", "\\", "\xff\xfe", "caf\xc3", "\xed\xa0\x80", "\x01\x1f\x1e",
    "", " ", "\t\n", "%s%s%s%n", "404\"", "4\"04", "\"404\"", "4xx*", "x*y", "🫖", "ñ", "ℌ𝔗𝔗𝔓",
  };
  GString *words = g_string_new (NULL);

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (words, "word%u \"q%u* OR ", i, i);
  huge_words = g_string_free (words, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) results = teapot_store_search (store, cases[i], NULL, 0, NULL);
      g_autoptr(GPtrArray) all = teapot_store_list (store, NULL, 0);

      /* Nothing was dropped or changed by what was typed, and no match is made up. */
      g_assert_cmpuint (results->len, <=, all->len);
      g_assert_cmpuint (teapot_store_count (store, NULL), ==, all->len);
    }

  {
    g_autoptr(GPtrArray) a = teapot_store_search (store, huge, NULL, 0, NULL);
    g_autoptr(GPtrArray) b = teapot_store_search (store, huge_words, NULL, 0, NULL);
    g_autoptr(GPtrArray) quoted = teapot_store_search (store, "\"404\"", NULL, 1, NULL);
    g_autoptr(GPtrArray) blank = teapot_store_search (store, "   ", NULL, 0, NULL);
    g_autoptr(GPtrArray) all = teapot_store_list (store, NULL, 0);

    /* A word that is in no entry finds nothing, however long; 5,000 made-up words neither. */
    g_assert_cmpuint (a->len, ==, 0);
    g_assert_cmpuint (b->len, <, all->len);
    g_assert_cmpstr (teapot_entry_get_id (g_ptr_array_index (quoted, 0)), ==, "404");
    /* A blank query lists everything in code order. */
    g_assert_cmpuint (blank->len, ==, all->len);
  }
}

int
main (int   argc,
      char *argv[])
{
  gboolean report = argc > 1 && g_str_equal (argv[argc - 1], "--report");
  int status;

  if (report)
    {
      /* No test harness: plain figures on standard output. */
      shared_store = teapot_store_new (":memory:", NULL);
      status = shared_store != NULL ? report_hit_rates () : 1;
      g_clear_object (&shared_store);
      return status;
    }
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* Opened before any test's isolated folders exist: no user data file at all. */
  shared_store = teapot_store_new (":memory:", NULL);
  g_assert_nonnull (shared_store);
  g_assert_cmpuint (n_ranking_rows, >=, 60);
  for (guint i = 0; i < n_ranking_rows; i++)
    {
      g_autofree char *path = g_strdup_printf ("/search/table/%s/%02u", ranking_rows[i].kind, i);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_table_row);
    }
  for (guint i = 0; i < n_unwanted_rows; i++)
    {
      g_autofree char *path = g_strdup_printf ("/search/unwanted/%02u", i);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_unwanted_row);
    }
  open_session_stores ();
  for (guint l = 0; l < G_N_ELEMENTS (sessions); l++)
    for (guint i = 0; i < n_translated_rows; i++)
      {
        g_autofree char *path = g_strdup_printf ("/search/translated/%s/%s/%02u", sessions[l].locale,
                                                 translated_rows[i].kind, i);

        g_test_add_data_func (path, GUINT_TO_POINTER (l * 1000 + i), test_translated_row);
      }
  g_test_add_func ("/search/accents-both-ways", test_accents_both_ways);
  g_test_add_func ("/search/exact-code-first", test_exact_code_first);
  g_test_add_func ("/search/registered-before-vendor", test_registered_before_vendor);
  g_test_add_func ("/search/range-in-code-order", test_range_in_code_order);
  g_test_add_func ("/search/filters", test_filters);
  g_test_add_func ("/search/limit", test_limit);
  g_test_add_func ("/search/hostile", test_hostile);

  status = g_test_run ();
  g_clear_object (&shared_store);
  for (guint l = 0; l < G_N_ELEMENTS (sessions); l++)
    g_clear_object (&session_stores[l]);
  return status;
}
