"""`looseleaf serve`: the reading room and the HTTP API on one port."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from looseleaf.cli.common import err, state
from looseleaf.errors import BadInput
from looseleaf.registry import Registry
from looseleaf.settings import Settings

HOST_OPTION = typer.Option("--host", help="Address to listen on; loopback unless behind TLS.")
PORT_OPTION = typer.Option("--port", help="Port to listen on.")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    ctx: typer.Context,
    host: Annotated[str, HOST_OPTION] = "127.0.0.1",
    port: Annotated[int, PORT_OPTION] = 8000,
) -> None:
    """Serve the reading room at / and the JSON API at /api/ (OpenAPI at /openapi.json)."""
    run_server(state(ctx).settings, host, port)


def run_server(settings: Settings, host: str, port: int, *, banner: str = "") -> None:
    """Open the registry and serve it until interrupted; the registry is shared
    by the server's worker threads and closed (with a final checkpoint) at the end."""
    import uvicorn

    from looseleaf.web.app import create_app

    if not 0 < port < 65536:
        raise BadInput(f"--port {port}", "use 1 to 65535")
    with Registry.open(settings) as registry:
        if not _loopback(host):
            err.print(
                f"looseleaf: serving on {host}: session cookies are Secure, so put TLS in "
                "front (a reverse proxy) or browsers will not log in."
            )
        err.print(f"{banner}looseleaf: reading room on http://{host}:{port}/ (Ctrl-C stops)")
        uvicorn.run(
            create_app(registry),
            host=host,
            port=port,
            log_level="warning",
            server_header=False,
            proxy_headers=True,
        )


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
