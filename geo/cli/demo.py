"""``geo demo``: the whole pipeline on our example report, offline."""

from __future__ import annotations

import click

from geo.cli import fails_cleanly, main, say


@main.command("demo")
@click.option(
    "--out",
    default="maps",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder to write the maps and the review CSV into.",
)
@click.option("--created", metavar="YYYY-MM-DD", help="Creation date printed on the maps (default: today).")
@fails_cleanly
def demo_command(out, created):
    """Extract → review CSV → geocode → maps, on a worked example, with no network.

    Reads geo's example situation report on northwest Syria (December 2019 –
    February 2020, written by us from public UN figures; its breakdown by
    place is illustrative), extracts its figures and movements, places them
    with the offline gazetteer and writes into --out: the review CSV, a
    choropleth by governorate, a movement map and a map of circles by place,
    each as offline HTML and PNG.

    \b
    Examples:
      geo demo
      geo demo --out /tmp/demo --created 2020-02-05
    """
    from geo.demo import demo

    result = demo(out, created=created)
    for line in result.lines:
        say(line)
    for path in result.paths:
        click.echo(str(path))
