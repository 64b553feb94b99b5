"""replylint.cli.formats: every report format (no Typer here, nor the command module)."""
