"""The progress bar, as a tag rather than an include.

A course page draws one bar per module; an `{% include %}` with a
`{% blocktranslate %}` inside cost more than the rest of the page together, so
the one bar of every page is built here, with the same markup and message.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def progress_bar(progress, label, id):
    """A labelled <progress> over `progress` (done, total, percent)."""
    text = gettext("%(done)s / %(total)s completed (%(percent)s %%)") % {
        "done": progress.done,
        "total": progress.total,
        "percent": progress.percent,
    }
    return format_html(
        '<div class="progress">\n  <label for="progress-{id}">{label}</label>\n'
        '  <progress id="progress-{id}" max="{max}" value="{done}">{percent} %'
        "</progress>\n"
        '  <span class="progress-text">{text}</span>\n</div>',
        id=id,
        label=label,
        max=progress.total or 1,
        done=progress.done,
        percent=progress.percent,
        text=text,
    )
