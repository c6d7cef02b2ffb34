/* teapot-log-reader.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gunixinputstream.h>
#include <string.h>
#include <sys/stat.h>

#include "teapot-log-reader.h"
#include "teapot-gzip-members.h"

/* Lines are cut out of one large buffer with memchr() rather than read through
 * GDataInputStream: read_line() copies every line into a fresh allocation and looks at the
 * bytes one at a time, which alone takes longer than the whole budget for a 500 MB log
 * (DESIGN.md). Here a line is a pointer into the buffer, and the buffer is refilled with
 * one read() of 256 KiB, small enough to stay in the cache while it is scanned. A line
 * never grows the buffer: past TEAPOT_LOG_READER_MAX_LINE the rest of it is skipped, so
 * memory stays the same whatever the input. */
#define READ_SIZE (256 * 1024)
#define BUFFER_SIZE (READ_SIZE + TEAPOT_LOG_READER_MAX_LINE)

struct _TeapotLogReader
{
  GObject parent_instance;

  GInputStream *base;
  GInputStream *stream;   /* what lines are read from: base, buffered or decompressed */
  GFile *file;            /* where base came from, when it is a file: to read it twice */
  goffset size;
  goffset limit;          /* lines starting at or past this offset are another reader's */
  gboolean opened;
  gboolean compressed;
  gboolean lines_started;

  char *buffer;
  gsize start;
  gsize end;
  gboolean eof;
  gboolean skipping;      /* inside a line that was cut */

  guint64 bytes_read;
  guint64 long_lines;
  char *damage;

  TeapotLogReaderProgress progress;
  gpointer progress_data;
};

G_DEFINE_FINAL_TYPE (TeapotLogReader, teapot_log_reader, G_TYPE_OBJECT)

static gboolean
ensure_open (TeapotLogReader  *self,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(GInputStream) buffered = NULL;
  const guint8 *magic;
  gsize available = 0;

  if (self->opened)
    return TRUE;
  self->opened = TRUE;

  /* Only the two magic bytes of gzip decide: a file name can lie, and standard input has
   * none. A buffered stream lets them be looked at without losing them. */
  buffered = g_buffered_input_stream_new_sized (self->base, 64 * 1024);
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (buffered), FALSE);
  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 2, cancellable, error) < 0)
    return FALSE;
  magic = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &available);
  if (available >= 2 && magic[0] == 0x1f && magic[1] == 0x8b)
    {
      g_autoptr(TeapotGzipMembers) decompressor = teapot_gzip_members_new ();

      self->compressed = TRUE;
      self->stream = g_converter_input_stream_new (buffered, G_CONVERTER (decompressor));
    }
  else
    self->stream = g_steal_pointer (&buffered);
  return TRUE;
}

static void
count_bytes (TeapotLogReader *self,
             gsize            decompressed)
{
  /* Progress is measured against the file's size, so for gzip it is the position in the
   * compressed file (the buffered stream reads ahead by at most its 64 KiB). */
  if (self->compressed && G_IS_SEEKABLE (self->base) && g_seekable_can_seek (G_SEEKABLE (self->base)))
    self->bytes_read = g_seekable_tell (G_SEEKABLE (self->base));
  else
    self->bytes_read += decompressed;
}

/* Reads more input after what is buffered; sets eof at the end. A damaged gzip stream is
 * the end too, with the reason kept: the lines before it are still worth explaining. */
static gboolean
fill (TeapotLogReader  *self,
      gsize             want,
      GCancellable     *cancellable,
      GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize n;

  if (!ensure_open (self, cancellable, error))
    return FALSE;

  if (self->start > 0)
    {
      memmove (self->buffer, self->buffer + self->start, self->end - self->start);
      self->end -= self->start;
      self->start = 0;
    }
  g_assert (self->end < BUFFER_SIZE);

  n = g_input_stream_read (self->stream, self->buffer + self->end, MIN (want, BUFFER_SIZE - self->end),
                           cancellable, &local_error);
  if (n < 0)
    {
      if (self->compressed && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && (local_error->domain == G_IO_ERROR
              && (local_error->code == G_IO_ERROR_PARTIAL_INPUT || local_error->code == G_IO_ERROR_INVALID_DATA)))
        {
          self->damage = g_strdup_printf (_("the gzip data ends early or is damaged (%s)"), local_error->message);
          self->eof = TRUE;
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (n == 0)
    self->eof = TRUE;
  self->end += n;
  count_bytes (self, n);
  if (self->progress != NULL)
    self->progress (self, self->progress_data);
  return TRUE;
}

static void
teapot_log_reader_finalize (GObject *object)
{
  TeapotLogReader *self = TEAPOT_LOG_READER (object);

  g_clear_object (&self->stream);
  g_clear_object (&self->base);
  g_clear_object (&self->file);
  g_free (self->buffer);
  g_free (self->damage);

  G_OBJECT_CLASS (teapot_log_reader_parent_class)->finalize (object);
}

static void
teapot_log_reader_class_init (TeapotLogReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = teapot_log_reader_finalize;
}

static void
teapot_log_reader_init (TeapotLogReader *self)
{
  self->buffer = g_malloc (BUFFER_SIZE);
  self->size = -1;
  self->limit = -1;
}

TeapotLogReader *
teapot_log_reader_new (GInputStream *stream,
                       goffset       size)
{
  TeapotLogReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (TEAPOT_TYPE_LOG_READER, NULL);
  self->base = g_object_ref (stream);
  self->size = size;
  return self;
}

TeapotLogReader *
teapot_log_reader_new_for_file (GFile         *file,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  TeapotLogReader *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  self = teapot_log_reader_new (G_INPUT_STREAM (stream),
                                info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
                                  ? g_file_info_get_size (info) : -1);
  self->file = g_object_ref (file);
  return self;
}

TeapotLogReader *
teapot_log_reader_new_for_path (const char  *path,
                                GError     **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_equal (path, "-"))
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
      struct stat st;

      /* "teapot --explain=- < file" still shows progress. */
      return teapot_log_reader_new (in, fstat (0, &st) == 0 && S_ISREG (st.st_mode) ? st.st_size : -1);
    }

  file = g_file_new_for_commandline_arg (path);
  return teapot_log_reader_new_for_file (file, NULL, error);
}

gboolean
teapot_log_reader_peek (TeapotLogReader  *self,
                        const char      **data,
                        gsize            *length,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_READER (self), FALSE);
  g_return_val_if_fail (!self->lines_started, FALSE);

  while (!self->eof && self->end - self->start < TEAPOT_LOG_READER_PEEK_SIZE)
    if (!fill (self, TEAPOT_LOG_READER_PEEK_SIZE, cancellable, error))
      return FALSE;

  *data = self->buffer + self->start;
  *length = MIN (self->end - self->start, TEAPOT_LOG_READER_PEEK_SIZE);
  return TRUE;
}

/* Where @p, in the buffer, is in the input (uncompressed input only). */
static inline goffset
offset_of (TeapotLogReader *self,
           const char      *p)
{
  return (goffset) self->bytes_read - (goffset) (self->end - (p - self->buffer));
}

static const char *
hand_out (TeapotLogReader *self,
          const char      *line,
          gsize            length,
          gsize           *out_length)
{
  if (length > TEAPOT_LOG_READER_MAX_LINE)
    {
      self->long_lines++;
      length = TEAPOT_LOG_READER_MAX_LINE;
    }
  else if (length > 0 && line[length - 1] == '\r')
    length--;
  *out_length = length;
  return line;
}

const char *
teapot_log_reader_next_line (TeapotLogReader  *self,
                             gsize            *length,
                             GCancellable     *cancellable,
                             GError          **error)
{
  /* Called once a line: no type check here (DESIGN.md's speed budget), only a NULL check. */
  g_return_val_if_fail (self != NULL, NULL);

  self->lines_started = TRUE;
  for (;;)
    {
      char *line = self->buffer + self->start;
      gsize available = self->end - self->start;
      char *newline = available > 0 ? memchr (line, '\n', available) : NULL;

      if (self->skipping)
        {
          /* The rest of a line that was cut: drop it, whatever its length. */
          self->start = newline != NULL ? (gsize) (newline + 1 - self->buffer) : self->end;
          self->skipping = newline == NULL;
          if (!self->skipping)
            continue;
        }
      else if (G_UNLIKELY (self->limit >= 0 && offset_of (self, line) >= self->limit))
        {
          /* The rest is the second reader's (teapot_log_reader_split()). */
          self->eof = TRUE;
          self->start = self->end;
          return NULL;
        }
      else if (newline != NULL)
        {
          self->start = newline + 1 - self->buffer;
          return hand_out (self, line, newline - line, length);
        }
      else if (available >= TEAPOT_LOG_READER_MAX_LINE)
        {
          /* A line with no end in sight: hand out its start, skip the rest. */
          self->start = self->end;
          self->skipping = TRUE;
          return hand_out (self, line, available, length);
        }
      else if (self->eof)
        {
          if (available == 0)
            return NULL;
          self->start = self->end;
          return hand_out (self, line, available, length);
        }

      if (self->eof)
        return NULL;
      if (!fill (self, READ_SIZE, cancellable, error))
        return NULL;
    }
}

GBytes *
teapot_log_reader_read_all (TeapotLogReader  *self,
                            gsize             max_size,
                            GCancellable     *cancellable,
                            GError          **error)
{
  g_autoptr(GByteArray) all = g_byte_array_new ();

  g_return_val_if_fail (TEAPOT_IS_LOG_READER (self), NULL);
  g_return_val_if_fail (!self->lines_started, NULL);

  self->lines_started = TRUE;
  for (;;)
    {
      g_byte_array_append (all, (guint8 *) self->buffer + self->start, self->end - self->start);
      self->start = self->end;
      if (all->len > max_size)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("larger than the %u MB that are read whole"), (guint) (max_size / (1024 * 1024)));
          return NULL;
        }
      if (self->eof)
        break;
      if (!fill (self, READ_SIZE, cancellable, error))
        return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&all));
}

void
teapot_log_reader_set_progress (TeapotLogReader         *self,
                                TeapotLogReaderProgress  func,
                                gpointer                 user_data)
{
  g_return_if_fail (TEAPOT_IS_LOG_READER (self));

  self->progress = func;
  self->progress_data = user_data;
}

gboolean
teapot_log_reader_is_compressed (TeapotLogReader *self)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_READER (self), FALSE);
  return self->compressed;
}

guint64
teapot_log_reader_get_bytes_read (TeapotLogReader *self)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_READER (self), 0);
  return self->bytes_read;
}

goffset
teapot_log_reader_get_size (TeapotLogReader *self)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_READER (self), -1);
  return self->size;
}

guint64
teapot_log_reader_get_long_lines (TeapotLogReader *self)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_READER (self), 0);
  return self->long_lines;
}

const char *
teapot_log_reader_get_damage (TeapotLogReader *self)
{
  g_return_val_if_fail (TEAPOT_IS_LOG_READER (self), NULL);
  return self->damage;
}

TeapotLogReader *
teapot_log_reader_split (TeapotLogReader  *self,
                         goffset           min_size,
                         goffset           at,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(TeapotLogReader) second = NULL;

  g_return_val_if_fail (TEAPOT_IS_LOG_READER (self), NULL);
  g_return_val_if_fail (!self->lines_started, NULL);

  /* Only a plain file read from its start can be cut: a gzip stream has no place to
   * start in the middle, and a pipe can be read once. */
  if (self->file == NULL || !self->opened || self->compressed || self->size < min_size
      || self->size < 2 || self->bytes_read != (guint64) (self->end - self->start))
    return NULL;
  if (at <= 0 || at >= self->size)
    at = self->size / 2;

  stream = g_file_read (self->file, cancellable, error);
  if (stream == NULL || !g_seekable_seek (G_SEEKABLE (stream), at - 1, G_SEEK_SET, cancellable, error))
    return NULL;

  /* The second reader starts one byte early and drops everything up to the first end of
   * line: that is the byte before @at when a line starts at @at, else the end of the line
   * the first reader finishes. Either way a line belongs to the reader it starts in. */
  second = teapot_log_reader_new (G_INPUT_STREAM (stream), self->size - (at - 1));
  second->stream = g_object_ref (second->base);
  second->opened = TRUE;
  second->lines_started = TRUE;
  second->skipping = TRUE;
  self->limit = at;
  return g_steal_pointer (&second);
}
