"""Wagtail wiring of the courses app."""

from wagtail import hooks

from courses.access import refuse_users_outside_groups

hooks.register("before_serve_page", refuse_users_outside_groups)
