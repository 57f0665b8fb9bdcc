"""A learner's quiz attempts, for export and erasure (see accounts.privacy).

Erasing keeps the statistics and drops the person. Submitted attempts and
their responses stay, moved to the person's stand-in (one per erased
person, shared by every app), so the item analysis counts the same people,
attempts and answers as before; essays, the one free text about the
person's own views, lose their text and their sharing. Attempts still in
progress are deleted: no statistic reads them.
"""

from accounts.privacy import PersonalData
from quizzes.models import Attempt, Question, Response

_TOKEN_LISTS = ("options", "prompts", "answers", "items")


def _readable(value, texts: dict):
    """An answer with the attempt's opaque tokens replaced by the texts shown."""
    if isinstance(value, str):
        return texts.get(value, value)
    if isinstance(value, list):
        return [_readable(item, texts) for item in value]
    if isinstance(value, dict):
        return {texts.get(k, k): _readable(v, texts) for k, v in value.items()}
    return value


def _export_response(response: Response) -> dict:
    snapshot = response.snapshot
    texts = {
        item["token"]: item.get("text", "")
        for key in _TOKEN_LISTS
        for item in snapshot.get(key, [])
        if "token" in item
    }
    return {
        "question": snapshot.get("name", ""),
        "question_text": snapshot.get("text", ""),
        "answer": _readable(response.answer, texts),
        "points": response.points,
        "shared": response.shared,
    }


def _export(user) -> list[dict]:
    attempts = (
        Attempt.objects.filter(user=user)
        .select_related("quiz")
        .prefetch_related("responses")
        .order_by("started_at", "pk")
    )
    return [
        {
            "quiz": attempt.quiz.title,
            "number": attempt.number,
            "state": attempt.state,
            "started_at": attempt.started_at,
            "submitted_at": attempt.submitted_at,
            "score": attempt.score,
            "passed": attempt.passed,
            "responses": [_export_response(r) for r in attempt.responses.all()],
        }
        for attempt in attempts
    ]


def _erase(user, stand_in) -> None:
    attempts = Attempt.objects.filter(user=user)
    attempts.exclude(state=Attempt.State.SUBMITTED).delete()
    if not attempts.exists():
        return
    Response.objects.filter(
        attempt__user=user, snapshot__type=Question.Type.ESSAY
    ).update(answer=None, shared=False)
    attempts.update(user=stand_in())


QUIZ_ATTEMPTS = PersonalData(
    name="quizzes",
    models=("quizzes.Attempt",),
    export=_export,
    erase=_erase,
)
