"""replylint.cli.inputs: every reader from a path or standard input to replies (no Typer here)."""
