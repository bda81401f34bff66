"""Hypothesis settings shared by the property tests (tests/test_*_properties.py and the unit files).

Derandomised: CI and every developer run the same examples, so a failure is reproducible.
HERITAGE_PROPERTY_SCALE multiplies the number of examples: `make mutate` runs each mutant with
a fifth of them (scripts/mutate.py), a developer may run ten times as many for a longer search.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

SCALE = float(os.environ.get("HERITAGE_PROPERTY_SCALE", "1"))


def properties(max_examples: int) -> settings:
    return settings(
        derandomize=True, deadline=None, database=None, max_examples=max(5, round(max_examples * SCALE)),
        suppress_health_check=[HealthCheck.too_slow], print_blob=False,
    )
