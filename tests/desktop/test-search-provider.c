/* test-search-provider.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The GNOME Shell search provider, called over a private session bus the way the Shell calls
 * it: the answers, the window it opens, and what it does with calls it must refuse. */

#include "config.h"

#include <gtk/gtk.h>

#include "teapot-application.h"
#include "teapot-window.h"
#include "teapot-test-db.h"

#define PROVIDER_PATH "/" "io/github/teapot/Teapot" "/SearchProvider"
#define PROVIDER_INTERFACE "org.gnome.Shell.SearchProvider2"

typedef struct
{
  GTestDBus *bus;
  TeapotApplication *application;
  GDBusConnection *client;
  char *object_path;
} Fixture;

typedef struct
{
  GVariant *reply;
  GError *error;
  gboolean done;
} Call;

static void
on_call_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Call *call = user_data;

  call->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &call->error);
  call->done = TRUE;
}

/* Calls @method with @parameters (floating) and runs the main context until the answer: the
 * provider lives in this process, so a synchronous call would never be served. */
static GVariant *
call_method (Fixture     *fixture,
             const char  *interface,
             const char  *method,
             GVariant    *parameters,
             GError     **error)
{
  Call call = { NULL, NULL, FALSE };

  g_dbus_connection_call (fixture->client, APPLICATION_ID, fixture->object_path, interface, method,
                          parameters, NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, 10000, NULL,
                          on_call_done, &call);
  while (!call.done)
    g_main_context_iteration (NULL, TRUE);

  if (call.error != NULL)
    g_propagate_error (error, call.error);
  return call.reply;
}

static char **
result_set (Fixture    *fixture,
            const char *method,
            GVariant   *parameters)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = call_method (fixture, PROVIDER_INTERFACE, method, parameters, &error);
  char **results = NULL;

  g_assert_no_error (error);
  g_assert_true (g_variant_is_of_type (reply, G_VARIANT_TYPE ("(as)")));
  g_variant_get (reply, "(^as)", &results);
  return results;
}

static char **
initial (Fixture            *fixture,
         const char * const *terms)
{
  return result_set (fixture, "GetInitialResultSet", g_variant_new ("(^as)", terms));
}

/* One bus and one application for the whole program: GTK keeps the session bus connection
 * for the life of the process, so neither can be torn down between tests. */
static void
fixture_set_up (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

  /* GTestDBus unsets DISPLAY (against X11 bus autolaunch); the window still needs it. */
  fixture->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (fixture->bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  fixture->application = teapot_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (fixture->application), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (fixture->application)));
  fixture->object_path = g_strconcat (g_application_get_dbus_object_path (G_APPLICATION (fixture->application)),
                                      "/SearchProvider", NULL);

  fixture->client = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (fixture->bus),
                                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                                            | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                            NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_autoptr(GDBusConnection) session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (fixture->application))) != NULL)
    gtk_window_destroy (windows->data);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_dbus_connection_close_sync (fixture->client, NULL, NULL);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->application);
  g_clear_pointer (&fixture->object_path, g_free);
  /* The singleton would end the process when its bus goes away. */
  if (session != NULL)
    g_dbus_connection_set_exit_on_close (session, FALSE);
  g_test_dbus_stop (fixture->bus);
  /* Not unreffed: finalizing a GTestDBus that is "up" waits for the singleton to go. */
}

static void
test_object_path (Fixture *fixture)
{
  /* The path data/io.github.teapot.Teapot.search-provider.ini.in names. */
  g_autofree char *expected = g_strdelimit (g_strconcat ("/", APPLICATION_ID, "/SearchProvider", NULL), ".", '/');

  g_assert_cmpstr (fixture->object_path, ==, expected);
}

static void
test_initial_result_set (Fixture *fixture)
{
  const char *code[] = { "429", NULL };
  const char *concept[] = { "rate", "limit", NULL };
  const char *name[] = { "teapot", NULL };
  const char *nothing[] = { NULL };
  const char *blank[] = { "  ", "", NULL };
  g_auto(GStrv) by_code = initial (fixture, code);
  g_auto(GStrv) by_concept = initial (fixture, concept);
  g_auto(GStrv) by_name = initial (fixture, name);
  g_auto(GStrv) none = initial (fixture, nothing);
  g_auto(GStrv) none_blank = initial (fixture, blank);

  g_assert_cmpuint (g_strv_length (by_code), >=, 1);
  g_assert_cmpstr (by_code[0], ==, "429");
  g_assert_cmpstr (by_concept[0], ==, "429");
  g_assert_cmpuint (g_strv_length (by_concept), <=, 10);
  g_assert_true (g_strv_contains ((const char * const *) by_name, "418"));
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (none_blank), ==, 0);
}

static void
test_subsearch_result_set (Fixture *fixture)
{
  const char *previous[] = { "429", "420-twitter", NULL };
  const char *terms[] = { "404", NULL };
  g_auto(GStrv) results = result_set (fixture, "GetSubsearchResultSet",
                                      g_variant_new ("(^as^as)", previous, terms));

  g_assert_cmpuint (g_strv_length (results), >=, 1);
  g_assert_cmpstr (results[0], ==, "404");
}

static void
test_result_metas (Fixture *fixture)
{
  const char *ids[] = { "429", "no-such-entry", "499-nginx", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = call_method (fixture, PROVIDER_INTERFACE, "GetResultMetas",
                                           g_variant_new ("(^as)", ids), &error);
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(TeapotEntry) entry = NULL;
  GVariantDict meta;
  const char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (g_variant_is_of_type (reply, G_VARIANT_TYPE ("(aa{sv})")));
  metas = g_variant_get_child_value (reply, 0);
  /* The unknown id is left out, the order kept. */
  g_assert_cmpuint (g_variant_n_children (metas), ==, 2);

  g_variant_dict_init (&meta, g_variant_get_child_value (metas, 0));
  g_assert_true (g_variant_dict_lookup (&meta, "id", "&s", &text));
  g_assert_cmpstr (text, ==, "429");
  g_assert_true (g_variant_dict_lookup (&meta, "name", "&s", &text));
  g_assert_cmpstr (text, ==, "429 Too Many Requests");
  g_assert_true (g_variant_dict_lookup (&meta, "description", "&s", &text));
  entry = teapot_store_lookup_id (teapot_application_get_store (fixture->application), "429");
  g_assert_cmpstr (text, ==, teapot_entry_get_summary (entry));
  g_assert_true (g_variant_dict_lookup (&meta, "gicon", "&s", &text));
  g_assert_cmpstr (text, ==, APPLICATION_ID);
  g_variant_dict_clear (&meta);

  g_variant_dict_init (&meta, g_variant_get_child_value (metas, 1));
  g_assert_true (g_variant_dict_lookup (&meta, "id", "&s", &text));
  g_assert_cmpstr (text, ==, "499-nginx");
  g_variant_dict_clear (&meta);
}

static void
test_activate_result (Fixture *fixture)
{
  const char *terms[] = { "404", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = call_method (fixture, PROVIDER_INTERFACE, "ActivateResult",
                                           g_variant_new ("(s^asu)", "404", terms, 0), &error);
  GtkWindow *window;
  TeapotEntry *entry;

  g_assert_no_error (error);
  window = gtk_application_get_active_window (GTK_APPLICATION (fixture->application));
  g_assert_true (TEAPOT_IS_WINDOW (window));
  entry = teapot_window_get_current_entry (TEAPOT_WINDOW (window));
  g_assert_nonnull (entry);
  g_assert_cmpstr (teapot_entry_get_id (entry), ==, "404");

  /* An id from older data: the window is presented and nothing else happens. */
  g_clear_pointer (&reply, g_variant_unref);
  reply = call_method (fixture, PROVIDER_INTERFACE, "ActivateResult",
                       g_variant_new ("(s^asu)", "no-such-entry", terms, 0), &error);
  g_assert_no_error (error);
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (fixture->application)) == window);
  g_assert_cmpstr (teapot_entry_get_id (teapot_window_get_current_entry (TEAPOT_WINDOW (window))), ==, "404");
}

static void
test_launch_search (Fixture *fixture)
{
  const char *terms[] = { "rate", "limit", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = call_method (fixture, PROVIDER_INTERFACE, "LaunchSearch",
                                           g_variant_new ("(^asu)", terms, 0), &error);

  g_assert_no_error (error);
  g_assert_true (TEAPOT_IS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->application))));
  if (!g_action_group_has_action (G_ACTION_GROUP (fixture->application), "search"))
    g_test_message ("app.search does not exist: LaunchSearch only opens the window");
}

static void
assert_refused (Fixture    *fixture,
                const char *interface,
                const char *method,
                GVariant   *parameters,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = call_method (fixture, interface, method, parameters, &error);

  g_assert_null (reply);
  g_assert_error (error, G_DBUS_ERROR, code);
}

static void
test_refuses_malformed_calls (Fixture *fixture)
{
  const char *terms[] = { "404", NULL };
  g_autofree char *huge = g_strnfill (100000, 'a');
  const char *huge_terms[] = { huge, NULL };
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) none = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GError) error = NULL;

  assert_refused (fixture, PROVIDER_INTERFACE, "GetInitialResultSet", g_variant_new ("(s)", "404"),
                  G_DBUS_ERROR_INVALID_ARGS);
  assert_refused (fixture, PROVIDER_INTERFACE, "GetInitialResultSet", NULL, G_DBUS_ERROR_INVALID_ARGS);
  assert_refused (fixture, PROVIDER_INTERFACE, "GetSubsearchResultSet", g_variant_new ("(^as)", terms),
                  G_DBUS_ERROR_INVALID_ARGS);
  assert_refused (fixture, PROVIDER_INTERFACE, "GetResultMetas", g_variant_new ("(u)", 404),
                  G_DBUS_ERROR_INVALID_ARGS);
  assert_refused (fixture, PROVIDER_INTERFACE, "ActivateResult", g_variant_new ("(^asu)", terms, 0),
                  G_DBUS_ERROR_INVALID_ARGS);
  assert_refused (fixture, PROVIDER_INTERFACE, "LaunchSearch", g_variant_new ("(^as)", terms),
                  G_DBUS_ERROR_INVALID_ARGS);
  assert_refused (fixture, PROVIDER_INTERFACE, "Quit", NULL, G_DBUS_ERROR_UNKNOWN_METHOD);
  assert_refused (fixture, "org.gnome.Shell.SearchProvider", "GetInitialResultSet",
                  g_variant_new ("(^as)", terms), G_DBUS_ERROR_UNKNOWN_METHOD);
  assert_refused (fixture, "org.freedesktop.DBus.Properties", "Set",
                  g_variant_new ("(ssv)", PROVIDER_INTERFACE, "Foo", g_variant_new_string ("bar")),
                  G_DBUS_ERROR_INVALID_ARGS);

  /* Oversized input is answered, quickly and empty. */
  none = initial (fixture, huge_terms);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  for (guint i = 0; i < 5000; i++)
    g_ptr_array_add (many, g_strdup ("404"));
  g_ptr_array_add (many, NULL);
  reply = call_method (fixture, PROVIDER_INTERFACE, "GetResultMetas",
                       g_variant_new ("(^as)", many->pdata), &error);
  g_assert_no_error (error);
  metas = g_variant_get_child_value (reply, 0);
  g_assert_cmpuint (g_variant_n_children (metas), <=, 100);

  /* Still serving. */
  g_strfreev (g_steal_pointer (&none));
  none = initial (fixture, terms);
  g_assert_cmpstr (none[0], ==, "404");
}

int
main (int   argc,
      char *argv[])
{
  Fixture fixture = { NULL };
  g_autofree char *home = g_dir_make_tmp ("teapot-search-provider-XXXXXX", NULL);
  g_autoptr(GFile) home_file = g_file_new_for_path (home);
  int status;

  /* Private user dirs, but not G_TEST_OPTION_ISOLATE_DIRS: that also hides XDG_DATA_DIRS, and
   * with it the MIME database GdkPixbuf needs to load the window's SVG icons. */
  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display: activating a result opens a window");
      status = g_test_run ();
      teapot_test_remove_tree (home_file);
      return status;
    }

#define ADD(name, func) \
  g_test_add_data_func ("/search-provider/" name, &fixture, (GTestDataFunc) func)
  ADD ("object-path", test_object_path);
  ADD ("initial-result-set", test_initial_result_set);
  ADD ("subsearch-result-set", test_subsearch_result_set);
  ADD ("result-metas", test_result_metas);
  ADD ("activate-result", test_activate_result);
  ADD ("launch-search", test_launch_search);
  ADD ("refuses-malformed-calls", test_refuses_malformed_calls);
#undef ADD

  fixture_set_up (&fixture);
  status = g_test_run ();
  fixture_tear_down (&fixture);
  teapot_test_remove_tree (home_file);
  return status;
}
