"""The suite's own guard: any connection beyond loopback fails the test that made it."""

from __future__ import annotations

import socket

import pytest

from tests.support import NetworkUsed


def test_connecting_beyond_loopback_fails() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(NetworkUsed):
        sock.connect(("192.0.2.1", 80))  # TEST-NET-1: the guard raises before any packet


def test_loopback_is_allowed() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
            client.connect(server.getsockname())
