"""Glue: the engine's fix of Material's bundle (heritage-site package, hooks/material_bundle.py)."""

from heritage.engine_files import hook_functions, load_hooks

globals().update(hook_functions(load_hooks("material_bundle")))
