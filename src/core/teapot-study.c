/* teapot-study.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "teapot-study.h"
#include "teapot-write.h"
#include "teapot-store-private.h"
#include "teapot-text.h"

#define DAYS_SHOWN       30
#define MOST_MISSED      10
#define N_DISTRACTORS    3

struct _TeapotStudy
{
  GObject parent_instance;

  TeapotStore *store;
  TeapotScheduler *scheduler;
  /* FALSE when user.sqlite is a newer or unmigrated file opened read-only: no study
   * tables to read, every card is new and nothing can be recorded. */
  gboolean has_tables;
};

G_DEFINE_FINAL_TYPE (TeapotStudy, teapot_study, G_TYPE_OBJECT)

static const char select_tables[] =
  "SELECT count(*) FROM pragma_table_list WHERE schema = 'user' AND name IN ('cards', 'reviews')";
static const char select_counts[] =
  "SELECT count(*), count(c.id), coalesce(sum(c.due <= :now), 0)"
  " FROM entries e LEFT JOIN user.cards c ON c.id = e.id WHERE" TEAPOT_FILTER_SQL;
static const char select_due[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS " FROM entries e JOIN user.cards c ON c.id = e.id"
  " WHERE c.due <= :now AND" TEAPOT_FILTER_SQL " ORDER BY c.due, e.rowid LIMIT :limit";
static const char select_new[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS " FROM entries e"
  " WHERE NOT EXISTS (SELECT 1 FROM user.cards c WHERE c.id = e.id) AND" TEAPOT_FILTER_SQL
  " ORDER BY e.code, e.rowid LIMIT :limit";
static const char select_new_without_tables[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS " FROM entries e WHERE" TEAPOT_FILTER_SQL
  " ORDER BY e.code, e.rowid LIMIT :limit";
static const char select_card[] =
  "SELECT state, stability, difficulty, step, due, last_review, reps, lapses FROM user.cards WHERE id = ?1";
static const char select_entry_exists[] =
  "SELECT 1 FROM entries WHERE id = ?1";
static const char upsert_card[] =
  "INSERT INTO user.cards (id, state, stability, difficulty, step, due, last_review, reps, lapses)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
  " ON CONFLICT (id) DO UPDATE SET state = excluded.state, stability = excluded.stability,"
  " difficulty = excluded.difficulty, step = excluded.step, due = excluded.due,"
  " last_review = excluded.last_review, reps = excluded.reps, lapses = excluded.lapses";
static const char insert_review[] =
  "INSERT INTO user.reviews (entry, rating, reviewed_at, elapsed, state_before, stability, difficulty, interval)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char begin_transaction[] = "BEGIN";
static const char commit_transaction[] = "COMMIT";
static const char rollback_transaction[] = "ROLLBACK";
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

static void
teapot_study_finalize (GObject *object)
{
  TeapotStudy *self = (TeapotStudy *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->scheduler, teapot_scheduler_free);

  G_OBJECT_CLASS (teapot_study_parent_class)->finalize (object);
}

static void
teapot_study_class_init (TeapotStudyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = teapot_study_finalize;
}

static void
teapot_study_init (TeapotStudy *self)
{
  self->scheduler = teapot_scheduler_new ();
}

static gboolean
find_tables (TeapotStore *store)
{
  sqlite3_stmt *stmt = _teapot_store_statement (store, select_tables);
  gboolean found = FALSE;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    found = sqlite3_column_int (stmt, 0) == 2;
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return found;
}

TeapotStudy *
teapot_study_new (TeapotStore *store)
{
  TeapotStudy *self;

  g_return_val_if_fail (TEAPOT_IS_STORE (store), NULL);

  self = g_object_new (TEAPOT_TYPE_STUDY, NULL);
  self->store = g_object_ref (store);
  self->has_tables = find_tables (store);
  return self;
}

TeapotScheduler *
teapot_study_get_scheduler (TeapotStudy *self)
{
  g_return_val_if_fail (TEAPOT_IS_STUDY (self), NULL);

  return self->scheduler;
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  g_assert (index > 0);
  sqlite3_bind_int64 (stmt, index, value);
}

static void
collect_rows (TeapotStudy  *self,
              sqlite3_stmt *stmt,
              GPtrArray    *into)
{
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (into, _teapot_store_entry_from_row (self->store, stmt));
  if (stmt != NULL)
    sqlite3_reset (stmt);
}

void
teapot_study_count (TeapotStudy        *self,
                    const TeapotFilter *deck,
                    gint64              now,
                    TeapotDeckCounts   *counts)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (TEAPOT_IS_STUDY (self));
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);
  if (!self->has_tables)
    {
      counts->total = counts->fresh = teapot_store_count (self->store, deck);
      return;
    }

  stmt = _teapot_store_statement (self->store, select_counts);
  if (stmt == NULL)
    return;
  _teapot_store_bind_filter (stmt, deck);
  bind_named_int64 (stmt, ":now", now);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      counts->total = sqlite3_column_int (stmt, 0);
      counts->learned = sqlite3_column_int (stmt, 1);
      counts->due = sqlite3_column_int (stmt, 2);
      counts->fresh = counts->total - counts->learned;
    }
  sqlite3_reset (stmt);
}

GPtrArray *
teapot_study_queue (TeapotStudy        *self,
                    const TeapotFilter *deck,
                    gint64              now,
                    guint               max_new,
                    guint               limit)
{
  GPtrArray *queue;
  sqlite3_stmt *stmt;
  gint64 room = limit > 0 ? (gint64) limit : -1;

  g_return_val_if_fail (TEAPOT_IS_STUDY (self), NULL);

  queue = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->has_tables)
    {
      stmt = _teapot_store_statement (self->store, select_due);
      if (stmt != NULL)
        {
          _teapot_store_bind_filter (stmt, deck);
          bind_named_int64 (stmt, ":now", now);
          bind_named_int64 (stmt, ":limit", room);
          collect_rows (self, stmt, queue);
        }
    }

  if (limit > 0)
    room = MIN ((gint64) max_new, (gint64) limit - (gint64) queue->len);
  else
    room = max_new;
  if (room <= 0)
    return queue;

  stmt = _teapot_store_statement (self->store, self->has_tables ? select_new : select_new_without_tables);
  if (stmt != NULL)
    {
      _teapot_store_bind_filter (stmt, deck);
      bind_named_int64 (stmt, ":limit", room);
      collect_rows (self, stmt, queue);
    }
  return queue;
}

/* The stored card of @id; FALSE (and @card untouched) when there is none. */
static gboolean
read_card (TeapotStudy *self,
           const char  *id,
           TeapotCard  *card,
           int         *rc)
{
  sqlite3_stmt *stmt = _teapot_store_statement (self->store, select_card);
  gboolean found = FALSE;

  *rc = SQLITE_ERROR;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  *rc = sqlite3_step (stmt);
  if (*rc == SQLITE_ROW)
    {
      int state = sqlite3_column_int (stmt, 0);

      card->state = state >= TEAPOT_CARD_NEW && state <= TEAPOT_CARD_RELEARNING ? state : TEAPOT_CARD_NEW;
      card->stability = sqlite3_column_double (stmt, 1);
      card->difficulty = sqlite3_column_double (stmt, 2);
      card->step = MAX (sqlite3_column_int (stmt, 3), 0);
      card->due = sqlite3_column_int64 (stmt, 4);
      card->last_review = sqlite3_column_int64 (stmt, 5);
      card->reps = MAX (sqlite3_column_int (stmt, 6), 0);
      card->lapses = MAX (sqlite3_column_int (stmt, 7), 0);
      found = TRUE;
      *rc = SQLITE_OK;
    }
  else if (*rc == SQLITE_DONE)
    *rc = SQLITE_OK;
  sqlite3_reset (stmt);
  return found;
}

TeapotCard
teapot_study_get_card (TeapotStudy *self,
                       const char  *id,
                       gint64       now)
{
  TeapotCard card = teapot_card_new (now);
  int rc;

  g_return_val_if_fail (TEAPOT_IS_STUDY (self), card);
  g_return_val_if_fail (id != NULL, card);

  if (self->has_tables)
    read_card (self, id, &card, &rc);
  return card;
}

static int
step_once (sqlite3_stmt *stmt)
{
  int rc;

  if (stmt == NULL)
    return SQLITE_ERROR;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* One attempt: read the card, schedule, write card and log, commit. The card is read inside
 * the transaction, so that two processes reviewing the same card do not lose an answer. */
static int
try_record (TeapotStudy  *self,
            const char   *id,
            TeapotRating  rating,
            gint64        now)
{
  TeapotCard card = teapot_card_new (now);
  TeapotCardState state_before;
  gint64 elapsed = 0;
  sqlite3_stmt *stmt;
  int rc = step_once (_teapot_store_statement (self->store, begin_transaction));

  if (rc == SQLITE_OK)
    read_card (self, id, &card, &rc);
  if (rc != SQLITE_OK)
    goto out;

  state_before = card.state;
  if (card.state != TEAPOT_CARD_NEW && now > card.last_review)
    elapsed = now - card.last_review;
  teapot_scheduler_review (self->scheduler, &card, rating, now);

  rc = SQLITE_ERROR;
  stmt = _teapot_store_statement (self->store, upsert_card);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, card.state);
  sqlite3_bind_double (stmt, 3, card.stability);
  sqlite3_bind_double (stmt, 4, card.difficulty);
  sqlite3_bind_int (stmt, 5, card.step);
  sqlite3_bind_int64 (stmt, 6, card.due);
  sqlite3_bind_int64 (stmt, 7, card.last_review);
  sqlite3_bind_int64 (stmt, 8, card.reps);
  sqlite3_bind_int64 (stmt, 9, card.lapses);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto out;

  rc = SQLITE_ERROR;
  stmt = _teapot_store_statement (self->store, insert_review);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, rating);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, elapsed);
  sqlite3_bind_int (stmt, 5, state_before);
  sqlite3_bind_double (stmt, 6, card.stability);
  sqlite3_bind_double (stmt, 7, card.difficulty);
  sqlite3_bind_int64 (stmt, 8, card.due - now);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto out;

  rc = step_once (_teapot_store_statement (self->store, commit_transaction));

out:
  if (rc != SQLITE_OK && !sqlite3_get_autocommit (_teapot_store_get_db (self->store)))
    step_once (_teapot_store_statement (self->store, rollback_transaction));
  return rc;
}

static gboolean
entry_exists (TeapotStudy *self,
              const char  *id)
{
  sqlite3_stmt *stmt = _teapot_store_statement (self->store, select_entry_exists);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* Whether a review of @id can be written at all: the entry exists and the data is writable. */
static gboolean
check_review (TeapotStudy  *self,
              const char   *id,
              GError      **error)
{
  if (!entry_exists (self, id))
    {
      g_set_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_NOT_FOUND,
                   _("No entry has the id “%s”"), id);
      return FALSE;
    }

  if (teapot_store_is_read_only (self->store) || !self->has_tables)
    {
      const char *notice = teapot_store_get_notice (self->store);

      g_set_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_READ_ONLY,
                   _("Study progress cannot be saved: %s"),
                   notice != NULL ? notice : _("your saved data is read-only"));
      return FALSE;
    }
  return TRUE;
}

gboolean
teapot_study_record_review (TeapotStudy   *self,
                            const char    *id,
                            TeapotRating   rating,
                            gint64         now,
                            GError       **error)
{
  gint64 deadline;
  int rc;

  g_return_val_if_fail (TEAPOT_IS_STUDY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (rating >= TEAPOT_RATING_AGAIN && rating <= TEAPOT_RATING_EASY, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_review (self, id, error))
    return FALSE;

  /* The busy timeout covers waiting for a lock; a deferred transaction whose snapshot
   * another writer made stale fails at once (SQLITE_BUSY_SNAPSHOT) and must start over. */
  deadline = g_get_monotonic_time () + TEAPOT_BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  while ((rc = try_record (self, id, rating, now)) != SQLITE_OK)
    {
      if ((rc & 0xff) != SQLITE_BUSY || g_get_monotonic_time () >= deadline)
        return _teapot_set_sqlite_error (error, _teapot_store_get_db (self->store), rc,
                                         _("Cannot save your study progress"));
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
    }
  return TRUE;
}

typedef struct
{
  TeapotStudy *study;
  char *id;
  TeapotRating rating;
  gint64 now;
} ReviewWrite;

static void
review_write_free (ReviewWrite *write)
{
  g_object_unref (write->study);
  g_free (write->id);
  g_free (write);
}

static int
write_review (gpointer data)
{
  ReviewWrite *write = data;

  return try_record (write->study, write->id, write->rating, write->now);
}

/* As teapot_study_record_review(), without ever holding the main loop (teapot-write.c). */
void
teapot_study_record_review_async (TeapotStudy         *self,
                                  const char          *id,
                                  TeapotRating         rating,
                                  gint64               now,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GError *error = NULL;
  ReviewWrite *write;

  g_return_if_fail (TEAPOT_IS_STUDY (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (rating >= TEAPOT_RATING_AGAIN && rating <= TEAPOT_RATING_EASY);

  if (!check_review (self, id, &error))
    {
      g_task_report_error (self, callback, user_data, _teapot_write_async, error);
      return;
    }
  write = g_new0 (ReviewWrite, 1);
  write->study = g_object_ref (self);
  write->id = g_strdup (id);
  write->rating = rating;
  write->now = now;
  _teapot_write_async (self, _teapot_store_get_db (self->store), write_review, write,
                       (GDestroyNotify) review_write_free, _("Cannot save your study progress"),
                       cancellable, callback, user_data);
}

gboolean
teapot_study_record_review_finish (TeapotStudy   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (TEAPOT_IS_STUDY (self), FALSE);
  return _teapot_write_finish (self, result, error);
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
      bind_named_int64 (stmt, ":since", starts[0]);
      bind_named_int64 (stmt, ":now", now);
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
      bind_named_int64 (stmt, ":now", now);
      bind_named_int64 (stmt, ":limit", MOST_MISSED);
      collect_rows (self, stmt, progress->most_missed);
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
