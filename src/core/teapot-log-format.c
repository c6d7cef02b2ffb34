/* teapot-log-format.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "teapot-log-format.h"

static const struct
{
  const char *id;
  const char *name;
  TeapotLogContext context;
} formats[TEAPOT_N_LOG_FORMATS] = {
  [TEAPOT_LOG_FORMAT_UNKNOWN] = { "unknown", N_("unknown"), TEAPOT_LOG_CONTEXT_NONE },
  [TEAPOT_LOG_FORMAT_INGRESS_NGINX] = { "ingress-nginx", N_("ingress-nginx access log"), TEAPOT_LOG_CONTEXT_NGINX },
  /* Apache writes the same common and combined formats; nothing in a line tells them apart,
   * and the numbers only nginx logs (444, 494 to 499) never appear in Apache's. */
  [TEAPOT_LOG_FORMAT_ACCESS] = { "access", N_("nginx/Apache access log (common or combined)"), TEAPOT_LOG_CONTEXT_NGINX },
  [TEAPOT_LOG_FORMAT_NGINX_ERROR] = { "nginx-error", N_("nginx error log"), TEAPOT_LOG_CONTEXT_NGINX },
  [TEAPOT_LOG_FORMAT_AWS_ALB] = { "aws-alb", N_("AWS Application Load Balancer access log"), TEAPOT_LOG_CONTEXT_AWS_ELB },
  [TEAPOT_LOG_FORMAT_AWS_ELB] = { "aws-elb", N_("AWS Classic Load Balancer access log"), TEAPOT_LOG_CONTEXT_AWS_ELB },
  [TEAPOT_LOG_FORMAT_IIS] = { "iis", N_("IIS W3C extended log"), TEAPOT_LOG_CONTEXT_IIS },
  [TEAPOT_LOG_FORMAT_JSON_LINES] = { "json-lines", N_("JSON lines"), TEAPOT_LOG_CONTEXT_NONE },
  [TEAPOT_LOG_FORMAT_HTTP_RESPONSE] = { "http-response", N_("HTTP response (pasted, curl -v or curl -i)"), TEAPOT_LOG_CONTEXT_NONE },
  [TEAPOT_LOG_FORMAT_HAR] = { "har", N_("HAR (HTTP Archive)"), TEAPOT_LOG_CONTEXT_NONE },
};

static const char * const vendors[TEAPOT_N_LOG_CONTEXTS] = {
  [TEAPOT_LOG_CONTEXT_NONE] = NULL,
  [TEAPOT_LOG_CONTEXT_NGINX] = "nginx",
  [TEAPOT_LOG_CONTEXT_AWS_ELB] = "aws-elb",
  [TEAPOT_LOG_CONTEXT_IIS] = "iis",
  [TEAPOT_LOG_CONTEXT_CLOUDFLARE] = "cloudflare",
};

const char *
teapot_log_format_get_id (TeapotLogFormat format)
{
  g_return_val_if_fail (format < TEAPOT_N_LOG_FORMATS, NULL);
  return formats[format].id;
}

const char *
teapot_log_format_get_name (TeapotLogFormat format)
{
  g_return_val_if_fail (format < TEAPOT_N_LOG_FORMATS, NULL);
  return _(formats[format].name);
}

TeapotLogContext
teapot_log_format_get_context (TeapotLogFormat format)
{
  g_return_val_if_fail (format < TEAPOT_N_LOG_FORMATS, TEAPOT_LOG_CONTEXT_NONE);
  return formats[format].context;
}

const char *
teapot_log_context_get_vendor (TeapotLogContext context)
{
  g_return_val_if_fail (context < TEAPOT_N_LOG_CONTEXTS, NULL);
  return vendors[context];
}
