"""The plugin keeps the public plugin contract, as any third-party plugin must."""

import pytest

from plugins.testing import PluginContract, assert_plugin_contract

from .conftest import make_session


class TestContract(PluginContract):
    label = "training"


@pytest.mark.django_db
def test_contract_in_one_call_with_sessions(client, course):
    from plugins.testing import build_site

    community = build_site().community("קהילת חוזה", english="Contract")
    make_session(course, host_community=community)
    assert_plugin_contract("training", community=community, client=client)
