/* teapot-query.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text longer than this is cut before parsing: a pasted log line is far shorter. */
#define TEAPOT_QUERY_MAX_BYTES 4096
#define TEAPOT_QUERY_MAX_WORDS 32
#define TEAPOT_QUERY_MAX_SUBCODES 4

/* What a person typed, taken apart: the codes and vendor sub-codes it names, a code range
 * ("52", "4xx"), and the words around them. */
typedef struct
{
  GArray *codes;          /* guint, in order of appearance, each once */
  GPtrArray *subcodes;    /* vendor sub-codes named in the text: "500.19" (dotted, sure),
                           * then "1020" (four digits, maybe a byte count), each once */
  guint n_dotted;         /* how many of @subcodes, from the start, are dotted */
  guint range_low;        /* 0 when the query names no range */
  guint range_high;
  GPtrArray *words;       /* lowercase, each once, stop words dropped */
  gboolean last_is_prefix; /* the last word may still be being typed */
  char *joined;           /* the words joined by single spaces */
  char *phrase_text;      /* every word, in order, stop words too: " w1 w2 … " */
} TeapotQuery;

TeapotQuery *teapot_query_parse (const char  *text);
/* " w1 w2 … ": @text's words between single spaces, to find phrases in with strstr(). */
char        *teapot_query_phrase_text (const char *text);
gboolean     teapot_query_is_empty (const TeapotQuery *query);
void         teapot_query_free  (TeapotQuery *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeapotQuery, teapot_query_free)

G_END_DECLS
