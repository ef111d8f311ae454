from plugins.api import PluginConfig


class RaisingSlotConfig(PluginConfig):
    name = "tests.broken_plugins.raising_slot"
    label = "raising_slot"
    version = "0.4"
