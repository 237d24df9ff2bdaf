"""Today's exercises, the guided workout, and the pain checks that steer the program.

Thin handlers: the plan and the rules come from domain.program / domain.progression, the
words and timing from voice.coaching; progress changes only through recorded events.
By concern: today.py (the plan, starting, offers), coaching.py (inside a workout), pain.py
(the pain questions), pacing.py (the morning check against usual, kit, why and when),
common.py (what they share).

Session state (handlers/state.py): Mode.WORKOUT while coaching, Mode.PAIN_CHECK after a
workout (pain during, 0-10), Mode.MORNING_CHECK on the first turn of a later day (pain
this morning, 0-10). The offer says what a "yes" starts. The workout itself lives in
progress, so it resumes in a new session the same day.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler

from hamstring_coach.handlers.workout import coaching, pacing, pain, today
from hamstring_coach.handlers.workout.common import program

__all__ = ["answers_first", "handlers", "program"]


def answers_first() -> list[AbstractRequestHandler]:
    """Answers to an open pain question that other features' handlers would take for their
    own: they go ahead of the symptom statements and the questions."""
    return [
        pacing.ComparisonWordHandler(),
        pain.NothingHandler(),
        pain.ScoreInSentenceHandler(),
        pacing.CompareInSentenceHandler(),
        pacing.CompareOpenerUnpromptedHandler(),
    ]


def handlers() -> list[AbstractRequestHandler]:
    """Most specific first: the mode-bound ones, then offers, then the general answers."""
    return [
        today.WorkoutLaunchHandler(),
        pacing.MorningCompareHandler(),
        pacing.MorningHowMuchHandler(),
        pacing.MorningHowMuchAgainHandler(),
        pacing.KitAnswerHandler(),
        pacing.KitRepeatHandler(),
        pain.PainAnswerHandler(),
        pain.PainNoHandler(),
        pain.PainZeroHandler(),
        *pain.UNSURE,
        *pain.WAIT,
        *pain.REPEAT,
        pain.PainDeclinedHandler(),
        coaching.WorkoutDoneAgainHandler(),
        coaching.WorkoutDoneHandler(),
        coaching.DONE_WHICH,
        coaching.TooHardHandler(),
        coaching.WorkoutSetHandler(),
        coaching.WorkoutSkipHandler(),
        coaching.WorkoutLevelHandler(),
        coaching.WorkoutRepeatHandler(),
        coaching.WorkoutWhereHandler(),
        coaching.NO,
        coaching.HELP,
        coaching.WorkoutStopHandler(),
        coaching.FALLBACK,
        coaching.WorkoutPauseHandler(),
        today.TodaysExercisesHandler(),
        today.StartWorkoutHandler(),
        today.OfferDeclinedHandler(),
        *today.OFFER_HELP,
        pain.PainUnpromptedHandler(),
        pacing.MorningCompareUnpromptedHandler(),
        pacing.NoKitHandler(),
        pacing.WhyNotProgressingHandler(),
        pacing.WhenRunningHandler(),
        today.OutsideWorkoutHandler(),
        coaching.DoneOutsideWorkoutHandler(),
        coaching.TooHardOutsideWorkoutHandler(),
    ]
