/* teapot-explainer-private.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "teapot-explainer.h"

G_BEGIN_DECLS

/* For the tests: read files of @min_size bytes or more on two threads, cut at @at (0: the
 * middle). The default is 64 MiB, where the second thread starts paying for itself. */
void _teapot_explainer_set_split (TeapotExplainer *self,
                                  goffset          min_size,
                                  goffset          at);

G_END_DECLS
