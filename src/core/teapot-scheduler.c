/* teapot-scheduler.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "teapot-scheduler.h"

/* FSRS-6 as described by open-spaced-repetition (the "Free Spaced Repetition Scheduler",
 * https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm), following the
 * behaviour of its reference scheduler py-fsrs 6: elapsed time counts in whole days, a
 * review less than a day after the previous one changes stability by the short-term
 * formula (w17..w19), and w20 is the decay of the forgetting curve. */

#define N_PARAMETERS     21
#define STABILITY_MIN    0.001
#define DIFFICULTY_MIN   1.0
#define DIFFICULTY_MAX   10.0
#define SECONDS_PER_DAY  86400
#define MINUTE           60

static const double default_parameters[N_PARAMETERS] = {
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
  1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

static const gint64 learning_steps[] = { 1 * MINUTE, 10 * MINUTE };
static const gint64 relearning_steps[] = { 10 * MINUTE };

/* How far the fuzz may move an interval, by its length in days. */
static const struct
{
  double start;
  double end;
  double factor;
} fuzz_ranges[] = {
  { 2.5, 7.0, 0.15 },
  { 7.0, 20.0, 0.1 },
  { 20.0, INFINITY, 0.05 },
};

struct _TeapotScheduler
{
  double w[N_PARAMETERS];
  double retention;
  double decay;              /* -w20 */
  double factor;             /* 0.9^(1/decay) - 1: R is 0.9 when t equals S */
  guint maximum_interval;    /* days */
  gboolean fuzz;
  GRand *rand;
};

static void
update_curve (TeapotScheduler *self)
{
  self->decay = -self->w[20];
  self->factor = pow (0.9, 1.0 / self->decay) - 1.0;
}

TeapotScheduler *
teapot_scheduler_new (void)
{
  TeapotScheduler *self = g_new0 (TeapotScheduler, 1);

  memcpy (self->w, default_parameters, sizeof self->w);
  self->retention = 0.9;
  self->maximum_interval = 36500;
  self->fuzz = TRUE;
  self->rand = g_rand_new ();
  update_curve (self);
  return self;
}

void
teapot_scheduler_free (TeapotScheduler *self)
{
  if (self == NULL)
    return;
  g_rand_free (self->rand);
  g_free (self);
}

void
teapot_scheduler_set_fuzz (TeapotScheduler *self,
                           gboolean         fuzz)
{
  g_return_if_fail (self != NULL);
  self->fuzz = !!fuzz;
}

void
teapot_scheduler_set_seed (TeapotScheduler *self,
                           guint32          seed)
{
  g_return_if_fail (self != NULL);
  g_rand_set_seed (self->rand, seed);
}

void
teapot_scheduler_set_retention (TeapotScheduler *self,
                                double           retention)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (retention > 0.0 && retention < 1.0);
  self->retention = retention;
}

TeapotCard
teapot_card_new (gint64 now)
{
  TeapotCard card = { 0 };

  card.state = TEAPOT_CARD_NEW;
  card.due = now;
  return card;
}

static double
clamp_stability (double stability)
{
  return isfinite (stability) ? MAX (stability, STABILITY_MIN) : STABILITY_MIN;
}

static double
clamp_difficulty (double difficulty)
{
  if (!isfinite (difficulty))
    return DIFFICULTY_MAX;
  return CLAMP (difficulty, DIFFICULTY_MIN, DIFFICULTY_MAX);
}

static double
initial_stability (TeapotScheduler *self,
                   TeapotRating     rating)
{
  return clamp_stability (self->w[rating - 1]);
}

static double
initial_difficulty (TeapotScheduler *self,
                    TeapotRating     rating)
{
  return self->w[4] - exp (self->w[5] * (rating - 1)) + 1.0;
}

/* Whole days from @last to @now; a clock that went backwards counts as no time at all. */
static gint64
elapsed_days (gint64 last,
              gint64 now)
{
  return now > last ? (now - last) / SECONDS_PER_DAY : 0;
}

static double
forgetting_curve (TeapotScheduler *self,
                  double           days,
                  double           stability)
{
  return pow (1.0 + self->factor * days / stability, self->decay);
}

static double
next_difficulty (TeapotScheduler *self,
                 double           difficulty,
                 TeapotRating     rating)
{
  double delta = -self->w[6] * ((double) rating - 3.0);
  double damped = difficulty + (10.0 - difficulty) * delta / 9.0;
  /* Mean reversion towards the (unclamped) initial difficulty of an Easy first answer. */
  double reverted = self->w[7] * initial_difficulty (self, TEAPOT_RATING_EASY) + (1.0 - self->w[7]) * damped;

  return clamp_difficulty (reverted);
}

static double
short_term_stability (TeapotScheduler *self,
                      double           stability,
                      TeapotRating     rating)
{
  double increase = exp (self->w[17] * ((double) rating - 3.0 + self->w[18])) * pow (stability, -self->w[19]);

  if (rating >= TEAPOT_RATING_GOOD)
    increase = MAX (increase, 1.0);
  return clamp_stability (stability * increase);
}

static double
recall_stability (TeapotScheduler *self,
                  double           difficulty,
                  double           stability,
                  double           retrievability,
                  TeapotRating     rating)
{
  double hard_penalty = rating == TEAPOT_RATING_HARD ? self->w[15] : 1.0;
  double easy_bonus = rating == TEAPOT_RATING_EASY ? self->w[16] : 1.0;

  return stability * (1.0 + exp (self->w[8]) * (11.0 - difficulty) * pow (stability, -self->w[9])
                      * (exp ((1.0 - retrievability) * self->w[10]) - 1.0) * hard_penalty * easy_bonus);
}

static double
forget_stability (TeapotScheduler *self,
                  double           difficulty,
                  double           stability,
                  double           retrievability)
{
  double long_term = self->w[11] * pow (difficulty, -self->w[12]) * (pow (stability + 1.0, self->w[13]) - 1.0)
                     * exp ((1.0 - retrievability) * self->w[14]);
  double short_term = stability / exp (self->w[17] * self->w[18]);

  return MIN (long_term, short_term);
}

/* Whole days until recall falls to the desired retention, at least 1, at most the maximum. */
static gint64
next_interval_days (TeapotScheduler *self,
                    double           stability)
{
  double days = stability / self->factor * (pow (self->retention, 1.0 / self->decay) - 1.0);

  /* Halves to even, as the reference implementation rounds. */
  days = nearbyint (days);
  if (!(days >= 1.0))
    days = 1.0;
  return (gint64) MIN (days, (double) self->maximum_interval);
}

static gint64
fuzz_interval_days (TeapotScheduler *self,
                    gint64           days)
{
  double delta = 1.0;
  gint64 low;
  gint64 high;

  if (days < 3)
    return days;

  for (guint i = 0; i < G_N_ELEMENTS (fuzz_ranges); i++)
    delta += fuzz_ranges[i].factor * MAX (MIN ((double) days, fuzz_ranges[i].end) - fuzz_ranges[i].start, 0.0);

  low = (gint64) nearbyint (days - delta);
  high = (gint64) nearbyint (days + delta);
  low = MAX (2, low);
  high = MIN (high, (gint64) self->maximum_interval);
  low = MIN (low, high);

  return g_rand_int_range (self->rand, (gint32) low, (gint32) high + 1);
}

/* Steps through (re)learning; returns the next interval in seconds, or -1 when the card
 * graduates to Review (then the interval comes from its stability). */
static gint64
step_interval (TeapotCard   *card,
               TeapotRating  rating,
               const gint64 *steps,
               guint         n_steps)
{
  if (n_steps == 0 || (card->step >= n_steps && rating != TEAPOT_RATING_AGAIN))
    return -1;

  switch (rating)
    {
    case TEAPOT_RATING_AGAIN:
      card->step = 0;
      return steps[0];

    case TEAPOT_RATING_HARD:
      if (card->step == 0)
        return n_steps == 1 ? steps[0] * 3 / 2 : (steps[0] + steps[1]) / 2;
      return steps[card->step];

    case TEAPOT_RATING_GOOD:
      if (card->step + 1 >= n_steps)
        return -1;
      card->step++;
      return steps[card->step];

    case TEAPOT_RATING_EASY:
    default:
      return -1;
    }
}

/* A stored card that lost its memory state (a damaged row) starts over rather than
 * feeding NaN into the formulas. */
static gboolean
has_memory (const TeapotCard *card)
{
  return card->state != TEAPOT_CARD_NEW
         && isfinite (card->stability) && card->stability > 0.0
         && isfinite (card->difficulty) && card->difficulty > 0.0;
}

static void
update_memory (TeapotScheduler *self,
               TeapotCard      *card,
               TeapotRating     rating,
               gint64           now)
{
  double stability = clamp_stability (card->stability);
  double difficulty = clamp_difficulty (card->difficulty);
  gint64 days = elapsed_days (card->last_review, now);

  if (!has_memory (card))
    {
      card->stability = initial_stability (self, rating);
      card->difficulty = clamp_difficulty (initial_difficulty (self, rating));
      card->state = TEAPOT_CARD_LEARNING;
      card->step = 0;
      return;
    }

  /* Whether the card was ever reviewed is its state's business: an injected clock may well
   * start at 0, so last_review == 0 says nothing here. */
  if (days >= 1)
    {
      double retrievability = forgetting_curve (self, days, stability);

      if (rating == TEAPOT_RATING_AGAIN)
        card->stability = clamp_stability (forget_stability (self, difficulty, stability, retrievability));
      else
        card->stability = clamp_stability (recall_stability (self, difficulty, stability, retrievability, rating));
    }
  else
    card->stability = short_term_stability (self, stability, rating);

  card->difficulty = next_difficulty (self, difficulty, rating);
}

static void
review (TeapotScheduler *self,
        TeapotCard      *card,
        TeapotRating     rating,
        gint64           now,
        gboolean         fuzz)
{
  gint64 interval = -1;

  update_memory (self, card, rating, now);

  switch (card->state)
    {
    case TEAPOT_CARD_NEW:
    case TEAPOT_CARD_LEARNING:
      interval = step_interval (card, rating, learning_steps, G_N_ELEMENTS (learning_steps));
      break;

    case TEAPOT_CARD_RELEARNING:
      interval = step_interval (card, rating, relearning_steps, G_N_ELEMENTS (relearning_steps));
      break;

    case TEAPOT_CARD_REVIEW:
    default:
      if (rating == TEAPOT_RATING_AGAIN)
        {
          card->lapses++;
          card->state = TEAPOT_CARD_RELEARNING;
          card->step = 0;
          interval = relearning_steps[0];
        }
      break;
    }

  if (interval < 0)
    {
      gint64 days = next_interval_days (self, card->stability);

      if (fuzz)
        days = fuzz_interval_days (self, days);
      card->state = TEAPOT_CARD_REVIEW;
      card->step = 0;
      interval = days * SECONDS_PER_DAY;
    }

  card->reps++;
  card->due = now + interval;
  card->last_review = now;
}

void
teapot_scheduler_review (TeapotScheduler *self,
                         TeapotCard      *card,
                         TeapotRating     rating,
                         gint64           now)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (card != NULL);
  g_return_if_fail (rating >= TEAPOT_RATING_AGAIN && rating <= TEAPOT_RATING_EASY);

  review (self, card, rating, now, self->fuzz);
}

gint64
teapot_scheduler_preview (TeapotScheduler  *self,
                          const TeapotCard *card,
                          TeapotRating      rating,
                          gint64            now)
{
  TeapotCard copy;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (card != NULL, 0);
  g_return_val_if_fail (rating >= TEAPOT_RATING_AGAIN && rating <= TEAPOT_RATING_EASY, 0);

  copy = *card;
  review (self, &copy, rating, now, FALSE);
  return copy.due - now;
}

double
teapot_scheduler_retrievability (TeapotScheduler  *self,
                                 const TeapotCard *card,
                                 gint64            now)
{
  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (card != NULL, 0.0);

  if (!has_memory (card))
    return 0.0;
  return forgetting_curve (self, elapsed_days (card->last_review, now), card->stability);
}
