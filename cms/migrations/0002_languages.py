"""Seed the languages communities work in, and the site's two content locales."""

from django.db import migrations

LANGUAGES = [
    ("he", "עברית"), ("en", "English"), ("fr", "Français"), ("de", "Deutsch"),
    ("ru", "Русский"), ("es", "Español"), ("it", "Italiano"), ("nl", "Nederlands"),
    ("pt", "Português"), ("uk", "Українська"), ("hu", "Magyar"), ("pl", "Polski"),
    ("cs", "Čeština"), ("ro", "Română"), ("sv", "Svenska"), ("da", "Dansk"),
    ("yi", "ייִדיש"), ("ar", "العربية"), ("am", "አማርኛ"), ("el", "Ελληνικά"),
]


def forwards(apps, schema_editor):
    Language = apps.get_model("cms", "Language")
    for code, name in LANGUAGES:
        Language.objects.update_or_create(code=code, defaults={"name": name})
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in ("he", "en"):
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
