/* teapot-record.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One entry of the dataset as the source files state it: the form shared by the dataset
 * compiler, the reference database writer and the benchmark's generator. */
typedef struct
{
  char *id;
  guint code;
  char *vendor;
  char *status;
  char *phrase;
  char *summary;
  char *description;
  GPtrArray *aliases;
  GPtrArray *keywords;
  GPtrArray *headers;
  GPtrArray *related;
  GPtrArray *tags;
  GPtrArray *constant_langs;
  GPtrArray *constant_values;
  gboolean cacheable;
  char *ref_title;
  char *ref_section;
  char *ref_url;
  char *file;
  int line;
} TeapotRecord;

TeapotRecord *teapot_record_new            (void);
void          teapot_record_free           (TeapotRecord *record);
char         *teapot_record_derive_id      (guint        code,
                                            const char  *vendor);
gboolean      teapot_record_is_registered  (const TeapotRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeapotRecord, teapot_record_free)

G_END_DECLS
