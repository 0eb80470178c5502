"""``geo bubbles``: figures at places → circles sized by people, offline (and PNG / SVG / PDF for reports)."""

from __future__ import annotations

import click

from geo.cli import fails_cleanly, main, say
from geo.cli.options import (
    level_option,
    map_outputs,
    map_texts,
    parent_option,
    table_options,
    time_options,
    user_gazetteer,
    user_places,
)  # fmt: skip


@main.command("bubbles")
@click.argument("data", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--value",
    help="Column of figures (header or HXL tag): people, or the --units you name. Default: the one column an HXL "
    "tag such as #affected+idps marks.",
)
@click.option("--place", help="Column of place names: communities, towns, camps, sites (areas too, drawn at a point).")
@click.option("--pcode", help="Column of P-codes (only the place carrying that very code: C4130, SY070301).")
@click.option("--lat", help="Column of latitudes (with --lon).")
@click.option("--lon", help="Column of longitudes.")
@click.option("--label", help="Column to name the circles by (e.g. the community name when placing by --pcode).")
@parent_option
@level_option
@time_options
@map_outputs
@click.option(
    "--embed", type=click.Path(dir_okay=False), help="Also an HTML fragment (an iframe) to paste into a page."
)
@click.option("--country", help="Only places in these countries, ISO codes: 'SY' or 'SY,TR'.")
@click.option(
    "--labels",
    type=click.IntRange(0),
    default=10,  # geo.render.bubbles.LABELS, not imported here: folium would slow every command's start
    show_default=True,
    help="Name the N largest places, where the name fits (0: none); every circle has a tooltip.",
)
@click.option("--min-score", type=click.FloatRange(0, 100), help="Weakest name match kept (default 75).")
@table_options
@user_places
@click.option(
    "--unmatched", type=click.Path(dir_okay=False), help="Write the rows on no circle, with the reason, here (CSV)."
)
@click.option("--areas", type=click.Path(dir_okay=False), help="Areas table for a choropleth under the circles.")
@click.option(
    "--areas-value",
    help="Column of --areas to colour by; without --areas, a column of DATA summed by area (--value itself: "
    "the circles' own figures by governorate).",
)
@click.option("--areas-pcode", help="Column of area P-codes (SY07) in --areas, or in DATA.")
@click.option("--areas-place", help="Column of area names in --areas, or in DATA (instead of --areas-pcode).")
@click.option("--title", help="Map title (default: '<value> by place').")
@map_texts
@fails_cleanly
def bubbles_command(
    data, value, place, pcode, lat, lon, label, parent, level, period, at, output, png, svg, pdf, embed, country,
    labels, min_score, sheet, layer, assume_crs, boundaries, places, places_columns, unmatched, areas, areas_value,
    areas_pcode, areas_place, title, subtitle, source, as_of, created, units, disclaimer, tiles,
):  # fmt: skip
    """Figures at places → one circle per place, its area proportional to people, on an offline map.

    Rows are placed by --pcode, --lat/--lon or --place (names, inside the
    table's own Mohafaza/Mantika/Nahya-style columns or --parent); without
    them, by what the table's HXL tags or headers say (P-codes first, then
    coordinates, then names), and said. Rows on the same point are summed; a
    zero is a small hollow circle; rows with no value or no known place are
    left off, counted in the summary on stderr and listed with --unmatched.
    With --period (or a column tagged #date) the map gets a time slider, every
    period on one circle scale; in print, a panel per period (or --at one).

    \b
    Examples:
      geo bubbles sites.csv --value idps --place site -o maps/sites.html --png maps/sites.png
      geo bubbles communities.csv --value arrivals --pcode Community_Pcode --label Community -o maps/arrivals.html
      geo bubbles camps-hxl.xlsx --areas-value '#affected+ind' -o maps/camps.html
      geo bubbles villages.csv --value returnees --place village --places sdn_pplp.csv --country SD -o maps/r.html
      geo bubbles monthly.csv --value arrivals --pcode pcode --period month -o maps/m.html --png maps/months.png
    """
    from geo import io
    from geo.points import prepare
    from geo.render.bubbles import areas_for
    from geo.render.layout import DEFAULT_DISCLAIMER

    if not (output or png or svg or pdf or embed):
        raise click.UsageError("say where to write the map: -o maps/NAME.html, --png, --svg, --pdf or --embed")
    if sum(x is not None for x in (place, pcode)) + (lat is not None or lon is not None) > 1:
        raise click.UsageError("give one of --place, --pcode or --lat/--lon")
    if (lat is None) != (lon is None):
        raise click.UsageError("--lat and --lon go together")
    if (areas_pcode or areas_place) and not (areas or areas_value):
        raise click.UsageError("--areas-pcode and --areas-place go with --areas FILE or --areas-value COL")
    if areas and not areas_value:
        raise click.UsageError("--areas FILE needs --areas-value COL (the figures to colour by)")
    if sheet is not None and sheet.isdigit():
        sheet = int(sheet)
    table = io.read_table(data, sheet=sheet, layer=layer, assume_crs=assume_crs)
    period = period or _tagged_period(table)
    if at is not None and not period:
        raise click.UsageError("--at PERIOD goes with --period COLUMN")
    if period and areas_value and not areas:
        raise click.UsageError("--areas-value without --areas would add up every period's rows per area: with "
                               "--period, give --areas FILE (one figure per area)")  # fmt: skip
    gazetteer = user_gazetteer(boundaries, places, places_columns, country, assume_crs)
    pt = prepare(
        table, value, place, pcode, lat, lon, label=label, period=period, parent=parent, level=level, country=country,
        units=units, min_score=min_score, gazetteer=gazetteer,
    )  # fmt: skip
    for note in pt.notes:
        say(note)
    al = areas_for(table, pt, areas, areas_value, areas_pcode, areas_place, country=country)
    if al is not None and len(al.unmatched):
        say(f"areas: {len(al.unmatched)} of {len(al.unmatched) + int(al.joined['rows'].sum())} rows matched no area")
    style = dict(
        title=title, subtitle=subtitle, source=source, as_of=as_of, created=created, labels=labels, areas=al,
        disclaimer=DEFAULT_DISCLAIMER if disclaimer is None else (disclaimer or None),
    )  # fmt: skip
    if output or embed:
        from geo.render.base import save_html, to_embed
        from geo.render.bubbles import bubble_map

        m = bubble_map(pt, tiles=tiles, at=at, **style)
        if output:
            save_html(m, output)
            say(f"wrote {output}")
        if embed:
            io.write_text(embed, to_embed(m))
            say(f"wrote {embed}")
    for path in (png, svg, pdf):
        if path:
            from geo.render.bubbles_static import save_bubble_figure

            save_bubble_figure(pt, path, at=at, **style)
            say(f"wrote {path}")
    if unmatched:
        io.write_table(pt.unplaced_frame(), unmatched)
        n = len(pt.unplaced)
        say(f"wrote {unmatched} ({n} row{'' if n == 1 else 's'} on no circle)")
    say(pt.summary())


def _tagged_period(table) -> str | None:
    """The period column a #date tag marks (see :func:`geo.io.columns.tagged_period`), said on stderr."""
    from geo.io.columns import tagged_period

    period = tagged_period(table)
    if period:
        say(f"periods from column {period!r} ({table.attrs['hxl'][period]})")
    return period
