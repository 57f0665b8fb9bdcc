"""`{% lesson_body page %}`: a lesson's blocks with glossary terms linked."""

from django import template
from django.utils.safestring import mark_safe

from courses.glossary import linked_lesson_body

register = template.Library()


@register.simple_tag(takes_context=True)
def lesson_body(context, page):
    """Render the body's blocks as `{% include_block %}` would, then link the
    first use of each glossary term (in the language the body is written in)."""
    rendered = "".join(
        block.render_as_block(context=context.flatten()) for block in page.body
    )
    return mark_safe(linked_lesson_body(rendered, page.body_language))
