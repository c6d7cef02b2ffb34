/* test-compare.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The comparison's facts, read back from the compiled reference database, against what
 * RFC 9110 states (section 15.4 and the sections named below), and the parser that the
 * window, its search and `teapot --compare` share. */

#include "config.h"

#include "teapot-comparison.h"
#include "teapot-comparison-quiz.h"
#include "teapot-facts.h"

static TeapotStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  TeapotStore *store = teapot_store_new (":memory:", &error);

  g_assert_no_error (error);
  return store;
}

static void
assert_fact (TeapotStore   *store,
             const char    *id,
             TeapotFactKey  key,
             const char    *value,
             const char    *section)
{
  g_autoptr(TeapotFacts) facts = teapot_store_get_facts (store, id);

  g_test_message ("%s %s", id, teapot_fact_key_get_name (key));
  g_assert_cmpstr (teapot_facts_get_value (facts, key), ==, value);
  if (section != NULL)
    g_assert_cmpstr (teapot_facts_get_section (facts, key), ==, section);
}

/* RFC 9110 15.4.2-15.4.9: 301 and 308 are permanent, 302, 303 and 307 are not; 301 and 302
 * let a user agent change POST to GET, 303 asks for a retrieval (GET), 307 and 308 forbid
 * changing the method. */
static void
test_redirect_facts (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  static const struct
  {
    const char *id, *permanent, *method, *section;
  } redirects[] = {
    { "301", "yes", "may-change", "15.4.2" },
    { "302", "no", "may-change", "15.4.3" },
    { "303", "no", "changed-to-get", "15.4.4" },
    { "307", "no", "kept", "15.4.8" },
    { "308", "yes", "kept", "15.4.9" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (redirects); i++)
    {
      g_autoptr(TeapotFacts) facts = teapot_store_get_facts (store, redirects[i].id);
      const char * const *headers = teapot_facts_get_values (facts, TEAPOT_FACT_HEADERS);

      assert_fact (store, redirects[i].id, TEAPOT_FACT_PERMANENT, redirects[i].permanent, redirects[i].section);
      assert_fact (store, redirects[i].id, TEAPOT_FACT_METHOD, redirects[i].method, redirects[i].section);
      g_assert_cmpint (teapot_facts_get_boolean (facts, TEAPOT_FACT_PERMANENT), ==,
                       g_str_equal (redirects[i].permanent, "yes"));
      /* Each redirect names its target in Location (RFC 9110 10.2.2, 15.4). */
      g_assert_true (g_strv_contains (headers, "Location"));
      /* A redirect's content is a short note at most. */
      assert_fact (store, redirects[i].id, TEAPOT_FACT_BODY, "optional", NULL);
      for (guint k = TEAPOT_FACT_SENDER; k <= TEAPOT_FACT_AVOID; k++)
        g_assert_nonnull (teapot_facts_get_value (facts, k));
    }
}

/* RFC 9110 15.1: of these, 200, 204, 301 and 308 are heuristically cacheable, the others not;
 * the fact agrees with the entry's own field. */
static void
test_cacheable (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  const char *cacheable[] = { "200", "204", "301", "308" };
  const char *not_cacheable[] = { "201", "202", "302", "303", "304", "307", "401", "403", "503" };

  for (guint i = 0; i < G_N_ELEMENTS (cacheable); i++)
    assert_fact (store, cacheable[i], TEAPOT_FACT_CACHEABLE, "yes", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (not_cacheable); i++)
    assert_fact (store, not_cacheable[i], TEAPOT_FACT_CACHEABLE, "no", NULL);
}

/* RFC 9110: 401 MUST carry WWW-Authenticate (15.5.2), 407 Proxy-Authenticate (15.5.8);
 * 503 may say Retry-After (15.6.4); 204 and 304 cannot contain content (15.3.5, 15.4.5). */
static void
test_other_facts (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  g_autoptr(TeapotFacts) not_modified = teapot_store_get_facts (store, "304");
  g_autoptr(TeapotFacts) forbidden = teapot_store_get_facts (store, "403");
  g_autoptr(TeapotFacts) none = teapot_store_get_facts (store, "418");
  g_autoptr(TeapotFacts) unknown = teapot_store_get_facts (store, "no-such-id");
  const char * const *headers = teapot_facts_get_values (not_modified, TEAPOT_FACT_HEADERS);

  assert_fact (store, "401", TEAPOT_FACT_HEADERS, "WWW-Authenticate", "15.5.2");
  assert_fact (store, "407", TEAPOT_FACT_HEADERS, "Proxy-Authenticate", "15.5.8");
  assert_fact (store, "503", TEAPOT_FACT_HEADERS, "Retry-After", "15.6.4");
  assert_fact (store, "204", TEAPOT_FACT_BODY, "none", "15.3.5");
  assert_fact (store, "304", TEAPOT_FACT_BODY, "none", "15.4.5");
  assert_fact (store, "201", TEAPOT_FACT_HEADERS, "Location", "15.3.2");
  for (guint i = 0; i < 6; i++)
    g_assert_true (g_strv_contains (headers, (const char *[]) { "Cache-Control", "Content-Location", "Date",
                                                                 "ETag", "Expires", "Vary" }[i]));
  g_assert_cmpuint (g_strv_length ((char **) headers), ==, 6);

  /* Only redirects say what happens to the method or whether they are permanent. */
  g_assert_false (teapot_facts_has (forbidden, TEAPOT_FACT_METHOD));
  g_assert_false (teapot_facts_has (forbidden, TEAPOT_FACT_PERMANENT));
  g_assert_false (teapot_facts_has (forbidden, TEAPOT_FACT_HEADERS));
  g_assert_null (teapot_facts_get_value (forbidden, TEAPOT_FACT_HEADERS));
  g_assert_cmpuint (g_strv_length ((char **) teapot_facts_get_values (forbidden, TEAPOT_FACT_HEADERS)), ==, 0);
  g_assert_true (teapot_facts_is_empty (none));
  g_assert_true (teapot_facts_is_empty (unknown));
}

/* Every code of every ready-made set has the facts the comparison shows. */
static void
test_sets_have_facts (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  const TeapotComparisonSet *sets;
  guint n_sets;

  sets = teapot_comparison_get_sets (&n_sets);
  g_assert_cmpuint (n_sets, ==, 6);
  for (guint s = 0; s < n_sets; s++)
    for (guint i = 0; sets[s].ids[i] != NULL; i++)
      {
        g_autoptr(TeapotFacts) facts = teapot_store_get_facts (store, sets[s].ids[i]);

        g_test_message ("%s: %s", sets[s].id, sets[s].ids[i]);
        for (guint k = TEAPOT_FACT_CACHEABLE; k < TEAPOT_N_FACTS; k++)
          if (k != TEAPOT_FACT_HEADERS)
            {
              g_assert_true (teapot_facts_has (facts, k));
              g_assert_true (g_str_has_prefix (teapot_facts_get_section (facts, k), "15."));
            }
      }
}

static void
test_format (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  g_autoptr(TeapotFacts) see_other = teapot_store_get_facts (store, "303");
  g_autoptr(TeapotFacts) not_modified = teapot_store_get_facts (store, "304");
  g_autofree char *method = teapot_facts_format_value (see_other, TEAPOT_FACT_METHOD);
  g_autofree char *permanent = teapot_facts_format_value (see_other, TEAPOT_FACT_PERMANENT);
  g_autofree char *headers = teapot_facts_format_value (not_modified, TEAPOT_FACT_HEADERS);
  g_autofree char *absent = teapot_facts_format_value (not_modified, TEAPOT_FACT_METHOD);

  g_assert_cmpstr (method, ==, "Changed to GET");
  g_assert_cmpstr (permanent, ==, "No");
  g_assert_cmpstr (headers, ==, "Cache-Control, Content-Location, Date, ETag, Expires, Vary");
  g_assert_null (absent);
  g_assert_cmpstr (teapot_fact_key_get_label (TEAPOT_FACT_METHOD), ==, "Method");
}

static char *
parse_ids (TeapotStore  *store,
           const char   *text,
           GError      **error)
{
  g_autoptr(GPtrArray) entries = teapot_comparison_parse (store, text, error);
  g_autoptr(GString) ids = g_string_new (NULL);

  if (entries == NULL)
    return NULL;
  for (guint i = 0; i < entries->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", teapot_entry_get_id (g_ptr_array_index (entries, i)));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
test_parse (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  static const struct
  {
    const char *text, *ids;
  } good[] = {
    { "301 vs 308", "301 308" },
    { "401 or 403", "401 403" },
    { "502/503/504", "502 503 504" },
    { "301,308", "301 308" },
    { "  400 , 422  ", "400 422" },
    { "308 VS. 301", "308 301" },
    { "redirects", "301 302 303 307 308" },
    { "Redirects, 200", "301 302 303 307 308 200" },
    { "conditional", "304 412" },
    { "301 vs 301 vs 302", "301 302" },
    { "404 versus 499-nginx", "404 499-nginx" },
    { "compare 200 and 204", "200 204" },
    { "500.19 vs 500", "500.19-iis 500" },
  };
  static const struct
  {
    const char *text;
    int code;
  } bad[] = {
    { "301", TEAPOT_COMPARISON_ERROR_TOO_FEW },
    { "", TEAPOT_COMPARISON_ERROR_TOO_FEW },
    { "vs", TEAPOT_COMPARISON_ERROR_TOO_FEW },
    { "301 vs 123", TEAPOT_COMPARISON_ERROR_UNKNOWN },
    { "301 vs teapots", TEAPOT_COMPARISON_ERROR_UNKNOWN },
    { "404 vs 499", TEAPOT_COMPARISON_ERROR_AMBIGUOUS },
    { "301 vs 3080", TEAPOT_COMPARISON_ERROR_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *ids = parse_ids (store, good[i].text, &error);

      g_test_message ("“%s”", good[i].text);
      g_assert_no_error (error);
      g_assert_cmpstr (ids, ==, good[i].ids);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *ids = parse_ids (store, bad[i].text, &error);

      g_test_message ("“%s”", bad[i].text);
      g_assert_null (ids);
      g_assert_error (error, TEAPOT_COMPARISON_ERROR, bad[i].code);
    }
}

/* What the search entry takes as a comparison, and what it leaves to search. */
static void
test_is_query (void)
{
  const char *comparisons[] = { "301 vs 308", "401 or 403", "502/503/504", "400,422", "200 versus 204",
                                "301 vs. 302", "redirects vs 200" };
  const char *searches[] = { "301", "moved permanently", "503 service unavailable", "vs", "301 vs",
                             "GET /a/b HTTP/1.1", "", "or", "401 or forbidden", "/api/v1/301" };

  for (guint i = 0; i < G_N_ELEMENTS (comparisons); i++)
    g_assert_true (teapot_comparison_is_query (comparisons[i]));
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_test_message ("“%s”", searches[i]);
      g_assert_false (teapot_comparison_is_query (searches[i]));
    }
}

static void
test_sets_with (void)
{
  g_autoptr(GPtrArray) with_412 = teapot_comparison_sets_with ("412");
  g_autoptr(GPtrArray) with_404 = teapot_comparison_sets_with ("404");

  g_assert_cmpuint (with_412->len, ==, 2);
  g_assert_cmpstr (((TeapotComparisonSet *) g_ptr_array_index (with_412, 0))->id, ==, "rejected");
  g_assert_cmpstr (((TeapotComparisonSet *) g_ptr_array_index (with_412, 1))->id, ==, "conditional");
  g_assert_cmpuint (with_404->len, ==, 0);
  g_assert_cmpstr (teapot_comparison_set_get_name (teapot_comparison_find_set ("AUTH")), ==,
                   "Authentication and Access");
  g_assert_null (teapot_comparison_find_set ("nothing"));
}

/* Whether entry @id has the first @n_keys facts of @question, read here apart from the
 * generator: a header is among the entry's headers, any other fact equals its value. */
static gboolean
has_values (TeapotStore                    *store,
            const char                     *id,
            const TeapotComparisonQuestion *question,
            guint                           n_keys)
{
  g_autoptr(TeapotFacts) facts = teapot_store_get_facts (store, id);

  for (guint k = 0; k < n_keys; k++)
    if (question->keys[k] == TEAPOT_FACT_HEADERS
        ? !g_strv_contains (teapot_facts_get_values (facts, question->keys[k]), question->values[k])
        : g_strcmp0 (teapot_facts_get_value (facts, question->keys[k]), question->values[k]) != 0)
      return FALSE;
  return TRUE;
}

/* The answers each set gives over many seeds, and RFC 9110's pairs of question and answer. */
static const struct
{
  const char *set;
  const char *answers;   /* every code a question of the set can have for answer */
} quiz_answers[] = {
  { "redirects", "301 302 303 307 308" },
  { "auth", "401 407" },           /* 403 has no fact of its own: no question */
  { "gateway", "503" },
  { "rejected", "" },              /* the facts do not tell 400, 409, 412 and 422 apart */
  { "success", "200 201 202 204" },
  { "conditional", "304 412" },
};

static const struct
{
  const char *text;
  const char *answer;
} quiz_pairs[] = {
  { "Which of these changes the method to GET?", "303" },              /* 15.4.4 */
  { "Which of these is permanent and keeps the method?", "308" },      /* 15.4.9 */
  { "Which of these keeps the method and is heuristically cacheable?", "308" },
  { "Which of these is temporary and keeps the method?", "307" },      /* 15.4.8 */
  { "Which of these is temporary and may keep POST or change it to GET?", "302" },  /* 15.4.3 */
  { "Which of these must send WWW-Authenticate?", "401" },             /* 15.5.2 */
  { "Which of these must send Proxy-Authenticate?", "407" },           /* 15.5.8 */
  { "Which of these may send Retry-After?", "503" },                   /* 15.6.4 */
  { "Which of these may send Location?", "201" },                      /* 15.3.2 */
  { "Which of these is heuristically cacheable and should have content?", "200" },  /* 15.1, 15.3.1 */
  { "Which of these should have content?", "412" },                    /* 15.5 */
};

/* One question, checked against the facts: exactly one option fits, every code of the set is
 * an option, and no single fact of a combination gives the answer away. */
static void
check_question (TeapotStore                    *store,
                const TeapotComparisonSet      *set,
                const TeapotComparisonQuestion *question)
{
  const char *answer = g_ptr_array_index (question->options, question->answer);
  guint matching = 0;

  g_test_message ("%s: %s -> %s", set->id, question->text, answer);
  g_assert_true (g_str_has_prefix (question->text, "Which of these "));
  g_assert_cmpuint (question->n_keys, >=, 1);
  g_assert_cmpuint (question->options->len, ==, g_strv_length ((char **) set->ids));
  for (guint i = 0; i < question->options->len; i++)
    if (has_values (store, g_ptr_array_index (question->options, i), question, question->n_keys))
      {
        matching++;
        g_assert_cmpuint (i, ==, question->answer);
      }
  g_assert_cmpuint (matching, ==, 1);

  if (question->n_keys == 2)
    for (guint k = 0; k < 2; k++)
      {
        TeapotComparisonQuestion single = *question;
        guint sharing = 0;

        single.keys[0] = question->keys[k];
        single.values[0] = question->values[k];
        for (guint i = 0; set->ids[i] != NULL; i++)
          sharing += has_values (store, set->ids[i], &single, 1);
        g_assert_cmpuint (sharing, >=, 2);
      }

  for (guint i = 0; i < G_N_ELEMENTS (quiz_pairs); i++)
    if (g_str_equal (question->text, quiz_pairs[i].text))
      g_assert_cmpstr (answer, ==, quiz_pairs[i].answer);
}

/* The comparison quiz, for every set and many seeds: every question has one answer by the
 * facts, every set gives the answers it can, and the same seed gives the same question. */
static void
test_quiz (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) sets = teapot_comparison_quiz_get_sets (store, NULL);

  for (guint s = 0; s < G_N_ELEMENTS (quiz_answers); s++)
    {
      const TeapotComparisonSet *set = teapot_comparison_find_set (quiz_answers[s].set);
      g_auto(GStrv) expected = g_strsplit (quiz_answers[s].answers, " ", -1);
      g_autoptr(GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint seed = 0; seed <= 200; seed++)
        {
          g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
          g_autoptr(GRand) again = g_rand_new_with_seed (seed);
          g_autoptr(TeapotComparisonQuestion) question = teapot_comparison_question_new (store, set, NULL, rand, 5);
          g_autoptr(TeapotComparisonQuestion) same = teapot_comparison_question_new (store, set, NULL, again, 5);

          if (expected[0] == NULL)
            {
              g_assert_null (question);
              break;
            }
          g_assert_nonnull (question);
          g_assert_cmpstr (question->text, ==, same->text);
          g_assert_cmpuint (question->answer, ==, same->answer);
          check_question (store, set, question);
          g_hash_table_add (answers, g_strdup (g_ptr_array_index (question->options, question->answer)));
          g_hash_table_add (texts, g_strdup (question->text));
        }
      /* g_strsplit() gives no word for "". */
      g_assert_cmpuint (g_hash_table_size (answers), ==, g_strv_length (expected));
      for (guint i = 0; expected[i] != NULL; i++)
        g_assert_true (g_hash_table_contains (answers, expected[i]));
      g_assert_cmpint (g_ptr_array_find (sets, set, NULL), ==, expected[0] != NULL);
    }
  /* The questions the RFC's pairs are about all come up. */
  for (guint i = 0; i < G_N_ELEMENTS (quiz_pairs); i++)
    g_assert_true (g_hash_table_contains (texts, quiz_pairs[i].text));

  /* Fewer buttons than codes: the answer stays, others go. */
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (3);
    g_autoptr(TeapotComparisonQuestion) question
      = teapot_comparison_question_new (store, teapot_comparison_find_set ("redirects"), NULL, rand, 4);

    g_assert_cmpuint (question->options->len, ==, 4);
  }
}

/* The asked header fields carry the RFC's requirement in their wording ("must send
 * WWW-Authenticate"): true only while the codes that list them are the ones the RFC says it
 * of. A 403 listing WWW-Authenticate (which any response MAY send, 11.6.1) fails here. */
static void
test_quiz_headers (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  static const struct
  {
    const char *header;
    const char *ids;
  } listed[] = {
    { "WWW-Authenticate", "401" },
    { "Proxy-Authenticate", "407" },
    { "Retry-After", "503" },
    { "Location", "201 301 302 303 307 308" },
  };
  guint n_sets;
  const TeapotComparisonSet *sets = teapot_comparison_get_sets (&n_sets);

  for (guint h = 0; h < G_N_ELEMENTS (listed); h++)
    {
      g_autoptr(GString) found = g_string_new (NULL);
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();

      for (guint s = 0; s < n_sets; s++)
        for (guint i = 0; sets[s].ids[i] != NULL; i++)
          if (!g_ptr_array_find_with_equal_func (ids, sets[s].ids[i], g_str_equal, NULL))
            g_ptr_array_add (ids, (gpointer) sets[s].ids[i]);
      g_ptr_array_sort_values (ids, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(TeapotFacts) facts = teapot_store_get_facts (store, g_ptr_array_index (ids, i));

          if (g_strv_contains (teapot_facts_get_values (facts, TEAPOT_FACT_HEADERS), listed[h].header))
            g_string_append_printf (found, "%s%s", found->len > 0 ? " " : "", (char *) g_ptr_array_index (ids, i));
        }
      g_assert_cmpstr (found->str, ==, listed[h].ids);
    }
  /* 200 and 201 carry ETag as 204 does (8.8.3, 15.3.2): never asked, and listed. */
  {
    g_autoptr(TeapotFacts) ok = teapot_store_get_facts (store, "200");

    g_assert_true (g_strv_contains (teapot_facts_get_values (ok, TEAPOT_FACT_HEADERS), "ETag"));
  }
}

/* A deck keeps the answers in it: 4xx asks about 401, 407 and 412 (the conditional set's),
 * 1xx and a vendor's codes about nothing. */
static void
test_quiz_deck (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  TeapotFilter client_errors = { .class_digit = 4 };
  TeapotFilter informational = { .class_digit = 1 };
  TeapotFilter nginx = { .tag = "nginx" };
  TeapotFilter redirection = { .class_digit = 3 };
  g_autoptr(GPtrArray) sets = teapot_comparison_quiz_get_sets (store, &client_errors);

  g_assert_cmpuint (sets->len, ==, 2);
  g_assert_true (g_ptr_array_index (sets, 0) == teapot_comparison_find_set ("auth"));
  g_assert_true (g_ptr_array_index (sets, 1) == teapot_comparison_find_set ("conditional"));
  for (guint seed = 0; seed < 50; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GPtrArray) round = teapot_comparison_quiz_new_round (store, &client_errors, rand, 5, 10);
      g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_cmpuint (round->len, ==, 3);
      for (guint i = 0; i < round->len; i++)
        {
          TeapotComparisonQuestion *question = g_ptr_array_index (round, i);
          const char *answer = g_ptr_array_index (question->options, question->answer);

          g_assert_true (g_str_equal (answer, "401") || g_str_equal (answer, "407") || g_str_equal (answer, "412"));
          g_assert_true (g_hash_table_add (answers, (gpointer) answer));
        }
    }
  for (guint seed = 0; seed < 20; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(TeapotComparisonQuestion) question
        = teapot_comparison_question_new (store, teapot_comparison_find_set ("conditional"), &redirection, rand, 5);

      /* The answer is in the deck; the other option need not be. */
      g_assert_cmpstr (g_ptr_array_index (question->options, question->answer), ==, "304");
      g_assert_cmpuint (question->options->len, ==, 2);
    }

  {
    g_autoptr(GPtrArray) none = teapot_comparison_quiz_get_sets (store, &informational);
    g_autoptr(GPtrArray) vendor = teapot_comparison_quiz_get_sets (store, &nginx);
    g_autoptr(GRand) rand = g_rand_new_with_seed (1);
    g_autoptr(GPtrArray) empty = teapot_comparison_quiz_new_round (store, &nginx, rand, 5, 10);
    g_autoptr(GPtrArray) all = teapot_comparison_quiz_new_round (store, NULL, rand, 5, 100);

    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (vendor->len, ==, 0);
    g_assert_cmpuint (empty->len, ==, 0);
    /* Every answer of every set, once. */
    g_assert_cmpuint (all->len, ==, 14);
  }
}

/* The feedback states the asked facts of the answer and of the choice. */
static void
test_quiz_describe (void)
{
  g_autoptr(TeapotStore) store = open_store ();
  TeapotComparisonQuestion redirect = { .n_keys = 2, .keys = { TEAPOT_FACT_PERMANENT, TEAPOT_FACT_METHOD },
                                        .values = { (char *) "yes", (char *) "kept" } };
  TeapotComparisonQuestion header = { .n_keys = 1, .keys = { TEAPOT_FACT_HEADERS },
                                      .values = { (char *) "WWW-Authenticate" } };
  TeapotComparisonQuestion body = { .n_keys = 1, .keys = { TEAPOT_FACT_BODY }, .values = { (char *) "none" } };
  struct
  {
    TeapotComparisonQuestion *question;
    const char *id, *text;
  } cases[] = {
    { &redirect, "308", "308: permanent, keeps the method" },
    { &redirect, "303", "303: temporary, changes the method to GET" },
    { &header, "401", "401: must send WWW-Authenticate" },
    { &header, "403", "403: need not send WWW-Authenticate" },
    { &body, "204", "204: never has content" },
    { &body, "201", "201: content optional" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = teapot_comparison_question_describe (cases[i].question, store, cases[i].id);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/compare/facts/redirects", test_redirect_facts);
  g_test_add_func ("/compare/facts/cacheable", test_cacheable);
  g_test_add_func ("/compare/facts/others", test_other_facts);
  g_test_add_func ("/compare/facts/sets", test_sets_have_facts);
  g_test_add_func ("/compare/facts/format", test_format);
  g_test_add_func ("/compare/parse", test_parse);
  g_test_add_func ("/compare/is-query", test_is_query);
  g_test_add_func ("/compare/sets-with", test_sets_with);
  g_test_add_func ("/compare/quiz", test_quiz);
  g_test_add_func ("/compare/quiz-headers", test_quiz_headers);
  g_test_add_func ("/compare/quiz-deck", test_quiz_deck);
  g_test_add_func ("/compare/quiz-describe", test_quiz_describe);

  return g_test_run ();
}
