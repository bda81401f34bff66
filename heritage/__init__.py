"""A ward's heritage site: data, checks and rendering of the ward's heritage site.

Imports nothing from MkDocs: hooks/heritage_hooks.py adapts it to MkDocs.
"""

__version__ = "0.1.0"
