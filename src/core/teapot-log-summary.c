/* teapot-log-summary.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "teapot-log-summary-private.h"

#define MAX_EXAMPLES 3
#define MAX_HEADERS 6
#define MAX_DETAILS 4
#define MAX_EXAMPLE_LENGTH 200
#define MAX_BUCKETS 512
/* Counts by sub-code are kept apart up to this many; past it (a hostile log) they join the
 * plain code's, so that memory stays bounded. */
#define MAX_SUBCODE_ROWS 4096

struct _TeapotLogSummary
{
  GObject parent_instance;

  TeapotLogFormat format;
  guint64 lines, unparsed, no_status, long_lines, total;
  guint64 format_lines[TEAPOT_N_LOG_FORMATS];
  char *damage;

  /* The hot path: one pointer per (context, code), no hashing. */
  TeapotLogCount *plain[TEAPOT_N_LOG_CONTEXTS][1000];
  GHashTable *by_subcode;     /* key (context, code, subcode) -> TeapotLogCount */
  GPtrArray *counts;          /* every TeapotLogCount, owned */
  guint64 upstream[1000];
  GPtrArray *upstream_counts;

  GHashTable *buckets;        /* start -> TeapotLogBucket */
  TeapotLogBucket *last_bucket;
  guint width;
  GArray *sorted_buckets;
};

G_DEFINE_FINAL_TYPE (TeapotLogSummary, teapot_log_summary, G_TYPE_OBJECT)

/* The bucket widths tried in turn as a log spans more time: a minute to a year. */
static const guint widths[] = { 60, 300, 900, 3600, 6 * 3600, 86400, 7 * 86400, 30 * 86400, 365 * 86400 };

static void
log_count_free (TeapotLogCount *count)
{
  g_free (count->id);
  g_clear_object (&count->entry);
  g_strfreev (count->alternatives);
  g_clear_pointer (&count->examples, g_ptr_array_unref);
  g_clear_pointer (&count->headers, g_ptr_array_unref);
  g_clear_pointer (&count->details, g_array_unref);
  g_free (count);
}

static TeapotLogCount *
log_count_new (guint            code,
               int              subcode,
               TeapotLogContext context)
{
  TeapotLogCount *count = g_new0 (TeapotLogCount, 1);

  count->code = code;
  count->subcode = subcode;
  count->context = context;
  count->id = subcode >= 0 ? g_strdup_printf ("%u.%d", code, subcode) : g_strdup_printf ("%u", code);
  count->examples = g_ptr_array_new_with_free_func (g_free);
  count->headers = g_ptr_array_new_with_free_func (g_free);
  count->details = g_array_new (FALSE, FALSE, sizeof (guint));
  return count;
}

static void
add_distinct (GPtrArray  *texts,
              guint       max,
              const char *text,
              gsize       length)
{
  g_autofree char *valid = NULL;

  if (texts->len >= max || length == 0)
    return;
  /* Logs hold anything: cut long ones and make them valid UTF-8 (for JSON and the view). */
  valid = g_utf8_make_valid (text, MIN (length, MAX_EXAMPLE_LENGTH));
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), valid))
      return;
  g_ptr_array_add (texts, g_steal_pointer (&valid));
}

/* "GET /path HTTP/1.1" -> "/path"; anything else is kept whole. */
static void
add_example (TeapotLogCount        *count,
             const TeapotLogRecord *record)
{
  const char *text = record->request;
  gsize length = record->request_length;

  if (record->request_line)
    {
      const char *first = memchr (text, ' ', length);
      const char *last = g_strrstr_len (text, length, " ");

      if (first != NULL && last != NULL && last > first)
        {
          length = last - first - 1;
          text = first + 1;
        }
    }
  add_distinct (count->examples, MAX_EXAMPLES, text, length);
}

static TeapotLogCount *
find_count (TeapotLogSummary *self,
            guint             code,
            int               subcode,
            TeapotLogContext  context)
{
  TeapotLogCount *count;
  gpointer key;

  g_assert (code < 1000 && context < TEAPOT_N_LOG_CONTEXTS);

  if (subcode < 0 || (g_hash_table_size (self->by_subcode) >= MAX_SUBCODE_ROWS))
    {
      if ((count = self->plain[context][code]) == NULL)
        {
          count = self->plain[context][code] = log_count_new (code, -1, context);
          g_ptr_array_add (self->counts, count);
        }
      return count;
    }

  key = GUINT_TO_POINTER ((context << 24) | ((guint) subcode << 10) | code);
  if ((count = g_hash_table_lookup (self->by_subcode, key)) == NULL)
    {
      count = log_count_new (code, subcode, context);
      g_hash_table_insert (self->by_subcode, key, count);
      g_ptr_array_add (self->counts, count);
    }
  return count;
}

/* The bucket that starts at @start, new and empty if there was none. */
static TeapotLogBucket *
bucket_at (TeapotLogSummary *self,
           gint64            start)
{
  TeapotLogBucket *bucket = g_hash_table_lookup (self->buckets, &start);

  if (bucket == NULL)
    {
      bucket = g_new0 (TeapotLogBucket, 1);
      bucket->start = start;
      g_hash_table_insert (self->buckets, &bucket->start, bucket);
    }
  return bucket;
}

/* Adds @from's counts to the bucket of the current width that holds its start. */
static void
add_bucket (TeapotLogSummary      *self,
            const TeapotLogBucket *from)
{
  TeapotLogBucket *into = bucket_at (self, from->start - from->start % self->width);

  for (guint c = 0; c < G_N_ELEMENTS (into->counts); c++)
    into->counts[c] += from->counts[c];
}

static void
rebucket (TeapotLogSummary *self)
{
  g_autoptr(GHashTable) old = g_steal_pointer (&self->buckets);
  GHashTableIter iter;
  TeapotLogBucket *bucket;
  guint wider = self->width * 2;

  /* One step wider at a time: the narrowest width that fits keeps the chart detailed. */
  for (guint i = G_N_ELEMENTS (widths); i > 0; i--)
    if (widths[i - 1] > self->width)
      wider = widths[i - 1];
  self->width = wider;

  self->buckets = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  self->last_bucket = NULL;
  g_hash_table_iter_init (&iter, old);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &bucket))
    add_bucket (self, bucket);
}

static void
count_time (TeapotLogSummary *self,
            gint64            time,
            guint             code)
{
  TeapotLogBucket *bucket = self->last_bucket;
  guint class = code >= 100 && code < 600 ? code / 100 : 0;

  /* Logs are in time order: almost every line falls in the bucket of the one before. */
  if (bucket == NULL || time < bucket->start || time >= bucket->start + self->width)
    {
      bucket = bucket_at (self, time - time % self->width);
      /* Only a new bucket grows the table, and rebucketing leaves it under the limit. */
      if (g_hash_table_size (self->buckets) > MAX_BUCKETS)
        {
          rebucket (self);
          count_time (self, time, code);
          return;
        }
      self->last_bucket = bucket;
    }
  bucket->counts[class]++;
}

void
_teapot_log_summary_add (TeapotLogSummary      *self,
                         const TeapotLogRecord *record)
{
  TeapotLogCount *count;

  if (record->code == 0 || record->code >= 1000)
    return;
  if (record->header != NULL)
    {
      count = find_count (self, record->code, record->subcode, record->context);
      add_distinct (count->headers, MAX_HEADERS, record->header, record->header_length);
      return;
    }

  /* The hot path: a plain code seen before is one array look-up. */
  count = record->subcode < 0 ? self->plain[record->context][record->code] : NULL;
  if (G_UNLIKELY (count == NULL))
    count = find_count (self, record->code, record->subcode, record->context);
  count->count++;
  self->total++;
  if (count->examples->len < MAX_EXAMPLES && record->request != NULL)
    add_example (count, record);
  if (record->detail != 0 && count->details->len < MAX_DETAILS)
    {
      gboolean seen = FALSE;

      for (guint i = 0; i < count->details->len; i++)
        seen |= g_array_index (count->details, guint, i) == record->detail;
      if (!seen)
        g_array_append_val (count->details, record->detail);
    }
  if (record->upstream != 0 && record->upstream < 1000)
    self->upstream[record->upstream]++;
  if (record->time > 0)
    {
      TeapotLogBucket *bucket = self->last_bucket;

      if (G_LIKELY (bucket != NULL && record->time >= bucket->start && record->time < bucket->start + self->width))
        bucket->counts[record->code / 100 < 6 ? record->code / 100 : 0]++;
      else
        count_time (self, record->time, record->code);
    }
}

void
_teapot_log_summary_add_format (TeapotLogSummary *self,
                                TeapotLogFormat   format)
{
  g_assert (format < TEAPOT_N_LOG_FORMATS);
  self->format_lines[format]++;
}

/* Adds a bucket of another summary; its start is on a grid of a width at most this one's. */
static void
merge_bucket (TeapotLogSummary      *self,
              const TeapotLogBucket *from)
{
  add_bucket (self, from);
  if (g_hash_table_size (self->buckets) > MAX_BUCKETS)
    rebucket (self);
}

void
_teapot_log_summary_merge (TeapotLogSummary *self,
                           TeapotLogSummary *other)
{
  GHashTableIter iter;
  TeapotLogBucket *bucket;

  g_return_if_fail (TEAPOT_IS_LOG_SUMMARY (self) && TEAPOT_IS_LOG_SUMMARY (other));

  /* In @other's order of first sight, so examples stay the first ones in the file. */
  for (guint i = 0; i < other->counts->len; i++)
    {
      TeapotLogCount *from = g_ptr_array_index (other->counts, i);
      TeapotLogCount *into = find_count (self, from->code, from->subcode, from->context);

      into->count += from->count;
      for (guint e = 0; e < from->examples->len; e++)
        add_distinct (into->examples, MAX_EXAMPLES, g_ptr_array_index (from->examples, e),
                      strlen (g_ptr_array_index (from->examples, e)));
      for (guint h = 0; h < from->headers->len; h++)
        add_distinct (into->headers, MAX_HEADERS, g_ptr_array_index (from->headers, h),
                      strlen (g_ptr_array_index (from->headers, h)));
      for (guint d = 0; d < from->details->len && into->details->len < MAX_DETAILS; d++)
        {
          guint detail = g_array_index (from->details, guint, d);
          gboolean seen = FALSE;

          for (guint k = 0; k < into->details->len; k++)
            seen |= g_array_index (into->details, guint, k) == detail;
          if (!seen)
            g_array_append_val (into->details, detail);
        }
    }
  self->total += other->total;
  for (guint f = 0; f < TEAPOT_N_LOG_FORMATS; f++)
    self->format_lines[f] += other->format_lines[f];
  for (guint code = 0; code < 1000; code++)
    self->upstream[code] += other->upstream[code];

  /* Both walk the same ladder of widths: widen to the wider, then add on that grid. */
  while (self->width < other->width)
    rebucket (self);
  g_hash_table_iter_init (&iter, other->buckets);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &bucket))
    merge_bucket (self, bucket);
  self->last_bucket = NULL;
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const TeapotLogCount *x = *(TeapotLogCount **) a, *y = *(TeapotLogCount **) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  if (x->code != y->code)
    return x->code < y->code ? -1 : 1;
  return x->subcode - y->subcode;
}

static int
compare_buckets (gconstpointer a,
                 gconstpointer b)
{
  const TeapotLogBucket *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

static void
sort_counts (TeapotLogSummary *self)
{
  /* Rows that only carried headers (a header before any count) are not statuses. */
  for (guint i = self->counts->len; i > 0; i--)
    if (((TeapotLogCount *) g_ptr_array_index (self->counts, i - 1))->count == 0)
      g_ptr_array_remove_index (self->counts, i - 1);
  g_ptr_array_sort (self->counts, compare_counts);
}

void
_teapot_log_summary_finish (TeapotLogSummary *self,
                            guint64           lines,
                            guint64           unparsed,
                            guint64           no_status,
                            guint64           long_lines,
                            const char       *damage)
{
  GHashTableIter iter;
  TeapotLogBucket *bucket;

  self->lines = lines;
  self->unparsed = unparsed;
  self->no_status = no_status;
  self->long_lines = long_lines;
  self->damage = g_strdup (damage);

  /* The plain pointers would dangle once rows are dropped or merged. */
  memset (self->plain, 0, sizeof self->plain);
  g_hash_table_steal_all (self->by_subcode);
  sort_counts (self);

  for (guint code = 0; code < 1000; code++)
    if (self->upstream[code] > 0)
      {
        TeapotLogCount *count = log_count_new (code, -1, TEAPOT_LOG_CONTEXT_NONE);

        count->count = self->upstream[code];
        g_ptr_array_add (self->upstream_counts, count);
      }
  g_ptr_array_sort (self->upstream_counts, compare_counts);

  g_hash_table_iter_init (&iter, self->buckets);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &bucket))
    g_array_append_val (self->sorted_buckets, *bucket);
  g_array_sort (self->sorted_buckets, compare_buckets);
  g_hash_table_remove_all (self->buckets);
  self->last_bucket = NULL;
}

static void
teapot_log_summary_finalize (GObject *object)
{
  TeapotLogSummary *self = TEAPOT_LOG_SUMMARY (object);

  g_hash_table_unref (self->by_subcode);
  g_ptr_array_unref (self->counts);
  g_ptr_array_unref (self->upstream_counts);
  g_hash_table_unref (self->buckets);
  g_array_unref (self->sorted_buckets);
  g_free (self->damage);

  G_OBJECT_CLASS (teapot_log_summary_parent_class)->finalize (object);
}

static void
teapot_log_summary_class_init (TeapotLogSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = teapot_log_summary_finalize;
}

static void
teapot_log_summary_init (TeapotLogSummary *self)
{
  self->by_subcode = g_hash_table_new (NULL, NULL);
  self->counts = g_ptr_array_new_with_free_func ((GDestroyNotify) log_count_free);
  self->upstream_counts = g_ptr_array_new_with_free_func ((GDestroyNotify) log_count_free);
  self->buckets = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  self->sorted_buckets = g_array_new (FALSE, FALSE, sizeof (TeapotLogBucket));
  self->width = widths[0];
}

TeapotLogSummary *
_teapot_log_summary_new (TeapotLogFormat format)
{
  TeapotLogSummary *self = g_object_new (TEAPOT_TYPE_LOG_SUMMARY, NULL);

  self->format = format;
  return self;
}

TeapotLogFormat
teapot_log_summary_get_format (TeapotLogSummary *self)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_SUMMARY (self), TEAPOT_LOG_FORMAT_UNKNOWN);
  return self->format;
}

guint64
teapot_log_summary_get_lines (TeapotLogSummary *self)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_SUMMARY (self), 0);
  return self->lines;
}

guint64
teapot_log_summary_get_unparsed (TeapotLogSummary *self)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_SUMMARY (self), 0);
  return self->unparsed;
}

guint64
teapot_log_summary_get_no_status (TeapotLogSummary *self)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_SUMMARY (self), 0);
  return self->no_status;
}

guint64
teapot_log_summary_get_long_lines (TeapotLogSummary *self)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_SUMMARY (self), 0);
  return self->long_lines;
}

guint64
teapot_log_summary_get_total (TeapotLogSummary *self)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_SUMMARY (self), 0);
  return self->total;
}

const char *
teapot_log_summary_get_damage (TeapotLogSummary *self)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_SUMMARY (self), NULL);
  return self->damage;
}

guint64
teapot_log_summary_get_format_lines (TeapotLogSummary *self,
                                     TeapotLogFormat   format)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_SUMMARY (self), 0);
  g_return_val_if_fail (format < TEAPOT_N_LOG_FORMATS, 0);
  return self->format_lines[format];
}

GPtrArray *
teapot_log_summary_get_counts (TeapotLogSummary *self)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_SUMMARY (self), NULL);
  return self->counts;
}

GPtrArray *
teapot_log_summary_get_upstream (TeapotLogSummary *self)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_SUMMARY (self), NULL);
  return self->upstream_counts;
}

GArray *
teapot_log_summary_get_buckets (TeapotLogSummary *self,
                                guint            *width)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_SUMMARY (self), NULL);
  if (width != NULL)
    *width = self->width;
  return self->sorted_buckets;
}

static TeapotEntry *
lookup (TeapotStore *store,
        const char  *format,
        ...) G_GNUC_PRINTF (2, 3);

static TeapotEntry *
lookup (TeapotStore *store,
        const char  *format,
        ...)
{
  g_autofree char *id = NULL;
  va_list args;

  va_start (args, format);
  id = g_strdup_vprintf (format, args);
  va_end (args);
  return teapot_store_lookup_id (store, id);
}

static void
resolve_count (TeapotLogCount *count,
               TeapotStore    *store)
{
  const char *vendor = teapot_log_context_get_vendor (count->context);
  TeapotEntry *entry = NULL;

  /* Sub-code entries ("500.19-iis") are looked up by id at run time: the dataset gains
   * them over time, and a sub-code it does not have falls back to the plain code. */
  if (vendor != NULL && count->subcode >= 0)
    entry = lookup (store, "%u.%d-%s", count->code, count->subcode, vendor);
  if (entry == NULL && vendor != NULL)
    entry = lookup (store, "%u-%s", count->code, vendor);
  if (entry == NULL)
    entry = lookup (store, "%u", count->code);
  if (entry == NULL)
    {
      /* The log does not say whose: one meaning is the meaning; several are listed. */
      g_autoptr(GPtrArray) found = teapot_store_lookup_code (store, count->code);

      if (found->len == 1)
        entry = g_object_ref (g_ptr_array_index (found, 0));
      else if (found->len > 1)
        {
          count->alternatives = g_new0 (char *, found->len + 1);
          for (guint i = 0; i < found->len; i++)
            count->alternatives[i] = g_strdup (teapot_entry_get_id (g_ptr_array_index (found, i)));
        }
    }

  g_clear_object (&count->entry);
  count->entry = entry;
  g_free (count->id);
  count->id = entry != NULL ? g_strdup (teapot_entry_get_id (entry)) : g_strdup_printf ("%u", count->code);
}

static void
merge_into (TeapotLogCount *into,
            TeapotLogCount *from)
{
  into->count += from->count;
  for (guint i = 0; i < from->examples->len; i++)
    {
      const char *text = g_ptr_array_index (from->examples, i);

      add_distinct (into->examples, MAX_EXAMPLES, text, strlen (text));
    }
  for (guint i = 0; i < from->headers->len; i++)
    {
      const char *text = g_ptr_array_index (from->headers, i);

      add_distinct (into->headers, MAX_HEADERS, text, strlen (text));
    }
  for (guint i = 0; i < from->details->len && into->details->len < MAX_DETAILS; i++)
    g_array_append_val (into->details, g_array_index (from->details, guint, i));
  if (into->subcode != from->subcode)
    into->subcode = -1;
}

void
teapot_log_summary_resolve (TeapotLogSummary *self,
                            TeapotStore      *store)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (TEAPOT_IS_LOG_SUMMARY (self));
  g_return_if_fail (TEAPOT_IS_STORE (store));

  /* Most frequent first, so a merge keeps the bigger row and its examples. */
  for (guint i = 0; i < self->counts->len;)
    {
      TeapotLogCount *count = g_ptr_array_index (self->counts, i);
      TeapotLogCount *same;

      resolve_count (count, store);
      if ((same = g_hash_table_lookup (by_id, count->id)) != NULL)
        {
          merge_into (same, count);
          g_ptr_array_remove_index (self->counts, i);
          continue;
        }
      g_hash_table_insert (by_id, count->id, count);
      i++;
    }
  g_ptr_array_sort (self->counts, compare_counts);
}
