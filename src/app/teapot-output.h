/* teapot-output.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "teapot-entry.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean color;
  guint width;      /* columns of the terminal, 0 when not a terminal */
} TeapotOutputStyle;

void teapot_output_json     (GString                 *out,
                             GPtrArray               *entries);
void teapot_output_detail   (GString                 *out,
                             TeapotEntry             *entry,
                             const TeapotOutputStyle *style);
void teapot_output_table    (GString                 *out,
                             GPtrArray               *entries,
                             const TeapotOutputStyle *style);

/* The human name of a constant language ("python" -> "Python"). */
const char *teapot_output_language_name (const char *language);

G_END_DECLS
