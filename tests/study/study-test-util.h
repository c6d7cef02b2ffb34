/* study-test-util.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "teapot-study.h"

G_BEGIN_DECLS

/* What the study tests share: an injected clock and a few steps. */
#define MINUTE 60
#define HOUR   3600
#define DAY    86400
/* 2024-03-01 12:00 UTC: the injected clock. */
#define START  G_GINT64_CONSTANT (1709294400)

TeapotStore *study_test_open_store         (void);
/* A study whose intervals have no random fuzz, so that they can be compared exactly. */
TeapotStudy *study_test_without_fuzz       (TeapotStore  *store);
/* Records @rating for @id at @now, asserting that it worked. */
void         study_test_review             (TeapotStudy  *study,
                                            const char   *id,
                                            TeapotRating  rating,
                                            gint64        now);
/* Asserts that @entries are, in order, the space-separated ids @expected. */
void         study_test_assert_ids         (GPtrArray    *entries,
                                            const char   *expected);

G_END_DECLS
