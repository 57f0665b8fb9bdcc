import factory
import wagtail_factories

from courses.models import CoursePage, GlossaryTerm, HomePage, LessonPage, ModulePage


def home_page() -> HomePage:
    """The home page that the migrations create.

    Transactional tests must use `serialized_rollback=True` to keep it.
    """
    return HomePage.objects.get(locale__language_code="fi")


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Silta"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Kurssi {n}")
    parent = factory.LazyFunction(home_page)


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Moduuli {n}")
    parent = factory.SubFactory(CoursePageFactory)
    summary = "Moduulin tiivistelmä."


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Oppitunti {n}")
    parent = factory.SubFactory(ModulePageFactory)
    estimated_minutes = 8
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Aluksi", "level": "h2"}},
            {
                "type": "rich_text",
                "value": "<p>Luottamushenkilö edistää kunnan etua.</p>",
            },
            {
                "type": "legal_reference",
                "value": {
                    "statute": "Kuntalaki (410/2015)",
                    "section": "69 §",
                    "summary": "",
                    "url": "https://www.finlex.fi/fi/laki/ajantasa/2015/20150410#L10P69",
                },
            },
            {
                "type": "case_scenario",
                "value": {
                    "situation": "Valtuutettu haluaa erota.",
                    "question": "Riittääkö ilmoitus?",
                    "answer": "Ei riitä.",
                },
            },
            {"type": "key_points", "value": {"points": ["Eroon tarvitaan päätös."]}},
            {"type": "reflection_prompt", "value": {"prompt": "Mitä ajattelet?"}},
        ]
    )


def build_course(modules: int = 2, lessons: int = 3) -> CoursePage:
    """A published course of `modules` × `lessons`."""
    course = CoursePageFactory()
    for _ in range(modules):
        module = ModulePageFactory(parent=course)
        for _ in range(lessons):
            LessonPageFactory(parent=module)
    return course


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GlossaryTerm

    term = factory.Sequence(lambda n: f"termi{n}")
    slug = factory.LazyAttribute(lambda o: o.term)
    term_sv = factory.Sequence(lambda n: f"term{n}")
    definition = "Määritelmä."
    definition_sv = "Definition."
