from plugins.api import PluginConfig


class MissingSettingConfig(PluginConfig):
    name = "tests.broken_plugins.missing_setting"
    label = "missing_setting"
    version = "0.2"
    required_settings = ("api_key",)
