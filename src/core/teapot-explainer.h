/* teapot-explainer.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "teapot-log-reader.h"
#include "teapot-log-summary.h"

G_BEGIN_DECLS

/* HAR files are one JSON document, read whole: at most this many bytes. */
#define TEAPOT_EXPLAINER_MAX_HAR (64 * 1024 * 1024)

#define TEAPOT_TYPE_EXPLAINER (teapot_explainer_get_type ())

G_DECLARE_FINAL_TYPE (TeapotExplainer, teapot_explainer, TEAPOT, EXPLAINER, GObject)

/* Reads a log, a HAR file or a pasted response and counts its statuses. One run per
 * explainer. Run it on a worker thread with teapot_explainer_run_async(): the properties
 * "bytes-read" and "fraction" then change on the thread that called it (a few times a
 * second), for a progress bar; cancel with the GCancellable. Errors: G_IO_ERROR_INVALID_DATA
 * (or _MESSAGE_TOO_LARGE for a huge HAR) when the input is in no known format, with a
 * message naming what was tried; G_IO_ERROR_CANCELLED; other GIOErrors when it cannot be
 * read. Then resolve the summary against the store on the store's thread. */
TeapotExplainer  *teapot_explainer_new            (TeapotLogReader      *reader);
/* Opens @file on the worker thread, so that a slow disk never blocks the caller. */
TeapotExplainer  *teapot_explainer_new_for_file   (GFile                *file);

TeapotLogSummary *teapot_explainer_run            (TeapotExplainer      *self,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
void              teapot_explainer_run_async      (TeapotExplainer      *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
TeapotLogSummary *teapot_explainer_run_finish     (TeapotExplainer      *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

/* Input bytes read so far (compressed bytes for gzip), and the input's size or -1. */
guint64           teapot_explainer_get_bytes_read (TeapotExplainer      *self);
gint64            teapot_explainer_get_size       (TeapotExplainer      *self);
/* bytes-read / size, or -1 when the size is unknown (standard input). */
double            teapot_explainer_get_fraction   (TeapotExplainer      *self);

G_END_DECLS
