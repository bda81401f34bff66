"""Reviewing a pull request: which pages a change reaches (for before/after screenshots) and
whether it touched the engine (which decides whether the engine's test suite runs)."""
