"""Options shared by the commands that read tables or place names.

Each is a decorator, so every command spells them the same way::

    @main.command("choropleth")
    @boundaries_option
    @parent_option
    @table_options          # --sheet, --layer, --assume-crs
    def choropleth_command(..., boundaries, parent, sheet, layer, assume_crs): ...

and passes them on: ``geo.admin.gazetteer_with(*boundaries)`` (None when no
file is given), ``geo.io.read_table(path, sheet=sheet, layer=layer,
assume_crs=assume_crs)``, ``geo.admin.resolve(names, parents, …)``.
"""

from __future__ import annotations

import click

boundaries_option = click.option(
    "--boundaries",
    "boundaries",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Boundary file (COD-AB Shapefile/zip/GPKG/GeoJSON, admin 1–3) whose areas are added to the gazetteer "
    "for this run; repeat for several.",
)

parent_option = click.option(
    "--parent",
    "parent",
    multiple=True,
    metavar="COLUMN",
    help="Column holding each name's parent area (a name or a P-code; a header or an HXL tag such as "
    "'#adm1+name'): names are matched inside it. Repeat from the top level down (--parent Mohafaza --parent "
    "Nahya). A country column (names or ISO codes) keeps each row of a global table in its country. Without it, "
    "the table's own hierarchy columns (Country/ISO3, Mohafaza/Mantika/Nahya, admin1Name_en…, #adm1+name…) are "
    "used, and said.",
)
level_option = click.option(
    "--level",
    metavar="LEVEL",
    help="What the names are: 1-4, adm1-adm4, governorate, district, sub-district, community (or place, camp). "
    "Default: what the column's header says (Nahya, sub_district, admin3Name_en, #adm3+name), else the kind most "
    "of the names are.",
)
places_option = click.option(
    "--places",
    "places",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Populated places of your own (a country's COD-PP: CSV, XLSX, GeoJSON, SHP, zip, GPKG, with names, P-codes "
    "and points or LATITUDE/LONGITUDE) added to the gazetteer for this run; repeat for several.",
)
places_columns_option = click.option(
    "--places-columns",
    metavar="FIELD=COL,…",
    help="Columns of --places files when their headers are unusual, e.g. 'name=nom_village,pcode=code,lat=y,lon=x'.",
)


def user_places(func):
    """--boundaries, --places and --places-columns: the user's own areas and places for this run."""
    return boundaries_option(places_option(places_columns_option(func)))


def user_gazetteer(boundaries=(), places=(), places_columns=None, country=None, assume_crs=None):
    """The shipped gazetteer with the user's boundary and places files added (None when there are none)."""
    if not boundaries and not places:
        return None
    from geo.admin import gazetteer_with
    from geo.cli import say
    from geo.places import gazetteer_with_places, parse_columns

    gaz = gazetteer_with(*boundaries, assume_crs=assume_crs)
    before = len(gaz)
    if boundaries:
        say(f"boundaries: {before - gaz.shipped} areas added from {', '.join(map(str, boundaries))}")
    if places:
        gazetteer_with_places(*places, gazetteer=gaz, columns=parse_columns(places_columns), country=country)
        say(f"places: {len(gaz) - before} added from {', '.join(map(str, places))}")
    return gaz


sheet_option = click.option("--sheet", help="Sheet of an XLSX workbook (name or 0-based number); the first otherwise.")
layer_option = click.option("--layer", help="Layer of a GeoPackage (or shapefile inside a zip) holding several.")
assume_crs_option = click.option(
    "--assume-crs",
    metavar="CRS",
    help="CRS of a layer that records none (a shapefile without .prj), e.g. EPSG:4326 or EPSG:32637.",
)
hxl_option = click.option("--hxl", is_flag=True, help="Put an HXL hashtag row under the CSV header.")

provider_option = click.option(
    "--provider",
    metavar="NAME",
    help="Online geocoder (any geopy service: nominatim, arcgis, photon…) asked only for names the offline "
    "gazetteer cannot place; answers are cached on disk (see 'geo cache info').",
)
user_agent_option = click.option(
    "--user-agent",
    metavar="UA",
    envvar="GEO_USER_AGENT",
    help="Who is asking, for the online geocoder (required by Nominatim: e.g. 'my-org-sitrep you@example.org'). "
    "Also read from GEO_USER_AGENT.",
)


def table_options(func):
    """--sheet, --layer and --assume-crs: how to read an input table."""
    return sheet_option(layer_option(assume_crs_option(func)))


def provider_options(func):
    """--provider and --user-agent: the opt-in online fallback."""
    return provider_option(user_agent_option(func))


_path = click.Path(dir_okay=False)
# What every map command writes, and what every map carries besides its data (footer, credits, units).
_MAP_OUTPUTS = [
    click.option("-o", "--output", type=_path, help="The map as one self-contained HTML file that opens offline."),
    click.option("--png", type=_path, help="Also a static PNG (200 dpi) of the same map."),
    click.option("--svg", type=_path, help="Also a static SVG."),
    click.option("--pdf", type=_path, help="Also a static PDF."),
]
_MAP_TEXTS = [
    click.option("--subtitle", help="Subtitle: the period or 'as of' date."),
    click.option("--source", help="Source of the figures, shown in the footer (and the choropleth's popups)."),
    click.option("--as-of", "as_of", help="Date the figures were true (footer)."),
    click.option("--created", help="Creation date printed on the map (default today; fix it for reproducible files)."),
    click.option("--units", default="people", show_default=True, help="What the figures count: people, households…"),
    click.option("--disclaimer", help="Replace the UN boundaries disclaimer ('' to leave it out)."),
    click.option("--tiles", help="Web tiles over the offline basemap, by xyzservices name (online only)."),
]


period_option = click.option(
    "--period",
    "--date",
    "period",
    metavar="COLUMN",
    help="Column of dates or periods (header or HXL tag such as '#date'): the map gets a time slider showing one "
    "period at a time, all on one scale; the static twin shows a panel per period. Periods sort as dates when "
    "they read as dates (2024-01, Jan 2024, 2024-01-15), else in the table's order.",
)
at_option = click.option(
    "--at",
    metavar="PERIOD",
    help="With --period: the period the web map opens at (default the last), and the only one the static twin "
    "draws (default: small multiples of them all).",
)


def time_options(func):
    """--period and --at: a map by period (a time slider; small multiples in print)."""
    return period_option(at_option(func))


def map_outputs(func):
    """-o/--output, --png, --svg, --pdf: the HTML map and its static twins."""
    for option in reversed(_MAP_OUTPUTS):
        func = option(func)
    return func


def map_texts(func):
    """--subtitle, --source, --as-of, --created, --units, --disclaimer, --tiles: what frames a map."""
    for option in reversed(_MAP_TEXTS):
        func = option(func)
    return func
