"""The plugin framework. Today: the named template slots that core templates reserve.

The registry, discovery and hook specs arrive with the plugin registry issue; slot
renderers registered here will be registered through it.
"""
