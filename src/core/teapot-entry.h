/* teapot-entry.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TEAPOT_TYPE_ENTRY (teapot_entry_get_type ())

G_DECLARE_FINAL_TYPE (TeapotEntry, teapot_entry, TEAPOT, ENTRY, GObject)

const char         *teapot_entry_get_id            (TeapotEntry *self);
guint               teapot_entry_get_code          (TeapotEntry *self);
const char         *teapot_entry_get_vendor        (TeapotEntry *self);
const char         *teapot_entry_get_subcode       (TeapotEntry *self);
gboolean            teapot_entry_is_registered     (TeapotEntry *self);
const char         *teapot_entry_get_phrase        (TeapotEntry *self);
gboolean            teapot_entry_get_phrase_is_ours (TeapotEntry *self);
const char         *teapot_entry_get_class_name    (TeapotEntry *self);
const char         *teapot_entry_get_status        (TeapotEntry *self);
const char * const *teapot_entry_get_tags          (TeapotEntry *self);
const char         *teapot_entry_get_summary       (TeapotEntry *self);
const char         *teapot_entry_get_description   (TeapotEntry *self);
const char * const *teapot_entry_get_aliases       (TeapotEntry *self);
const char * const *teapot_entry_get_keywords      (TeapotEntry *self);
const char * const *teapot_entry_get_headers       (TeapotEntry *self);
const char * const *teapot_entry_get_related       (TeapotEntry *self);
const char * const *teapot_entry_get_constant_languages (TeapotEntry *self);
const char         *teapot_entry_get_constant      (TeapotEntry *self,
                                                    const char  *language);
/* Every name the library has had for this status, current and former, in the dataset's
 * order; @since, @until and @then are NULL where not stated (see data/codes/README.md). */
guint               teapot_entry_get_n_constant_names (TeapotEntry *self);
void                teapot_entry_get_constant_name (TeapotEntry  *self,
                                                    guint         index,
                                                    const char  **language,
                                                    const char  **name,
                                                    const char  **since,
                                                    const char  **until,
                                                    const char  **then);
gboolean            teapot_entry_get_cacheable     (TeapotEntry *self);
/* How often a developer meets it: 1 (rare) .. 5 (everyday), with the reason in one line. */
#define TEAPOT_PREVALENCE_RARE 1
#define TEAPOT_PREVALENCE_EVERYDAY 5
guint               teapot_entry_get_prevalence    (TeapotEntry *self);
const char         *teapot_entry_get_prevalence_reason (TeapotEntry *self);
const char         *teapot_entry_get_reference_title   (TeapotEntry *self);
const char         *teapot_entry_get_reference_section (TeapotEntry *self);
const char         *teapot_entry_get_reference_url     (TeapotEntry *self);
gboolean            teapot_entry_get_favourite     (TeapotEntry *self);

G_END_DECLS
