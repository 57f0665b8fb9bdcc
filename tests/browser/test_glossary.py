"""Glossary terms in a lesson: a link without JavaScript, a keyboard popover with it,
and the glossary page; Finnish text under the Swedish interface is marked Finnish."""

import pytest

from courses.loader import swedish_home
from tests.factories.courses import GlossaryTermFactory, LessonPageFactory, home_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def lesson():
    swedish_home(home_page())
    GlossaryTermFactory(
        term="luottamushenkilö",
        slug="luottamushenkilo",
        term_sv="förtroendevald",
        definition="Kunnan luottamustoimeen valittu henkilö.",
        definition_sv="En person som valts till ett förtroendeuppdrag i kommunen.",
        forms="luottamushenkil",
    )
    return LessonPageFactory()


def test_a_term_opens_its_definition_by_keyboard_and_closes_with_escape(
    page, axe_check, lesson
):
    page.goto(lesson.url)
    term = page.locator("a.term").first
    assert term.get_attribute("href") == "/sanasto/#luottamushenkilo"
    term.focus()
    page.keyboard.press("Enter")
    popover = page.get_by_role("dialog")
    popover.wait_for()
    assert "Kunnan luottamustoimeen valittu henkilö." in popover.inner_text()
    assert term.get_attribute("aria-expanded") == "true"
    axe_check(page)
    page.keyboard.press("Escape")
    assert page.get_by_role("dialog").count() == 0
    assert page.evaluate("document.activeElement.classList.contains('term')")


def test_the_glossary_page_in_both_languages(page, axe_check, lesson):
    page.goto("/sanasto/")
    assert page.locator("#luottamushenkilo dfn").inner_text() == "luottamushenkilö"
    axe_check(page)
    page.goto("/sv/ordlista/")
    assert page.locator("#luottamushenkilo dfn").inner_text() == "förtroendevald"
    axe_check(page)


def test_finnish_lesson_text_under_the_swedish_interface_is_marked_finnish(
    page, axe_check, lesson
):
    page.goto("/sv" + lesson.url)
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator(".lesson-body").get_attribute("lang") == "fi"
    axe_check(page)
