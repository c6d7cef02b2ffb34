/* teapot-record.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-record.h"

TeapotRecord *
teapot_record_new (void)
{
  TeapotRecord *record = g_new0 (TeapotRecord, 1);

  record->aliases = g_ptr_array_new_with_free_func (g_free);
  record->keywords = g_ptr_array_new_with_free_func (g_free);
  record->headers = g_ptr_array_new_with_free_func (g_free);
  record->related = g_ptr_array_new_with_free_func (g_free);
  record->tags = g_ptr_array_new_with_free_func (g_free);
  record->constant_langs = g_ptr_array_new_with_free_func (g_free);
  record->constant_values = g_ptr_array_new_with_free_func (g_free);
  record->constant_history = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_constant_free);
  record->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_fact_free);

  return record;
}

void
teapot_record_free (TeapotRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->id);
  g_free (record->subcode);
  g_free (record->vendor);
  g_free (record->status);
  g_free (record->phrase);
  g_free (record->summary);
  g_free (record->description);
  g_ptr_array_unref (record->aliases);
  g_ptr_array_unref (record->keywords);
  g_ptr_array_unref (record->headers);
  g_ptr_array_unref (record->related);
  g_ptr_array_unref (record->tags);
  g_ptr_array_unref (record->constant_langs);
  g_ptr_array_unref (record->constant_values);
  g_ptr_array_unref (record->constant_history);
  g_ptr_array_unref (record->facts);
  g_free (record->prevalence_reason);
  g_free (record->ref_title);
  g_free (record->ref_section);
  g_free (record->ref_url);
  g_free (record->file);
  g_free (record);
}

/* Ids are stable: "404" for the registered meaning, "499-nginx" for a vendor's. */
char *
teapot_record_derive_id (guint       code,
                         const char *vendor)
{
  if (vendor == NULL || *vendor == '\0')
    return g_strdup_printf ("%u", code);

  return g_strdup_printf ("%03u-%s", code, vendor);
}

/* A vendor's sub-code is an entry of its own: "500.19-iis", "1020-cloudflare". */
char *
teapot_record_derive_subcode_id (const char *subcode,
                                 const char *vendor)
{
  return g_strdup_printf ("%s-%s", subcode, vendor);
}

void
teapot_constant_free (TeapotConstant *constant)
{
  if (constant == NULL)
    return;

  g_free (constant->lang);
  g_free (constant->name);
  g_free (constant->since);
  g_free (constant->until);
  g_free (constant->then);
  g_free (constant);
}

gboolean
teapot_record_is_registered (const TeapotRecord *record)
{
  return record->vendor == NULL;
}

void
teapot_fact_free (TeapotFact *fact)
{
  if (fact == NULL)
    return;
  g_free (fact->key);
  g_free (fact->value);
  g_free (fact->section);
  g_free (fact);
}
