"""Course pages, lesson completion and my studies, for roles that may and may not."""

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import LessonCompletion
from quizzes.attempts import start_attempt, submit_attempt
from tests.factories import LessonPageFactory, UserFactory, build_course
from tests.factories.quizzes import build_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(course):
    return course.get_children().first().get_children().first().specific


def complete_url(lesson):
    return reverse("complete_lesson", args=[lesson.pk])


def test_anonymous_visitor_reads_every_level_without_progress_controls(
    client, course, lesson
):
    for url in ["/", course.url, lesson.get_parent().url]:
        response = client.get(url)
        assert response.status_code == 200
        assert "<progress" not in response.content.decode()
    response = client.get(lesson.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert lesson.title in html
    assert 'action="/oppitunnit/' not in html
    assert "Kirjaudu" in html


def test_lesson_renders_every_block(client, lesson):
    html = client.get(lesson.url).content.decode()
    assert "<h2>Aluksi</h2>" in html
    assert "Kuntalaki (410/2015)" in html
    assert "<details>" in html
    assert "Eroon tarvitaan päätös." in html
    assert "Mitä ajattelet?" in html
    assert html.count("<h1") == 1


def test_trustee_marks_lesson_complete_and_second_click_changes_nothing(
    client, trustee, lesson
):
    client.force_login(trustee)
    response = client.post(complete_url(lesson))
    assert response.status_code == 302
    assert response.url.startswith(lesson.url)
    client.post(complete_url(lesson))
    assert LessonCompletion.objects.filter(user=trustee).count() == 1

    html = client.get(lesson.url).content.decode()
    assert 'value="1"' in html
    assert "Merkitse luetuksi" not in html


def test_module_page_shows_done_and_not_done(client, trustee, lesson):
    client.force_login(trustee)
    client.post(complete_url(lesson))
    html = client.get(lesson.get_parent().url).content.decode()
    assert html.count("badge-done") == 1
    assert '<progress id="progress-module" max="3" value="1">' in html


def test_anonymous_post_changes_nothing_and_asks_to_log_in(client, lesson):
    response = client.post(complete_url(lesson))
    assert response.status_code == 302
    assert reverse("account_login") in response.url
    assert not LessonCompletion.objects.exists()


def test_get_is_not_allowed(client, trustee, lesson):
    client.force_login(trustee)
    assert client.get(complete_url(lesson)).status_code == 405
    assert not LessonCompletion.objects.exists()


def test_unpublished_or_missing_lesson_gives_clear_404(client, trustee, lesson):
    client.force_login(trustee)
    lesson.unpublish()
    for url in [complete_url(lesson), reverse("complete_lesson", args=[999999])]:
        response = client.post(url)
        assert response.status_code == 404
        assert "ei voi merkitä" in response.content.decode()
    assert not LessonCompletion.objects.exists()


def test_post_without_csrf_token_is_refused(trustee, lesson):
    client = Client(enforce_csrf_checks=True)
    client.force_login(trustee)
    response = client.post(complete_url(lesson))
    assert response.status_code == 403
    assert not LessonCompletion.objects.exists()


def test_my_studies_needs_login(client):
    response = client.get(reverse("my_studies"))
    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_my_studies_shows_progress_and_continue_link(client, trustee, course, lesson):
    client.force_login(trustee)
    client.post(complete_url(lesson))
    html = client.get(reverse("my_studies")).content.decode()
    second = lesson.get_next_siblings().first()
    assert "Jatka siitä, mihin jäit" in html
    assert f'href="{second.url}"' in html


def test_trustee_does_not_see_others_progress(client, course, lesson):
    other, me = UserFactory(), UserFactory()
    client.force_login(other)
    client.post(complete_url(lesson))
    client.force_login(me)
    html = client.get(reverse("my_studies")).content.decode()
    assert 'value="0"' in html
    assert 'value="1"' not in html


def test_swedish_and_english_prefixes(client, lesson):
    lesson_url, module_url = lesson.url, lesson.get_parent().url
    assert client.get("/sv" + lesson_url).status_code == 200
    html = client.get("/en" + lesson_url).content.decode()
    assert '<html lang="en">' in html
    assert f'href="/en{module_url}"' in html


@pytest.mark.parametrize("with_quizzes", [False, True])
@pytest.mark.parametrize("page_kind", ["lesson", "module", "course", "my_studies"])
def test_query_count_does_not_grow_with_the_course(
    client,
    trustee,
    page_kind,
    with_quizzes,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    """A 1×1 course and a 6×10 course cost the same number of queries, also when
    every module ends in a quiz the trustee has attempted."""
    counts = []
    for modules, lessons in [(1, 1), (6, 10)]:
        with django_capture_on_commit_callbacks(execute=True):  # as if committed
            course = build_course(modules=modules, lessons=lessons)
        if with_quizzes:
            for module in course.get_children():
                with django_capture_on_commit_callbacks(execute=True):
                    quiz = build_quiz(questions=2, parent=module)
                submit_attempt(
                    attempt=start_attempt(user=trustee, quiz=quiz), answers={}
                )
        module = course.get_children().last()
        lesson = module.get_children().last()
        client.force_login(trustee)
        client.post(complete_url(lesson))
        url = {
            "lesson": lesson.url,
            "module": module.url,
            "course": course.url,
            "my_studies": reverse("my_studies"),
        }[page_kind]
        client.get(url)  # warm the shared caches: outline, routes, site root paths
        with django_assert_max_num_queries(8) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_unpublished_lesson_page_is_not_served(client, lesson):
    lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_draft_lesson_preview_context_does_not_fail(trustee, course):
    from courses.progress import lesson_context

    draft = LessonPageFactory(parent=course.get_children().first(), live=False)
    context = lesson_context(user=trustee, lesson=draft)
    assert context["done"] is False


def test_lesson_body_cache_follows_publishing_and_language(
    client, lesson, django_capture_on_commit_callbacks
):
    assert "Eroon tarvitaan päätös." in client.get(lesson.url).content.decode()
    lesson.body = [{"type": "reflection_prompt", "value": {"prompt": "Uusi kysymys"}}]
    with django_capture_on_commit_callbacks(execute=True):  # caches clear on commit
        lesson.save_revision().publish()
    html = client.get(lesson.url).content.decode()
    assert "Uusi kysymys" in html
    assert "Eroon tarvitaan päätös." not in html
    assert "Att fundera på" in client.get("/sv" + lesson.url).content.decode()
