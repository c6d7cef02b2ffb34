/* teapot-names.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-names.h"

/* Library names are names: they are not translated. */
static const struct
{
  const char *id;
  const char *name;
} languages[] = {
  { "python", "Python" },
  { "go", "Go" },
  { "rust", "Rust" },
  { "dotnet", ".NET" },
  { "java", "Java (Spring)" },
  { "aspnetcore", "ASP.NET Core" },
  { "symfony", "PHP (Symfony)" },
  { "rack", "Ruby (Rack/Rails)" },
  { "ktor", "Kotlin (Ktor)" },
  { "jaxrs", "Java (JAX-RS)" },
};

guint
teapot_names_get_n_languages (void)
{
  return G_N_ELEMENTS (languages);
}

const char *
teapot_names_get_language (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (languages), NULL);
  return languages[position].id;
}

const char *
teapot_names_language (const char *language)
{
  g_return_val_if_fail (language != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].id, language))
      return languages[i].name;
  return language;
}
