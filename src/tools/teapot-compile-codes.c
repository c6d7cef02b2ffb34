/* teapot-compile-codes.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Build step: the XML files of data/codes -> the reference SQLite database the binary embeds.
 * Compiled catalogs (LANG.mo, from po/codes/LANG.po) add the translated summaries and
 * descriptions; their file name names the language. A source named facts.xml holds the facts
 * compared side by side: it is read after every entry is known. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "teapot-catalog.h"
#include "teapot-dataset.h"
#include "teapot-facts-source.h"
#include "teapot-refdb.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_record_free);
  g_autoptr(GHashTable) catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GPtrArray) facts_files = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s OUTPUT.sqlite [LANG.mo...] SOURCE.xml...\n", argv[0]);
      return 2;
    }

  for (int i = 2; i < argc; i++)
    {
      g_autofree char *text = NULL;
      gsize length = 0;

      if (g_str_has_suffix (argv[i], ".mo"))
        {
          g_autofree char *name = g_path_get_basename (argv[i]);
          GHashTable *catalog = teapot_catalog_load (argv[i], &error);

          if (catalog == NULL)
            {
              fprintf (stderr, "%s\n", error->message);
              return 1;
            }
          name[strlen (name) - strlen (".mo")] = '\0';
          g_hash_table_replace (catalogs, g_steal_pointer (&name), catalog);
        }
      else if (g_str_has_suffix (argv[i], "/facts.xml") || g_str_equal (argv[i], "facts.xml"))
        g_ptr_array_add (facts_files, argv[i]);
      else if (!g_file_get_contents (argv[i], &text, &length, &error)
               || !teapot_dataset_parse (argv[i], text, length, records, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
    }

  for (guint i = 0; i < facts_files->len; i++)
    {
      const char *path = g_ptr_array_index (facts_files, i);
      g_autofree char *text = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &text, &length, &error)
          || !teapot_facts_source_parse (path, text, length, records, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
    }

  if (!teapot_dataset_validate (records, &error) || !teapot_refdb_write_translated (records, catalogs, argv[1], &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  return 0;
}
