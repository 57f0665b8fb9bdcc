"""Questions as citing items of the legal references index (courses.legal_index).

Quiz feedback cites the law in short form, "(KL 97 §)"; every question whose
text or feedback cites a section is listed under it.
"""

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder

from courses.legal_index import CitingItem
from courses.statutes import citations_in
from quizzes.models import Question


def question_citations(user):
    finder = AdminURLFinder(user)
    questions = Question.objects.prefetch_related("choices").order_by(
        "category_id", "pk"
    )
    for question in questions:
        texts = [question.text, question.general_feedback]
        texts += [choice.feedback for choice in question.choices.all()]
        citations = citations_in(strip_tags(" ".join(texts)))
        if not citations:
            continue
        item = CitingItem(
            _("Question"), question.name, finder.get_edit_url(question) or ""
        )
        for citation in citations:
            yield citation, item
