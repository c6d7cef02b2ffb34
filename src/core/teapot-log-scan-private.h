/* teapot-log-scan-private.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* memchr() for short distances (a '[' some 20 bytes into a line, the end of a line of
 * 100): its call and set-up cost as much as the search there, four million times for a
 * 500 MB log. Sixteen bytes at a time inline, up to @max_blocks, then memchr(). */
static inline const char *
_teapot_find_byte (const char *p,
                   const char *end,
           char        c,
                   int         max_blocks)
{
#ifdef __SSE2__
  __m128i needle = _mm_set1_epi8 (c);

  for (int i = 0; i < max_blocks && end - p >= 16; i++, p += 16)
    {
      int mask = _mm_movemask_epi8 (_mm_cmpeq_epi8 (_mm_loadu_si128 ((const __m128i *) p), needle));

      if (mask != 0)
        return p + __builtin_ctz (mask);
    }
#endif
  return p < end ? memchr (p, c, end - p) : NULL;
}

G_END_DECLS
