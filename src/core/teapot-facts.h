/* teapot-facts.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "teapot-fact-keys.h"
#include "teapot-store.h"

G_BEGIN_DECLS

/* What the dataset states about one entry for comparing it with others (data/codes/facts.xml):
 * for the redirects whether they are permanent and what they do to the method, for the codes
 * of the ready-made comparisons cacheability, content, headers, who sends them and when to use
 * them. Each fact names the RFC 9110 section that states it. Immutable, reference counted. */
typedef struct _TeapotFacts TeapotFacts;

#define TEAPOT_TYPE_FACTS (teapot_facts_get_type ())

GType        teapot_facts_get_type     (void) G_GNUC_CONST;

/* The facts of entry @id; empty (never NULL) when the dataset states none or @id is unknown.
 * Text facts come in the store's language where translated. */
TeapotFacts *teapot_store_get_facts    (TeapotStore   *store,
                                        const char    *id);

TeapotFacts *teapot_facts_ref          (TeapotFacts   *self);
void         teapot_facts_unref        (TeapotFacts   *self);

gboolean     teapot_facts_is_empty     (TeapotFacts   *self);
gboolean     teapot_facts_has          (TeapotFacts   *self,
                                        TeapotFactKey  key);
/* The value as the dataset has it: "yes"/"no", a choice ("kept", "may-change",
 * "changed-to-get"; "none", "optional", "expected"), the first header, a sentence; NULL
 * when not stated. */
const char  *teapot_facts_get_value    (TeapotFacts   *self,
                                        TeapotFactKey  key);
/* Every value of a list fact (the headers), NULL-terminated; empty when not stated. */
const char * const *teapot_facts_get_values (TeapotFacts   *self,
                                             TeapotFactKey  key);
/* TRUE when a boolean fact is stated as "yes". */
gboolean     teapot_facts_get_boolean  (TeapotFacts   *self,
                                        TeapotFactKey  key);
/* The RFC 9110 section that states it ("15.4.9"), or NULL. */
const char  *teapot_facts_get_section  (TeapotFacts   *self,
                                        TeapotFactKey  key);
/* For people, translated: the value ("Yes", "Changed to GET", "Location, Retry-After", the
 * sentence), or NULL when not stated. */
char        *teapot_facts_format_value (TeapotFacts   *self,
                                        TeapotFactKey  key);

/* The name of a fact for people, translated ("Permanent", "Method"). */
const char  *teapot_fact_key_get_label (TeapotFactKey  key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeapotFacts, teapot_facts_unref)

G_END_DECLS
