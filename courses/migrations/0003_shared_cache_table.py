"""The database cache table, so that a plain `migrate` makes everything the
settings need: without REDIS_URL the shared cache (sessions, rate limits, page
caches) lives in this table. Created whether or not Redis is configured today,
so switching REDIS_URL off later needs no manual step."""

from django.core.management import call_command
from django.db import migrations

# The same name as config.settings.CACHE_TABLE; fixed here so that the migration
# means the same thing whatever the settings say later.
TABLE = "silta_cache"


def create_cache_table(apps, schema_editor):
    call_command(
        "createcachetable",
        TABLE,
        database=schema_editor.connection.alias,
        verbosity=0,
    )


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("courses", "0002_home_page_and_facilitators")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
