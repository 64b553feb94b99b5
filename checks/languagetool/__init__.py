"""replylint.checks.languagetool: the LanguageTool client, its server handling and answer cache."""
