/* teapot-study.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "teapot-study-private.h"

/* What to study: a deck's counts, and the queue of cards (due first, then new ones in an
 * order taught by prevalence). Reviews are written in teapot-study-record.c; figures and
 * quiz options are read in teapot-study-progress.c. */

G_DEFINE_FINAL_TYPE (TeapotStudy, teapot_study, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NEW_PER_DAY,
  PROP_SEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char select_tables[] =
  "SELECT count(*) FROM pragma_table_list WHERE schema = 'user' AND name IN ('cards', 'reviews')";
/* Learned: reviewed, and the last answer was not Again (a card failed last time is not
 * learned, however often it was seen). The log's newest row is the last answer. */
static const char select_counts[] =
  "SELECT count(*), count(c.id), coalesce(sum(c.due <= :now), 0),"
  " coalesce(sum((SELECT r.rating FROM user.reviews r WHERE r.entry = c.id"
  "               ORDER BY r.id DESC LIMIT 1) > 1), 0)"
  " FROM entries e LEFT JOIN user.cards c ON c.id = e.id WHERE" TEAPOT_FILTER_SQL;
/* New cards started since the day began: their first review found them new. */
static const char select_started[] =
  "SELECT count(DISTINCT r.entry) FROM user.reviews r JOIN entries e ON e.id = r.entry"
  " WHERE r.state_before = 0 AND r.reviewed_at >= :since AND r.reviewed_at <= :now AND" TEAPOT_FILTER_SQL;
static const char select_due[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS " FROM entries e JOIN user.cards c ON c.id = e.id"
  " WHERE c.due <= :now AND" TEAPOT_FILTER_SQL " ORDER BY c.due, e.rowid LIMIT :limit";
/* In rowid order: order_new() decides, and needs the same input each time. */
static const char select_new[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS " FROM entries e"
  " WHERE NOT EXISTS (SELECT 1 FROM user.cards c WHERE c.id = e.id) AND" TEAPOT_FILTER_SQL
  " ORDER BY e.rowid";
static const char select_new_without_tables[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS " FROM entries e WHERE" TEAPOT_FILTER_SQL " ORDER BY e.rowid";

static void
teapot_study_finalize (GObject *object)
{
  TeapotStudy *self = (TeapotStudy *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->scheduler, teapot_scheduler_free);

  G_OBJECT_CLASS (teapot_study_parent_class)->finalize (object);
}

static void
teapot_study_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TeapotStudy *self = TEAPOT_STUDY (object);

  switch (prop_id)
    {
    case PROP_NEW_PER_DAY:
      g_value_set_uint (value, self->new_per_day);
      break;
    case PROP_SEED:
      g_value_set_uint (value, self->seed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_study_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TeapotStudy *self = TEAPOT_STUDY (object);

  switch (prop_id)
    {
    case PROP_NEW_PER_DAY:
      teapot_study_set_new_per_day (self, g_value_get_uint (value));
      break;
    case PROP_SEED:
      teapot_study_set_seed (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_study_class_init (TeapotStudyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = teapot_study_finalize;
  object_class->get_property = teapot_study_get_property;
  object_class->set_property = teapot_study_set_property;

  /* How many cards never seen a deck offers a day (Anki's default is 20). */
  properties[PROP_NEW_PER_DAY] =
    g_param_spec_uint ("new-per-day", NULL, NULL, 0, TEAPOT_STUDY_MAX_NEW_PER_DAY, TEAPOT_STUDY_NEW_PER_DAY,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The user's own shuffle of new cards: one order per user, kept across sessions. */
  properties[PROP_SEED] =
    g_param_spec_uint ("seed", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
teapot_study_init (TeapotStudy *self)
{
  self->scheduler = teapot_scheduler_new ();
  self->new_per_day = TEAPOT_STUDY_NEW_PER_DAY;
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

guint
teapot_study_get_new_per_day (TeapotStudy *self)
{
  g_return_val_if_fail (TEAPOT_IS_STUDY (self), 0);
  return self->new_per_day;
}

void
teapot_study_set_new_per_day (TeapotStudy *self,
                              guint        new_per_day)
{
  g_return_if_fail (TEAPOT_IS_STUDY (self));

  new_per_day = MIN (new_per_day, TEAPOT_STUDY_MAX_NEW_PER_DAY);
  if (self->new_per_day == new_per_day)
    return;
  self->new_per_day = new_per_day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEW_PER_DAY]);
}

guint32
teapot_study_get_seed (TeapotStudy *self)
{
  g_return_val_if_fail (TEAPOT_IS_STUDY (self), 0);
  return self->seed;
}

void
teapot_study_set_seed (TeapotStudy *self,
                       guint32      seed)
{
  g_return_if_fail (TEAPOT_IS_STUDY (self));

  if (self->seed == seed)
    return;
  self->seed = seed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEED]);
}

void
_teapot_study_bind_int64 (sqlite3_stmt *stmt,
                          const char   *name,
                          gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  g_assert (index > 0);
  sqlite3_bind_int64 (stmt, index, value);
}

void
_teapot_study_collect_rows (TeapotStudy  *self,
                            sqlite3_stmt *stmt,
                            GPtrArray    *into)
{
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (into, _teapot_store_entry_from_row (self->store, stmt));
  if (stmt != NULL)
    sqlite3_reset (stmt);
}

gint64
_teapot_study_day_start (gint64 now,
                         int    days_back)
{
  g_autoptr(GDateTime) moment = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) day = NULL;

  if (moment == NULL)
    moment = g_date_time_new_from_unix_local (0);
  /* A local date at midnight, not now minus 86,400 s: days are not all that long where
   * the clocks change. */
  midnight = g_date_time_new_local (g_date_time_get_year (moment), g_date_time_get_month (moment),
                                    g_date_time_get_day_of_month (moment), 0, 0, 0);
  day = g_date_time_add_days (midnight, -days_back);
  return day != NULL ? g_date_time_to_unix (day) : now;
}

/* New cards started today in @deck. */
static guint
count_started (TeapotStudy        *self,
               const TeapotFilter *deck,
               gint64              now)
{
  sqlite3_stmt *stmt = _teapot_store_statement (self->store, select_started);
  guint started = 0;

  if (stmt == NULL)
    return 0;
  _teapot_store_bind_filter (stmt, deck);
  _teapot_study_bind_int64 (stmt, ":since", _teapot_study_day_start (now, 0));
  _teapot_study_bind_int64 (stmt, ":now", now);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    started = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return started;
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
      counts->total = counts->unseen = teapot_store_count (self->store, deck);
      counts->new_today = MIN (counts->unseen, self->new_per_day);
      return;
    }

  stmt = _teapot_store_statement (self->store, select_counts);
  if (stmt == NULL)
    return;
  _teapot_store_bind_filter (stmt, deck);
  _teapot_study_bind_int64 (stmt, ":now", now);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      counts->total = sqlite3_column_int (stmt, 0);
      counts->seen = sqlite3_column_int (stmt, 1);
      counts->due = sqlite3_column_int (stmt, 2);
      counts->learned = sqlite3_column_int (stmt, 3);
      counts->unseen = counts->total - counts->seen;
    }
  sqlite3_reset (stmt);

  counts->started_today = count_started (self, deck, now);
  if (counts->started_today < self->new_per_day)
    counts->new_today = MIN (counts->unseen, self->new_per_day - counts->started_today);
}

/* A 32-bit hash of @text under @seed (FNV-1a, then MurmurHash3's finaliser so that ids
 * differing in one digit land far apart): a shuffle that needs no state and does not
 * change when other cards leave the deck. */
static guint32
mix (guint32     seed,
     const char *text)
{
  guint32 h = 2166136261u ^ seed;

  for (const char *p = text; *p != '\0'; p++)
    h = (h ^ (guchar) *p) * 16777619u;
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

typedef struct
{
  TeapotEntry *entry;
  guint prevalence;
  guint class_digit;
  guint32 shuffle;
  double spread;    /* the place within its prevalence band, 0..1 */
} NewCard;

static int
compare_by_class (gconstpointer a,
                  gconstpointer b)
{
  const NewCard *x = a, *y = b;

  if (x->prevalence != y->prevalence)
    return x->prevalence > y->prevalence ? -1 : 1;
  if (x->class_digit != y->class_digit)
    return x->class_digit < y->class_digit ? -1 : 1;
  if (x->shuffle != y->shuffle)
    return x->shuffle < y->shuffle ? -1 : 1;
  return g_strcmp0 (teapot_entry_get_id (x->entry), teapot_entry_get_id (y->entry));
}

static int
compare_by_spread (gconstpointer a,
                   gconstpointer b)
{
  const NewCard *x = a, *y = b;

  if (x->prevalence != y->prevalence)
    return x->prevalence > y->prevalence ? -1 : 1;
  if (x->spread != y->spread)
    return x->spread < y->spread ? -1 : 1;
  if (x->shuffle != y->shuffle)
    return x->shuffle < y->shuffle ? -1 : 1;
  return g_strcmp0 (teapot_entry_get_id (x->entry), teapot_entry_get_id (y->entry));
}

/* Puts new cards in teaching order: the codes people meet most first (prevalence 5 to 1);
 * within a prevalence band, a shuffle of the user's own, with the classes spread evenly
 * through it (the k-th of n cards of a class sits near (k + offset) / n), so that neither
 * the code order nor a run of one class gives the answer away. */
static void
order_new (TeapotStudy *self,
           GPtrArray   *entries)
{
  g_autoptr(GArray) cards = g_array_sized_new (FALSE, FALSE, sizeof (NewCard), entries->len);
  guint start = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      TeapotEntry *entry = g_ptr_array_index (entries, i);
      NewCard card = { entry, teapot_entry_get_prevalence (entry), teapot_entry_get_code (entry) / 100,
                       mix (self->seed, teapot_entry_get_id (entry)), 0 };

      g_array_append_val (cards, card);
    }
  g_array_sort (cards, compare_by_class);

  /* Each run of one class within one band: its cards' places in the band. */
  while (start < cards->len)
    {
      NewCard *first = &g_array_index (cards, NewCard, start);
      char band[16];
      double offset;
      guint end = start;

      while (end < cards->len && g_array_index (cards, NewCard, end).prevalence == first->prevalence
             && g_array_index (cards, NewCard, end).class_digit == first->class_digit)
        end++;
      g_snprintf (band, sizeof band, "%u:%u", first->prevalence, first->class_digit);
      offset = mix (self->seed, band) / 4294967296.0;
      for (guint k = start; k < end; k++)
        g_array_index (cards, NewCard, k).spread = (k - start + offset) / (end - start);
      start = end;
    }
  g_array_sort (cards, compare_by_spread);

  for (guint i = 0; i < cards->len; i++)
    entries->pdata[i] = g_array_index (cards, NewCard, i).entry;
}

GPtrArray *
teapot_study_queue (TeapotStudy        *self,
                    const TeapotFilter *deck,
                    gint64              now,
                    guint               max_new,
                    guint               limit)
{
  g_autoptr(GPtrArray) fresh = NULL;
  TeapotDeckCounts counts;
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
          _teapot_study_bind_int64 (stmt, ":now", now);
          _teapot_study_bind_int64 (stmt, ":limit", room);
          _teapot_study_collect_rows (self, stmt, queue);
        }
    }

  teapot_study_count (self, deck, now, &counts);
  room = MIN (max_new, counts.new_today);
  if (limit > 0)
    room = MIN (room, (gint64) limit - (gint64) queue->len);
  if (room <= 0)
    return queue;

  /* The whole deck's new cards, ordered, then the first few: a deck has hundreds at most. */
  fresh = g_ptr_array_new_with_free_func (g_object_unref);
  stmt = _teapot_store_statement (self->store, self->has_tables ? select_new : select_new_without_tables);
  if (stmt != NULL)
    {
      _teapot_store_bind_filter (stmt, deck);
      _teapot_study_collect_rows (self, stmt, fresh);
    }
  order_new (self, fresh);
  for (guint i = 0; i < fresh->len && i < room; i++)
    g_ptr_array_add (queue, g_object_ref (g_ptr_array_index (fresh, i)));
  return queue;
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
    _teapot_study_read_card (self, id, &card, &rc);
  return card;
}
