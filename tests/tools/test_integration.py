"""The registry's tools show where the site promises: the step pages (public and in the
project), the compass, the timeline, the briefing and the report."""

from datetime import timedelta

import pytest
from django.utils import timezone

from wijkkoers.logbook.report_queries import snapshot
from wijkkoers.projects.services import add_party
from wijkkoers.tools import registry
from wijkkoers.tools.registry import Tool, ToolSummary

STEP = "helderheid-over-ambities"
TOOL_TAG = '<span class="tag">Werkinstrument</span>'


@pytest.fixture
def test_tool():
    tool = registry.register(
        Tool(
            key="testinstrument",
            name="Proefinstrument",
            description="Legt vast wat een proef vraagt.",
            url_name="tools:index",
            step_keys=(STEP,),
            summary=lambda project: ToolSummary(lines=[("Proefregels", "3")]),
            timeline_actions=("party.added",),
            compass_flags=lambda project: {STEP: "Proefsignaal zonder eigenaar"},
        )
    )
    yield tool
    registry._tools.pop(tool.key)


def test_project_step_page_shows_the_tools_state(client, method, project, mila, test_tool):
    client.force_login(mila)
    page = client.get(f"/projecten/{project.public_id}/stappen/{STEP}/").content.decode()
    assert "Proefinstrument" in page
    assert "Proefregels" in page
    assert f"/projecten/{project.public_id}/instrumenten/" in page


def test_other_steps_do_not_show_the_tool(client, method, project, mila, test_tool):
    client.force_login(mila)
    page = client.get(f"/projecten/{project.public_id}/stappen/rol-vve/").content.decode()
    assert "Proefinstrument" not in page


def test_public_step_page_names_the_tool(client, method, test_tool):
    page = client.get(f"/kompas/samen-starten/{STEP}/").content.decode()
    assert "Proefinstrument" in page
    assert "Legt vast wat een proef vraagt." in page


def test_compass_shows_the_tools_signals(client, method, project, mila, test_tool):
    client.force_login(mila)
    page = client.get(f"/projecten/{project.public_id}/").content.decode()
    assert "Proefsignaal zonder eigenaar" in page


def test_timeline_shows_the_tools_events(client, method, project, alice, test_tool):
    add_party(alice, project, name="Energiecoöperatie Zon", party_type="woningcorporatie")
    client.force_login(alice)
    url = f"/projecten/{project.public_id}/logboek/tijdlijn/"
    page = client.get(url).content.decode()
    assert "Energiecoöperatie Zon" in page
    only_tools = client.get(url + "?soort=werkinstrument").content.decode()
    assert "Energiecoöperatie Zon" in only_tools
    assert TOOL_TAG in only_tools
    assert TOOL_TAG not in client.get(url + "?soort=status").content.decode()
    assert TOOL_TAG not in client.get(url + f"?stap={STEP}").content.decode()


def test_briefing_and_report_show_the_tools_state(client, method, project, mila, test_tool):
    client.force_login(mila)
    base = f"/projecten/{project.public_id}/logboek"
    assert "Proefregels" in client.get(f"{base}/inwerkdossier/").content.decode()
    assert "Proefregels" in client.get(f"{base}/rapport/afdrukken/").content.decode()


def test_a_past_snapshot_leaves_the_tools_out(method, project, test_tool):
    yesterday = timezone.localdate() - timedelta(days=1)
    assert snapshot(project, yesterday).tools == []
    assert not snapshot(project, yesterday).tools_current
    assert test_tool in [state.tool for state in snapshot(project, timezone.localdate()).tools]


def test_every_tool_keeps_its_query_budget(method, alice, bob, mila, django_assert_max_num_queries):
    """Each tool's summary and compass flags cost a fixed number of queries on a project
    with data in every tool (the demo project): the budgets the page ceilings add."""
    from wijkkoers.projects.demo import create_demo_project  # noqa: PLC0415
    from wijkkoers.tools.registry import FLAG_QUERIES, SUMMARY_QUERIES, all_tools  # noqa: PLC0415

    project = create_demo_project(alice, bob, mila)
    for tool in all_tools():
        with django_assert_max_num_queries(SUMMARY_QUERIES):
            summary = tool.summarise(project)
        assert not summary.empty, tool.key
        if tool.compass_flags:
            with django_assert_max_num_queries(FLAG_QUERIES):
                tool.compass_flags(project)
