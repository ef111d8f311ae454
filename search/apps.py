from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Project search: documents, engines, the outbox and the search page/API."""

    name = "search"
    label = "kehilot_search"
    verbose_name = "Kehilot search"

    def ready(self) -> None:
        from search import indexing

        indexing.connect_receivers()
