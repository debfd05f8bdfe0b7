"""The command line: a thin layer over the library. Problems reach the user as messages, not tracebacks."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from site_builder.errors import Findings

FORMATS = click.Choice(["text", "github", "json"])


def _root(path: str | None) -> Path:
    return Path(path).resolve() if path else Path.cwd()


def _print_findings(findings: Findings, fmt: str) -> None:
    out = findings.render(fmt)
    if out:
        click.echo(out)
    if fmt == "text":
        click.echo(f"{len(findings.errors)} error(s), {len(findings.warnings)} warning(s)", err=True)


@click.group()
@click.version_option(package_name="minh-bach")
def main() -> None:
    """Minh Bạch site builder: check content, build the bilingual site."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.option("--root", type=click.Path(file_okay=False, exists=True), help="Project folder (default: current folder).")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True, help="text for people, github for Actions annotations, json for tools.")
@click.option("--strict", is_flag=True, help="Treat warnings (e.g. missing English) as errors.")
def check(root: str | None, fmt: str, strict: bool) -> None:
    """Validate content/ and datapackages/ and report every problem with its location."""
    from site_builder.content.validate import validate

    _, findings = validate(_root(root))
    _print_findings(findings, fmt)
    sys.exit(0 if findings.ok(strict) else 1)


@main.command()
@click.option("--root", type=click.Path(file_okay=False, exists=True), help="Project folder (default: current folder).")
@click.option("--site", type=click.Path(file_okay=False), help="Output folder (default: site/ in the project).")
@click.option("--strict", is_flag=True, help="Refuse to build on warnings too.")
@click.option("--quiet", is_flag=True, help="No progress output.")
def build(root: str | None, site: str | None, strict: bool, quiet: bool) -> None:
    """Build the site: validate, compute, render pages, charts and downloads, run mkdocs."""
    from site_builder.publish.build import BuildError, build as run

    project = _root(root)
    progress = (lambda s: None) if quiet else (lambda s: click.echo(f"· {s}", err=True))
    try:
        result = run(project, Path(site).resolve() if site else None, progress, strict)
    except BuildError as exc:
        findings = getattr(exc, "findings", None)
        if findings:
            _print_findings(findings, "text")
        click.echo(f"build failed: {exc}", err=True)
        sys.exit(1)
    if result.findings.warnings and not quiet:
        click.echo(f"{len(result.findings.warnings)} warning(s); run `site-builder check` to list them", err=True)
    timing = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items())
    click.echo(f"built {result.pages} pages into {result.site} ({timing})", err=True)


def _register() -> None:
    # The editor tools live beside the code they drive; each module owns its click command.
    from site_builder.editor import extract
    from site_builder.editor import fmt
    from site_builder.editor import reference
    from site_builder.editor import new as skeleton
    from site_builder.editor import new_breakdown, new_indicator
    from site_builder.editor import translations

    for sub in (new_indicator.command, new_breakdown.command):
        if sub.name not in skeleton.command.commands:
            skeleton.command.add_command(sub)
    for command in (fmt.command, skeleton.command, extract.command, translations.command, reference.command):
        main.add_command(command)


_register()
