"""Which analyser the app uses: the on-device model, or its lexical fallback when absent."""

from __future__ import annotations

from holdingspace.core.signs import Analyser


def default_analyser() -> Analyser:
    from holdingspace.analysis.analyser import load_analyser

    return load_analyser()
