/* teapot-speller.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The dataset's vocabulary with each word's document frequency: corrects typos of a letter
 * or two and tells how informative a word is. */
typedef struct _TeapotSpeller TeapotSpeller;

TeapotSpeller *teapot_speller_new_from_db (sqlite3       *db,
                                           GError       **error);
void           teapot_speller_free        (TeapotSpeller *speller);

/* How many entries use @word (0 when the dataset never does). */
guint          teapot_speller_frequency   (TeapotSpeller *speller,
                                           const char    *word);
guint          teapot_speller_n_entries   (TeapotSpeller *speller);
/* At most how many entries use a word starting with @prefix (the sum of the frequencies of
 * their stems, each once). */
guint          teapot_speller_prefix_frequency (TeapotSpeller *speller,
                                                const char    *prefix);

/* The known words closest to @word, best first (nearest, then most used); empty when @word
 * is known or too short to guess at. */
GPtrArray     *teapot_speller_suggest     (TeapotSpeller *speller,
                                           const char    *word,
                                           guint          max_suggestions);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeapotSpeller, teapot_speller_free)

G_END_DECLS
