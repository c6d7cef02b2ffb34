/* teapot-format.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "teapot-format.h"
#include "teapot-names.h"

typedef struct
{
  const char *id;
  const char *name;
} Name;

/* Proper names stay untranslated; the few words are marked. */
static const Name tag_names[] = {
  { "iana", N_("Registered (IANA)") },
  { "informal", N_("Informal") },
  { "webdav", "WebDAV" },
  { "nginx", "nginx" },
  { "cloudflare", "Cloudflare" },
  { "iis", "Microsoft IIS" },
  { "aws-elb", "AWS Elastic Load Balancing" },
  { "laravel", "Laravel" },
  { "twitter", "Twitter" },
  { "spring", "Spring" },
  { "shopify", "Shopify" },
  { "esri", "Esri" },
  { "apache", "Apache" },
  { "qualys", "Qualys" },
  { "microsoft", "Microsoft" },
  { "cpanel", "cPanel" },
  { "pantheon", "Pantheon" },
  { "linkedin", "LinkedIn" },
};


static const char * const copy_nicks[] = {
  [TEAPOT_COPY_CODE] = "code",
  [TEAPOT_COPY_PHRASE] = "phrase",
  [TEAPOT_COPY_STATUS_LINE] = "status-line",
  [TEAPOT_COPY_CONSTANT] = "constant",
};

static const char *
lookup_name (const Name *names,
             gsize       n_names,
             const char *id)
{
  for (gsize i = 0; i < n_names; i++)
    if (g_str_equal (names[i].id, id))
      return names[i].name;
  return NULL;
}

gboolean
teapot_copy_kind_from_nick (const char     *nick,
                            TeapotCopyKind *kind)
{
  g_return_val_if_fail (nick != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (copy_nicks); i++)
    if (g_str_equal (copy_nicks[i], nick))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* Returns NULL when the entry has no constant in @language. */
char *
teapot_format_copy_text (TeapotEntry    *entry,
                         TeapotCopyKind  kind,
                         const char     *language)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (entry), NULL);

  switch (kind)
    {
    case TEAPOT_COPY_CODE:
      return teapot_format_code (entry);
    case TEAPOT_COPY_PHRASE:
      return teapot_format_entry_title (entry);
    case TEAPOT_COPY_STATUS_LINE:
      return g_strdup_printf ("HTTP/1.1 %u %s", teapot_entry_get_code (entry), teapot_entry_get_phrase (entry));
    case TEAPOT_COPY_CONSTANT:
      {
        const char *constant = language ? teapot_entry_get_constant (entry, language) : NULL;

        return constant && *constant ? g_strdup (constant) : NULL;
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
teapot_format_language_name (const char *language)
{
  return teapot_names_language (language);
}

const char *
teapot_format_tag_name (const char *tag)
{
  const char *name;

  g_return_val_if_fail (tag != NULL, NULL);

  name = lookup_name (tag_names, G_N_ELEMENTS (tag_names), tag);
  return name ? gettext (name) : tag;
}

const char *
teapot_format_class_name (guint class_digit)
{
  switch (class_digit)
    {
    case 1:
      return _("Informational");
    case 2:
      return _("Success");
    case 3:
      return _("Redirection");
    case 4:
      return _("Client error");
    case 5:
      return _("Server error");
    case 0:
      /* 000: what load balancers and clients log when no response arrived. */
      return _("No response");
    default:
      return _("Non-standard class");
    }
}

/* NULL for an ordinary, permanent registration: nothing to point out. */
const char *
teapot_format_status_label (const char *status)
{
  if (status == NULL)
    return NULL;
  if (g_str_equal (status, "temporary"))
    return _("Temporary");
  if (g_str_equal (status, "unused"))
    return _("Unused");
  if (g_str_equal (status, "obsoleted"))
    return _("Deprecated");
  if (g_str_equal (status, "unofficial"))
    return _("Unofficial");
  return NULL;
}

char *
teapot_format_status_explanation (TeapotEntry *entry)
{
  const char *status;
  const char *vendor;

  g_return_val_if_fail (TEAPOT_IS_ENTRY (entry), NULL);

  status = teapot_entry_get_status (entry);
  vendor = teapot_entry_get_vendor (entry);
  if (g_strcmp0 (status, "temporary") == 0)
    return g_strdup (_("Temporary registration: it may be withdrawn when it expires."));
  if (g_strcmp0 (status, "unused") == 0)
    return g_strdup (_("Unused: the number is reserved and servers should not send it."));
  if (g_strcmp0 (status, "obsoleted") == 0)
    return g_strdup (_("Deprecated: its specification has been obsoleted; do not send it in new code."));
  if (g_strcmp0 (status, "unofficial") == 0)
    {
      if (vendor == NULL || g_str_equal (vendor, "informal"))
        return g_strdup (_("Unofficial: a convention without a single owner, not registered with IANA."));
      /* Translators: %s is a vendor such as “nginx” or “Cloudflare”. */
      return g_strdup_printf (_("Unofficial: sent by %s, not registered with IANA."), teapot_format_tag_name (vendor));
    }
  return NULL;
}

char *
teapot_format_entry_title (TeapotEntry *entry)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (entry), NULL);

  g_autofree char *phrase = teapot_format_display_phrase (entry);
  g_autofree char *code = teapot_format_code (entry);

  return g_strdup_printf ("%s %s", code, phrase);
}

/* What the code is written as: "404", "000", or a vendor's sub-code ("500.19", "1020"). */
char *
teapot_format_code (TeapotEntry *entry)
{
  const char *subcode;

  g_return_val_if_fail (TEAPOT_IS_ENTRY (entry), NULL);

  subcode = teapot_entry_get_subcode (entry);
  if (subcode != NULL && *subcode != '\0')
    return g_strdup (subcode);
  return g_strdup_printf ("%03u", teapot_entry_get_code (entry));
}

/* The name to show: the registry's phrase, and for a number it lists as "(Unused)" the name
 * everyone knows it by too (418 "I'm a teapot (Unused)"). */
char *
teapot_format_display_phrase (TeapotEntry *entry)
{
  const char * const *aliases;

  g_return_val_if_fail (TEAPOT_IS_ENTRY (entry), NULL);

  aliases = teapot_entry_get_aliases (entry);
  if (g_strcmp0 (teapot_entry_get_status (entry), "unused") == 0 && aliases != NULL && aliases[0] != NULL)
    return g_strdup_printf ("%s %s", aliases[0], teapot_entry_get_phrase (entry));
  return g_strdup (teapot_entry_get_phrase (entry));
}

/* Only web links leave Teapot: a dataset URL must never start a local program. */
gboolean
teapot_format_is_web_uri (const char *uri)
{
  g_autofree char *scheme = NULL;

  if (uri == NULL)
    return FALSE;

  scheme = g_uri_parse_scheme (uri);
  return scheme != NULL && (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0);
}
