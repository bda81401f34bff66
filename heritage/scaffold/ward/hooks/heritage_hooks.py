"""Glue: the MkDocs hooks of the installed engine (the heritage-site package).

The hooks themselves ship with the engine, so a new engine version (raise its pin in
requirements.lock) brings their fixes too; this file only hands MkDocs their functions.
"""

from heritage.engine_files import hook_functions, load_hooks

globals().update(hook_functions(load_hooks("heritage_hooks")))
