/* teapot-format.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "teapot-entry.h"

G_BEGIN_DECLS

/* What "Copy" puts on the clipboard; the nicks are the targets of win.copy. */
typedef enum
{
  TEAPOT_COPY_CODE,         /* "code":        429 */
  TEAPOT_COPY_PHRASE,       /* "phrase":      429 Too Many Requests */
  TEAPOT_COPY_STATUS_LINE,  /* "status-line": HTTP/1.1 429 Too Many Requests */
  TEAPOT_COPY_CONSTANT,     /* "constant":    HTTPStatus.TOO_MANY_REQUESTS */
} TeapotCopyKind;

gboolean     teapot_copy_kind_from_nick       (const char     *nick,
                                               TeapotCopyKind *kind);
char        *teapot_format_copy_text          (TeapotEntry    *entry,
                                               TeapotCopyKind  kind,
                                               const char     *language);

const char  *teapot_format_language_name      (const char     *language);
const char  *teapot_format_tag_name           (const char     *tag);
const char  *teapot_format_class_name         (guint           class_digit);
const char  *teapot_format_status_label       (const char     *status);
char        *teapot_format_status_explanation (TeapotEntry    *entry);
char        *teapot_format_entry_title        (TeapotEntry    *entry);
char        *teapot_format_display_phrase     (TeapotEntry    *entry);
char        *teapot_format_code               (TeapotEntry    *entry);
gboolean     teapot_format_is_web_uri         (const char     *uri);

G_END_DECLS
