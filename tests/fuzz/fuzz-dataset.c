/* fuzz-dataset.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer harness for the dataset compiler's parser: any bytes in a data/codes file must
 * give records or a "file:line: reason" error, never a crash. Built with clang by
 * tests/fuzz/build.sh; replayed over the corpus by the unit test "fuzz-dataset-corpus". */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "teapot-dataset.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_record_free);
  g_autoptr(GError) error = NULL;

  if (teapot_dataset_parse ("fuzz.xml", (const char *) data, (gssize) size, records, &error))
    {
      g_assert_no_error (error);
      if (!teapot_dataset_validate (records, &error))
        g_assert_nonnull (error);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.xml:"));
    }

  return 0;
}
