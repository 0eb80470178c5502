"""``geo choropleth``: figures by area → one offline HTML map (and PNG / SVG / PDF for reports)."""

from __future__ import annotations

import warnings

import click

from geo.cli import fails_cleanly, main, say
from geo.cli.options import map_outputs, map_texts, places_columns_option, places_option, time_options, user_gazetteer


def _column(df, name: str | None, option: str) -> str | None:
    """A column by header, or by HXL hashtag ('#affected+idps')."""
    if name is None or not name.startswith("#"):
        return name
    from geo.io import hxl_column

    found = hxl_column(df, name)
    if found is None:
        raise click.UsageError(f"{option} {name}: no column carries that HXL hashtag")
    return found


def _breaks(text: str | None) -> list[float] | None:
    if not text:
        return None
    try:
        return [float(v.replace("_", "")) for v in text.split(",") if v.strip()]
    except ValueError:
        raise click.BadParameter(f"want numbers separated by commas, got {text!r}", param_hint="--breaks") from None


@main.command("choropleth")
@click.argument("data", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--value", help="Column of figures (header or HXL tag); without it each row counts one.")
@click.option(
    "--place",
    help="Column of area names (any spelling the gazetteer knows; towns and camps count in the area they lie in).",
)
@click.option("--pcode", help="Column of P-codes (SY07) matched to the areas' codes.")
@click.option("--lat", help="Column of latitudes (point data, summed into the areas they fall in).")
@click.option("--lon", help="Column of longitudes.")
@time_options
@map_outputs
@click.option(
    "--embed", type=click.Path(dir_okay=False), help="Also an HTML fragment (an iframe) to paste into a page."
)
@click.option("--unmatched", type=click.Path(dir_okay=False), help="Write the rows that matched no area here (CSV).")
@click.option("--title", help="Map title (default: '<value> by area').")
@map_texts
@click.option(
    "--scheme",
    default="quantiles",
    show_default=True,
    help="Classes: quantiles, naturalbreaks, equalinterval, fisherjenks… (mapclassify).",
)
@click.option("--classes", type=click.IntRange(1, 12), default=5, show_default=True, help="Number of classes.")
@click.option("--breaks", help="Class upper bounds instead of a scheme, e.g. '1000,10000,100000'.")
@click.option(
    "--colors", default="YlOrRd", show_default=True, help="ColorBrewer or matplotlib name, or '#fee,#fc9,#e34'."
)
@click.option(
    "--boundaries",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Areas to map instead of the shipped admin 1: COD-AB Shapefile, zip, GeoPackage or GeoJSON.",
)
@click.option("--boundary-key", help="Column of --boundaries holding the codes (default: its *_PCODE column).")
@click.option("--per-capita", help="Population column (in the data or --boundaries): map rates, not counts.")
@click.option("--per", type=click.FloatRange(min=0, min_open=True), help="Rate base for --per-capita (default 100000).")
@click.option("--country", help="Only areas in these countries, ISO codes: 'SY' or 'SY,TR'.")
@click.option("--sheet", help="Sheet of an XLSX workbook (name or 0-based number).")
@click.option(
    "--min-score", type=click.FloatRange(0, 100), default=75.0, show_default=True, help="Weakest name match kept."
)
@places_option
@places_columns_option
@fails_cleanly
def choropleth_command(
    data, value, place, pcode, lat, lon, period, at, output, png, svg, pdf, embed, unmatched, title, subtitle, source,
    as_of, created, units, scheme, classes, breaks, colors, tiles, boundaries, boundary_key, per_capita, per,
    disclaimer, country, sheet, min_score, places, places_columns,
):  # fmt: skip
    """Figures by area → a choropleth that opens anywhere, offline.

    Rows find their area by --pcode, by name (--place; "Damascus" is the
    governorate) or by coordinates (--lat/--lon, or a point layer); columns
    not named are read from HXL tags (#adm1+code, #affected+idps, #date …) or
    headers (admin1Pcode, Mohafaza …), and said. Several
    rows for one area are summed; rows matching no area are reported on
    stderr and written with --unmatched. The figures drawn plus those
    unmatched always equal the input total.

    \b
    Examples:
      geo choropleth idps.csv --value idps --place governorate -o maps/idps.html --png maps/idps.png
      geo choropleth sites.xlsx --value '#affected+ind' --lat '#geo+lat' --lon '#geo+lon' -o maps/sites.html
      geo choropleth pin.csv --value pin --pcode ADM2_PCODE --boundaries syr_admin2.zip -o maps/pin.html
      geo choropleth monthly.csv --value idps --pcode pcode --period month -o maps/m.html --png maps/m.png
      geo choropleth idps-hxl.csv -o maps/idps.html              # HXL: #adm1+code, #affected+idps, #date
      geo choropleth sites.csv --value ind --place village --places sdn_pplp.csv -o maps/sites.html
    """
    from geo import io
    from geo.join import JoinWarning
    from geo.render.base import save_html, to_embed
    from geo.render.choropleth import choropleth, save_static

    if not any((output, png, svg, pdf, embed)):
        raise click.UsageError("say where to write the map: -o map.html, --png, --svg, --pdf or --embed")
    if sum(x is not None for x in (place, pcode)) + (lat is not None or lon is not None) > 1:
        raise click.UsageError("give only one of --place, --pcode or --lat/--lon")
    if (lat is None) != (lon is None):
        raise click.UsageError("--lat and --lon go together")
    sheet_arg = int(sheet) if sheet is not None and sheet.isdigit() else sheet
    df = io.read_table(data, sheet=sheet_arg)
    value, place, pcode, lat, lon, per_capita, period = (
        _column(df, v, o)
        for v, o in ((value, "--value"), (place, "--place"), (pcode, "--pcode"), (lat, "--lat"), (lon, "--lon"),
                     (per_capita, "--per-capita"), (period, "--period"))
    )  # fmt: skip
    value, place, pcode, lat, lon, period = _from_the_table(df, value, place, pcode, lat, lon, period, boundaries)
    if at is not None and not period:
        raise click.UsageError("--at PERIOD goes with --period COLUMN")
    areas = io.read_table(boundaries) if boundaries else None
    gaz = user_gazetteer((), places, places_columns, country)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", JoinWarning)
        m = choropleth(
            df, value, place=place, pcode=pcode, lat=lat, lon=lon, period=period, at=at, boundaries=areas,
            boundary_key=boundary_key,
            country=country, title=title, subtitle=subtitle, source=source, as_of=as_of, created=created,
            units=units, scheme=scheme, classes=classes, breaks=_breaks(breaks), colors=colors,
            per_capita=per_capita, per=per, tiles=tiles, min_score=min_score, gazetteer=gaz,
            **({} if disclaimer is None else {"disclaimer": disclaimer or None}),
        )  # fmt: skip
    for w in caught:
        if issubclass(w.category, JoinWarning):
            say(f"warning: {w.message}")
    for line in m.choices[:20]:
        say(f"read {line}")
    if len(m.choices) > 20:
        say(f"… and {len(m.choices) - 20} more names read (see --unmatched and the map's popups)")
    if output:
        save_html(m, output)
        say(f"wrote {output}")
    for path in (png, svg, pdf):
        if path:
            save_static(m, path, at=at)
            say(f"wrote {path}")
    if embed:
        io.write_text(embed, to_embed(m))
        say(f"wrote {embed}")
    if unmatched:
        io.write_table(m.unmatched, unmatched)
        say(f"wrote {len(m.unmatched)} unmatched row(s) to {unmatched}")
    say(summary(m, len(df), label=place or pcode or lat))


def _from_the_table(df, value, place, pcode, lat, lon, period, boundaries):
    """Columns the options do not name, read from the table's HXL tags and headers, and said on stderr."""
    from geo.errors import InputError
    from geo.io.columns import locate, tagged_period

    notes: list[str] = []
    try:
        value, place, pcode, lat, lon = locate(
            df, value, place, pcode, lat, lon, notes=notes, area_level=None if boundaries else 1, need_value=False
        )
    except InputError as exc:
        raise click.UsageError(str(exc)) from None
    if place is None and pcode is None and lat is None:
        raise click.UsageError("which column says where each row is? give --place, --pcode or --lat/--lon")
    if period is None and (period := tagged_period(df)):
        notes.append(f"periods from column {period!r} ({df.attrs['hxl'][period]})")
    for note in notes:
        say(note)
    return value, place, pcode, lat, lon, period


def summary(m, total_rows: int, label: str | None = None) -> str:
    """One line: "11 of 12 rows placed in 9 areas; 1 unmatched: 'Atlantis'".

    Unmatched rows are named by ``label`` (the column that placed them: --place, --pcode or --lat), else by
    row number.
    """
    import pandas as pd

    placed = total_rows - len(m.unmatched)
    areas = int((m.joined["rows"] > 0).sum())
    line = f"{placed} of {total_rows} rows placed in {areas} area(s)"
    if getattr(m, "periods", ()):
        line += f" over {len(m.periods)} period(s)"
    if len(m.unmatched):
        bad = m.unmatched
        if label in bad.columns:
            names = ["(empty)" if pd.isna(v) or not str(v).strip() else repr(str(v)) for v in bad[label][:10]]
        else:
            names = [f"row {r}" for r in bad["row"][:10]]
        more = f" and {len(m.unmatched) - 10} more" if len(m.unmatched) > 10 else ""
        line += f"; {len(m.unmatched)} unmatched: {', '.join(names)}{more}"
    total = m.joined.attrs.get("total")
    if total is not None:
        line += f"; total {total:,.0f} = {total - m.joined.attrs['unmatched_total']:,.0f} mapped"
        line += f" + {m.joined.attrs['unmatched_total']:,.0f} unmatched"
    return line
