"""The yearly report: figures (computed once), wording, Word document, charts; write puts them together."""
