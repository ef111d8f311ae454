from plugins.api import PluginConfig


class RaisingAdminHooksConfig(PluginConfig):
    name = "tests.broken_plugins.raising_admin_hooks"
    label = "raising_admin_hooks"
    version = "0.5"
