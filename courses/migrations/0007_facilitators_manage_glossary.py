"""Let the Facilitators group manage the glossary, as they manage lessons.

Permissions are created here if Django has not created them yet, since
post_migrate runs only after all migrations.
"""

from django.db import migrations

FACILITATORS = "Facilitators"
CODENAMES = [
    "add_glossaryterm",
    "change_glossaryterm",
    "delete_glossaryterm",
    "view_glossaryterm",
]


def _permissions(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="courses", model="glossaryterm"
    )
    for codename in CODENAMES:
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
        ("courses", "0006_certificates"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
