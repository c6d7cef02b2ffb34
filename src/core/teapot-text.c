/* teapot-text.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "teapot-text.h"

#define MAX_WORD_CHARS 64

/* The character at @p and its length in bytes. Bytes that are not UTF-8 count as one
 * separator each: g_utf8_next_char() would trust a lead byte and step over the
 * terminating NUL of a cut sequence. */
static gunichar
next_char (const char *p,
           gsize      *step)
{
  gunichar c = *p != '\0' ? g_utf8_get_char_validated (p, -1) : 0;

  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      if (step != NULL)
        *step = 1;
      return ' ';
    }
  if (step != NULL)
    *step = c != 0 ? (gsize) (g_utf8_next_char (p) - p) : 1;
  return c;
}

GPtrArray *
teapot_text_split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);
  const char *p = text;

  while (p != NULL)
    {
      gsize step = 1;
      gunichar c = next_char (p, &step);

      if (c != 0 && g_unichar_isalnum (c))
        {
          if (word->len < MAX_WORD_CHARS * 4)
            g_string_append_unichar (word, g_unichar_tolower (c));
        }
      else if (c == '\'' && word->len > 0 && g_unichar_isalnum (next_char (p + 1, NULL)))
        ; /* "I'm a teapot": keep the word whole */
      else if (word->len > 0)
        {
          g_ptr_array_add (words, g_strndup (word->str, word->len));
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
      p += step;
    }

  g_string_free (word, TRUE);
  return words;
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

char *
teapot_text_fold (const char *word)
{
  g_autofree char *decomposed = NULL;
  GString *folded;

  /* Most words a person types are ASCII: nothing to fold, no allocation to normalize. */
  if (is_ascii (word) || !g_utf8_validate (word, -1, NULL))
    return g_strdup (word);

  decomposed = g_utf8_normalize (word, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup (word);

  folded = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (folded, c);
    }
  return g_string_free (folded, FALSE);
}

guint
teapot_text_edit_distance (const char *a,
                           const char *b,
                           guint       limit)
{
  guint la = strlen (a), lb = strlen (b);
  guint rows[3][MAX_WORD_CHARS + 1];
  guint *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

  if (la > MAX_WORD_CHARS || lb > MAX_WORD_CHARS)
    return limit + 1;
  if ((la > lb ? la - lb : lb - la) > limit)
    return limit + 1;

  for (guint j = 0; j <= lb; j++)
    prev[j] = j;

  for (guint i = 1; i <= la; i++)
    {
      guint row_min;
      guint *tmp;

      cur[0] = i;
      row_min = i;
      for (guint j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);

          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, prev2[j - 2] + 1);
          cur[j] = best;
          row_min = MIN (row_min, best);
        }
      if (row_min > limit)
        return limit + 1;

      tmp = prev2;
      prev2 = prev;
      prev = cur;
      cur = tmp;
    }

  return MIN (prev[lb], limit + 1);
}
