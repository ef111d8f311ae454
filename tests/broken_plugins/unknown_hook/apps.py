from plugins.api import PluginConfig


class UnknownHookConfig(PluginConfig):
    name = "tests.broken_plugins.unknown_hook"
    label = "unknown_hook"
    version = "0.3"
