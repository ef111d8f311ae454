"""A plugin that uses every extension point, written as a third party would."""

from plugins.api import PluginConfig


class TestDummyPluginConfig(PluginConfig):
    name = "tests.testdummy_plugin"
    label = "testdummy"
    verbose_name = "Test dummy plugin"
    version = "1.2.3"
    description = "Exercises every extension point."
    author = "Kehilot developers"
    requires_core = ">=0.1,<1.0"
    default_settings = {"greeting": "שלום", "sidebar_title": "Dummy"}
    required_settings = ("greeting",)

    def ready(self):
        super().ready()
        self.ready_ran = True
