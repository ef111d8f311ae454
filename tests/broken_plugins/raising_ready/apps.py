from plugins.api import PluginConfig


class RaisingReadyConfig(PluginConfig):
    name = "tests.broken_plugins.raising_ready"
    label = "raising_ready"
    version = "0.1"

    def ready(self):
        raise RuntimeError("cannot reach the payment provider")
