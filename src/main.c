/* main.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "teapot-application.h"

/* `teapot-window`, installed in libexecdir: the `teapot` program (src/main-cli.c) starts it
 * when the window is wanted, and D-Bus starts it for the search provider. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(TeapotApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Still "teapot" to the user: in --help, and in the X11 window class. */
  g_set_prgname ("teapot");

  app = teapot_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
