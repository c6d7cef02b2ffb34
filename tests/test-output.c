/* test-output.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The command line's table and JSON, on a dataset made to stretch them: a phrase and a vendor
 * id longer than any column, and a summary with characters JSON must escape. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "teapot-json.h"
#include "teapot-output.h"
#include "teapot-store.h"

#define LONG_PHRASE "A Phrase Much Longer Than Any Column On A Terminal Would Hold"
#define LONG_VENDOR "averyveryverylongvendorname"
#define ODD_SUMMARY "Quoted \"words\", a back\\slash, “curly quotes” and </tags>."

static const char dataset[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<codes>\n"
  "  <entry code=\"418\" status=\"unofficial\" vendor=\"" LONG_VENDOR "\">\n"
  "    <phrase>" LONG_PHRASE "</phrase>\n"
  "    <summary>Quoted \"words\", a back\\slash, “curly quotes” and &lt;/tags&gt;.</summary>\n"
  "    <description>Description.</description>\n"
  "    <prevalence level=\"1\">Made up for this test</prevalence>\n"
  "    <reference title=\"Somewhere\" url=\"https://example.org/a\"/>\n"
  "  </entry>\n"
  "  <entry code=\"299\" status=\"unofficial\" vendor=\"x\">\n"
  "    <phrase>Short</phrase>\n"
  "    <summary>Another summary.</summary>\n"
  "    <description>Description.</description>\n"
  "    <prevalence level=\"1\">Made up for this test</prevalence>\n"
  "    <reference title=\"Somewhere\" url=\"https://example.org/b\"/>\n"
  "  </entry>\n"
  "</codes>\n";

static GPtrArray *
list_entries (void)
{
  g_autofree char *dir = g_dir_make_tmp ("teapot-output-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (dir, "codes.xml", NULL);
  g_autofree char *reference = g_build_filename (dir, "reference.sqlite", NULL);
  const char *argv[] = { g_getenv ("TEAPOT_COMPILER"), reference, source, NULL };
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(GError) error = NULL;
  TeapotFilter all = { 0 };
  GPtrArray *entries;
  int status;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_file_set_contents (source, dataset, -1, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, &error));

  store = teapot_store_new_for_reference (reference, ":memory:", &error);
  g_assert_no_error (error);
  entries = teapot_store_list (store, &all, 0);
  g_assert_cmpuint (entries->len, ==, 2);

  g_unlink (source);
  g_unlink (reference);
  g_rmdir (dir);
  return entries;
}

/* Where @text first starts on @line, in characters. */
static glong
column_start (const char *line,
              const char *text)
{
  const char *found = strstr (line, text);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (line, found);
}

static void
test_table_in_a_pipe (void)
{
  g_autoptr(GPtrArray) entries = list_entries ();
  g_autoptr(GString) out = g_string_new (NULL);
  TeapotOutputStyle pipe = { FALSE, 0 };
  g_auto(GStrv) lines = NULL;

  teapot_output_table (out, entries, &pipe);
  lines = g_strsplit (out->str, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  /* Nothing is cut, and each column starts at one place. */
  g_assert_nonnull (strstr (lines[1], LONG_PHRASE));
  g_assert_cmpint (column_start (lines[0], "x "), ==, column_start (lines[1], LONG_VENDOR));
  g_assert_cmpint (column_start (lines[0], "Another summary."), ==, column_start (lines[1], "Quoted"));
  g_assert_cmpint (column_start (lines[0], "Short"), ==, column_start (lines[1], LONG_PHRASE));
}

static void
test_table_on_a_terminal (void)
{
  g_autoptr(GPtrArray) entries = list_entries ();
  g_autoptr(GString) out = g_string_new (NULL);
  TeapotOutputStyle terminal = { FALSE, 70 };
  g_auto(GStrv) lines = NULL;

  teapot_output_table (out, entries, &terminal);
  lines = g_strsplit (out->str, "\n", -1);

  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), <, 70);
  /* The long phrase and the long vendor are cut to their columns, and the columns hold. */
  g_assert_null (strstr (lines[1], LONG_PHRASE));
  g_assert_null (strstr (lines[1], LONG_VENDOR));
  g_assert_cmpint (column_start (lines[0], "x "), ==, column_start (lines[1], "averyvery"));
  g_assert_cmpint (column_start (lines[0], "Another"), ==, column_start (lines[1], "Quoted"));
  g_assert_cmpint (column_start (lines[1], "averyvery"), ==, column_start (lines[1], "…  ") + 3);
}

static void
test_json_members (void)
{
  const char *keys[] = { "id", "code", "phrase", "class", "status", "tags", "summary", "description",
                         "aliases", "keywords", "headers", "related", "cacheable", "reference", "constants",
                         "favourite", "subcode", "phrase_is_ours", "prevalence", "prevalence_reason",
                         "constant_history", NULL };
  g_autoptr(GPtrArray) entries = list_entries ();
  g_autoptr(JsonNode) root = teapot_json_entries (entries);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *entry;
  guint i = 0;

  /* Written and read back: the text survives its escaping. */
  teapot_json_write (out, root);
  g_assert_true (g_str_has_suffix (out->str, "]\n"));
  g_assert_true (json_parser_load_from_data (parser, out->str, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 2);
  entry = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 1);

  members = json_object_get_members (entry);
  for (GList *l = members; l != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, keys[i]);
  g_assert_cmpuint (i, ==, g_strv_length ((char **) keys));

  g_assert_cmpstr (json_object_get_string_member (entry, "id"), ==, "418-" LONG_VENDOR);
  g_assert_cmpint (json_object_get_int_member (entry, "code"), ==, 418);
  g_assert_cmpstr (json_object_get_string_member (entry, "summary"), ==, ODD_SUMMARY);
  g_assert_true (json_object_get_null_member (entry, "subcode"));
  g_assert_false (json_object_get_boolean_member (entry, "favourite"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "reference"), "url"), ==,
                   "https://example.org/a");
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (entry, "constants")), ==, 0);
  g_assert_cmpint (json_object_get_int_member (entry, "prevalence"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (entry, "prevalence_reason"), ==, "Made up for this test");
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (entry, "constant_history")), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/output/table-in-a-pipe", test_table_in_a_pipe);
  g_test_add_func ("/output/table-on-a-terminal", test_table_on_a_terminal);
  g_test_add_func ("/output/json-members", test_json_members);

  return g_test_run ();
}
