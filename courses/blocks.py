"""StreamField blocks of a lesson body; each renders through its own template."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 keeps the page outline in order under the h1."""

    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "courses/blocks/heading_block.html"
        label = _("Heading")
        preview_value = {"text": "Luottamushenkilön tehtävät", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    """An image with mandatory alternative text and an optional caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "courses/blocks/image_block.html"
        label = _("Image")


class VideoBlock(blocks.StructBlock):
    """An embedded video (YouTube, Vimeo…) with a title for screen readers."""

    video = EmbedBlock(label=_("Video address"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    transcript = blocks.TextBlock(label=_("Transcript or description"), required=False)

    class Meta:
        icon = "media"
        template = "courses/blocks/video_block.html"
        label = _("Video")


class LegalReferenceBlock(blocks.StructBlock):
    """A statute section that the lesson rests on, linked to Finlex.

    The summary is shown as a summary ("the section in brief"), not as a
    quotation of the law, unless the editor marks it as the statute's exact
    words.
    """

    statute = blocks.CharBlock(label=_("Statute"), max_length=200)
    section = blocks.CharBlock(label=_("Section"), max_length=50)
    summary = blocks.TextBlock(label=_("The section in brief"), required=False)
    verbatim = blocks.BooleanBlock(
        label=_("The summary is the statute's exact words"), required=False
    )
    url = blocks.URLBlock(label=_("Finlex link"), required=False)

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/legal_reference_block.html"
        label = _("Legal reference")
        preview_value = {
            "statute": "Kuntalaki (410/2015)",
            "section": "69 §",
            "summary": "Luottamushenkilö edistää kunnan ja asukkaiden etua.",
            "url": "https://www.finlex.fi/fi/laki/ajantasa/2015/20150410#L10P69",
        }


class CaseScenarioBlock(blocks.StructBlock):
    """A realistic situation and question; the answer is revealed on request."""

    situation = blocks.TextBlock(label=_("Situation"))
    question = blocks.TextBlock(label=_("Question"))
    answer = blocks.TextBlock(label=_("Answer"))

    class Meta:
        icon = "help"
        template = "courses/blocks/case_scenario_block.html"
        label = _("Case scenario")
        preview_value = {
            "situation": "Valtuutettu haluaa erota kesken kauden.",
            "question": "Riittääkö ilmoitus?",
            "answer": "Ei. Eroon tarvitaan pätevä syy ja valtuuston päätös.",
        }


class KeyPointsBlock(blocks.StructBlock):
    """The few things to remember from a lesson."""

    points = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Points"))

    class Meta:
        icon = "list-ul"
        template = "courses/blocks/key_points_block.html"
        label = _("Key points")
        preview_value = {"points": ["Ensimmäinen asia", "Toinen asia"]}


class ReflectionPromptBlock(blocks.StructBlock):
    """A question for the trustee to think over before the sparring session."""

    prompt = blocks.TextBlock(label=_("Prompt"))

    class Meta:
        icon = "pick"
        template = "courses/blocks/reflection_prompt_block.html"
        label = _("Reflection prompt")
        preview_value = {"prompt": "Mitä odotat luottamustehtävältäsi?"}


class DocumentBlock(blocks.StructBlock):
    """A downloadable document, such as a municipality's administrative regulation."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full-inverse"
        template = "courses/blocks/document_block.html"
        label = _("Document")


class LessonBodyBlock(blocks.StreamBlock):
    """The content of a lesson."""

    rich_text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        icon="pilcrow",
        template="courses/blocks/rich_text_block.html",
        preview_value="<p>Luottamushenkilö toimii kunnan asukkaiden hyväksi.</p>",
    )
    heading = HeadingBlock()
    image = ImageBlock()
    video = VideoBlock()
    legal_reference = LegalReferenceBlock()
    case_scenario = CaseScenarioBlock()
    key_points = KeyPointsBlock()
    reflection_prompt = ReflectionPromptBlock()
    document = DocumentBlock()
