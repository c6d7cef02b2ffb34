/* teapot-output.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "teapot-output.h"
#include "teapot-json.h"
#include "teapot-names.h"

#define DEFAULT_WIDTH 80
#define INDENT 4
#define MAX_PHRASE_COLUMN 34
#define MAX_TAG_COLUMN 10

const char *
teapot_output_language_name (const char *language)
{
  return teapot_names_language (language);
}

void
teapot_output_json (GString   *out,
                    GPtrArray *entries)
{
  g_autoptr(JsonNode) root = teapot_json_entries (entries);

  teapot_json_write (out, root);
}

/* Human output */

/* What a row or a title names the entry by: the status, or the vendor's sub-code. */
static char *
entry_code (TeapotEntry *entry)
{
  const char *subcode = teapot_entry_get_subcode (entry);

  if (subcode != NULL)
    return g_strdup (subcode);
  return g_strdup_printf ("%03u", teapot_entry_get_code (entry));
}

static const char *
class_color (TeapotEntry *entry)
{
  switch (teapot_entry_get_code (entry) / 100)
    {
    case 1:
      return "\033[1;34m";
    case 2:
      return "\033[1;32m";
    case 3:
      return "\033[1;36m";
    case 4:
      return "\033[1;33m";
    case 5:
      return "\033[1;31m";
    default:
      return "\033[1;35m";
    }
}

static void
styled (GString                 *out,
        const TeapotOutputStyle *style,
        const char              *sgr,
        const char              *text)
{
  if (style->color)
    g_string_append_printf (out, "%s%s\033[0m", sgr, text);
  else
    g_string_append (out, text);
}

static void
pad (GString    *out,
     const char *text,
     guint       width)
{
  glong len = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (glong i = len; i < (glong) width; i++)
    g_string_append_c (out, ' ');
}

/* @text in a column of @width characters: padded, or cut with an ellipsis when longer, so
 * that the next column starts at the same place on every row. */
static void
column (GString    *out,
        const char *text,
        guint       width)
{
  if ((guint) g_utf8_strlen (text, -1) > width)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, width - 1);

      g_string_append_printf (out, "%s…", cut);
    }
  else
    pad (out, text, width);
}

/* Wraps @text at word boundaries into lines of at most @width characters, each prefixed
 * by @indent spaces. */
static void
wrap (GString    *out,
      const char *text,
      guint       indent,
      guint       width)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  glong column = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong len = g_utf8_strlen (words[i], -1);

      if (*words[i] == '\0')
        continue;
      if (column > 0 && column + 1 + len > (glong) width)
        {
          g_string_append_c (out, '\n');
          column = 0;
        }
      if (column == 0)
        g_string_append_printf (out, "%*s", indent, "");
      else
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, words[i]);
      column += len;
    }
  g_string_append_c (out, '\n');
}

static void
field (GString                 *out,
       const TeapotOutputStyle *style,
       const char              *label,
       const char              *value)
{
  g_string_append_printf (out, "%*s", INDENT, "");
  if (style->color)
    g_string_append (out, "\033[2m");
  pad (out, label, 15);
  if (style->color)
    g_string_append (out, "\033[0m");
  g_string_append (out, value);
  g_string_append_c (out, '\n');
}

static const char *
class_label (guint code)
{
  switch (code / 100)
    {
    case 1:
      return _("informational");
    case 2:
      return _("success");
    case 3:
      return _("redirection");
    case 4:
      return _("client error");
    case 5:
      return _("server error");
    case 0:
      return _("no response");
    default:
      return _("non-standard");
    }
}

/* Former names, so that a reader of old code finds what it meant. */
static void
detail_former_constants (GString                 *out,
                         TeapotEntry             *entry,
                         const TeapotOutputStyle *style)
{
  guint n = teapot_entry_get_n_constant_names (entry);

  for (guint i = 0; i < n; i++)
    {
      const char *language, *name, *since, *until, *then;
      g_autofree char *value = NULL;

      teapot_entry_get_constant_name (entry, i, &language, &name, &since, &until, &then);
      if (until == NULL)
        continue;
      if (g_str_equal (then, "removed"))
        /* TRANSLATORS: a library constant and the version that removed it */
        value = g_strdup_printf (_("%s (removed in %s)"), name, until);
      else
        /* TRANSLATORS: a library constant and the version that renamed it; the old name still works */
        value = g_strdup_printf (_("%s (renamed in %s, still an alias)"), name, until);
      field (out, style, teapot_output_language_name (language), value);
    }
}

void
teapot_output_detail (GString                 *out,
                      TeapotEntry             *entry,
                      const TeapotOutputStyle *style)
{
  guint width = MIN (style->width > 0 ? style->width : DEFAULT_WIDTH, 100);
  const char * const *aliases = teapot_entry_get_aliases (entry);
  const char * const *headers = teapot_entry_get_headers (entry);
  const char * const *related = teapot_entry_get_related (entry);
  const char * const *constants = teapot_entry_get_constant_languages (entry);
  g_autofree char *code = entry_code (entry);
  g_autofree char *tags = g_strjoinv (", ", (char **) teapot_entry_get_tags (entry));
  g_autofree char *served = NULL;
  g_autofree char *prevalence = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *reference = NULL;
  const char *section = teapot_entry_get_reference_section (entry);

  styled (out, style, class_color (entry), code);
  g_string_append_c (out, ' ');
  styled (out, style, "\033[1m", teapot_entry_get_phrase (entry));
  if (teapot_entry_get_favourite (entry))
    g_string_append (out, "  ★");
  g_string_append_c (out, '\n');

  if (teapot_entry_get_subcode (entry) != NULL)
    served = g_strdup_printf (_("served with HTTP %03u · "), teapot_entry_get_code (entry));
  facts = g_strdup_printf ("%s%s %s · %s · %s", served != NULL ? served : "", teapot_entry_get_class_name (entry),
                           class_label (teapot_entry_get_code (entry)), teapot_entry_get_status (entry), tags);
  g_string_append_printf (out, "%*s", INDENT, "");
  styled (out, style, "\033[2m", facts);
  g_string_append (out, "\n\n");

  wrap (out, teapot_entry_get_summary (entry), INDENT, width - INDENT);
  g_string_append_c (out, '\n');
  wrap (out, teapot_entry_get_description (entry), INDENT, width - INDENT);
  g_string_append_c (out, '\n');

  if (aliases[0] != NULL)
    {
      g_autofree char *value = g_strjoinv (", ", (char **) aliases);
      field (out, style, _("Former names"), value);
    }
  if (headers[0] != NULL)
    {
      g_autofree char *value = g_strjoinv (", ", (char **) headers);
      field (out, style, _("Headers"), value);
    }
  if (related[0] != NULL)
    {
      g_autofree char *value = g_strjoinv (", ", (char **) related);
      field (out, style, _("Related"), value);
    }
  field (out, style, _("Cacheable"), teapot_entry_get_cacheable (entry) ? _("yes, by default") : _("no"));
  /* TRANSLATORS: how often developers meet the code: "4/5: every API client meets it" */
  prevalence = g_strdup_printf (_("%u/5: %s"), teapot_entry_get_prevalence (entry),
                                teapot_entry_get_prevalence_reason (entry));
  field (out, style, _("Prevalence"), prevalence);
  if (teapot_entry_get_phrase_is_ours (entry))
    field (out, style, _("Phrase"), _("ours: the vendor gives this code no phrase"));

  if (section != NULL && *section != '\0')
    reference = g_strdup_printf (_("%s, section %s"), teapot_entry_get_reference_title (entry), section);
  else
    reference = g_strdup (teapot_entry_get_reference_title (entry));
  field (out, style, teapot_entry_is_registered (entry) ? _("Reference") : _("Source"), reference);
  field (out, style, "", teapot_entry_get_reference_url (entry));

  for (guint i = 0; constants[i] != NULL; i++)
    field (out, style, teapot_output_language_name (constants[i]),
           teapot_entry_get_constant (entry, constants[i]));
  detail_former_constants (out, entry, style);
}

void
teapot_output_table (GString                 *out,
                     GPtrArray               *entries,
                     const TeapotOutputStyle *style)
{
  guint phrase_width = 0, tag_width = 0, code_width = 3;

  for (guint i = 0; i < entries->len; i++)
    {
      TeapotEntry *entry = g_ptr_array_index (entries, i);

      g_autofree char *code = entry_code (entry);

      code_width = MAX (code_width, (guint) strlen (code));
      phrase_width = MAX (phrase_width, (guint) g_utf8_strlen (teapot_entry_get_phrase (entry), -1));
      tag_width = MAX (tag_width, (guint) g_utf8_strlen (teapot_entry_get_tags (entry)[0], -1));
    }
  /* On a terminal a row stays one line, so the columns have a ceiling and the summary is
   * cut; in a pipe nothing is cut and the columns are as wide as their longest text. */
  if (style->width > 0)
    {
      phrase_width = MIN (phrase_width, MAX_PHRASE_COLUMN);
      tag_width = MIN (tag_width, MAX_TAG_COLUMN);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      TeapotEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *code = entry_code (entry);
      const char *summary = teapot_entry_get_summary (entry);
      /* The columns before the summary, and one spare so that a full row does not wrap. */
      guint used = code_width + 2 + 1 + phrase_width + 2 + tag_width + 2 + 1;

      styled (out, style, class_color (entry), code);
      for (gsize pad_to = strlen (code); pad_to < code_width; pad_to++)
        g_string_append_c (out, ' ');
      g_string_append (out, teapot_entry_get_favourite (entry) ? " ★" : "  ");
      g_string_append_c (out, ' ');
      column (out, teapot_entry_get_phrase (entry), phrase_width);
      g_string_append (out, "  ");
      if (style->color)
        g_string_append (out, "\033[2m");
      column (out, teapot_entry_get_tags (entry)[0], tag_width);
      if (style->color)
        g_string_append (out, "\033[0m");
      g_string_append (out, "  ");

      if (style->width > used + 10 && (guint) g_utf8_strlen (summary, -1) > style->width - used)
        column (out, summary, style->width - used);
      else
        g_string_append (out, summary);
      g_string_append_c (out, '\n');
    }
}
