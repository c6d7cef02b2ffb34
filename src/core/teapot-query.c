/* teapot-query.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "teapot-query.h"
#include "teapot-text.h"

/* Words that say nothing about a status code. "not" and "too" stay: "not found", "too many".
 * The second line is how people ask ("which status code should I return when..."): the
 * question's subject is in its other words. */
static const char * const stop_words[] = {
  "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "in", "is", "it", "its",
  "of", "on", "or", "that", "the", "this", "to", "was", "were", "with",
  "which", "what", "when", "how", "should", "would", "could", "can", "do", "does", "i", "we",
  "you", "my", "our", "me", "code", "status", "return", "send", "but", "if", "then", "so", NULL
};

static gboolean
is_digit_at (const char *text,
             gssize      i,
             gsize       len)
{
  return i >= 0 && (gsize) i < len && g_ascii_isdigit (text[i]);
}

/* A number glued to others by dots is an address or a version, not a status code. */
static gboolean
is_dotted (const char *text,
           gsize       start,
           gsize       end,
           gsize       len)
{
  gboolean dot_before = start >= 2 && text[start - 1] == '.' && is_digit_at (text, start - 2, len);
  gboolean dot_after = end + 1 < len && text[end] == '.' && is_digit_at (text, end + 1, len);

  return dot_before || dot_after;
}

static void
add_code (TeapotQuery *query,
          guint        code)
{
  for (guint i = 0; i < query->codes->len; i++)
    if (g_array_index (query->codes, guint, i) == code)
      return;
  g_array_append_val (query->codes, code);
}

/* "4xx", "52x", "5XX": a class or a decade of codes. */
static gboolean
parse_range (const char *token,
             gsize       len,
             guint      *low,
             guint      *high)
{
  guint digits = 0, value = 0, span = 1;

  if (len != 3 || token[0] < '1' || token[0] > '9')
    return FALSE;

  for (gsize i = 0; i < 3; i++)
    {
      if (g_ascii_isdigit (token[i]) && digits == i)
        {
          value = value * 10 + (token[i] - '0');
          digits++;
        }
      else if (token[i] == 'x' || token[i] == 'X')
        span *= 10;
      else
        return FALSE;
    }
  if (digits == 3)
    return FALSE;

  *low = value * span;
  *high = *low + span - 1;
  return TRUE;
}

/* "(104: Connection reset by peer)": nginx and the C library print an errno so, never a
 * status. */
static gboolean
is_errno (const char *text,
          gsize       start,
          gsize       end,
          gsize       len)
{
  return start >= 1 && text[start - 1] == '(' && end < len && text[end] == ':';
}

/* "500.19", "502.5": a status with a vendor's detail. Returns where the sub-code ends, or 0
 * when the dot belongs to a version or an address ("2.0.3", "10.100.200.1"). */
static gsize
dotted_subcode_end (const char *text,
                    gsize       start,
                    gsize       end,
                    gsize       len)
{
  gsize i = end + 1;

  if (end >= len || text[end] != '.' || !is_digit_at (text, end + 1, len))
    return 0;
  if (start >= 2 && text[start - 1] == '.' && is_digit_at (text, start - 2, len))
    return 0;
  while (i < len && g_ascii_isdigit (text[i]))
    i++;
  if (i - end - 1 > 3 || (i < len && g_ascii_isalpha (text[i])))
    return 0;
  if (i + 1 < len && text[i] == '.' && g_ascii_isdigit (text[i + 1]))
    return 0;
  return i;
}

/* Dotted sub-codes are sure and go first; a bare four-digit number may be a byte count. */
static void
add_subcode (TeapotQuery *query,
             const char  *text,
             gsize        len,
             gboolean     dotted)
{
  g_autofree char *subcode = g_strndup (text, len);

  if (query->subcodes->len >= TEAPOT_QUERY_MAX_SUBCODES
      || g_ptr_array_find_with_equal_func (query->subcodes, subcode, g_str_equal, NULL))
    return;
  if (dotted)
    g_ptr_array_insert (query->subcodes, query->n_dotted++, g_steal_pointer (&subcode));
  else
    g_ptr_array_add (query->subcodes, g_steal_pointer (&subcode));
}

static gboolean
is_code_token (const char *token,
               gsize       len,
               gsize       digits)
{
  if (len != digits || token[0] < '1' || token[0] > '9')
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isdigit (token[i]))
      return FALSE;
  return TRUE;
}

static void
scan_numbers (TeapotQuery *query,
              const char  *text,
              gsize        len)
{
  gsize i = 0;

  while (i < len)
    {
      gsize start = i, subcode_end;

      if (!g_ascii_isalnum (text[i]))
        {
          i++;
          continue;
        }
      while (i < len && g_ascii_isalnum (text[i]))
        i++;

      if (is_code_token (text + start, i - start, 3))
        {
          subcode_end = dotted_subcode_end (text, start, i, len);
          if (subcode_end > 0)
            {
              add_subcode (query, text + start, subcode_end - start, TRUE);
              add_code (query, (guint) g_ascii_strtoull (text + start, NULL, 10));
              i = subcode_end;
            }
          else if (!is_dotted (text, start, i, len) && !is_errno (text, start, i, len))
            add_code (query, (guint) g_ascii_strtoull (text + start, NULL, 10));
        }
      else if (is_code_token (text + start, i - start, 4))
        {
          if (!is_dotted (text, start, i, len))
            add_subcode (query, text + start, i - start, FALSE);
        }
      else if (query->range_low == 0)
        parse_range (text + start, i - start, &query->range_low, &query->range_high);
    }
}

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* A path or a URL names the person's own resources ("Cannot GET /api/users"), not what went
 * wrong: its words are blanked out. A slash inside a word stays ("post/redirect/get"). */
static char *
blank_paths (const char *text)
{
  char *copy = g_strdup (text);
  char *p = copy;

  while (*p != '\0')
    {
      char *end = p;

      while (*end != '\0' && !g_ascii_isspace (*end))
        end++;
      if (end > p && (*p == '/' || g_strstr_len (p, end - p, "://") != NULL))
        memset (p, ' ', end - p);
      p = *end != '\0' ? end + 1 : end;
    }
  return copy;
}

static void
collect_words (TeapotQuery *query,
               const char  *text)
{
  g_autofree char *pathless = blank_paths (text);
  g_autoptr(GPtrArray) words = teapot_text_split_words (pathless);
  g_autoptr(GPtrArray) stopped = g_ptr_array_new ();

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      guint low, high;

      if (all_digits (word) || parse_range (word, strlen (word), &low, &high))
        continue;
      if (g_ptr_array_find_with_equal_func (query->words, word, g_str_equal, NULL))
        continue;
      if (g_strv_contains (stop_words, word))
        {
          g_ptr_array_add (stopped, (gpointer) word);
          continue;
        }
      if (query->words->len < TEAPOT_QUERY_MAX_WORDS)
        g_ptr_array_add (query->words, g_strdup (word));
    }

  /* A query of nothing but stop words still means something to the person, unless it named
   * a code ("status=404"). */
  if (query->words->len == 0 && query->codes->len == 0 && query->subcodes->len == 0 && query->range_low == 0)
    for (guint i = 0; i < stopped->len && i < TEAPOT_QUERY_MAX_WORDS; i++)
      g_ptr_array_add (query->words, g_strdup (g_ptr_array_index (stopped, i)));
}

static char *
join_words (GPtrArray *words)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, g_ptr_array_index (words, i));
    }
  return g_string_free (joined, FALSE);
}

char *
teapot_query_phrase_text (const char *text)
{
  g_autoptr(GPtrArray) words = teapot_text_split_words (text);
  g_autofree char *joined = join_words (words);

  return g_strconcat (" ", joined, " ", NULL);
}

TeapotQuery *
teapot_query_parse (const char *text)
{
  TeapotQuery *query = g_new0 (TeapotQuery, 1);
  g_autofree char *valid = NULL;
  g_autofree char *stripped = NULL;
  gsize len;

  query->codes = g_array_new (FALSE, FALSE, sizeof (guint));
  query->subcodes = g_ptr_array_new_with_free_func (g_free);
  query->words = g_ptr_array_new_with_free_func (g_free);

  if (text == NULL)
    text = "";
  len = strnlen (text, TEAPOT_QUERY_MAX_BYTES);
  valid = g_utf8_make_valid (text, len);
  stripped = g_strstrip (g_strdup (valid));
  len = strlen (stripped);

  /* "4" or "52" alone: the codes that start so. */
  if (len > 0 && len < 3 && all_digits (stripped) && stripped[0] != '0')
    {
      guint value = (guint) g_ascii_strtoull (stripped, NULL, 10);
      guint span = len == 1 ? 100 : 10;

      query->range_low = value * span;
      query->range_high = query->range_low + span - 1;
    }
  else
    scan_numbers (query, stripped, len);

  collect_words (query, stripped);

  /* Typing "too many req": the last word is not finished yet. */
  if (query->words->len > 0 && len > 0 && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (valid + strlen (valid)))))
    {
      const char *last = g_ptr_array_index (query->words, query->words->len - 1);
      g_autofree char *lower = g_utf8_strdown (stripped, -1);

      query->last_is_prefix = strlen (last) >= 2 && g_str_has_suffix (lower, last);
    }

  query->joined = join_words (query->words);
  query->phrase_text = teapot_query_phrase_text (stripped);
  return query;
}

gboolean
teapot_query_is_empty (const TeapotQuery *query)
{
  return query->codes->len == 0 && query->subcodes->len == 0 && query->range_low == 0 && query->words->len == 0;
}

void
teapot_query_free (TeapotQuery *query)
{
  if (query == NULL)
    return;

  g_array_unref (query->codes);
  g_ptr_array_unref (query->subcodes);
  g_ptr_array_unref (query->words);
  g_free (query->joined);
  g_free (query->phrase_text);
  g_free (query);
}
