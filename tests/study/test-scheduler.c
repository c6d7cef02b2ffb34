/* test-scheduler.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "teapot-scheduler.h"

#define MINUTE 60
#define DAY    86400
/* 2024-03-01 12:00 UTC: any fixed start will do, the scheduler only sees differences. */
#define START  G_GINT64_CONSTANT (1709294400)

static TeapotScheduler *
scheduler_without_fuzz (void)
{
  TeapotScheduler *scheduler = teapot_scheduler_new ();

  teapot_scheduler_set_fuzz (scheduler, FALSE);
  return scheduler;
}

static void
assert_card (const TeapotCard *card,
             TeapotCardState   state,
             double            stability,
             double            difficulty,
             gint64            interval,
             gint64            now)
{
  g_assert_cmpint (card->state, ==, state);
  g_assert_cmpfloat_with_epsilon (card->stability, stability, 0.00005);
  g_assert_cmpfloat_with_epsilon (card->difficulty, difficulty, 0.00005);
  g_assert_cmpint (card->due - now, ==, interval);
  g_assert_cmpint (card->last_review, ==, now);
}

static void
assert_sane (const TeapotCard *card)
{
  g_assert_true (isfinite (card->stability));
  g_assert_true (isfinite (card->difficulty));
  g_assert_cmpfloat (card->stability, >=, 0.001);
  g_assert_cmpfloat (card->difficulty, >=, 1.0);
  g_assert_cmpfloat (card->difficulty, <=, 10.0);
}

/* The published FSRS-6 vectors (issue 5), fuzz off. */
static void
test_vectors (void)
{
  g_autoptr(TeapotScheduler) scheduler = scheduler_without_fuzz ();
  TeapotCard card = teapot_card_new (START);
  gint64 now = START;

  g_assert_cmpint (card.state, ==, TEAPOT_CARD_NEW);
  g_assert_cmpint (card.due, ==, START);

  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_GOOD, now);
  g_assert_cmpint (card.state, ==, TEAPOT_CARD_LEARNING);
  g_assert_cmpuint (card.step, ==, 1);
  g_assert_cmpint (card.due - now, ==, 10 * MINUTE);

  now += 10 * MINUTE;
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_GOOD, now);
  assert_card (&card, TEAPOT_CARD_REVIEW, 2.3065, 2.1112, 2 * DAY, now);

  now += 2 * DAY;
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_GOOD, now);
  assert_card (&card, TEAPOT_CARD_REVIEW, 10.9710, 2.1043, 11 * DAY, now);

  now += 11 * DAY;
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_GOOD, now);
  assert_card (&card, TEAPOT_CARD_REVIEW, 46.3169, 2.0975, 46 * DAY, now);
  g_assert_cmpuint (card.lapses, ==, 0);

  now += 46 * DAY;
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_AGAIN, now);
  assert_card (&card, TEAPOT_CARD_RELEARNING, 2.9338, 7.3877, 10 * MINUTE, now);
  g_assert_cmpuint (card.lapses, ==, 1);

  now += 10 * MINUTE;
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_GOOD, now);
  assert_card (&card, TEAPOT_CARD_REVIEW, 2.9338, 7.3756, 3 * DAY, now);
  g_assert_cmpuint (card.reps, ==, 6);
  g_assert_cmpuint (card.lapses, ==, 1);
}

/* The learning steps for each first answer. */
static void
test_new_card_ratings (void)
{
  g_autoptr(TeapotScheduler) scheduler = scheduler_without_fuzz ();
  const struct
  {
    TeapotRating rating;
    TeapotCardState state;
    double stability;
    gint64 interval;
  } cases[] = {
    { TEAPOT_RATING_AGAIN, TEAPOT_CARD_LEARNING, 0.212, 1 * MINUTE },
    { TEAPOT_RATING_HARD, TEAPOT_CARD_LEARNING, 1.2931, 330 },  /* between the two steps */
    { TEAPOT_RATING_GOOD, TEAPOT_CARD_LEARNING, 2.3065, 10 * MINUTE },
    { TEAPOT_RATING_EASY, TEAPOT_CARD_REVIEW, 8.2956, 8 * DAY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TeapotCard card = teapot_card_new (START);
      /* w4 - e^(w5 (G - 1)) + 1, clamped to 1..10. */
      double difficulty = CLAMP (6.4133 - exp (0.8334 * (cases[i].rating - 1)) + 1.0, 1.0, 10.0);

      g_assert_cmpint (teapot_scheduler_preview (scheduler, &card, cases[i].rating, START), ==, cases[i].interval);
      teapot_scheduler_review (scheduler, &card, cases[i].rating, START);
      assert_card (&card, cases[i].state, cases[i].stability, difficulty, cases[i].interval, START);
      g_assert_cmpuint (card.reps, ==, 1);
    }
}

/* Hard and Easy on each state, and Again in learning going back to the first step. */
static void
test_hard_easy_each_state (void)
{
  g_autoptr(TeapotScheduler) scheduler = scheduler_without_fuzz ();
  TeapotCard learning = teapot_card_new (START);
  TeapotCard card;
  gint64 now = START;

  /* Learning, second step: Hard repeats the step, Again goes back, Easy graduates. */
  teapot_scheduler_review (scheduler, &learning, TEAPOT_RATING_GOOD, now);
  now += 10 * MINUTE;
  card = learning;
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_HARD, now);
  g_assert_cmpint (card.state, ==, TEAPOT_CARD_LEARNING);
  g_assert_cmpuint (card.step, ==, 1);
  g_assert_cmpint (card.due - now, ==, 10 * MINUTE);
  g_assert_cmpfloat (card.stability, <, learning.stability);  /* short-term Hard shrinks */
  g_assert_cmpfloat (card.difficulty, >, learning.difficulty);

  card = learning;
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_AGAIN, now);
  g_assert_cmpint (card.state, ==, TEAPOT_CARD_LEARNING);
  g_assert_cmpuint (card.step, ==, 0);
  g_assert_cmpint (card.due - now, ==, 1 * MINUTE);

  card = learning;
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_EASY, now);
  g_assert_cmpint (card.state, ==, TEAPOT_CARD_REVIEW);
  g_assert_cmpfloat (card.stability, >, learning.stability);
  g_assert_cmpfloat (card.difficulty, <, learning.difficulty);
  g_assert_cmpint (card.due - now, ==, (gint64) nearbyint (card.stability) * DAY);

  /* Review after its interval: Hard < Good < Easy, all stay in Review. */
  teapot_scheduler_review (scheduler, &learning, TEAPOT_RATING_GOOD, now);
  now += 2 * DAY;
  {
    gint64 hard = teapot_scheduler_preview (scheduler, &learning, TEAPOT_RATING_HARD, now);
    gint64 good = teapot_scheduler_preview (scheduler, &learning, TEAPOT_RATING_GOOD, now);
    gint64 easy = teapot_scheduler_preview (scheduler, &learning, TEAPOT_RATING_EASY, now);

    g_assert_cmpint (hard, <, good);
    g_assert_cmpint (good, <, easy);
    g_assert_cmpint (teapot_scheduler_preview (scheduler, &learning, TEAPOT_RATING_AGAIN, now), ==, 10 * MINUTE);
  }
  for (TeapotRating rating = TEAPOT_RATING_HARD; rating <= TEAPOT_RATING_EASY; rating++)
    {
      card = learning;
      teapot_scheduler_review (scheduler, &card, rating, now);
      g_assert_cmpint (card.state, ==, TEAPOT_CARD_REVIEW);
      g_assert_cmpuint (card.lapses, ==, 0);
      g_assert_cmpfloat (card.stability, >, learning.stability);
      assert_sane (&card);
    }

  /* Relearning: Hard stays on the step (15 min: one step times 1.5), Easy returns to Review,
   * Again starts the step again. */
  teapot_scheduler_review (scheduler, &learning, TEAPOT_RATING_AGAIN, now);
  g_assert_cmpint (learning.state, ==, TEAPOT_CARD_RELEARNING);
  now += 10 * MINUTE;
  card = learning;
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_HARD, now);
  g_assert_cmpint (card.state, ==, TEAPOT_CARD_RELEARNING);
  g_assert_cmpint (card.due - now, ==, 15 * MINUTE);
  card = learning;
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_AGAIN, now);
  g_assert_cmpint (card.state, ==, TEAPOT_CARD_RELEARNING);
  g_assert_cmpint (card.due - now, ==, 10 * MINUTE);
  g_assert_cmpuint (card.lapses, ==, 1);  /* a lapse is leaving Review, not each Again */
  card = learning;
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_EASY, now);
  g_assert_cmpint (card.state, ==, TEAPOT_CARD_REVIEW);
  g_assert_cmpint (card.due - now, >=, DAY);
}

/* Several reviews on one day change stability only by the short-term formula. */
static void
test_same_day (void)
{
  g_autoptr(TeapotScheduler) scheduler = scheduler_without_fuzz ();
  TeapotCard card = teapot_card_new (START);
  gint64 now = START;
  double stability;

  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_GOOD, now);
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_GOOD, now += 10 * MINUTE);
  stability = card.stability;

  /* In Review and asked again an hour later, 23 hours later: still the same day. */
  for (guint i = 0; i < 3; i++)
    {
      TeapotCard before = card;

      now += i == 2 ? 23 * 3600 : 3600;
      teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_GOOD, now);
      g_assert_cmpint (card.state, ==, TEAPOT_CARD_REVIEW);
      /* Good never lowers stability; at this stability the short-term factor is below 1. */
      g_assert_cmpfloat_with_epsilon (card.stability, before.stability, 1e-9);
      g_assert_cmpfloat (card.stability, ==, stability);
      assert_sane (&card);
    }
  /* Again on the same day: short-term shrink, into relearning. */
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_AGAIN, now + 60);
  g_assert_cmpint (card.state, ==, TEAPOT_CARD_RELEARNING);
  g_assert_cmpfloat (card.stability, <, stability);
  assert_sane (&card);
}

/* Years away: recall probability near its floor, stability grows a lot, stays finite. */
static void
test_long_gap (void)
{
  g_autoptr(TeapotScheduler) scheduler = scheduler_without_fuzz ();
  TeapotCard card = teapot_card_new (START);
  gint64 now = START;
  TeapotCard again;

  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_EASY, now);
  now += 20 * 365 * (gint64) DAY;
  g_assert_cmpfloat (teapot_scheduler_retrievability (scheduler, &card, now), <, 0.6);
  g_assert_cmpfloat (teapot_scheduler_retrievability (scheduler, &card, now), >, 0.0);

  again = card;
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_GOOD, now);
  g_assert_cmpint (card.state, ==, TEAPOT_CARD_REVIEW);
  g_assert_cmpfloat (card.stability, >, 100.0);
  assert_sane (&card);

  teapot_scheduler_review (scheduler, &again, TEAPOT_RATING_AGAIN, now);
  g_assert_cmpint (again.state, ==, TEAPOT_CARD_RELEARNING);
  assert_sane (&again);

  /* A card left in learning for a month: the long-term formulas, not the steps' clock. */
  card = teapot_card_new (START);
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_GOOD, START);
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_GOOD, START + 30 * (gint64) DAY);
  g_assert_cmpint (card.state, ==, TEAPOT_CARD_REVIEW);
  g_assert_cmpfloat (card.stability, >, 2.3065);
  assert_sane (&card);
}

/* A review "before" the previous one (clock set back, another machine): no time elapsed. */
static void
test_clock_backwards (void)
{
  g_autoptr(TeapotScheduler) scheduler = scheduler_without_fuzz ();
  TeapotCard card = teapot_card_new (START);
  TeapotCard same_time;
  gint64 now = START;

  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_GOOD, now);
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_GOOD, now += 10 * MINUTE);
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_GOOD, now += 2 * DAY);
  same_time = card;
  teapot_scheduler_review (scheduler, &same_time, TEAPOT_RATING_GOOD, now);

  for (TeapotRating rating = TEAPOT_RATING_AGAIN; rating <= TEAPOT_RATING_EASY; rating++)
    {
      TeapotCard back = card;
      gint64 earlier = now - 5 * (gint64) DAY;

      g_assert_cmpfloat (teapot_scheduler_retrievability (scheduler, &card, earlier), ==, 1.0);
      teapot_scheduler_review (scheduler, &back, rating, earlier);
      assert_sane (&back);
      g_assert_cmpint (back.last_review, ==, earlier);
      g_assert_cmpint (back.due, >, earlier);
      if (rating == TEAPOT_RATING_GOOD)
        g_assert_cmpfloat (back.stability, ==, same_time.stability);
    }

  /* Even a wildly wrong clock. */
  card.last_review = G_MAXINT64 / 2;
  teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_HARD, 0);
  assert_sane (&card);
}

/* A long stable card never waits more than 36,500 days. */
static void
test_maximum_interval (void)
{
  g_autoptr(TeapotScheduler) scheduler = scheduler_without_fuzz ();
  g_autoptr(TeapotScheduler) fuzzy = teapot_scheduler_new ();
  TeapotCard card = teapot_card_new (START);
  gint64 now = START;

  teapot_scheduler_set_seed (fuzzy, 7);
  for (guint i = 0; i < 40; i++)
    {
      TeapotCard fuzzed = card;

      teapot_scheduler_review (fuzzy, &fuzzed, TEAPOT_RATING_EASY, now);
      g_assert_cmpint (fuzzed.due - now, <=, 36500 * (gint64) DAY);

      teapot_scheduler_review (scheduler, &card, TEAPOT_RATING_EASY, now);
      g_assert_cmpint (card.due - now, <=, 36500 * (gint64) DAY);
      assert_sane (&card);
      now = card.due;
    }
  g_assert_cmpint (card.due - card.last_review, ==, 36500 * (gint64) DAY);
  g_assert_cmpint (teapot_scheduler_preview (scheduler, &card, TEAPOT_RATING_EASY, now), ==, 36500 * (gint64) DAY);
}

/* Fuzz: within the published ranges, never on short intervals, reproducible by seed. */
static void
test_fuzz_bounds (void)
{
  g_autoptr(TeapotScheduler) plain = scheduler_without_fuzz ();
  g_autoptr(TeapotScheduler) fuzzy = teapot_scheduler_new ();
  g_autoptr(TeapotScheduler) again = teapot_scheduler_new ();
  /* Stability in days equals the unfuzzed interval at 90% retention. */
  const double stabilities[] = { 1.0, 2.0, 3.0, 5.0, 10.0, 46.3169, 400.0 };

  for (guint i = 0; i < G_N_ELEMENTS (stabilities); i++)
    {
      TeapotCard card = { .state = TEAPOT_CARD_REVIEW, .stability = stabilities[i], .difficulty = 5.0,
                          .last_review = START, .due = START };
      gint64 now = START + 3600;  /* same day: Good keeps the stability (short-term) */
      TeapotCard base = card;
      gint64 days;
      double delta = 1.0;
      gint64 low, high;
      gboolean moved = FALSE;

      teapot_scheduler_review (plain, &base, TEAPOT_RATING_GOOD, now);
      days = (base.due - now) / DAY;
      if (days >= 3)
        {
          delta += 0.15 * MAX (MIN (days, 7.0) - 2.5, 0.0);
          delta += 0.1 * MAX (MIN (days, 20.0) - 7.0, 0.0);
          delta += 0.05 * MAX (days - 20.0, 0.0);
        }
      else
        delta = 0;
      low = MAX (days >= 3 ? 2 : 1, (gint64) nearbyint (days - delta));
      high = (gint64) nearbyint (days + delta);

      for (guint seed = 0; seed < 200; seed++)
        {
          TeapotCard a = card, b = card;

          teapot_scheduler_set_seed (fuzzy, seed);
          teapot_scheduler_set_seed (again, seed);
          teapot_scheduler_review (fuzzy, &a, TEAPOT_RATING_GOOD, now);
          teapot_scheduler_review (again, &b, TEAPOT_RATING_GOOD, now);
          g_assert_cmpint (a.due, ==, b.due);
          g_assert_cmpint ((a.due - now) % DAY, ==, 0);
          g_assert_cmpint ((a.due - now) / DAY, >=, low);
          g_assert_cmpint ((a.due - now) / DAY, <=, high);
          g_assert_cmpfloat (a.stability, ==, base.stability);
          moved |= a.due != base.due;
        }
      if (days < 3)
        g_assert_false (moved);
      else
        g_assert_true (moved);

      /* The preview shows the unfuzzed interval. */
      g_assert_cmpint (teapot_scheduler_preview (fuzzy, &card, TEAPOT_RATING_GOOD, now), ==, base.due - now);
    }

  /* Learning steps are never fuzzed. */
  {
    TeapotCard card = teapot_card_new (START);

    teapot_scheduler_review (fuzzy, &card, TEAPOT_RATING_GOOD, START);
    g_assert_cmpint (card.due - START, ==, 10 * MINUTE);
  }
}

/* Retrievability: 0 when never reviewed, 0.9 after one stability, 1 right after. */
static void
test_retrievability (void)
{
  g_autoptr(TeapotScheduler) scheduler = scheduler_without_fuzz ();
  TeapotCard card = teapot_card_new (START);
  TeapotCard stored = { .state = TEAPOT_CARD_REVIEW, .stability = 10.0, .difficulty = 5.0,
                        .last_review = START, .due = START + 10 * DAY };
  TeapotCard damaged = stored;

  g_assert_cmpfloat (teapot_scheduler_retrievability (scheduler, &card, START), ==, 0.0);
  g_assert_cmpfloat (teapot_scheduler_retrievability (scheduler, &stored, START), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (teapot_scheduler_retrievability (scheduler, &stored, START + 10 * DAY), 0.9, 1e-9);

  /* A damaged row (NaN, zero stability) is treated as a card to learn again, not NaN. */
  damaged.stability = NAN;
  damaged.difficulty = 0.0;
  g_assert_cmpfloat (teapot_scheduler_retrievability (scheduler, &damaged, START), ==, 0.0);
  teapot_scheduler_review (scheduler, &damaged, TEAPOT_RATING_GOOD, START + DAY);
  assert_sane (&damaged);
  g_assert_cmpint (damaged.state, ==, TEAPOT_CARD_LEARNING);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheduler/vectors", test_vectors);
  g_test_add_func ("/scheduler/new-card-ratings", test_new_card_ratings);
  g_test_add_func ("/scheduler/hard-easy-each-state", test_hard_easy_each_state);
  g_test_add_func ("/scheduler/same-day", test_same_day);
  g_test_add_func ("/scheduler/long-gap", test_long_gap);
  g_test_add_func ("/scheduler/clock-backwards", test_clock_backwards);
  g_test_add_func ("/scheduler/maximum-interval", test_maximum_interval);
  g_test_add_func ("/scheduler/fuzz-bounds", test_fuzz_bounds);
  g_test_add_func ("/scheduler/retrievability", test_retrievability);

  return g_test_run ();
}
