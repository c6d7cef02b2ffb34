/* teapot-refdb.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "teapot-sql.h"
#include "teapot-record.h"
#include "teapot-refdb.h"
#include "teapot-refdb-facts.h"
#include "teapot-text.h"

/* Row order is code order, registered meaning first: listing is "ORDER BY rowid". */
static const char schema[] =
  "PRAGMA journal_mode=OFF;"
  "PRAGMA synchronous=OFF;"
  "PRAGMA page_size=4096;"
  "CREATE TABLE entries ("
  "  rowid INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  code INTEGER NOT NULL,"
  "  vendor TEXT,"
  "  phrase TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  tags TEXT NOT NULL,"
  "  summary TEXT NOT NULL,"
  "  description TEXT NOT NULL,"
  "  aliases TEXT NOT NULL,"
  "  keywords TEXT NOT NULL,"
  "  headers TEXT NOT NULL,"
  "  related TEXT NOT NULL,"
  "  constants TEXT NOT NULL,"
  "  cacheable INTEGER NOT NULL,"
  "  ref_title TEXT NOT NULL,"
  "  ref_section TEXT NOT NULL,"
  "  ref_url TEXT NOT NULL,"
  "  subcode TEXT,"
  "  prevalence INTEGER NOT NULL,"
  "  prevalence_reason TEXT NOT NULL,"
  "  phrase_ours INTEGER NOT NULL,"
  "  constant_history TEXT NOT NULL,"
  /* Every language's translated keywords, folded: search finds them in pasted text. */
  "  search_keywords TEXT NOT NULL);"
  "CREATE INDEX entries_by_code ON entries (code);"
  "CREATE INDEX entries_by_subcode ON entries (subcode) WHERE subcode IS NOT NULL;"
  "CREATE TABLE entry_tags (tag TEXT NOT NULL, entry INTEGER NOT NULL, PRIMARY KEY (tag, entry)) WITHOUT ROWID;"
  /* df: how many entries the index finds for the word; family: the same number for the
   * words the index stems alike. */
  "CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL, family INTEGER) WITHOUT ROWID;"
  /* Translated text by language; NULL where a field has no translation (English shows). */
  "CREATE TABLE translations ("
  "  lang TEXT NOT NULL,"
  "  entry INTEGER NOT NULL,"
  "  summary TEXT,"
  "  description TEXT,"
  "  PRIMARY KEY (lang, entry)) WITHOUT ROWID;"
  TEAPOT_REFDB_FACTS_SCHEMA
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;";

static char *
join (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (out, TEAPOT_REFDB_LIST_SEP);
      g_string_append (out, g_ptr_array_index (items, i));
    }
  return g_string_free (out, FALSE);
}

static char *
join_constants (TeapotRecord *record)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < record->constant_langs->len; i++)
    {
      if (i > 0)
        g_string_append (out, TEAPOT_REFDB_LIST_SEP);
      g_string_append_printf (out, "%s" TEAPOT_REFDB_PAIR_SEP "%s",
                              (char *) g_ptr_array_index (record->constant_langs, i),
                              (char *) g_ptr_array_index (record->constant_values, i));
    }
  return g_string_free (out, FALSE);
}

/* Every constant with its versions: fields lang, name, since, until, then (empty when not
 * stated) joined by TEAPOT_REFDB_PAIR_SEP, constants by TEAPOT_REFDB_LIST_SEP. */
static char *
join_constant_history (TeapotRecord *record)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < record->constant_history->len; i++)
    {
      TeapotConstant *constant = g_ptr_array_index (record->constant_history, i);
      const char *fields[] = { constant->lang, constant->name, constant->since, constant->until, constant->then };

      if (i > 0)
        g_string_append (out, TEAPOT_REFDB_LIST_SEP);
      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          if (j > 0)
            g_string_append (out, TEAPOT_REFDB_PAIR_SEP);
          g_string_append (out, fields[j] != NULL ? fields[j] : "");
        }
    }
  return g_string_free (out, FALSE);
}

/* Tags as the entry shows them: "iana" or the vendor first, then topical tags. */
static GPtrArray *
all_tags (TeapotRecord *record)
{
  GPtrArray *tags = g_ptr_array_new ();

  g_ptr_array_add (tags, record->vendor != NULL ? record->vendor : (char *) "iana");
  for (guint i = 0; i < record->tags->len; i++)
    g_ptr_array_add (tags, g_ptr_array_index (record->tags, i));
  return tags;
}

/* Every word of @texts once, for the document frequencies of the spelling vocabulary:
 * without accents (the speller folds what is typed the same way), and in the translations
 * split at apostrophes as the index's tokenizer splits them ("l'envoi" is "envoi"). */
static void
count_terms (GHashTable *df,
             GPtrArray  *texts,
             guint       n_english)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer word;

  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *text = g_strdup (g_ptr_array_index (texts, i));
      g_autoptr(GPtrArray) words = NULL;

      if (text == NULL)
        continue;
      if (i >= n_english)
        g_strdelimit (text, "'", ' ');
      words = teapot_text_split_words (text);
      for (guint j = 0; j < words->len; j++)
        g_hash_table_add (seen, teapot_text_fold (g_ptr_array_index (words, j)));
    }

  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    {
      /* Digits are codes, never typos of words. */
      if (g_ascii_isdigit (*(char *) word))
        continue;
      g_hash_table_insert (df, g_strdup (word),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (df, word)) + 1));
    }
}

/* Words of one stem ("autorise", "autoriser", "autorisent") are one term of the index: the
 * speller counts such a family once when it estimates how much a prefix finds. The index's
 * own tokenizer tells the stem: each word becomes a row of a scratch index, whose
 * vocabulary names the term it made of the row. */
static const char write_stems_sql[] =
  "CREATE VIRTUAL TABLE temp.stem_probe USING fts5 (word, tokenize='porter unicode61 remove_diacritics 2');"
  "INSERT INTO temp.stem_probe (word) SELECT term FROM terms;"
  "CREATE VIRTUAL TABLE temp.stem_vocab USING fts5vocab ('temp', 'stem_probe', 'instance');"
  "CREATE TEMP TABLE stems (word TEXT PRIMARY KEY, stem TEXT NOT NULL) WITHOUT ROWID;"
  "INSERT OR IGNORE INTO temp.stems"
  "  SELECT p.word, v.term FROM temp.stem_vocab v JOIN temp.stem_probe p ON p.rowid = v.doc;"
  /* A number per stem is smaller than the stem. */
  "CREATE TEMP TABLE families (stem TEXT NOT NULL UNIQUE);"
  "INSERT OR IGNORE INTO temp.families (stem)"
  "  SELECT coalesce (s.stem, t.term) FROM terms t LEFT JOIN temp.stems s ON s.word = t.term ORDER BY 1;"
  "UPDATE terms SET family = (SELECT f.rowid FROM temp.families f"
  "  WHERE f.stem = coalesce ((SELECT stem FROM temp.stems WHERE word = terms.term), terms.term));"
  "DROP TABLE temp.families;"
  "DROP TABLE temp.stems;"
  "DROP TABLE temp.stem_vocab;"
  "DROP TABLE temp.stem_probe;";

static gboolean
step_done (sqlite3_stmt  *stmt,
           GError       **error)
{
  gboolean ok = _teapot_sql_run (stmt, error);

  sqlite3_clear_bindings (stmt);
  return ok;
}

/* A keyword's translation names the search terms people type in that language for the
 * same thing, separated by semicolons (as the Keywords of a desktop file): "zu viele
 * Anfragen;Ratenbegrenzung". NULL when no keyword of @keywords is translated. */
static char *
translate_keywords (GPtrArray  *keywords,
                    GHashTable *catalog)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < keywords->len; i++)
    {
      const char *translation = g_hash_table_lookup (catalog, g_ptr_array_index (keywords, i));
      g_auto(GStrv) split = translation != NULL ? g_strsplit (translation, ";", -1) : NULL;

      for (guint j = 0; split != NULL && split[j] != NULL; j++)
        if (*g_strstrip (split[j]) != '\0')
          g_ptr_array_add (terms, g_strdup (split[j]));
    }
  return terms->len > 0 ? join (terms) : NULL;
}

/* The translations of @record's keywords of several words in all @langs, each once, as
 * search looks for them in a query's text: " w1 w2 ", split and folded as the query is. */
static char *
search_keywords (TeapotRecord       *record,
                 const char * const *langs,
                 GHashTable         *catalogs)
{
  g_autoptr(GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);

  for (guint l = 0; langs[l] != NULL; l++)
    {
      g_autofree char *joined = translate_keywords (record->keywords, g_hash_table_lookup (catalogs, langs[l]));
      g_auto(GStrv) terms = joined != NULL ? g_strsplit (joined, TEAPOT_REFDB_LIST_SEP, -1) : NULL;

      for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
        {
          g_autoptr(GPtrArray) words = teapot_text_split_words (terms[i]);
          GString *phrase = g_string_new (" ");

          for (guint j = 0; j < words->len; j++)
            {
              g_autofree char *folded = teapot_text_fold (g_ptr_array_index (words, j));

              g_string_append (phrase, folded);
              g_string_append_c (phrase, ' ');
            }
          if (words->len < 2 || g_ptr_array_find_with_equal_func (phrases, phrase->str, g_str_equal, NULL))
            g_string_free (phrase, TRUE);
          else
            g_ptr_array_add (phrases, g_string_free (phrase, FALSE));
        }
    }
  return join (phrases);
}

static gboolean
write_entries (sqlite3            *db,
               GPtrArray          *records,
               const char * const *langs,
               GHashTable         *catalogs,
               GError            **error)
{
  g_autoptr(sqlite3_stmt) entry = NULL;
  g_autoptr(sqlite3_stmt) tag = NULL;
  gboolean ok;

  entry = _teapot_sql_prepare (db,
                               "INSERT INTO entries VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                               " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
                               error);
  ok = entry != NULL && (tag = _teapot_sql_prepare (db, "INSERT INTO entry_tags VALUES (?1, ?2)", error)) != NULL;

  for (guint i = 0; ok && i < records->len; i++)
    {
      TeapotRecord *record = g_ptr_array_index (records, i);
      g_autoptr(GPtrArray) tags = all_tags (record);
      char *lists[] = { join (tags), join (record->aliases), join (record->keywords),
                        join (record->headers), join (record->related), join_constants (record),
                        join_constant_history (record), search_keywords (record, langs, catalogs) };
      gint64 rowid = i + 1;

      sqlite3_bind_int64 (entry, 1, rowid);
      sqlite3_bind_text (entry, 2, record->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (entry, 3, record->code);
      sqlite3_bind_text (entry, 4, record->vendor, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 5, record->phrase, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 6, record->status, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 7, lists[0], -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 8, record->summary, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 9, record->description, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 10, lists[1], -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 11, lists[2], -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 12, lists[3], -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 13, lists[4], -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 14, lists[5], -1, SQLITE_STATIC);
      sqlite3_bind_int (entry, 15, record->cacheable ? 1 : 0);
      sqlite3_bind_text (entry, 16, record->ref_title, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 17, record->ref_section, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 18, record->ref_url, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 19, record->subcode, -1, SQLITE_STATIC);
      sqlite3_bind_int (entry, 20, record->prevalence);
      sqlite3_bind_text (entry, 21, record->prevalence_reason != NULL ? record->prevalence_reason : "", -1,
                         SQLITE_STATIC);
      sqlite3_bind_int (entry, 22, record->phrase_ours ? 1 : 0);
      sqlite3_bind_text (entry, 23, lists[6], -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 24, lists[7], -1, SQLITE_STATIC);
      ok = step_done (entry, error);

      for (guint j = 0; ok && j < tags->len; j++)
        {
          sqlite3_bind_text (tag, 1, g_ptr_array_index (tags, j), -1, SQLITE_STATIC);
          sqlite3_bind_int64 (tag, 2, rowid);
          ok = step_done (tag, error);
        }

      for (guint j = 0; j < G_N_ELEMENTS (lists); j++)
        g_free (lists[j]);
    }

  return ok;
}

static gboolean
write_terms (sqlite3    *db,
             GHashTable *df,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = _teapot_sql_prepare (db, "INSERT INTO terms (term, df) VALUES (?1, ?2)", error);
  GHashTableIter iter;
  gpointer term, count;
  gboolean ok = TRUE;

  if (stmt == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, df);
  while (ok && g_hash_table_iter_next (&iter, &term, &count))
    {
      sqlite3_bind_text (stmt, 1, term, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, GPOINTER_TO_UINT (count));
      ok = step_done (stmt, error);
    }

  return ok;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The catalogs' languages in a fixed order, so that the same sources give the same
 * database; NULL-terminated. */
static const char **
sorted_languages (GHashTable *catalogs,
                  guint      *n_langs)
{
  const char **langs;

  *n_langs = 0;
  if (catalogs == NULL)
    return g_new0 (const char *, 1);
  langs = (const char **) g_hash_table_get_keys_as_array (catalogs, n_langs);
  g_sort_array (langs, *n_langs, sizeof (char *), (GCompareDataFunc) compare_strings, NULL);
  return langs;
}

static gboolean
write_translations (sqlite3            *db,
                    GPtrArray          *records,
                    const char * const *langs,
                    GHashTable         *catalogs,
                    GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = TRUE;

  stmt = _teapot_sql_prepare (db, "INSERT INTO translations VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint l = 0; ok && langs[l] != NULL; l++)
    for (guint i = 0; ok && i < records->len; i++)
      {
        const char *lang = langs[l];
        GHashTable *catalog = g_hash_table_lookup (catalogs, lang);
        TeapotRecord *record = g_ptr_array_index (records, i);
        const char *summary = g_hash_table_lookup (catalog, record->summary);
        const char *description = g_hash_table_lookup (catalog, record->description);

        if (summary == NULL && description == NULL)
          continue;
        sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_STATIC);
        sqlite3_bind_int64 (stmt, 2, i + 1);
        sqlite3_bind_text (stmt, 3, summary, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 4, description, -1, SQLITE_STATIC);
        ok = step_done (stmt, error);
      }

  return ok;
}

/* The texts of one row of the index, in its column order (see fts_columns()); NULL where
 * a language has no translation. */
static GPtrArray *
index_texts (TeapotRecord       *record,
             const char * const *langs,
             GHashTable         *catalogs)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tags = all_tags (record);

  g_ptr_array_add (texts, g_strdup (record->phrase));
  g_ptr_array_add (texts, join (record->aliases));
  g_ptr_array_add (texts, join (record->keywords));
  g_ptr_array_add (texts, join (tags));
  g_ptr_array_add (texts, g_strdup (record->summary));
  g_ptr_array_add (texts, g_strdup (record->description));
  g_ptr_array_add (texts, join (record->headers));
  g_assert (texts->len == TEAPOT_REFDB_FTS_COLUMNS);

  for (guint l = 0; langs[l] != NULL; l++)
    {
      GHashTable *catalog = g_hash_table_lookup (catalogs, langs[l]);

      g_ptr_array_add (texts, translate_keywords (record->keywords, catalog));
      g_ptr_array_add (texts, g_strdup (g_hash_table_lookup (catalog, record->summary)));
      g_ptr_array_add (texts, g_strdup (g_hash_table_lookup (catalog, record->description)));
    }
  return texts;
}

/* The index's columns: the English fields and the headers, then each language's keywords,
 * summary and description. Named by number: language names never become SQL. */
static char *
fts_columns (guint n_langs)
{
  GString *columns = g_string_new ("phrase, aliases, keywords, tags, summary, description, headers");

  for (guint l = 1; l <= n_langs; l++)
    g_string_append_printf (columns, ", keywords_%u, summary_%u, description_%u", l, l, l);
  return g_string_free (columns, FALSE);
}

/* The full-text index and the document frequencies of its words. Every shipped language is
 * in it whatever the reader's: a German search finds a German description in a French
 * session. Contentless: the texts are in entries and translations already, and search only
 * asks which columns a row matches in (teapot-fts.c folds them by the reader's language). */
static gboolean
write_index (sqlite3            *db,
             GPtrArray          *records,
             const char * const *langs,
             guint               n_langs,
             GHashTable         *catalogs,
             GHashTable         *df,
             GError            **error)
{
  g_autofree char *columns = fts_columns (n_langs);
  g_autoptr(GString) create = g_string_new ("CREATE VIRTUAL TABLE entries_fts USING fts5 (");
  g_autoptr(GString) insert = g_string_new ("INSERT INTO entries_fts (rowid, ");
  g_autofree char *joined_langs = g_strjoinv (" ", (char **) langs);
  guint n_columns = TEAPOT_REFDB_FTS_COLUMNS + n_langs * TEAPOT_REFDB_FTS_LANG_COLUMNS;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) meta = NULL;
  gboolean ok;

  /* Column names and parameter numbers only, from constants and counts: no text of the
   * dataset ever becomes SQL (tests/reliability/test-security.py reviews these two). */
  g_string_append (create, columns);
  g_string_append (create, ", content='', tokenize='porter unicode61 remove_diacritics 2')");
  g_string_append (insert, columns);
  g_string_append (insert, ") VALUES (?1");
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (insert, ", ?%u", i + 2);
  g_string_append_c (insert, ')');

  ok = _teapot_sql_exec (db, create->str, error) && (stmt = _teapot_sql_prepare (db, insert->str, error)) != NULL;
  for (guint i = 0; ok && i < records->len; i++)
    {
      g_autoptr(GPtrArray) texts = index_texts (g_ptr_array_index (records, i), langs, catalogs);

      sqlite3_bind_int64 (stmt, 1, i + 1);
      for (guint j = 0; j < texts->len; j++)
        sqlite3_bind_text (stmt, j + 2, g_ptr_array_index (texts, j), -1, SQLITE_STATIC);
      ok = step_done (stmt, error);
      count_terms (df, texts, TEAPOT_REFDB_FTS_COLUMNS);
    }

  if (ok && (meta = _teapot_sql_prepare (db, "INSERT INTO meta VALUES ('languages', ?1)", error)) == NULL)
    ok = FALSE;
  if (ok)
    {
      sqlite3_bind_text (meta, 1, joined_langs, -1, SQLITE_STATIC);
      ok = step_done (meta, error);
    }
  return ok;
}

static gboolean
write_all (sqlite3            *db,
           GPtrArray          *records,
           const char * const *langs,
           guint               n_langs,
           GHashTable         *catalogs,
           GHashTable         *df,
           const char         *meta,
           GError            **error)
{
  g_auto(TeapotSqlTransaction) transaction = { 0 };

  return _teapot_sql_exec (db, schema, error)
         && _teapot_sql_transaction_begin (&transaction, db, FALSE, error)
         && write_entries (db, records, langs, catalogs, error)
         && write_index (db, records, langs, n_langs, catalogs, df, error)
         && write_terms (db, df, error)
         && write_translations (db, records, langs, catalogs, error)
         && _teapot_refdb_write_facts (db, records, catalogs, error)
         && _teapot_sql_exec (db, meta, error)
         && _teapot_sql_exec (db, "INSERT INTO entries_fts (entries_fts) VALUES ('optimize');", error)
         /* What search needs to know is how many entries the index finds for a word, stemmed
          * as the index stems it ("requests" finds "request" too). Terms are letters and
          * digits only, so quoting them makes a plain FTS5 string. */
         && _teapot_sql_exec (db, "UPDATE terms SET df = (SELECT count(*) FROM entries_fts"
                                  " WHERE entries_fts MATCH '\"' || term || '\"')", error)
         && _teapot_sql_exec (db, write_stems_sql, error)
         && _teapot_sql_transaction_commit (&transaction, error);
}

gboolean
teapot_refdb_write (GPtrArray   *records,
                    const char  *path,
                    GError     **error)
{
  return teapot_refdb_write_translated (records, NULL, path, error);
}

gboolean
teapot_refdb_write_translated (GPtrArray   *records,
                               GHashTable  *catalogs,
                               const char  *path,
                               GError     **error)
{
  g_autoptr(GHashTable) df = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *meta = NULL;
  g_autofree const char **langs = NULL;
  guint n_langs;
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "Cannot replace %s: %s", path, g_strerror (errno));
      return FALSE;
    }

  langs = sorted_languages (catalogs, &n_langs);
  if (n_langs > TEAPOT_REFDB_MAX_LANGUAGES)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "At most %u languages can be searched, not %u",
                   TEAPOT_REFDB_MAX_LANGUAGES, n_langs);
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      ok = _teapot_set_sqlite_error (error, db, rc, "Cannot create the reference database");
      sqlite3_close (db);
      return ok;
    }

  meta = g_strdup_printf ("INSERT INTO meta VALUES ('schema', '%d');"
                          "INSERT INTO meta VALUES ('entries', '%u');",
                          TEAPOT_REFDB_SCHEMA_VERSION, records->len);

  ok = write_all (db, records, langs, n_langs, catalogs, df, meta, error) && _teapot_sql_exec (db, "VACUUM", error);
  if (!ok)
    g_prefix_error (error, "Cannot build the reference database: ");

  sqlite3_close (db);
  return ok;
}
