/* teapot-compare-command.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include "teapot-cli.h"
#include "teapot-compare-command.h"
#include "teapot-comparison.h"
#include "teapot-facts.h"
#include "teapot-json.h"

/* Options that choose another command, which --compare does not combine with. */
static const char * const other_modes[] = {
  "open", "search", "class", "tag", "favourites", "favorites", "list", "limit", "star", "unstar", G_OPTION_REMAINING,
};

#define GAP 2
#define MIN_COLUMN 24
#define PIPE_WIDTH 100

/* One row of the table: a label and, per entry, its text (NULL: not stated). */
typedef struct
{
  const char *label;
  GPtrArray *cells;   /* char * */
} Row;

static void
row_clear (gpointer data)
{
  g_ptr_array_unref (((Row *) data)->cells);
}

/* Columns of the output: the terminal's, else $COLUMNS (so that tests and scripts can choose),
 * else a width that fits a wide table. */
static guint
output_width (void)
{
  struct winsize size;
  const char *columns = g_getenv ("COLUMNS");
  guint64 width;

  if (isatty (STDOUT_FILENO) && ioctl (STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  if (columns != NULL && g_ascii_string_to_unsigned (columns, 10, 20, 1000, &width, NULL))
    return width;
  return PIPE_WIDTH;
}

static GArray *
build_rows (GPtrArray *entries,
            GPtrArray *facts)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));
  Row row;

  g_array_set_clear_func (rows, row_clear);

  row.label = _("Phrase");
  row.cells = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (row.cells, g_strdup (teapot_entry_get_phrase (g_ptr_array_index (entries, i))));
  g_array_append_val (rows, row);

  for (guint k = 0; k < TEAPOT_N_FACTS; k++)
    {
      gboolean stated = FALSE;

      for (guint i = 0; i < facts->len; i++)
        stated |= teapot_facts_has (g_ptr_array_index (facts, i), k);
      if (!stated)
        continue;
      row.label = teapot_fact_key_get_label (k);
      row.cells = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < facts->len; i++)
        g_ptr_array_add (row.cells, teapot_facts_format_value (g_ptr_array_index (facts, i), k));
      g_array_append_val (rows, row);
    }

  row.label = _("Source");
  row.cells = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (row.cells, teapot_comparison_format_source (g_ptr_array_index (entries, i)));
  g_array_append_val (rows, row);
  return rows;
}

/* @text in lines of at most @width characters, broken at spaces where it can be. */
static GPtrArray *
wrap_lines (const char *text,
            guint       width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) words = g_strsplit (text != NULL ? text : "—", " ", -1);
  GString *line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong length = g_utf8_strlen (words[i], -1);

      if (line->len > 0 && (guint) (g_utf8_strlen (line->str, -1) + 1 + length) > width)
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
        }
      g_string_append_printf (line, "%s%s", line->len > 0 ? " " : "", words[i]);
    }
  g_ptr_array_add (lines, g_string_free (line, FALSE));
  return lines;
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (out, ' ');
}

static guint
label_width (GArray *rows)
{
  guint width = 0;

  for (guint r = 0; r < rows->len; r++)
    width = MAX (width, (guint) g_utf8_strlen (g_array_index (rows, Row, r).label, -1));
  return width + GAP;
}

/* Rows are facts, columns are codes; each cell wraps inside its column. */
static void
print_table (GString   *out,
             GPtrArray *entries,
             GArray    *rows,
             guint      labels,
             guint      column)
{
  append_padded (out, "", labels);
  for (guint i = 0; i < entries->len; i++)
    append_padded (out, teapot_entry_get_id (g_ptr_array_index (entries, i)), i + 1 < entries->len ? column + GAP : 0);
  g_string_append_c (out, '\n');

  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      guint height = 1;

      for (guint i = 0; i < row->cells->len; i++)
        {
          GPtrArray *lines = wrap_lines (g_ptr_array_index (row->cells, i), column);

          height = MAX (height, lines->len);
          g_ptr_array_add (cells, lines);
        }
      for (guint l = 0; l < height; l++)
        {
          g_autoptr(GString) line = g_string_new (NULL);

          append_padded (line, l == 0 ? row->label : "", labels);
          for (guint i = 0; i < cells->len; i++)
            {
              GPtrArray *lines = g_ptr_array_index (cells, i);

              append_padded (line, l < lines->len ? (char *) g_ptr_array_index (lines, l) : "",
                             i + 1 < cells->len ? column + GAP : 0);
            }
          while (line->len > 0 && line->str[line->len - 1] == ' ')
            g_string_truncate (line, line->len - 1);
          g_string_append_printf (out, "%s\n", line->str);
        }
    }
}

/* Narrow terminals: one block per code, facts one under another. */
static void
print_blocks (GString   *out,
              GPtrArray *entries,
              GArray    *rows,
              guint      labels,
              guint      width)
{
  guint text_width = width > labels + 2 + 10 ? width - labels - 2 : 10;

  for (guint i = 0; i < entries->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s\n", teapot_entry_get_id (g_ptr_array_index (entries, i)));
      for (guint r = 0; r < rows->len; r++)
        {
          Row *row = &g_array_index (rows, Row, r);
          g_autoptr(GPtrArray) lines = wrap_lines (g_ptr_array_index (row->cells, i), text_width);

          for (guint l = 0; l < lines->len; l++)
            {
              g_string_append (out, "  ");
              append_padded (out, l == 0 ? row->label : "", labels);
              g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, l));
            }
        }
    }
}

static void
print_text (GPtrArray *entries,
            GPtrArray *facts)
{
  g_autoptr(GArray) rows = build_rows (entries, facts);
  g_autoptr(GString) out = g_string_new (NULL);
  guint width = output_width ();
  guint labels = label_width (rows);
  guint column = width > labels ? (width - labels) / entries->len : 0;

  if (column >= MIN_COLUMN + GAP)
    print_table (out, entries, rows, labels, column - GAP);
  else
    print_blocks (out, entries, rows, labels, width);
  fwrite (out->str, 1, out->len, stdout);
}

static void
add_facts (JsonBuilder *builder,
           TeapotFacts *facts)
{
  json_builder_set_member_name (builder, "facts");
  json_builder_begin_object (builder);
  for (guint k = 0; k < TEAPOT_N_FACTS; k++)
    {
      if (!teapot_facts_has (facts, k))
        continue;
      json_builder_set_member_name (builder, teapot_fact_key_get_name (k));
      switch (teapot_fact_key_get_kind (k))
        {
        case TEAPOT_FACT_KIND_BOOL:
          json_builder_add_boolean_value (builder, teapot_facts_get_boolean (facts, k));
          break;
        case TEAPOT_FACT_KIND_LIST:
          {
            const char * const *values = teapot_facts_get_values (facts, k);

            json_builder_begin_array (builder);
            for (guint i = 0; values[i] != NULL; i++)
              json_builder_add_string_value (builder, values[i]);
            json_builder_end_array (builder);
          }
          break;
        case TEAPOT_FACT_KIND_CHOICE:
        case TEAPOT_FACT_KIND_TEXT:
        default:
          json_builder_add_string_value (builder, teapot_facts_get_value (facts, k));
          break;
        }
    }
  /* Where each fact is stated: RFC 9110 sections. */
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_object (builder);
  for (guint k = 0; k < TEAPOT_N_FACTS; k++)
    if (teapot_facts_has (facts, k))
      {
        json_builder_set_member_name (builder, teapot_fact_key_get_name (k));
        json_builder_add_string_value (builder, teapot_facts_get_section (facts, k));
      }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
print_json (GPtrArray *entries,
            GPtrArray *facts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      json_builder_begin_object (builder);
      teapot_json_add_entry_members (builder, g_ptr_array_index (entries, i));
      add_facts (builder, g_ptr_array_index (facts, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  teapot_json_write (out, root);
  fwrite (out->str, 1, out->len, stdout);
}

int
teapot_compare_command_run (GVariantDict *options)
{
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_facts_unref);
  g_autoptr(GError) error = NULL;
  const char *text = NULL;

  g_variant_dict_lookup (options, "compare", "&s", &text);
  for (gsize i = 0; i < G_N_ELEMENTS (other_modes); i++)
    if (g_variant_dict_contains (options, other_modes[i]))
      return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("--compare goes alone (or with --json)"));
  if (text == NULL || *text == '\0')
    return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("--compare needs ids, such as --compare=301,308, or a comparison "
                                                     "such as --compare=redirects"));

  store = teapot_store_new (NULL, &error);
  if (store == NULL)
    return teapot_cli_complain (TEAPOT_EXIT_NOT_FOUND, "%s", error->message);
  if (teapot_store_get_notice (store) != NULL)
    teapot_cli_complain (0, "%s", teapot_store_get_notice (store));

  entries = teapot_comparison_parse (store, text, &error);
  if (entries == NULL)
    return teapot_cli_complain (TEAPOT_EXIT_USAGE, "%s", error->message);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (facts, teapot_store_get_facts (store, teapot_entry_get_id (g_ptr_array_index (entries, i))));

  if (g_variant_dict_contains (options, "json"))
    print_json (entries, facts);
  else
    print_text (entries, facts);
  fflush (stdout);
  return TEAPOT_EXIT_OK;
}
