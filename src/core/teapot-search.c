/* teapot-search.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "teapot-query.h"
#include "teapot-sql.h"
#include "teapot-store-private.h"
#include "teapot-text.h"

/* Ranking, strongest signal first:
 *  1. a vendor sub-code named with its dot ("500.19"); a code named in the text (the earlier,
 *     the stronger; registered before vendor, then the more common meaning); a bare
 *     four-digit sub-code ("error 1020") just below the first code, as it may be a byte count;
 *  2. a range the query names ("52", "4xx"), in code order;
 *  3. words: each query word (with its spelling corrections) is a group; an entry gains by
 *     how many groups it matches (coverage) and by the weighted columns it matches in, scaled
 *     by the word's rarity; groups found in the phrase or a former name count extra (a
 *     vendor's name by how common its code is), the whole name (typos and all) more still;
 *     a keyword of several words found in the text ("upstream timed out" in a log line), or
 *     holding all of it, counts much; registered entries get a slight prior.
 * Entries that match less than half as many groups as the best one are dropped, so one
 * common word does not flood the list. */

#define SCORE_CODE       100000.0
#define SCORE_CODE_STEP      100.0
#define SCORE_REGISTERED    1000.0
/* Per prevalence level, among the meanings of one number: less than a code step. */
#define SCORE_CODE_PREVALENCE 10.0
#define SCORE_DOTTED_SUBCODE (SCORE_CODE + 2 * SCORE_REGISTERED)
#define SCORE_BARE_SUBCODE (SCORE_CODE - SCORE_CODE_STEP / 2)
#define SCORE_RANGE        50000.0
#define SCORE_COVERAGE      4000.0
#define SCORE_NAME          2000.0
#define SCORE_EXACT_NAME    3000.0
#define SCORE_REGISTERED_PRIOR 150.0
/* Per prevalence level (1..5): of two similar matches the one developers meet more wins. */
#define SCORE_PREVALENCE_PRIOR 150.0
/* A vendor's sub-code (IIS 404.7, Cloudflare 1015) is a detail of its status, which comes first. */
#define SCORE_SUBCODE_DISCOUNT 2500.0
#define SCORE_KEYWORD_PHRASE 1500.0
/* A keyword that is the whole query: less than a whole name, which has the name's score too. */
#define SCORE_WHOLE_KEYWORD 2000.0
/* A header the entry lists, named whole ("retry-after"), and a vendor or topical tag the
 * query names ("nginx"): as strong as a name, shared by the query's words. */
#define SCORE_HEADER        2500.0
#define SCORE_TAG           2500.0
#define SCORE_MATCH_SCALE     40.0
#define CORRECTION_DISCOUNT    0.6
#define MAX_GROUPS            12
#define MAX_SUGGESTIONS        3
/* A word in more than this share of entries, or in more than this many, is too common to
 * look for on its own: it tells entries apart poorly and costs the most. */
#define COMMON_WORD_SHARE      0.2
#define COMMON_WORD_ENTRIES 2000
/* How many hits per wanted result have their text scored (names, keyword phrases). */
#define TEXT_SCORED_PER_RESULT 4
#define TEXT_SCORED_MIN      200

/* A status's own meanings; the vendors' sub-codes served with it are found by their words. */
static const char select_code[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS " FROM entries e WHERE e.code = :code AND e.subcode IS NULL AND"
  TEAPOT_FILTER_SQL
  " ORDER BY e.rowid";
static const char select_subcode[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS " FROM entries e WHERE e.subcode = :subcode AND" TEAPOT_FILTER_SQL
  " ORDER BY e.rowid";
static const char select_range[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS " FROM entries e WHERE e.code BETWEEN :low AND :high AND"
  TEAPOT_FILTER_SQL " ORDER BY e.rowid LIMIT :limit";
/* Which columns each matching row matches in; the filter needs the entries table, an empty
 * filter does not. */
static const char select_words[] =
  "SELECT e.rowid, teapot_columns (entries_fts)"
  " FROM entries_fts JOIN entries e ON e.rowid = entries_fts.rowid"
  " WHERE entries_fts MATCH :match AND" TEAPOT_FILTER_SQL;
static const char select_words_unfiltered[] =
  "SELECT rowid, teapot_columns (entries_fts) FROM entries_fts WHERE entries_fts MATCH :match";

/* Column weights: phrase, aliases, keywords, tags, summary, description, headers, in English
 * or the reader's language; then keywords, summary, description in another (teapot-fts.h). */
static const double column_weights[] = { 10.0, 8.0, 6.0, 5.0, 1.5, 1.0, 6.0, 4.0, 1.0, 0.7 };
#define OTHER_COLUMN_SHARE 0.1

typedef struct
{
  gint64 rowid;
  TeapotEntry *entry;
  double score;
  guint groups;
  gboolean by_code;
} Hit;

typedef struct
{
  GPtrArray *words;   /* the word and its alternatives */
  gboolean prefix;    /* the word may be unfinished */
} Group;

typedef struct
{
  TeapotStore *store;
  const TeapotFilter *filter;
  GHashTable *hits;   /* rowid -> Hit */
  GPtrArray *groups;  /* Group */
  guint common;       /* a word in more entries than this is not looked up on its own */
  gboolean header;    /* the query says "header": a one-word header name counts too */
  GError *error;      /* the first read that failed: the search stops and reports it */
  char *folded_text;  /* the query's phrase text without accents */
} Search;

static void
group_free (Group *group)
{
  g_ptr_array_unref (group->words);
  g_free (group);
}

static void
hit_free (Hit *hit)
{
  g_clear_object (&hit->entry);
  g_free (hit);
}

/* Hits are their own keys, hashed by rowid. */
static guint
hit_hash (gconstpointer key)
{
  return g_int64_hash (&((const Hit *) key)->rowid);
}

static gboolean
hit_equal (gconstpointer a,
           gconstpointer b)
{
  return ((const Hit *) a)->rowid == ((const Hit *) b)->rowid;
}

static Hit *
hit_for_row (Search *search,
             gint64  rowid)
{
  Hit key = { .rowid = rowid };
  Hit *hit = g_hash_table_lookup (search->hits, &key);

  if (hit == NULL)
    {
      hit = g_new0 (Hit, 1);
      hit->rowid = rowid;
      g_hash_table_add (search->hits, hit);
    }
  return hit;
}

/* A named number's meanings rank by how common they are (@prevalence); a range, in code order. */
static void
add_entries (Search       *search,
             sqlite3_stmt *stmt,
             double        score,
             gboolean      prevalence)
{
  while (stmt != NULL && _teapot_sql_step (stmt, &search->error))
    {
      Hit *hit = hit_for_row (search, sqlite3_column_int64 (stmt, 0));

      if (hit->entry == NULL)
        hit->entry = _teapot_store_entry_from_row (search->store, stmt);
      hit->score += score + (teapot_entry_is_registered (hit->entry) ? SCORE_REGISTERED : 0)
                    + (prevalence ? SCORE_CODE_PREVALENCE * teapot_entry_get_prevalence (hit->entry) : 0);
      hit->by_code = TRUE;
    }
}

static void
search_codes (Search      *search,
              TeapotQuery *query,
              guint        limit)
{
  for (guint i = 0; i < query->codes->len && search->error == NULL; i++)
    {
      sqlite3_stmt *stmt = _teapot_store_prepare (search->store, select_code, &search->error);

      if (stmt == NULL)
        return;
      _teapot_store_bind_filter (stmt, search->filter);
      sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":code"),
                        g_array_index (query->codes, guint, i));
      add_entries (search, stmt, SCORE_CODE - i * SCORE_CODE_STEP, TRUE);
    }

  for (guint i = 0; i < query->subcodes->len && search->error == NULL; i++)
    {
      sqlite3_stmt *stmt = _teapot_store_prepare (search->store, select_subcode, &search->error);

      if (stmt == NULL)
        return;
      _teapot_store_bind_filter (stmt, search->filter);
      sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":subcode"),
                         g_ptr_array_index (query->subcodes, i), -1, SQLITE_TRANSIENT);
      add_entries (search, stmt,
                   i < query->n_dotted ? SCORE_DOTTED_SUBCODE - i * SCORE_CODE_STEP : SCORE_BARE_SUBCODE - i,
                   TRUE);
    }

  if (query->range_low != 0 && search->error == NULL)
    {
      sqlite3_stmt *stmt = _teapot_store_prepare (search->store, select_range, &search->error);

      if (stmt == NULL)
        return;
      _teapot_store_bind_filter (stmt, search->filter);
      sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":low"), query->range_low);
      sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":high"), query->range_high);
      /* A range ranks in code order: rows past the limit could never be shown. */
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit > 0 ? (gint64) limit : -1);
      add_entries (search, stmt, SCORE_RANGE, FALSE);
    }
}

/* FTS5 sees only quoted strings: nothing the user typed is taken as query syntax. */
void
_teapot_search_append_term (GString    *match,
                            const char *word,
                            gboolean    prefix)
{
  if (match->len > 0)
    g_string_append (match, " OR ");
  g_string_append_c (match, '"');
  for (const char *p = word; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');
  if (prefix)
    g_string_append_c (match, '*');
}

static gboolean
filter_is_empty (const TeapotFilter *filter)
{
  return filter == NULL || (filter->class_digit == 0 && filter->tag == NULL && !filter->favourites);
}

/* How a row ranks for one word: the weight of its best column, a little for every other
 * column, times how rare the word is (BM25's inverse document frequency). */
static double
row_weight (gint64 columns)
{
  double best = 0, others = 0;

  for (guint i = 0; i < G_N_ELEMENTS (column_weights); i++)
    if (columns & ((gint64) 1 << i))
      {
        others += MIN (best, column_weights[i]);
        best = MAX (best, column_weights[i]);
      }
  return best + OTHER_COLUMN_SHARE * others;
}

static void
search_group (Search     *search,
              const char *match,
              guint       frequency,
              double      weight)
{
  TeapotSpeller *speller = _teapot_store_get_speller (search->store);
  double n = speller ? teapot_speller_n_entries (speller) : 1;
  double df = MIN (MAX (frequency, 1), n);
  double idf = log (1.0 + (n - df + 0.5) / (df + 0.5));
  gboolean unfiltered = filter_is_empty (search->filter);
  sqlite3_stmt *stmt;

  if (search->error != NULL)
    return;
  stmt = _teapot_store_prepare (search->store, unfiltered ? select_words_unfiltered : select_words, &search->error);
  if (stmt == NULL)
    return;
  if (!unfiltered)
    _teapot_store_bind_filter (stmt, search->filter);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":match"), match, -1, SQLITE_TRANSIENT);

  while (_teapot_sql_step (stmt, &search->error))
    {
      Hit *hit = hit_for_row (search, sqlite3_column_int64 (stmt, 0));

      hit->score += idf * row_weight (sqlite3_column_int64 (stmt, 1)) * SCORE_MATCH_SCALE * weight;
      hit->groups++;
    }
}

/* One group per word: the word itself, or its completions while it is being typed, and its
 * nearest spellings when the dataset does not know it. Returns whether it was looked up. */
static gboolean
add_group (Search        *search,
           TeapotSpeller *speller,
           const char    *word,
           gboolean       prefix,
           guint          frequency,
           gboolean       look_up)
{
  g_autoptr(GString) match = g_string_new (NULL);
  Group *group = g_new0 (Group, 1);
  double weight = 1.0;

  group->words = g_ptr_array_new_with_free_func (g_free);
  group->prefix = prefix;
  /* Without accents, as the names are written: "límite" is in "Resource Limit Is Reached". */
  g_ptr_array_add (group->words, teapot_text_fold (word));
  g_ptr_array_add (search->groups, group);
  if (!look_up)
    return FALSE;

  _teapot_search_append_term (match, word, prefix);
  /* An unknown word is a typo, or (being typed) the start of one: "forbidn". */
  if (speller != NULL && teapot_speller_frequency (speller, word) == 0 && (!prefix || strlen (word) >= 4))
    {
      g_autoptr(GPtrArray) suggestions = teapot_speller_suggest (speller, word, MAX_SUGGESTIONS);

      for (guint j = 0; j < suggestions->len; j++)
        {
          const char *suggestion = g_ptr_array_index (suggestions, j);

          /* A common word found only through a typo costs much and tells little: it still
           * counts in names. */
          guint suggested = teapot_speller_frequency (speller, suggestion);

          if (suggested <= search->common)
            {
              _teapot_search_append_term (match, suggestion, FALSE);
              frequency += suggested;
            }
          g_ptr_array_add (group->words, g_strdup (suggestion));
        }
      if (suggestions->len > 0 && !prefix)
        weight = CORRECTION_DISCOUNT;
    }

  search_group (search, match->str, frequency, weight);
  return TRUE;
}

/* How many entries looking @word up would touch. */
static guint
word_frequency (TeapotSpeller *speller,
                const char    *word,
                gboolean       prefix)
{
  if (speller == NULL)
    return 1;
  return prefix ? teapot_speller_prefix_frequency (speller, word) : teapot_speller_frequency (speller, word);
}

/* When every word is common, the entries that hold them all are few and the ones meant
 * ("validation errors"): one lookup of all the words together. Returns whether it found any;
 * the words are then groups for the names, none looked up on its own. */
static gboolean
search_all_words (Search      *search,
                  TeapotQuery *query,
                  guint        n_words,
                  guint        frequency)
{
  g_autoptr(GString) match = g_string_new (NULL);
  guint before = g_hash_table_size (search->hits);

  for (guint i = 0; i < n_words; i++)
    {
      gboolean prefix = query->last_is_prefix && i == query->words->len - 1;
      g_autoptr(GString) term = g_string_new (NULL);

      _teapot_search_append_term (term, g_ptr_array_index (query->words, i), prefix);
      g_string_append_printf (match, "%s%s", i > 0 ? " AND " : "", term->str);
    }
  search_group (search, match->str, frequency, 1.0);
  if (g_hash_table_size (search->hits) == before)
    return FALSE;

  g_ptr_array_set_size (search->groups, 0);
  for (guint i = 0; i < n_words; i++)
    add_group (search, NULL, g_ptr_array_index (query->words, i), query->last_is_prefix && i == query->words->len - 1,
               0, FALSE);
  return TRUE;
}

/* Words too common to tell entries apart are not looked up (they still count in names);
 * when every word is common, the rarest one is, unless the query named a code: then the
 * code's entries are the answer and the words only order them ("error 1020"). */
static guint
search_words (Search      *search,
              TeapotQuery *query)
{
  TeapotSpeller *speller = _teapot_store_get_speller (search->store);
  guint n_entries = speller ? teapot_speller_n_entries (speller) : 0;
  guint n_words = MIN (query->words->len, MAX_GROUPS);
  g_autofree guint *frequency = g_new0 (guint, n_words + 1);
  guint n_groups = 0, rarest = 0;
  gboolean named = query->codes->len > 0 || query->subcodes->len > 0 || query->range_low != 0;

  search->common = MAX (1, MIN ((guint) (n_entries * COMMON_WORD_SHARE), COMMON_WORD_ENTRIES));

  for (guint i = 0; i < n_words; i++)
    {
      gboolean prefix = query->last_is_prefix && i == query->words->len - 1;

      frequency[i] = word_frequency (speller, g_ptr_array_index (query->words, i), prefix);
      if (frequency[i] < frequency[rarest])
        rarest = i;
    }

  for (guint pass = 0; pass < (named ? 1 : 2) && n_groups == 0; pass++)
    {
      if (pass == 1 && n_words > 1 && search_all_words (search, query, n_words, frequency[rarest]))
        return 1;
      g_ptr_array_set_size (search->groups, 0);
      for (guint i = 0; i < n_words; i++)
        {
          gboolean prefix = query->last_is_prefix && i == query->words->len - 1;
          gboolean look_up = pass == 0 ? frequency[i] <= search->common || (n_words == 1 && !named) : i == rarest;

          n_groups += add_group (search, speller, g_ptr_array_index (query->words, i), prefix, frequency[i], look_up);
        }
    }
  return n_groups;
}

/* Words match loosely in names: "request" finds "Requests", "req" (being typed) too. */
static gboolean
word_matches (const char *query_word,
              const char *name_word,
              gboolean    prefix)
{
  gsize lq = strlen (query_word), ln = strlen (name_word);

  if (prefix || (ln > lq && ln - lq <= 2) )
    return strncmp (query_word, name_word, lq) == 0;
  if (lq > ln && lq - ln <= 2)
    return strncmp (query_word, name_word, ln) == 0 && ln >= 4;
  return g_str_equal (query_word, name_word);
}

static gboolean
group_in_words (Group     *group,
                GPtrArray *words)
{
  for (guint i = 0; i < group->words->len; i++)
    for (guint j = 0; j < words->len; j++)
      if (word_matches (g_ptr_array_index (group->words, i), g_ptr_array_index (words, j),
                        group->prefix && i == 0))
        return TRUE;
  return FALSE;
}

/* How many groups the phrase or a former name holds; *exact when that name has no other words. */
static guint
name_coverage (Search      *search,
               TeapotEntry *entry,
               gboolean    *exact)
{
  const char * const *aliases = teapot_entry_get_aliases (entry);
  guint best = 0;

  *exact = FALSE;
  for (int i = -1; i < 0 || aliases[i] != NULL; i++)
    {
      const char *name = i < 0 ? teapot_entry_get_phrase (entry) : aliases[i];
      g_autoptr(GPtrArray) words = teapot_text_split_words (name);
      guint covered = 0;

      for (guint g = 0; g < search->groups->len; g++)
        covered += group_in_words (g_ptr_array_index (search->groups, g), words);
      if (covered > best || (covered == best && covered == words->len))
        {
          best = covered;
          *exact = covered == search->groups->len && covered == words->len;
        }
    }
  return best;
}

/* Whether one of the group's words is one of @words as it is: "allowed" is not the Allow header. */
static gboolean
group_is_word (Group     *group,
               GPtrArray *words)
{
  for (guint i = 0; i < group->words->len; i++)
    if (g_ptr_array_find_with_equal_func (words, g_ptr_array_index (group->words, i), g_str_equal, NULL))
      return TRUE;
  return FALSE;
}

/* How many groups name one of @names (headers, tags) whole; with @whole, only a name all of
 * whose words the query holds counts ("retry-after", not "after"), and a one-word name only
 * alone or beside "header" ("I'm a teapot" does not name the IM header). The best name's
 * count. */
static guint
names_named (Search             *search,
             const char * const *names,
             gboolean            whole)
{
  guint best = 0, all = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) words = teapot_text_split_words (names[i]);
      guint covered = 0;

      for (guint g = 0; g < search->groups->len; g++)
        covered += group_is_word (g_ptr_array_index (search->groups, g), words);
      if (!whole || (covered >= words->len && (words->len > 1 || search->header || search->groups->len == 1)))
        best = MAX (best, covered);
      all += covered;
    }
  return whole ? best : all;
}

/* Keywords of several words (error="invalid_token" is three) that stand in the text as they
 * are; *whole when one is all the text ("post redirect get", a question put the way the
 * dataset puts it); and those holding a text of three words or more, the part of a message
 * people remember (two are a concept: "conditional request" is not "...request failed"). */
static guint
keyword_phrases (TeapotEntry *entry,
                 const char  *phrase_text,
                 gboolean    *whole)
{
  const char * const *keywords = teapot_entry_get_keywords (entry);
  const char *second = strchr (phrase_text + 1, ' ');
  const char *third = second != NULL ? strchr (second + 1, ' ') : NULL;
  gboolean fragment = third != NULL && third != strrchr (phrase_text, ' ');
  guint found = 0;

  *whole = FALSE;
  for (guint i = 0; keywords[i] != NULL; i++)
    {
      g_autofree char *keyword = NULL;

      if (strpbrk (keywords[i], " /_-.:=\"") == NULL)
        continue;
      keyword = teapot_query_phrase_text (keywords[i]);
      if (strstr (phrase_text, keyword) != NULL)
        {
          found++;
          *whole |= g_str_equal (phrase_text, keyword);
        }
      else if (fragment && strstr (keyword, phrase_text) != NULL)
        found++;
    }
  return found;
}

/* The same for the translated keywords, stored ready to look for in the folded text. */
static guint
translated_keyword_phrases (TeapotEntry *entry,
                            const char  *folded_text)
{
  const char * const *phrases = _teapot_entry_get_search_keywords (entry);
  guint found = 0;

  for (guint i = 0; phrases[i] != NULL; i++)
    if (strstr (folded_text, phrases[i]) != NULL)
      found++;
  return found;
}

/* Best first; equal scores in code order, registered meaning first (the rowid order). */
static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *ha = *(Hit * const *) a;
  const Hit *hb = *(Hit * const *) b;

  if (ha->score != hb->score)
    return ha->score > hb->score ? -1 : 1;
  return ha->rowid < hb->rowid ? -1 : ha->rowid > hb->rowid;
}

/* What only the entry's text can tell: its names and keyword phrases. */
static void
score_text (Search      *search,
            TeapotQuery *query,
            Hit         *hit)
{
  gboolean exact, whole;
  guint named = name_coverage (search, hit->entry, &exact);
  guint phrases = keyword_phrases (hit->entry, query->phrase_text, &whole);
  /* Exchange's rare 451 "Redirect" must not push aside the redirects people mean; a
   * distinctive vendor name ("enhance your calm") has no rival to lose to. */
  double name = (SCORE_NAME * named / search->groups->len + (exact ? SCORE_EXACT_NAME : 0))
                * (teapot_entry_is_registered (hit->entry) ? 1.0 : teapot_entry_get_prevalence (hit->entry) / 5.0);

  hit->score += name;
  hit->score += SCORE_KEYWORD_PHRASE * MIN (phrases + translated_keyword_phrases (hit->entry, search->folded_text), 2)
                 + (whole ? SCORE_WHOLE_KEYWORD : 0);
  hit->score += SCORE_HEADER * names_named (search, teapot_entry_get_headers (hit->entry), TRUE) / search->groups->len;
  hit->score += SCORE_TAG * MIN (names_named (search, teapot_entry_get_tags (hit->entry), FALSE), search->groups->len)
                / search->groups->len;
  if (teapot_entry_is_registered (hit->entry))
    hit->score += SCORE_REGISTERED_PRIOR;
  hit->score += SCORE_PREVALENCE_PRIOR * teapot_entry_get_prevalence (hit->entry);
  if (teapot_entry_get_subcode (hit->entry) != NULL && !hit->by_code)
    hit->score -= SCORE_SUBCODE_DISCOUNT;
}

static GPtrArray *
rank (Search      *search,
      TeapotQuery *query,
      guint        n_groups,
      guint        limit)
{
  g_autoptr(GPtrArray) ranked = g_ptr_array_new ();
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;
  guint best_groups = 0, keep;

  g_hash_table_iter_init (&iter, search->hits);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    best_groups = MAX (best_groups, ((Hit *) value)->groups);

  g_hash_table_iter_init (&iter, search->hits);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    {
      Hit *hit = value;

      if (!hit->by_code && hit->groups * 2 < best_groups)
        continue;
      if (n_groups > 0)
        hit->score += SCORE_COVERAGE * hit->groups / n_groups;
      g_ptr_array_add (ranked, hit);
    }

  /* Reading an entry's text costs more than everything before: only for the hits that can
   * still reach the first @limit places. */
  g_ptr_array_sort (ranked, compare_hits);
  keep = limit == 0 ? ranked->len : MIN (ranked->len, MAX (limit * TEXT_SCORED_PER_RESULT, TEXT_SCORED_MIN));
  g_ptr_array_set_size (ranked, keep);

  for (guint i = 0; i < ranked->len; i++)
    {
      Hit *hit = g_ptr_array_index (ranked, i);

      if (hit->entry == NULL)
        hit->entry = _teapot_store_entry_by_rowid (search->store, hit->rowid, &search->error);
      if (hit->entry == NULL)
        return result;  /* search->error says why, and the caller drops this */
      if (search->groups->len > 0)
        score_text (search, query, hit);
    }

  g_ptr_array_sort (ranked, compare_hits);
  for (guint i = 0; i < ranked->len && (limit == 0 || i < limit); i++)
    g_ptr_array_add (result, g_object_ref (((Hit *) g_ptr_array_index (ranked, i))->entry));

  return result;
}

GPtrArray *
_teapot_search_run (TeapotStore         *self,
                    const char          *text,
                    const TeapotFilter  *filter,
                    guint                limit,
                    GError             **error)
{
  g_autoptr(TeapotQuery) query = teapot_query_parse (text);
  g_autoptr(GHashTable) hits = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_autofree char *folded_text = NULL;
  Search search = { self, filter, NULL, groups, 0, FALSE, NULL, NULL };
  g_autoptr(GPtrArray) result = NULL;
  guint n_groups;

  if (teapot_query_is_empty (query))
    return _teapot_store_list (self, filter, limit, error);

  hits = g_hash_table_new_full (hit_hash, hit_equal, (GDestroyNotify) hit_free, NULL);
  search.hits = hits;
  search.header = strstr (query->phrase_text, " header ") != NULL || strstr (query->phrase_text, " headers ") != NULL;
  search.folded_text = folded_text = teapot_text_fold (query->phrase_text);

  search_codes (&search, query, limit);
  n_groups = search_words (&search, query);
  if (search.error == NULL)
    result = rank (&search, query, n_groups, limit);

  if (search.error != NULL)
    {
      g_propagate_error (error, search.error);
      return NULL;
    }
  return g_steal_pointer (&result);
}
