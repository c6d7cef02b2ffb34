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

static gboolean
release_dialog (gpointer dialog)
{
  g_object_unref (dialog);
  return G_SOURCE_REMOVE;
}

static void
on_dialog_parent_changed (GtkWidget *dialog)
{
  if (gtk_widget_get_parent (dialog) != NULL)
    return;
  g_signal_handlers_disconnect_by_func (dialog, on_dialog_parent_changed, NULL);
  g_idle_add (release_dialog, dialog);
}

void
teapot_ui_present_dialog (AdwDialog *dialog,
                          GtkWidget *parent)
{
  g_return_if_fail (ADW_IS_DIALOG (dialog));

  /* libadwaita 1.7 can free a closing dialog in the middle of its own size_allocate: when
   * the window crosses one of the dialog's breakpoints while the dialog animates closed,
   * AdwBreakpointBin hides its child to swap layouts, the sheet skips the rest of its
   * animation, the host drops the dialog, and the bin goes on with its freed breakpoints
   * (SIGBUS/SIGSEGV; tests/test-dialogs.c). Our reference keeps the dialog alive
   * until the main loop is idle after the host has let it go. */
  g_object_ref (dialog);
  adw_dialog_present (dialog, parent);
  if (gtk_widget_get_parent (GTK_WIDGET (dialog)) != NULL)
    g_signal_connect (dialog, "notify::parent", G_CALLBACK (on_dialog_parent_changed), NULL);
  else
    g_idle_add (release_dialog, dialog);
}

GParamSpec *
teapot_ui_switcher_param_spec (const char *name)
{
  if (g_str_equal (name, "view-stack"))
    return g_param_spec_object ("view-stack", NULL, NULL, ADW_TYPE_VIEW_STACK,
                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_return_val_if_fail (g_str_equal (name, "show-switcher"), NULL);
  return g_param_spec_boolean ("show-switcher", NULL, NULL, TRUE,
                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

void
teapot_ui_switcher_get (AdwViewSwitcher *switcher,
                        GParamSpec      *pspec,
                        GValue          *value)
{
  if (g_str_equal (pspec->name, "view-stack"))
    g_value_set_object (value, adw_view_switcher_get_stack (switcher));
  else
    g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (switcher)));
}

gboolean
teapot_ui_switcher_set (AdwViewSwitcher *switcher,
                        GParamSpec      *pspec,
                        const GValue    *value)
{
  if (g_str_equal (pspec->name, "view-stack"))
    {
      if (adw_view_switcher_get_stack (switcher) == g_value_get_object (value))
        return FALSE;
      adw_view_switcher_set_stack (switcher, g_value_get_object (value));
      return TRUE;
    }
  if (gtk_widget_get_visible (GTK_WIDGET (switcher)) == g_value_get_boolean (value))
    return FALSE;
  gtk_widget_set_visible (GTK_WIDGET (switcher), g_value_get_boolean (value));
  return TRUE;
}

void
teapot_ui_focus_if_mapped (GtkWidget *owner,
                           GtkWidget *target)
{
  if (gtk_widget_get_mapped (owner))
    gtk_widget_grab_focus (target);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "teapot-tooltip");

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
teapot_ui_set_tooltip (GtkWidget  *widget,
                       const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_query_tooltip, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_object_set_data_full (G_OBJECT (widget), "teapot-tooltip", g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

const char *
teapot_ui_get_tooltip (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  return g_object_get_data (G_OBJECT (widget), "teapot-tooltip");
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
