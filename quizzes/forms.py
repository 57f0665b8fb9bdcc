"""The admin form of bank questions: a question is saved only if it can be answered.

The options live in an inline formset, so the check runs on the question form
after its formset has been cleaned; the rules are in `quizzes.validation`.
"""

from wagtail.admin.forms import WagtailAdminModelForm

from quizzes.numbers import canonical
from quizzes.validation import question_problems

NUMERICAL = "numerical"  # Question.Type.NUMERICAL; the model imports this module


def with_decimal_point(text: str) -> str:
    """Accept 3,5 as Finns write it and store it as 3.5, as exports write it.

    Text that is not a number is kept as typed, for the error message.
    """
    return canonical(text) or text


class QuestionForm(WagtailAdminModelForm):
    """Refuses a question whose options cannot give a right answer.

    The errors are non-field errors, which Wagtail lists in the message at the
    top of the editor, and a form with errors saves nothing.
    """

    def clean(self):
        cleaned_data = super().clean()
        kind = cleaned_data.get("type")
        formset = self.formsets.get("choices")
        # A formset with its own errors already explains what is wrong; its
        # half-cleaned options would only add misleading messages.
        if kind is None or formset is None or not formset.is_valid():
            return cleaned_data
        choices = [
            form.instance
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if kind == NUMERICAL:
            for choice in choices:
                choice.text = with_decimal_point(choice.text)
        for problem in question_problems(kind, choices):
            self.add_error(None, problem)
        return cleaned_data
