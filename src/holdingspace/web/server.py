"""Running the app: always on 127.0.0.1, with no access log (addresses could carry words)."""

from __future__ import annotations

import secrets
from typing import Final

import uvicorn
from fastapi import FastAPI

HOST: Final = "127.0.0.1"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def launch_url(port: int, token: str) -> str:
    return f"http://{HOST}:{port}/?token={token}"


def server_config(app: FastAPI, port: int) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=HOST,
        port=port,
        access_log=False,
        log_level="warning",
        server_header=False,
        date_header=False,
        proxy_headers=False,
        lifespan="off",
    )
