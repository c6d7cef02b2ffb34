/* teapot-ui-util.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-entry.h"

G_BEGIN_DECLS

/* Small things several widgets of the window do alike. */

/* Shows @text (plain, not markup) in the toast overlay around @widget, if there is one. */
void   teapot_ui_toast             (GtkWidget   *widget,
                                    const char  *text);
/* adw_dialog_present(), and a workaround for libadwaita 1.7 freeing a dialog that closes
 * while the window is resized (see the .c file). Use it for every dialog. */
void   teapot_ui_present_dialog    (AdwDialog   *dialog,
                                    GtkWidget   *parent);
/* The Study and Explain pages carry their own Browse/Study/Explain switcher in their header,
 * shown while the window is wide: two properties, "view-stack" (the stack it switches) and
 * "show-switcher", alike in both. The param specs, and reading and writing them on
 * @switcher by @pspec's name; set returns whether the value changed (the caller notifies). */
GParamSpec *teapot_ui_switcher_param_spec (const char      *name);
void        teapot_ui_switcher_get        (AdwViewSwitcher *switcher,
                                           GParamSpec      *pspec,
                                           GValue          *value);
gboolean    teapot_ui_switcher_set        (AdwViewSwitcher *switcher,
                                           GParamSpec      *pspec,
                                           const GValue    *value);
/* Gives @target the focus only while @owner is on screen: a hidden widget with the focus
 * would take the window's keys with it. */
void   teapot_ui_focus_if_mapped   (GtkWidget   *owner,
                                    GtkWidget   *target);
/* Tints @widget by @entry's class (CSS classes class-1xx … class-5xx, class-other). */
void   teapot_ui_set_class_style   (GtkWidget   *widget,
                                    TeapotEntry *entry);
/* @text as @widget's tooltip (NULL: none), given when GTK asks for it. Setting
 * tooltip-text asks the X server where the pointer is, two round trips each time, which
 * the first frame waited for. Like tooltip-text, it also describes @widget to assistive
 * technologies. */
void   teapot_ui_set_tooltip       (GtkWidget   *widget,
                                    const char  *text);
/* The text teapot_ui_set_tooltip() gave @widget, or NULL. */
const char *teapot_ui_get_tooltip  (GtkWidget   *widget);
/* @count with the locale's thousands separators ("12,345"). */
char  *teapot_ui_format_count      (guint64      count);
/* The time the study schedule is computed at: the core takes it as a parameter. */
gint64 teapot_ui_now_seconds       (void);

G_END_DECLS
