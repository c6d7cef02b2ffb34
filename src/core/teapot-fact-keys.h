/* teapot-fact-keys.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What data/codes/facts.xml may state about an entry, in the order a comparison shows it. */
typedef enum
{
  TEAPOT_FACT_PERMANENT,   /* bool: a redirect meant for good */
  TEAPOT_FACT_METHOD,      /* choice: what a redirect does to the method */
  TEAPOT_FACT_CACHEABLE,   /* bool: heuristically cacheable by default */
  TEAPOT_FACT_BODY,        /* choice: whether content comes with the response */
  TEAPOT_FACT_HEADERS,     /* list: header fields that come with it */
  TEAPOT_FACT_SENDER,      /* text: who typically sends it */
  TEAPOT_FACT_USE,         /* text: when to use it */
  TEAPOT_FACT_AVOID,       /* text: when not to, and what instead */
  TEAPOT_N_FACTS
} TeapotFactKey;

typedef enum
{
  TEAPOT_FACT_KIND_BOOL,
  TEAPOT_FACT_KIND_CHOICE,
  TEAPOT_FACT_KIND_LIST,
  TEAPOT_FACT_KIND_TEXT,
} TeapotFactKind;

/* The JSON member and database name: "permanent", "method", ..., "headers". */
const char     *teapot_fact_key_get_name      (TeapotFactKey  key);
TeapotFactKind  teapot_fact_key_get_kind      (TeapotFactKey  key);
/* The element that states it in facts.xml ("header" for TEAPOT_FACT_HEADERS). */
gboolean        teapot_fact_key_from_element  (const char    *element,
                                               TeapotFactKey *key);
/* Whether @value is one the key takes: "yes"/"no" for booleans, the listed choices
 * ("kept", "may-change", "changed-to-get"; "none", "optional", "expected"), any
 * non-empty text otherwise. */
gboolean        teapot_fact_value_is_valid    (TeapotFactKey  key,
                                               const char    *value);
/* The allowed choices of a choice key, NULL-terminated; NULL for other kinds. */
const char * const *teapot_fact_key_get_choices (TeapotFactKey key);

G_END_DECLS
