/* test-query.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-query.h"
#include "teapot-store-private.h"
#include "teapot-text.h"

static void
assert_codes (TeapotQuery *query,
              const guint *codes,
              guint        n)
{
  g_assert_cmpuint (query->codes->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (query->codes, guint, i), ==, codes[i]);
}

static void
test_codes_in_text (void)
{
  g_autoptr(TeapotQuery) plain = teapot_query_parse ("404");
  g_autoptr(TeapotQuery) status_line = teapot_query_parse ("HTTP/1.1 503 Service Unavailable");
  g_autoptr(TeapotQuery) access_log = teapot_query_parse (
    "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /a.gif HTTP/1.0\" 200 2326");
  g_autoptr(TeapotQuery) address = teapot_query_parse ("upstream 104.16.1.1:443 refused");
  g_autoptr(TeapotQuery) two = teapot_query_parse ("got 301 then 404 then 301");

  assert_codes (plain, (guint[]) { 404 }, 1);
  assert_codes (status_line, (guint[]) { 503 }, 1);
  assert_codes (access_log, (guint[]) { 200 }, 1);
  /* The first octet of an address is not a status code; a port may look like one. */
  assert_codes (address, (guint[]) { 443 }, 1);
  assert_codes (two, (guint[]) { 301, 404 }, 2);
  g_assert_cmpstr (status_line->joined, ==, "http service unavailable");
}

/* A status with a vendor's detail is a sub-code; a version or an address is not, and a bare
 * four-digit number is a sub-code only after the dotted ones. */
static void
test_subcodes_in_text (void)
{
  struct { const char *text; const char *subcodes; guint first_code; } cases[] = {
    { "500.19", "500.19", 500 },
    { "HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure", "502.5", 502 },
    { "error 1020", "1020", 0 },
    { "Error 1015 after 403.14.", "403.14 1015", 403 },
    { "HTTP/1.1 200 OK", "", 200 },
    { "client 2.0.3 got 404", "", 404 },
    { "from 10.100.200.1 and 192.168.100.5", "", 0 },
    { "version 500.1.2", "", 0 },
    { "500.1234", "", 0 },
    { "0404 and 12345", "", 0 },
    { "recv() failed (104: Connection reset by peer) while reading", "", 0 },
    { "(404) not found", "", 404 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TeapotQuery) query = teapot_query_parse (cases[i].text);
      g_autoptr(GString) found = g_string_new (NULL);

      for (guint j = 0; j < query->subcodes->len; j++)
        g_string_append_printf (found, "%s%s", j > 0 ? " " : "", (char *) g_ptr_array_index (query->subcodes, j));
      g_test_message ("query “%s”", cases[i].text);
      g_assert_cmpstr (found->str, ==, cases[i].subcodes);
      if (cases[i].first_code != 0)
        g_assert_cmpuint (g_array_index (query->codes, guint, 0), ==, cases[i].first_code);
      else
        g_assert_cmpuint (query->codes->len, ==, 0);
    }
}

static void
test_ranges (void)
{
  struct { const char *text; guint low, high; } cases[] = {
    { "4", 400, 499 },
    { "52", 520, 529 },
    { "4xx", 400, 499 },
    { "5XX errors", 500, 599 },
    { "50x", 500, 509 },
    { " 3 ", 300, 399 },
    { "0", 0, 0 },
    { "05", 0, 0 },
    { "xxx", 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TeapotQuery) query = teapot_query_parse (cases[i].text);

      g_test_message ("query “%s”", cases[i].text);
      g_assert_cmpuint (query->range_low, ==, cases[i].low);
      g_assert_cmpuint (query->range_high, ==, cases[i].high);
    }
}

static void
test_words (void)
{
  g_autoptr(TeapotQuery) typing = teapot_query_parse ("too many req");
  g_autoptr(TeapotQuery) done = teapot_query_parse ("too many req ");
  g_autoptr(TeapotQuery) stop = teapot_query_parse ("the of a");
  g_autoptr(TeapotQuery) teapot = teapot_query_parse ("I'm a Teapot!");
  g_autoptr(TeapotQuery) blank = teapot_query_parse ("   \t\n ");
  g_autoptr(TeapotQuery) null = teapot_query_parse (NULL);

  g_assert_true (typing->last_is_prefix);
  g_assert_false (done->last_is_prefix);
  g_assert_cmpstr (typing->joined, ==, "too many req");
  g_assert_cmpstr (stop->joined, ==, "the of a");
  g_assert_cmpstr (teapot->joined, ==, "im teapot");
  g_assert_true (teapot_query_is_empty (blank));
  g_assert_true (teapot_query_is_empty (null));
}

/* A path or URL in a paste is the person's own resource: its words do not count. */
static void
test_paths (void)
{
  g_autoptr(TeapotQuery) express = teapot_query_parse ("Cannot GET /api/users");
  g_autoptr(TeapotQuery) url = teapot_query_parse ("404 for url: https://api.example.com/v1/items");
  g_autoptr(TeapotQuery) pattern = teapot_query_parse ("post/redirect/get");

  g_assert_cmpstr (express->joined, ==, "cannot get");
  g_assert_cmpstr (url->joined, ==, "url");
  g_assert_cmpuint (g_array_index (url->codes, guint, 0), ==, 404);
  g_assert_cmpstr (pattern->joined, ==, "post redirect get");
}

/* How people ask is not what they ask about; "not" and "too" are. */
static void
test_question_words (void)
{
  g_autoptr(TeapotQuery) question = teapot_query_parse ("Which status code should I return when it is not found?");
  g_autoptr(TeapotQuery) only = teapot_query_parse ("what code");

  g_assert_cmpstr (question->joined, ==, "not found");
  g_assert_cmpstr (only->joined, ==, "what code");
}

/* Beside a code, stop words stay out: "status" alone would be looked up in every entry. */
static void
test_stop_words_beside_code (void)
{
  g_autoptr(TeapotQuery) query = teapot_query_parse ("status=404");

  g_assert_cmpuint (query->words->len, ==, 0);
  g_assert_cmpuint (g_array_index (query->codes, guint, 0), ==, 404);
}

static void
test_hostile (void)
{
  g_autofree char *huge = g_strnfill (100 * 1024, 'a');
  const char *cases[] = {
    "\"", "\"\"\"", "' OR 1=1 --", "NEAR(a b)", "a AND b OR NOT c", "col:term", "*", "^start",
    "\xff\xfe\xfd", "caf\xc3", "%s%n%x", "'); DROP TABLE entries; --", "\x01\x02\x1f\x1e",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TeapotQuery) query = teapot_query_parse (cases[i]);

      g_assert_true (g_utf8_validate (query->joined, -1, NULL));
    }

  {
    g_autoptr(TeapotQuery) query = teapot_query_parse (huge);
    g_assert_cmpuint (query->words->len, <=, TEAPOT_QUERY_MAX_WORDS);
  }
}

static void
test_edit_distance (void)
{
  g_assert_cmpuint (teapot_text_edit_distance ("forbidden", "forbidden", 2), ==, 0);
  g_assert_cmpuint (teapot_text_edit_distance ("forbiden", "forbidden", 2), ==, 1);
  g_assert_cmpuint (teapot_text_edit_distance ("requets", "requests", 2), ==, 1);
  g_assert_cmpuint (teapot_text_edit_distance ("gatewya", "gateway", 2), ==, 1);
  g_assert_cmpuint (teapot_text_edit_distance ("teapot", "request", 2), ==, 3);
  g_assert_cmpuint (teapot_text_edit_distance ("a", "abcdef", 1), ==, 2);
}

static void
test_split_words (void)
{
  g_autoptr(GPtrArray) words = teapot_text_split_words ("Ünïcode, SSL-Handshake; I'm 4xx");

  g_assert_cmpuint (words->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (words, 0), ==, "ünïcode");
  g_assert_cmpstr (g_ptr_array_index (words, 1), ==, "ssl");
  g_assert_cmpstr (g_ptr_array_index (words, 3), ==, "im");
  g_assert_cmpstr (g_ptr_array_index (words, 4), ==, "4xx");
}

/* The exact MATCH text FTS5 gets for what a person types: every word one quoted string,
 * quotes doubled, FTS5's operators and column filters inert, a prefix star outside. */
static void
test_match_quoting (void)
{
  const struct { const char *words[3]; gboolean prefix; const char *expected; } cases[] = {
    { { "not", "found" }, FALSE, "\"not\" OR \"found\"" },
    { { "a\"b" }, FALSE, "\"a\"\"b\"" },
    { { "\"" }, FALSE, "\"\"\"\"" },
    { { "NEAR(x", "y)" }, FALSE, "\"NEAR(x\" OR \"y)\"" },
    { { "AND", "NOT", "OR" }, FALSE, "\"AND\" OR \"NOT\" OR \"OR\"" },
    { { "phrase:found" }, FALSE, "\"phrase:found\"" },
    { { "{x}:", "^y" }, FALSE, "\"{x}:\" OR \"^y\"" },
    { { "forbid" }, TRUE, "\"forbid\"*" },
    { { "x*" }, TRUE, "\"x*\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) match = g_string_new (NULL);

      for (guint w = 0; w < G_N_ELEMENTS (cases[i].words) && cases[i].words[w] != NULL; w++)
        _teapot_search_append_term (match, cases[i].words[w], cases[i].prefix);
      g_assert_cmpstr (match->str, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/query/codes-in-text", test_codes_in_text);
  g_test_add_func ("/query/subcodes-in-text", test_subcodes_in_text);
  g_test_add_func ("/query/ranges", test_ranges);
  g_test_add_func ("/query/words", test_words);
  g_test_add_func ("/query/paths", test_paths);
  g_test_add_func ("/query/question-words", test_question_words);
  g_test_add_func ("/query/stop-words-beside-code", test_stop_words_beside_code);
  g_test_add_func ("/query/hostile", test_hostile);
  g_test_add_func ("/text/edit-distance", test_edit_distance);
  g_test_add_func ("/text/split-words", test_split_words);

  g_test_add_func ("/query/match-quoting", test_match_quoting);

  return g_test_run ();
}
