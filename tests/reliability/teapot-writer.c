/* teapot-writer.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A writer for the crash and concurrency tests: one TeapotStore, as the window holds it,
 * applying commands from stdin and saying so on stdout after each committed write.
 *
 *   teapot-writer USER_DB_PATH
 *   stdin:  "star ID", "unstar ID", "review ID RATING NOW" (a study answer, 1..4, at
 *           Unix time NOW) or "search TEXT" (as the window does between writes: a read
 *           on the same connection), one a line
 *   stdout: "ready" once the store is open, then "done ID 1|0" after each favourite
 *           write and "reviewed ID NOW" after each review (flushed: a line on stdout
 *           means the write is on disk), or "error ID MESSAGE" when a write fails.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "teapot-store.h"
#include "teapot-study.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(TeapotStudy) study = NULL;
  char line[512];
  int status = 0;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s USER_DB_PATH\n", argv[0]);
      return 2;
    }

  store = teapot_store_new (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "teapot-writer: %s\n", error->message);
      return 1;
    }
  if (teapot_store_get_notice (store) != NULL)
    fprintf (stderr, "teapot-writer: notice: %s\n", teapot_store_get_notice (store));
  study = teapot_study_new (store);
  printf ("ready\n");
  fflush (stdout);

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      gboolean favourite;
      const char *id;

      g_strchomp (line);
      if (g_str_has_prefix (line, "search "))
        {
          g_autoptr(GPtrArray) results = teapot_store_search (store, line + 7, NULL, 5, NULL);
          g_autoptr(GPtrArray) listed = teapot_store_list (store, NULL, 3);

          continue;
        }
      if (g_str_has_prefix (line, "review "))
        {
          g_auto(GStrv) fields = g_strsplit (line + 7, " ", 3);

          gint64 rating;

          if (g_strv_length (fields) != 3)
            continue;
          rating = g_ascii_strtoll (fields[1], NULL, 10);
          if (rating < TEAPOT_RATING_AGAIN || rating > TEAPOT_RATING_EASY)
            continue;
          if (teapot_study_record_review (study, fields[0], (TeapotRating) rating,
                                          g_ascii_strtoll (fields[2], NULL, 10), &error))
            printf ("reviewed %s %s\n", fields[0], fields[2]);
          else
            {
              printf ("error %s %s\n", fields[0], error->message);
              g_clear_error (&error);
              status = 1;
            }
          fflush (stdout);
          continue;
        }
      if (g_str_has_prefix (line, "star "))
        favourite = TRUE, id = line + 5;
      else if (g_str_has_prefix (line, "unstar "))
        favourite = FALSE, id = line + 7;
      else
        continue;

      if (teapot_store_set_favourite (store, id, favourite, &error))
        printf ("done %s %d\n", id, favourite ? 1 : 0);
      else
        {
          printf ("error %s %s\n", id, error->message);
          g_clear_error (&error);
          status = 1;
        }
      fflush (stdout);
    }

  return status;
}
