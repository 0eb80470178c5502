"""``geo extract``: report text → a CSV of figures and movements to review, then map."""

from __future__ import annotations

import click

from geo.cli import fails_cleanly, main, say
from geo.cli.options import user_gazetteer, user_places


@main.command("extract")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--date",
    "report_date",
    metavar="YYYY-MM-DD",
    help="The report's date: 'since 1 December' and 'last Saturday' are read against it.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write the CSV here (atomically) instead of stdout.",
)
@click.option(
    "--rows",
    "select",
    type=click.Choice(["all", "places", "figures", "flows"]),
    default="all",
    show_default=True,
    help="all: figures, movements, then the place mentions neither carries; places: every place mention; "
    "figures: only figure rows (for geo choropleth); flows: movements with both ends (for geo flows --origin "
    "origin --destination destination --value figure; a figure shared by several destinations is left empty).",
)
@user_places
@fails_cleanly
def extract_command(file, report_date, output, select, boundaries, places, places_columns):
    """Figures, places, dates and movements from a report (.txt, .md, .html; '-' for stdin).

    One CSV row per figure (kind=figure: place, figure, high for a range, unit,
    what, qualifier, dates), per movement (kind=movement: origin, destination,
    figure) and per place mention that neither carries (kind=place), each with
    the sentence it came from and its character offsets, for review before
    mapping. Places keep the names as written; a figure with no place in its
    sentence has an empty place; a figure shared by several movements is not
    copied onto each (the note says so).

    \b
    Examples:
      geo extract flash-update.txt --date 2020-02-05 -o figures.csv
      geo extract report.html -o figures.csv
      geo extract update.txt --date 2020-02-05 --rows flows -o flows.csv
      cat update.md | geo extract - --date 2020-02-05
      geo extract darfur-update.txt --places sdn_pplp.csv -o review.csv   # a country's villages (COD-PP)
    """
    from geo.extract import extract, read

    gaz = user_gazetteer(boundaries, places, places_columns)
    result = extract(read(file), date=report_date, gazetteer=gaz)
    result.to_csv(output, select=select)
    if output and output != "-":
        say(f"wrote {output}")
    say(result.summary())
    left = result.left_out(select)
    if left:
        say(left)
