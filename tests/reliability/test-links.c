/* test-links.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Only web links leave Teapot (issue 6): teapot_format_is_web_uri(), the one check the
 * window makes before it launches a URI, refuses every other scheme, and every link in
 * the bundled data passes it. */

#include "config.h"

#include "teapot-format.h"
#include "teapot-store.h"

static void
test_refuses_other_schemes (void)
{
  const char *refused[] = {
    "javascript:alert(1)", "JavaScript:alert(1)", "file:///etc/passwd", "file:/home",
    "data:text/html,<script>alert(1)</script>", "ftp://example.org/", "mailto:a@example.org",
    "smb://host/share", "ssh://host", "vbscript:msgbox", "x-scheme-handler:foo", "about:blank",
    "resource:///io/github/teapot/Teapot/reference.sqlite", "appstream://io.github.teapot.Teapot",
    " https://example.org/", "https//example.org", "//example.org/", "example.org", "",
    "http", "\xff\xfehttps://example.org/", "https\n://example.org/",
  };
  const char *accepted[] = {
    "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5", "http://nginx.org/",
    "HTTPS://EXAMPLE.ORG/",
  };

  g_assert_false (teapot_format_is_web_uri (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *escaped = g_strescape (refused[i], NULL);

      g_test_message ("refused: %s", escaped);
      g_assert_false (teapot_format_is_web_uri (refused[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    g_assert_true (teapot_format_is_web_uri (accepted[i]));
}

static void
test_dataset_links (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new (NULL, &error);
  g_autoptr(GPtrArray) all = NULL;

  g_assert_no_error (error);
  all = teapot_store_list (store, NULL, 0);
  g_assert_cmpuint (all->len, >, 90);
  for (guint i = 0; i < all->len; i++)
    {
      TeapotEntry *entry = g_ptr_array_index (all, i);
      const char *url = teapot_entry_get_reference_url (entry);

      if (url != NULL && !teapot_format_is_web_uri (url))
        g_error ("%s: %s is not a web link", teapot_entry_get_id (entry), url);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/links/refuses-other-schemes", test_refuses_other_schemes);
  g_test_add_func ("/links/dataset", test_dataset_links);

  return g_test_run ();
}
