"""``geo flows``: a movement table → a map of curved arrows, offline."""

from __future__ import annotations

import click

from geo.cli import fails_cleanly, main, say
from geo.cli.options import (
    map_outputs,
    map_texts,
    table_options,
    time_options,
    user_gazetteer,
    user_places,
)
from geo.movements import DEFAULT_TOP


@main.command("flows")
@click.argument("data", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--origin", help="Column of places people left (header or HXL tag; default: the '+origin' tag).")
@click.option("--destination", help="Column of places people went to (default: the '+dest' tag).")
@click.option("--value", help="Column of counts (people, or the --units you name; default: the #affected… tag).")
@map_outputs
@time_options
@click.option("--country", help="Only places in these countries, ISO codes: 'SY' or 'SY,TR'.")
@click.option("--level", type=click.Choice(["admin1"]), help="Roll places up to their governorate (admin 1).")
@click.option(
    "--top",
    type=click.IntRange(0),
    default=DEFAULT_TOP,
    show_default=True,
    help="Draw the N largest flows; the rest are summed in the legend (0: draw all).",
)
@click.option("--min", "min_value", type=click.FloatRange(0), help="Draw only flows of at least this many.")
@table_options
@user_places
@click.option(
    "--unmatched", type=click.Path(dir_okay=False), help="Write rows on no arrow, with the reason, here (CSV)."
)
@click.option("--areas", type=click.Path(dir_okay=False), help="Areas table for a choropleth layer under the flows.")
@click.option("--areas-value", help="Column of --areas to colour by (e.g. IDPs hosted).")
@click.option("--areas-pcode", help="Column of --areas holding P-codes of areas (SY07).")
@click.option("--areas-place", help="Column of --areas holding names of areas (instead of --areas-pcode).")
@click.option("--title", help="Map title (default: 'Movements of <units>').")
@map_texts
@fails_cleanly
def flows_command(
    data, origin, destination, value, output, png, svg, pdf, period, at, country, level, top, min_value, sheet, layer,
    assume_crs, boundaries, places, places_columns, unmatched, areas, areas_value, areas_pcode, areas_place, title,
    subtitle, source, as_of, created, units, disclaimer, tiles,
):  # fmt: skip
    """Movement table → curved arrows, width by people, on an offline map.

    Duplicate origin–destination pairs are summed; arrows to a border end at
    the point of the border nearest their origin; rows with unknown places or
    the same origin and destination are left off, counted in the summary on
    stderr and listed with --unmatched.

    \b
    Examples:
      geo flows moves.csv --origin from --destination to --value idps -o maps/moves.html
      geo flows dtm.xlsx --origin '#loc+origin' --destination '#loc+dest' --value '#affected+idps' \\
          --period month --top 20 --png maps/moves.png -o maps/moves.html
      geo flows moves.csv --origin from --destination to --value idps --period month --at 2024-03 --png m.png
    """
    from geo import io
    from geo.movements import prepare
    from geo.render.layout import DEFAULT_DISCLAIMER

    if not (output or png or svg or pdf):
        raise click.UsageError("say where to write the map: -o maps/NAME.html and/or --png/--svg/--pdf")
    if (areas_value or areas_pcode or areas_place) and not areas:
        raise click.UsageError("--areas-value, --areas-pcode and --areas-place go with --areas FILE")
    if areas and not areas_value:
        raise click.UsageError("--areas FILE needs --areas-value COL (the figures to colour by)")
    if sheet is not None and sheet.isdigit():
        sheet = int(sheet)
    table = io.read_table(data, sheet=sheet, layer=layer, assume_crs=assume_crs)
    origin, destination, value, period = _from_the_table(table, origin, destination, value, period)
    if at is not None and not period:
        raise click.UsageError("--at PERIOD goes with --period COLUMN")
    gazetteer = user_gazetteer(boundaries, places, places_columns, country, assume_crs)
    ft = prepare(
        table, origin, destination, value, period=period, country=country, level=level, top=top,
        min_value=min_value, units=units, gazetteer=gazetteer,
    )  # fmt: skip
    style = dict(
        title=title, subtitle=subtitle, source=source, as_of=as_of, created=created,
        disclaimer=DEFAULT_DISCLAIMER if disclaimer is None else (disclaimer or None),
    )  # fmt: skip
    area_options = {}
    if areas:
        from geo.render.flows import area_layer

        al = area_layer(areas, areas_value, areas_pcode, areas_place, units=units, country=country)
        area_options["areas"] = al
        if len(al.unmatched):
            say(
                f"areas: {len(al.unmatched)} of {len(al.unmatched) + int(al.joined['rows'].sum())} rows matched no area"
            )
    if output:
        from geo.render.base import save_html
        from geo.render.flows import flow_map

        save_html(flow_map(ft, tiles=tiles, at=at, **style, **area_options), output)
        say(f"wrote {output}")
    for path in (png, svg, pdf):
        if path:
            from geo.render.flows_static import save_flow_figure

            save_flow_figure(ft, path, at=at, **style, **area_options)
            say(f"wrote {path}")
    if unmatched:
        io.write_table(ft.unplaced_frame(), unmatched)
        n = len(ft.unplaced)
        say(f"wrote {unmatched} ({n} row{'' if n == 1 else 's'} on no arrow)")
    say(ft.summary())


def _from_the_table(table, origin, destination, value, period):
    """Columns the options do not name, read from the table's HXL tags (+origin, +dest, #affected…, #date)."""
    from geo.errors import InputError
    from geo.io.columns import tagged_period, tagged_roles

    try:
        roles = tagged_roles(table)
    except InputError as exc:
        if value is None:
            raise click.UsageError(str(exc)) from None
        roles = {}
    tags = table.attrs.get("hxl") or {}
    roles["period"] = tagged_period(table)  # only a #date column with two dates or more
    found = {}
    for option, given, role in (("--origin", origin, "origin"), ("--destination", destination, "destination"),
                                ("--value", value, "value"), ("--period", period, "period")):  # fmt: skip
        if given is None and roles.get(role):
            given = roles[role]
            say(f"{option} {given!r} ({tags[given]}), from the table's HXL tags")
        if given is None and role != "period":
            raise click.UsageError(f"missing {option}: name the column (no HXL tag says which it is)")
        found[role] = given
    return found["origin"], found["destination"], found["value"], found["period"]
