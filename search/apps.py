from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "kehilot_search"
    verbose_name = "Kehilot search"
