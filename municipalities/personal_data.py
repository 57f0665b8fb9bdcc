"""Which municipalities a user coordinates, for export and erasure."""

from accounts.privacy import PersonalData
from municipalities.models import Coordinator


def _export(user) -> list[dict]:
    return list(
        Coordinator.objects.filter(user=user).values(
            "municipality__code", "municipality__name_fi"
        )
    )


def _erase(user) -> None:
    Coordinator.objects.filter(user=user).delete()


COORDINATIONS = PersonalData(
    name="municipalities",
    models=("municipalities.Coordinator",),
    export=_export,
    erase=_erase,
)
