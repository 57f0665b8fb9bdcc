"""Background tasks of the municipalities app (django-tasks).

In production and `make run` they run in the `db_worker` process beside the
web server (django-tasks-db); in tests the immediate backend runs them at once.
Tasks take ids only, never objects, and check everything again themselves.
"""

from django_tasks import task

from municipalities import reminders


@task()
def send_reminders(
    *, municipality_id: int, module_id: int, user_ids: list[int], coordinator_id: int
) -> list[int]:
    """Send a coordinator's reminders; the ids of the trustees actually mailed."""
    return reminders.send_reminders(
        municipality_id=municipality_id,
        module_id=module_id,
        user_ids=user_ids,
        coordinator_id=coordinator_id,
    )
