/* teapot-comparison.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which codes to compare: one parser for the window's search, its comparison view and
 * `teapot --compare`, so that "301 vs 308" means the same everywhere. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "teapot-comparison.h"

G_DEFINE_QUARK (teapot-comparison-error-quark, teapot_comparison_error)

static const char * const redirects[] = { "301", "302", "303", "307", "308", NULL };
static const char * const authentication[] = { "401", "403", "407", NULL };
static const char * const gateways[] = { "502", "503", "504", NULL };
static const char * const rejected[] = { "400", "409", "412", "422", NULL };
static const char * const success[] = { "200", "201", "202", "204", NULL };
static const char * const conditional[] = { "304", "412", NULL };

static const TeapotComparisonSet sets[] = {
  { "redirects", N_("Redirects"), redirects },
  { "auth", N_("Authentication and Access"), authentication },
  { "gateway", N_("Gateway Errors"), gateways },
  { "rejected", N_("Rejected Requests"), rejected },
  { "success", N_("Success"), success },
  { "conditional", N_("Conditional Requests"), conditional },
};

/* Words that join the parts of a comparison; never ids. */
static const char * const joining_words[] = { "vs", "vs.", "versus", "or", "and", "compare", NULL };

const TeapotComparisonSet *
teapot_comparison_get_sets (guint *n_sets)
{
  g_return_val_if_fail (n_sets != NULL, NULL);
  *n_sets = G_N_ELEMENTS (sets);
  return sets;
}

const TeapotComparisonSet *
teapot_comparison_find_set (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (sets); i++)
    if (g_ascii_strcasecmp (sets[i].id, id) == 0)
      return &sets[i];
  return NULL;
}

const char *
teapot_comparison_set_get_name (const TeapotComparisonSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);
  return _(set->name);
}

GPtrArray *
teapot_comparison_sets_with (const char *id)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (sets); i++)
    if (g_strv_contains (sets[i].ids, id))
      g_ptr_array_add (found, (gpointer) &sets[i]);
  return found;
}

/* The words of @text, with "/", ",", ";", "|" and "&" splitting like spaces. */
static GPtrArray *
split_words (const char *text,
             guint      *n_signs)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = g_strsplit_set (text, " \t\n/,;|&", -1);

  *n_signs = 0;
  for (const char *p = text; *p; p++)
    *n_signs += strchr ("/,;|&", *p) != NULL;
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (words, g_ascii_strdown (parts[i], -1));
  return words;
}

gboolean
teapot_comparison_is_query (const char *text)
{
  g_autoptr(GPtrArray) words = NULL;
  guint n_signs, n_parts = 0;
  gboolean joined;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  words = split_words (text, &n_signs);
  joined = n_signs > 0;
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      if (g_strv_contains (joining_words, word))
        joined = TRUE;
      /* Only codes and comparisons: a pasted request line has slashes too. */
      else if (teapot_comparison_find_set (word) != NULL
               || (g_ascii_isdigit (word[0]) && g_ascii_isdigit (word[1]) && g_ascii_isdigit (word[2])))
        n_parts++;
      else
        return FALSE;
    }
  return joined && n_parts >= 2;
}

static gboolean
add_entry (GPtrArray   *entries,
           TeapotEntry *entry)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_ptr_array_index (entries, i) == entry)
      return FALSE;
  g_ptr_array_add (entries, g_object_ref (entry));
  return TRUE;
}

static gboolean
add_word (TeapotStore  *store,
          GPtrArray    *entries,
          const char   *word,
          GError      **error)
{
  const TeapotComparisonSet *set = teapot_comparison_find_set (word);
  g_autoptr(TeapotEntry) entry = NULL;
  guint64 code;

  if (set != NULL)
    {
      for (guint i = 0; set->ids[i] != NULL; i++)
        {
          g_autoptr(TeapotEntry) member = teapot_store_lookup_id (store, set->ids[i]);

          if (member != NULL)
            add_entry (entries, member);
        }
      return TRUE;
    }

  entry = teapot_store_lookup_id (store, word);
  if (entry == NULL && g_ascii_isdigit (word[0]))
    {
      /* A status ("308") or a vendor's sub-code as logs write it ("500.19", "1020"). */
      g_autoptr(GPtrArray) meanings = strlen (word) == 3 && g_ascii_string_to_unsigned (word, 10, 0, 999, &code, NULL)
                                      ? teapot_store_lookup_code (store, code)
                                      : teapot_store_lookup_subcode (store, word);

      if (meanings->len > 1)
        {
          g_autoptr(GString) ids = g_string_new (NULL);

          for (guint i = 0; i < meanings->len; i++)
            g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                                    teapot_entry_get_id (g_ptr_array_index (meanings, i)));
          g_set_error (error, TEAPOT_COMPARISON_ERROR, TEAPOT_COMPARISON_ERROR_AMBIGUOUS,
                       _("%s has several meanings: name one of %s"), word, ids->str);
          return FALSE;
        }
      if (meanings->len == 1)
        entry = g_object_ref (g_ptr_array_index (meanings, 0));
    }
  if (entry == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", sets[i].id);
      g_set_error (error, TEAPOT_COMPARISON_ERROR, TEAPOT_COMPARISON_ERROR_UNKNOWN,
                   _("“%s” is neither a known id nor a comparison (%s)"), word, names->str);
      return FALSE;
    }
  add_entry (entries, entry);
  return TRUE;
}

GPtrArray *
teapot_comparison_parse (TeapotStore  *store,
                         const char   *text,
                         GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) words = NULL;
  guint n_signs;

  g_return_val_if_fail (TEAPOT_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, TEAPOT_COMPARISON_ERROR, TEAPOT_COMPARISON_ERROR_UNKNOWN,
                   _("The codes to compare are not text in UTF-8"));
      return NULL;
    }

  words = split_words (text, &n_signs);
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      if (g_strv_contains (joining_words, word))
        continue;
      if (!add_word (store, entries, word, error))
        return NULL;
    }

  if (entries->len < 2)
    {
      g_set_error (error, TEAPOT_COMPARISON_ERROR, TEAPOT_COMPARISON_ERROR_TOO_FEW,
                   _("Name at least two codes to compare, such as 301,308, or a comparison such as redirects"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

char *
teapot_comparison_format_source (TeapotEntry *entry)
{
  const char *title, *section, *colon;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TEAPOT_IS_ENTRY (entry), NULL);

  title = teapot_entry_get_reference_title (entry);
  section = teapot_entry_get_reference_section (entry);
  /* "RFC 9110: HTTP Semantics" is known by its number. */
  colon = title != NULL ? strchr (title, ':') : NULL;
  name = colon != NULL ? g_strndup (title, colon - title) : g_strdup (title != NULL ? title : "");
  if (section == NULL || *section == '\0')
    return g_steal_pointer (&name);
  return g_strdup_printf ("%s § %s", name, section);
}
