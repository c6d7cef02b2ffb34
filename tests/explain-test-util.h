/* explain-test-util.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "teapot-explainer.h"
#include "teapot-store.h"

G_BEGIN_DECLS

/* What the explain tests share: a store for resolving, running the explainer on bytes
 * or a file, and finding one count in a summary. */

TeapotStore      *explain_test_store      (void);
/* Writes @data to a fresh temporary file and returns its path. */
char             *explain_test_write      (const char  *name,
                                           const void  *data,
                                           gsize        length);
/* Explains @data (as a file); NULL with @error when the explainer fails. Resolved. */
TeapotLogSummary *explain_test_bytes      (const void  *data,
                                           gsize        length,
                                           GError     **error);
/* The count with @id, or NULL. */
TeapotLogCount   *explain_test_find       (TeapotLogSummary *summary,
                                           const char       *id);
guint64           explain_test_count_of   (TeapotLogSummary *summary,
                                           const char       *id);
/* gzip of @data. */
GBytes           *explain_test_gzip       (const void  *data,
                                           gsize        length);

G_END_DECLS
