/* teapot-facts-source.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "teapot-record.h"

G_BEGIN_DECLS

/* Reads data/codes/facts.xml and attaches each <entry id="...">'s facts to the record with
 * that id in @records (parsed already). Errors read "file:line: reason" in
 * TEAPOT_DATASET_ERROR: an unknown id or element, a value the fact does not take, a missing
 * or malformed section, a fact stated twice, a cacheable fact that contradicts the entry. */
gboolean teapot_facts_source_parse (const char  *filename,
                                    const char  *text,
                                    gssize       length,
                                    GPtrArray   *records,
                                    GError     **error);

G_END_DECLS
