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
#include "teapot-ui-util.h"

/* Preferences: the language whose constants "Copy Constant" copies, and study mode's new
 * cards per day and reset. The dialog edits the window's and the Study page's properties,
 * which GSettings already follows, so there is one state. */
struct _TeapotPreferencesDialog
{
  AdwPreferencesDialog parent_instance;

  AdwComboRow *language_row;
  GtkStringList *language_names;
  AdwSpinRow *new_cards_row;
  GtkWidget *reset_row;

  TeapotStudyView *study_view;
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
on_reset_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TeapotPreferencesDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = teapot_study_reset_finish (TEAPOT_STUDY (source), result, &error);
  AdwDialog *done;

  gtk_widget_set_sensitive (self->reset_row, TRUE);
  if (backup == NULL)
    {
      adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self), adw_toast_new (error->message));
      return;
    }
  if (self->study_view != NULL)
    teapot_study_view_refresh (self->study_view);

  done = adw_alert_dialog_new (_("Progress Reset"), NULL);
  /* The whole path, where a toast would cut it short: it is the only way back. */
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (done),
                                _("Every card is new again. Your old progress is kept in %s"), backup);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (done), "close", _("_Close"));
  teapot_ui_present_dialog (done, GTK_WIDGET (self));
}

static void
on_reset_confirmed (TeapotPreferencesDialog *self,
                    const char              *response)
{
  TeapotStudy *study = self->study_view != NULL ? teapot_study_view_get_study (self->study_view) : NULL;

  if (study == NULL || g_strcmp0 (response, "reset") != 0)
    return;
  gtk_widget_set_sensitive (self->reset_row, FALSE);
  teapot_study_reset_async (study, teapot_ui_now_seconds (), NULL, on_reset_done, g_object_ref (self));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TeapotPreferencesDialog *self = TEAPOT_PREFERENCES_DIALOG (widget);
  AdwDialog *confirm = adw_alert_dialog_new (_("Reset Study Progress?"),
                                             _("Every card becomes new and the review history starts over. "
                                               "Favourites stay. The old progress is kept in a copy of your "
                                               "data, next to it."));

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (confirm), "cancel", _("_Cancel"), "reset", _("_Reset"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (confirm), "reset", ADW_RESPONSE_DESTRUCTIVE);
  /* Enter or Escape keeps the progress: resetting takes a click or Tab first. */
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (confirm), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (confirm), "cancel");
  g_signal_connect_object (confirm, "response", G_CALLBACK (on_reset_confirmed), self, G_CONNECT_SWAPPED);
  teapot_ui_present_dialog (confirm, widget);
}

static void
teapot_preferences_dialog_dispose (GObject *object)
{
  TeapotPreferencesDialog *self = TEAPOT_PREFERENCES_DIALOG (object);

  g_clear_weak_pointer (&self->study_view);

  G_OBJECT_CLASS (teapot_preferences_dialog_parent_class)->dispose (object);
}

static void
teapot_preferences_dialog_class_init (TeapotPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = teapot_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TeapotPreferencesDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, TeapotPreferencesDialog, language_names);
  gtk_widget_class_bind_template_child (widget_class, TeapotPreferencesDialog, new_cards_row);
  gtk_widget_class_bind_template_child (widget_class, TeapotPreferencesDialog, reset_row);

  gtk_widget_class_install_action (widget_class, "preferences.reset-progress", NULL, reset_action);
}

static void
teapot_preferences_dialog_init (TeapotPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < teapot_names_get_n_languages (); i++)
    gtk_string_list_append (self->language_names, teapot_format_language_name (teapot_names_get_language (i)));
}

TeapotPreferencesDialog *
teapot_preferences_dialog_new (GObject         *target,
                               TeapotStudyView *study_view)
{
  TeapotPreferencesDialog *self;

  g_return_val_if_fail (G_IS_OBJECT (target), NULL);
  g_return_val_if_fail (study_view == NULL || TEAPOT_IS_STUDY_VIEW (study_view), NULL);

  self = g_object_new (TEAPOT_TYPE_PREFERENCES_DIALOG, NULL);
  g_object_bind_property_full (target, "constant-language", self->language_row, "selected",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               language_to_position, position_to_language, NULL, NULL);
  g_set_weak_pointer (&self->study_view, study_view);
  if (study_view != NULL)
    /* The row's adjustment holds a double; GLib converts on the way. */
    g_object_bind_property (study_view, "new-cards-per-day", self->new_cards_row, "value",
                            G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.reset-progress",
                                 study_view != NULL && teapot_study_view_get_study (study_view) != NULL);
  return self;
}
