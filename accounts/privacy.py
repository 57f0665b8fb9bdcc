"""Personal data: each app says how to export and erase what it stores about a user.

Apps above accounts register a `PersonalData` from `AppConfig.ready()`, so
accounts collects them without importing any of them. A test walks every
installed model with a key to the user and fails when one is neither covered
by a registration nor listed as left to its own ``on_delete``
(tests/accounts/test_privacy.py). The policy is in docs/data-model.md.
"""

import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from accounts.models import ERASED_DOMAIN, AccountDeletion, User

logger = logging.getLogger(__name__)

StandIn = Callable[[], User]


@dataclass(frozen=True)
class PersonalData:
    """One app's part of a user's data.

    `models` are the ``app_label.ModelName`` labels it covers; `export` returns
    the user's rows (dates and decimals are fine, they become strings); `erase`
    deletes them or detaches them from the person, before the user row goes.
    Rows that must outlive the person move to ``stand_in()``, which returns
    the same stand-in to every part, so one erased person stays one person in
    every app's statistics and logs.
    """

    name: str
    models: tuple[str, ...]
    export: Callable[[User], object]
    erase: Callable[[User, StandIn], None]


_REGISTRY: dict[str, PersonalData] = {}


def register_personal_data(part: PersonalData) -> None:
    """Called from an app's ``AppConfig.ready()``."""
    _REGISTRY[part.name] = part


def registered_personal_data() -> list[PersonalData]:
    return list(_REGISTRY.values())


def export_user_data(user: User) -> dict:
    """Everything Silta stores about `user`, by app, as plain JSON types."""
    data = {part.name: part.export(user) for part in _REGISTRY.values()}
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


@transaction.atomic
def erase_user(user: User, *, by_self: bool = False) -> None:
    """Erase `user`: every app deletes or anonymises its rows, then the user goes.

    One transaction, so an app that fails leaves everything as it was, and
    the deletion log is written with it. The stand-in is made only when a
    part asks for one. Parts run in reverse order of registration, accounts
    last, so an app can still find the person's rows by their other
    addresses. `by_self`: the person deleted their own account (otherwise an
    operator did).
    """
    stand_in = cache(create_stand_in)
    parts = list(_REGISTRY.values())
    for part in reversed(parts):
        part.erase(user, stand_in)
    user.delete()
    names = [part.name for part in parts]
    AccountDeletion.objects.create(by_self=by_self, parts=names)
    logger.info(
        "Account erased %s; parts: %s",
        "by its owner" if by_self else "by an operator",
        ", ".join(names),
    )


def create_stand_in() -> User:
    """A nameless, inactive user that holds an erased person's anonymous rows.

    One per erased person, so that statistics which count people (item
    analysis takes each person's first attempt) stay as they were, and the
    database's per-person constraints still hold. Nothing links it to whom it
    replaces: a new id, a random address, no name, no password.
    """
    stand_in = User(email=f"{uuid.uuid4().hex}@{ERASED_DOMAIN}", is_active=False)
    stand_in.set_unusable_password()
    stand_in.save()
    return stand_in
