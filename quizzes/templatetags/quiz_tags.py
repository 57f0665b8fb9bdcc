"""The learner's own standing in a quiz, as a tag: course pages show one per module.

As an include inside each module's line it cost about as much as the rest of
the course page, so the badge and the best score are built here once.
"""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def quiz_standing(status):
    """Passed / not passed yet / not attempted, and the best score once attempted.

    Expects a StepStatus whose `detail` is the learner's own QuizResult.
    """
    attempts = getattr(status.detail, "attempts", 0)
    if status.done:
        badge = format_html(
            '<span class="badge badge-done">{}</span>', gettext("Passed")
        )
    else:
        text = gettext("Not passed yet") if attempts else gettext("Not attempted")
        badge = format_html('<span class="badge">{}</span>', text)
    if not attempts:
        return badge
    score = gettext("Your best score: %(score)s %%") % {
        "score": floatformat(status.detail.best_score, "-2")
    }
    return format_html('{}\n<span class="meta">{}</span>', badge, score)
