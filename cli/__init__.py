"""replylint.cli: the Typer app and run orchestration (readers: inputs/, reports: formats/)."""

# The one place the version is written: pyproject.toml reads it from here (dynamic version),
# and reports read it without importlib.metadata, whose import costs every run ~15 ms.
__version__ = "0.1.0"
