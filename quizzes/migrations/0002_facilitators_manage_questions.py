"""Let the Facilitators group manage the question bank and read item analysis.

Permissions are created here if Django has not created them yet, since
post_migrate runs only after all migrations.
"""

from django.db import migrations

FACILITATORS = "Facilitators"
PERMISSIONS = {
    "question": ["add_question", "change_question", "delete_question", "view_question"],
    "questioncategory": [
        "add_questioncategory",
        "change_questioncategory",
        "delete_questioncategory",
        "view_questioncategory",
    ],
    "attempt": ["view_item_analysis"],
}


def _permissions(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    for model, codenames in PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(
            app_label="quizzes", model=model
        )
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": codename.replace("_", " ").capitalize()},
            )
            yield permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group, _ = Group.objects.get_or_create(name=FACILITATORS)
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name=FACILITATORS).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_question_bank_quiz_pages_attempts"),
        ("courses", "0002_home_page_and_facilitators"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
