/* teapot-fact-keys.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by the dataset compiler (which checks facts.xml) and the programs (which read the
 * facts back), so that both agree on the names and the values. */

#include "config.h"

#include "teapot-fact-keys.h"

static const char * const method_choices[] = { "kept", "may-change", "changed-to-get", NULL };
static const char * const body_choices[] = { "none", "optional", "expected", NULL };

static const struct
{
  const char *name;
  const char *element;
  TeapotFactKind kind;
  const char * const *choices;
} keys[TEAPOT_N_FACTS] = {
  [TEAPOT_FACT_PERMANENT] = { "permanent", "permanent", TEAPOT_FACT_KIND_BOOL, NULL },
  [TEAPOT_FACT_METHOD] = { "method", "method", TEAPOT_FACT_KIND_CHOICE, method_choices },
  [TEAPOT_FACT_CACHEABLE] = { "cacheable", "cacheable", TEAPOT_FACT_KIND_BOOL, NULL },
  [TEAPOT_FACT_BODY] = { "body", "body", TEAPOT_FACT_KIND_CHOICE, body_choices },
  [TEAPOT_FACT_HEADERS] = { "headers", "header", TEAPOT_FACT_KIND_LIST, NULL },
  [TEAPOT_FACT_SENDER] = { "sender", "sender", TEAPOT_FACT_KIND_TEXT, NULL },
  [TEAPOT_FACT_USE] = { "use", "use", TEAPOT_FACT_KIND_TEXT, NULL },
  [TEAPOT_FACT_AVOID] = { "avoid", "avoid", TEAPOT_FACT_KIND_TEXT, NULL },
};

const char *
teapot_fact_key_get_name (TeapotFactKey key)
{
  g_return_val_if_fail (key < TEAPOT_N_FACTS, NULL);
  return keys[key].name;
}

TeapotFactKind
teapot_fact_key_get_kind (TeapotFactKey key)
{
  g_return_val_if_fail (key < TEAPOT_N_FACTS, TEAPOT_FACT_KIND_TEXT);
  return keys[key].kind;
}

const char * const *
teapot_fact_key_get_choices (TeapotFactKey key)
{
  g_return_val_if_fail (key < TEAPOT_N_FACTS, NULL);
  return keys[key].choices;
}

gboolean
teapot_fact_key_from_element (const char    *element,
                              TeapotFactKey *key)
{
  for (guint i = 0; i < TEAPOT_N_FACTS; i++)
    if (g_strcmp0 (element, keys[i].element) == 0)
      {
        *key = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
teapot_fact_value_is_valid (TeapotFactKey  key,
                            const char    *value)
{
  g_return_val_if_fail (key < TEAPOT_N_FACTS, FALSE);

  if (value == NULL || *value == '\0')
    return FALSE;
  switch (keys[key].kind)
    {
    case TEAPOT_FACT_KIND_BOOL:
      return g_str_equal (value, "yes") || g_str_equal (value, "no");
    case TEAPOT_FACT_KIND_CHOICE:
      return g_strv_contains ((const char * const *) keys[key].choices, value);
    case TEAPOT_FACT_KIND_LIST:
    case TEAPOT_FACT_KIND_TEXT:
    default:
      return TRUE;
    }
}
