"""Fixtures shared by the test modules."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import lint_text


@pytest.fixture
def lint() -> Any:
    """The ``lint_text`` helper as a fixture."""
    return lint_text
