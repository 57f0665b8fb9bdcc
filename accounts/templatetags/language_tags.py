"""The language switcher's links: the current page under another language prefix."""

from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_url(context, language_code: str) -> str:
    request = context.get("request")
    if request is None:
        return "/"
    return translate_url(request.path, language_code)
