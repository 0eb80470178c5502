"""``geo geocode``: names → places, offline (online only if asked)."""

from __future__ import annotations

from pathlib import Path

import click

from geo.cli import fails_cleanly, main, say
from geo.cli.options import boundaries_option, hxl_option, parent_option, provider_options, table_options
from geo.gazetteer import DEFAULT_MIN_SCORE

_TABLES = (".xlsx", ".xlsm", ".geojson", ".json", ".shp", ".zip", ".gpkg")
# Where the names are in an HXL-tagged table when --column does not say.
NAME_TAGS = ("#loc+name", "#adm3+name", "#adm2+name", "#adm1+name")


def _names_from(df, column, parent, label):
    """Names (and parents) from a table; rows with no name are skipped and counted."""
    from geo import io

    if column is None:
        column = next((c for c in (io.hxl_column(df, t) for t in NAME_TAGS) if c), None)
        if column is None:
            raise click.UsageError(f"which column of {label} holds the names? give --column")
        say(f"names from column {column!r} ({df.attrs['hxl'][column]})")
    col = io.find_column(df, column, label)
    values = df[col].astype("string").str.strip().fillna("")
    keep = values != ""
    names = values[keep].tolist()
    parents = None
    if parent:
        pvalues = df[io.find_column(df, parent, label)].astype("string").str.strip().fillna("")
        parents = [p or None for p in pvalues[keep]]
    return names, parents, int((~keep).sum())


def _read_input(input_file, column, parent, sheet, layer, assume_crs):
    """(names, parents or None, empty rows skipped) from a list of names or a table."""
    from geo import io
    from geo.errors import GeoError

    suffix = Path(str(input_file)).suffix.lower()
    df = None
    if column or parent or suffix in _TABLES:
        df = io.read_table(input_file, sheet=sheet, layer=layer, assume_crs=assume_crs)
    elif suffix in (".csv", ".tsv"):
        try:  # an HXL table says where its names are; any other file is a list of names
            df = io.read_table(input_file)
        except GeoError:
            df = None
        if df is not None and not any(io.hxl_column(df, t) for t in NAME_TAGS):
            df = None
    if df is None:
        found, skipped = io.read_names(input_file)
        return found, None, skipped
    return _names_from(df, column, parent, input_file)


@main.command("geocode")
@click.argument("names", nargs=-1)
@click.option(
    "-i",
    "--input",
    "input_file",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="File of names: one per line, or a CSV/XLSX table with --column (HXL: '#loc+name' found by itself). "
    "'-' reads stdin.",
)
@click.option("--column", help="Column of --input that holds the names: a header or an HXL tag ('#loc+name').")
@parent_option
@table_options
@boundaries_option
@click.option("--country", help="Only places in these countries, ISO codes: 'SY' or 'SY,TR'.")
@click.option("--bbox", help="Only places inside west,south,east,north (degrees), e.g. '35.5,32,42.5,37.5'.")
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=DEFAULT_MIN_SCORE,
    show_default=True,
    help="Matches scoring below this are reported as unmatched.",
)
@provider_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write here instead of stdout: .csv, .geojson or .gpkg (the last two carry true geometry).",
)
@hxl_option
@fails_cleanly
def geocode_command(
    names, input_file, column, parent, sheet, layer, assume_crs, boundaries, country, bbox, min_score, provider,
    user_agent, output, hxl,
):  # fmt: skip
    """Place names → coordinates, kind, score and source, with no network.

    Every name keeps its row, in input order; names that match nothing have
    empty lat/lon and score 0, and are listed in the summary on stderr.
    Boundary files add their districts and sub-districts for the run;
    --provider asks an online geocoder for what is still unmatched.

    \b
    Examples:
      geo geocode Idleb "Ma'arat an Nu'man" "Turkish border"
      geo geocode -i sites.csv --column site_name --country SY -o sites.geojson
      geo geocode -i idps.xlsx --sheet data --column sub_district --parent governorate \\
          --boundaries syr_admbnda_adm3.zip -o idps.geojson
      geo geocode -i hxl.csv --provider nominatim --user-agent "my-org you@example.org"
      echo Sarmada | geo geocode -i -
    """
    from geo import io

    parents = None
    if parent and not input_file:
        raise click.UsageError("--parent names a column of the table given with -i")
    if input_file:
        found, table_parents, skipped = _read_input(input_file, column, parent, sheet, layer, assume_crs)
        if table_parents is not None:
            parents = [None] * len(names) + table_parents
        names = [*names, *found]
        if skipped:
            say(f"{skipped} empty line(s) skipped")
    if not names:
        raise click.UsageError("give names as arguments or a file with -i (see geo geocode --help)")
    box = io.parse_bbox(bbox) if bbox else None
    service = None
    if provider:  # before any work: an unknown service or a missing user agent is one line, at once
        from geo import online

        service = online.geocoder(provider, user_agent)
    fmt = io.output_format(output) if output and str(output) != "-" else "CSV"
    gaz = None
    if boundaries:
        from geo.admin import gazetteer_with

        gaz = gazetteer_with(*boundaries, assume_crs=assume_crs)
        say(f"boundaries: {len(gaz) - _shipped_size()} areas added from {', '.join(map(str, boundaries))}")
    if gaz is not None or parents is not None:
        from geo.admin import resolve

        matches = resolve(names, parents, country=country, bbox=box, min_score=min_score, gazetteer=gaz)
    else:
        from geo.geocode import resolve

        matches = resolve(names, country=country, bbox=box, min_score=min_score)
    if provider:
        matches = _online(matches, provider, service, country, box)
    from geo.geocode import summary

    if fmt != "CSV":
        from geo.geocode import to_geodataframe

        if hxl:
            say("--hxl applies to CSV output; GeoJSON and GeoPackage have no row for hashtags")

        io.write_geodata(to_geodataframe(matches), output)
    elif hxl:
        import pandas as pd

        from geo.geocode import COLUMNS

        io.write_table(pd.DataFrame([m.row() for m in matches], columns=COLUMNS), output or "-", hxl=True)
    else:
        io.write_matches_csv(matches, output)
    if output:
        say(f"wrote {output}")
    say(summary(matches))


def _shipped_size() -> int:
    from geo.gazetteer import Gazetteer

    return len(Gazetteer.default())


def _online(matches, provider, service, country, box):
    from geo import online

    todo = len({m.query for m in matches if online.unplaced(m)})
    if not todo:
        return matches
    say(f"asking {provider} for {todo} unmatched name(s), from the cache where it can")
    kwargs = {"country": country, "bbox": box, "geocoder_instance": service}
    if todo <= 5:
        return online.fill(matches, provider, **kwargs)
    with click.progressbar(length=todo, label=provider, file=click.get_text_stream("stderr")) as bar:
        last = [0]

        def progress(done, total):
            bar.update(done - last[0])
            last[0] = done

        return online.fill(matches, provider, progress=progress, **kwargs)
