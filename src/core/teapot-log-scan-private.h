/* teapot-log-scan-private.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "teapot-log-parser.h"

G_BEGIN_DECLS

#define TEAPOT_IIS_MAX_FIELDS 64

/* Where IIS's #Fields header put the columns that matter (-1: absent). */
typedef struct
{
  int date, time, uri_stem, uri_query, status, substatus, win32;
  int n_fields;
} TeapotIisFields;

/* What an HTTP response carries from line to line. */
typedef struct
{
  guint code;                /* the status line's code, 0 before the first one */
  gboolean in_body;
  char request[512];         /* the path curl -v sent ("> GET /x HTTP/1.1") */
} TeapotResponseState;

/* The last access-log time turned into seconds, to the minute: consecutive lines almost
 * always share it, and a memcmp() is cheaper than the calendar. */
typedef struct
{
  char key[26];
  gint64 minute;
} TeapotTimeCache;

TeapotLogLine _teapot_log_scan_access      (TeapotTimeCache *cache, const char *line, gsize length,
                                            gboolean ingress, TeapotLogRecord *record);
TeapotLogLine _teapot_log_scan_nginx_error (const char *line, gsize length, TeapotLogRecord *record);
TeapotLogLine _teapot_log_scan_aws         (const char *line, gsize length, gboolean alb,
                                            TeapotLogRecord *record);
void          _teapot_log_iis_defaults     (TeapotIisFields *fields);
TeapotLogLine _teapot_log_scan_iis         (TeapotIisFields *fields, const char *line, gsize length,
                                            TeapotLogRecord *record);
TeapotLogLine _teapot_log_scan_response    (TeapotResponseState *state, const char *line, gsize length,
                                            TeapotLogRecord *record);

/* A response header that changes what a status means or what to do about it. */
gboolean      _teapot_log_is_telling_header (const char *name, gsize length);
/* Three ASCII digits, 100 to 999 (0 otherwise). */
guint         _teapot_log_parse_code       (const char *text, gsize length);
/* "2024-01-31T12:00:00[.frac][Z|+hh:mm]" and the like, with any one separator between the
 * date's parts and between date and time; seconds since 1970 or 0. */
gint64        _teapot_log_parse_iso_time   (const char *text, gsize length);

G_END_DECLS
