"""Every lesson block renders through its own template, accessibly."""

import pytest
import wagtail_factories
from wagtail.documents.models import Document

from courses.blocks import (
    CaseScenarioBlock,
    DocumentBlock,
    HeadingBlock,
    ImageBlock,
    KeyPointsBlock,
    LegalReferenceBlock,
    LessonBodyBlock,
    ReflectionPromptBlock,
)

pytestmark = pytest.mark.django_db


def render(block, value):
    return block.render(block.to_python(value))


def test_every_block_declares_icon_template_and_label():
    for child in LessonBodyBlock().child_blocks.values():
        assert child.meta.icon, child.name
        assert child.meta.template, child.name
        assert child.meta.label, child.name


def test_heading_levels():
    assert render(HeadingBlock(), {"text": "Ala", "level": "h3"}).strip() == (
        "<h3>Ala</h3>"
    )


def test_legal_reference_links_to_finlex():
    html = render(LegalReferenceBlock(), LegalReferenceBlock().meta.preview_value)
    assert "Kuntalaki (410/2015)" in html
    assert 'href="https://www.finlex.fi/' in html


def test_a_legal_summary_is_not_shown_as_a_quotation():
    value = {**LegalReferenceBlock().meta.preview_value, "verbatim": False}
    html = render(LegalReferenceBlock(), value)
    assert "Pykälä lyhyesti" in html
    assert "<blockquote>" not in html


def test_the_statutes_exact_words_are_a_quotation():
    value = {**LegalReferenceBlock().meta.preview_value, "verbatim": True}
    html = render(LegalReferenceBlock(), value)
    assert "<blockquote>" in html
    assert "Pykälä lyhyesti" not in html


def test_case_hides_answer_in_details():
    html = render(CaseScenarioBlock(), CaseScenarioBlock().meta.preview_value)
    assert html.index("<details>") < html.index("valtuuston päätös")


def test_key_points_and_reflection():
    assert "<li>Toinen asia</li>" in render(
        KeyPointsBlock(), KeyPointsBlock().meta.preview_value
    )
    assert "Mitä odotat" in render(
        ReflectionPromptBlock(), ReflectionPromptBlock().meta.preview_value
    )


def test_image_block_uses_required_alt_text():
    image = wagtail_factories.ImageFactory()
    html = render(
        ImageBlock(),
        {"image": image.pk, "alt_text": "Valtuustosali", "caption": "Sali"},
    )
    assert 'alt="Valtuustosali"' in html
    assert "<figcaption>Sali</figcaption>" in html
    assert ImageBlock().child_blocks["alt_text"].required


def test_block_text_is_escaped():
    html = render(ReflectionPromptBlock(), {"prompt": "<script>x</script>"})
    assert "<script>" not in html


def test_document_block_links_to_document():
    from django.core.files.base import ContentFile

    document = Document.objects.create(
        title="Hallintosääntö", file=ContentFile(b"%PDF-1.4", name="hallintosaanto.pdf")
    )
    html = render(DocumentBlock(), {"document": document.pk, "title": ""})
    assert "Hallintosääntö" in html
    assert "(PDF)" in html
