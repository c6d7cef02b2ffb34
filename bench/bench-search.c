/* bench-search.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Search latency (median, p99) over a mixed query set, on the bundled data and on a generated
 * 100,000-entry database; and the wall time of `teapot 404` next to Python's own lookup.
 * Budgets: DESIGN.md. Figures go to BENCHMARKS.md. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>

#include "teapot-record.h"
#include "teapot-refdb.h"
#include "teapot-store.h"
#include "teapot-text.h"

#define GENERATED_ENTRIES 100000
#define ROUNDS_BUNDLED 200
#define ROUNDS_GENERATED 5
#define PROCESS_RUNS 30

static const char * const queries[] = {
  "404", "429", "5", "52", "4xx", "499",
  "not found", "too many requests", "service unavailable", "gateway timeout", "method not allowed",
  "payload too large", "moved temporarily", "i'm a teapot",
  "too many requets", "forbiden", "bad gatway", "internal sever error", "unauthorised",
  "rate limit", "captive portal", "csrf token", "upload too big", "maintenance", "websocket upgrade",
  "too many req", "forb", "unavail",
  "HTTP/1.1 503 Service Unavailable",
  "2024/05/01 10:00:00 [error] 1234#1234: *5 upstream timed out (110: Connection timed out) while reading "
  "response header from upstream, client: 10.0.0.1, server: example.com, request: \"GET / HTTP/1.1\"",
  "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326",
  "requests.exceptions.HTTPError: 404 Client Error: Not Found for url: https://api.example.com/v1/items",
  "urllib.error.HTTPError: HTTP Error 429: Too Many Requests",
  "cloudflare origin unreachable", "nginx client closed request", "aws alb 460",
  /* issue 10: headers, vendors, sub-codes in text, messages, gRPC names, questions */
  "retry-after", "www-authenticate", "nginx", "cloudflare", "iis",
  "500.19", "HTTP Error 502.5", "status=404", "error 1020",
  "Cannot GET /api/users", "no healthy upstream", "Error 503 Backend fetch failed",
  "upstream connect error or disconnect/reset before headers. reset reason: connection failure",
  "System.Net.Http.HttpRequestException: Response status code does not indicate success: 404 (Not Found).",
  "Forbidden (403) CSRF verification failed. Request aborted.", "DEADLINE_EXCEEDED",
  "rpc error: code = Unavailable desc = connection error",
  "which code for validation errors", "logged in but not allowed", "post redirect get", "wrong http verb",
};

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
percentile_ms (GArray *samples,
               double  p)
{
  guint index = MIN (samples->len - 1, (guint) (p * samples->len));

  return g_array_index (samples, gint64, index) / 1e6;
}

static void
report (const char *label,
        GArray     *samples,
        double      budget_ms)
{
  double median, p99;

  g_array_sort (samples, compare_gint64);
  median = percentile_ms (samples, 0.5);
  p99 = percentile_ms (samples, 0.99);
  printf ("%-34s n=%-6u median %8.3f ms   p99 %8.3f ms   max %8.3f ms   budget p99 <= %g ms: %s\n",
          label, samples->len, median, p99, percentile_ms (samples, 1.0), budget_ms,
          p99 <= budget_ms ? "met" : "MISSED");
}

static GArray *
time_queries (TeapotStore *store,
              guint        rounds,
              gint64      *first_query_ns)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 start = now_ns ();

  /* The first search loads the spelling vocabulary: reported on its own. */
  g_ptr_array_unref (teapot_store_search (store, "warm up", NULL, 50, NULL));
  *first_query_ns = now_ns () - start;

  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        gint64 t0 = now_ns ();
        g_autoptr(GPtrArray) results = teapot_store_search (store, queries[i], NULL, 50, NULL);
        gint64 elapsed = now_ns () - t0;

        g_array_append_val (samples, elapsed);
      }
  return samples;
}

static void
print_slowest (TeapotStore *store)
{
  gint64 worst = 0;
  const char *worst_query = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      gint64 t0 = now_ns ();
      g_autoptr(GPtrArray) results = teapot_store_search (store, queries[i], NULL, 50, NULL);
      gint64 elapsed = now_ns () - t0;

      if (elapsed > worst)
        {
          worst = elapsed;
          worst_query = queries[i];
        }
    }
  printf ("  slowest query: %.3f ms for \"%.50s\"\n", worst / 1e6, worst_query);
}

/* Words to build generated entries from: the bundled dataset's own vocabulary, so the
 * generated text has the same kind of words as real entries, in a Zipf-like mix. */
static GPtrArray *
collect_vocabulary (TeapotStore *store)
{
  g_autoptr(GPtrArray) entries = teapot_store_list (store, NULL, 0);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < entries->len; i++)
    {
      TeapotEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *text = g_strconcat (teapot_entry_get_phrase (entry), " ", teapot_entry_get_summary (entry), " ",
                                           teapot_entry_get_description (entry), NULL);
      g_autoptr(GPtrArray) split = teapot_text_split_words (text);

      for (guint j = 0; j < split->len; j++)
        {
          char *word = g_ptr_array_index (split, j);

          if (!g_ascii_isdigit (*word) && !g_hash_table_contains (seen, word))
            {
              g_ptr_array_add (words, g_strdup (word));
              g_hash_table_add (seen, g_ptr_array_index (words, words->len - 1));
            }
        }
    }
  return words;
}

static const char *
pick (GRand     *rand,
      GPtrArray *words)
{
  /* Squaring a uniform draw favours the first words: a few common, most rare. */
  double u = g_rand_double (rand);

  return g_ptr_array_index (words, (guint) (u * u * words->len));
}

static char *
sentence (GRand     *rand,
          GPtrArray *words,
          guint      n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", pick (rand, words));
  return g_string_free (out, FALSE);
}

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const TeapotRecord *ra = *(TeapotRecord * const *) a, *rb = *(TeapotRecord * const *) b;

  return ra->code != rb->code ? (ra->code < rb->code ? -1 : 1) : g_strcmp0 (ra->vendor, rb->vendor);
}

static gboolean
generate_database (TeapotStore  *bundled,
                   const char   *path,
                   GError      **error)
{
  g_autoptr(GPtrArray) words = collect_vocabulary (bundled);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_record_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (404);

  for (guint i = 0; i < GENERATED_ENTRIES; i++)
    {
      TeapotRecord *record = teapot_record_new ();

      /* 900 codes and 997 vendors: every (code, vendor) pair is different. */
      record->code = 100 + i % 900;
      record->vendor = g_strdup_printf ("vendor%u", i % 997);
      record->id = teapot_record_derive_id (record->code, record->vendor);
      record->status = g_strdup ("unofficial");
      record->phrase = sentence (rand, words, 2 + g_rand_int_range (rand, 0, 3));
      record->summary = sentence (rand, words, 12);
      record->description = sentence (rand, words, 60);
      for (guint k = 0; k < 5; k++)
        g_ptr_array_add (record->keywords, sentence (rand, words, 1 + k % 3));
      g_ptr_array_add (record->aliases, sentence (rand, words, 3));
      record->ref_title = g_strdup ("Generated");
      record->ref_section = g_strdup ("");
      record->ref_url = g_strdup ("https://example.org/");
      g_ptr_array_add (records, record);
    }

  /* Code order, as the dataset compiler writes it. */
  g_ptr_array_sort (records, compare_records);
  return teapot_refdb_write (records, path, error);
}

static gint64
time_process_ns (const char * const *argv,
                 char              **envp)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = now_ns ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, envp,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    {
      printf ("  cannot run %s: %s\n", argv[0], error->message);
      return -1;
    }
  return now_ns () - t0;
}

/* `teapot 404` against Python's own lookup, from cold processes. This runs before the
 * searches, while this process is small (spawning copies its page tables, the same few
 * milliseconds for both programs, which pulled the ratio towards 1), the two programs in
 * turn (so that a busy moment costs both), and without meson's malloc debugging:
 * MALLOC_PERTURB_ makes glibc fill every block Teapot allocates, and a user's shell sets
 * no such thing. */
static void
compare_processes (const char *teapot)
{
  const char *teapot_argv[] = { teapot, "404", NULL };
  /* The system's interpreter, not a version manager's shim script in front of it. */
  const char *python = g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? "/usr/bin/python3" : "python3";
  const char *python_argv[] = { python, "-c", "from http import HTTPStatus; print(HTTPStatus(404).phrase)", NULL };
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) envp = g_get_environ ();
  double ours_ms, theirs_ms;

  envp = g_environ_unsetenv (envp, "MALLOC_PERTURB_");
  envp = g_environ_unsetenv (envp, "MALLOC_CHECK_");
  /* Once each unmeasured: the files in the page cache, the user database made. */
  time_process_ns (python_argv, envp);
  time_process_ns (teapot_argv, envp);
  for (guint i = 0; i < PROCESS_RUNS; i++)
    {
      gint64 python_ns = time_process_ns (python_argv, envp);
      gint64 teapot_ns = time_process_ns (teapot_argv, envp);

      if (python_ns < 0 || teapot_ns < 0)
        return;
      g_array_append_val (theirs, python_ns);
      g_array_append_val (ours, teapot_ns);
    }
  g_array_sort (ours, compare_gint64);
  g_array_sort (theirs, compare_gint64);
  ours_ms = percentile_ms (ours, 0.5);
  theirs_ms = percentile_ms (theirs, 0.5);
  printf ("Cold process, median of %d runs each, in turn:\n", PROCESS_RUNS);
  printf ("  teapot 404                      %8.2f ms\n", ours_ms);
  printf ("  %s HTTPStatus(404).phrase  %8.2f ms\n", python, theirs_ms);
  /* DESIGN.md: at most half as long as Python's own lookup. */
  printf ("  teapot / python: %.2fx, budget <= 0.5x: %s\n\n", ours_ms / theirs_ms,
          ours_ms <= 0.5 * theirs_ms ? "met" : "MISSED");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("teapot-bench-XXXXXX", &error);
  g_autofree char *user_db = g_build_filename (dir, "user.sqlite", NULL);
  /* TEAPOT_BENCH_DB keeps the generated database there, and reuses it when present. */
  const char *keep = g_getenv ("TEAPOT_BENCH_DB");
  g_autofree char *generated = keep ? g_strdup (keep) : g_build_filename (dir, "generated.sqlite", NULL);
  g_autoptr(TeapotStore) bundled = NULL;
  g_autoptr(TeapotStore) big = NULL;
  g_autoptr(GArray) samples = NULL;
  const char *teapot = argc > 1 ? argv[1] : g_getenv ("TEAPOT_BINARY");
  gint64 first = 0, t0;
  gboolean quick = g_getenv ("TEAPOT_BENCH_QUICK") != NULL;

  if (teapot != NULL)
    compare_processes (teapot);

  bundled = teapot_store_new (user_db, &error);
  if (bundled == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  printf ("Search latency, %zu mixed queries (codes, prefixes, phrases, typos, concepts, pasted lines)\n",
          G_N_ELEMENTS (queries));
  samples = time_queries (bundled, quick ? 10 : ROUNDS_BUNDLED, &first);
  printf ("  first search (loads the vocabulary): %.3f ms\n", first / 1e6);
  report ("bundled data", samples, 1.0);
  print_slowest (bundled);
  g_clear_pointer (&samples, g_array_unref);

  t0 = now_ns ();
  if (!(keep && g_file_test (keep, G_FILE_TEST_EXISTS)) && !generate_database (bundled, generated, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("  generated %d entries in %.1f s\n", GENERATED_ENTRIES, (now_ns () - t0) / 1e9);
  big = teapot_store_new_for_reference (generated, user_db, &error);
  if (big == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  samples = time_queries (big, quick ? 1 : ROUNDS_GENERATED, &first);
  printf ("  first search (loads the vocabulary): %.3f ms\n", first / 1e6);
  report ("generated 100,000 entries", samples, 8.0);
  print_slowest (big);

  if (keep == NULL)
    g_unlink (generated);
  g_unlink (user_db);
  {
    g_autofree char *wal = g_strconcat (user_db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (user_db, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
