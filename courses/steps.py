"""The kinds of step a module is made of, in a registry higher apps fill.

A module is complete when every one of its steps is done. Lessons are the
courses app's own kind; other apps (quizzes, later other activities) register
theirs from `AppConfig.ready()`, so this app never imports them. Each kind says
which page model its steps are, when each user finished each step (for many
users in one query), and, for the learner's own pages only, what extra the
learner sees about their own step (a quiz's best score). Completion records
carry dates, never scores, so nothing built on them can leak a score.

Whatever writes a user's records (completing a lesson, starting or grading an
attempt) calls `records_changed`, which lets the learner's pages cache the
learner's standing between such writes.
"""

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from wagtail.models import Page


@dataclass(frozen=True)
class StepRecord:
    """A user's standing in one step: done at `done_at`, or begun (None)."""

    user_id: int
    page_id: int
    done_at: datetime | None


@dataclass(frozen=True)
class DoneRows:
    """Where a kind's finished steps are, for reports that count in the database.

    Rows of `model` that match `condition` are finished steps, with the user
    in `user_id` and the step's page in `page_field`. It states in one place
    what `records` returns with a date, so a national report over tens of
    thousands of trustees can count without building each one's standing.
    """

    model: type
    page_field: str
    condition: Q = field(default_factory=Q)


@dataclass(frozen=True)
class StepKind:
    """One kind of step; see the module docstring.

    - `records(user_ids, page_ids)`: the StepRecords of those users in those
      steps, in a constant number of queries; `user_ids` may be a queryset.
    - `describe(page)`: what the outline keeps of a step page besides its
      title and URL (shown on module pages), as a dict of plain values.
    - `own_details(user, page_ids)`: {page id: extra} for the learner's own
      pages only; never called for anyone else.
    - `template`: the section a module page includes for this kind's steps
      (given `group`), and `line_template` the line course pages show for one
      step (given `status`; none for lessons, which the bars count). Named
      here, so courses' templates never name another app's templates.
    - `call_to_action`: the button text when this step is the next one.
    - `done_rows`: the same "done" as `records`, as rows to count (DoneRows).
    """

    name: str
    model: type[Page]
    records: Callable[[Iterable[int], list[int]], Iterable[StepRecord]]
    describe: Callable[[Page], dict]
    template: str
    line_template: str = ""
    call_to_action: str = ""
    own_details: Callable[[object, list[int]], dict] | None = None
    done_rows: DoneRows | None = None


_KINDS: dict[str, StepKind] = {}


def register_step_kind(kind: StepKind) -> None:
    """Add a kind of step; called from the owning app's `AppConfig.ready()`."""
    _KINDS[kind.name] = kind


def step_kinds() -> list[StepKind]:
    """Every registered kind, lessons first, in registration order."""
    return list(_KINDS.values())


def step_kind(name: str) -> StepKind:
    return _KINDS[name]


def _token_key(user_id: int) -> str:
    return f"step-records-token:{user_id}"


def records_token(user_id: int) -> str:
    """A token that changes whenever the user's step records change.

    The learner's own pages cache their standing under it (courses.progress).
    A token the cache evicted is replaced by a new random one, so an old
    cached standing can never become valid again.
    """
    token = cache.get(_token_key(user_id))
    if token is None:
        cache.add(_token_key(user_id), secrets.token_hex(8), None)
        token = cache.get(_token_key(user_id)) or secrets.token_hex(8)
    return token


_AFTER_CHANGE: list[Callable[[int], None]] = []


def after_records_change(listener: Callable[[int], None]) -> None:
    """Run `listener(user_id)` after every commit that changed a user's records.

    After the commit, so that of two requests finishing a learner's last two
    steps at once, the later commit sees both (certificates rely on this).
    """
    _AFTER_CHANGE.append(listener)


def records_changed(user_id: int) -> None:
    """Every function that writes a user's step records calls this.

    The token changes at once (for this request and this transaction) and
    again after the commit, so a reader cannot cache the state from before
    the commit under the new token. Listeners run after the commit too; one
    that fails is logged and does not fail the learner's request.
    """

    def renew():
        cache.set(_token_key(user_id), secrets.token_hex(8), None)

    renew()
    transaction.on_commit(renew)
    for listener in _AFTER_CHANGE:
        transaction.on_commit(partial(listener, user_id), robust=True)
