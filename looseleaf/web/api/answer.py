"""Every API answer through the one serializer, `looseleaf.model.jsonable`.

FastAPI would otherwise serialise the value types with pydantic, and the
CLI's `--json` with ours: two encoders that drift apart (a reader's slip
came back with staff keys set to null on one and absent on the other). The
route's declared answer type still gives the OpenAPI schema, and the schema
test checks the served bytes against it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from fastapi.routing import APIRoute
from starlette.responses import JSONResponse, Response

from looseleaf.model import jsonable

#: Headers a route sets on FastAPI's injected response (cookies) that an
#: answer made here must carry too; the rest describe the empty body.
_OWN = {b"content-length", b"content-type"}


class Served(APIRoute):
    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        status = kwargs.get("status_code") or 200
        super().__init__(path, _serving(endpoint, status), **kwargs)


def _serving(endpoint: Callable[..., Any], status: int) -> Callable[..., Any]:
    @functools.wraps(endpoint)
    def answer(*args: Any, **kwargs: Any) -> Any:
        result = endpoint(*args, **kwargs)
        if isinstance(result, Response):
            return result
        served = JSONResponse(jsonable(result), status_code=status)
        for given in [*args, *kwargs.values()]:
            if isinstance(given, Response):
                served.raw_headers.extend(
                    (name, value) for name, value in given.raw_headers if name not in _OWN
                )
        return served

    return answer
