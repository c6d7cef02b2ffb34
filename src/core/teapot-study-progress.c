/* teapot-study-progress.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "teapot-study-private.h"
#include "teapot-text.h"

/* The review log read back: figures for the Progress page, and the wrong options of a quiz
 * question. */

#define DAYS_SHOWN       30
#define MOST_MISSED      10
#define N_DISTRACTORS    3

static const char select_recent_reviews[] =
  "SELECT r.reviewed_at, r.rating FROM user.reviews r JOIN entries e ON e.id = r.entry"
  " WHERE r.reviewed_at >= :since AND r.reviewed_at <= :now AND" TEAPOT_FILTER_SQL;
static const char select_most_missed[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS ", m.misses FROM"
  " (SELECT r.entry AS id, count(*) AS misses FROM user.reviews r"
  "  WHERE r.rating = 1 AND r.reviewed_at <= :now GROUP BY r.entry) m"
  " JOIN entries e ON e.id = m.id WHERE" TEAPOT_FILTER_SQL
  " ORDER BY m.misses DESC, e.rowid LIMIT :limit";

void
teapot_progress_clear (TeapotProgress *progress)
{
  g_return_if_fail (progress != NULL);

  g_clear_pointer (&progress->most_missed, g_ptr_array_unref);
  memset (progress, 0, sizeof *progress);
}

/* The starts of the last DAYS_SHOWN local days, oldest first, and of tomorrow: days are
 * not all 86,400 seconds long where the clocks change. */
static void
local_day_starts (gint64 now,
                  gint64 starts[DAYS_SHOWN + 1])
{
  g_autoptr(GDateTime) moment = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) today = NULL;

  if (moment == NULL)
    moment = g_date_time_new_from_unix_local (0);
  today = g_date_time_new_local (g_date_time_get_year (moment), g_date_time_get_month (moment),
                                 g_date_time_get_day_of_month (moment), 0, 0, 0);

  for (int i = 0; i <= DAYS_SHOWN; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (today, i - (DAYS_SHOWN - 1));

      starts[i] = day != NULL ? g_date_time_to_unix (day) : now;
    }
}

void
teapot_study_get_progress (TeapotStudy        *self,
                           const TeapotFilter *deck,
                           gint64              now,
                           TeapotProgress     *progress)
{
  gint64 starts[DAYS_SHOWN + 1];
  guint correct = 0;
  sqlite3_stmt *stmt;

  g_return_if_fail (TEAPOT_IS_STUDY (self));
  g_return_if_fail (progress != NULL);

  memset (progress, 0, sizeof *progress);
  progress->most_missed = g_ptr_array_new_with_free_func (g_object_unref);
  if (!self->has_tables)
    return;

  local_day_starts (now, starts);
  stmt = _teapot_store_statement (self->store, select_recent_reviews);
  if (stmt != NULL)
    {
      _teapot_store_bind_filter (stmt, deck);
      _teapot_study_bind_int64 (stmt, ":since", starts[0]);
      _teapot_study_bind_int64 (stmt, ":now", now);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 when = sqlite3_column_int64 (stmt, 0);
          gboolean recalled = sqlite3_column_int (stmt, 1) != TEAPOT_RATING_AGAIN;
          int day = DAYS_SHOWN - 1;

          while (day > 0 && when < starts[day])
            day--;
          progress->reviews_per_day[day]++;
          progress->correct_per_day[day] += recalled;
          progress->reviews_30d++;
          correct += recalled;
        }
      sqlite3_reset (stmt);
    }
  if (progress->reviews_30d > 0)
    progress->retention_30d = (double) correct / progress->reviews_30d;

  stmt = _teapot_store_statement (self->store, select_most_missed);
  if (stmt != NULL)
    {
      _teapot_store_bind_filter (stmt, deck);
      _teapot_study_bind_int64 (stmt, ":now", now);
      _teapot_study_bind_int64 (stmt, ":limit", MOST_MISSED);
      _teapot_study_collect_rows (self, stmt, progress->most_missed);
    }
}

typedef struct
{
  TeapotEntry *entry;
  guint tier;       /* lower first */
  guint32 shuffle;  /* from the seed: the order within a tier */
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->tier != y->tier)
    return x->tier < y->tier ? -1 : 1;
  if (x->shuffle != y->shuffle)
    return x->shuffle < y->shuffle ? -1 : 1;
  return g_strcmp0 (teapot_entry_get_id (x->entry), teapot_entry_get_id (y->entry));
}

/* Words that say something about a phrase: "Not", "Request", "Error" are in too many. */
static GHashTable *
phrase_words (TeapotEntry *entry)
{
  static const char * const common[] = { "not", "the", "and", "for", "request", "error", "http", NULL };
  g_autoptr(GPtrArray) words = teapot_text_split_words (teapot_entry_get_phrase (entry));
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      if (strlen (word) >= 3 && !g_strv_contains (common, word))
        g_hash_table_add (set, g_strdup (word));
    }
  return set;
}

static gboolean
shares_word (GHashTable  *words,
             TeapotEntry *entry)
{
  g_autoptr(GHashTable) theirs = phrase_words (entry);
  GHashTableIter iter;
  gpointer word;

  g_hash_table_iter_init (&iter, theirs);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (g_hash_table_contains (words, word))
      return TRUE;
  return FALSE;
}

/* Tiers, best first: related; the same class (sharing a word before not, and of the same
 * kind, registered or vendor, before the other); another class sharing a word; the rest. */
static guint
tier_of (TeapotEntry *entry,
         TeapotEntry *candidate,
         GHashTable  *words)
{
  const char * const *related = teapot_entry_get_related (entry);
  gboolean same_class = teapot_entry_get_code (entry) / 100 == teapot_entry_get_code (candidate) / 100;
  gboolean same_kind = teapot_entry_is_registered (entry) == teapot_entry_is_registered (candidate);
  gboolean shared = shares_word (words, candidate);

  if (related != NULL && g_strv_contains (related, teapot_entry_get_id (candidate)))
    return 0;
  if (same_class)
    return (shared ? 1 : 3) + (same_kind ? 0 : 1);
  return shared ? 5 : 6;
}

GPtrArray *
teapot_study_distractors (TeapotStudy *self,
                          TeapotEntry *entry,
                          guint        seed)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) words = NULL;
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(GHashTable) phrases = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GRand) rand = NULL;
  GPtrArray *distractors;

  g_return_val_if_fail (TEAPOT_IS_STUDY (self), NULL);
  g_return_val_if_fail (TEAPOT_IS_ENTRY (entry), NULL);

  all = teapot_store_list (self->store, NULL, 0);
  words = phrase_words (entry);
  rand = g_rand_new_with_seed (seed);
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  /* In rowid order, so that the same seed draws the same numbers. */
  for (guint i = 0; i < all->len; i++)
    {
      TeapotEntry *candidate = g_ptr_array_index (all, i);
      Candidate c = { candidate, 0, g_rand_int (rand) };

      if (teapot_entry_get_code (candidate) == teapot_entry_get_code (entry))
        continue;  /* the same number: not a wrong answer to "which code?" */
      c.tier = tier_of (entry, candidate, words);
      g_array_append_val (candidates, c);
    }
  g_array_sort (candidates, compare_candidates);

  /* Each option must be told apart from the answer and the others, by code and by phrase. */
  distractors = g_ptr_array_new_with_free_func (g_object_unref);
  codes = g_hash_table_new (g_direct_hash, g_direct_equal);
  phrases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (phrases, g_utf8_casefold (teapot_entry_get_phrase (entry), -1));
  for (guint i = 0; i < candidates->len && distractors->len < N_DISTRACTORS; i++)
    {
      TeapotEntry *candidate = g_array_index (candidates, Candidate, i).entry;
      guint code = teapot_entry_get_code (candidate);
      g_autofree char *phrase = g_utf8_casefold (teapot_entry_get_phrase (candidate), -1);

      if (g_hash_table_contains (codes, GUINT_TO_POINTER (code)) || g_hash_table_contains (phrases, phrase))
        continue;
      g_hash_table_add (codes, GUINT_TO_POINTER (code));
      g_hash_table_add (phrases, g_steal_pointer (&phrase));
      g_ptr_array_add (distractors, g_object_ref (candidate));
    }
  return distractors;
}
