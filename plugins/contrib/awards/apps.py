"""The awards plugin: programs, yearly cycles, nominations, a jury and winners."""

from django.utils.translation import gettext_lazy as _

from plugins.api import PluginConfig

LABEL = "awards"


class AwardsConfig(PluginConfig):
    """A yearly award: nominations, a blind jury, ranked results, winners' pages."""

    name = "plugins.contrib.awards"
    label = LABEL
    verbose_name = _("Awards")
    version = "0.1.0"
    description = "Yearly juried awards: nominations, jury scoring, winners' pages."
    author = "Kehilot developers"
    requires_core = ">=0.1,<1.0"
    default_settings = {
        "time_zone": "Asia/Jerusalem",
        # Supporting documents: size limit per file and files per nomination.
        "max_upload_mb": 10,
        "max_documents": 10,
    }

    @classmethod
    def validate_settings(cls, config):
        for key in ("max_upload_mb", "max_documents"):
            value = config.get(key)
            if not isinstance(value, int | float) or value <= 0:
                raise ValueError(f"{key} must be a positive number, not {value!r}")
