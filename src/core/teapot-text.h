/* teapot-text.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lowercase runs of letters and digits: the words the search vocabulary and the query
 * parser agree on. Apostrophes inside a word are dropped ("I'm" is "im").
 * Any bytes are safe: what is not UTF-8 separates words. */
GPtrArray *teapot_text_split_words   (const char *text);

/* @word without its accents ("requêtes" -> "requetes"), as the search index's tokenizer
 * (unicode61, remove_diacritics 2) folds it: the vocabulary and the index agree on words
 * typed with or without them. */
char      *teapot_text_fold          (const char *word);

/* Optimal string alignment distance (insert, delete, substitute, swap neighbours) between
 * two words, or @limit + 1 once it is known to exceed @limit. */
guint      teapot_text_edit_distance (const char *a,
                                      const char *b,
                                      guint       limit);

G_END_DECLS
