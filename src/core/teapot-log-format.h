/* teapot-log-format.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The inputs "Explain a log" reads. The order is the order detection tries them: a more
 * specific format before one that would also accept its lines (ingress-nginx before the
 * plain access log). */
typedef enum
{
  TEAPOT_LOG_FORMAT_UNKNOWN,
  TEAPOT_LOG_FORMAT_INGRESS_NGINX,
  TEAPOT_LOG_FORMAT_ACCESS,
  TEAPOT_LOG_FORMAT_NGINX_ERROR,
  TEAPOT_LOG_FORMAT_AWS_ALB,
  TEAPOT_LOG_FORMAT_AWS_ELB,
  TEAPOT_LOG_FORMAT_IIS,
  TEAPOT_LOG_FORMAT_JSON_LINES,
  TEAPOT_LOG_FORMAT_HTTP_RESPONSE,
  TEAPOT_LOG_FORMAT_HAR,
  TEAPOT_N_LOG_FORMATS
} TeapotLogFormat;

/* Whose meaning of a number a line carries: the vendor id of the entries (DESIGN.md). */
typedef enum
{
  TEAPOT_LOG_CONTEXT_NONE,
  TEAPOT_LOG_CONTEXT_NGINX,
  TEAPOT_LOG_CONTEXT_AWS_ELB,
  TEAPOT_LOG_CONTEXT_IIS,
  TEAPOT_LOG_CONTEXT_CLOUDFLARE,
  TEAPOT_N_LOG_CONTEXTS
} TeapotLogContext;

/* Stable short names (the "format" key of --json). */
const char      *teapot_log_format_get_id      (TeapotLogFormat  format);
/* Names for people ("nginx/Apache access log (common or combined)"). */
const char      *teapot_log_format_get_name    (TeapotLogFormat  format);
TeapotLogContext teapot_log_format_get_context (TeapotLogFormat  format);
/* The vendor id of a context ("nginx"), or NULL for none. */
const char      *teapot_log_context_get_vendor (TeapotLogContext context);

G_END_DECLS
