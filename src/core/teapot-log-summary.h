/* teapot-log-summary.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "teapot-entry.h"
#include "teapot-log-format.h"
#include "teapot-store.h"

G_BEGIN_DECLS

/* How often one status occurred, and what it means in this log. */
typedef struct
{
  char *id;                  /* the entry's id after teapot_log_summary_resolve() ("499-nginx",
                              * "500.19-iis"), else the code ("404", "500.19") */
  guint code;
  int subcode;               /* IIS substatus, -1 when none */
  TeapotLogContext context;
  guint64 count;
  TeapotEntry *entry;        /* the meaning, NULL when the store has none or before resolving */
  GStrv alternatives;        /* other ids the number has when the log does not say, or NULL */
  GPtrArray *examples;       /* a few URLs (or request lines), valid UTF-8 */
  GPtrArray *headers;        /* response headers that matter ("Retry-After: 30") */
  GArray *details;           /* IIS sc-win32-status values seen (guint), a few */
} TeapotLogCount;

/* Statuses by class in one slice of time: counts[1] to counts[5] for 1xx to 5xx, counts[0]
 * for anything else. */
typedef struct
{
  gint64 start;              /* seconds since 1970, UTC */
  guint64 counts[6];
} TeapotLogBucket;

#define TEAPOT_TYPE_LOG_SUMMARY (teapot_log_summary_get_type ())

G_DECLARE_FINAL_TYPE (TeapotLogSummary, teapot_log_summary, TEAPOT, LOG_SUMMARY, GObject)

TeapotLogFormat teapot_log_summary_get_format       (TeapotLogSummary *self);
/* Lines read (HAR: entries), lines of no known format, lines of the format without a status
 * (comments, headers, "-"), lines cut at TEAPOT_LOG_READER_MAX_LINE. */
guint64         teapot_log_summary_get_lines        (TeapotLogSummary *self);
guint64         teapot_log_summary_get_unparsed     (TeapotLogSummary *self);
guint64         teapot_log_summary_get_no_status    (TeapotLogSummary *self);
guint64         teapot_log_summary_get_long_lines   (TeapotLogSummary *self);
/* The number of statuses counted (the sum of the counts). */
guint64         teapot_log_summary_get_total        (TeapotLogSummary *self);
/* Why reading stopped early (damaged gzip), or NULL. */
const char     *teapot_log_summary_get_damage       (TeapotLogSummary *self);
/* Lines of another format than the detected one, by format (0 for most). */
guint64         teapot_log_summary_get_format_lines (TeapotLogSummary *self,
                                                     TeapotLogFormat   format);

/* TeapotLogCount, most frequent first. */
GPtrArray      *teapot_log_summary_get_counts       (TeapotLogSummary *self);
/* The statuses of the servers behind (ALB targets, ingress upstreams, Cloudflare origins):
 * TeapotLogCount with code and count only, most frequent first. */
GPtrArray      *teapot_log_summary_get_upstream     (TeapotLogSummary *self);
/* TeapotLogBucket in time order, each @width seconds long (at most 512 of them). */
GArray         *teapot_log_summary_get_buckets      (TeapotLogSummary *self,
                                                     guint            *width);

/* Looks every status up in @store in this log's context (499 in an nginx log is
 * 499-nginx; IIS 500 with substatus 19 is 500.19-iis when the store has it, else 500),
 * merging the counts that end up with one id. Call from the thread that owns @store. */
void            teapot_log_summary_resolve          (TeapotLogSummary *self,
                                                     TeapotStore      *store);

G_END_DECLS
