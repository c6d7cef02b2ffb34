/* teapot-preferences-dialog.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "teapot-preferences-dialog.h"
#include "teapot-format.h"
#include "teapot-names.h"

/* Preferences: the language whose constants "Copy Constant" copies. The dialog edits the
 * window's properties, which GSettings already follows, so there is one state. */
struct _TeapotPreferencesDialog
{
  AdwPreferencesDialog parent_instance;

  AdwComboRow *language_row;
  GtkStringList *language_names;
};

G_DEFINE_FINAL_TYPE (TeapotPreferencesDialog, teapot_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

static gboolean
language_to_position (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  const char *language = g_value_get_string (from);

  for (guint i = 0; i < teapot_names_get_n_languages (); i++)
    if (g_strcmp0 (teapot_names_get_language (i), language) == 0)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }
  return FALSE;
}

static gboolean
position_to_language (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  guint position = g_value_get_uint (from);

  if (position >= teapot_names_get_n_languages ())
    return FALSE;
  g_value_set_string (to, teapot_names_get_language (position));
  return TRUE;
}

static void
teapot_preferences_dialog_class_init (TeapotPreferencesDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TeapotPreferencesDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, TeapotPreferencesDialog, language_names);
}

static void
teapot_preferences_dialog_init (TeapotPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < teapot_names_get_n_languages (); i++)
    gtk_string_list_append (self->language_names, teapot_format_language_name (teapot_names_get_language (i)));
}

TeapotPreferencesDialog *
teapot_preferences_dialog_new (GObject *target)
{
  TeapotPreferencesDialog *self;

  g_return_val_if_fail (G_IS_OBJECT (target), NULL);

  self = g_object_new (TEAPOT_TYPE_PREFERENCES_DIALOG, NULL);
  g_object_bind_property_full (target, "constant-language", self->language_row, "selected",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               language_to_position, position_to_language, NULL, NULL);
  return self;
}
