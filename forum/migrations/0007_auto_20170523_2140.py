# Machina's own migration for its `forum` app, which our `forum` app replaces.
from importlib import import_module

Migration = import_module(
    "machina.apps.forum.migrations.0007_auto_20170523_2140"
).Migration
