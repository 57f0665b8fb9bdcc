"""Replace Wagtail's welcome page with Silta's home page; create the Facilitators group.

Facilitators may use the admin, edit and publish pages under the home page, and
add and choose images and documents. Permissions are created here if Django has
not created them yet, since post_migrate runs only after all migrations.
"""

from django.db import migrations

FACILITATORS = "Facilitators"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = {
    ("wagtailimages", "image"): ["add_image", "change_image", "choose_image"],
    ("wagtaildocs", "document"): ["add_document", "change_document", "choose_document"],
}


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def create_home_page_and_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Collection = apps.get_model("wagtailcore.Collection")
    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    HomePage = apps.get_model("courses.HomePage")

    Page.objects.filter(
        content_type__app_label="wagtailcore", content_type__model="page", depth=2
    ).delete()
    root = Page.objects.get(depth=1)
    content_type, _ = ContentType.objects.get_or_create(
        app_label="courses", model="homepage"
    )
    home = HomePage.objects.create(
        title="Silta",
        draft_title="Silta",
        slug="silta",
        content_type=content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/silta/",
        locale_id=root.locale_id,
        intro="<p>Silta on verkko-oppimisen palvelu kuntien luottamushenkilöille.</p>",
    )
    root.numchild = 1
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True,
        site_name="Silta",
    )

    group, _ = Group.objects.get_or_create(name=FACILITATORS)
    group.permissions.add(_permission(apps, "wagtailadmin", "admin", "access_admin"))
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=home,
            permission=_permission(apps, "wagtailcore", "page", codename),
        )
    root_collection = Collection.objects.get(depth=1)
    for (app_label, model), codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(apps, app_label, model, codename),
            )


def remove_home_page_and_group(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name=FACILITATORS).delete()
    apps.get_model("courses.HomePage").objects.filter(depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_home_page_and_group, remove_home_page_and_group),
    ]
