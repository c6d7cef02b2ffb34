/* test-facts-source.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The build step's reading of data/codes/facts.xml: what it accepts, and the mistakes it
 * refuses with "file:line: reason" instead of shipping a comparison that is wrong. */

#include "config.h"

#include <string.h>

#include "teapot-dataset.h"
#include "teapot-facts-source.h"

static const char codes[] =
  "<codes>\n"
  "<entry code=\"301\" status=\"permanent\" cacheable=\"yes\"><phrase>Moved Permanently</phrase>"
  "<summary>s</summary><description>d</description><prevalence level=\"4\">r</prevalence>"
  "<reference title=\"RFC 9110\" section=\"15.4.2\" url=\"https://example.org\"/></entry>\n"
  "<entry code=\"307\" status=\"permanent\"><phrase>Temporary Redirect</phrase>"
  "<summary>s</summary><description>d</description><prevalence level=\"3\">r</prevalence>"
  "<reference title=\"RFC 9110\" section=\"15.4.8\" url=\"https://example.org\"/></entry>\n"
  "</codes>\n";

static GPtrArray *
records_new (void)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_record_free);

  g_assert_true (teapot_dataset_parse ("codes.xml", codes, -1, records, &error));
  g_assert_no_error (error);
  return records;
}

static TeapotRecord *
find (GPtrArray  *records,
      const char *id)
{
  for (guint i = 0; i < records->len; i++)
    if (g_str_equal (((TeapotRecord *) g_ptr_array_index (records, i))->id, id))
      return g_ptr_array_index (records, i);
  return NULL;
}

static void
test_accepts (void)
{
  g_autoptr(GPtrArray) records = records_new ();
  g_autoptr(GError) error = NULL;
  TeapotRecord *moved;
  TeapotFact *fact;

  g_assert_true (teapot_facts_source_parse ("facts.xml",
                                            "<facts>\n"
                                            "  <entry id=\"301\">\n"
                                            "    <permanent section=\"15.4.2\">yes</permanent>\n"
                                            "    <method section=\"15.4.2\">may-change</method>\n"
                                            "    <cacheable section=\"15.4.2\">yes</cacheable>\n"
                                            "    <header section=\"15.4.2\">Location</header>\n"
                                            "    <header section=\"10.2.2\">Retry-After</header>\n"
                                            "    <use section=\"15.4.2\">  Moved\n      for good. </use>\n"
                                            "  </entry>\n"
                                            "</facts>\n", -1, records, &error));
  g_assert_no_error (error);
  moved = find (records, "301");
  g_assert_cmpuint (moved->facts->len, ==, 6);
  fact = g_ptr_array_index (moved->facts, 1);
  g_assert_cmpstr (fact->key, ==, "method");
  g_assert_cmpstr (fact->value, ==, "may-change");
  g_assert_cmpstr (fact->section, ==, "15.4.2");
  fact = g_ptr_array_index (moved->facts, 4);
  g_assert_cmpstr (fact->key, ==, "headers");
  g_assert_cmpstr (fact->value, ==, "Retry-After");
  /* Pretty-printed text is one line. */
  g_assert_cmpstr (((TeapotFact *) g_ptr_array_index (moved->facts, 5))->value, ==, "Moved for good.");
  g_assert_cmpuint (find (records, "307")->facts->len, ==, 0);
}

static void
test_refuses (void)
{
  static const struct
  {
    const char *source, *message;
  } bad[] = {
    { "<facts>\n<entry id=\"999\"/>\n</facts>", "facts.xml:2: no entry has the id “999”" },
    { "<facts>\n<entry id=\"301\">\n<colour section=\"1\">red</colour></entry></facts>", "facts.xml:3: unknown fact <colour>" },
    { "<facts>\n<entry id=\"301\">\n<method section=\"15.4.2\">get</method></entry></facts>",
      "facts.xml:3: “get” is not a value of method" },
    { "<facts>\n<entry id=\"301\">\n<permanent section=\"15.4.2\">true</permanent></entry></facts>",
      "facts.xml:3: “true” is not a value of permanent" },
    { "<facts>\n<entry id=\"301\">\n<body section=\"15.4.2\"></body></entry></facts>",
      "facts.xml:3: “” is not a value of body" },
    { "<facts>\n<entry id=\"301\">\n<permanent>yes</permanent></entry></facts>", "facts.xml:3:" },
    { "<facts>\n<entry id=\"301\">\n<permanent section=\"15..4\">yes</permanent></entry></facts>",
      "facts.xml:3: section “15..4” is not a section number" },
    { "<facts>\n<entry id=\"301\">\n<permanent section=\"15.4.\">yes</permanent></entry></facts>",
      "facts.xml:3: section “15.4.” is not a section number" },
    { "<facts>\n<entry id=\"301\">\n<use section=\"1\">a</use>\n<use section=\"1\">b</use></entry></facts>",
      "facts.xml:4: <use> is given twice for 301" },
    { "<facts>\n<entry id=\"301\"/>\n<entry id=\"301\"/>\n</facts>", "facts.xml:3: the facts of 301 are given twice" },
    /* The entry says 307 is not heuristically cacheable (RFC 9110 15.1). */
    { "<facts>\n<entry id=\"307\">\n<cacheable section=\"15.1\">yes</cacheable></entry></facts>",
      "facts.xml:3: cacheable is yes here but no in the entry of 307" },
    { "<facts>\n<entry id=\"301\">\n<use section=\"1\">a<b/></use></entry></facts>", "facts.xml:3: <b> inside a fact" },
    { "<facts>\nloose text\n</facts>", "facts.xml:2: text outside of a fact" },
    { "<codes/>", "facts.xml:1: the root element is <codes>, not <facts>" },
    { "", "facts.xml:1:" },
    { "<!-- nothing -->", "facts.xml:1: no <facts> element" },
    { "<facts><entry id=\"301\">", "facts.xml:1:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) records = records_new ();
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i].source);
      g_assert_false (teapot_facts_source_parse ("facts.xml", bad[i].source, -1, records, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == TEAPOT_DATASET_ERROR);
      g_test_message ("-> %s", error->message);
      g_assert_true (g_str_has_prefix (error->message, bad[i].message));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/facts-source/accepts", test_accepts);
  g_test_add_func ("/facts-source/refuses", test_refuses);

  return g_test_run ();
}
