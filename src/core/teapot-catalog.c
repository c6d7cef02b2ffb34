/* teapot-catalog.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "teapot-catalog.h"

#define MO_MAGIC 0x950412deU

typedef struct
{
  const guint8 *data;
  gsize size;
  gboolean swap;
} MoFile;

static gboolean
read_u32 (const MoFile *mo,
          gsize         offset,
          guint32      *value)
{
  guint32 raw;

  if (offset > mo->size || mo->size - offset < sizeof raw)
    return FALSE;
  memcpy (&raw, mo->data + offset, sizeof raw);
  *value = mo->swap ? GUINT32_SWAP_LE_BE (raw) : raw;
  return TRUE;
}

/* String @index of the table at @table: its length and offset, checked against the file. */
static const char *
read_string (const MoFile *mo,
             guint32       table,
             guint32       index,
             guint32      *length)
{
  guint32 offset;
  gsize at = (gsize) table + (gsize) index * 8;

  if (!read_u32 (mo, at, length) || !read_u32 (mo, at + 4, &offset))
    return NULL;
  if (offset > mo->size || mo->size - offset <= *length || mo->data[offset + *length] != '\0')
    return NULL;
  return (const char *) mo->data + offset;
}

GHashTable *
teapot_catalog_load (const char  *path,
                     GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GHashTable) messages = NULL;
  guint32 magic, count, originals, translations;
  MoFile mo;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;

  mo.data = (const guint8 *) g_mapped_file_get_contents (file);
  mo.size = g_mapped_file_get_length (file);
  mo.swap = FALSE;
  if (read_u32 (&mo, 0, &magic) && magic != MO_MAGIC)
    mo.swap = GUINT32_SWAP_LE_BE (magic) == MO_MAGIC;

  if (!read_u32 (&mo, 0, &magic) || magic != MO_MAGIC
      || !read_u32 (&mo, 8, &count) || !read_u32 (&mo, 12, &originals) || !read_u32 (&mo, 16, &translations))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: not a gettext catalog", path);
      return NULL;
    }

  messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint32 i = 0; i < count; i++)
    {
      guint32 id_length, str_length;
      const char *id = read_string (&mo, originals, i, &id_length);
      const char *str = read_string (&mo, translations, i, &str_length);

      if (id == NULL || str == NULL)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: message %u is damaged", path, i);
          return NULL;
        }
      /* The header, messages with a context (EOT) and plural forms (a second string). */
      if (id_length == 0 || strchr (id, '\004') != NULL || strlen (id) != id_length)
        continue;
      g_hash_table_insert (messages, g_strdup (id), g_strdup (str));
    }

  return g_steal_pointer (&messages);
}
