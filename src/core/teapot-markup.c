/* teapot-markup.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-dataset.h"
#include "teapot-markup.h"

gboolean
_teapot_markup_fail (GError     **error,
                     const char  *filename,
                     int          line,
                     const char  *format,
                     ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, TEAPOT_DATASET_ERROR, TEAPOT_DATASET_ERROR_INVALID, "%s:%d: %s", filename, line, reason);
  return FALSE;
}

int
_teapot_markup_line (GMarkupParseContext *context)
{
  int line = 0, column = 0;

  /* GMarkup reports an element once it has read one character past it: a line break after
   * the tag would put the element on the next line. */
  g_markup_parse_context_get_position (context, &line, &column);
  return column <= 1 && line > 1 ? line - 1 : line;
}

gboolean
_teapot_markup_only_space (GMarkupParseContext  *context,
                           const char           *filename,
                           const char           *text,
                           gsize                 length,
                           const char           *what,
                           GError              **error)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      {
        int line = _teapot_markup_line (context);

        /* Name the line the stray text is on, not the one the parser has reached. */
        for (gsize j = length; j > i + 1 && g_ascii_isspace (text[j - 1]); j--)
          line -= text[j - 1] == '\n';
        return _teapot_markup_fail (error, filename, line, "%s", what);
      }
  return TRUE;
}

gboolean
_teapot_markup_parse (const GMarkupParser  *parser,
                      gpointer              state,
                      const char           *filename,
                      const char           *text,
                      gssize                length,
                      GError              **error)
{
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (parser, G_MARKUP_TREAT_CDATA_AS_TEXT,
                                                                        state, NULL);
  g_autoptr(GError) local_error = NULL;

  if (g_markup_parse_context_parse (context, text, length, &local_error)
      && g_markup_parse_context_end_parse (context, &local_error))
    return TRUE;
  /* GMarkup's own messages carry the line already, but not the file. */
  if (local_error->domain != TEAPOT_DATASET_ERROR)
    g_set_error (error, TEAPOT_DATASET_ERROR, TEAPOT_DATASET_ERROR_SYNTAX, "%s:%d: %s", filename,
                 _teapot_markup_line (context), local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
