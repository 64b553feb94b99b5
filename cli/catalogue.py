"""The check catalogue for people: `replylint checks`, `replylint explain`, `replylint init`."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from replylint.checks import Check, Registry
from replylint.checks.packs.registry import all_packs, languages_of
from replylint.cli.formats.visible import visible


def safe(text: str) -> str:
    """A plugin's words for the terminal: control characters escaped, Rich markup inert."""
    return escape(visible(text))


def print_checks(registry: Registry) -> None:
    """A table of every check with its code, name, category, severity and summary."""
    table = Table(show_edge=False, pad_edge=False)
    for header in ("Code", "Name", "Category", "Severity", "Applies to", "Languages", "Fix"):
        table.add_column(header, no_wrap=True)
    table.add_column("What it flags", overflow="fold", min_width=30)
    for check in registry:
        kinds = ", ".join(sorted(str(k) for k in check.kinds))
        severity = str(check.severity) + ("" if check.default_enabled else " (off)")
        table.add_row(
            check.code,
            check.name,
            str(check.category),
            severity,
            kinds,
            ", ".join(languages_of(check)) or "-",
            fixes_label(check) or "-",
            safe(check.summary),
        )
    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = 160  # piped into a file or pager: don't squeeze the table to 80
    console.print(table)
    console.print(packs_table())


def packs_table() -> Table:
    """The language packs: code, name, where from, what they read and with what."""
    table = Table(title="Language packs", show_edge=False, pad_edge=False, title_justify="left")
    for header in ("Code", "Language", "From", "Checks", "Spelling"):
        table.add_column(header, no_wrap=True)
    for code, pack in all_packs().items():
        checks = (
            "all (the checks' own code)" if pack.native else str(len(pack.checks)) + " by rules"
        )
        spelling = (
            f"LanguageTool {pack.languagetool}"
            if pack.languagetool
            else f"Hunspell {pack.hunspell}"
            if pack.hunspell
            else "-"
        )
        table.add_row(safe(code), safe(pack.name), safe(pack.origin), checks, safe(spelling))
    return table


def fixes_label(check: Check) -> str:
    """Which fixes a check's findings may carry: "safe", "unsafe", "safe, unsafe" or ""."""
    return ", ".join(kind for kind in ("safe", "unsafe") if kind in check.fixes)


FIX_NOTES = {
    "safe": "some findings have a safe fix: replylint check --fix applies it",
    "unsafe": "some findings have an unsafe fix (wording to check): --unsafe-fixes applies it",
}


def print_explanation(check: Check) -> None:
    """Everything about one check: rationale, guidance, examples, options."""
    console = Console(highlight=False, soft_wrap=True)
    console.print(
        f"[bold]{check.code} {check.name}[/] ({check.category}, default "
        f"{check.severity}{'' if check.default_enabled else ', off by default'})"
    )
    console.print(safe(check.summary))
    console.print(f"\n[bold]Why[/]\n{safe(check.rationale)}")
    console.print(f"\n[bold]Guidance[/]\n{safe(check.guidance)}")
    kinds = ", ".join(sorted(str(k) for k in check.kinds))
    console.print(f"\n[bold]Applies to[/]\n{kinds} replies")
    packs = all_packs()
    read = [f"{packs[code].name} ({code})" for code in languages_of(check)]
    console.print("\n[bold]Languages[/]\n" + safe(", ".join(read) or "none"))
    failing = [e.text for e in check.examples if e.fails]
    passing = [e.text for e in check.examples if not e.fails]
    if failing:
        console.print("\n[bold]Flagged[/]")
        for text in failing:
            console.print(f"  [red]✗[/] {safe(text)}")
    if passing:
        console.print("\n[bold]Fine[/]")
        for text in passing:
            console.print(f"  [green]✓[/] {safe(text)}")
    notes = [FIX_NOTES[kind] for kind in ("safe", "unsafe") if kind in check.fixes]
    console.print("\n[bold]Fixes[/]\n" + ("\n".join(f"  {n}" for n in notes) or "  (none)"))
    console.print("\n[bold]Options[/]" if check.options else "\n[bold]Options[/]\n  (none)")
    for name, option in check.options.items():
        console.print(
            f"  {safe(name)} ({option.type_name()}, default {safe(repr(option.default))}): "
            f"{safe(option.help)}"
        )
    console.print(f'\nSilence it in a reply: <!-- replylint: disable={check.name} reason="…" -->')


def starter_config(registry: Registry) -> str:
    """A commented .replylint.yaml listing every check at its default."""
    lines = [
        "# replylint configuration. Every key is optional; see `replylint explain <check>`.",
        "# Findings at or above this severity fail the run (error | warning | info).",
        "fail-on: warning",
        "# Fail when the overall score (0-100) is below this number.",
        "# fail-under: 80",
        "# Reply kind when it cannot be told from the text: auto | email | chat.",
        "kind: auto",
        "# Language of the replies: auto (detected per reply) | en | lv | kk | fy.",
        "language: auto",
        "# Files and folders to skip (globs relative to this file).",
        "exclude: []",
        "# Per check: true/false, or a mapping with enabled, severity, exclude and options.",
        "checks:",
    ]
    for check in registry:
        lines.append(f"  # {check.code}: {check.summary}")
        lines.append(f"  {check.name}:")
        lines.append(f"    severity: {check.severity}")
        for name, option in check.options.items():
            lines.append(f"    # {name}: {option.default!r}  # {option.help}")
    lines += [
        "# Settings for matching files, e.g. chat macros:",
        "# overrides:",
        '#   - files: ["macros/chat/**"]',
        "#     kind: chat",
        "",
    ]
    return "\n".join(lines)
