/* teapot-markup.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the dataset's GMarkup parsers (codes and facts) share: errors that name the file and
 * line, in TEAPOT_DATASET_ERROR. */

/* Sets @error to "FILENAME:LINE: reason" (TEAPOT_DATASET_ERROR_INVALID); returns FALSE. */
gboolean _teapot_markup_fail          (GError              **error,
                                       const char           *filename,
                                       int                   line,
                                       const char           *format,
                                       ...) G_GNUC_PRINTF (4, 5);
/* The line of the element just read. */
int      _teapot_markup_line          (GMarkupParseContext  *context);
/* Fails when @text (between elements) holds anything but white space, naming its line and
 * saying what is not allowed there (@what: "text outside of a fact"). */
gboolean _teapot_markup_only_space    (GMarkupParseContext  *context,
                                       const char           *filename,
                                       const char           *text,
                                       gsize                 length,
                                       const char           *what,
                                       GError              **error);

/* Parses @text with @parser and @state; GMarkup's own syntax errors come out as
 * TEAPOT_DATASET_ERROR_SYNTAX with the file and line, the parser's own errors as they are. */
gboolean _teapot_markup_parse         (const GMarkupParser  *parser,
                                       gpointer              state,
                                       const char           *filename,
                                       const char           *text,
                                       gssize                length,
                                       GError              **error);

G_END_DECLS
