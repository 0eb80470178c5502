"""``geo geocode``: names → places, offline."""

from __future__ import annotations

import click

from geo.cli import fails_cleanly, main, say
from geo.gazetteer import DEFAULT_MIN_SCORE


@main.command("geocode")
@click.argument("names", nargs=-1)
@click.option(
    "-i",
    "--input",
    "input_file",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="File of names: one per line, or a CSV/XLSX table with --column. '-' reads stdin.",
)
@click.option("--column", help="Column of --input that holds the names (for tables).")
@click.option("--country", help="Only places in these countries, ISO codes: 'SY' or 'SY,TR'.")
@click.option("--bbox", help="Only places inside west,south,east,north (degrees), e.g. '35.5,32,42.5,37.5'.")
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=DEFAULT_MIN_SCORE,
    show_default=True,
    help="Matches scoring below this are reported as unmatched.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write here instead of stdout: .csv, .geojson or .gpkg (the last two carry true geometry).",
)
@fails_cleanly
def geocode_command(names, input_file, column, country, bbox, min_score, output):
    """Place names → coordinates, kind, score and source, with no network.

    Every name keeps its row, in input order; names that match nothing have
    empty lat/lon and score 0, and are listed in the summary on stderr.

    \b
    Examples:
      geo geocode Idleb "Ma'arat an Nu'man" "Turkish border"
      geo geocode -i sites.csv --column site_name --country SY -o sites.geojson
      echo Sarmada | geo geocode -i -
    """
    from geo import io

    if input_file:
        found, skipped = io.read_names(input_file, column)
        names = [*names, *found]
        if skipped:
            say(f"{skipped} empty line(s) skipped")
    if not names:
        raise click.UsageError("give names as arguments or a file with -i (see geo geocode --help)")
    box = io.parse_bbox(bbox) if bbox else None
    from geo.geocode import resolve, summary

    if output and io.output_format(output) != "CSV":
        from geo.geocode import geocode

        gdf = geocode(names, country=country, bbox=box, min_score=min_score)
        io.write_geodata(gdf, output)
        matches = resolve(names, country=country, bbox=box, min_score=min_score)
    else:
        matches = resolve(names, country=country, bbox=box, min_score=min_score)
        io.write_matches_csv(matches, output)
    if output:
        say(f"wrote {output}")
    say(summary(matches))
