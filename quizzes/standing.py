"""A learner's standing at a quiz: attempts so far, the best one, attempts left.

Model-free (the attempts come through the quiz's own relation), so the quiz
page can build its context here without importing the attempt machinery.
"""


def attempts_left(*, quiz, used: int) -> int | None:
    """How many more attempts the rules allow; None when unlimited."""
    if not quiz.attempts_allowed:
        return None
    return max(0, quiz.attempts_allowed - used)


def breadcrumbs(quiz) -> list:
    """The pages above the quiz, below the root, for the breadcrumb trail."""
    return list(quiz.get_ancestors().filter(depth__gt=1))


def quiz_page_context(*, user, quiz) -> dict:
    """What the quiz page shows: its rules and the learner's own past attempts."""
    attempts = []
    if user.is_authenticated:
        attempts = list(quiz.attempts.filter(user=user).order_by("number"))
    submitted = [a for a in attempts if a.is_submitted]
    best = max(submitted, key=lambda a: a.score or 0, default=None)
    return {
        "breadcrumbs": breadcrumbs(quiz),
        "attempts": submitted,
        "in_progress": next((a for a in attempts if not a.is_submitted), None),
        "best": best,
        "passed": any(a.passed for a in submitted),
        "attempts_left": attempts_left(quiz=quiz, used=len(attempts)),
    }
