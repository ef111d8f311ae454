from plugins.api import PluginConfig


class IncompatibleConfig(PluginConfig):
    name = "tests.broken_plugins.incompatible"
    label = "incompatible"
    version = "3.0"
    requires_core = ">=99.0"
