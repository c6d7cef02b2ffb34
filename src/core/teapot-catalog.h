/* teapot-catalog.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads a compiled gettext catalog (.mo, as msgfmt writes it) for the dataset compiler:
 * returns msgid -> msgstr for every translated message, the header left out. Messages with a
 * context or plural forms are not the dataset's and are skipped. */
GHashTable *teapot_catalog_load (const char  *path,
                                 GError     **error);

G_END_DECLS
