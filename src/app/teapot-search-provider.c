/* teapot-search-provider.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "teapot-search-provider.h"

/* The Shell shows a handful of results per provider; more would only cost time. */
#define MAX_RESULTS 10
/* Bounds on what a caller can make us do: the Shell sends a few short terms. */
#define MAX_QUERY_BYTES 1024
#define MAX_IDENTIFIERS 100

struct _TeapotSearchProvider
{
  GObject parent_instance;

  TeapotApplication *application;  /* weak: the application owns the provider */
  GDBusConnection *connection;
  guint registration_id;
};

G_DEFINE_FINAL_TYPE (TeapotSearchProvider, teapot_search_provider, G_TYPE_OBJECT)

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static GDBusInterfaceInfo *
get_interface_info (void)
{
  static GDBusInterfaceInfo *info;

  if (g_once_init_enter (&info))
    {
      g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (introspection_xml, NULL);
      GDBusInterfaceInfo *interface = g_dbus_interface_info_ref (node->interfaces[0]);

      g_dbus_interface_info_cache_build (interface);
      g_once_init_leave (&info, interface);
    }
  return info;
}

/* The terms as one query, or NULL when there is nothing (or too much) to look for. */
static char *
join_terms (const char * const *terms)
{
  g_autofree char *query = g_strjoinv (" ", (char **) terms);

  g_strstrip (query);
  if (*query == '\0' || strlen (query) > MAX_QUERY_BYTES)
    return NULL;
  return g_steal_pointer (&query);
}

static GVariant *
search (TeapotSearchProvider *self,
        const char * const   *terms)
{
  TeapotStore *store = teapot_application_get_store (self->application);
  g_autofree char *query = join_terms (terms);
  g_autoptr(GPtrArray) entries = NULL;
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));
  if (store != NULL && query != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* The shell has nowhere to show why: no results, and the reason in the log. */
      entries = teapot_store_search (store, query, NULL, MAX_RESULTS, &error);
      if (entries == NULL)
        g_warning ("Cannot search: %s", error->message);
    }
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    g_variant_builder_add (&builder, "s", teapot_entry_get_id (g_ptr_array_index (entries, i)));
  return g_variant_new ("(as)", &builder);
}

static GVariant *
get_result_metas (TeapotSearchProvider *self,
                  const char * const   *identifiers)
{
  TeapotStore *store = teapot_application_get_store (self->application);
  g_autoptr(GIcon) icon = g_themed_icon_new (APPLICATION_ID);
  g_autofree char *icon_name = g_icon_to_string (icon);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; store != NULL && identifiers[i] != NULL && i < MAX_IDENTIFIERS; i++)
    {
      g_autoptr(TeapotEntry) entry = teapot_store_lookup_id (store, identifiers[i]);
      g_autofree char *name = NULL;

      /* An id the Shell kept from an older version of the data: skipped, not an error. */
      if (entry == NULL)
        continue;

      name = g_strdup_printf ("%u %s", teapot_entry_get_code (entry), teapot_entry_get_phrase (entry));
      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_string (teapot_entry_get_id (entry)));
      g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (name));
      g_variant_builder_add (&builder, "{sv}", "description",
                             g_variant_new_string (teapot_entry_get_summary (entry)));
      g_variant_builder_add (&builder, "{sv}", "gicon", g_variant_new_string (icon_name));
      g_variant_builder_close (&builder);
    }
  return g_variant_new ("(aa{sv})", &builder);
}

static void
activate_result (TeapotSearchProvider *self,
                 const char           *identifier)
{
  TeapotStore *store = teapot_application_get_store (self->application);
  g_autoptr(TeapotEntry) entry = store ? teapot_store_lookup_id (store, identifier) : NULL;

  if (entry != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (self->application), "open-entry",
                                    g_variant_new_string (teapot_entry_get_id (entry)));
  else
    g_application_activate (G_APPLICATION (self->application));
}

static void
launch_search (TeapotSearchProvider *self,
               const char * const   *terms)
{
  GActionGroup *actions = G_ACTION_GROUP (self->application);
  g_autofree char *query = join_terms (terms);
  const GVariantType *type = NULL;

  /* "app.search" belongs to the window; without it, Teapot still opens. */
  if (query != NULL
      && g_action_group_query_action (actions, "search", NULL, &type, NULL, NULL, NULL)
      && type != NULL && g_variant_type_equal (type, G_VARIANT_TYPE_STRING))
    g_action_group_activate_action (actions, "search", g_variant_new_string (query));
  else
    g_application_activate (G_APPLICATION (self->application));
}

static void
on_method_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  TeapotSearchProvider *self = user_data;
  GApplication *application = G_APPLICATION (self->application);
  g_autofree const char **terms = NULL;
  g_autofree const char **identifiers = NULL;
  const char *identifier = NULL;
  guint32 timestamp = 0;
  GVariant *reply = NULL;

  /* GDBus has checked the signature against the introspection data already. Holding the
   * application keeps a D-Bus-activated service alive while the Shell talks to it. */
  g_application_hold (application);

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_variant_get (parameters, "(^a&s)", &terms);
      reply = search (self, terms);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      /* Searching again is cheaper than filtering: the ranking may change with the terms. */
      g_variant_get (parameters, "(^a&s^a&s)", &identifiers, &terms);
      reply = search (self, terms);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_variant_get (parameters, "(^a&s)", &identifiers);
      reply = get_result_metas (self, identifiers);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      g_variant_get (parameters, "(&s^a&su)", &identifier, &terms, &timestamp);
      activate_result (self, identifier);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
      launch_search (self, terms);
    }
  else
    g_assert_not_reached ();

  g_dbus_method_invocation_return_value (invocation, reply);
  g_application_release (application);
}

static const GDBusInterfaceVTable interface_vtable = { on_method_call, NULL, NULL };

static void
teapot_search_provider_dispose (GObject *object)
{
  TeapotSearchProvider *self = (TeapotSearchProvider *) object;

  teapot_search_provider_unexport (self);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (teapot_search_provider_parent_class)->dispose (object);
}

static void
teapot_search_provider_class_init (TeapotSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = teapot_search_provider_dispose;
}

static void
teapot_search_provider_init (TeapotSearchProvider *self)
{
}

TeapotSearchProvider *
teapot_search_provider_new (TeapotApplication *application)
{
  TeapotSearchProvider *self;

  g_return_val_if_fail (TEAPOT_IS_APPLICATION (application), NULL);

  self = g_object_new (TEAPOT_TYPE_SEARCH_PROVIDER, NULL);
  g_set_weak_pointer (&self->application, application);
  return self;
}

gboolean
teapot_search_provider_export (TeapotSearchProvider  *self,
                               GDBusConnection       *connection,
                               const char            *app_object_path,
                               GError               **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (TEAPOT_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (app_object_path != NULL, FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  path = g_strconcat (app_object_path, "/SearchProvider", NULL);
  self->registration_id = g_dbus_connection_register_object (connection, path, get_interface_info (),
                                                             &interface_vtable, self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  self->connection = g_object_ref (connection);
  return TRUE;
}

void
teapot_search_provider_unexport (TeapotSearchProvider *self)
{
  g_return_if_fail (TEAPOT_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}
