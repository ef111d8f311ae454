from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "forum"
    label = "forum"
    verbose_name = "Kehilot forum"
