"""A person's accessibility feedback, for export and erasure (see accounts.privacy).

Feedback is erased, not anonymised: its text may describe the person. Rows
sent without logging in are found by the e-mail address given for a reply, so
that after erasure no row holds the person's address. Erasure sees the
addresses still stored when it runs: the user's own always, allauth's other
addresses only if the accounts part has not deleted them yet.
"""

from allauth.account.models import EmailAddress
from django.db.models import Q

from accessibility.models import Feedback
from accounts.privacy import PersonalData


def _rows(user):
    addresses = {
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
    }
    by_address = Q()
    for address in filter(None, addresses):
        by_address |= Q(email__iexact=address)
    return Feedback.objects.filter(Q(user=user) | by_address)


def _export(user) -> list[dict]:
    return list(
        _rows(user)
        .order_by("created_at", "pk")
        .values("message", "page_url", "email", "language", "created_at")
    )


def _erase(user, stand_in) -> None:
    _rows(user).delete()


FEEDBACK = PersonalData(
    name="accessibility",
    models=("accessibility.Feedback",),
    export=_export,
    erase=_erase,
)
