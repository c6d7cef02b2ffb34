/* teapot-log-reader.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The longest line handed out whole; the rest of a longer line is skipped (and counted). */
#define TEAPOT_LOG_READER_MAX_LINE (64 * 1024)
/* What teapot_log_reader_peek() shows of the start of the input. */
#define TEAPOT_LOG_READER_PEEK_SIZE (64 * 1024)

#define TEAPOT_TYPE_LOG_READER (teapot_log_reader_get_type ())

G_DECLARE_FINAL_TYPE (TeapotLogReader, teapot_log_reader, TEAPOT, LOG_READER, GObject)

/* @size: the stream's length in bytes for progress, or -1 when unknown. A gzip stream
 * (found by its magic bytes) is decompressed on the fly. */
TeapotLogReader *teapot_log_reader_new             (GInputStream     *stream,
                                                    goffset           size);
/* "-" is standard input. Fails with a GIOError naming the file when it cannot be opened. */
TeapotLogReader *teapot_log_reader_new_for_path    (const char       *path,
                                                    GError          **error);
TeapotLogReader *teapot_log_reader_new_for_file    (GFile            *file,
                                                    GCancellable     *cancellable,
                                                    GError          **error);

/* The first bytes of the (decompressed) input, without consuming them. */
gboolean         teapot_log_reader_peek            (TeapotLogReader  *self,
                                                    const char      **data,
                                                    gsize            *length,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
/* The next line without its end of line ("\n" or "\r\n"), valid until the next call; NULL
 * at the end of the input or on error (then @error is set). Lines longer than
 * TEAPOT_LOG_READER_MAX_LINE are cut there. */
const char      *teapot_log_reader_next_line       (TeapotLogReader  *self,
                                                    gsize            *length,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
/* The whole (decompressed) input from its start, when it is at most @max_size bytes; only
 * before the first teapot_log_reader_next_line(). */
GBytes          *teapot_log_reader_read_all        (TeapotLogReader  *self,
                                                    gsize             max_size,
                                                    GCancellable     *cancellable,
                                                    GError          **error);

/* Called on the reading thread after each read from the input (every 256 KiB or so), also
 * in the middle of a long line: for progress that never stalls. */
typedef void (*TeapotLogReaderProgress) (TeapotLogReader *reader, gpointer user_data);

void             teapot_log_reader_set_progress    (TeapotLogReader         *self,
                                                    TeapotLogReaderProgress  func,
                                                    gpointer                 user_data);

gboolean         teapot_log_reader_is_compressed   (TeapotLogReader  *self);
/* Bytes of the input (compressed bytes for a gzip file) read so far, and the total or -1. */
guint64          teapot_log_reader_get_bytes_read  (TeapotLogReader  *self);
goffset          teapot_log_reader_get_size        (TeapotLogReader  *self);
/* How many lines were cut at TEAPOT_LOG_READER_MAX_LINE. */
guint64          teapot_log_reader_get_long_lines  (TeapotLogReader  *self);
/* Why the input ended early (a truncated or damaged gzip stream), or NULL. The lines before
 * the damage were handed out. */
const char      *teapot_log_reader_get_damage      (TeapotLogReader  *self);

/* For reading a large plain file on two threads: after peek and before the first line,
 * cuts the input at @at (the middle when @at is 0 or out of range) and returns a reader for
 * the lines that start from there on; @self then stops before them. NULL (and no error)
 * when the input cannot be cut: standard input, gzip, smaller than @min_size bytes. */
TeapotLogReader *teapot_log_reader_split           (TeapotLogReader  *self,
                                                    goffset           min_size,
                                                    goffset           at,
                                                    GCancellable     *cancellable,
                                                    GError          **error);

G_END_DECLS
