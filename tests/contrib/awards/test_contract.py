"""The plugin keeps the public plugin contract, as any third-party plugin must."""

import pytest

from plugins.testing import PluginContract, assert_plugin_contract

from .conftest import announced, make_cycle, nomination


class TestContract(PluginContract):
    label = "awards"


@pytest.mark.django_db
def test_contract_in_one_call_with_an_announced_winner(client, plugin_site, program):
    community = plugin_site.community("קהילת חוזה", english="Contract")
    cycle = make_cycle(program, 2025)
    announced(cycle, winners=[nomination(cycle, community)])
    assert_plugin_contract("awards", community=community, client=client)
