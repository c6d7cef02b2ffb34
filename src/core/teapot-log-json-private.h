/* teapot-log-json-private.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "teapot-log-parser.h"

G_BEGIN_DECLS

/* One JSON object per line. @parser is reused from line to line; strings in @record point
 * into its tree, valid until the next line. */
TeapotLogLine _teapot_log_scan_json_line (JsonParser *parser, const char *line, gsize length,
                                          TeapotLogRecord *record);

/* What a text holds, judged by its braces and strings alone (no parsing). */
typedef enum
{
  TEAPOT_JSON_EXTENT_ONE_OBJECT,   /* one object, then only white space */
  TEAPOT_JSON_EXTENT_UNCLOSED,     /* an object that the text ends inside */
  TEAPOT_JSON_EXTENT_OTHER,        /* not an object, or something after it */
} TeapotJsonExtent;

TeapotJsonExtent _teapot_log_json_extent (const char *text, gsize length);

typedef void (*TeapotHarEntryFunc) (const TeapotLogRecord *record, gpointer user_data);

/* Calls @func for every entry of a HAR document, and once more for each response header
 * that matters (record->header set); the number of entries, or -1 with @error
 * when @data is not a HAR file. */
gint64        _teapot_log_scan_har       (GBytes *data, TeapotHarEntryFunc func, gpointer user_data,
                                          GCancellable *cancellable, GError **error);

G_END_DECLS
