/* teapot-log-summary-private.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "teapot-log-parser.h"
#include "teapot-log-summary.h"

G_BEGIN_DECLS

TeapotLogSummary *_teapot_log_summary_new          (TeapotLogFormat        format);
/* Counts a status, or keeps a telling header (record->header) for the status it came with. */
void              _teapot_log_summary_add          (TeapotLogSummary      *self,
                                                    const TeapotLogRecord *record);
void              _teapot_log_summary_add_format   (TeapotLogSummary      *self,
                                                    TeapotLogFormat        format);
/* Adds what @other (read from a later part of the same input, not finished) counted. */
void              _teapot_log_summary_merge        (TeapotLogSummary      *self,
                                                    TeapotLogSummary      *other);
/* Sorts the counts and the buckets; the line totals come from the reading loop. */
void              _teapot_log_summary_finish       (TeapotLogSummary      *self,
                                                    guint64                lines,
                                                    guint64                unparsed,
                                                    guint64                no_status,
                                                    guint64                long_lines,
                                                    const char            *damage);

G_END_DECLS
