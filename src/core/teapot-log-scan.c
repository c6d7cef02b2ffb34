/* teapot-log-scan.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Hand scanners for the text log formats. A 500 MB access log must be read in about twice
 * the time `wc -l` takes (DESIGN.md's budget): that leaves a few dozen nanoseconds a line,
 * less than one GRegex match costs. So each scanner finds the few fields it needs with
 * memchr() and fixed offsets, looks at nothing else, and allocates nothing. */

#include "config.h"

#include <string.h>

#include "teapot-log-scan-private.h"


static inline int
digits (const char *p,
        int         n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (p[i] < '0' || p[i] > '9')
        return -1;
      value = value * 10 + (p[i] - '0');
    }
  return value;
}

/* Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
 * days_from_civil). */
static gint64
days_from_civil (int y,
                 int m,
                 int d)
{
  gint64 era;
  int yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static gint64
seconds_of (int y, int mo, int d, int h, int mi, int s)
{
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
    return 0;
  return days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

/* Three digits from 100 to 999 at @p, else 0; inline for the access-log scanner. */
static inline guint
code_at (const char *p)
{
  if (p[0] < '1' || p[0] > '9' || p[1] < '0' || p[1] > '9' || p[2] < '0' || p[2] > '9')
    return 0;
  return (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
}

guint
_teapot_log_parse_code (const char *text,
                        gsize       length)
{
  return length == 3 ? code_at (text) : 0;
}

gint64
_teapot_log_parse_iso_time (const char *text,
                            gsize       length)
{
  int y, mo, d, h, mi, s, offset = 0;
  gint64 t;
  gsize i = 19;

  if (length < 19 || text[13] != ':' || text[16] != ':')
    return 0;
  y = digits (text, 4);
  mo = digits (text + 5, 2);
  d = digits (text + 8, 2);
  h = digits (text + 11, 2);
  mi = digits (text + 14, 2);
  s = digits (text + 17, 2);
  if ((y | mo | d | h | mi | s) < 0 || (t = seconds_of (y, mo, d, h, mi, s)) == 0)
    return 0;

  if (i < length && (text[i] == '.' || text[i] == ','))
    for (i++; i < length && g_ascii_isdigit (text[i]); i++)
      ;
  if (i + 6 <= length && (text[i] == '+' || text[i] == '-') && text[i + 3] == ':')
    {
      int oh = digits (text + i + 1, 2), om = digits (text + i + 4, 2);

      if (oh >= 0 && om >= 0)
        offset = (text[i] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    }
  return t - offset;
}

static int
month_of (const char *p)
{
  switch (p[0])
    {
    case 'J':
      return p[1] == 'a' ? 1 : p[2] == 'n' ? 6 : 7;
    case 'F':
      return 2;
    case 'M':
      return p[2] == 'r' ? 3 : 5;
    case 'A':
      return p[1] == 'p' ? 4 : 8;
    case 'S':
      return 9;
    case 'O':
      return 10;
    case 'N':
      return 11;
    case 'D':
      return 12;
    default:
      return 0;
    }
}

/* "10/Oct/2000:13:55:36 -0700" */
static gint64
access_time (TeapotTimeCache *cache,
             const char      *p,
             gsize            length)
{
  int d, y, h, mi, s, mo, oh, om;
  gint64 t;

  if (length != 26)
    return 0;
  s = digits (p + 18, 2);
  if (s < 0)
    return 0;
  if (memcmp (cache->key, p, 17) == 0 && memcmp (cache->key + 20, p + 20, 6) == 0)
    return cache->minute + s;

  d = digits (p, 2);
  mo = month_of (p + 3);
  y = digits (p + 7, 4);
  h = digits (p + 12, 2);
  mi = digits (p + 15, 2);
  oh = digits (p + 22, 2);
  om = digits (p + 24, 2);
  if ((d | y | h | mi | oh | om) < 0 || mo == 0 || p[2] != '/' || p[11] != ':'
      || (p[21] != '+' && p[21] != '-') || (t = seconds_of (y, mo, d, h, mi, 0)) == 0)
    return 0;
  t -= (p[21] == '-' ? -1 : 1) * (oh * 3600 + om * 60);

  memcpy (cache->key, p, 26);
  cache->minute = t;
  return t + s;
}

static gboolean
is_hex (const char *p,
        gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isxdigit (p[i]))
      return FALSE;
  return TRUE;
}

/* ingress-nginx adds, after the combined fields, "... $upstream_status $req_id": the
 * upstream status is the token before the last, the last of a list when nginx retried
 * ("502, 200"). */
static gboolean
scan_ingress_tail (const char      *from,
                   const char      *end,
                   TeapotLogRecord *record)
{
  const char *p = end, *token_end;

  while (p > from && p[-1] == ' ')
    p--;
  token_end = p;
  while (p > from && p[-1] != ' ')
    p--;
  if (token_end - p < 16 || !is_hex (p, token_end - p))
    return FALSE;

  p--;
  token_end = p;
  while (p > from && p[-1] != ' ')
    p--;
  if (p <= from || memchr (from, '[', p - from) == NULL)
    return FALSE;
  if (token_end - p == 1 && *p == '-')
    record->upstream = 0;
  else if ((record->upstream = _teapot_log_parse_code (p, token_end - p)) == 0)
    return FALSE;
  return TRUE;
}

TeapotLogLine
_teapot_log_scan_access (TeapotTimeCache *cache,
                         const char      *line,
                         gsize            length,
                         gboolean         ingress,
                         TeapotLogRecord *record)
{
  const char *end = line + length;
  const char *open, *close, *request, *quote;

  /* host ident user [time] "request" status bytes ["referer" "agent"] */
  open = _teapot_find_byte (line, end, '[', 4);
  if (open == NULL || open == line || open[-1] != ' ')
    return TEAPOT_LOG_LINE_UNKNOWN;
  /* The time has a fixed width: look where its end should be before searching. */
  close = end - open > 27 && open[27] == ']' ? open + 27 : memchr (open, ']', end - open);
  if (close == NULL || end - close < 8 || close[1] != ' ' || close[2] != '"')
    return TEAPOT_LOG_LINE_UNKNOWN;
  request = close + 3;

  /* The request's closing quote is the one followed by " NNN": the request itself may hold
   * quotes, escaped as \" by Apache and as \x22 by nginx. */
  for (quote = request;; quote++)
    {
      quote = _teapot_find_byte (quote, end, '"', 4);
      if (quote == NULL || end - quote < 5)
        return TEAPOT_LOG_LINE_UNKNOWN;
      if (quote[1] == ' ' && (end - quote == 5 || quote[5] == ' ')
          && (record->code = code_at (quote + 2)) != 0)
        break;
    }

  record->context = TEAPOT_LOG_CONTEXT_NGINX;
  record->time = access_time (cache, open + 1, close - open - 1);
  record->request = request;
  record->request_length = quote - request;
  record->request_line = TRUE;
  if (ingress && !scan_ingress_tail (quote + 5, end, record))
    return TEAPOT_LOG_LINE_UNKNOWN;
  return TEAPOT_LOG_LINE_STATUS;
}

/* What nginx's own error messages mean for the response it then sent; the message texts
 * are nginx's (src/http/ngx_http_upstream.c, ngx_http_request.c, the limit modules). 494
 * to 497 are nginx's internal codes, logged as 400 in the access log. */
static const struct
{
  const char *text;
  guint code;
} nginx_errors[] = {
  { "upstream timed out", 504 },
  { "no live upstreams", 502 },
  { "while connecting to upstream", 502 },
  { "upstream prematurely closed connection", 502 },
  { "upstream sent too big header", 502 },
  { "upstream sent invalid header", 502 },
  { "client intended to send too large body", 413 },
  { "limiting requests", 503 },
  { "limiting connections", 503 },
  { "access forbidden by rule", 403 },
  { "is forbidden", 403 },
  { "(13: Permission denied)", 403 },
  { "(2: No such file or directory)", 404 },
  { "client sent too long URI", 414 },
  { "client sent too long header line", 494 },
  { "client sent too large request", 494 },
  { "client SSL certificate verify error", 495 },
  { "client sent no required SSL certificate", 496 },
  { "plain HTTP request was sent to HTTPS port", 497 },
  { "client prematurely closed connection", 499 },
  { "rewrite or internal redirection cycle", 500 },
  { "client sent invalid", 400 },
};

TeapotLogLine
_teapot_log_scan_nginx_error (const char      *line,
                              gsize            length,
                              TeapotLogRecord *record)
{
  const char *request;
  g_autofree char *text = NULL;

  /* "2024/01/31 12:00:00 [error] 1234#0: ..." */
  if (length < 24 || line[4] != '/' || line[7] != '/' || line[10] != ' ' || line[19] != ' ' || line[20] != '['
      || memchr (line + 21, ']', MIN (length - 21, 8)) == NULL)
    return TEAPOT_LOG_LINE_UNKNOWN;
  /* The time is the server's local time, with no offset written: taken as UTC. */
  if ((record->time = _teapot_log_parse_iso_time (line, 19)) == 0)
    return TEAPOT_LOG_LINE_UNKNOWN;
  record->context = TEAPOT_LOG_CONTEXT_NGINX;

  /* Error logs are small next to access logs: a copy with a NUL is fine here. */
  text = g_strndup (line, length);
  if ((request = strstr (text, "request: \"")) != NULL)
    {
      const char *close;

      request += 10;
      close = strchr (request, '"');
      record->request = line + (request - text);
      record->request_length = close != NULL ? (gsize) (close - request) : strlen (request);
      record->request_line = TRUE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (nginx_errors); i++)
    if (strstr (text, nginx_errors[i].text) != NULL)
      {
        record->code = nginx_errors[i].code;
        return TEAPOT_LOG_LINE_STATUS;
      }
  return TEAPOT_LOG_LINE_OTHER;
}

/* Splits at single spaces, at most @max tokens; the end of the last one is the rest. */
static guint
split_tokens (const char  *line,
              gsize        length,
              const char **starts,
              gsize       *lengths,
              guint        max)
{
  const char *p = line, *end = line + length;
  guint n = 0;

  while (p < end && n < max)
    {
      const char *space = memchr (p, ' ', end - p);
      const char *stop = space != NULL ? space : end;

      starts[n] = p;
      lengths[n++] = stop - p;
      p = stop + 1;
    }
  return n;
}

static gboolean
aws_status (const char *token,
            gsize       length,
            guint      *code)
{
  /* "-": no response (the target never answered, a TCP listener); "000" likewise. */
  *code = 0;
  if ((length == 1 && token[0] == '-') || (length == 3 && memcmp (token, "000", 3) == 0))
    return TRUE;
  return (*code = _teapot_log_parse_code (token, length)) != 0;
}

TeapotLogLine
_teapot_log_scan_aws (const char      *line,
                      gsize            length,
                      gboolean         alb,
                      TeapotLogRecord *record)
{
  static const char * const alb_types[] = { "http", "https", "h2", "grpcs", "ws", "wss" };
  const char *tokens[13];
  gsize lengths[13];
  guint first = alb ? 1 : 0, n;
  const char *request, *close, *end = line + length;

  /* ALB: type time elb client:port target:port 3 times elb_status target_status received
   * sent "request" ...; the Classic Load Balancer has no type. */
  n = split_tokens (line, length, tokens, lengths, 13);
  if (n < first + 12)
    return TEAPOT_LOG_LINE_UNKNOWN;
  if (alb)
    {
      gboolean known = FALSE;

      for (gsize i = 0; i < G_N_ELEMENTS (alb_types); i++)
        known |= lengths[0] == strlen (alb_types[i]) && memcmp (tokens[0], alb_types[i], lengths[0]) == 0;
      if (!known)
        return TEAPOT_LOG_LINE_UNKNOWN;
    }
  if (lengths[first] < 20 || tokens[first][10] != 'T'
      || (record->time = _teapot_log_parse_iso_time (tokens[first], lengths[first])) == 0)
    return TEAPOT_LOG_LINE_UNKNOWN;
  if (!aws_status (tokens[first + 7], lengths[first + 7], &record->code)
      || !aws_status (tokens[first + 8], lengths[first + 8], &record->upstream))
    return TEAPOT_LOG_LINE_UNKNOWN;

  request = tokens[first + 11];
  if (*request != '"')
    return TEAPOT_LOG_LINE_UNKNOWN;
  request++;
  close = memchr (request, '"', end - request);
  record->request = request;
  record->request_length = close != NULL ? (gsize) (close - request) : (gsize) (end - request);
  record->request_line = TRUE;
  record->context = TEAPOT_LOG_CONTEXT_AWS_ELB;
  return record->code != 0 ? TEAPOT_LOG_LINE_STATUS : TEAPOT_LOG_LINE_OTHER;
}

void
_teapot_log_iis_defaults (TeapotIisFields *fields)
{
  /* IIS's default W3C fields, for a log cut from the middle (no #Fields line): date time
   * s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent)
   * cs(Referer) sc-status sc-substatus sc-win32-status time-taken. */
  *fields = (TeapotIisFields) { 0, 1, 4, 5, 11, 12, 13, 15 };
}

static void
iis_read_fields (TeapotIisFields *fields,
                 const char      *line,
                 gsize            length)
{
  const char *tokens[TEAPOT_IIS_MAX_FIELDS];
  gsize lengths[TEAPOT_IIS_MAX_FIELDS];
  guint n = split_tokens (line, length, tokens, lengths, TEAPOT_IIS_MAX_FIELDS);
  static const struct { const char *name; gsize offset; } names[] = {
    { "date", G_STRUCT_OFFSET (TeapotIisFields, date) },
    { "time", G_STRUCT_OFFSET (TeapotIisFields, time) },
    { "cs-uri-stem", G_STRUCT_OFFSET (TeapotIisFields, uri_stem) },
    { "cs-uri-query", G_STRUCT_OFFSET (TeapotIisFields, uri_query) },
    { "sc-status", G_STRUCT_OFFSET (TeapotIisFields, status) },
    { "sc-substatus", G_STRUCT_OFFSET (TeapotIisFields, substatus) },
    { "sc-win32-status", G_STRUCT_OFFSET (TeapotIisFields, win32) },
  };

  *fields = (TeapotIisFields) { -1, -1, -1, -1, -1, -1, -1, 0 };
  /* tokens[0] is "#Fields:" itself. */
  for (guint i = 1; i < n; i++)
    for (gsize j = 0; j < G_N_ELEMENTS (names); j++)
      if (lengths[i] == strlen (names[j].name) && g_ascii_strncasecmp (tokens[i], names[j].name, lengths[i]) == 0)
        G_STRUCT_MEMBER (int, fields, names[j].offset) = i - 1;
  fields->n_fields = n - 1;
}

static gint64
small_number (const char *p,
              gsize       n)
{
  gint64 value = 0;

  if (n == 0 || n > 10)
    return -1;
  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      value = value * 10 + (p[i] - '0');
    }
  return value;
}

TeapotLogLine
_teapot_log_scan_iis (TeapotIisFields *fields,
                      const char      *line,
                      gsize            length,
                      TeapotLogRecord *record)
{
  const char *tokens[TEAPOT_IIS_MAX_FIELDS + 1];
  gsize lengths[TEAPOT_IIS_MAX_FIELDS + 1];
  guint n;

  if (length > 0 && line[0] == '#')
    {
      if (length > 8 && memcmp (line, "#Fields:", 8) == 0)
        iis_read_fields (fields, line, length);
      else if (!(length > 9 && (memcmp (line, "#Software", 9) == 0 || memcmp (line, "#Version:", 9) == 0
                                || memcmp (line, "#Date:", 6) == 0 || memcmp (line, "#Remark:", 8) == 0)))
        return TEAPOT_LOG_LINE_UNKNOWN;
      return TEAPOT_LOG_LINE_OTHER;
    }

  n = split_tokens (line, length, tokens, lengths, TEAPOT_IIS_MAX_FIELDS + 1);
  if (fields->status < 0 || (int) n != fields->n_fields
      || (record->code = _teapot_log_parse_code (tokens[fields->status], lengths[fields->status])) == 0)
    return TEAPOT_LOG_LINE_UNKNOWN;

  if (fields->date >= 0 && fields->time >= 0)
    {
      char stamp[20];

      if (lengths[fields->date] != 10 || lengths[fields->time] < 8)
        return TEAPOT_LOG_LINE_UNKNOWN;
      memcpy (stamp, tokens[fields->date], 10);
      stamp[10] = ' ';
      memcpy (stamp + 11, tokens[fields->time], 8);
      /* IIS writes W3C logs in UTC. */
      if ((record->time = _teapot_log_parse_iso_time (stamp, 19)) == 0)
        return TEAPOT_LOG_LINE_UNKNOWN;
    }
  if (fields->substatus >= 0)
    {
      gint64 sub = small_number (tokens[fields->substatus], lengths[fields->substatus]);

      record->subcode = sub > 0 && sub < 1000 ? (int) sub : -1;
    }
  if (fields->win32 >= 0)
    {
      gint64 win32 = small_number (tokens[fields->win32], lengths[fields->win32]);

      record->detail = win32 > 0 && win32 <= G_MAXUINT ? (guint) win32 : 0;
    }
  /* The stem only: query strings often carry tokens, which examples must not repeat. */
  if (fields->uri_stem >= 0)
    {
      record->request = tokens[fields->uri_stem];
      record->request_length = lengths[fields->uri_stem];
    }
  record->context = TEAPOT_LOG_CONTEXT_IIS;
  return TEAPOT_LOG_LINE_STATUS;
}

/* The response headers that change what a status means or what to do about it. */
static const char * const telling_headers[] = {
  "retry-after", "location", "www-authenticate", "proxy-authenticate", "allow", "cache-control",
  "content-range", "upgrade", "server", "via", "content-location", "vary", "expires", "age",
  "accept-patch", "accept-post", "link", "ratelimit", "ratelimit-policy", "x-ratelimit-limit",
  "x-ratelimit-remaining", "x-ratelimit-reset", "cf-ray", "cf-cache-status", "x-cache",
};

gboolean
_teapot_log_is_telling_header (const char *name,
                   gsize       length)
{
  for (gsize i = 0; i < G_N_ELEMENTS (telling_headers); i++)
    if (strlen (telling_headers[i]) == length && g_ascii_strncasecmp (name, telling_headers[i], length) == 0)
      return TRUE;
  return FALSE;
}

/* "HTTP/1.1 404 Not Found", "HTTP/2 200", "HTTP/3 301" */
static guint
status_line_code (const char *line,
                  gsize       length)
{
  const char *space;

  if (length < 10 || memcmp (line, "HTTP/", 5) != 0 || !g_ascii_isdigit (line[5]))
    return 0;
  space = memchr (line, ' ', MIN (length, 10));
  if (space == NULL || line + length - space < 4 || (line + length - space > 4 && space[4] != ' '))
    return 0;
  return _teapot_log_parse_code (space + 1, 3);
}

TeapotLogLine
_teapot_log_scan_response (TeapotResponseState *state,
                           const char          *line,
                           gsize                length,
                           TeapotLogRecord     *record)
{
  const char *colon;
  guint code;

  /* curl -v: "* " notes, "> " what was sent, "< " what came back, "{ [" / "} [" data. */
  if (length >= 2 && (line[0] == '*' || line[0] == '{' || line[0] == '}') && line[1] == ' ')
    return TEAPOT_LOG_LINE_OTHER;
  if (length == 1 && line[0] == '>')
    return TEAPOT_LOG_LINE_OTHER;
  if (length >= 2 && line[0] == '>' && line[1] == ' ')
    {
      const char *space = memchr (line + 2, ' ', length - 2), *last;

      /* "> GET /path HTTP/1.1": keep the path for the status that answers it. */
      if (space != NULL && (last = g_strrstr_len (line, length, " HTTP/")) != NULL && last > space)
        {
          gsize n = MIN ((gsize) (last - space - 1), sizeof state->request - 1);

          memcpy (state->request, space + 1, n);
          state->request[n] = '\0';
        }
      return TEAPOT_LOG_LINE_OTHER;
    }
  if (length >= 1 && line[0] == '<' && (length == 1 || line[1] == ' '))
    {
      line += MIN (length, 2);
      length -= MIN (length, 2);
    }

  if ((code = status_line_code (line, length)) != 0)
    {
      state->code = code;
      state->in_body = FALSE;
      record->code = code;
      if (state->request[0] != '\0')
        {
          record->request = state->request;
          record->request_length = strlen (state->request);
        }
      return TEAPOT_LOG_LINE_STATUS;
    }
  if (state->code == 0)
    return TEAPOT_LOG_LINE_UNKNOWN;
  if (state->in_body)
    return TEAPOT_LOG_LINE_OTHER;
  if (length == 0)
    {
      state->in_body = TRUE;
      return TEAPOT_LOG_LINE_OTHER;
    }

  colon = memchr (line, ':', length);
  if (colon != NULL && colon > line && _teapot_log_is_telling_header (line, colon - line))
    {
      record->code = state->code;
      record->header = line;
      record->header_length = length;
    }
  return TEAPOT_LOG_LINE_OTHER;
}
