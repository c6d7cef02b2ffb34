/* teapot-gzip-members.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "teapot-gzip-members.h"

struct _TeapotGzipMembers
{
  GObject parent_instance;

  GConverter *member;        /* the decompressor of the current member */
  gboolean between;          /* one member ended; does another follow? */
};

static void teapot_gzip_members_converter_init (GConverterIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TeapotGzipMembers, teapot_gzip_members, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_CONVERTER, teapot_gzip_members_converter_init))

static GConverterResult
teapot_gzip_members_convert (GConverter      *converter,
                             const void      *inbuf,
                             gsize            inbuf_size,
                             void            *outbuf,
                             gsize            outbuf_size,
                             GConverterFlags  flags,
                             gsize           *bytes_read,
                             gsize           *bytes_written,
                             GError         **error)
{
  TeapotGzipMembers *self = TEAPOT_GZIP_MEMBERS (converter);
  const guint8 *in = inbuf;
  gboolean at_end = (flags & G_CONVERTER_INPUT_AT_END) != 0;
  GConverterResult result;

  if (self->between)
    {
      *bytes_read = *bytes_written = 0;
      if (inbuf_size < 2 && !at_end)
        {
          /* Too little to see the next member's magic bytes: ask for more. */
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT, _("Need more input"));
          return G_CONVERTER_ERROR;
        }
      if (inbuf_size < 2 || in[0] != 0x1f || in[1] != 0x8b)
        {
          *bytes_read = inbuf_size;
          return G_CONVERTER_FINISHED;
        }
      g_converter_reset (self->member);
      self->between = FALSE;
    }

  result = g_converter_convert (self->member, inbuf, inbuf_size, outbuf, outbuf_size, flags, bytes_read,
                                bytes_written, error);
  if (result == G_CONVERTER_FINISHED)
    {
      self->between = TRUE;
      if (!(at_end && *bytes_read == inbuf_size))
        return G_CONVERTER_CONVERTED;
    }
  return result;
}

static void
teapot_gzip_members_reset (GConverter *converter)
{
  TeapotGzipMembers *self = TEAPOT_GZIP_MEMBERS (converter);

  g_converter_reset (self->member);
  self->between = FALSE;
}

static void
teapot_gzip_members_converter_init (GConverterIface *iface)
{
  iface->convert = teapot_gzip_members_convert;
  iface->reset = teapot_gzip_members_reset;
}

static void
teapot_gzip_members_dispose (GObject *object)
{
  TeapotGzipMembers *self = TEAPOT_GZIP_MEMBERS (object);

  g_clear_object (&self->member);

  G_OBJECT_CLASS (teapot_gzip_members_parent_class)->dispose (object);
}

static void
teapot_gzip_members_class_init (TeapotGzipMembersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = teapot_gzip_members_dispose;
}

static void
teapot_gzip_members_init (TeapotGzipMembers *self)
{
  self->member = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
}

TeapotGzipMembers *
teapot_gzip_members_new (void)
{
  return g_object_new (TEAPOT_TYPE_GZIP_MEMBERS, NULL);
}
