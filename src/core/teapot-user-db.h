/* teapot-user-db.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The newest user.sqlite schema this build knows (PRAGMA user_version). */
#define TEAPOT_USER_DB_VERSION 2

typedef struct
{
  gboolean read_only;
  /* Something the user must hear once (data moved aside, read-only), or NULL. */
  char *notice;
} TeapotUserDbState;

char     *_teapot_user_db_default_path (void);

/* ATTACHes the user database at @path to @db as "user", migrating it to the current
 * schema. Damaged files are moved aside, never deleted; an unwritable place or a newer
 * schema leaves favourites readable but read-only. Fails only when nothing usable can be
 * attached at all. */
gboolean  _teapot_user_db_attach       (sqlite3           *db,
                                        const char        *path,
                                        TeapotUserDbState *state,
                                        GError           **error);

G_END_DECLS
