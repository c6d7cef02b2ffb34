/* teapot-dataset.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "teapot-record.h"

G_BEGIN_DECLS

#define TEAPOT_DATASET_ERROR (teapot_dataset_error_quark ())

typedef enum
{
  TEAPOT_DATASET_ERROR_SYNTAX,
  TEAPOT_DATASET_ERROR_INVALID,
} TeapotDatasetError;

GQuark   teapot_dataset_error_quark (void);

/* Appends the entries of one source file to @records (TeapotRecord, owned by the array).
 * Errors read "file:line: reason". */
gboolean teapot_dataset_parse      (const char  *filename,
                                    const char  *text,
                                    gssize       length,
                                    GPtrArray   *records,
                                    GError     **error);

/* Checks what no single file can: unique ids, related ids that exist. Sorts @records in
 * code order, registered meaning first. */
gboolean teapot_dataset_validate   (GPtrArray   *records,
                                    GError     **error);

G_END_DECLS
