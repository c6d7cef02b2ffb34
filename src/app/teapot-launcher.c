/* teapot-launcher.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "teapot-launcher.h"

#define WINDOW_PROGRAM "teapot-window"

char *
teapot_launcher_find_window (void)
{
  const char *override = g_getenv ("TEAPOT_WINDOW");
  g_autofree char *self = NULL;

  if (override != NULL && *override != '\0')
    return g_strdup (override);

  /* An uninstalled build runs its own window, not an older one installed on the system. */
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, WINDOW_PROGRAM, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE) && !g_file_test (beside, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (LIBEXECDIR, WINDOW_PROGRAM, NULL);
}

gboolean
teapot_launcher_exec_window (char   **argv,
                             GError **error)
{
  g_autofree char *path = teapot_launcher_find_window ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;
  int saved;

  g_return_val_if_fail (argv != NULL && argv[0] != NULL, FALSE);

  g_strv_builder_add (builder, path);
  g_strv_builder_addv (builder, (const char **) argv + 1);
  args = g_strv_builder_end (builder);

  fflush (stdout);
  execv (path, args);

  saved = errno;
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               _("Cannot start the window (%s): %s"), path, g_strerror (saved));
  return FALSE;
}
