/* teapot-speller.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "teapot-error.h"
#include "teapot-speller.h"
#include "teapot-text.h"

#define MAX_LENGTH 64

typedef struct
{
  char *word;
  guint frequency;
  guint family;                 /* words with the same stem are one term of the index */
  guint64 bytes;                /* which byte values the word has, see byte_set() */
} Term;

struct _TeapotSpeller
{
  GArray *by_length[MAX_LENGTH + 1]; /* Term, grouped by byte length */
  GPtrArray *sorted;            /* Term *, in strcmp() order: the words of a prefix are a run */
  guint n_entries;
};

typedef struct
{
  const char *word;
  guint distance;
  guint frequency;
} Suggestion;

/* One bit per byte value (folded onto 64 bits). An edit adds, drops or changes one byte, so
 * it changes at most two bits: words whose sets differ in more than 2 * limit bits are too
 * far apart to be worth measuring, which rules out most of a vocabulary cheaply. */
static guint64
byte_set (const char *word)
{
  guint64 set = 0;

  for (const guchar *p = (const guchar *) word; *p; p++)
    set |= G_GUINT64_CONSTANT (1) << (*p % 64);
  return set;
}

static void
clear_term (gpointer data)
{
  g_free (((Term *) data)->word);
}

TeapotSpeller *
teapot_speller_new_from_db (sqlite3  *db,
                            GError  **error)
{
  g_autoptr(TeapotSpeller) speller = g_new0 (TeapotSpeller, 1);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint32));
  sqlite3_stmt *stmt = NULL;
  int rc;

  speller->sorted = g_ptr_array_new ();
  for (guint i = 0; i <= MAX_LENGTH; i++)
    {
      speller->by_length[i] = g_array_new (FALSE, FALSE, sizeof (Term));
      g_array_set_clear_func (speller->by_length[i], clear_term);
    }

  /* In the primary key's order, which is strcmp()'s (BINARY collation compares bytes), so
   * that @sorted needs no sorting: @order says where each row went. */
  rc = sqlite3_prepare_v2 (db, "SELECT term, df, family FROM terms ORDER BY term", -1, &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *word = (const char *) sqlite3_column_text (stmt, 0);
      gsize len = word ? strlen (word) : 0;
      guint32 at;
      Term term;

      if (len == 0 || len > MAX_LENGTH)
        continue;
      term.word = g_strdup (word);
      term.frequency = sqlite3_column_int (stmt, 1);
      term.family = sqlite3_column_int (stmt, 2);
      term.bytes = byte_set (word);
      at = ((guint32) len << 24) | speller->by_length[len]->len;
      g_array_append_val (order, at);
      g_array_append_val (speller->by_length[len], term);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _teapot_set_sqlite_error (error, db, rc, "Cannot read the search vocabulary");
      return NULL;
    }

  /* The arrays no longer grow: their terms can be pointed at. */
  for (guint i = 0; i < order->len; i++)
    {
      guint32 at = g_array_index (order, guint32, i);

      g_ptr_array_add (speller->sorted, &g_array_index (speller->by_length[at >> 24], Term, at & 0xffffff));
    }

  rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM entries", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    speller->n_entries = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return g_steal_pointer (&speller);
}

void
teapot_speller_free (TeapotSpeller *speller)
{
  if (speller == NULL)
    return;

  g_clear_pointer (&speller->sorted, g_ptr_array_unref);
  for (guint i = 0; i <= MAX_LENGTH; i++)
    g_array_unref (speller->by_length[i]);
  g_free (speller);
}

/* The index of the first word of @sorted not before @word. */
static guint
lower_bound (GPtrArray  *sorted,
             const char *word)
{
  guint low = 0, high = sorted->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (strcmp (((Term *) g_ptr_array_index (sorted, mid))->word, word) < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* The vocabulary holds words without accents (see teapot-refdb.c): "requetes" is as known
 * as "requêtes", which the index finds either way. */
guint
teapot_speller_frequency (TeapotSpeller *speller,
                          const char    *word)
{
  g_autofree char *folded = teapot_text_fold (word);
  guint at = lower_bound (speller->sorted, folded);
  Term *term = at < speller->sorted->len ? g_ptr_array_index (speller->sorted, at) : NULL;

  return term != NULL && g_str_equal (term->word, folded) ? term->frequency : 0;
}

guint
teapot_speller_n_entries (TeapotSpeller *speller)
{
  return speller->n_entries;
}

/* The words of a stem all have the stem's frequency (the index counts them as one term):
 * each stem counts once, or "autoris" would count the same entries for "autorise",
 * "autoriser" and "autorisent". */
guint
teapot_speller_prefix_frequency (TeapotSpeller *speller,
                                 const char    *unfolded)
{
  g_autofree char *prefix = teapot_text_fold (unfolded);
  g_autoptr(GHashTable) counted = g_hash_table_new (g_direct_hash, g_direct_equal);
  gsize len = strlen (prefix);
  guint total = 0;

  /* The run of @prefix's completions starts at the first word not before it. */
  for (guint i = lower_bound (speller->sorted, prefix); i < speller->sorted->len; i++)
    {
      Term *term = g_ptr_array_index (speller->sorted, i);

      if (strncmp (term->word, prefix, len) != 0)
        break;
      if (g_hash_table_add (counted, GUINT_TO_POINTER (term->family)))
        total += term->frequency;
    }
  return total;
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const Suggestion *sa = a, *sb = b;

  if (sa->distance != sb->distance)
    return sa->distance < sb->distance ? -1 : 1;
  if (sa->frequency != sb->frequency)
    return sa->frequency > sb->frequency ? -1 : 1;
  return strcmp (sa->word, sb->word);
}

GPtrArray *
teapot_speller_suggest (TeapotSpeller *speller,
                        const char    *unfolded,
                        guint          max_suggestions)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Suggestion));
  g_autofree char *word = teapot_text_fold (unfolded);
  gsize len = strlen (word);
  guint64 bytes = byte_set (word);
  guint limit;

  /* Short words have too many neighbours to guess from. */
  if (len < 4 || len > MAX_LENGTH || teapot_speller_frequency (speller, word) > 0)
    return result;
  limit = len >= 8 ? 2 : 1;

  for (gsize l = len > limit ? len - limit : 1; l <= MIN (len + limit, MAX_LENGTH); l++)
    for (guint j = 0; j < speller->by_length[l]->len; j++)
      {
        Term *term = &g_array_index (speller->by_length[l], Term, j);
        Suggestion s = { term->word, 0, term->frequency };

        if ((guint) __builtin_popcountll (term->bytes ^ bytes) > 2 * limit)
          continue;
        s.distance = teapot_text_edit_distance (word, term->word, limit);
        if (s.distance <= limit)
          g_array_append_val (found, s);
      }

  g_array_sort (found, compare_suggestions);
  for (guint i = 0; i < found->len && i < max_suggestions; i++)
    {
      Suggestion *s = &g_array_index (found, Suggestion, i);

      /* Only the nearest: a word one edit away beats every word two away. */
      if (s->distance > g_array_index (found, Suggestion, 0).distance)
        break;
      g_ptr_array_add (result, g_strdup (s->word));
    }

  return result;
}
