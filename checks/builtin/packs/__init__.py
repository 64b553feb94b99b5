"""replylint.checks.builtin.packs: the built-in language packs (Latvian, Kazakh, West Frisian),
a YAML file of rules and a module with the analyser each."""
