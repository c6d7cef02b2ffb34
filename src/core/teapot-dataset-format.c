/* teapot-dataset-format.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "teapot-dataset-format.h"

/* Three digits, 100 to 999; or "000", what clients and load balancers log when no response
 * arrived at all. */
gboolean
teapot_dataset_parse_code (const char *value,
            guint      *code)
{
  if (value == NULL || strlen (value) != 3 || !g_ascii_isdigit (value[0])
      || !g_ascii_isdigit (value[1]) || !g_ascii_isdigit (value[2])
      || (value[0] == '0' && !g_str_equal (value, "000")))
    return FALSE;

  *code = (guint) g_ascii_strtoull (value, NULL, 10);
  return TRUE;
}

gboolean
teapot_dataset_all_digits (const char *value,
            gsize       min,
            gsize       max)
{
  gsize len = strlen (value);

  if (len < min || len > max)
    return FALSE;
  for (const char *p = value; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* A vendor's detail on top of status @code: "CODE.N" (IIS: "500.19", "403.14") or a number
 * of the vendor's own, four digits (Cloudflare: "1020"). */
gboolean
teapot_dataset_is_subcode (const char *value,
            guint       code)
{
  const char *dot = strchr (value, '.');

  if (dot == NULL)
    return teapot_dataset_all_digits (value, 4, 4) && value[0] != '0';

  return dot - value == 3 && (guint) g_ascii_strtoull (value, NULL, 10) == code
         && teapot_dataset_all_digits (dot + 1, 1, 3) && g_ascii_isdigit (value[0]) && g_ascii_isdigit (value[1])
         && g_ascii_isdigit (value[2]);
}

/* Library versions: "3.13", "8", "6.0.5". */
gboolean
teapot_dataset_is_version (const char *value)
{
  g_auto(GStrv) parts = NULL;

  if (value == NULL || *value == '\0')
    return FALSE;
  parts = g_strsplit (value, ".", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (!teapot_dataset_all_digits (parts[i], 1, 4))
      return FALSE;
  return TRUE;
}

int
teapot_dataset_compare_versions (const char *a,
                  const char *b)
{
  while (*a != '\0' || *b != '\0')
    {
      guint64 x = g_ascii_strtoull (a, (char **) &a, 10);
      guint64 y = g_ascii_strtoull (b, (char **) &b, 10);

      if (x != y)
        return x < y ? -1 : 1;
      a += *a == '.';
      b += *b == '.';
    }
  return 0;
}

gboolean
teapot_dataset_is_vendor_id (const char *value)
{
  if (value == NULL || *value == '\0' || !g_ascii_islower (value[0]))
    return FALSE;

  for (const char *p = value; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}
