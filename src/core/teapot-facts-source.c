/* teapot-facts-source.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Build step: the facts compared side by side (data/codes/facts.xml). Kept apart from the
 * entries' files so that the comparison's facts are one small file, checked against the
 * entries they describe. */

#include "config.h"

#include <string.h>

#include "teapot-dataset.h"
#include "teapot-markup.h"
#include "teapot-fact-keys.h"
#include "teapot-facts-source.h"

typedef struct
{
  const char *filename;
  GHashTable *by_id;          /* id -> TeapotRecord, borrowed */
  GHashTable *seen_ids;       /* ids that had an <entry> in this file */
  TeapotRecord *current;
  gboolean in_root;
  gboolean in_fact;
  TeapotFactKey key;
  char *section;
  int fact_line;
  GString *text;
} ParseState;

/* "15.4.2": a section number, digits separated by single dots. */
static gboolean
is_section (const char *value)
{
  gboolean digit = FALSE;

  if (value == NULL || *value == '\0')
    return FALSE;
  for (const char *p = value; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (*p == '.' && digit && p[1] != '\0')
        digit = FALSE;
      else
        return FALSE;
    }
  return digit;
}

static gboolean
has_fact (TeapotRecord *record,
          const char   *name)
{
  for (guint i = 0; i < record->facts->len; i++)
    if (g_str_equal (((TeapotFact *) g_ptr_array_index (record->facts, i))->key, name))
      return TRUE;
  return FALSE;
}

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  ParseState *state = user_data;
  int line = _teapot_markup_line (context);
  const char *id = NULL, *section = NULL;

  if (!state->in_root)
    {
      if (!g_str_equal (element, "facts"))
        _teapot_markup_fail (error, state->filename, line, "the root element is <%s>, not <facts>", element);
      state->in_root = TRUE;
      return;
    }
  if (state->in_fact)
    {
      _teapot_markup_fail (error, state->filename, line, "<%s> inside a fact", element);
      return;
    }

  if (state->current == NULL)
    {
      if (!g_str_equal (element, "entry"))
        {
          _teapot_markup_fail (error, state->filename, line, "<%s> outside of an <entry>", element);
          return;
        }
      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "id", &id,
                                        G_MARKUP_COLLECT_INVALID))
        return;
      state->current = g_hash_table_lookup (state->by_id, id);
      if (state->current == NULL)
        _teapot_markup_fail (error, state->filename, line, "no entry has the id “%s”", id);
      else if (!g_hash_table_add (state->seen_ids, g_strdup (id)))
        _teapot_markup_fail (error, state->filename, line, "the facts of %s are given twice", id);
      return;
    }

  if (!teapot_fact_key_from_element (element, &state->key))
    {
      _teapot_markup_fail (error, state->filename, line, "unknown fact <%s>", element);
      return;
    }
  if (!g_markup_collect_attributes (element, names, values, error,
                                    G_MARKUP_COLLECT_STRING, "section", &section,
                                    G_MARKUP_COLLECT_INVALID))
    return;
  if (!is_section (section))
    {
      _teapot_markup_fail (error, state->filename, line, "section “%s” is not a section number such as 15.4.2", section);
      return;
    }
  if (teapot_fact_key_get_kind (state->key) != TEAPOT_FACT_KIND_LIST
      && has_fact (state->current, teapot_fact_key_get_name (state->key)))
    {
      _teapot_markup_fail (error, state->filename, line, "<%s> is given twice for %s", element, state->current->id);
      return;
    }

  state->in_fact = TRUE;
  state->fact_line = line;
  g_free (state->section);
  state->section = g_strdup (section);
  g_string_truncate (state->text, 0);
}

/* Pretty-printed source: runs of white space are one space, none at the ends. */
static char *
collapse_space (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
  return g_string_free (out, FALSE);
}

static void
finish_fact (ParseState  *state,
             GError     **error)
{
  TeapotRecord *record = state->current;
  g_autofree char *value = collapse_space (state->text->str);
  const char *name = teapot_fact_key_get_name (state->key);
  TeapotFact *fact;

  if (!teapot_fact_value_is_valid (state->key, value))
    {
      _teapot_markup_fail (error, state->filename, state->fact_line, "“%s” is not a value of %s", value, name);
      return;
    }
  /* One place for every fact: facts.xml may repeat the entry's cacheable attribute with its
   * source, never contradict it. */
  if (state->key == TEAPOT_FACT_CACHEABLE && g_str_equal (value, "yes") != record->cacheable)
    {
      _teapot_markup_fail (error, state->filename, state->fact_line, "cacheable is %s here but %s in the entry of %s", value,
            record->cacheable ? "yes" : "no", record->id);
      return;
    }

  fact = g_new0 (TeapotFact, 1);
  fact->key = g_strdup (name);
  fact->value = g_steal_pointer (&value);
  fact->section = g_strdup (state->section);
  g_ptr_array_add (record->facts, fact);
}

static void
on_end_element (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  ParseState *state = user_data;

  if (state->in_fact)
    {
      state->in_fact = FALSE;
      finish_fact (state, error);
    }
  else if (g_str_equal (element, "entry"))
    state->current = NULL;
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  ParseState *state = user_data;

  if (state->in_fact)
    {
      g_string_append_len (state->text, text, length);
      return;
    }
  _teapot_markup_only_space (context, state->filename, text, length, "text outside of a fact", error);
}

static const GMarkupParser parser = {
  on_start_element,
  on_end_element,
  on_text,
  NULL,
  NULL,
};

gboolean
teapot_facts_source_parse (const char  *filename,
                           const char  *text,
                           gssize       length,
                           GPtrArray   *records,
                           GError     **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ParseState state = { 0 };
  gboolean ok;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  for (guint i = 0; i < records->len; i++)
    {
      TeapotRecord *record = g_ptr_array_index (records, i);

      g_hash_table_insert (by_id, record->id, record);
    }

  state.filename = filename;
  state.by_id = by_id;
  state.seen_ids = seen_ids;
  state.text = g_string_new (NULL);

  ok = _teapot_markup_parse (&parser, &state, filename, text, length, error);
  if (ok && !state.in_root)
    ok = _teapot_markup_fail (error, filename, 1, "no <facts> element");

  g_string_free (state.text, TRUE);
  g_free (state.section);
  return ok;
}
