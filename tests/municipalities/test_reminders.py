"""Reminders: who gets one, the 7-day rule, opt-out, the task's own checks, 404s.

Tasks run for real on the immediate backend (test settings) and mail goes to
Django's locmem outbox. The expected sets are derived from the raw rows in
each test, not from `reminder_plan`.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from courses.models import LessonCompletion, LessonPage, ModulePage
from municipalities.models import Membership, Reminder, ReminderOptOut
from municipalities.tasks import send_reminders
from tests.factories import build_course, verified_user
from tests.municipalities.coordinator_helpers import (
    at,
    body,
    complete,
    coordinate,
    login_with_second_factor,
    municipality,
    seat,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(client):
    """Helsinki's trustees in every situation, one module, a logged-in coordinator."""
    course = build_course(modules=2, lessons=2)
    first, second = ModulePage.objects.child_of(course).order_by("path")
    lessons = list(LessonPage.objects.child_of(first))
    home, elsewhere = municipality(), municipality("049", "Espoo")
    council = body(home)
    coordinator = verified_user(first_name="Kaisa", last_name="Koordinaattori")
    coordinate(coordinator, home)
    people = {}
    for key, first_name in [
        ("finished", "Anna"),
        ("fresh", "Bertil"),
        ("opted_out", "Cecilia"),
        ("recent", "Daniel"),
        ("long_ago", "Eero"),
        ("halfway", "Fanny"),
        ("other_module_done", "Gustav"),
        ("past_seat", "Hilkka"),
        ("inactive", "Ilmari"),
        ("espoo", "Jaana"),
    ]:
        people[key] = verified_user(first_name=first_name, last_name="Testi")
        if key != "espoo":
            seat(people[key], council)
    seat(people["espoo"], body(elsewhere))
    people["fresh"].preferred_language = "sv"
    people["fresh"].save()
    Membership.objects.filter(user=people["past_seat"]).update(
        term_start=at(2020, 6, 1).date(), term_end=at(2021, 5, 31).date()
    )
    people["inactive"].is_active = False
    people["inactive"].save()
    complete(people["finished"], lessons, at(2026, 1, 5))
    complete(people["halfway"], lessons[:1], at(2026, 1, 5))
    complete(
        people["other_module_done"],
        list(LessonPage.objects.child_of(second)),
        at(2026, 1, 5),
    )
    ReminderOptOut.objects.create(user=people["opted_out"])
    now = timezone.now()
    for key, days in [("recent", 3), ("long_ago", 8)]:
        Reminder.objects.create(
            user=people[key],
            municipality=home,
            module=first,
            sent_by=coordinator,
            sent_at=now - timedelta(days=days),
        )
    login_with_second_factor(client, coordinator)
    return {
        "home": home,
        "elsewhere": elsewhere,
        "module": first,
        "lessons": lessons,
        "coordinator": coordinator,
        "people": people,
        "url": reverse("coordinator_reminder", args=[home.code, first.pk]),
    }


def expected(setting) -> dict[str, set[int]]:
    """Recipients and exclusions from the raw rows, independently of the code."""
    home, module = setting["home"], setting["module"]
    today = timezone.localdate()
    trustees = set(
        Membership.objects.filter(
            body__municipality=home,
            term_start__lte=today,
            term_end__gte=today,
            user__is_active=True,
        ).values_list("user_id", flat=True)
    )
    lesson_count = len(setting["lessons"])
    finished = {
        user_id
        for user_id in trustees
        if LessonCompletion.objects.filter(
            user_id=user_id, lesson__in=setting["lessons"]
        ).count()
        == lesson_count
    }
    opted = set(ReminderOptOut.objects.values_list("user_id", flat=True)) & trustees
    recent = set(
        Reminder.objects.filter(
            module=module, sent_at__gt=timezone.now() - timedelta(days=7)
        ).values_list("user_id", flat=True)
    )
    opted -= finished
    recent = (recent & trustees) - finished - opted
    return {
        "recipients": trustees - finished - opted - recent,
        "finished": finished,
        "opted_out": opted,
        "recently_reminded": recent,
    }


def _ids(users) -> set[int]:
    return {user.pk for user in users}


def test_the_preview_lists_exactly_who_gets_one_and_who_not_and_why(client, setting):
    response = client.get(setting["url"])
    assert response.status_code == 200
    plan = response.context["plan"]
    want = expected(setting)
    assert want["recipients"] == _ids(
        [setting["people"][k] for k in ("fresh", "long_ago", "halfway")]
        + [setting["people"]["other_module_done"]]
    )
    for part, ids in want.items():
        assert _ids(getattr(plan, part)) == ids, part
    html = response.text
    for key in ("fresh", "long_ago", "halfway", "other_module_done"):
        user = setting["people"][key]
        assert f'<input type="hidden" name="user" value="{user.pk}">' in html
    for key in ("past_seat", "inactive", "espoo"):
        assert setting["people"][key].first_name not in html
    assert "Anna Testi" in html and "Cecilia Testi" in html and "Daniel Testi" in html


def test_sending_mails_each_recipient_once_in_their_language_and_logs_it(
    client, setting, django_capture_on_commit_callbacks
):
    want = expected(setting)["recipients"]
    ids = [str(pk) for pk in want]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(setting["url"], {"user": ids})
    assert response.status_code == 302
    assert response.url == reverse("coordinator_reminders", args=["091"])
    sent = {m.to[0] for m in mail.outbox}
    people = setting["people"]
    assert sent == {u.email for u in people.values() if u.pk in want}
    logged = Reminder.objects.filter(sent_at__gt=timezone.now() - timedelta(minutes=1))
    assert set(logged.values_list("user_id", flat=True)) == want
    assert {r.sent_by_id for r in logged} == {setting["coordinator"].pk}
    swedish = next(m for m in mail.outbox if m.to == [people["fresh"].email])
    module_path = setting["module"].url_path.split("/", 2)[2]
    assert f"http://testserver/sv/{module_path}" in swedish.body
    assert "http://testserver/sv/min-kommun/" in swedish.body
    finnish = next(m for m in mail.outbox if m.to == [people["halfway"].email])
    assert f"http://testserver/{module_path}" in finnish.body
    assert "Kaisa Koordinaattori" in finnish.body
    assert finnish.subject != swedish.subject

    # A double click, or a second coordinator: nothing more within 7 days.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(setting["url"], {"user": ids})
    result = send_reminders.enqueue(
        municipality_id=setting["home"].pk,
        module_id=setting["module"].pk,
        user_ids=list(want),
        coordinator_id=setting["coordinator"].pk,
    )
    assert result.return_value == []
    assert mail.outbox == []
    assert Reminder.objects.count() == len(want) + 2


def test_the_log_shows_who_was_reminded_when(client, setting):
    response = client.get(reverse("coordinator_reminders", args=["091"]))
    assert response.status_code == 200
    assert '<th scope="row">Daniel Testi</th>' in response.text
    assert '<th scope="row">Eero Testi</th>' in response.text
    assert setting["module"].title in response.text
    assert setting["url"] in response.text  # the module can be chosen here


def test_the_task_sends_nothing_to_another_municipalitys_trustee(setting):
    foreign = setting["people"]["espoo"]
    fresh = setting["people"]["fresh"]
    result = send_reminders.enqueue(
        municipality_id=setting["home"].pk,
        module_id=setting["module"].pk,
        user_ids=[foreign.pk, fresh.pk],
        coordinator_id=setting["coordinator"].pk,
    )
    assert result.return_value == [fresh.pk]
    assert [m.to for m in mail.outbox] == [[fresh.email]]
    assert not Reminder.objects.filter(user=foreign).exists()


def test_the_task_sends_nothing_for_a_municipality_the_sender_does_not_coordinate(
    setting,
):
    foreign = setting["people"]["espoo"]
    result = send_reminders.enqueue(
        municipality_id=setting["elsewhere"].pk,
        module_id=setting["module"].pk,
        user_ids=[foreign.pk],
        coordinator_id=setting["coordinator"].pk,
    )
    assert result.return_value == []
    assert mail.outbox == []


def test_the_task_respects_an_opt_out_made_after_the_preview(setting):
    fresh = setting["people"]["fresh"]
    ReminderOptOut.objects.create(user=fresh)
    result = send_reminders.enqueue(
        municipality_id=setting["home"].pk,
        module_id=setting["module"].pk,
        user_ids=[fresh.pk, setting["people"]["opted_out"].pk],
        coordinator_id=setting["coordinator"].pk,
    )
    assert result.return_value == []
    assert mail.outbox == []


def test_posted_ids_outside_the_plan_are_ignored(
    client, setting, django_capture_on_commit_callbacks
):
    people = setting["people"]
    posted = [str(people[k].pk) for k in ("espoo", "finished", "opted_out")]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            setting["url"], {"user": [*posted, "x", "-1", "99999999999999999999"]}
        )
    assert response.status_code == 302
    assert mail.outbox == []
    assert Reminder.objects.count() == 2


def test_an_unknown_module_is_404(client, setting):
    url = reverse("coordinator_reminder", args=["091", setting["lessons"][0].pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404


@pytest.mark.parametrize("page", ["preview", "send", "log"])
def test_a_coordinator_of_another_municipality_gets_404(client, setting, page):
    other = verified_user()
    coordinate(other, setting["elsewhere"])
    login_with_second_factor(client, other)
    if page == "log":
        response = client.get(reverse("coordinator_reminders", args=["091"]))
    elif page == "preview":
        response = client.get(setting["url"])
    else:
        pk = str(setting["people"]["fresh"].pk)
        response = client.post(setting["url"], {"user": [pk]})
    assert response.status_code == 404
    assert mail.outbox == []
    assert Reminder.objects.count() == 2


def test_the_log_shows_only_the_own_municipalitys_reminders(client, setting):
    espoo = setting["people"]["espoo"]
    Reminder.objects.create(
        user=espoo, municipality=setting["elsewhere"], module=setting["module"]
    )
    response = client.get(reverse("coordinator_reminders", args=["091"]))
    assert "Jaana" not in response.text


def test_a_trustee_turns_reminders_off_and_on_on_my_municipality(client, setting):
    trustee = setting["people"]["fresh"]
    client.force_login(trustee)
    page = client.get("/sv/min-kommun/")
    assert 'name="reminders" checked' in page.text
    response = client.post(reverse("reminder_preference"), {})
    assert response.status_code == 302
    assert ReminderOptOut.objects.filter(user=trustee).exists()
    assert 'name="reminders" checked' not in client.get("/sv/min-kommun/").text
    client.post(reverse("reminder_preference"), {"reminders": "on"})
    assert not ReminderOptOut.objects.filter(user=trustee).exists()
    assert client.get(reverse("reminder_preference")).status_code == 405


def test_export_and_erasure_cover_reminders_and_the_opt_out(setting):
    from accounts.privacy import erase_user, export_user_data

    daniel, coordinator = setting["people"]["recent"], setting["coordinator"]
    ReminderOptOut.objects.create(user=daniel)
    data = export_user_data(daniel)["reminders"]
    assert [r["module__title"] for r in data["received"]] == [setting["module"].title]
    assert data["reminders_off"] is True
    assert len(export_user_data(coordinator)["reminders"]["sent"]) == 2
    erase_user(coordinator)
    assert Reminder.objects.filter(sent_by=None).count() == 2
    pk = daniel.pk
    erase_user(daniel)
    assert not Reminder.objects.filter(user_id=pk).exists()
    assert not ReminderOptOut.objects.filter(user_id=pk).exists()


def test_a_deleted_trustees_reminders_stay_in_the_log_as_a_deleted_users(
    client, setting
):
    from django.test import Client

    from tests.accounts.helpers import log_in, reauthenticate

    daniel = setting["people"]["recent"]
    sent_at = Reminder.objects.get(user=daniel).sent_at
    own = Client()
    log_in(own, daniel)
    reauthenticate(own)
    own.post(reverse("account_delete"), {"email": daniel.email})

    reminder = Reminder.objects.get(sent_at=sent_at)
    stand_in = reminder.user
    assert stand_in.email.endswith("@erased.invalid")
    page = client.get(reverse("coordinator_reminders", args=["091"])).text
    assert '<th scope="row">poistettu käyttäjä</th>' in page
    assert "Daniel" not in page
    assert stand_in.email not in page
    assert stand_in.email.split("@")[0] not in page
    assert '<th scope="row">Eero Testi</th>' in page
