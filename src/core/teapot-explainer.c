/* teapot-explainer.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "teapot-explainer-private.h"
#include "teapot-log-json-private.h"
#include "teapot-log-parser.h"
#include "teapot-log-summary-private.h"

/* How many lines pass between looks at the cancellable. */
#define CHECK_EVERY 4096

struct _TeapotExplainer
{
  GObject parent_instance;

  GFile *file;
  TeapotLogReader *reader;
  gboolean started;

  /* Written by the worker, read by the caller's thread (64-bit: no atomics for them). */
  GMutex lock;
  guint64 bytes_read;
  guint64 first_bytes_read, second_bytes_read;  /* the two halves of a file that is cut */
  gint64 size;
  gint notify_pending;
  GMainContext *context;     /* where progress is notified; NULL for a synchronous run */

  /* Below this size a file is read on one thread; where to cut it (0: the middle). */
  goffset split_min;
  goffset split_at;
};

G_DEFINE_FINAL_TYPE (TeapotExplainer, teapot_explainer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BYTES_READ,
  PROP_SIZE,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
notify_progress (gpointer data)
{
  TeapotExplainer *self = data;

  g_atomic_int_set (&self->notify_pending, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYTES_READ]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  return G_SOURCE_REMOVE;
}

static void
report_progress (TeapotLogReader *reader,
                 gpointer         user_data)
{
  TeapotExplainer *self = user_data;

  /* Called on the thread of @reader: each reads only its own count. */
  g_mutex_lock (&self->lock);
  if (reader == self->reader)
    self->first_bytes_read = teapot_log_reader_get_bytes_read (reader);
  else
    self->second_bytes_read = teapot_log_reader_get_bytes_read (reader);
  self->bytes_read = self->first_bytes_read + self->second_bytes_read;
  g_mutex_unlock (&self->lock);
  /* One notification in flight at most: a fast reader must not flood the main loop. */
  if (self->context != NULL && g_atomic_int_compare_and_exchange (&self->notify_pending, 0, 1))
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT_IDLE, notify_progress,
                                g_object_ref (self), g_object_unref);
}

static void
add_har_record (const TeapotLogRecord *record,
                gpointer               user_data)
{
  _teapot_log_summary_add (user_data, record);
}

static TeapotLogSummary *
explain_har (TeapotExplainer  *self,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(GBytes) data = teapot_log_reader_read_all (self->reader, TEAPOT_EXPLAINER_MAX_HAR, cancellable, error);
  g_autoptr(TeapotLogSummary) summary = _teapot_log_summary_new (TEAPOT_LOG_FORMAT_HAR);
  guint64 no_status;
  gint64 entries;

  if (data == NULL)
    {
      if (error != NULL && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_prefix_error (error, _("a HAR file %s: "), teapot_log_format_get_name (TEAPOT_LOG_FORMAT_HAR));
      return NULL;
    }
  entries = _teapot_log_scan_har (data, add_har_record, summary, cancellable, error);
  if (entries < 0)
    return NULL;
  no_status = entries - MIN ((guint64) entries, teapot_log_summary_get_total (summary));
  _teapot_log_summary_finish (summary, entries, 0, no_status, 0, teapot_log_reader_get_damage (self->reader));
  return g_steal_pointer (&summary);
}

/* A line the detected format does not know, tried as every other line format: a file
 * that mixes formats is counted and reported, not half-ignored. The pasted-response
 * format is left out, as it takes any text after a status line for headers and body. */
static TeapotLogLine
parse_other (GPtrArray       *others,
             const char      *line,
             gsize            length,
             TeapotLogRecord *record,
             TeapotLogFormat *format)
{
  for (guint i = 0; i < others->len; i++)
    {
      TeapotLogParser *parser = g_ptr_array_index (others, i);

      if (teapot_log_parser_get_format (parser) == TEAPOT_LOG_FORMAT_JSON_LINES && line[0] != '{')
        continue;
      if (teapot_log_parser_parse (parser, line, length, record) == TEAPOT_LOG_LINE_STATUS)
        {
          *format = teapot_log_parser_get_format (parser);
          return TEAPOT_LOG_LINE_STATUS;
        }
    }
  return TEAPOT_LOG_LINE_UNKNOWN;
}

/* What one reading loop found, besides the counts in its summary. */
typedef struct
{
  TeapotLogReader *reader;
  TeapotLogFormat format;
  GCancellable *cancellable;
  TeapotLogSummary *summary;
  guint64 lines, unparsed, no_status;
  GError *error;
} TeapotScan;

static void
scan_lines (TeapotScan *scan)
{
  g_autoptr(TeapotLogSummary) summary = _teapot_log_summary_new (scan->format);
  g_autoptr(TeapotLogParser) parser = teapot_log_parser_new (scan->format);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_log_parser_free);
  guint64 lines = 0, unparsed = 0, no_status = 0;
  const char *line;
  gsize length;

  for (TeapotLogFormat f = TEAPOT_LOG_FORMAT_INGRESS_NGINX; f < TEAPOT_LOG_FORMAT_HTTP_RESPONSE; f++)
    if (f != scan->format)
      g_ptr_array_add (others, teapot_log_parser_new (f));

  while ((line = teapot_log_reader_next_line (scan->reader, &length, scan->cancellable, &scan->error)) != NULL)
    {
      TeapotLogRecord record;
      TeapotLogFormat other;

      /* Reads check the cancellable too, also inside a line of gigabytes. */
      if (++lines % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (scan->cancellable, &scan->error))
        return;
      if (length == 0)
        continue;

      switch (teapot_log_parser_parse (parser, line, length, &record))
        {
        case TEAPOT_LOG_LINE_STATUS:
          _teapot_log_summary_add (summary, &record);
          break;
        case TEAPOT_LOG_LINE_OTHER:
          if (record.header != NULL)
            _teapot_log_summary_add (summary, &record);
          no_status++;
          break;
        case TEAPOT_LOG_LINE_UNKNOWN:
        default:
          if (parse_other (others, line, length, &record, &other) == TEAPOT_LOG_LINE_STATUS)
            {
              _teapot_log_summary_add (summary, &record);
              _teapot_log_summary_add_format (summary, other);
            }
          else
            unparsed++;
          break;
        }
    }
  if (scan->error == NULL)
    {
      scan->summary = g_steal_pointer (&summary);
      scan->lines = lines;
      scan->unparsed = unparsed;
      scan->no_status = no_status;
    }
}

static gpointer
scan_lines_thread (gpointer data)
{
  scan_lines (data);
  return NULL;
}

/* Formats whose lines can be read in any order: IIS's #Fields and a response's headers
 * depend on the lines before them. */
static gboolean
can_split (TeapotLogFormat format)
{
  return format != TEAPOT_LOG_FORMAT_IIS && format != TEAPOT_LOG_FORMAT_HTTP_RESPONSE;
}

/* A large plain file is read as two halves on two threads, merged in file order: reading
 * one alone runs at about a third of the speed the page cache hands out bytes, and the
 * budget is twice `wc -l`'s time (DESIGN.md). */
static TeapotLogSummary *
explain_lines (TeapotExplainer  *self,
               TeapotLogFormat   format,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autoptr(TeapotLogReader) second_reader = NULL;
  TeapotScan first = { self->reader, format, cancellable, NULL, 0, 0, 0, NULL };
  TeapotScan second = { NULL, format, cancellable, NULL, 0, 0, 0, NULL };
  GThread *thread = NULL;
  g_autoptr(TeapotLogSummary) summary = NULL;

  if (can_split (format) && g_get_num_processors () > 1
      && (second_reader = teapot_log_reader_split (self->reader, self->split_min, self->split_at,
                                                   cancellable, error)) == NULL
      && error != NULL && *error != NULL)
    return NULL;
  if (second_reader != NULL)
    {
      second.reader = second_reader;
      teapot_log_reader_set_progress (second_reader, report_progress, self);
      thread = g_thread_new ("teapot-explain", scan_lines_thread, &second);
    }
  scan_lines (&first);
  if (thread != NULL)
    g_thread_join (thread);

  summary = first.summary;
  if (first.error != NULL || second.error != NULL)
    {
      g_clear_object (&second.summary);
      g_propagate_error (error, first.error != NULL ? first.error : second.error);
      g_clear_error (first.error != NULL ? &second.error : &first.error);
      return NULL;
    }
  if (second.summary != NULL)
    {
      _teapot_log_summary_merge (summary, second.summary);
      g_object_unref (second.summary);
    }
  _teapot_log_summary_finish (summary, first.lines + second.lines, first.unparsed + second.unparsed,
                              first.no_status + second.no_status,
                              teapot_log_reader_get_long_lines (self->reader)
                                + (second_reader != NULL ? teapot_log_reader_get_long_lines (second_reader) : 0),
                              teapot_log_reader_get_damage (self->reader));
  return g_steal_pointer (&summary);
}

static void
teapot_explainer_finalize (GObject *object)
{
  TeapotExplainer *self = TEAPOT_EXPLAINER (object);

  g_clear_object (&self->file);
  /* The reader may outlive us (its creator holds it): it must not call back. */
  if (self->reader != NULL)
    teapot_log_reader_set_progress (self->reader, NULL, NULL);
  g_clear_object (&self->reader);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (teapot_explainer_parent_class)->finalize (object);
}

static void
teapot_explainer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TeapotExplainer *self = TEAPOT_EXPLAINER (object);

  switch (prop_id)
    {
    case PROP_BYTES_READ:
      g_value_set_uint64 (value, teapot_explainer_get_bytes_read (self));
      break;
    case PROP_SIZE:
      g_value_set_int64 (value, teapot_explainer_get_size (self));
      break;
    case PROP_FRACTION:
      g_value_set_double (value, teapot_explainer_get_fraction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_explainer_class_init (TeapotExplainerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = teapot_explainer_finalize;
  object_class->get_property = teapot_explainer_get_property;

  properties[PROP_BYTES_READ] =
    g_param_spec_uint64 ("bytes-read", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, -1, 1, -1,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
teapot_explainer_init (TeapotExplainer *self)
{
  g_mutex_init (&self->lock);
  self->size = -1;
  self->split_min = 64 * 1024 * 1024;
}

void
_teapot_explainer_set_split (TeapotExplainer *self,
                             goffset          min_size,
                             goffset          at)
{
  g_return_if_fail (TEAPOT_IS_EXPLAINER (self));
  self->split_min = min_size;
  self->split_at = at;
}

TeapotExplainer *
teapot_explainer_new (TeapotLogReader *reader)
{
  TeapotExplainer *self;

  g_return_val_if_fail (TEAPOT_IS_LOG_READER (reader), NULL);

  self = g_object_new (TEAPOT_TYPE_EXPLAINER, NULL);
  self->reader = g_object_ref (reader);
  return self;
}

TeapotExplainer *
teapot_explainer_new_for_file (GFile *file)
{
  TeapotExplainer *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (TEAPOT_TYPE_EXPLAINER, NULL);
  self->file = g_object_ref (file);
  return self;
}

TeapotLogSummary *
teapot_explainer_run (TeapotExplainer  *self,
                      GCancellable     *cancellable,
                      GError          **error)
{
  const char *start;
  gsize length;
  TeapotLogFormat format;

  g_return_val_if_fail (TEAPOT_IS_EXPLAINER (self), NULL);
  g_return_val_if_fail (!self->started, NULL);

  self->started = TRUE;
  if (self->reader == NULL
      && (self->reader = teapot_log_reader_new_for_file (self->file, cancellable, error)) == NULL)
    return NULL;
  g_mutex_lock (&self->lock);
  self->size = teapot_log_reader_get_size (self->reader);
  g_mutex_unlock (&self->lock);
  teapot_log_reader_set_progress (self->reader, report_progress, self);

  if (!teapot_log_reader_peek (self->reader, &start, &length, cancellable, error))
    return NULL;
  format = teapot_log_detect (start, length, error);
  if (format == TEAPOT_LOG_FORMAT_UNKNOWN)
    return NULL;
  if (format == TEAPOT_LOG_FORMAT_HAR)
    return explain_har (self, cancellable, error);
  return explain_lines (self, format, cancellable, error);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  TeapotLogSummary *summary = teapot_explainer_run (source_object, cancellable, &error);

  if (summary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summary, g_object_unref);
}

void
teapot_explainer_run_async (TeapotExplainer     *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TEAPOT_IS_EXPLAINER (self));
  g_return_if_fail (!self->started);

  self->context = g_main_context_ref_thread_default ();
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, teapot_explainer_run_async);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_in_thread);
}

TeapotLogSummary *
teapot_explainer_run_finish (TeapotExplainer  *self,
                             GAsyncResult     *result,
                             GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

guint64
teapot_explainer_get_bytes_read (TeapotExplainer *self)
{
  guint64 bytes_read;

  g_return_val_if_fail (TEAPOT_IS_EXPLAINER (self), 0);
  g_mutex_lock (&self->lock);
  bytes_read = self->bytes_read;
  g_mutex_unlock (&self->lock);
  return bytes_read;
}

gint64
teapot_explainer_get_size (TeapotExplainer *self)
{
  gint64 size;

  g_return_val_if_fail (TEAPOT_IS_EXPLAINER (self), -1);
  g_mutex_lock (&self->lock);
  size = self->size;
  g_mutex_unlock (&self->lock);
  return size;
}

double
teapot_explainer_get_fraction (TeapotExplainer *self)
{
  gint64 size = teapot_explainer_get_size (self);

  return size > 0 ? MIN (1.0, (double) teapot_explainer_get_bytes_read (self) / size) : -1;
}
