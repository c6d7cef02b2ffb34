/* teapot-application.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-store.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_APPLICATION (teapot_application_get_type ())

G_DECLARE_FINAL_TYPE (TeapotApplication, teapot_application, TEAPOT, APPLICATION, AdwApplication)

TeapotApplication *teapot_application_new       (void);
/* The store the window uses, opened on first use. */
TeapotStore       *teapot_application_get_store (TeapotApplication *self);
/* The preferences, or NULL when the schema is not installed. */
GSettings         *teapot_application_get_settings (TeapotApplication *self);

G_END_DECLS
