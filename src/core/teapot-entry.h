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
gboolean            teapot_entry_is_registered     (TeapotEntry *self);
const char         *teapot_entry_get_phrase        (TeapotEntry *self);
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
gboolean            teapot_entry_get_cacheable     (TeapotEntry *self);
const char         *teapot_entry_get_reference_title   (TeapotEntry *self);
const char         *teapot_entry_get_reference_section (TeapotEntry *self);
const char         *teapot_entry_get_reference_url     (TeapotEntry *self);
gboolean            teapot_entry_get_favourite     (TeapotEntry *self);

G_END_DECLS
