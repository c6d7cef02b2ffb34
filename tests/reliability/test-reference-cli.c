/* test-reference-cli.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A build whose embedded reference database is missing or damaged: the command line says
 * so in one line on stderr and exits non-zero, it does not crash. The real binary cannot
 * be given a damaged database, so this runs its command-line code in a test subprocess
 * after taking the embedded resource away (and, for damage, putting garbage in its place). */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "teapot-cli.h"
#include "teapot-core-resources.h"

static int
run_cli (void)
{
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  const char *codes[] = { "404", NULL };
  char *open_id = NULL;
  int status;

  g_variant_dict_insert_value (options, G_OPTION_REMAINING, g_variant_new_strv (codes, -1));
  status = teapot_cli_run (options, &open_id);
  g_assert_null (open_id);
  return status;
}

static void
run_cli_expecting_one_line (void)
{
  int status = run_cli ();

  /* The status is the test's exit status, checked by the parent; _exit() because GLib's
   * destructor for the static resource taken away above would assert. */
  fflush (stdout);
  fflush (stderr);
  _exit (status);
}

/* One line: the pattern is anchored at both ends and "*" would match a newline, so the
 * count of lines is checked apart (the message has no newline of its own). */
static void
assert_one_clear_line (void)
{
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("teapot: The reference data in this build of Teapot is missing or damaged*");
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
  g_test_trap_assert_stderr_unmatched ("*\n*\n*");
}

static void
test_reference_missing (void)
{
  if (g_test_subprocess ())
    {
      g_resources_unregister (teapot_core_get_resource ());
      run_cli_expecting_one_line ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  assert_one_clear_line ();
}

static void
test_reference_damaged (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GResource) garbage = g_resource_load (g_getenv ("TEAPOT_GARBAGE_RESOURCE"), &error);

      g_assert_no_error (error);
      g_resources_unregister (teapot_core_get_resource ());
      g_resources_register (garbage);
      run_cli_expecting_one_line ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  assert_one_clear_line ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/reference-cli/missing", test_reference_missing);
  g_test_add_func ("/reference-cli/damaged", test_reference_damaged);

  return g_test_run ();
}
