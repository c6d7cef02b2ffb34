/* teapot-log-parser.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "teapot-log-parser.h"
#include "teapot-log-reader.h"
#include "teapot-log-json-private.h"
#include "teapot-log-scan-private.h"

/* Detection reads this many lines of the start at most. */
#define SAMPLE_LINES 64

struct _TeapotLogParser
{
  TeapotLogFormat format;
  TeapotTimeCache time_cache;
  TeapotIisFields iis;
  TeapotResponseState response;
  JsonParser *json;
};

/* The line formats in the order detection tries them (teapot-log-format.h). */
static const TeapotLogFormat line_formats[] = {
  TEAPOT_LOG_FORMAT_INGRESS_NGINX, TEAPOT_LOG_FORMAT_ACCESS, TEAPOT_LOG_FORMAT_NGINX_ERROR,
  TEAPOT_LOG_FORMAT_AWS_ALB, TEAPOT_LOG_FORMAT_AWS_ELB, TEAPOT_LOG_FORMAT_IIS,
  TEAPOT_LOG_FORMAT_JSON_LINES, TEAPOT_LOG_FORMAT_HTTP_RESPONSE,
};

TeapotLogParser *
teapot_log_parser_new (TeapotLogFormat format)
{
  TeapotLogParser *self;

  g_return_val_if_fail (format != TEAPOT_LOG_FORMAT_UNKNOWN && format != TEAPOT_LOG_FORMAT_HAR
                        && format < TEAPOT_N_LOG_FORMATS, NULL);

  self = g_new0 (TeapotLogParser, 1);
  self->format = format;
  _teapot_log_iis_defaults (&self->iis);
  if (format == TEAPOT_LOG_FORMAT_JSON_LINES)
    self->json = json_parser_new_immutable ();
  return self;
}

void
teapot_log_parser_free (TeapotLogParser *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->json);
  g_free (self);
}

TeapotLogFormat
teapot_log_parser_get_format (TeapotLogParser *self)
{
  g_return_val_if_fail (self != NULL, TEAPOT_LOG_FORMAT_UNKNOWN);
  return self->format;
}

TeapotLogLine
teapot_log_parser_parse (TeapotLogParser *self,
                         const char      *line,
                         gsize            length,
                         TeapotLogRecord *record)
{
  g_assert (self != NULL);
  g_assert (line != NULL || length == 0);

  /* An empty line may come as NULL (an empty copy); the scanners do pointer arithmetic. */
  if (line == NULL)
    line = "";
  memset (record, 0, sizeof *record);
  record->subcode = -1;
  record->context = teapot_log_format_get_context (self->format);

  switch (self->format)
    {
    case TEAPOT_LOG_FORMAT_INGRESS_NGINX:
      return _teapot_log_scan_access (&self->time_cache, line, length, TRUE, record);
    case TEAPOT_LOG_FORMAT_ACCESS:
      return _teapot_log_scan_access (&self->time_cache, line, length, FALSE, record);
    case TEAPOT_LOG_FORMAT_NGINX_ERROR:
      return _teapot_log_scan_nginx_error (line, length, record);
    case TEAPOT_LOG_FORMAT_AWS_ALB:
      return _teapot_log_scan_aws (line, length, TRUE, record);
    case TEAPOT_LOG_FORMAT_AWS_ELB:
      return _teapot_log_scan_aws (line, length, FALSE, record);
    case TEAPOT_LOG_FORMAT_IIS:
      return _teapot_log_scan_iis (&self->iis, line, length, record);
    case TEAPOT_LOG_FORMAT_JSON_LINES:
      return _teapot_log_scan_json_line (self->json, line, length, record);
    case TEAPOT_LOG_FORMAT_HTTP_RESPONSE:
      return _teapot_log_scan_response (&self->response, line, length, record);
    case TEAPOT_LOG_FORMAT_UNKNOWN:
    case TEAPOT_LOG_FORMAT_HAR:
    case TEAPOT_N_LOG_FORMATS:
    default:
      g_assert_not_reached ();
    }
}

static char *
tried_formats (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (line_formats); i++)
    g_string_append_printf (out, "%s, ", teapot_log_format_get_name (line_formats[i]));
  g_string_append (out, teapot_log_format_get_name (TEAPOT_LOG_FORMAT_HAR));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A JSON document rather than JSON lines: its first line is not a whole object (a
 * pretty-printed HAR), or is one with a "log" object (a HAR on one line; Docker's JSON
 * log lines have a "log" string). */
static gboolean
looks_like_har (const char *line,
                gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root, *log;

  switch (_teapot_log_json_extent (line, length))
    {
    case TEAPOT_JSON_EXTENT_UNCLOSED:
      return TRUE;
    case TEAPOT_JSON_EXTENT_OTHER:
      return FALSE;
    case TEAPOT_JSON_EXTENT_ONE_OBJECT:
    default:
      break;
    }
  if (!json_parser_load_from_data (parser, line, length, NULL))
    return TRUE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  log = json_object_get_member (json_node_get_object (root), "log");
  return log != NULL && JSON_NODE_HOLDS_OBJECT (log);
}

TeapotLogFormat
teapot_log_detect (const char  *data,
                   gsize        length,
                   GError     **error)
{
  const char *lines[SAMPLE_LINES];
  gsize lengths[SAMPLE_LINES];
  guint n_lines = 0;
  const char *p, *end = data + length;
  TeapotLogFormat best = TEAPOT_LOG_FORMAT_UNKNOWN;
  guint best_understood = 0;

  g_return_val_if_fail (data != NULL || length == 0, TEAPOT_LOG_FORMAT_UNKNOWN);

  if (length == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the input is empty"));
      return TEAPOT_LOG_FORMAT_UNKNOWN;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("binary data, not a text log (nor gzip-compressed text)"));
      return TEAPOT_LOG_FORMAT_UNKNOWN;
    }
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3;

  /* Whole lines only: the last one of a full sample may be cut. */
  for (p = data; p < end && n_lines < SAMPLE_LINES;)
    {
      const char *newline = memchr (p, '\n', end - p);
      gsize n;

      if (newline == NULL && length == TEAPOT_LOG_READER_PEEK_SIZE && n_lines > 0)
        break;
      n = (newline != NULL ? newline : end) - p;
      if (n > 0 && p[n - 1] == '\r')
        n--;
      if (n > 0)
        {
          lines[n_lines] = p;
          lengths[n_lines++] = n;
        }
      p = newline != NULL ? newline + 1 : end;
    }
  if (n_lines == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the input has only blank lines"));
      return TEAPOT_LOG_FORMAT_UNKNOWN;
    }

  {
    const char *first = lines[0];
    gsize n = lengths[0];

    while (n > 0 && g_ascii_isspace (*first))
      first++, n--;
    if (n > 0 && *first == '{' && looks_like_har (lines[0], lengths[0]))
      return TEAPOT_LOG_FORMAT_HAR;
  }

  for (gsize f = 0; f < G_N_ELEMENTS (line_formats); f++)
    {
      g_autoptr(TeapotLogParser) parser = teapot_log_parser_new (line_formats[f]);
      guint understood = 0, statuses = 0;

      for (guint i = 0; i < n_lines; i++)
        {
          TeapotLogRecord record;
          TeapotLogLine kind = teapot_log_parser_parse (parser, lines[i], lengths[i], &record);

          understood += kind != TEAPOT_LOG_LINE_UNKNOWN;
          statuses += kind == TEAPOT_LOG_LINE_STATUS;
        }
      /* Error logs and IIS headers can open a file without a status for pages. */
      if (statuses == 0 && line_formats[f] != TEAPOT_LOG_FORMAT_NGINX_ERROR && line_formats[f] != TEAPOT_LOG_FORMAT_IIS)
        continue;
      if (understood > best_understood)
        {
          best = line_formats[f];
          best_understood = understood;
        }
    }

  if (best == TEAPOT_LOG_FORMAT_UNKNOWN)
    {
      g_autofree char *tried = tried_formats ();

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("no known log format in the first %u lines (tried: %s)"), n_lines, tried);
    }
  return best;
}
