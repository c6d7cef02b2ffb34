/* teapot-dataset-format.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The forms of the dataset's attribute values, apart from the parser that reports on them. */
gboolean teapot_dataset_parse_code       (const char *value,
                                          guint      *code);
gboolean teapot_dataset_all_digits       (const char *value,
                                          gsize       min,
                                          gsize       max);
gboolean teapot_dataset_is_subcode       (const char *value,
                                          guint       code);
gboolean teapot_dataset_is_version       (const char *value);
int      teapot_dataset_compare_versions (const char *a,
                                          const char *b);
gboolean teapot_dataset_is_vendor_id     (const char *value);

G_END_DECLS
