"""The API against its own OpenAPI description (schemathesis, on SQLite with
the demo registry): every operation, driven with generated valid and invalid
input by a logged-in reader (a plain one, and one holding every staff role),
answers no 5xx, only the status codes, headers and content types it
documents, bodies that fit its response schemas, refuses input that breaks
the schema, and refuses to act without the credentials it documents."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any, cast

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    ignored_auth,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from looseleaf.registry import MarkingRequest, Registry
from looseleaf.web.app import create_app
from tests.conftest import OPERATOR
from tests.web.conftest import Templates, copy_of

CHECKS = [
    negative_data_rejection,
    response_headers_conformance,
    ignored_auth,
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
#: Examples per operation, reader and mode: enough for the suite to find the
#: usual mistakes in well under a minute; raise it for a deeper run.
EXAMPLES = int(os.environ.get("LOOSELEAF_SCHEMA_EXAMPLES", "25"))
STAFF_ROLES = ("admin", "auditor", "custodian", "registrar", "decoder")

#: A copy is checked by uploading its PDF: generated bodies go as raw bytes.
schemathesis.serializer.alias("application/pdf", "application/octet-stream")

#: Every operation of the API, read from its OpenAPI description before any
#: registry is opened (so pytest can name them): the app only holds its
#: registry, it does not use it to describe itself.
PATHS = create_app(cast("Registry", None)).openapi()["paths"]
OPERATIONS = sorted(
    (path, method.upper()) for path, operations in PATHS.items() for method in operations
)
#: Operations that take input, each also driven with input that breaks the schema.
WITH_INPUT = {
    (path, method.upper())
    for path, operations in PATHS.items()
    for method, operation in operations.items()
    if operation.get("parameters") or operation.get("requestBody")
}
#: Operations whose body is raw bytes (a PDF to check): any bytes are a fair
#: upload there, so "invalid" bytes need not be refused.
RAW_BODY = {
    (path, method.upper())
    for path, operations in PATHS.items()
    for method, operation in operations.items()
    if "application/json"
    not in operation.get("requestBody", {}).get("content", {"application/json": 0})
}
CASES = [
    (path, method, mode)
    for path, method in OPERATIONS
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    if mode is GenerationMode.POSITIVE or (path, method) in WITH_INPUT
]


@pytest.fixture(scope="module")
def demo_app(templates: Templates, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """The demo registry on SQLite, plus an account holding every staff role."""
    with copy_of(templates.get("sqlite"), tmp_path_factory.mktemp("schema")) as registry:
        registry.add_reader(
            OPERATOR, "staff", MarkingRequest("TOP SECRET", ("SEAMEN",)), roles=STAFF_ROLES
        )
        yield create_app(registry)


@pytest.fixture(scope="module")
def api_schema(demo_app: FastAPI) -> Any:
    loaded = schemathesis.openapi.from_asgi("/openapi.json", demo_app)
    # The credentials are ours (a real token, below), never generated ones.
    loaded.config.generation.update(with_security_parameters=False)
    return loaded


@pytest.fixture(params=["petrov", "staff"])
def token(request: pytest.FixtureRequest, demo_app: FastAPI) -> str:
    """A fresh token per test (so logging out in one ends only that one), for
    a plain reader and for an account holding every staff role."""
    registry: Registry = demo_app.state.registry
    _, token, _ = registry.create_token(OPERATOR, request.param, days=1)
    return token


def test_the_schema_lists_every_operation(api_schema: Any) -> None:
    listed = sorted(
        (operation.ok().path, operation.ok().method.upper())
        for operation in api_schema.get_all_operations()
    )
    assert listed == OPERATIONS


@pytest.mark.parametrize(("path", "method", "mode"), CASES, ids=str)
def test_every_operation_keeps_to_its_schema(
    api_schema: Any, token: str, path: str, method: str, mode: GenerationMode
) -> None:
    operation = api_schema[path][method]
    headers = {"Authorization": f"Bearer {token}"}
    checks = [
        check
        for check in CHECKS
        if not (check is negative_data_rejection and (path, method) in RAW_BODY)
    ]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def run(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=checks)

    run()
