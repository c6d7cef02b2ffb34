/* teapot-compile-codes.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Build step: the XML files of data/codes -> the reference SQLite database the binary embeds. */

#include "config.h"

#include <stdio.h>

#include "teapot-dataset.h"
#include "teapot-refdb.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_record_free);
  g_autoptr(GError) error = NULL;

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s OUTPUT.sqlite SOURCE.xml...\n", argv[0]);
      return 2;
    }

  for (int i = 2; i < argc; i++)
    {
      g_autofree char *text = NULL;
      gsize length = 0;

      if (!g_file_get_contents (argv[i], &text, &length, &error)
          || !teapot_dataset_parse (argv[i], text, length, records, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
    }

  if (!teapot_dataset_validate (records, &error) || !teapot_refdb_write (records, argv[1], &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  return 0;
}
