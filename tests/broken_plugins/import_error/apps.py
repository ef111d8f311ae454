import kehilot_module_that_does_not_exist  # noqa: F401

from plugins.api import PluginConfig


class ImportErrorConfig(PluginConfig):
    name = "tests.broken_plugins.import_error"
    label = "import_error"
