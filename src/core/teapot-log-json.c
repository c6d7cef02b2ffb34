/* teapot-log-json.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "teapot-log-json-private.h"
#include "teapot-log-scan-private.h"

/* Where JSON access logs keep the status, the status of the server behind, the URL and the
 * time. Dotted names are nested objects (Elastic Common Schema, Caddy). Cloudflare
 * Logpush: EdgeResponseStatus / OriginResponseStatus; Traefik: DownstreamStatus /
 * OriginStatus. */
static const struct
{
  const char *status;
  const char *upstream;
  TeapotLogContext context;
} status_keys[] = {
  { "EdgeResponseStatus", "OriginResponseStatus", TEAPOT_LOG_CONTEXT_CLOUDFLARE },
  { "DownstreamStatus", "OriginStatus", TEAPOT_LOG_CONTEXT_NONE },
  { "status", "upstream_status", TEAPOT_LOG_CONTEXT_NONE },
  { "status_code", NULL, TEAPOT_LOG_CONTEXT_NONE },
  { "statusCode", NULL, TEAPOT_LOG_CONTEXT_NONE },
  { "http_status", NULL, TEAPOT_LOG_CONTEXT_NONE },
  { "response_status", NULL, TEAPOT_LOG_CONTEXT_NONE },
  { "http.response.status_code", NULL, TEAPOT_LOG_CONTEXT_NONE },
};

static const char * const url_keys[] = {
  "ClientRequestURI", "ClientRequestPath", "RequestPath", "request_uri", "uri", "url", "path",
  "request.uri", "url.original", "url.path",
};

static const char * const time_keys[] = {
  "EdgeStartTimestamp", "StartUTC", "@timestamp", "timestamp", "time", "ts", "start_time",
};

/* json-glib 1.6 accepts a document of several top-level values, keeps the last and leaks
 * the others (a JSON-lines file crafted so could grow memory without bound): only one
 * object, or one that never closes (a truncated file, which it rejects cleanly), is
 * handed to it. */
TeapotJsonExtent
_teapot_log_json_extent (const char *text,
                         gsize       length)
{
  gboolean in_string = FALSE;
  int depth = 0;
  gsize i = 0;

  while (i < length && g_ascii_isspace (text[i]))
    i++;
  if (i == length || text[i] != '{')
    return TEAPOT_JSON_EXTENT_OTHER;
  for (; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        depth++;
      else if ((c == '}' || c == ']') && --depth == 0)
        break;
    }
  if (i >= length)
    return TEAPOT_JSON_EXTENT_UNCLOSED;
  for (i++; i < length && g_ascii_isspace (text[i]); i++)
    ;
  return i == length ? TEAPOT_JSON_EXTENT_ONE_OBJECT : TEAPOT_JSON_EXTENT_OTHER;
}

static JsonNode *
member (JsonObject *object,
        const char *path)
{
  const char *dot = strchr (path, '.');
  JsonNode *node;

  if (dot == NULL)
    return json_object_get_member (object, path);
  {
    g_autofree char *head = g_strndup (path, dot - path);

    node = json_object_get_member (object, head);
  }
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return member (json_node_get_object (node), dot + 1);
}

/* A status as a number or a string of digits; FALSE when the member is absent or is
 * something else. 0 is a status "none" (Cloudflare's origin status when it never asked). */
static gboolean
status_of (JsonNode *node,
           guint    *code)
{
  *code = 0;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 value = json_node_get_int (node);

      if (value < 0 || value > 999)
        return FALSE;
      *code = value >= 100 ? (guint) value : 0;
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (g_str_equal (text, "-") || g_str_equal (text, "0") || g_str_equal (text, "000"))
        return TRUE;
      return (*code = _teapot_log_parse_code (text, strlen (text))) != 0;
    }
  return FALSE;
}

static gint64
time_of (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      return _teapot_log_parse_iso_time (text, strlen (text));
    }
  if (json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      /* Unix time in nanoseconds (Cloudflare's default), micro-, milliseconds or seconds. */
      while (value > 1e11)
        value /= 1000;
      return value > 0 ? (gint64) value : 0;
    }
  return 0;
}

static const char *
string_of (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node) : NULL;
}

TeapotLogLine
_teapot_log_scan_json_line (JsonParser      *parser,
                            const char      *line,
                            gsize            length,
                            TeapotLogRecord *record)
{
  JsonNode *root;
  JsonObject *object;
  gsize i = 0;

  if (_teapot_log_json_extent (line, length) != TEAPOT_JSON_EXTENT_ONE_OBJECT
      || !json_parser_load_from_data (parser, line, length, NULL))
    return TEAPOT_LOG_LINE_UNKNOWN;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return TEAPOT_LOG_LINE_UNKNOWN;
  object = json_node_get_object (root);

  for (i = 0; i < G_N_ELEMENTS (status_keys); i++)
    if (status_of (member (object, status_keys[i].status), &record->code))
      break;
  if (i == G_N_ELEMENTS (status_keys))
    return TEAPOT_LOG_LINE_OTHER;
  record->context = status_keys[i].context;
  if (status_keys[i].upstream != NULL)
    status_of (member (object, status_keys[i].upstream), &record->upstream);

  for (i = 0; i < G_N_ELEMENTS (url_keys) && record->request == NULL; i++)
    if ((record->request = string_of (member (object, url_keys[i]))) != NULL)
      record->request_length = strlen (record->request);
  for (i = 0; i < G_N_ELEMENTS (time_keys) && record->time == 0; i++)
    record->time = time_of (member (object, time_keys[i]));

  return record->code != 0 ? TEAPOT_LOG_LINE_STATUS : TEAPOT_LOG_LINE_OTHER;
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
report_headers (JsonObject         *response,
                guint               code,
                TeapotHarEntryFunc  func,
                gpointer            user_data)
{
  JsonNode *node = json_object_get_member (response, "headers");
  JsonArray *headers;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  headers = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (headers); i++)
    {
      JsonNode *header = json_array_get_element (headers, i);
      JsonObject *pair = JSON_NODE_HOLDS_OBJECT (header) ? json_node_get_object (header) : NULL;
      const char *name = pair != NULL ? string_of (json_object_get_member (pair, "name")) : NULL;
      const char *value = pair != NULL ? string_of (json_object_get_member (pair, "value")) : NULL;

      if (name != NULL && value != NULL && _teapot_log_is_telling_header (name, strlen (name)))
        {
          g_autofree char *text = g_strdup_printf ("%s: %s", name, value);
          TeapotLogRecord record = { .code = code, .subcode = -1, .header = text, .header_length = strlen (text) };

          func (&record, user_data);
        }
    }
}

gint64
_teapot_log_scan_har (GBytes              *data,
                      TeapotHarEntryFunc   func,
                      gpointer             user_data,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) json_error = NULL;
  JsonObject *root, *log;
  JsonNode *node;
  JsonArray *entries;
  gsize size = 0;
  const char *bytes = g_bytes_get_data (data, &size);

  if (_teapot_log_json_extent (bytes, size) == TEAPOT_JSON_EXTENT_OTHER)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("not a HAR file: not one JSON object (JSON lines cut in the middle of a line?)"));
      return -1;
    }
  if (!json_parser_load_from_data (parser, bytes, size, &json_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("not a HAR file: the JSON is invalid (%s)"),
                   json_error->message);
      return -1;
    }
  node = json_parser_get_root (parser);
  root = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  log = object_member (root, "log");
  node = log != NULL ? json_object_get_member (log, "entries") : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("not a HAR file: valid JSON, but without log.entries"));
      return -1;
    }

  entries = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *element = json_array_get_element (entries, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      JsonObject *response = object_member (entry, "response");
      JsonObject *request = object_member (entry, "request");
      TeapotLogRecord record = { .subcode = -1 };

      if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
      if (response != NULL)
        status_of (json_object_get_member (response, "status"), &record.code);
      if (request != NULL && (record.request = string_of (json_object_get_member (request, "url"))) != NULL)
        record.request_length = strlen (record.request);
      if (entry != NULL)
        record.time = time_of (json_object_get_member (entry, "startedDateTime"));
      func (&record, user_data);
      if (response != NULL && record.code != 0)
        report_headers (response, record.code, func, user_data);
    }
  return json_array_get_length (entries);
}
