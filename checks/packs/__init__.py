"""replylint.checks.packs: language packs (per-language rules, analyser, detection) and the
code that runs a check's rules in a pack's language."""
