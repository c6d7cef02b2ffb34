/* teapot-gzip-members.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TEAPOT_TYPE_GZIP_MEMBERS (teapot_gzip_members_get_type ())

G_DECLARE_FINAL_TYPE (TeapotGzipMembers, teapot_gzip_members, TEAPOT, GZIP_MEMBERS, GObject)

/* A GConverter that decompresses every member of a gzip file, as gzip -d does: rotated
 * logs joined with cat are one file of several members, and GZlibDecompressor stops at
 * the end of the first. Bytes after the last member that are not gzip are ignored. */
TeapotGzipMembers *teapot_gzip_members_new (void);

G_END_DECLS
