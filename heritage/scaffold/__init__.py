"""Scaffolding: new entries and posts (`heritage new`) and the templates/ folder."""
