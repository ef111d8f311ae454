"""Engine structures the ORM does not model: SQLite's FTS5 table, PostgreSQL's
``tsvector`` column with its GIN index. Other databases get neither (the
database engines support SQLite and PostgreSQL only)."""

from django.db import migrations

FTS = "kehilot_search_fts"
TABLE = "kehilot_search_searchentry"


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        # unicode61 only splits on spaces here: search.analysis already normalised
        # every term; diacritics are ours to handle (Hebrew points), not FTS5's.
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5("
            "title_terms, body_terms, expanded_terms, "
            "tokenize = 'unicode61 remove_diacritics 0')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} ADD COLUMN vector tsvector")
        schema_editor.execute(
            f"CREATE INDEX kehilot_search_vector_gin ON {TABLE} USING GIN (vector)"
        )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS kehilot_search_vector_gin")
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS vector")


class Migration(migrations.Migration):
    dependencies = [("kehilot_search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
