/* teapot-log-parser.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "teapot-log-format.h"

G_BEGIN_DECLS

/* What one line said. Spans point into the line and live as long as it does. */
typedef struct
{
  guint code;                /* the status the client got, 0 when the line has none */
  int subcode;               /* IIS sc-substatus, -1 when none */
  guint upstream;            /* the status of the server behind (ALB target, ingress
                              * upstream, Cloudflare origin), 0 when none */
  guint detail;              /* IIS sc-win32-status, 0 when none */
  gint64 time;               /* seconds since 1970 (UTC), 0 when unknown */
  TeapotLogContext context;
  const char *request;       /* "GET /path HTTP/1.1" when request_line, else a URL */
  gsize request_length;
  gboolean request_line;
  const char *header;        /* a response header that matters for @code ("Retry-After: 30") */
  gsize header_length;
} TeapotLogRecord;

typedef enum
{
  TEAPOT_LOG_LINE_UNKNOWN,   /* not a line of this format */
  TEAPOT_LOG_LINE_OTHER,     /* a line of this format without a status (a comment, a header) */
  TEAPOT_LOG_LINE_STATUS,    /* a status, in record->code */
} TeapotLogLine;

typedef struct _TeapotLogParser TeapotLogParser;

/* A parser for the line formats (not HAR, which is one JSON document). It keeps what a
 * format carries from line to line: IIS's #Fields, the response a header belongs to. */
TeapotLogParser *teapot_log_parser_new        (TeapotLogFormat   format);
void             teapot_log_parser_free       (TeapotLogParser  *self);
TeapotLogFormat  teapot_log_parser_get_format (TeapotLogParser  *self);
TeapotLogLine    teapot_log_parser_parse      (TeapotLogParser  *self,
                                               const char       *line,
                                               gsize             length,
                                               TeapotLogRecord  *record);

/* Which format the start of an input is in (@data: its first bytes, as
 * teapot_log_reader_peek() gives them). TEAPOT_LOG_FORMAT_UNKNOWN with @error saying what
 * was tried when none fits. */
TeapotLogFormat  teapot_log_detect            (const char       *data,
                                               gsize             length,
                                               GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeapotLogParser, teapot_log_parser_free)

G_END_DECLS
