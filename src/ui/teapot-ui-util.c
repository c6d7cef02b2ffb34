/* teapot-ui-util.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-ui-util.h"

void
teapot_ui_toast (GtkWidget  *widget,
                 const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

void
teapot_ui_focus_if_mapped (GtkWidget *owner,
                           GtkWidget *target)
{
  if (gtk_widget_get_mapped (owner))
    gtk_widget_grab_focus (target);
}

void
teapot_ui_set_class_style (GtkWidget   *widget,
                           TeapotEntry *entry)
{
  const char *classes[] = { "class-1xx", "class-2xx", "class-3xx", "class-4xx", "class-5xx", "class-other" };
  g_autofree char *style = g_strdup_printf ("class-%s", teapot_entry_get_class_name (entry));

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (widget, classes[i]);
  gtk_widget_add_css_class (widget, style);
}

char *
teapot_ui_format_count (guint64 count)
{
  /* The ' flag groups digits as LC_NUMERIC says (none in the C locale). */
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, count);
}

gint64
teapot_ui_now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}
