"""The admin form of bank questions: a question is saved only if it can be answered.

The options live in an inline formset, so the check runs on the question form
after its formset has been cleaned; each question type holds its own rules
(`quizzes.question_types`).
"""

from wagtail.admin.forms import WagtailAdminModelForm

from quizzes.question_types import question_type


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
        question_type(kind).prepare_choices(choices)
        for problem in question_type(kind).problems(choices):
            self.add_error(None, problem)
        return cleaned_data
