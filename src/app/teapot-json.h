/* teapot-json.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "teapot-entry.h"

G_BEGIN_DECLS

/* The members of an entry object (DESIGN.md), added to the object @builder is building, so
 * that a command can add keys of its own (--compare's facts) before ending it. */
void      teapot_json_add_entry_members (JsonBuilder *builder,
                                         TeapotEntry *entry);
/* An array of entry objects, in the order of @entries. */
JsonNode *teapot_json_entries           (GPtrArray   *entries);
/* Appends @root to @out, indented, with a final newline. */
void      teapot_json_write             (GString     *out,
                                         JsonNode    *root);

G_END_DECLS
