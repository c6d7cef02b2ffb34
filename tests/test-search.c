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

#include "teapot-store.h"
#include "teapot-text.h"

/* What a person types, and the entry they mean: it must come first (or within @within). */
static const struct
{
  const char *kind;
  const char *query;
  const char *expected;
  guint within;
} table[] = {
  /* exact codes */
  { "code", "404", "404", 1 },
  { "code", "429", "429", 1 },
  { "code", " 500 ", "500", 1 },
  { "code", "418", "418", 1 },
  { "code", "499", "499-nginx", 1 },
  { "code", "420", "420-spring", 2 },
  { "code", "451", "451", 1 },
  { "code", "999", "999-linkedin", 1 },
  /* prefixes and classes */
  { "prefix", "52", "520-cloudflare", 1 },
  { "prefix", "4", "400", 1 },
  { "prefix", "30", "300", 1 },
  { "class", "5xx", "500", 1 },
  { "class", "2XX", "200", 1 },
  /* phrases, any order */
  { "phrase", "not found", "404", 1 },
  { "phrase", "Too Many Requests", "429", 1 },
  { "phrase", "internal server error", "500", 1 },
  { "phrase", "service unavailable", "503", 1 },
  { "phrase", "gateway timeout", "504", 1 },
  { "phrase", "timeout gateway", "504", 1 },
  { "phrase", "bad gateway", "502", 1 },
  { "phrase", "method not allowed", "405", 1 },
  { "phrase", "unprocessable content", "422", 1 },
  { "phrase", "no content", "204", 1 },
  { "phrase", "permanent redirect", "308", 1 },
  { "phrase", "client closed request", "499-nginx", 1 },
  { "phrase", "enhance your calm", "420-twitter", 1 },
  { "phrase", "page expired", "419-laravel", 1 },
  /* former names */
  { "alias", "payload too large", "413", 1 },
  { "alias", "request entity too large", "413", 1 },
  { "alias", "request-uri too long", "414", 1 },
  { "alias", "requested range not satisfiable", "416", 1 },
  { "alias", "unprocessable entity", "422", 1 },
  { "alias", "moved temporarily", "302", 1 },
  { "alias", "I'm a teapot", "418", 1 },
  { "alias", "switch proxy", "306", 1 },
  { "alias", "request timeout", "408", 1 },
  /* typos */
  { "typo", "too many requets", "429", 1 },
  { "typo", "forbiden", "403", 1 },
  { "typo", "not fuond", "404", 1 },
  { "typo", "bad gatway", "502", 1 },
  { "typo", "unauthorised", "401", 1 },
  { "typo", "internal sever error", "500", 1 },
  { "typo", "servce unavailable", "503", 1 },
  { "typo", "gateway timout", "504", 1 },
  { "typo", "conflcit", "409", 1 },
  /* still typing */
  { "prefix-word", "too many req", "429", 1 },
  { "prefix-word", "forbid", "403", 1 },
  { "prefix-word", "unavail", "503", 2 },
  /* concepts */
  { "concept", "rate limit", "429", 1 },
  { "concept", "throttled", "429", 1 },
  { "concept", "captive portal", "511", 1 },
  { "concept", "censorship", "451", 1 },
  { "concept", "csrf token", "419-laravel", 2 },
  { "paste", "CSRF token mismatch.", "419-laravel", 1 },
  { "concept", "upload too big", "413", 1 },
  { "concept", "cache revalidation", "304", 1 },
  { "concept", "login required", "401", 2 },
  { "concept", "maintenance", "503", 1 },
  { "concept", "resource deleted permanently", "410", 1 },
  { "concept", "etag mismatch if-match", "412", 1 },
  { "concept", "optimistic locking", "409", 3 },
  { "concept", "websocket upgrade", "101", 2 },
  { "concept", "switching to websocket", "101", 1 },
  /* pasted lines */
  { "paste", "HTTP/1.1 503 Service Unavailable", "503", 1 },
  { "paste", "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /a.gif HTTP/1.0\" 404 2326", "404", 1 },
  { "paste", "2024/05/01 10:00:00 [error] 1234#1234: *5 upstream timed out (110: Connection timed out) "
             "while reading response header from upstream, client: 10.0.0.1, server: example.com", "504", 1 },
  { "paste", "2024/05/01 10:00:00 [error] 77#77: *9 connect() failed (111: Connection refused) while "
             "connecting to upstream, client: 10.0.0.2", "502", 1 },
  { "paste", "[error] 31#31: *1 client intended to send too large body: 1048577 bytes", "413", 1 },
  { "paste", "no live upstreams while connecting to upstream", "502", 1 },
  { "paste", "requests.exceptions.HTTPError: 404 Client Error: Not Found for url: https://api.example.com/v1/x",
    "404", 1 },
  { "paste", "urllib.error.HTTPError: HTTP Error 429: Too Many Requests", "429", 1 },
  { "paste", "requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://x.org/",
    "503", 1 },
  { "paste", "nginx 499", "499-nginx", 1 },
  { "paste", "Error 522 connection timed out cloudflare", "522-cloudflare", 1 },
  /* vendors */
  { "vendor", "cloudflare origin unreachable", "523-cloudflare", 1 },
  { "vendor", "aws alb 460", "460-aws-elb", 1 },
  { "vendor", "esri invalid token", "498-esri", 1 },
  { "vendor", "shopify", "430-shopify", 2 },
  { "vendor", "laravel", "419-laravel", 1 },
  { "vendor", "nginx", "499-nginx", 1 },
  { "vendor", "nginx", "444-nginx", 3 },
  { "vendor", "cloudflare", "520-cloudflare", 3 },
  { "vendor", "iis", "440-iis", 3 },
  { "vendor", "esri", "498-esri", 2 },
  { "vendor", "aws elb", "460-aws-elb", 3 },
  { "vendor", "twitter", "420-twitter", 1 },
  /* header names */
  { "header", "retry-after", "429", 2 },
  { "header", "retry-after", "503", 2 },
  { "header", "Retry-After header", "429", 2 },
  { "header", "www-authenticate", "401", 1 },
  { "header", "allow header", "405", 1 },
  { "header", "location header", "301", 3 },
  { "header", "if-none-match", "304", 2 },
  { "header", "content-range", "206", 3 },
  { "header", "sec-websocket-key", "101", 1 },
  { "header", "etag", "304", 2 },
  /* the more common meaning of one number first */
  { "prevalence", "499", "499-nginx", 1 },
  { "prevalence", "403 forbidden", "403", 1 },
  { "prevalence", "451", "451", 1 },
  { "prevalence", "nginx 499", "499-nginx", 1 },
  { "prevalence", "esri 499", "499-esri", 1 },
  /* vendor sub-codes and codes inside text */
  { "number", "500.19", "500.19-iis", 1 },
  { "number", "403.14", "403.14-iis", 1 },
  { "number", "HTTP Error 502.5", "502.5-iis", 1 },
  { "number", "HTTP Error 500.30 - ASP.NET Core app failed to start", "500.30-iis", 1 },
  { "number", "status=404", "404", 1 },
  { "number", "HTTP Error 404.3", "404.3-iis", 1 },
  { "number", "error 1006 access denied", "1006-cloudflare", 1 },
  { "number", "HTTP/2 500", "500", 1 },
  { "number", "error 1020", "1020-cloudflare", 1 },
  { "number", "Error 1015 You are being rate limited", "1015-cloudflare", 1 },
  { "number", "statusCode: 429", "429", 1 },
  { "number", "GET /index.html HTTP/1.1 -> 301", "301", 1 },
  { "number", "upstream 10.200.100.3:8080 version 2.0.3 returned 502", "502", 1 },
  /* messages that proxies, servers, frameworks and clients print (data/codes: <message>) */
  { "message", "no healthy upstream", "503", 1 },
  { "message", "2024/05/01 10:00:00 [error] 9#9: *7 recv() failed (104: Connection reset by peer) while reading "
               "response header from upstream", "502", 1 },
  { "message", "FastCGI sent in stderr: \"Primary script unknown\" while reading response header from upstream",
    "404", 1 },
  { "message", "Error establishing a database connection", "500", 1 },
  { "message", "upstream sent too big header while reading response header from upstream", "502", 1 },
  { "message", "Uncaught (in promise) AxiosError: Request failed with status code 500", "500", 1 },
  { "message", "upstream connect error or disconnect/reset before headers. reset reason: connection failure", "503", 1 },
  { "message", "Error 503 Backend fetch failed", "503", 1 },
  { "message", "Backend fetch failed", "503", 1 },
  { "message", "Cannot GET /api/users", "404", 1 },
  { "message", "Cannot POST /login", "404", 1 },
  { "message", "Whitelabel Error Page", "404", 1 },
  { "message", "This application has no explicit mapping for /error, so you are seeing this as a fallback.", "404", 1 },
  { "message", "PayloadTooLargeError: request entity too large", "413", 1 },
  { "message", "419 | Page Expired", "419-laravel", 1 },
  { "message", "Page Expired", "419-laravel", 1 },
  { "message", "Forbidden (403) CSRF verification failed. Request aborted.", "403", 1 },
  { "message", "CSRF verification failed. Request aborted.", "403", 1 },
  { "message", "Forbidden (CSRF cookie not set.): /accounts/login/", "403", 1 },
  { "message", "ActionController::InvalidAuthenticityToken", "422", 1 },
  { "message", "Can't verify CSRF token authenticity.", "422", 1 },
  { "message", "AxiosError: Request failed with status code 429", "429", 1 },
  { "message", "curl: (22) The requested URL returned error: 404", "404", 1 },
  { "message", "System.Net.Http.HttpRequestException: Response status code does not indicate success: 404 (Not Found).",
    "404", 1 },
  { "message", "Failed to load resource: the server responded with a status of 404 (Not Found)", "404", 1 },
  { "message", "java.io.IOException: Server returned HTTP response code: 403 for URL: https://example.com/x", "403", 1 },
  { "message", "org.springframework.web.client.HttpClientErrorException$NotFound: 404 Not Found: [no body]", "404", 1 },
  { "message", "retrofit2.HttpException: HTTP 429 Too Many Requests", "429", 1 },
  { "message", "2024/05/01 10:00:00 [error] 12#12: *3 upstream prematurely closed connection while reading response "
               "header from upstream, client: 10.0.0.3", "502", 1 },
  /* gRPC status names, per the HTTP mapping in google/rpc/code.proto */
  { "grpc", "UNAVAILABLE", "503", 1 },
  { "grpc", "DEADLINE_EXCEEDED", "504", 1 },
  { "grpc", "RESOURCE_EXHAUSTED", "429", 1 },
  { "grpc", "UNAUTHENTICATED", "401", 1 },
  { "grpc", "PERMISSION_DENIED", "403", 1 },
  { "grpc", "NOT_FOUND", "404", 1 },
  { "grpc", "UNIMPLEMENTED", "501", 1 },
  { "grpc", "ALREADY_EXISTS", "409", 1 },
  { "grpc", "INVALID_ARGUMENT", "400", 1 },
  { "grpc", "rpc error: code = DeadlineExceeded desc = context deadline exceeded", "504", 1 },
  { "grpc", "rpc error: code = Unavailable desc = connection error", "503", 1 },
  { "grpc", "io.grpc.StatusRuntimeException: UNAVAILABLE: io exception", "503", 1 },
  { "grpc", "CANCELLED", "499-nginx", 1 },
  /* questions in plain words: what a careful API designer would answer */
  { "question", "which code for validation errors", "422", 1 },
  { "question", "what status code for validation failure", "422", 1 },
  { "question", "resource created", "201", 1 },
  { "question", "what to return after creating a resource", "201", 1 },
  { "question", "redirect but keep the POST", "307", 2 },
  { "question", "redirect but keep the POST", "308", 2 },
  { "question", "permanent redirect that keeps the method", "308", 1 },
  { "question", "logged in but not allowed", "403", 1 },
  { "question", "user is authenticated but lacks permission", "403", 1 },
  { "question", "post redirect get", "303", 1 },
  { "question", "redirect after form submit", "303", 1 },
  { "question", "wrong http verb", "405", 1 },
  { "question", "which status when the request method is not supported", "405", 1 },
  { "question", "success with no body", "204", 1 },
  { "question", "which code when the user is not logged in", "401", 1 },
  { "question", "what code for rate limiting", "429", 1 },
  { "question", "accepted for async processing", "202", 1 },
  { "question", "duplicate resource already exists", "409", 1 },
  { "question", "resource gone forever", "410", 1 },
  { "question", "server down for maintenance", "503", 1 },
  { "question", "token expired", "401", 2 },
  { "question", "not authenticated", "401", 1 },
  { "question", "bad credentials", "401", 1 },
  { "question", "endpoint does not exist", "404", 1 },
  { "question", "missing required field", "422", 1 },
  { "question", "what to return when the email is already taken", "409", 1 },
  { "question", "which code for a successful DELETE", "204", 1 },
  { "question", "request accepted but processed later", "202", 1 },
  { "question", "file upload too large", "413", 1 },
  { "question", "what to return when the payload is too big", "413", 1 },
  { "question", "how to tell the client to retry later", "503", 2 },
};

/* Queries in the other shipped languages: each row runs in every session language (C and
 * de, fr, es), since a German query must find its code in a French session too. Typos and
 * missing accents included. */
static const struct
{
  const char *lang;
  const char *query;
  const char *expected;
  guint within;
} translated[] = {
  { "de", "zu viele Anfragen", "429", 1 },
  { "de", "nicht gefunden", "404", 1 },
  { "de", "Seite nicht gefunden", "404", 1 },
  { "de", "Zugriff verweigert", "403", 1 },
  { "de", "interner Serverfehler", "500", 1 },
  { "de", "Dienst nicht verfügbar", "503", 1 },
  { "de", "Dienst nicht verfugbar", "503", 1 },
  { "de", "Ratenbegrenzung", "429", 1 },
  { "de", "nicht autorisiert", "401", 1 },
  { "de", "Methode nicht erlaubt", "405", 1 },
  { "de", "Gateway Zeitüberschreitung", "504", 1 },
  { "de", "Weiterleitungsschleife", "301", 1 },
  { "de", "Datei zu groß", "413", 1 },
  { "de", "dauerhaft verschoben", "301", 1 },
  { "de", "Wartungsmodus", "503", 1 },
  { "de", "fehlerhafte Anfrage", "400", 1 },
  { "de", "Konflikt", "409", 1 },
  { "de", "Teekanne", "418", 1 },
  { "de", "Validierungsfehler", "422", 1 },
  { "de", "zu viele Anfargen", "429", 1 },
  { "de", "Zugrif verweigert", "403", 1 },
  { "de", "Sitzung abgelaufen", "419-laravel", 1 },
  { "fr", "trop de requêtes", "429", 1 },
  { "fr", "trop de requetes", "429", 1 },
  { "fr", "introuvable", "404", 1 },
  { "fr", "page introuvable", "404", 1 },
  { "fr", "non autorisé", "401", 1 },
  { "fr", "accès refusé", "403", 1 },
  { "fr", "acces refuse", "403", 1 },
  { "fr", "erreur interne du serveur", "500", 1 },
  { "fr", "service indisponible", "503", 1 },
  { "fr", "limite de débit", "429", 1 },
  { "fr", "méthode non autorisée", "405", 1 },
  { "fr", "délai d'attente de la passerelle dépassé", "504", 1 },
  { "fr", "fichier trop volumineux", "413", 1 },
  { "fr", "redirection permanente", "301", 2 },
  { "fr", "mauvaise passerelle", "502", 1 },
  { "fr", "conflit", "409", 1 },
  { "fr", "théière", "418", 1 },
  { "fr", "erreur de validation", "422", 1 },
  { "fr", "introuvabel", "404", 1 },
  { "fr", "trop de requettes", "429", 3 },
  { "es", "no encontrado", "404", 1 },
  { "es", "página no encontrada", "404", 1 },
  { "es", "demasiadas solicitudes", "429", 1 },
  { "es", "límite de peticiones", "429", 1 },
  { "es", "limite de peticiones", "429", 1 },
  { "es", "acceso denegado", "403", 1 },
  { "es", "no autorizado", "401", 1 },
  { "es", "error interno del servidor", "500", 1 },
  { "es", "servicio no disponible", "503", 1 },
  { "es", "método no permitido", "405", 1 },
  { "es", "tiempo de espera de la puerta de enlace agotado", "504", 1 },
  { "es", "archivo demasiado grande", "413", 1 },
  { "es", "solicitud incorrecta", "400", 1 },
  { "es", "conflicto", "409", 1 },
  { "es", "tetera", "418", 1 },
  { "es", "error de validación", "422", 1 },
  { "es", "no encontardo", "404", 1 },
  { "es", "demasiadas solicitudez", "429", 3 },
};

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
  return rank_in (shared_store, table[i].query, table[i].expected, results_out);
}

/* `test-search --report`: how often the meant entry comes first, and in the first three, by
 * kind of query (the figures BENCHMARKS.md gives). */
static int
report_hit_rates (void)
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  guint all = 0, all_top1 = 0, all_top3 = 0;

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (!g_ptr_array_find_with_equal_func (kinds, table[i].kind, g_str_equal, NULL))
      g_ptr_array_add (kinds, (gpointer) table[i].kind);

  printf ("%-12s %5s %7s %7s\n", "kind", "rows", "top-1", "top-3");
  for (guint k = 0; k < kinds->len; k++)
    {
      guint rows = 0, top1 = 0, top3 = 0;

      for (guint i = 0; i < G_N_ELEMENTS (table); i++)
        {
          int rank;

          if (!g_str_equal (table[i].kind, g_ptr_array_index (kinds, k)))
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
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr(GPtrArray) results = NULL;
      int rank = rank_of_row (i, &results);

      if (rank != 0)
        printf ("  %-10s %-40.40s %s at %d, after %s\n", table[i].kind, table[i].query, table[i].expected, rank + 1,
                results->len > 0 ? teapot_entry_get_id (g_ptr_array_index (results, 0)) : "nothing");
    }
  return 0;
}

static void
test_table_row (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);

  expect_rank (shared_store, table[i].kind, table[i].query, table[i].expected, table[i].within);
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
  expect_rank (store, translated[i].lang, translated[i].query, translated[i].expected, translated[i].within);
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
  g_assert_cmpuint (G_N_ELEMENTS (table), >=, 60);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *path = g_strdup_printf ("/search/table/%s/%02u", table[i].kind, i);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_table_row);
    }
  open_session_stores ();
  for (guint l = 0; l < G_N_ELEMENTS (sessions); l++)
    for (guint i = 0; i < G_N_ELEMENTS (translated); i++)
      {
        g_autofree char *path = g_strdup_printf ("/search/translated/%s/%s/%02u", sessions[l].locale,
                                                 translated[i].lang, i);

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
