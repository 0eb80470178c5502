"""``geo geocode``: names → places, offline (online only if asked)."""

from __future__ import annotations

from pathlib import Path

import click

from geo.cli import fails_cleanly, main, say
from geo.cli.options import (
    hxl_option,
    level_option,
    parent_option,
    provider_options,
    table_options,
    user_gazetteer,
    user_places,
)  # fmt: skip
from geo.gazetteer import DEFAULT_MIN_SCORE

_TABLES = (".xlsx", ".xlsm", ".geojson", ".json", ".shp", ".zip", ".gpkg")
# Where the names are in an HXL-tagged table when --column does not say, the most precise first.
NAME_TAGS = ("#loc+name", "#adm4+name", "#adm3+name", "#adm2+name", "#adm1+name")


def _name_column(df, column, label) -> str:
    from geo import io
    from geo.io.columns import admin_columns

    if column is not None:
        return io.find_column(df, column, label)
    tagged = next((c for c in (io.hxl_column(df, t) for t in NAME_TAGS) if c), None)
    if tagged:
        say(f"names from column {tagged!r} ({df.attrs['hxl'][tagged]})")
        return tagged
    levels = admin_columns(df)
    deepest = next((levels[lv]["name"] for lv in sorted(levels, reverse=True) if "name" in levels[lv]), None)
    if deepest is None:
        raise click.UsageError(f"which column of {label} holds the names? give --column")
    say(f"names from column {deepest!r}")
    return deepest


def _from_table(df, column, parent, label):
    """(names, parents, parent kinds, the level the column says, empty rows skipped) from a table."""
    from geo.io.columns import LEVEL_KINDS, column_level, hierarchy

    col = _name_column(df, column, label)
    values = df[col].astype("string").str.strip().fillna("")
    keep = values != ""
    parent_cols, kinds = hierarchy(df, col, tuple(parent))
    if parent_cols and not parent:
        say(f"matched inside the table's own columns {', '.join(map(repr, parent_cols))} (parents; --parent to choose)")
    parents = None
    if parent_cols:
        cells = [df[c].astype("string").str.strip().fillna("")[keep] for c in parent_cols]
        parents = [tuple(v or None for v in row) for row in zip(*cells)]
    return values[keep].tolist(), parents, kinds, LEVEL_KINDS.get(column_level(df, col)), int((~keep).sum())


def _read_input(input_file, column, parent, sheet, layer, assume_crs):
    """A list of names or a table: (names, parents or None, parent kinds, level, empty rows skipped)."""
    from geo import io
    from geo.errors import GeoError
    from geo.io.columns import admin_columns

    suffix = Path(str(input_file)).suffix.lower()
    df = None
    if column or parent or suffix in _TABLES:
        df = io.read_table(input_file, sheet=sheet, layer=layer, assume_crs=assume_crs)
    elif suffix in (".csv", ".tsv"):
        try:  # a table says where its names are (HXL, or hierarchy headers); any other file is a list of names
            df = io.read_table(input_file)
        except GeoError:
            df = None
        if df is not None and not any(io.hxl_column(df, t) for t in NAME_TAGS) and not admin_columns(df):
            df = None
    if df is None:
        found, skipped = io.read_names(input_file)
        return found, None, [], None, skipped
    return _from_table(df, column, parent, input_file)


@main.command("geocode")
@click.argument("names", nargs=-1)
@click.option(
    "-i",
    "--input",
    "input_file",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="File of names: one per line, or a CSV/XLSX table ('#loc+name', 'Community', 'admin3Name_en'… found by "
    "itself, else --column). '-' reads stdin.",
)
@click.option("--column", help="Column of --input that holds the names: a header or an HXL tag ('#loc+name').")
@parent_option
@level_option
@table_options
@user_places
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
    names, input_file, column, parent, level, sheet, layer, assume_crs, boundaries, places, places_columns, country,
    bbox, min_score, provider, user_agent, output, hxl,
):  # fmt: skip
    """Place names → coordinates, kind, score and source, with no network.

    Every name keeps its row, in input order; names that match nothing, or that
    several places share with nothing to tell them apart, have empty lat/lon and
    score 0, with the candidates in 'alternatives', and are listed in the summary
    on stderr. A table's own hierarchy columns (Mohafaza, Mantika, Nahya;
    admin1Name_en…; #adm1+name…) or --parent say where each name lies.
    Boundary and places files add your own areas and villages for the run;
    --provider asks an online geocoder for what is still unmatched.

    \b
    Examples:
      geo geocode Idleb "Ma'arat an Nu'man" "Turkish border" C4130
      geo geocode -i arrivals.csv --column Community --country SY -o arrivals.geojson
      geo geocode -i idps.xlsx --sheet data --column sub_district --parent governorate --level sub-district \\
          --boundaries syr_admbnda_adm3.zip -o idps.geojson
      geo geocode -i sites.csv --column village --places sdn_pplp.csv --country SD
      echo Sarmada | geo geocode -i -
    """
    from geo import io
    from geo.io.columns import level_kind

    kind = level_kind(level)
    parents, parent_kinds, column_kind = None, [], None
    if parent and not input_file:
        raise click.UsageError("--parent names a column of the table given with -i")
    if input_file:
        found, table_parents, parent_kinds, column_kind, skipped = _read_input(
            input_file, column, parent, sheet, layer, assume_crs
        )
        if table_parents is not None:
            parents = [()] * len(names) + table_parents
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
    gaz = user_gazetteer(boundaries, places, places_columns, country, assume_crs)
    # the level: --level, else the column's header (Nahya, #adm3+name), else the kind most of a table's names are
    kind = kind or column_kind or ("auto" if input_file and len(names) >= 5 else None)
    from geo.parents import resolve, unknown_parents

    matches = resolve(names, parents, country=country, bbox=box, min_score=min_score, gazetteer=gaz, level=kind,
                      parent_levels=parent_kinds)  # fmt: skip
    missing = unknown_parents(matches)
    if missing:
        shown = ", ".join(missing[:10]) + (f" and {len(missing) - 10} more" if len(missing) > 10 else "")
        say(f"warning: {len(missing)} parent value(s) name no area, those rows were placed without them: {shown}")
    if not country and "country" not in parent_kinds and _many_countries(matches):
        say("note: these names lie in many countries, none holding a third of them; if the table has a country "
            "column, give it (--parent COLUMN) and each row is looked for in its own country")  # fmt: skip
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


def _many_countries(matches) -> bool:
    """Whether the names placed lie in five countries or more, none holding a third of them: a column mixing
    crises, which a country column would serve better."""
    from collections import Counter

    counts = Counter(m.country for m in matches if m.matched and m.country)
    return len(counts) >= 5 and 3 * max(counts.values()) < sum(counts.values())


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
