"""Schemathesis against our own OpenAPI schema: every operation, many generated requests,
with a project member's token and the ids of a real project, entry and member. No answer
may be a server error, and every answer must match the schema (status, type and body).

Runs on SQLite and on PostgreSQL (not a browser or HTML test); a few examples per operation
keep it well under a minute."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from tests.tools.housingcost_rows import define, household
from wijkkoers.housingcost.services import save_calculation
from wijkkoers.logbook.services.entries import ActionData, create_action
from wijkkoers.opportunities.services import OpportunityData, add_opportunity
from wijkkoers.projects.services import add_subproject
from wijkkoers.raci.services import RoleData, RowData, add_role, add_row

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


# Loaded when the module is collected: the schema itself needs no database.
# (schemathesis.pytest.from_fixture does not work with pytest 9's nodes.)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
# Unknown query parameters are ignored (as most APIs do), not refused: do not send them as
# "negative" cases. Unknown body fields are refused (422), and that is checked.
schema.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    max_examples=12,
    allow_extra_parameters=False,
)


@pytest.fixture
def _connection_kept():
    """Requests through the WSGI app close the database connection when they end (Django's
    request signals); Django's own test client switches that off, and so must this test, or
    PostgreSQL loses the test's transaction after the first request."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def real_ids(settings, project, alice, _connection_kept):
    """Path values that reach data: half of the generated cases use them."""
    settings.API_RATE_PER_TOKEN = 100_000
    settings.API_RATE_PER_ADDRESS = 100_000
    entry = create_action(alice, project, ActionData(title="Zaal reserveren"))
    roles = [add_role(alice, project, RoleData(name=name)) for name in ("Regie", "Wethouder")]
    row = add_row(
        alice, project, RowData(activity="Avond", letters=dict(zip(roles, "RA", strict=True)))
    )
    chance = add_opportunity(alice, project, OpportunityData(title="Riool", kind="fysiek"))
    define(alice, project)
    calculation = save_calculation(alice, household(alice, project))
    subproject = add_subproject(alice, project, name="Noord")
    return {
        "project_id": project.public_id,
        "entry_id": entry.public_id,
        "step_key": "helderheid-over-ambities",
        "key": "helderheid-over-ambities",
        "row_id": row.public_id,
        "role_id": roles[0].public_id,
        "opportunity_id": chance.public_id,
        "calculation_id": calculation.public_id,
        "household_id": calculation.archetype.public_id,
        "subproject_id": subproject.public_id,
    }


@schema.parametrize()
@settings(
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_matches_its_schema(case, tokens, real_ids):
    for name, value in real_ids.items():
        if case.path_parameters and name in case.path_parameters and len(str(case.body)) % 2:
            case.path_parameters[name] = value
    case.call_and_validate(headers={"Authorization": f"Bearer {tokens['teamlid']}"}, checks=CHECKS)
