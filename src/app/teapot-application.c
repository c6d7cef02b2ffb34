/* teapot-application.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "teapot-application.h"
#include "teapot-cli.h"
#include "teapot-search-provider.h"
#include "teapot-window.h"

struct _TeapotApplication
{
  AdwApplication parent_instance;

  TeapotStore *store;
  GError *store_error;
  GSettings *settings;
  gboolean settings_checked;
  char *pending_open_id;
  TeapotSearchProvider *search_provider;
};

G_DEFINE_FINAL_TYPE (TeapotApplication, teapot_application, ADW_TYPE_APPLICATION)

static TeapotWindow *
present_window (TeapotApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      TeapotStore *store = teapot_application_get_store (self);

      if (store != NULL)
        window = GTK_WINDOW (teapot_window_new (GTK_APPLICATION (self), store, teapot_application_get_settings (self)));
      else
        window = GTK_WINDOW (teapot_window_new_for_error (GTK_APPLICATION (self), self->store_error));
    }
  gtk_window_present (window);
  return TEAPOT_WINDOW (window);
}

static void
open_entry_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TeapotApplication *self = user_data;
  TeapotWindow *window = present_window (self);

  teapot_window_show_entry (window, g_variant_get_string (parameter, NULL));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* The GNOME Shell search provider's LaunchSearch: the window, searching for the query. */
static void
search_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  TeapotApplication *self = user_data;
  TeapotWindow *window = present_window (self);

  teapot_window_search (window, g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { "open-entry", open_entry_action, "s" },
  { "search", search_action, "s" },
  { "quit", quit_action },
};

static gboolean
teapot_application_local_command_line (GApplication   *application,
                                       char         ***arguments,
                                       int            *exit_status)
{
  if (!teapot_cli_check_arguments (*arguments, exit_status))
    return TRUE;

  return G_APPLICATION_CLASS (teapot_application_parent_class)->local_command_line (application, arguments,
                                                                                    exit_status);
}

static int
teapot_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  TeapotApplication *self = TEAPOT_APPLICATION (application);
  g_autofree char *open_id = NULL;
  g_autoptr(GError) error = NULL;
  int status = teapot_cli_run (options, &open_id);

  if (status >= 0)
    return status;

  /* A window is wanted: without a display GTK would only print a warning. D-Bus activation
   * (the search provider) needs none until it opens a window. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL
      && !(g_application_get_flags (application) & G_APPLICATION_IS_SERVICE))
    {
      g_printerr (_("teapot: no display to open the window on; to look a code up here, run "
                    "“teapot 404” (see “teapot --help”)\n"));
      return 1;
    }

  if (open_id == NULL)
    return status;

  /* --open: hand the entry to the running instance, or keep it for our own window. */
  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("teapot: %s\n", error->message);
      return 1;
    }
  if (g_application_get_is_remote (application))
    {
      g_action_group_activate_action (G_ACTION_GROUP (application), "open-entry", g_variant_new_string (open_id));
      return 0;
    }
  self->pending_open_id = g_steal_pointer (&open_id);
  return -1;
}

/* GTK parses its own default theme (108 M of the 822 M instructions before the first frame) when it
 * makes the display's settings, and libadwaita then swaps it for the empty "Adwaita-empty"
 * theme it ships and adds its own style sheet. There is no API to name the theme before the
 * settings exist, and GTK_THEME, which does, also makes libadwaita leave the styling to it. So
 * the settings are made with GTK_THEME naming the empty theme, and the variable is gone again
 * before libadwaita looks at it (GDK unsets DESKTOP_STARTUP_ID at this stage the same way). A
 * theme the user asked for with GTK_THEME is left alone. */
static void
init_gtk_without_default_theme (void)
{
  if (g_getenv ("GTK_THEME") != NULL)
    return;

  g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
  if (gtk_init_check ())
    gtk_settings_get_default ();
  g_unsetenv ("GTK_THEME");
}

static void
teapot_application_startup (GApplication *application)
{
  const char *quit_accels[] = { "<Control>q", NULL };

  init_gtk_without_default_theme ();
  G_APPLICATION_CLASS (teapot_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions, G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
}

static void
teapot_application_activate (GApplication *application)
{
  TeapotApplication *self = TEAPOT_APPLICATION (application);
  TeapotWindow *window = present_window (self);

  if (self->pending_open_id != NULL)
    {
      teapot_window_show_entry (window, self->pending_open_id);
      g_clear_pointer (&self->pending_open_id, g_free);
    }
}

static gboolean
teapot_application_dbus_register (GApplication     *application,
                                  GDBusConnection  *connection,
                                  const char       *object_path,
                                  GError          **error)
{
  TeapotApplication *self = TEAPOT_APPLICATION (application);

  if (!G_APPLICATION_CLASS (teapot_application_parent_class)->dbus_register (application, connection,
                                                                             object_path, error))
    return FALSE;

  /* Started by D-Bus for the Shell's search: stay a little between its calls. */
  if (g_application_get_flags (application) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (application, 10000);

  self->search_provider = teapot_search_provider_new (self);
  return teapot_search_provider_export (self->search_provider, connection, object_path, error);
}

static void
teapot_application_dbus_unregister (GApplication    *application,
                                    GDBusConnection *connection,
                                    const char      *object_path)
{
  TeapotApplication *self = TEAPOT_APPLICATION (application);

  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (teapot_application_parent_class)->dbus_unregister (application, connection, object_path);
}

static void
teapot_application_finalize (GObject *object)
{
  TeapotApplication *self = (TeapotApplication *) object;

  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_object (&self->settings);
  g_free (self->pending_open_id);

  G_OBJECT_CLASS (teapot_application_parent_class)->finalize (object);
}

static void
teapot_application_class_init (TeapotApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = teapot_application_finalize;
  app_class->local_command_line = teapot_application_local_command_line;
  app_class->handle_local_options = teapot_application_handle_local_options;
  app_class->startup = teapot_application_startup;
  app_class->activate = teapot_application_activate;
  app_class->dbus_register = teapot_application_dbus_register;
  app_class->dbus_unregister = teapot_application_dbus_unregister;
}

static void
teapot_application_init (TeapotApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), teapot_cli_get_option_entries ());
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Look up HTTP status codes. Without arguments, open the window."));
}

TeapotApplication *
teapot_application_new (void)
{
  return g_object_new (TEAPOT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

TeapotStore *
teapot_application_get_store (TeapotApplication *self)
{
  g_return_val_if_fail (TEAPOT_IS_APPLICATION (self), NULL);

  /* Tried once: a window that cannot have its data says why instead. */
  if (self->store == NULL && self->store_error == NULL)
    self->store = teapot_store_new (NULL, &self->store_error);
  return self->store;
}

/* Returns NULL when the schema is not installed (an uninstalled build run without
 * `meson devenv`): the window then works, but remembers nothing. */
GSettings *
teapot_application_get_settings (TeapotApplication *self)
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  g_return_val_if_fail (TEAPOT_IS_APPLICATION (self), NULL);

  if (self->settings_checked)
    return self->settings;
  self->settings_checked = TRUE;

  /* One schema id for every profile: the development build shares the preferences. */
  source = g_settings_schema_source_get_default ();
  schema = source ? g_settings_schema_source_lookup (source, "io.github.teapot.Teapot", TRUE) : NULL;
  if (schema == NULL)
    g_warning ("The settings schema io.github.teapot.Teapot is not installed: preferences will not be saved");
  else
    self->settings = g_settings_new_full (schema, NULL, NULL);
  return self->settings;
}
