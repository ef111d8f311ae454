"""The training plugin: a public catalog of courses; members register for sessions."""

from django.utils.translation import gettext_lazy as _

from plugins.api import PluginConfig

LABEL = "training"


class TrainingConfig(PluginConfig):
    """Courses and their sessions; registration never overbooks a session."""

    name = "plugins.contrib.training"
    label = LABEL
    verbose_name = _("Training")
    version = "0.1.0"
    description = "Training catalog: courses, sessions, registration and waitlists."
    author = "Kehilot developers"
    requires_core = ">=0.1,<1.0"
    default_settings = {
        "time_zone": "Asia/Jerusalem",
        "sidebar_sessions": 3,
        "page_size": 20,
    }

    @classmethod
    def validate_settings(cls, config):
        if int(config["sidebar_sessions"]) < 1 or int(config["page_size"]) < 1:
            raise ValueError("sidebar_sessions and page_size must be at least 1")
