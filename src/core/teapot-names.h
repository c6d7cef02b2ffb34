/* teapot-names.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The names every front end shows for the dataset's ids, in one place. */

/* The libraries whose constants the dataset lists, in the order they are offered. */
guint        teapot_names_get_n_languages (void);
const char  *teapot_names_get_language    (guint       position);
/* "Python" for "python"; an unknown id is its own name. */
const char  *teapot_names_language        (const char *language);

G_END_DECLS
