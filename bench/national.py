"""Bench case: the national report over 50,000 trustees in 300 municipalities.

Run by `bench/run.py` after the curriculum is loaded (so `make bench` prints
it), or on its own with DATABASE_URL pointing at a database with a course:
`.venv/bin/python bench/national.py`. Seeds the municipalities, one council
each and the trustees' seats and lessons with bulk_create (about half the
lessons done on average, every tenth trustee also passed every quiz), then
times `municipalities.network.network_report` `BENCH_NATIONAL_REPEAT` times
(default 3) and reports the best, with PASS or FAIL against 2 s. The last line
of the output is a JSON object with the numbers. The seeded rows stay, so run
it on a throw-away database.
"""

import json
import os
import sys
import time

from script import out, setup_django

TRUSTEES = int(os.environ.get("BENCH_NATIONAL_TRUSTEES", "50000"))
MUNICIPALITIES = int(os.environ.get("BENCH_NATIONAL_MUNICIPALITIES", "300"))
REPEAT = int(os.environ.get("BENCH_NATIONAL_REPEAT", "3"))
BUDGET_SECONDS = 2.0
BATCH = 5000


def free_codes(count: int) -> list[str]:
    """Municipality codes not yet taken, so real and demo ones stay untouched."""
    from municipalities.models import Municipality

    taken = set(Municipality.objects.values_list("code", flat=True))
    codes = [f"{n:03d}" for n in range(1000) if f"{n:03d}" not in taken]
    if len(codes) < count:
        raise RuntimeError(f"only {len(codes)} municipality codes are free")
    return codes[:count]


def seed(trustees: int, municipalities: int) -> None:
    """Member municipalities of varied size, their councils, trustees, progress."""
    from django.utils import timezone

    from accounts.models import User
    from courses.models import LessonCompletion, LessonPage
    from municipalities.models import Body, Membership, Municipality
    from quizzes.models import Attempt, QuizPage

    towns = Municipality.objects.bulk_create(
        Municipality(
            code=code,
            name_fi=f"Penkki {code}",
            population=1000 + 700 * n,
            in_network=True,
        )
        for n, code in enumerate(free_codes(municipalities))
    )
    councils = Body.objects.bulk_create(
        Body(municipality=town, kind="council", name="Valtuusto") for town in towns
    )
    users = User.objects.bulk_create(
        (
            User(email=f"national-{i:05d}@silta.example", password="!")
            for i in range(trustees)
        ),
        batch_size=BATCH,
    )
    Membership.objects.bulk_create(
        (
            Membership(user=user, body=councils[i % len(councils)])
            for i, user in enumerate(users)
        ),
        batch_size=BATCH,
    )
    lessons = list(LessonPage.objects.live().order_by("path"))
    LessonCompletion.objects.bulk_create(
        (
            LessonCompletion(user=user, lesson=lesson)
            for i, user in enumerate(users)
            for lesson in lessons[: i % (len(lessons) + 1)]
        ),
        batch_size=BATCH,
    )
    quizzes, now = list(QuizPage.objects.live()), timezone.now()
    Attempt.objects.bulk_create(
        (
            Attempt(
                user=user,
                quiz=quiz,
                number=1,
                state=Attempt.State.SUBMITTED,
                submitted_at=now,
                score=100,
                passed=True,
            )
            for user in users[::10]
            for quiz in quizzes
        ),
        batch_size=BATCH,
    )


def main() -> int:
    setup_django()
    from django.db import connection, reset_queries

    from municipalities.network import network_report

    out(f"Seeding {TRUSTEES} trustees in {MUNICIPALITIES} municipalities")
    started = time.perf_counter()
    seed(TRUSTEES, MUNICIPALITIES)
    out(f"  seeded in {time.perf_counter() - started:.1f} s")
    times, queries = [], 0
    for _ in range(REPEAT):
        reset_queries()
        connection.force_debug_cursor = True
        started = time.perf_counter()
        report = network_report()
        times.append(time.perf_counter() - started)
        queries = len(connection.queries)
        connection.force_debug_cursor = False
    best = min(times)
    verdict = "PASS" if best < BUDGET_SECONDS else "FAIL"
    out(
        f"  {verdict}  national report, {report.network.trustees} trustees in "
        f"{len(report.municipalities)} municipalities: {best:.2f} s "
        f"(budget {BUDGET_SECONDS:g} s, {queries} queries)"
    )
    result = {
        "trustees": report.network.trustees,
        "municipalities": len(report.municipalities),
        "seconds": round(best, 3),
        "queries": queries,
        "budget_seconds": BUDGET_SECONDS,
        "pass": best < BUDGET_SECONDS,
    }
    out(json.dumps({"national": result}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
