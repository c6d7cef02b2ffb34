/* teapot-record.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One constant a library defines for an entry, with the versions that bound it. A constant
 * without @until is the library's current name; @then says what became of one with it. */
typedef struct
{
  char *lang;
  char *name;
  char *since;   /* first version that has it, or NULL if not stated */
  char *until;   /* version from which it is no longer the name, or NULL */
  char *then;    /* with @until: "alias" (still defined) or "removed" */
} TeapotConstant;

/* One fact about an entry from data/codes/facts.xml: a TeapotFactKey's name, its value
 * ("yes", "kept", a header name, a sentence) and the RFC 9110 section that states it. */
typedef struct
{
  char *key;
  char *value;
  char *section;
} TeapotFact;

/* One entry of the dataset as the source files state it: the form shared by the dataset
 * compiler, the reference database writer and the benchmark's generator. */
typedef struct
{
  char *id;
  guint code;
  char *subcode;      /* a vendor's detail served with @code ("500.19", "1020"), or NULL */
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
  GPtrArray *constant_history;  /* TeapotConstant, every name in source order */
  guint prevalence;             /* 1 (rare) .. 5 (everyday) */
  char *prevalence_reason;
  gboolean phrase_ours;         /* the vendor gives no phrase: the one shown is ours */
  gboolean cacheable;
  char *ref_title;
  char *ref_section;
  char *ref_url;
  GPtrArray *facts;             /* TeapotFact, in source order (facts.xml) */
  char *file;
  int line;
} TeapotRecord;

TeapotRecord *teapot_record_new            (void);
void          teapot_record_free           (TeapotRecord *record);
char         *teapot_record_derive_id      (guint        code,
                                            const char  *vendor);
char         *teapot_record_derive_subcode_id (const char *subcode,
                                               const char *vendor);
void          teapot_constant_free         (TeapotConstant *constant);
void          teapot_fact_free             (TeapotFact     *fact);
gboolean      teapot_record_is_registered  (const TeapotRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeapotRecord, teapot_record_free)

G_END_DECLS
