/* test-explain.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Explain a log (issue 12), one format at a time: each test generates a file, keeps its
 * own tally of the statuses it wrote, and compares the explainer's counts with it; then
 * what a number means in the log's context. */

#include "config.h"

#include <string.h>

#include "explain-test-util.h"

static const guint statuses[] = { 200, 200, 200, 200, 204, 301, 304, 400, 401, 403, 404, 404, 429, 499, 500, 502, 503, 504 };

typedef struct
{
  guint64 by_code[1000];
  guint64 total;
} Tally;

static guint
pick (GRand *rand,
      Tally *tally)
{
  guint code = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];

  tally->by_code[code]++;
  tally->total++;
  return code;
}

/* The explainer's counts summed by number must equal the generator's tally. */
static void
assert_tally (TeapotLogSummary *summary,
              const Tally      *tally)
{
  GPtrArray *counts = teapot_log_summary_get_counts (summary);
  guint64 by_code[1000] = { 0 };

  for (guint i = 0; i < counts->len; i++)
    {
      const TeapotLogCount *count = g_ptr_array_index (counts, i);

      by_code[count->code] += count->count;
      if (i > 0)
        g_assert_cmpuint (count->count, <=, ((TeapotLogCount *) g_ptr_array_index (counts, i - 1))->count);
    }
  for (guint code = 0; code < 1000; code++)
    if (by_code[code] != tally->by_code[code])
      g_error ("status %u: counted %" G_GUINT64_FORMAT ", written %" G_GUINT64_FORMAT, code, by_code[code],
               tally->by_code[code]);
  g_assert_cmpuint (teapot_log_summary_get_total (summary), ==, tally->total);
}

static TeapotLogSummary *
explain_string (GString *text)
{
  g_autoptr(GError) error = NULL;
  TeapotLogSummary *summary = explain_test_bytes (text->str, text->len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

static void
access_line (GString *out,
             guint    i,
             guint    code,
             gboolean combined)
{
  g_string_append_printf (out, "10.0.%u.%u - %s [%02u/Mar/2024:%02u:%02u:%02u +0100] \"GET /item/%u?x=1 HTTP/1.1\" %u %u",
                          i % 256, i % 100, i % 7 == 0 ? "alice" : "-", 1 + i % 28, i / 3600 % 24, i / 60 % 60, i % 60,
                          i % 50, code, 100 + i);
  if (combined)
    g_string_append_printf (out, " \"https://example.org/from\" \"Mozilla/5.0 (X11; \\\"quoted\\\")\"");
  g_string_append_c (out, '\n');
}

static void
test_access (gconstpointer data)
{
  gboolean combined = GPOINTER_TO_INT (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(TeapotLogSummary) summary = NULL;
  Tally tally = { 0 };

  for (guint i = 0; i < 5000; i++)
    access_line (text, i, pick (rand, &tally), combined);
  summary = explain_string (text);

  g_assert_cmpint (teapot_log_summary_get_format (summary), ==, TEAPOT_LOG_FORMAT_ACCESS);
  g_assert_cmpuint (teapot_log_summary_get_lines (summary), ==, 5000);
  g_assert_cmpuint (teapot_log_summary_get_unparsed (summary), ==, 0);
  assert_tally (summary, &tally);
  /* The query string stays in an access log's example: it is what was requested. */
  g_assert_true (g_str_has_prefix (g_ptr_array_index (explain_test_find (summary, "200")->examples, 0), "/item/"));
}

static void
test_ingress (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(TeapotLogSummary) summary = NULL;
  GPtrArray *upstream;
  Tally tally = { 0 }, behind = { 0 };

  for (guint i = 0; i < 2000; i++)
    {
      guint code = pick (rand, &tally);
      /* A client that went away (499) got no upstream status; every tenth was retried. */
      guint up = code == 499 ? 0 : pick (rand, &behind);
      gboolean retried = up != 0 && i % 10 == 0;
      g_autofree char *status = up == 0 ? g_strdup ("-") : g_strdup_printf (retried ? "502, %u" : "%u", up);

      g_string_append_printf (text, "192.168.1.%u - - [01/Mar/2024:10:%02u:00 +0000] \"POST /api HTTP/2.0\" %u 12 \"-\" "
                              "\"curl/8\" 341 0.%03u [default-web-80] [] %s 12 0.005 %s 5f0b37a6b1e3c9c1a1e6f1e3a8d4c2b%u\n",
                              i % 200, i % 60, code, i % 1000,
                              up == 0 ? "-" : retried ? "10.1.0.8:8080, 10.1.0.7:8080" : "10.1.0.7:8080", status, i % 10);
    }
  summary = explain_string (text);

  g_assert_cmpint (teapot_log_summary_get_format (summary), ==, TEAPOT_LOG_FORMAT_INGRESS_NGINX);
  g_assert_cmpuint (teapot_log_summary_get_unparsed (summary), ==, 0);
  assert_tally (summary, &tally);
  upstream = teapot_log_summary_get_upstream (summary);
  for (guint i = 0; i < upstream->len; i++)
    {
      const TeapotLogCount *count = g_ptr_array_index (upstream, i);

      g_assert_cmpuint (count->count, ==, behind.by_code[count->code]);
      behind.by_code[count->code] = 0;
    }
  for (guint code = 0; code < 1000; code++)
    g_assert_cmpuint (behind.by_code[code], ==, 0);
}

static void
test_aws (gconstpointer data)
{
  gboolean alb = GPOINTER_TO_INT (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(TeapotLogSummary) summary = NULL;
  Tally tally = { 0 };
  guint64 none = 0, target_none = 0, target_total = 0;

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *elb = NULL;
      g_autofree char *target = NULL;

      if (i % 97 == 0)
        {
          /* No status at all: "-" (a TCP listener, a client gone early) or "000". */
          elb = g_strdup (i % 2 ? "-" : "000");
          none++;
        }
      else
        elb = g_strdup_printf ("%u", i % 31 == 0 ? (tally.by_code[460]++, tally.total++, 460) : pick (rand, &tally));
      if (i % 5 == 0)
        {
          target = g_strdup (i % 2 ? "-" : "000");
          target_none++;
        }
      else
        {
          target = g_strdup ("200");
          /* A line without a status of its own is not counted, nor its target's. */
          target_total += i % 97 != 0;
        }
      g_string_append_printf (text, "%s2024-03-01T10:%02u:%02u.%06uZ app/lb/50dc6c495c0c9188 203.0.113.%u:2817 10.0.0.1:80 "
                              "0.001 0.002 0.000 %s %s 34 366 \"GET https://shop.example:443/p/%u HTTP/1.1\" \"ua x\" "
                              "ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2%s\n",
                              alb ? (i % 3 ? "https " : "h2 ") : "", i / 60 % 60, i % 60, i, i % 250, elb, target, i % 40,
                              alb ? " arn:aws:elasticloadbalancing:x \"Root=1-58337262\" \"shop.example\" \"-\" 0 "
                                    "2024-03-01T10:00:00.000000Z \"forward\" \"-\" \"-\" \"10.0.0.1:80\" \"200\" \"-\" \"-\""
                                  : "");
    }
  summary = explain_string (text);

  g_assert_cmpint (teapot_log_summary_get_format (summary), ==, alb ? TEAPOT_LOG_FORMAT_AWS_ALB : TEAPOT_LOG_FORMAT_AWS_ELB);
  g_assert_cmpuint (teapot_log_summary_get_unparsed (summary), ==, 0);
  g_assert_cmpuint (teapot_log_summary_get_no_status (summary), ==, none);
  assert_tally (summary, &tally);
  g_assert_cmpuint (explain_test_count_of (summary, "460-aws-elb"), ==, tally.by_code[460]);
  /* Targets: "200" counted, "-" and "000" not. */
  g_assert_cmpuint (teapot_log_summary_get_upstream (summary)->len, ==, 1);
  g_assert_cmpuint (((TeapotLogCount *) g_ptr_array_index (teapot_log_summary_get_upstream (summary), 0))->count, ==,
                    target_total);
  g_assert_cmpuint (target_none, >, 0);
}

static void
test_iis (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autoptr(GString) text = g_string_new ("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n"
                                          "#Date: 2024-03-01 00:00:00\n");
  g_autoptr(TeapotLogSummary) summary = NULL;
  g_autoptr(TeapotEntry) sub_entry = teapot_store_lookup_id (explain_test_store (), "500.19-iis");
  TeapotLogCount *count;
  Tally tally = { 0 };
  guint64 sub19 = 0;

  /* Not IIS's default order: the columns must be found through #Fields. */
  g_string_append (text, "#Fields: sc-status time cs-uri-query date sc-win32-status cs-method cs-uri-stem sc-substatus\n");
  for (guint i = 0; i < 1500; i++)
    {
      guint code = pick (rand, &tally);
      guint sub = code == 500 && i % 2 ? 19 : 0;

      sub19 += sub == 19;
      g_string_append_printf (text, "%u 10:%02u:%02u token=secret%u 2024-03-01 %u GET /app/page%u.aspx %u\n", code,
                              i / 60 % 60, i % 60, i, sub == 19 ? 13 : 0, i % 9, sub);
      if (i == 700)
        g_string_append (text, "#Date: 2024-03-01 10:11:00\n");
    }
  summary = explain_string (text);

  g_assert_cmpint (teapot_log_summary_get_format (summary), ==, TEAPOT_LOG_FORMAT_IIS);
  g_assert_cmpuint (teapot_log_summary_get_unparsed (summary), ==, 0);
  g_assert_cmpuint (teapot_log_summary_get_no_status (summary), ==, 5);
  assert_tally (summary, &tally);
  g_assert_cmpuint (sub19, >, 0);

  /* 500 with substatus 19 is 500.19-iis when the dataset has that entry, else 500. */
  if (sub_entry != NULL)
    {
      count = explain_test_find (summary, "500.19-iis");
      g_assert_nonnull (count);
      g_assert_cmpuint (count->count, ==, sub19);
      g_assert_cmpint (count->subcode, ==, 19);
    }
  else
    {
      g_assert_null (explain_test_find (summary, "500.19-iis"));
      g_assert_cmpuint (explain_test_count_of (summary, "500"), ==, tally.by_code[500]);
    }
  /* Examples leave the query string (and its token) out; win32 status 13 is kept. */
  count = explain_test_find (summary, sub_entry != NULL ? "500.19-iis" : "500");
  g_assert_cmpuint (count->details->len, >=, 1);
  for (guint i = 0; i < count->examples->len; i++)
    g_assert_null (strstr (g_ptr_array_index (count->examples, i), "secret"));
}

static void
test_json_lines (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(TeapotLogSummary) summary = NULL;
  Tally tally = { 0 };
  guint64 cf520 = 0;

  for (guint i = 0; i < 1200; i++)
    {
      guint code = pick (rand, &tally);

      if (i % 3 == 0)
        g_string_append_printf (text, "{\"ClientRequestHost\":\"x\",\"ClientRequestURI\":\"/cf/%u\",\"EdgeResponseStatus\":%u,"
                                "\"OriginResponseStatus\":%u,\"EdgeStartTimestamp\":%" G_GINT64_FORMAT "}\n",
                                i, code, code == 499 ? 0 : code, (gint64) (1709287200 + i) * 1000000000);
      else if (i % 3 == 1)
        g_string_append_printf (text, "{\"time\":\"2024-03-01T10:%02u:%02u+01:00\",\"status\":\"%u\",\"uri\":\"/s/%u\"}\n",
                                i / 60 % 60, i % 60, code, i);
      else
        g_string_append_printf (text, "{\"ts\":%u.25,\"request\":{\"uri\":\"/caddy\"},\"status\":%u}\n", 1709287200 + i, code);
      if (i % 100 == 0)
        {
          /* Cloudflare's own 520: no number of that kind elsewhere in the tally. */
          g_string_append (text, "{\"EdgeResponseStatus\":520,\"OriginResponseStatus\":0}\n");
          tally.by_code[520]++;
          tally.total++;
          cf520++;
        }
    }
  g_string_append (text, "{\"message\":\"a line without a status\"}\n");
  summary = explain_string (text);

  g_assert_cmpint (teapot_log_summary_get_format (summary), ==, TEAPOT_LOG_FORMAT_JSON_LINES);
  g_assert_cmpuint (teapot_log_summary_get_unparsed (summary), ==, 0);
  g_assert_cmpuint (teapot_log_summary_get_no_status (summary), ==, 1);
  assert_tally (summary, &tally);
  g_assert_cmpuint (explain_test_count_of (summary, "520-cloudflare"), ==, cf520);
  g_assert_cmpuint (teapot_log_summary_get_buckets (summary, NULL)->len, >, 0);
}

static void
test_har (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);
  g_autoptr(GString) text = g_string_new ("{\n  \"log\": {\n    \"version\": \"1.2\",\n    \"creator\": {\"name\": \"test\"},\n"
                                          "    \"entries\": [\n");
  g_autoptr(TeapotLogSummary) summary = NULL;
  TeapotLogCount *count;
  Tally tally = { 0 };

  for (guint i = 0; i < 300; i++)
    {
      guint code = i % 50 == 0 ? 0 : pick (rand, &tally);

      g_string_append_printf (text, "%s      {\"startedDateTime\": \"2024-03-01T10:00:%02u.123+01:00\", \"time\": 5,\n"
                              "       \"request\": {\"method\": \"GET\", \"url\": \"https://example.org/r/%u\"},\n"
                              "       \"response\": {\"status\": %u, \"statusText\": \"x\", \"headers\": [%s]}}",
                              i > 0 ? ",\n" : "", i % 60, i % 4, code,
                              code == 429 ? "{\"name\": \"Retry-After\", \"value\": \"120\"}, {\"name\": \"X-Other\", \"value\": \"1\"}" : "");
    }
  g_string_append (text, "\n    ]\n  }\n}\n");
  summary = explain_string (text);

  g_assert_cmpint (teapot_log_summary_get_format (summary), ==, TEAPOT_LOG_FORMAT_HAR);
  g_assert_cmpuint (teapot_log_summary_get_lines (summary), ==, 300);
  g_assert_cmpuint (teapot_log_summary_get_no_status (summary), ==, 6);
  assert_tally (summary, &tally);
  count = explain_test_find (summary, "429");
  g_assert_nonnull (count);
  g_assert_cmpuint (count->headers->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (count->headers, 0), ==, "Retry-After: 120");
}

static void
test_response (void)
{
  const char *curl = "*   Trying 93.184.215.14:443...\n* Connected to example.org\n> GET /old HTTP/1.1\r\n> Host: example.org\r\n"
                     ">\r\n< HTTP/1.1 301 Moved Permanently\r\n< Location: https://example.org/new\r\n< Content-Length: 0\r\n<\r\n"
                     "* Issue another request to this URL: 'https://example.org/new'\n> GET /new HTTP/1.1\r\n>\r\n"
                     "< HTTP/2 503 \r\n< retry-after: 60\r\n< cache-control: no-store\r\n<\r\n{ [5 bytes data]\nbusy\n";
  g_autoptr(GString) text = g_string_new (curl);
  g_autoptr(TeapotLogSummary) summary = explain_string (text);
  TeapotLogCount *moved = explain_test_find (summary, "301"), *busy = explain_test_find (summary, "503");

  g_assert_cmpint (teapot_log_summary_get_format (summary), ==, TEAPOT_LOG_FORMAT_HTTP_RESPONSE);
  g_assert_cmpuint (teapot_log_summary_get_total (summary), ==, 2);
  g_assert_nonnull (moved);
  g_assert_nonnull (busy);
  g_assert_cmpstr (g_ptr_array_index (moved->examples, 0), ==, "/old");
  g_assert_cmpuint (moved->headers->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (moved->headers, 0), ==, "Location: https://example.org/new");
  g_assert_cmpuint (busy->headers->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (busy->examples, 0), ==, "/new");

  /* curl -i: no markers, just the response. */
  g_string_assign (text, "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"api\"\nContent-Type: text/plain\n\nno\n");
  g_clear_object (&summary);
  summary = explain_string (text);
  g_assert_cmpuint (explain_test_count_of (summary, "401"), ==, 1);
  g_assert_cmpuint (explain_test_find (summary, "401")->headers->len, ==, 1);
}

static void
test_nginx_error (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(TeapotLogSummary) summary = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text,
                            "2024/03/01 10:00:%02u [error] 31#31: *%u upstream timed out (110: Connection timed out) while "
                            "reading response header from upstream, client: 10.0.0.9, server: _, request: \"GET /slow/%u "
                            "HTTP/1.1\", upstream: \"http://10.0.0.2:8080/slow\", host: \"x\"\n"
                            "2024/03/01 10:00:%02u [warn] 31#31: *%u client sent too long header line\n"
                            "2024/03/01 10:00:%02u [notice] 1#1: signal process started\n",
                            i, i, i % 2, i, i, i);
  summary = explain_string (text);

  g_assert_cmpint (teapot_log_summary_get_format (summary), ==, TEAPOT_LOG_FORMAT_NGINX_ERROR);
  g_assert_cmpuint (explain_test_count_of (summary, "504"), ==, 40);
  /* nginx's own 494, which its access log writes as 400. */
  g_assert_cmpuint (explain_test_count_of (summary, "494-nginx"), ==, 40);
  g_assert_cmpuint (teapot_log_summary_get_no_status (summary), ==, 40);
}

/* The same number, different meanings: the log's context decides. */
static void
test_context (void)
{
  g_autoptr(GString) nginx = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new ("{\"status\":499,\"uri\":\"/a\"}\n{\"status\":520}\n{\"status\":460}\n");
  g_autoptr(TeapotLogSummary) in_nginx = NULL;
  g_autoptr(TeapotLogSummary) in_json = NULL;
  TeapotLogCount *count;

  access_line (nginx, 1, 499, TRUE);
  access_line (nginx, 2, 404, TRUE);
  in_nginx = explain_string (nginx);
  count = explain_test_find (in_nginx, "499-nginx");
  g_assert_nonnull (count);
  g_assert_cmpstr (teapot_entry_get_vendor (count->entry), ==, "nginx");
  g_assert_null (explain_test_find (in_nginx, "499"));

  in_json = explain_string (json);
  /* No context: the plain number, with every meaning it has. */
  count = explain_test_find (in_json, "499");
  g_assert_nonnull (count);
  g_assert_null (count->entry);
  g_assert_true (g_strv_contains ((const char * const *) count->alternatives, "499-nginx"));
  g_assert_true (g_strv_contains ((const char * const *) count->alternatives, "499-esri"));
  /* One meaning only: that one. */
  g_assert_cmpuint (explain_test_count_of (in_json, "520-cloudflare"), ==, 1);
  g_assert_cmpuint (explain_test_count_of (in_json, "460-aws-elb"), ==, 1);
}

/* Statuses by class over time, for the chart: each line in the bucket of its minute (the
 * time zone taken into account), and a log spanning years in wider buckets. */
static void
test_timeline (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(TeapotLogSummary) summary = NULL;
  guint64 expected[60][6] = { { 0 } };
  guint64 by_class[6] = { 0 }, sum[6] = { 0 };
  GArray *buckets;
  guint width = 0;

  for (guint i = 0; i < 600; i++)
    {
      guint code = statuses[i % G_N_ELEMENTS (statuses)];

      /* 11:00 at +0100 is 10:00 UTC; a line every 6 seconds for an hour. */
      g_string_append_printf (text, "10.0.0.1 - - [01/Mar/2024:11:%02u:%02u +0100] \"GET / HTTP/1.1\" %u 1\n", i * 6 / 60,
                              i * 6 % 60, code);
      expected[i * 6 / 60][code / 100]++;
    }
  summary = explain_string (text);
  buckets = teapot_log_summary_get_buckets (summary, &width);
  g_assert_cmpuint (width, ==, 60);
  g_assert_cmpuint (buckets->len, ==, 60);
  for (guint b = 0; b < buckets->len; b++)
    {
      const TeapotLogBucket *bucket = &g_array_index (buckets, TeapotLogBucket, b);

      g_assert_cmpint (bucket->start, ==, 1709287200 + b * 60);
      for (guint c = 0; c < 6; c++)
        g_assert_cmpuint (bucket->counts[c], ==, expected[b][c]);
    }

  /* Three years, a line a day: at most 512 buckets, nothing lost. */
  g_string_truncate (text, 0);
  for (guint i = 0; i < 3 * 365; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc (1609459200 + (gint64) i * 86400);
      g_autofree char *stamp = g_date_time_format (day, "%d/%b/%Y:%H:%M:%S +0000");
      guint code = statuses[i % G_N_ELEMENTS (statuses)];

      g_string_append_printf (text, "10.0.0.1 - - [%s] \"GET / HTTP/1.1\" %u 1\n", stamp, code);
      by_class[code / 100]++;
    }
  g_clear_object (&summary);
  summary = explain_string (text);
  buckets = teapot_log_summary_get_buckets (summary, &width);
  g_assert_cmpuint (buckets->len, <=, 512);
  /* The narrowest width that fits (a week: 157 buckets), not the widest there is. */
  g_assert_cmpuint (width, ==, 7 * 86400);
  g_assert_cmpuint (buckets->len, >=, 3 * 365 / 7);
  for (guint b = 0; b < buckets->len; b++)
    {
      const TeapotLogBucket *bucket = &g_array_index (buckets, TeapotLogBucket, b);

      if (b > 0)
        g_assert_cmpint (bucket->start, >, g_array_index (buckets, TeapotLogBucket, b - 1).start);
      for (guint c = 0; c < 6; c++)
        sum[c] += bucket->counts[c];
    }
  for (guint c = 0; c < 6; c++)
    g_assert_cmpuint (sum[c], ==, by_class[c]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/explain/access/common", GINT_TO_POINTER (FALSE), test_access);
  g_test_add_data_func ("/explain/access/combined", GINT_TO_POINTER (TRUE), test_access);
  g_test_add_func ("/explain/ingress-nginx", test_ingress);
  g_test_add_data_func ("/explain/aws/alb", GINT_TO_POINTER (TRUE), test_aws);
  g_test_add_data_func ("/explain/aws/classic", GINT_TO_POINTER (FALSE), test_aws);
  g_test_add_func ("/explain/iis", test_iis);
  g_test_add_func ("/explain/json-lines", test_json_lines);
  g_test_add_func ("/explain/har", test_har);
  g_test_add_func ("/explain/response", test_response);
  g_test_add_func ("/explain/nginx-error", test_nginx_error);
  g_test_add_func ("/explain/context", test_context);
  g_test_add_func ("/explain/timeline", test_timeline);

  return g_test_run ();
}
