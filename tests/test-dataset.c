/* test-dataset.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "teapot-dataset.h"
#include "teapot-store.h"

/* Today's IANA HTTP Status Code Registry: every value with a description. */
static const guint registered_codes[] = {
  100, 101, 102, 103, 104,
  200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
  300, 301, 302, 303, 304, 305, 306, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418,
  421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
  500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
};

/* RFC 9110, section 15.1: heuristically cacheable by default. */
static const guint cacheable_codes[] = { 200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501 };

static const struct
{
  const char *language;
  const char *prefix;
} constant_forms[] = {
  { "python", "HTTPStatus." },
  { "go", "http.Status" },
  { "rust", "StatusCode::" },
  { "dotnet", "HttpStatusCode." },
  { "java", "HttpStatus." },
  { "aspnetcore", "StatusCodes.Status" },
  { "symfony", "Response::HTTP_" },
  { "rack", ":" },
  { "ktor", "HttpStatusCode." },
  { "jaxrs", "Response.Status." },
};

static GPtrArray *
all_entries (TeapotStore **store_out)
{
  g_autoptr(GError) error = NULL;
  TeapotStore *store = teapot_store_new (NULL, &error);

  g_assert_no_error (error);
  *store_out = store;
  return teapot_store_list (store, NULL, 0);
}

static gboolean
contains_code (const guint *codes,
               gsize        n,
               guint        code)
{
  for (gsize i = 0; i < n; i++)
    if (codes[i] == code)
      return TRUE;
  return FALSE;
}

static void
test_registered_codes (void)
{
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(GPtrArray) entries = all_entries (&store);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < entries->len; i++)
    {
      TeapotEntry *entry = g_ptr_array_index (entries, i);
      guint code = teapot_entry_get_code (entry);
      const char *status = teapot_entry_get_status (entry);

      if (!teapot_entry_is_registered (entry))
        continue;

      g_test_message ("entry %s", teapot_entry_get_id (entry));
      g_assert_true (contains_code (registered_codes, G_N_ELEMENTS (registered_codes), code));
      g_assert_false (g_hash_table_contains (seen, GUINT_TO_POINTER (code)));
      g_hash_table_add (seen, GUINT_TO_POINTER (code));
      g_assert_cmpstr (teapot_entry_get_tags (entry)[0], ==, "iana");
      g_assert_true (g_strv_contains ((const char *[]) { "permanent", "temporary", "unused", "obsoleted", NULL },
                                      status));
      g_assert_true (g_str_has_prefix (teapot_entry_get_reference_url (entry), "https://"));
      g_assert_cmpstr (teapot_entry_get_reference_section (entry), !=, "");
      g_assert_cmpint (teapot_entry_get_cacheable (entry), ==,
                       contains_code (cacheable_codes, G_N_ELEMENTS (cacheable_codes), code));
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, G_N_ELEMENTS (registered_codes));

  /* Spot checks of facts the registry states. */
  {
    g_autoptr(TeapotEntry) e306 = teapot_store_lookup_id (store, "306");
    g_autoptr(TeapotEntry) e418 = teapot_store_lookup_id (store, "418");
    g_autoptr(TeapotEntry) e510 = teapot_store_lookup_id (store, "510");
    g_autoptr(TeapotEntry) e413 = teapot_store_lookup_id (store, "413");

    g_assert_cmpstr (teapot_entry_get_status (e306), ==, "unused");
    g_assert_cmpstr (teapot_entry_get_status (e418), ==, "unused");
    g_assert_cmpstr (teapot_entry_get_status (e510), ==, "obsoleted");
    g_assert_cmpstr (teapot_entry_get_phrase (e413), ==, "Content Too Large");
    g_assert_true (g_strv_contains (teapot_entry_get_aliases (e413), "Payload Too Large"));
    g_assert_true (g_strv_contains (teapot_entry_get_aliases (e413), "Request Entity Too Large"));
    g_assert_true (g_strv_contains (teapot_entry_get_aliases (e418), "I'm a teapot"));
  }
}

static void
test_entries_complete (void)
{
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(GPtrArray) entries = all_entries (&store);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint vendors = 0;

  g_assert_cmpuint (entries->len, >=, G_N_ELEMENTS (registered_codes) + 30);

  for (guint i = 0; i < entries->len; i++)
    {
      TeapotEntry *entry = g_ptr_array_index (entries, i);
      const char *id = teapot_entry_get_id (entry);
      g_autofree char *class_name = g_strdup_printf ("%uxx", teapot_entry_get_code (entry) / 100);

      g_assert_true (g_hash_table_add (ids, (gpointer) id));
    }

  for (guint i = 0; i < entries->len; i++)
    {
      TeapotEntry *entry = g_ptr_array_index (entries, i);
      const char * const *related = teapot_entry_get_related (entry);
      const char * const *languages = teapot_entry_get_constant_languages (entry);
      g_autofree char *class_name = g_strdup_printf ("%uxx", teapot_entry_get_code (entry) / 100);
      const char *url = teapot_entry_get_reference_url (entry);

      g_test_message ("entry %s", teapot_entry_get_id (entry));
      g_assert_cmpstr (teapot_entry_get_class_name (entry), ==, class_name);
      g_assert_cmpuint (strlen (teapot_entry_get_phrase (entry)), >, 0);
      g_assert_cmpuint (strlen (teapot_entry_get_summary (entry)), >, 10);
      g_assert_null (strchr (teapot_entry_get_summary (entry), '\n'));
      g_assert_cmpuint (strlen (teapot_entry_get_description (entry)), >, 80);
      g_assert_cmpuint (g_strv_length ((char **) teapot_entry_get_keywords (entry)), >, 0);
      g_assert_true (g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL));
      g_assert_true (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"));
      g_assert_cmpstr (teapot_entry_get_reference_title (entry), !=, "");

      for (guint j = 0; related[j] != NULL; j++)
        {
          g_assert_true (g_hash_table_contains (ids, related[j]));
          g_assert_cmpstr (related[j], !=, teapot_entry_get_id (entry));
        }

      for (guint j = 0; languages[j] != NULL; j++)
        {
          gboolean known = FALSE;

          for (guint k = 0; k < G_N_ELEMENTS (constant_forms); k++)
            if (g_str_equal (constant_forms[k].language, languages[j]))
              {
                known = TRUE;
                g_assert_true (g_str_has_prefix (teapot_entry_get_constant (entry, languages[j]),
                                                 constant_forms[k].prefix));
              }
          g_assert_true (known);
        }

      if (!teapot_entry_is_registered (entry))
        {
          const char *subcode = teapot_entry_get_subcode (entry);
          g_autofree char *id = subcode != NULL
                                  ? g_strdup_printf ("%s-%s", subcode, teapot_entry_get_vendor (entry))
                                  : g_strdup_printf ("%03u-%s", teapot_entry_get_code (entry),
                                                     teapot_entry_get_vendor (entry));
          vendors++;
          g_assert_cmpstr (teapot_entry_get_status (entry), ==, "unofficial");
          g_assert_cmpstr (teapot_entry_get_tags (entry)[0], ==, teapot_entry_get_vendor (entry));
          g_assert_cmpstr (teapot_entry_get_id (entry), ==, id);
          g_assert_false (teapot_entry_get_cacheable (entry));
        }
    }

  g_assert_cmpuint (vendors, >=, 30);
}

static void
test_prevalence (void)
{
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(GPtrArray) entries = all_entries (&store);
  g_autoptr(TeapotEntry) e404 = teapot_store_lookup_id (store, "404");
  g_autoptr(TeapotEntry) e500 = teapot_store_lookup_id (store, "500");
  g_autoptr(TeapotEntry) e200 = teapot_store_lookup_id (store, "200");
  g_autoptr(TeapotEntry) nginx = teapot_store_lookup_id (store, "499-nginx");
  g_autoptr(TeapotEntry) esri = teapot_store_lookup_id (store, "499-esri");

  for (guint i = 0; i < entries->len; i++)
    {
      TeapotEntry *entry = g_ptr_array_index (entries, i);

      g_test_message ("entry %s", teapot_entry_get_id (entry));
      g_assert_cmpuint (teapot_entry_get_prevalence (entry), >=, 1);
      g_assert_cmpuint (teapot_entry_get_prevalence (entry), <=, 5);
      g_assert_cmpuint (strlen (teapot_entry_get_prevalence_reason (entry)), >, 10);
    }

  /* The scale's anchors: what every developer meets, and which of two meanings is common. */
  g_assert_cmpuint (teapot_entry_get_prevalence (e404), ==, 5);
  g_assert_cmpuint (teapot_entry_get_prevalence (e500), ==, 5);
  g_assert_cmpuint (teapot_entry_get_prevalence (e200), ==, 5);
  g_assert_cmpuint (teapot_entry_get_prevalence (nginx), >, teapot_entry_get_prevalence (esri));
}

/* Every sub-code is well formed, hangs off a status that has an entry, is found by its
 * sub-code and listed with its status; and no sub-code is more common than its status. */
static void
test_subcodes (void)
{
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(GPtrArray) entries = all_entries (&store);

  for (guint i = 0; i < entries->len; i++)
    {
      TeapotEntry *entry = g_ptr_array_index (entries, i);
      const char *subcode = teapot_entry_get_subcode (entry);
      g_autoptr(GPtrArray) statuses = NULL;
      g_autoptr(GPtrArray) by_subcode = NULL;
      g_autoptr(GPtrArray) listed = NULL;
      g_autofree char *prefix = NULL;
      guint most_common = 0;

      if (subcode == NULL)
        continue;

      g_test_message ("entry %s", teapot_entry_get_id (entry));
      g_assert_false (teapot_entry_is_registered (entry));
      prefix = g_strdup_printf ("%03u.", teapot_entry_get_code (entry));
      if (strchr (subcode, '.') != NULL)
        {
          g_assert_true (g_str_has_prefix (subcode, prefix));
          g_assert_cmpuint (strlen (subcode), >=, 5);
          g_assert_cmpuint (strlen (subcode), <=, 7);
        }
      else
        g_assert_cmpuint (strlen (subcode), ==, 4);

      statuses = teapot_store_lookup_code (store, teapot_entry_get_code (entry));
      g_assert_cmpuint (statuses->len, >, 0);
      for (guint j = 0; j < statuses->len; j++)
        {
          g_assert_null (teapot_entry_get_subcode (g_ptr_array_index (statuses, j)));
          most_common = MAX (most_common, teapot_entry_get_prevalence (g_ptr_array_index (statuses, j)));
        }
      g_assert_cmpuint (teapot_entry_get_prevalence (entry), <=, most_common);

      by_subcode = teapot_store_lookup_subcode (store, subcode);
      g_assert_true (g_ptr_array_find (by_subcode, entry, NULL));
      listed = teapot_store_list_subcodes (store, teapot_entry_get_code (entry));
      g_assert_true (g_ptr_array_find (listed, entry, NULL));
    }
}

static gboolean
is_version (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ".", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        return FALSE;
      for (const char *p = parts[i]; *p; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
    }
  return TRUE;
}

/* Each library has at most one current name per entry, and it is what get_constant() returns;
 * a former name says when it stopped being current and what became of it. */
static void
test_constant_history (void)
{
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(GPtrArray) entries = all_entries (&store);
  guint former = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      TeapotEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GHashTable) current = g_hash_table_new (g_str_hash, g_str_equal);

      g_test_message ("entry %s", teapot_entry_get_id (entry));
      for (guint j = 0; j < teapot_entry_get_n_constant_names (entry); j++)
        {
          const char *language, *name, *since, *until, *then;

          teapot_entry_get_constant_name (entry, j, &language, &name, &since, &until, &then);
          g_assert_cmpuint (strlen (name), >, 0);
          g_assert_true (since == NULL || is_version (since));
          g_assert_true (until == NULL || is_version (until));
          g_assert_true ((until == NULL) == (then == NULL));
          if (until == NULL)
            {
              g_assert_true (g_hash_table_insert (current, (gpointer) language, (gpointer) name));
              g_assert_cmpstr (teapot_entry_get_constant (entry, language), ==, name);
            }
          else
            {
              former++;
              g_assert_true (g_str_equal (then, "alias") || g_str_equal (then, "removed"));
            }
        }
      g_assert_cmpuint (g_hash_table_size (current), ==,
                        g_strv_length ((char **) teapot_entry_get_constant_languages (entry)));
    }
  g_assert_cmpuint (former, >=, 10);

  /* Spellings checked against each library's source, odd ones included. */
  {
    g_autoptr(TeapotEntry) e404 = teapot_store_lookup_id (store, "404");
    g_autoptr(TeapotEntry) e505 = teapot_store_lookup_id (store, "505");
    g_autoptr(TeapotEntry) e305 = teapot_store_lookup_id (store, "305");

    g_assert_cmpstr (teapot_entry_get_constant (e404, "aspnetcore"), ==, "StatusCodes.Status404NotFound");
    g_assert_cmpstr (teapot_entry_get_constant (e404, "symfony"), ==, "Response::HTTP_NOT_FOUND");
    g_assert_cmpstr (teapot_entry_get_constant (e404, "rack"), ==, ":not_found");
    g_assert_cmpstr (teapot_entry_get_constant (e404, "ktor"), ==, "HttpStatusCode.NotFound");
    g_assert_cmpstr (teapot_entry_get_constant (e404, "jaxrs"), ==, "Response.Status.NOT_FOUND");
    g_assert_cmpstr (teapot_entry_get_constant (e505, "aspnetcore"), ==, "StatusCodes.Status505HttpVersionNotsupported");
    g_assert_cmpstr (teapot_entry_get_constant (e505, "ktor"), ==, "HttpStatusCode.VersionNotSupported");
    /* Spring 7.0 removed USE_PROXY: no current Java name. */
    g_assert_null (teapot_entry_get_constant (e305, "java"));
  }
}

/* 000 is no status: class 0xx, no --class filter selects it; phrases that are ours say so;
 * the disputed informal codes are tagged as such. */
static void
test_informal (void)
{
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(GPtrArray) entries = all_entries (&store);
  g_autoptr(TeapotEntry) none = teapot_store_lookup_id (store, "000-informal");
  g_autoptr(TeapotEntry) alb = teapot_store_lookup_id (store, "460-aws-elb");
  g_autoptr(TeapotEntry) nginx = teapot_store_lookup_id (store, "499-nginx");
  g_autoptr(TeapotEntry) fine = teapot_store_lookup_id (store, "218-informal");
  guint in_classes = 0;

  g_assert_nonnull (none);
  g_assert_cmpuint (teapot_entry_get_code (none), ==, 0);
  g_assert_cmpstr (teapot_entry_get_class_name (none), ==, "0xx");
  g_assert_true (teapot_entry_get_phrase_is_ours (none));
  g_assert_true (teapot_entry_get_phrase_is_ours (alb));
  g_assert_false (teapot_entry_get_phrase_is_ours (nginx));
  g_assert_true (g_strv_contains (teapot_entry_get_tags (fine), "disputed"));

  for (guint digit = 1; digit <= 9; digit++)
    {
      TeapotFilter filter = { .class_digit = digit };
      in_classes += teapot_store_count (store, &filter);
    }
  g_assert_cmpuint (in_classes, ==, entries->len - 1);
}

static void
test_vendors_present (void)
{
  const char *vendors[] = { "nginx", "cloudflare", "iis", "aws-elb", "laravel", "twitter", "spring",
                            "shopify", "esri" };
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new (NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (vendors); i++)
    {
      TeapotFilter filter = { .tag = vendors[i] };

      g_test_message ("vendor %s", vendors[i]);
      g_assert_cmpuint (teapot_store_count (store, &filter), >, 0);
    }
}

static void
test_code_order (void)
{
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(GPtrArray) entries = all_entries (&store);

  for (guint i = 1; i < entries->len; i++)
    {
      TeapotEntry *a = g_ptr_array_index (entries, i - 1);
      TeapotEntry *b = g_ptr_array_index (entries, i);

      g_assert_cmpuint (teapot_entry_get_code (a), <=, teapot_entry_get_code (b));
      if (teapot_entry_get_code (a) == teapot_entry_get_code (b))
        g_assert_false (teapot_entry_is_registered (b));
    }
}

static const struct
{
  const char *source;
  const char *message;
} malformed[] = {
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<phrase>Not Found</phrase>\n</entry>\n</codes>",
    "t.xml:2: entry 404 has no <summary>" },
  { "<codes>\n<entry code=\"4040\" status=\"permanent\"/>\n</codes>", "t.xml:2: code \"4040\" is not a three-digit" },
  { "<codes>\n\n<entry code=\"404\" status=\"gone\"/>\n</codes>", "t.xml:3: status \"gone\"" },
  { "<codes>\n<entry code=\"499\" status=\"unofficial\"/>\n</codes>", "t.xml:2: an unofficial code needs vendor" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\" vendor=\"x\"/>\n</codes>", "t.xml:2: vendor=\"x\" on a registered" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<bogus/>", "t.xml:3: unknown element <bogus>" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<phrase>a</phrase>\n<phrase>b</phrase>",
    "t.xml:4: entry 404 has a second <phrase>" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<phrase>  </phrase>", "t.xml:3: <phrase> is empty" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<constant lang=\"cobol\">X</constant>",
    "t.xml:3: constant language \"cobol\"" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<reference title=\"t\" url=\"ftp://x\"/>",
    "t.xml:3: reference url \"ftp://x\"" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<phrase>a<b/></phrase>", "t.xml:3: <phrase> cannot contain <b>" },
  { "<codes>\n<entry code=\"404\"", "t.xml:2:" },
  { "<nope/>", "t.xml:1: the root element must be <codes>" },
  { "", "t.xml:1:" },
  { "<codes>\nstray\n</codes>", "t.xml:2: text outside of a field element" },
  { "<codes>\n<entry code=\"012\" status=\"unofficial\" vendor=\"x\"/>\n</codes>", "t.xml:2: code \"012\" is not" },
  { "<codes>\n<entry code=\"500\" status=\"permanent\" subcode=\"500.19\"/>", "t.xml:2: subcode=\"500.19\" on a registered" },
  { "<codes>\n<entry code=\"500\" status=\"unofficial\" vendor=\"iis\" subcode=\"502.3\"/>",
    "t.xml:2: subcode \"502.3\" is neither 500.N" },
  { "<codes>\n<entry code=\"500\" status=\"unofficial\" vendor=\"iis\" subcode=\"500.1234\"/>",
    "t.xml:2: subcode \"500.1234\"" },
  { "<codes>\n<entry code=\"403\" status=\"unofficial\" vendor=\"cloudflare\" subcode=\"102\"/>",
    "t.xml:2: subcode \"102\"" },
  { "<codes>\n<entry code=\"403\" status=\"unofficial\" vendor=\"cloudflare\" subcode=\"10x0\"/>",
    "t.xml:2: subcode \"10x0\"" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<prevalence level=\"7\">x</prevalence>",
    "t.xml:3: prevalence level \"7\"" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<prevalence level=\"3\">x</prevalence>\n"
    "<prevalence level=\"3\">y</prevalence>", "t.xml:4: entry 404 has a second <prevalence>" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<prevalence level=\"3\"> </prevalence>",
    "t.xml:3: <prevalence> is empty" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<constant lang=\"python\" since=\"3.x\">A</constant>",
    "t.xml:3: since=\"3.x\" is not a version" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<constant lang=\"python\" until=\"\" then=\"alias\">A</constant>",
    "t.xml:3: until=\"\" is not a version" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<constant lang=\"java\" since=\"7.0\" until=\"6.2\" then=\"alias\">A</constant>",
    "t.xml:3: since=\"7.0\" is not before until=\"6.2\"" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<constant lang=\"java\" until=\"7.0\">A</constant>",
    "t.xml:3: until= and then= go together" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<constant lang=\"java\" until=\"7.0\" then=\"gone\">A</constant>",
    "t.xml:3: then=\"gone\" is not alias or removed" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<constant lang=\"go\">A</constant>\n"
    "<constant lang=\"go\">B</constant>", "t.xml:4: entry 404 has two current go constants" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<constant lang=\"go\" until=\"1.2\" then=\"alias\">A</constant>\n"
    "<constant lang=\"go\">A</constant>", "t.xml:4: entry 404 names the go constant A twice" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<message>Cannot GET</message>",
    "t.xml:3: element 'message' requires attribute 'source'" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<message source=\"finalhandler\">Cannot GET</message>",
    "t.xml:3: message source \"finalhandler\" is not a well-formed http(s) URL" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<message source=\"https://example.org/\"> </message>",
    "t.xml:3: <message> is empty" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<phrase ours=\"no\">x</phrase>",
    "t.xml:3: <phrase ours=\"...\"> takes only \"yes\"" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<keyword translate=\"no\">x</keyword>",
    "t.xml:3: <keyword translate=\"...\"> takes only \"yes\"" },
  { "<codes>\n<entry code=\"404\" status=\"permanent\">\n<phrase>P</phrase><summary>S</summary>"
    "<description>D</description><reference title=\"T\" url=\"https://example.org/\"/>\n</entry>",
    "t.xml:2: entry 404 has no <prevalence" },
};

static void
test_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_record_free);
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_false (teapot_dataset_parse ("t.xml", malformed[i].source, -1, records, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, malformed[i].message));
    }
}

static const char valid_entry[] =
  "<codes>\n<entry code=\"%s\" status=\"%s\"%s>\n<phrase>P</phrase><summary>S</summary>"
  "<description>D</description>%s<prevalence level=\"3\">R</prevalence>"
  "<reference title=\"T\" url=\"https://example.org/\"/></entry>\n</codes>";

static void
test_validate (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_record_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = g_strdup_printf (valid_entry, "404", "permanent", "", "<related>410</related>");
  g_autofree char *b = g_strdup_printf (valid_entry, "404", "permanent", "", "");
  g_autofree char *c = g_strdup_printf (valid_entry, "499", "unofficial", " vendor=\"nginx\"", "");

  g_assert_true (teapot_dataset_parse ("a.xml", a, -1, records, &error));
  g_assert_true (teapot_dataset_parse ("c.xml", c, -1, records, &error));
  g_assert_no_error (error);
  g_assert_false (teapot_dataset_validate (records, &error));
  g_assert_true (g_str_has_prefix (error->message, "a.xml:2: entry 404: related id 410 does not exist"));
  g_clear_error (&error);

  g_assert_true (teapot_dataset_parse ("b.xml", b, -1, records, &error));
  g_assert_false (teapot_dataset_validate (records, &error));
  g_assert_true (strstr (error->message, "id 404 is already defined") != NULL);
}

/* A sub-code hangs off its status: the status must have an entry. Sub-codes sort after the
 * status's own meanings, in numeric order (403.2 before 403.14). */
static void
test_validate_subcodes (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_record_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *orphan = g_strdup_printf (valid_entry, "502", "unofficial", " vendor=\"iis\" subcode=\"502.5\"", "");
  g_autofree char *status = g_strdup_printf (valid_entry, "403", "permanent", "", "");
  g_autofree char *a = g_strdup_printf (valid_entry, "403", "unofficial", " vendor=\"iis\" subcode=\"403.14\"", "");
  g_autofree char *b = g_strdup_printf (valid_entry, "403", "unofficial", " vendor=\"iis\" subcode=\"403.2\"", "");
  g_autofree char *c = g_strdup_printf (valid_entry, "403", "unofficial", " vendor=\"cloudflare\" subcode=\"1020\"", "");
  const char *order[] = { "403", "403.2-iis", "403.14-iis", "1020-cloudflare" };

  g_assert_true (teapot_dataset_parse ("o.xml", orphan, -1, records, &error));
  g_assert_false (teapot_dataset_validate (records, &error));
  g_assert_cmpstr (error->message, ==, "o.xml:2: sub-code 502.5-iis is served with 502, which has no entry");
  g_clear_error (&error);
  g_ptr_array_set_size (records, 0);

  g_assert_true (teapot_dataset_parse ("c.xml", c, -1, records, &error));
  g_assert_true (teapot_dataset_parse ("a.xml", a, -1, records, &error));
  g_assert_true (teapot_dataset_parse ("b.xml", b, -1, records, &error));
  g_assert_true (teapot_dataset_parse ("s.xml", status, -1, records, &error));
  g_assert_true (teapot_dataset_validate (records, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (((TeapotRecord *) g_ptr_array_index (records, i))->id, ==, order[i]);
}

/* The build fails on a malformed source, naming the file and line. */
static void
test_compiler_fails (void)
{
  g_autofree char *dir = g_dir_make_tmp ("teapot-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (dir, "bad.xml", NULL);
  g_autofree char *output = g_build_filename (dir, "out.sqlite", NULL);
  g_autofree char *err = NULL;
  const char *argv[] = { g_getenv ("TEAPOT_COMPILER"), output, source, NULL };
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_file_set_contents (source, "<codes>\n<entry code=\"404\" status=\"permanent\">\n</entry>\n</codes>", -1, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "bad.xml:2: entry 404 has no <phrase>"));

  /* A bad sub-code fails the build too, at its line. */
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_set_contents (source, "<codes>\n\n<entry code=\"500\" status=\"unofficial\" vendor=\"iis\""
                                      " subcode=\"50.19\">\n</entry>\n</codes>", -1, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "bad.xml:3: subcode \"50.19\" is neither 500.N"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/dataset/registered-codes", test_registered_codes);
  g_test_add_func ("/dataset/entries-complete", test_entries_complete);
  g_test_add_func ("/dataset/vendors-present", test_vendors_present);
  g_test_add_func ("/dataset/code-order", test_code_order);
  g_test_add_func ("/dataset/malformed", test_malformed);
  g_test_add_func ("/dataset/validate", test_validate);
  g_test_add_func ("/dataset/validate-subcodes", test_validate_subcodes);
  g_test_add_func ("/dataset/prevalence", test_prevalence);
  g_test_add_func ("/dataset/informal", test_informal);
  g_test_add_func ("/dataset/subcodes", test_subcodes);
  g_test_add_func ("/dataset/constant-history", test_constant_history);
  g_test_add_func ("/dataset/compiler-fails", test_compiler_fails);

  return g_test_run ();
}
