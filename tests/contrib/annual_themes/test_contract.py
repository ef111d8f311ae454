"""The plugin keeps the public plugin contract, as any third-party plugin must."""

import pytest

from plugins.testing import PluginContract, assert_plugin_contract

from .conftest import make_theme


class TestContract(PluginContract):
    label = "annual_themes"


@pytest.mark.django_db
def test_contract_in_one_call_with_an_active_theme(client):
    make_theme(2026, active=True)
    assert_plugin_contract("annual_themes", client=client)
