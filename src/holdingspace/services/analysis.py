"""Which analyser the app uses: the on-device model, or its lexical fallback when absent."""

from __future__ import annotations

from functools import cache

from holdingspace.core.signs import Analyser


@cache
def default_analyser() -> Analyser:
    """Loaded once per process: the model is read from disk the first time only."""
    from holdingspace.analysis.analyser import load_analyser

    return load_analyser()
