"""The project's tools overview: members read it, everyone else is refused."""

from wijkkoers.tools.registry import all_tools


def _url(project):
    return f"/projecten/{project.public_id}/instrumenten/"


def test_tools_index_anonymous_goes_to_login(client, project):
    response = client.get(_url(project))
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_tools_index_outsider_gets_404(outsider_client, project):
    assert outsider_client.get(_url(project)).status_code == 404


def test_tools_index_staff_gets_nothing_extra(staff_client, project):
    assert staff_client.get(_url(project)).status_code == 404


def test_tools_index_reader_sees_every_tool(client, project, mila):
    client.force_login(mila)
    response = client.get(_url(project))
    assert response.status_code == 200
    for tool in all_tools():
        assert str(tool.name) in response.content.decode()


def test_tools_index_queries_stay_flat(client, project, alice, django_assert_max_num_queries):
    client.force_login(alice)
    with django_assert_max_num_queries(8 + 3 * len(all_tools())):
        assert client.get(_url(project)).status_code == 200
