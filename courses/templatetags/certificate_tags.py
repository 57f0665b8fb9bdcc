from django import template

from courses.certificate_codes import formatted

register = template.Library()


@register.filter
def certificate_code(code: str) -> str:
    """A verification code in the grouped form printed on the certificate."""
    return formatted(code)
