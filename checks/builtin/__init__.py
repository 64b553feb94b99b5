"""replylint.checks.builtin: the built-in checks, one module each, and their phrase lexicons."""
